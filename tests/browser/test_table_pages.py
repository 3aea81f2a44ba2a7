"""Turning a table page reruns the table's own part of the page (an `st.fragment`): the rest of the page is not run
again, and the timeline chart above it is neither sent again nor redrawn. A server of its own, on the bundled
events repeated past one table page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, WebSocket

from dashboard.ui.components import PAGE_ROWS
from dashboard.ui.timeline import CONFIG
from tests.browser.helpers import open_app, rerun, wait_charts_drawn
from tests.data.csv_tools import large_dataset

# Sent by every run of the whole timeline page, in its caption above the chart.
PAGE_MARK = "events match the filters"
# Every timeline spec the server sends carries the chart's download file name (ui/timeline.CONFIG). Streamlit
# sends a large message the browser already holds as a reference to it, so a whole rerun with the same chart
# does not carry it either; the page mark is what tells a fragment's run from a whole one.
CHART_MARK = CONFIG["toImageButtonOptions"]["filename"]  # type: ignore[index]
# Counts the chart's redraws: Plotly fires plotly_afterplot after each one.
COUNT_REDRAWS = """() => {
  const chart = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  chart.__keptNode = true;
  window.__redraws = 0;
  chart.on('plotly_afterplot', () => { window.__redraws += 1; });
}"""
CHART_STATE = """() => {
  const chart = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  return {kept: !!(chart && chart.__keptNode), redraws: window.__redraws};
}"""


@pytest.fixture(scope="module")
def two_pages_url(server_factory, tmp_path_factory) -> str:
    data = tmp_path_factory.mktemp("two_table_pages")
    total = large_dataset(data, PAGE_ROWS // 30 + 5)
    assert PAGE_ROWS < total < 2 * PAGE_ROWS
    return server_factory({"DASHBOARD_DATA": str(data)})


def _frames_during(page: Page, frames: list[str], action) -> str:
    frames.clear()
    with rerun(page):
        action()
    return "".join(frames)


def test_a_table_page_reruns_the_table_alone(new_page, two_pages_url):
    page: Page = new_page()
    frames: list[str] = []

    def watch(socket: WebSocket) -> None:
        socket.on(
            "framereceived",
            lambda payload: frames.append(payload if isinstance(payload, str) else payload.decode("latin-1")),
        )

    page.on("websocket", watch)
    open_app(page, two_pages_url)
    wait_charts_drawn(page)
    page.evaluate(COUNT_REDRAWS)

    number = page.get_by_label("Table page (of 2)")
    sent = _frames_during(page, frames, lambda: (number.fill("2"), number.press("Enter")))
    page.get_by_text(f"Rows {PAGE_ROWS + 1:,}–").wait_for()
    assert PAGE_MARK not in sent and CHART_MARK not in sent
    assert page.evaluate(CHART_STATE) == {"kept": True, "redraws": 0}

    # A change of the whole view runs the whole page and sends the new chart: the checks above can fail.
    search = page.get_by_label("Search text")
    sent = _frames_during(page, frames, lambda: (search.fill("summit"), search.press("Enter")))
    wait_charts_drawn(page)
    assert PAGE_MARK in sent and CHART_MARK in sent
