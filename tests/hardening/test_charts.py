"""Chart text from the data is shown literally by Plotly, never as its markup.

Plotly renders a subset of HTML in every text it draws (hover labels, tick
labels, annotations, legend names): <b>, <i>, <br>, <span style>, and <a href>
for http(s) addresses, which become clickable links inside the chart. Text
from the data must therefore be HTML-escaped before it goes into a figure
(Plotly shows `&lt;b&gt;` as `<b>`), as dashboard/charts/timeline.py does for
its hover labels.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.charts.actors import co_attendance_figure
from dashboard.charts.map import venue_map_figure
from dashboard.charts.stances import stance_panels_chart
from dashboard.charts.timeline import timeline_figure
from dashboard.data.load import load_dataset
from dashboard.model.actors import co_attendance
from dashboard.model.filters import Filters, filter_events
from dashboard.model.stance_panels import stance_panels
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


def test_stance_panels_keep_data_text_in_the_data_only(ds):
    # The stance panels are Altair: Vega-Lite draws text as text, so
    # the hostile text may appear only as data values, never in the chart's
    # own settings (titles, axes, tooltips' titles), where no data belongs.
    # Vega-Lite's tooltip handler escapes HTML; headers and labels are SVG text.
    panels = stance_panels(ds, date(2011, 6, 30))
    spec = stance_panels_chart(panels, list(ds.issues["title"]), ds.about.sides).to_dict()
    # (the facet's sort order lists the issue titles: data, drawn as header text)
    settings = {key: value for key, value in spec.items() if key not in ("datasets", "facet")}
    assert spec["facet"]["field"] == "issue_title" and spec["facet"]["header"].get("labelExpr") is None
    assert not [text for text in strings(settings) if any(marker in text for marker in DATA_MARKUP)]
    assert any("<script>" in text for text in strings(spec["datasets"]))


def test_map_hover_labels_are_escaped(ds):
    figure, _ = venue_map_figure(filter_events(ds, Filters()))
    assert raw_markup(figure, "data") == []


def test_who_met_whom_labels_are_escaped(ds):
    figure = co_attendance_figure(co_attendance(ds), ds.actors)
    assert raw_markup(figure, "data") == []
