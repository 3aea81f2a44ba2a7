"""Clicking a stance in the Altair panels shows its quote, and the pick is in the URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import open_app, rerun, unexpected_errors

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
