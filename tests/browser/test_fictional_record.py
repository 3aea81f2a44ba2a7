"""The fictional record (tests/fixtures/fictional) in Chromium: its own title, its sides named on the stance
panels and its lanes on the timeline, with no error in the page. A server of its own."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import open_app, unexpected_errors, wait_charts_drawn, watch_errors
from tests.views.test_fictional_record import FICTIONAL, TITLE


@pytest.fixture(scope="module")
def fictional_url(server_factory) -> str:
    return server_factory({"DASHBOARD_DATA": str(FICTIONAL)})


@pytest.mark.parametrize("width", [1400, 390])
def test_the_fictional_record_shows_its_own_names(new_page, fictional_url, width):
    page: Page = new_page()
    watch_errors(page)
    page.set_viewport_size({"width": width, "height": 1000})
    open_app(page, fictional_url)
    wait_charts_drawn(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert page.title() == TITLE
    lanes = page.locator("[data-testid=stPlotlyChart] .annotation-text").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert {"Osterland", "Veyra", "Sable Basin Commission"} <= set(lanes)

    open_app(page, fictional_url + "stances")
    wait_charts_drawn(page)
    panels = page.locator("[data-testid=stMain] [data-testid=stVegaLiteChart] svg").first
    expect(panels).to_contain_text("Osterland: By population")
    expect(panels).to_contain_text("Veyra: Equal halves")
    legend = panels.locator(".role-legend").first
    expect(legend).to_contain_text("Osterland")
    expect(legend).to_contain_text("Veyra")
    body = page.locator("[data-testid=stMain]").inner_text()
    assert "NATO" not in body and "Russia" not in body
    assert unexpected_errors(page) == []
