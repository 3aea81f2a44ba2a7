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


def test_clicking_a_stance_shows_its_quote(page: Page, base_url: str):
    open_app(page, base_url + "stances")
    detail = page.locator(".st-key-stance_detail")
    expect(detail).to_have_count(0)
    point = (
        page.locator(POINTS)
        .and_(page.locator('[aria-label*="Position: Deal sought, no date promised"]'))
        .and_(page.locator('[aria-label*="Speaker: James Appathurai"]'))
    )
    expect(point).to_have_count(1)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    with rerun(page):
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    expect(detail).to_contain_text("gamble on expectations.")
    expect(detail).to_contain_text("James Appathurai, 25 Oct 2011")
    expect(detail).to_contain_text("The Moscow Times")
    assert parse_qs(urlsplit(page.url).query).get("stance") == ["tt_nato_2011_10"]
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert unexpected_errors(page) == []
