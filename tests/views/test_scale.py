"""The timeline page on more events than the chart draws one by one."""

import json

import pytest

from dashboard.charts.timeline import MAX_DRAWN_EVENTS
from dashboard.data.archive import ENGINE_ENV, Archive, Where
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


def test_an_archived_record_above_the_drawn_limit_sends_only_pages_to_pandas(tmp_path, monkeypatch):
    """Above MAX_DRAWN_EVENTS the timeline page (chart, picker, table, share box) asks the archive for counts,
    weekly counts and pages: never for every row a view keeps, which at a million events is the table again."""
    total = large_dataset(tmp_path, MAX_DRAWN_EVENTS // 30 + 20)
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    monkeypatch.setenv(ENGINE_ENV, "duckdb")
    unbounded = []
    rows = Archive.rows

    def paged_rows(self, table, where=None, first=0, limit=None, order="pos"):
        where = where or Where()
        if limit is None and not where.one_of:  # one_of: rows by their ids (an event's detail), few by nature
            unbounded.append((table, where))
        return rows(self, table, where, first, limit, order)

    monkeypatch.setattr(Archive, "rows", paged_rows)
    at = run_app({"event": "rogozin_relieved_5"})
    assert total > MAX_DRAWN_EVENTS and "counts them per week" in at.caption[0].value
    at.number_input(key="events_page").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    assert unbounded == []
    at.text_input(key="q").set_value("summit").run()  # 2,118 events: drawn one by one, so fetched
    assert unbounded and not at.exception
