"""Story steps and the timeline's labels, window, links and event links, through AppTest."""

import json

import pandas as pd
import pytest

from dashboard.charts.timeline import MAX_DRAWN_EVENTS
from tests.views.apptest import run_app


def charts(at):
    """(layout, data) of every Plotly chart on the page, in page order."""
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return [(spec["layout"], spec["data"]) for spec in specs]


def param(at, key):
    """A URL parameter's value after a run (AppTest gives one value as a str, several as a list)."""
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def page_text(at):
    """The page's markdown with md_escape's backslashes removed."""
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def alts(at):
    return [chart.proto.alt for chart in at.get("plotly_chart")]


def step_heading(at):
    return next(h.value for h in at.header if h.value.startswith("Step ")).replace("\\", "")  # md escapes


def test_story_step_link_shows_its_event_quotes_gap_and_highlight():
    at = run_app({"step": "7"}, page="story")
    assert step_heading(at) == "Step 7 of 11: Defence ministers: the gap stays open"
    text = page_text(at)
    assert "NRC defence ministers meet in Brussels" in text
    assert "**Anatoly Serdyukov**" in text and "The differences are fundamental." in text
    assert any("Where the gap stood on 8 Jun 2011" == s.value for s in at.subheader)
    gap = at.dataframe[0].value
    assert list(gap.columns) == ["Issue", "NATO side", "Russian side", "Gap"] and len(gap) > 0
    for _layout, data in charts(at):  # every layout of the timeline rings the step's event
        [ring] = [trace for trace in data if trace.get("name") == "this step's event"]
        assert set(ring["customdata"]) == {"nrc_defence_ministers_2011"}


def test_story_next_and_previous_walk_the_steps_and_update_the_link():
    at = run_app(page="story")
    assert step_heading(at).startswith("Step 1 of 11")
    assert at.button[0].label == "← Previous" and at.button[0].disabled
    at.button[1].click().run()
    assert step_heading(at).startswith("Step 2 of 11") and param(at, "step") == "2"
    at.button[1].click().run()
    at.button[0].click().run()
    assert step_heading(at).startswith("Step 2 of 11") and param(at, "step") == "2"
    last = run_app({"step": "11"}, page="story")
    assert last.button[1].label == "Next →" and last.button[1].disabled


def test_unknown_step_opens_the_first_with_a_notice():
    at = run_app({"step": "99"}, page="story")
    assert step_heading(at).startswith("Step 1 of 11")
    assert "step" in " ".join(w.value for w in at.warning)


def test_timeline_charts_have_alt_text_and_labels():
    at = run_app()
    assert alts(at)[0].startswith("Timeline of 30 events, Jan 2008 – May 2012, on 6 lanes; planned events: 2")
    wide_layout, _ = charts(at)[0]
    assert wide_layout["meta"]["labelled"] >= 15


def test_window_in_the_link_sets_the_axis_and_show_all_clears_it():
    at = run_app({"from": "2011-01-01", "to": "2011-06-30"})
    for layout, _ in charts(at):
        assert [pd.Timestamp(x) for x in layout["xaxis"]["range"]] == [
            pd.Timestamp("2011-01-01"),
            pd.Timestamp("2011-07-01"),
        ]
    show_all = next(b for b in at.button if b.label.startswith("Window: 1 Jan 2011 – 30 Jun 2011"))
    show_all.click().run()
    assert "from" not in at.query_params and "to" not in at.query_params
    # The whole record: the 2008 war on the early context's axis (xaxis2), then the story's.
    assert pd.Timestamp(charts(at)[0][0]["xaxis2"]["range"][0]) < pd.Timestamp("2008-01-01")


def test_links_toggle_draws_arrows_and_stays_in_the_link():
    at = run_app({"links": "true"})
    layout, _ = charts(at)[0]
    assert len([a for a in layout["annotations"] if a.get("showarrow")]) == 14
    # (AppTest does not show bound widgets' URL updates; the browser test checks the link.)
    at.toggle(key="links").set_value(False).run()
    assert not [a for a in charts(at)[0][0]["annotations"] if a.get("showarrow")]


def test_event_detail_lists_linked_events_as_buttons_that_open_them():
    at = run_app({"event": "duma_ratifies_new_start"})
    labels = [b.label for b in at.button]
    assert "Ratified: New START signed in Prague (8 Apr 2010)" in labels
    assert "Led to: Federation Council gives final approval to New START (26 Jan 2011)" in labels
    next(b for b in at.button if b.label.startswith("Led to: Federation Council")).click().run()
    assert param(at, "event") == "federation_council_new_start"
    assert "Federation Council gives final approval to New START" in [s.value for s in at.subheader]


def test_event_picker_shows_precision_aware_dates():
    at = run_app()
    picker = at.selectbox(key="event")
    assert picker.format_func("georgia_war_2008") == "Russia's war with Georgia (2008)"
    assert picker.format_func("appathurai_london_2010").endswith("(week of 12 Apr 2010)")


@pytest.fixture(scope="module")
def twelve_thousand(tmp_path_factory):
    from bench.generate import write_dataset

    return write_dataset(tmp_path_factory.mktemp("gen12k"), 12_000)


def test_at_12000_events_a_narrowed_window_draws_each_event(twelve_thousand, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(twelve_thousand))
    whole = run_app()
    assert charts(whole)[0][1][0]["type"] == "heatmap"  # 12,000 > N: the aggregate
    narrowed = run_app({"from": "2010-06-01", "to": "2011-06-30"})
    caption = " ".join(c.value for c in narrowed.caption)
    shown = int(caption.split(" of ")[0].replace(",", ""))
    assert 2_000 < shown <= MAX_DRAWN_EVENTS
    _, data = charts(narrowed)[0]
    assert {trace["type"] for trace in data if trace.get("customdata")} == {"scattergl"}
    drawn = {event_id for trace in data for event_id in (trace.get("customdata") or [])}
    assert len(drawn) == shown


def test_until_the_browser_reports_its_width_every_layout_is_sent():
    at = run_app()
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert [chart.key for chart in at.get("plotly_chart")] == [
        "timeline_wide_chart",
        "timeline_medium_chart",
        "timeline_phone_chart",
    ]  # CSS shows the one that fits
    assert len({json.dumps(spec["layout"]["annotations"]) for spec in specs}) == 3


@pytest.mark.parametrize(("reported", "index"), [("wide", 0), ("medium", 1), ("phone", 2)])
def test_once_the_browser_reports_a_layout_only_that_one_is_sent(reported, index):
    at = run_app()
    every = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    at.session_state["screen"] = {"layout": reported}  # what the reporter component sets from the browser
    at.run()
    [only] = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert only == every[index]
    assert at.get("plotly_chart")[0].key == f"timeline_{reported}_chart"  # same key: a selection survives


def test_a_layout_the_app_does_not_know_sends_every_layout():
    at = run_app()
    at.session_state["screen"] = {"layout": "<script>"}  # the state comes from the browser: anything can arrive
    at.run()
    assert not at.exception and len(at.get("plotly_chart")) == 3
