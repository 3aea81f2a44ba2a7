"""The benchmark's browser and protocol columns, on the floor app (the lightest app it measures)."""

import pytest
from playwright.sync_api import Browser

from bench.cli import FLOOR_APP
from bench.measure import measure_in_browser, measure_server_cpu
from bench.report import Result
from harness.server import BUNDLED_DATA

pytestmark = pytest.mark.browser

WORDS = ["alpha", ""]  # the floor app's chart changes with every search


def test_the_browser_column_measures_every_figure(browser: Browser):
    result = Result("bundled", "floor")
    measure_in_browser(browser, result, FLOOR_APP, BUNDLED_DATA, WORDS, budget_s=120)
    assert result.notes == []
    assert result.cold_start_s is not None and result.cold_start_s > 0
    assert len(result.change_ms) == 2 and all(ms > 0 for ms in result.change_ms)
    # Each change brings the new chart over the page's WebSocket, counted from before the page opened it.
    assert len(result.bytes_per_change) == 2 and all(size > 100 for size in result.bytes_per_change)
    assert result.peak_mb is not None and result.peak_mb > 50  # a Streamlit server with Plotly loaded


def test_the_protocol_column_measures_cpu_per_change():
    result = Result("bundled", "floor")
    measure_server_cpu(result, FLOOR_APP, BUNDLED_DATA, WORDS, budget_s=120)
    assert result.notes == []
    assert result.cpu_ms_per_change is not None and result.cpu_ms_per_change > 0
