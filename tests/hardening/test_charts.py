"""Chart text from the data is shown literally by Plotly, never as its markup.

Plotly renders a subset of HTML in every text it draws (hover labels, tick
labels, annotations, legend names): <b>, <i>, <br>, <span style>, and <a href>
for http(s) addresses, which become clickable links inside the chart. Text
from the data must therefore be HTML-escaped before it goes into a figure
(Plotly shows `&lt;b&gt;` as `<b>`), as dashboard/charts/timeline.py does for
its hover labels.
"""

from __future__ import annotations

import pytest

from dashboard.charts.actors import co_attendance_figure
from dashboard.charts.map import venue_map_figure
from dashboard.charts.stances import gap_figure, stance_history_figure
from dashboard.charts.timeline import timeline_figure
from dashboard.data.load import load_dataset
from dashboard.model.actors import co_attendance
from dashboard.model.filters import Filters, filter_events
from dashboard.model.stances import gap_series, stance_history
from tests.hardening import hostile_data as h

# Markup that appears only if data text reached Plotly unescaped.
DATA_MARKUP = ("<b>bold</b>", "<a href=", "<script>", "<img ")


@pytest.fixture(scope="module")
def ds():
    return load_dataset(h.HOSTILE_DIR)


def strings(value):
    """Every string in a figure's JSON."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)
    elif hasattr(value, "tolist"):
        yield from strings(value.tolist())


def raw_markup(figure, part: str) -> list[str]:
    """Strings in `part` ('data' or 'layout') of the figure carrying data markup."""
    found = [text for text in strings(figure.to_plotly_json()[part]) if any(m in text for m in DATA_MARKUP)]
    return [text[:120] for text in found]


def test_timeline_hover_labels_are_escaped(ds):
    for lanes in ("affiliation", "actor", "kind"):
        figure = timeline_figure(filter_events(ds, Filters()), ds.phases, lane_by=lanes, actors=ds.actors)
        hovers = [t for trace in figure.data for t in (trace.hovertext or ())]
        assert hovers and not [t for t in hovers if any(m in t for m in DATA_MARKUP)]


def test_timeline_lane_labels_and_phase_titles_are_escaped(ds):
    figure = timeline_figure(filter_events(ds, Filters()), ds.phases, lane_by="actor", actors=ds.actors)
    assert raw_markup(figure, "layout") == [] and raw_markup(figure, "data") == []


def test_stance_history_hover_and_position_labels_are_escaped(ds):
    positions = ds.positions[ds.positions["issue_id"] == h.ISSUE]
    figure = stance_history_figure(stance_history(ds, h.ISSUE), positions)
    assert raw_markup(figure, "data") == [] and raw_markup(figure, "layout") == []


def test_gap_chart_issue_names_are_escaped(ds):
    series = gap_series(ds, issue_ids=list(ds.issues["issue_id"]), end=None)
    ds_issues = ds.issues.assign(title=h.PLOTLY)
    figure = gap_figure(series, ds_issues)
    assert raw_markup(figure, "data") == []


def test_map_hover_labels_are_escaped(ds):
    figure, _ = venue_map_figure(filter_events(ds, Filters()))
    assert raw_markup(figure, "data") == []


def test_who_met_whom_labels_are_escaped(ds):
    figure = co_attendance_figure(co_attendance(ds), ds.actors)
    assert raw_markup(figure, "data") == []
