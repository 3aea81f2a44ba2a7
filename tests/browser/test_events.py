"""Picking an event on the timeline shows its detail, and the pick is in the URL."""

from __future__ import annotations

import csv
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import REPO_ROOT, click_for_rerun, open_app, unexpected_errors

pytestmark = pytest.mark.browser

# A click picks the nearest point within Plotly's hover distance (20 px by default), in any trace: a mark is
# "alone", so that a click on it can only mean its event, when no other mark's centre is within this distance.
ALONE_PX = 21

# Centre and event id of every drawn marker, read from Plotly's own data binding:
# each point's datum has its index `i` in the trace, whose customdata holds the ids.
_MARKERS = """
els => els.map(el => {
  const trace = el.closest('g.trace').__data__[0].trace;
  const box = el.getBoundingClientRect();
  return {id: trace.customdata[el.__data__.i], x: box.x + box.width / 2, y: box.y + box.height / 2,
          w: box.width};
})
"""


def titles() -> dict[str, str]:
    with open(REPO_ROOT / "data" / "events.csv", newline="", encoding="utf-8") as handle:
        return {row["event_id"]: row["title"] for row in csv.DictReader(handle)}


def _clear_spot(bar: dict, markers: list[dict]) -> dict:
    """The bar with `x` moved to the spot along it farthest from any marker in its row, and that distance as
    `clear`: a long bar can be clicked away from a marker that sits on or near one of its ends."""
    row = [m["x"] for m in markers if abs(m["y"] - bar["y"]) <= ALONE_PX]
    spots = [bar["x"] - bar["w"] / 2 + 3 + step for step in range(int(bar["w"]) - 5)] or [bar["x"]]
    x = max(spots, key=lambda spot: min((abs(spot - m) for m in row), default=1e9))
    return {**bar, "x": x, "clear": min((abs(x - m) for m in row), default=1e9)}


def event_detail(page: Page):
    """The bordered container holding the event detail (the one with "When:")."""
    return (
        page.locator("[data-testid=stMain] [data-testid=stVerticalBlock]")
        .filter(has=page.locator("h3"))
        .filter(has_text="When:")
        .last
    )


def test_clicking_a_marker_or_bar_shows_the_event(page: Page, base_url: str):
    open_app(page, base_url)
    markers = page.locator("[data-testid=stMain] .js-plotly-plot .scatterlayer .trace .points path")
    expect(markers.first).to_be_attached()
    expect(page.get_by_text("When:")).to_have_count(0)
    page.locator("[data-testid=stMain] .js-plotly-plot").first.scroll_into_view_if_needed()
    points = markers.evaluate_all(_MARKERS)
    # A marker no other marker overlaps, so the click can only mean that event.
    alone = [
        p
        for p in points
        if p["w"] > 0
        and all(q is p or abs(q["x"] - p["x"]) > ALONE_PX or abs(q["y"] - p["y"]) > ALONE_PX for q in points)
    ]
    assert alone, "no marker stands alone to be clicked"
    target = alone[0]
    title = titles()[target["id"]]

    click_for_rerun(page, target["x"], target["y"])

    assert parse_qs(urlsplit(page.url).query).get("event") == [target["id"]]
    detail = event_detail(page)
    expect(detail.locator("h3")).to_have_text(title)
    expect(detail.get_by_text("When:")).to_be_visible()
    expect(detail.get_by_text("Sources", exact=True)).to_be_visible()

    # A bar (a multi-day or loosely dated event) can be picked as well; the new pick replaces the old.
    plot_area = page.locator("[data-testid=stMain] .js-plotly-plot .nsewdrag").first.bounding_box()
    bars = page.locator("[data-testid=stMain] .js-plotly-plot .barlayer .trace .point path").evaluate_all(_MARKERS)
    clickable = [
        b
        for b in (_clear_spot(b, points) for b in bars if b["w"] >= 8 and b["id"] != target["id"])
        if plot_area["x"] + 10 < b["x"] < plot_area["x"] + plot_area["width"] - 10 and b["clear"] > ALONE_PX
    ]
    assert clickable, "no bar has a spot clear of the markers to be clicked"
    bar = clickable[0]
    click_for_rerun(page, bar["x"], bar["y"])
    assert parse_qs(urlsplit(page.url).query).get("event") == [bar["id"]]
    expect(event_detail(page).locator("h3")).to_have_text(titles()[bar["id"]])
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert unexpected_errors(page) == []


def test_event_link_opens_its_detail(page: Page, base_url: str):
    open_app(page, base_url + "?event=lisbon_nrc")
    detail = event_detail(page)
    expect(detail.locator("h3")).to_have_text("NATO–Russia Council summit in Lisbon")
    expect(detail.get_by_text("When:")).to_be_visible()
    expect(detail.get_by_text("Sources", exact=True)).to_be_visible()
    assert parse_qs(urlsplit(page.url).query).get("event") == ["lisbon_nrc"]
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert unexpected_errors(page) == []
