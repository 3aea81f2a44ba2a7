"""Clicking a stance in the Altair panels shows its quote, and the pick is in the URL; the panels say in words
where each side stands and what became of the gap, at 1400 px and at 390 px."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from dashboard.model.stance_gaps import NO_POSITIONS, gap_summary, gap_words
from dashboard.model.stances import stances_as_of
from dashboard.model.url_params import date_bounds
from tests.browser.helpers import open_app, rerun, unexpected_errors
from tests.bundled import bundled_dataset

pytestmark = pytest.mark.browser

# Vega-Lite gives every mark an aria-label made of its tooltip fields, so a
# stance's point can be found by its position and speaker.
POINTS = "[data-testid=stMain] [data-testid=stVegaLiteChart] svg g.mark-symbol path"


# A spot inside a panel's plotting area where no mark is: the click lands on the panel's background.
EMPTY_SPOT = """(svg) => {
  for (const panel of svg.querySelectorAll('.cell > g > path.background')) {
    const r = panel.getBoundingClientRect();
    for (let fy = 0.05; fy < 1; fy += 0.1) for (let fx = 0.05; fx < 1; fx += 0.1) {
      const x = r.x + fx * r.width, y = r.y + fy * r.height;
      if (document.elementFromPoint(x, y) === panel) return {x, y};
    }
  }
  return null;
}"""


def click_stance(page: Page, position: str, speaker: str) -> None:
    point = (
        page.locator(POINTS)
        .and_(page.locator(f'[aria-label*="Position: {position}"]'))
        .and_(page.locator(f'[aria-label*="Speaker: {speaker}"]'))
    )
    expect(point).to_have_count(1)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    with rerun(page):
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_clicking_a_stance_shows_its_quote(page: Page, base_url: str):
    open_app(page, base_url + "stances")
    detail = page.locator(".st-key-stance_detail")
    expect(detail).to_have_count(0)
    click_stance(page, "Deal sought, no date promised", "James Appathurai")

    expect(detail).to_contain_text("gamble on expectations.")
    expect(detail).to_contain_text("James Appathurai, 25 Oct 2011")
    expect(detail).to_contain_text("The Moscow Times")
    assert parse_qs(urlsplit(page.url).query).get("stance") == ["tt_nato_2011_10"]
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert unexpected_errors(page) == []


def test_a_click_on_an_empty_part_of_a_panel_closes_the_picked_stance(page: Page, base_url: str):
    open_app(page, base_url + "stances")
    detail = page.locator(".st-key-stance_detail")
    click_stance(page, "Deal sought, no date promised", "James Appathurai")
    expect(detail).to_contain_text("gamble on expectations.")
    assert parse_qs(urlsplit(page.url).query).get("stance") == ["tt_nato_2011_10"]
    spot = page.locator("[data-testid=stMain] [data-testid=stVegaLiteChart] svg").first.evaluate(EMPTY_SPOT)
    assert spot is not None, "no empty spot found in the first panel"
    with rerun(page):
        page.mouse.click(spot["x"], spot["y"])
    expect(detail).to_have_count(0)
    assert "stance" not in parse_qs(urlsplit(page.url).query)
    assert unexpected_errors(page) == []


# The texts the panels draw as marks (the names of positions and the gap in words), with their boxes; Streamlit
# renders Vega-Lite to SVG, and a name cut with an ellipsis has the cut text as its content.
PANEL_TEXTS = """(svg) => [...svg.querySelectorAll('g.mark-text.role-mark text')].map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height};
})"""


def said_on(day: date) -> tuple[set[str], set[str]]:
    """What the panels must say on `day`: "side: position" for every current stance, and each issue's gap words."""
    ds = bundled_dataset()
    stands = {
        f"{stance.side}: {stance.position_label}"
        for issue_id in ds.issues["issue_id"]
        for stance in stances_as_of(ds, issue_id, day).itertuples()
    }
    summary = gap_summary(ds, day)
    summary = summary[summary["status"] != NO_POSITIONS]
    gaps = {gap_words(*row) for row in zip(summary["first_gap"], summary["gap"], summary["status"], strict=True)}
    return stands, gaps


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of text boxes that overlap by more than a pixel each way."""
    return [
        (a["text"], b["text"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"]) > 1
        and min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"]) > 1
    ]


# The default day (the end of the record) at both widths; at 390 px also 1 Nov 2011, when NATO's position on
# guarantees has the longest name in the data ("Cooperation and transparency instead of guarantees").
@pytest.mark.parametrize(
    ("width", "asof"), [(1400, None), (390, None), (390, date(2011, 11, 1))], ids=["1400px", "390px", "390px-2011"]
)
def test_the_panels_say_where_each_side_stands_and_the_gap_in_words(
    new_page: Callable[[], Page], base_url: str, width: int, asof: date | None
):
    day = asof or date_bounds(bundled_dataset())[1]
    stands, gaps = said_on(day)
    assert len(stands) > 10 and "NATO: Two independent, coordinated systems" in stands and gaps  # not vacuous
    page = new_page()
    page.set_viewport_size({"width": width, "height": 1000})
    open_app(page, base_url + "stances" + (f"?asof={asof.isoformat()}" if asof else ""))
    chart = page.locator("[data-testid=stMain] [data-testid=stVegaLiteChart]").first
    svg = chart.locator("svg").first
    expect(svg.locator("g.mark-text.role-mark text").first).to_be_attached()
    texts = svg.evaluate(PANEL_TEXTS)
    shown = {t["text"] for t in texts}
    assert stands - shown == set(), "a current position is missing or cut"
    assert gaps - shown == set(), "an issue's gap in words is missing or cut"
    assert overlapping(texts) == []
    # the chart's text alternative (st.altair_chart's alt: the aria-label of the chart, role graphics-document)
    # names them too
    expect(chart).to_have_attribute("role", "graphics-document")
    described = chart.get_attribute("aria-label") or ""
    assert [name for name in stands | gaps if name not in described] == []
