"""A PlotlySpec reaches the browser as the same chart as the Figure it was made from, and is not copied."""

import json

from streamlit.testing.v1 import AppTest

from dashboard.charts.spec import PlotlySpec, figure_spec
from dashboard.charts.timeline import timeline_figure
from dashboard.model.filters import Filters, filter_events


def _sent_spec(figure) -> dict:
    """The Plotly JSON that st.plotly_chart puts in its message for `figure`."""

    def script(figure):
        import streamlit as st

        st.plotly_chart(figure, key="chart")

    at = AppTest.from_function(script, args=(figure,)).run()
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_spec_is_sent_as_the_figure_itself(ds):
    figure = timeline_figure(filter_events(ds, Filters()), ds.phases, "affiliation", ds.actors)
    assert _sent_spec(PlotlySpec(figure_spec(figure))) == _sent_spec(figure)


def test_spec_is_plain_json_and_passed_through_uncopied(ds):
    figure = timeline_figure(filter_events(ds, Filters(text="summit")), ds.phases, "kind", ds.actors)
    spec = figure_spec(figure)
    assert json.loads(json.dumps(spec)) == spec  # plain values only: nothing left for Plotly to convert
    assert {trace["type"] for trace in spec["data"]} <= {"scatter", "bar", "scattergl", "heatmap"}
    assert PlotlySpec(spec).to_dict() is spec
