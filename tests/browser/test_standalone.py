"""The standalone copy of a view (dashboard/charts/standalone.py) in Chromium, opened from disk with every other
request blocked: both charts draw, the tables hold the rows, hostile data shows as text and runs nothing, and
axe-core finds nothing serious.

Needs the session's Chromium only (`new_page`: a fresh context per test), no server; in the "browser" xdist group
with the other tests on that Chromium (tests/conftest.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from dashboard.charts.standalone import standalone_html
from dashboard.data.dataset import Dataset
from dashboard.data.load import load_dataset
from dashboard.model.filters import Filters, filter_events, filter_statements
from tests.browser.helpers import AXE, TIMEOUT_MS, axe_findings, opened_dialogs, unexpected_errors
from tests.bundled import bundled_dataset
from tests.hardening import hostile_data as h

MADE_AT = datetime.datetime(2026, 12, 3, 7, 50, tzinfo=datetime.UTC)
LIVE = "http://localhost:8501/?issue=guarantees"
# The loader marks the body once both charts have drawn ("true") or failed ("failed").
CHARTS_SETTLED = "() => document.body && ['true', 'failed'].includes(document.body.dataset.chartsDrawn)"


def write_copy(folder: Path, ds: Dataset, filters: Filters) -> Path:
    path = folder / "view.html"
    path.write_text(standalone_html(ds, filters, live_url=LIVE, made_at=MADE_AT), encoding="utf-8")
    return path


def open_offline(page: Page, path: Path) -> list[str]:
    """Open the file with every request but the file itself blocked; the list of other requests fills as the page
    makes them (each blocked)."""
    own = path.resolve().as_uri()
    attempted: list[str] = []
    page.on("request", lambda request: None if request.url == own else attempted.append(request.url))

    def only_the_file(route: Route) -> None:
        if route.request.url == own:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_the_file)
    page.goto(own)
    page.wait_for_function(CHARTS_SETTLED, timeout=TIMEOUT_MS)
    return attempted


@pytest.fixture(scope="module")
def bundled_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_copy(tmp_path_factory.mktemp("standalone"), bundled_dataset(), Filters())


def test_copy_draws_both_charts_and_every_row_offline(new_page: Callable[[], Page], bundled_copy: Path):
    ds = bundled_dataset()
    page = new_page()
    attempted = open_offline(page, bundled_copy)
    assert page.evaluate("document.body.dataset.chartsDrawn") == "true", page.locator("#chart-status").inner_text()
    assert attempted == []
    marks = page.locator("#timeline svg.main-svg .scatterlayer .point, #timeline svg.main-svg .barlayer .point")
    assert page.locator("#timeline svg.main-svg").count() >= 1 and marks.count() >= len(ds.events)
    plotted = page.locator("#timeline").evaluate("el => el.data.flatMap(t => t.customdata || [])")
    assert {value for value in plotted if isinstance(value, str)} == set(ds.events["event_id"])
    assert page.locator("#stances.vega-embed svg, #stances.vega-embed canvas").count() >= 1
    assert page.locator("#stances svg .mark-symbol path").count() >= 1  # the stance points
    assert page.locator("#events-table tbody tr").count() == len(filter_events(ds, Filters()))
    assert page.locator("#statements-table tbody tr").count() == len(filter_statements(ds, Filters()))
    assert page.locator("a[href^='#source-']").first.is_visible()
    assert unexpected_errors(page) == [] and opened_dialogs(page) == []


def test_hostile_data_shows_as_text_and_runs_nothing(new_page: Callable[[], Page], tmp_path: Path):
    ds = load_dataset(h.HOSTILE_DIR)
    page = new_page()
    attempted = open_offline(page, write_copy(tmp_path, ds, Filters()))
    assert page.evaluate("document.body.dataset.chartsDrawn") == "true", page.locator("#chart-status").inner_text()
    assert attempted == []
    labels = hover_labels(page)
    hostile = [label for label in labels if "EVENT-TITLE" in label["text"]]
    assert hostile and all("<script>" in label["text"] and label["anchors"] == 0 for label in hostile), labels
    events_text = page.locator("#events-table").inner_text()
    assert h.SCRIPT in events_text and h.IMG in events_text and h.RAW_A in events_text
    assert h.SCRIPT in page.locator("#stances-alt").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#pwned, main script, main img, main iframe, main style").count() == 0
    assert page.locator("a[href^='javascript:'], a[href^='data:']").count() == 0
    assert opened_dialogs(page) == [] and unexpected_errors(page) == []


def hover_labels(page: Page) -> list[dict]:
    """Hover each timeline marker; the text and the number of links of each hover label shown."""
    points = page.locator("#timeline .scatterlayer .point")
    found = []
    for index in range(points.count()):
        points.nth(index).hover(force=True)
        label = page.locator("#timeline .hoverlayer .hovertext")
        try:
            label.first.wait_for(timeout=5_000)
        except PlaywrightTimeoutError:  # a point under another one: no label of its own
            continue
        found.append(label.first.evaluate("el => ({text: el.textContent, anchors: el.querySelectorAll('a').length})"))
    return found


def test_axe_finds_no_serious_violation(new_page: Callable[[], Page], bundled_copy: Path):
    assert AXE.exists(), "run `npm ci` in tests/browser (see .ci/run)"
    page = new_page()
    open_offline(page, bundled_copy)
    assert axe_findings(page, evaluated=True) == []
