"""The stance panels: one Altair expression, one facet per issue, steps, the gap
beneath, the as-known-on day, a click selection named "stance", quote tooltips."""

from datetime import date

import altair as alt
import pandas as pd

from dashboard.charts.stances import STANCE_SELECTION, stance_panels_alt_text, stance_panels_chart
from dashboard.model.stance_panels import stance_panels

DAY = date(2012, 5, 31)


def spec(ds, **kwargs) -> dict:
    panels = stance_panels(ds, DAY, **kwargs)
    return stance_panels_chart(panels, list(ds.issues.sort_values("sort_order")["title"]), ds.about.sides).to_dict()


def layers_by_filter(chart_spec: dict) -> dict[str, dict]:
    """Each layer of the facet's inner spec, by the panel layer it filters on."""
    found = {}
    for layer in chart_spec["spec"]["layer"]:
        [flt] = [t["filter"] for t in layer["transform"] if "filter" in t]
        found[flt.split("'")[1] if "'" in flt else flt] = layer
    return found


def test_one_facet_per_issue_in_sort_order_with_title_and_purpose(ds):
    chart = spec(ds)
    assert chart["facet"]["field"] == "issue_title"
    assert chart["facet"]["sort"] == ["Architecture", "Guarantees", "Cooperation"]
    assert chart["resolve"]["scale"]["y"] == "independent"
    assert chart["title"]["text"] == "Did they narrow the gap?"
    assert "gap" in " ".join(chart["title"]["subtitle"])


def test_layers_draw_steps_gap_stances_and_the_known_on_day(ds):
    layers = layers_by_filter(spec(ds))
    assert set(layers) == {"gap", "segment", "jump", "stance", "known_on", "note", "position", "now"}
    assert layers["gap"]["mark"]["type"] == "bar" and layers["gap"]["encoding"]["y2"]["field"] == "y2"
    assert layers["segment"]["encoding"]["strokeDash"]["field"] == "stale"
    assert layers["known_on"]["mark"]["type"] == "rule"
    # NATO blue and Russia red, in that order, on every layer that colours by side
    colour = layers["stance"]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["NATO", "Russia"]


def test_clicking_a_stance_is_a_named_point_selection_with_quote_tooltips(ds):
    chart = spec(ds)
    [param] = chart["params"]
    assert param["name"] == STANCE_SELECTION == "stance"
    assert param["select"] == {"type": "point", "fields": ["stance_id"], "on": "click"}
    tooltip = [t["field"] for t in layers_by_filter(chart)["stance"]["encoding"]["tooltip"]]
    assert tooltip == ["side", "position_label", "words", "speaker", "start", "source"]


def test_panel_data_steps_gap_and_selection(ds):
    panels = stance_panels(ds, DAY, selected="sn_a2")
    stances = panels[panels["layer"] == "stance"].set_index("stance_id")
    assert stances.loc["sn_a2", "selected"] and not stances.loc["sr_a2", "selected"]
    assert stances.loc["sn_g2", "words"] == "“No legal guarantees are possible.”"
    gap = panels[(panels["layer"] == "gap") & (panels["issue_id"] == "architecture")]
    # 2 from Russia's first stance (1 Jul 2010), 0 from 20 Nov 2010 to the day: drawn downwards
    assert gap["y2"].tolist() == [-2, 0]
    assert gap["end"].iloc[-1] == pd.Timestamp(DAY)
    # both sides last moved on 2010-11-20, so from 2011-11-20 on their segments are stale
    stale = panels[(panels["layer"] == "segment") & panels["stale"] & (panels["issue_id"] == "architecture")]
    assert set(stale["side"]) == {"NATO", "Russia"}
    assert (stale["start"] == pd.Timestamp("2011-11-20")).all()


def test_the_panels_name_positions_in_words_instead_of_a_rank_axis(ds):
    layers = layers_by_filter(spec(ds))
    # the ranks mean nothing alone: no y axis, and every name and the gap words are text marks
    assert all(layer["encoding"]["y"]["axis"] is None for layer in layers.values() if "y" in layer["encoding"])
    for name, field in (("position", "label"), ("now", "label"), ("note", "note")):
        assert layers[name]["mark"]["type"] == "text" and layers[name]["encoding"]["text"]["field"] == field
    # where each side stands ends at the as-known-on day; an earlier step's name starts at its step and is cut
    # to the step's length in pixels, and its tooltip has it whole
    assert layers["now"]["encoding"]["x"]["field"] == "end" and layers["now"]["mark"]["align"] == "right"
    assert layers["position"]["encoding"]["x"]["field"] == "start" and layers["position"]["mark"]["align"] == "left"
    assert "scale('x'" in layers["position"]["mark"]["limit"]["expr"]
    tooltip = [t["field"] for t in layers["position"]["encoding"]["tooltip"]]
    assert tooltip[:2] == ["side", "position_label"]


def test_the_alt_text_names_issues_stances_positions_and_gaps(ds):
    panels = stance_panels(ds, DAY)
    text = stance_panels_alt_text(panels)
    assert text.startswith("Small multiples, one panel per issue (3)")
    assert "Architecture: NATO: Sectoral system · Russia: Sectoral system; gap 2 → 0, narrowed." in text
    assert "Guarantees: NATO: No guarantee · Russia: Legally binding; gap 1 → 2, widened." in text
    assert "Cooperation: no positions on record." in text


def test_the_chart_is_valid_vega_lite_even_with_no_stances(ds):
    panels = stance_panels(ds, DAY, issue_ids=["cooperation"])
    assert set(panels["layer"]) == {"known_on"}
    chart = stance_panels_chart(panels, ["Cooperation"], ds.about.sides)
    assert isinstance(chart, alt.FacetChart)
    chart.to_dict()  # validates against the Vega-Lite schema
