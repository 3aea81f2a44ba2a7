"""The timeline page on more events than the chart draws one by one."""

import json

import pytest

from dashboard.charts.timeline import MAX_DRAWN_EVENTS
from dashboard.data.archive import ENGINE_ENV
from dashboard.model.timeline import PICKER_EVENTS
from dashboard.ui.components import PAGE_ROWS
from tests.data.csv_tools import large_dataset
from tests.views.apptest import run_app


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_many_events_are_aggregated_paged_and_the_picker_stays_small(engine, tmp_path, monkeypatch):
    total = large_dataset(tmp_path, MAX_DRAWN_EVENTS // 30 + 20)
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.setenv(ENGINE_ENV, engine)
    at = run_app({"event": "rogozin_relieved_5"})  # late, so beyond the first 2,000 by date
    captions = " ".join(c.value for c in at.caption)
    assert f"{total:,} of {total:,} events" in captions and "counts them per week" in captions
    assert total > MAX_DRAWN_EVENTS
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["type"] == "heatmap"
    assert "Aggregated view" in spec["layout"]["title"]["text"]
    # The table is paged and says which rows it shows.
    assert at.number_input(key="events_page").value == 1
    assert f"Rows 1–{PAGE_ROWS:,} of {total:,}." in captions
    # The picker holds what the chart could draw plus the linked event, which is shown.
    picker = at.selectbox(key="event")
    assert len(picker.options) == PICKER_EVENTS + 1
    assert picker.value == "rogozin_relieved_5"
    assert "Rogozin relieved of the missile defence post" in [s.value for s in at.subheader]
    at.number_input(key="events_page").set_value(3).run()
    assert f"Rows {2 * PAGE_ROWS + 1:,}–" in " ".join(c.value for c in at.caption)
