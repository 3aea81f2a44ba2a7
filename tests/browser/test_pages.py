"""Every page loads cleanly, and axe-core finds no serious violation on it; the timeline is drawn."""

from __future__ import annotations

import csv

import pytest
from playwright.sync_api import Page, expect

from dashboard.pages import PAGES as PAGE_SPECS
from dashboard.pages import address
from tests.browser.helpers import AXE, REPO_ROOT, axe_findings, open_app, plotted_event_ids, unexpected_errors

pytestmark = pytest.mark.browser

PAGES = {
    "": "NATO–Russia missile defence talks, 2009–2012",
    "story": "The story of the talks",
    "stances": "Stances",
    "statements": "Statements",
    "actors": "Actors",
    "sources": "Sources",
    "disagreements": "Where the sources disagree",
    "map": "Map",
    "about": "About this dataset",
}


def bundled(table: str) -> list[dict[str, str]]:
    with open(REPO_ROOT / "data" / f"{table}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_page_of_the_app_is_checked():
    assert set(PAGES) == {address(spec) for spec in PAGE_SPECS}


@pytest.mark.parametrize("path", list(PAGES), ids=[path or "home" for path in PAGES])
def test_page_loads_without_errors(page: Page, base_url: str, screenshot_dir, path: str):
    open_app(page, base_url + path)
    title = page.locator("[data-testid=stMain] h1")
    expect(title).to_have_count(1)
    expect(title).to_be_visible()
    expect(title).to_have_text(PAGES[path])
    assert page.url.split("?")[0] == base_url + path, "the page did not stay on its own path"
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    page.screenshot(path=str(screenshot_dir / f"{path or 'home'}.png"), full_page=True)
    assert unexpected_errors(page) == []
    # On the same load (a page open costs ~2.5 s of Chromium CPU here): WCAG 2.0/2.1 A and AA.
    assert AXE.exists(), "run `npm ci` in tests/browser (see .ci/run)"
    assert axe_findings(page) == []


def test_timeline_draws_events_and_phases(page: Page, base_url: str):
    open_app(page, base_url)
    # One timeline layout per screen width is built; CSS shows the one that fits.
    chart = page.locator("[data-testid=stMain] .js-plotly-plot").filter(visible=True)
    expect(chart).to_have_count(1)
    # Drawn marks: marker paths in the scatter traces, bar paths in the bar traces.
    markers = chart.locator(".scatterlayer g.trace .points path")
    bars = chart.locator(".barlayer g.trace .point path")
    expect(markers.first).to_be_attached()
    expect(bars.first).to_be_attached()
    drawn = chart.locator("g.trace .points path[d], g.trace .point path[d]").evaluate_all(
        "els => els.filter(el => el.getAttribute('d') && el.getAttribute('d') !== 'M0,0Z').length"
    )
    assert drawn >= 10, f"only {drawn} drawn marks"
    # Every bundled event is on the chart (no filters yet).
    assert plotted_event_ids(page) == {row["event_id"] for row in bundled("events")}
    # The phase bands are titled in the SVG.
    texts = chart.locator("svg text").all_text_contents()
    assert "Lisbon and its follow-up" in texts
    for phase in bundled("phases"):
        assert phase["title"] in texts, f"phase band {phase['title']!r} has no title"
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert unexpected_errors(page) == []
