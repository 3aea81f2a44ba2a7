from datetime import date

import pandas as pd
import pytest

from dashboard.charts.timeline import timeline_figure
from dashboard.charts.timeline_traces import DAY_MS
from dashboard.model.filters import Filters, filter_events
from dashboard.model.timeline_marks import NO_PARTICIPANT
from tests.bundled import bundled_dataset


def figure(ds, lane_by="kind", **filters):
    return timeline_figure(filter_events(ds, Filters(**filters)), ds.phases, lane_by, ds.actors)


def lanes_of(fig):
    return list(fig.layout.meta["lanes"])


def lane_at(fig, y):
    """The lane whose marker row is at `y` (px from the top): the lane title just above it."""
    titles = [(a.y, a.text) for a in lane_titles(fig)]
    above = [(title_y, text) for title_y, text in titles if title_y < y]
    return max(above)[1].removeprefix("<b>").removesuffix("</b>")


def lane_titles(fig):
    return [a for a in fig.layout.annotations if a.xref == "paper" and a.name != "axis break"]


def data_traces(fig):
    return [trace for trace in fig.data if trace.customdata is not None and len(trace.customdata)]


def points(fig):
    """(event_id, trace) for every drawn point."""
    return [(event_id, trace) for trace in data_traces(fig) for event_id in trace.customdata]


def trace_of(fig, event_id):
    return next(trace for trace in data_traces(fig) if event_id in trace.customdata)


def test_kind_lanes_one_point_per_event(ds):
    fig = figure(ds)
    assert sorted(event_id for event_id, _ in points(fig)) == sorted(ds.events["event_id"])
    # marker traces: held, did_not_happen; bar traces: held precise, held imprecise, planned precise
    assert sorted({(t.type, t.name) for t in data_traces(fig)}) == [
        ("bar", "held (multi-day)"),
        ("bar", "held (uncertain date)"),
        ("bar", "planned (multi-day)"),
        ("scatter", "did not happen (day)"),
        ("scatter", "held (day)"),
    ]
    assert lanes_of(fig) == sorted(ds.events["kind"].unique())


def test_actor_lanes_repeat_events_per_participant(ds):
    fig = figure(ds, lane_by="actor")
    lisbon = [t for event_id, t in points(fig) if event_id == "e_lisbon"]
    assert len(lisbon) == 3
    lanes = lanes_of(fig)
    assert {"Anders Fogh Rasmussen", "Dmitry Medvedev", "Hillary Clinton"} <= set(lanes)
    assert lanes[-1] == NO_PARTICIPANT  # the attack and the deadline have no participants
    attack = trace_of(fig, "e_attack")
    assert lane_at(fig, list(attack.y)[list(attack.customdata).index("e_attack")]) == NO_PARTICIPANT


def test_affiliation_lanes_once_per_affiliation(ds):
    fig = figure(ds, lane_by="affiliation")
    council = [t for event_id, t in points(fig) if event_id == "e_council"]
    assert len(council) == 2  # Rasmussen (NATO) and Lavrov + Medvedev (Russia, once)
    assert lanes_of(fig) == ["NATO", "United States", "Russia", NO_PARTICIPANT]


def test_height_grows_with_lanes(ds):
    assert figure(ds, lane_by="actor").layout.height > figure(ds, lane_by="affiliation").layout.height


def test_status_marks(ds):
    fig = figure(ds, as_known_on=date(2011, 2, 25))
    deadline = trace_of(fig, "e_deadline")  # did not happen, but still ahead on 25 Feb
    assert deadline.marker.symbol == "circle-open"
    attack = trace_of(figure(ds), "e_attack")
    assert attack.type == "scatter" and attack.marker.symbol == "circle"
    assert trace_of(figure(ds), "e_deadline").marker.symbol == "x"
    planned_bar = trace_of(figure(ds), "e_chicago")
    assert planned_bar.type == "bar" and planned_bar.marker.pattern.shape == "/"


def outline_rectangles(fig):
    """(lane, first day, dash) of each dashed outline: closed runs of 5 points in the "outline" line traces."""
    found = set()
    for trace in (t for t in fig.data if t.name == "outline"):
        assert trace.mode == "lines" and trace.hoverinfo == "skip"
        xs, ys = list(trace.x), list(trace.y)
        for at in range(0, len(xs), 6):
            assert xs[at] == xs[at + 3] == xs[at + 4] and xs[at + 1] == xs[at + 2] and xs[at + 5] is None
            found.add((lane_at(fig, (ys[at] + ys[at + 2]) / 2), pd.Timestamp(xs[at]), trace.line.dash))
    return found


def test_planned_and_imprecise_bars_get_dashed_outlines(ds):
    fig = figure(ds)
    outlined = outline_rectangles(fig)
    assert ("summit", pd.Timestamp("2012-05-20"), "dot") in outlined  # planned Chicago, exactly dated
    assert ("talks", pd.Timestamp("2011-01-17"), "dash") in outlined  # week precision
    assert not {o for o in outlined if o[:2] == ("summit", pd.Timestamp("2010-11-19"))}  # held, exactly dated
    assert not [s for s in fig.layout.shapes if s.yref == "y"]  # traces, not shapes: Plotly redraws shapes slowly


@pytest.mark.parametrize(
    ("event_id", "start", "days"),
    [
        ("e_talks", "2011-01-17", 7),
        ("e_council", "2011-03-01", 31),
        ("e_georgia", "2008-01-01", 366),
        ("e_seminar", "2011-01-24", 3),
        ("e_lisbon", "2010-11-19", 2),
    ],
)
def test_bars_span_every_possible_day(ds, event_id, start, days):
    trace = trace_of(figure(ds), event_id)
    index = list(trace.customdata).index(event_id)
    assert trace.type == "bar" and trace.orientation == "h"
    assert pd.Timestamp(trace.base[index]) == pd.Timestamp(start)
    assert trace.x[index] == days * DAY_MS


def test_imprecise_bars_are_pale(ds):
    imprecise = trace_of(figure(ds), "e_council")
    precise = trace_of(figure(ds), "e_lisbon")
    assert imprecise.marker.opacity < precise.marker.opacity


def test_hover_has_the_date_precision_text(ds):
    fig = figure(ds)
    for event_id, expected in [
        ("e_talks", "week of 17 Jan 2011"),
        ("e_council", "March 2011"),
        ("e_seminar", "between 24 and 26 Jan 2011"),
        ("e_georgia", "2008"),
        ("e_deadline", "did not happen"),
    ]:
        trace = trace_of(fig, event_id)
        hover = trace.hovertext[list(trace.customdata).index(event_id)]
        assert expected in hover


def test_customdata_holds_event_ids(ds):
    fig = figure(ds)
    for trace in data_traces(fig):
        assert set(trace.customdata) <= set(ds.events["event_id"])
        assert len(trace.customdata) == len(trace.y)


def test_phase_bands_and_titles(ds):
    fig = figure(ds)
    bands = [s for s in fig.layout.shapes if s.yref == "paper"]
    assert len(bands) == 2 and all(s.layer == "below" for s in bands)
    assert pd.Timestamp(bands[0].x0) == pd.Timestamp("2009-09-17")
    assert [a.text for a in fig.layout.annotations if a.xref == "x" and a.name != "event label"] == [
        "Reset",
        "After Lisbon",
    ]


def test_legend_explains_statuses(ds):
    legend = [t for t in figure(ds).data if t.showlegend is not False]
    assert [(t.name, t.marker.symbol) for t in legend] == [
        ("held", "circle"),
        ("planned", "circle-open"),
        ("did not happen", "x"),
    ]


def test_empty_events_give_an_empty_timeline(ds):
    fig = figure(ds, text="nothing matches this")
    assert [trace for trace in data_traces(fig) if trace.name != "this step's event"] == []


def test_unknown_lane_by_raises(ds):
    with pytest.raises(ValueError):
        figure(ds, lane_by="colour")


def test_axis_covers_every_event_with_a_margin_year_precision_too(ds):
    fig = figure(ds)
    # The 2008 year-precision Georgia war is inside, with room on both sides: in the early context's strip.
    start, end = pd.Timestamp(fig.layout.xaxis2.range[0]), pd.Timestamp(fig.layout.xaxis.range[1])
    assert trace_of(fig, "e_georgia").xaxis == "x2"
    assert start < pd.Timestamp("2008-01-01") - pd.Timedelta(days=19)
    assert end > ds.events["end_date"].max() + pd.Timedelta(days=20)


def test_axis_is_the_window_when_one_is_given(ds):
    events = filter_events(ds, Filters(start=date(2011, 1, 1), end=date(2011, 3, 31)))
    fig = timeline_figure(events, ds.phases, "kind", ds.actors, window=(date(2011, 1, 1), date(2011, 3, 31)))
    assert [pd.Timestamp(x) for x in fig.layout.xaxis.range] == [pd.Timestamp("2011-01-01"), pd.Timestamp("2011-04-01")]


def test_lanes_without_events_in_view_are_not_drawn(ds):
    fig = figure(ds, lane_by="kind", kinds=("summit",))
    assert lanes_of(fig) == ["summit"]
    assert [a.text for a in lane_titles(fig)] == ["<b>summit</b>"]


def many_events(ds, copies):
    """The fixture's events repeated under new ids (same dates, lanes, kinds)."""
    events = filter_events(ds, Filters())
    frames = [events.assign(event_id=events["event_id"] + f"_{n}") for n in range(copies)]
    return pd.concat(frames, ignore_index=True)


def reference_lanes(events, lane_by, actors):
    """The lane rules, event by event, as the codebook and chart legend state them."""
    known = actors.set_index("actor_id")
    pairs = set()
    for event in events.itertuples():
        if lane_by == "kind":
            pairs.add((event.event_id, event.kind))
        elif not event.participant_ids:
            pairs.add((event.event_id, NO_PARTICIPANT))
        for actor_id in event.participant_ids if lane_by != "kind" else ():
            if actor_id not in known.index:
                pairs.add((event.event_id, actor_id))
            elif lane_by == "affiliation":
                pairs.add((event.event_id, known.at[actor_id, "affiliation"]))
            else:
                pairs.add((event.event_id, known.at[actor_id, "name"]))
    return pairs


@pytest.mark.parametrize("lane_by", ["affiliation", "actor", "kind"])
def test_lanes_follow_the_rules_event_by_event(ds, lane_by):
    from dashboard.charts.timeline import drawn_marks
    from dashboard.model.timeline_marks import event_lanes

    events = ds.events.copy()
    events.loc[0, "participant_ids"] = events.loc[0, "participant_ids"] + ("not_an_actor",)
    expected = reference_lanes(events, lane_by, ds.actors)
    lanes = event_lanes(events, lane_by, ds.actors)
    assert set(zip(lanes["event_id"], lanes["lane"].astype(str), strict=True)) == expected
    assert len(lanes) == len(expected)  # an event once per lane
    marks = drawn_marks(events, lane_by, ds.actors)
    assert set(zip(marks["event_id"], marks["lane"], strict=True)) == expected


def test_large_selections_are_drawn_aggregated_and_say_so(ds):
    from dashboard.charts.timeline import MAX_DRAWN_EVENTS, is_aggregated
    from dashboard.model.timeline_marks import event_lanes

    copies = MAX_DRAWN_EVENTS // len(ds.events) + 1
    events = many_events(ds, copies)
    assert is_aggregated(events) and not is_aggregated(ds.events)
    fig = timeline_figure(events, ds.phases, "kind", ds.actors)
    [heatmap] = fig.data
    assert heatmap.type == "heatmap"
    assert "Aggregated view" in fig.layout.title.text and f"{len(events):,} events" in fig.layout.title.text
    # Every (event, lane) pair is counted exactly once.
    total = pd.DataFrame(heatmap.z).sum().sum()
    assert total == len(event_lanes(events, "kind", ds.actors))


def test_aggregated_view_caps_the_number_of_lanes(ds):
    from dashboard.charts.timeline import MAX_DRAWN_EVENTS
    from dashboard.model.timeline_marks import MAX_DENSITY_LANES, OTHER_LANES

    copies = MAX_DRAWN_EVENTS // len(ds.events) + 1
    events = many_events(ds, copies)
    # Give every copy its own kind, so there are far more lanes than the cap.
    events["kind"] = [f"kind_{n % (MAX_DENSITY_LANES * 2)}" for n in range(len(events))]
    fig = timeline_figure(events, ds.phases, "kind", ds.actors)
    lanes = list(fig.layout.yaxis.categoryarray)
    assert len(lanes) == MAX_DENSITY_LANES and lanes[-1] == OTHER_LANES
    assert pd.DataFrame(fig.data[0].z).sum().sum() == len(events)


def test_hover_text_from_data_is_html_escaped(ds):
    events = filter_events(ds, Filters()).copy()
    events.loc[events.index[0], "title"] = '<img src=x onerror="alert(1)">'
    fig = timeline_figure(events, ds.phases, "kind", ds.actors)
    hovers = [h for trace in fig.data for h in (trace.hovertext or ())]
    # Only & < > are escaped: Plotly would show &quot; as typed.
    assert any('&lt;img src=x onerror="alert(1)"&gt;' in h for h in hovers)
    assert not any("<img" in h for h in hovers)


# --- labels, links, highlight, per-event drawing at any size ---------

BUNDLED = bundled_dataset()


def event_labels(fig):
    return [a for a in fig.layout.annotations if a.name == "event label"]


def bundled_figure(settings, **kwargs):
    from dashboard.model.timeline import WIDE

    events = filter_events(BUNDLED, Filters())
    return timeline_figure(
        events,
        BUNDLED.phases,
        "affiliation",
        BUNDLED.actors,
        labels=settings or WIDE,
        turning_points=BUNDLED.story_steps["event_id"],
        **kwargs,
    )


def test_bundled_timeline_labels_at_least_half_of_its_events_with_summits_and_treaties():
    from dashboard.model.timeline import WIDE

    fig = bundled_figure(WIDE)
    labelled = set(fig.layout.meta["labelled_ids"])
    assert len(event_labels(fig)) == len(labelled) >= 15
    for event_id in ("lisbon_summit", "chicago_summit", "new_start_signed", "new_start_in_force"):
        assert event_id in labelled


def test_labels_sit_in_label_rows_below_their_lane_markers():
    from dashboard.model.timeline import NARROW

    fig = bundled_figure(NARROW)
    marker_ys = {y for trace in data_traces(fig) for y in trace.y}
    label_ys = {a.y for a in event_labels(fig)}
    assert label_ys and not label_ys & marker_ys
    # Labels grow the chart: more rows than a chart without labels.
    assert fig.layout.height > bundled_figure(NARROW, highlight=None).layout.height - 1
    assert (
        fig.layout.height
        > timeline_figure(
            filter_events(BUNDLED, Filters()), BUNDLED.phases, "affiliation", BUNDLED.actors, labels=None
        ).layout.height
    )


def test_links_are_drawn_as_arrows_between_their_events():
    from dashboard.model.event_links import links_between

    events = filter_events(BUNDLED, Filters())
    links = links_between(BUNDLED, set(events["event_id"]))
    fig = bundled_figure(None, links=links)
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == len(links) == len(BUNDLED.event_links)
    signed = BUNDLED.events.set_index("event_id").loc["new_start_signed", "start_date"]
    assert any(pd.Timestamp(a.ax) == signed for a in arrows)
    assert not [a for a in bundled_figure(None).layout.annotations if a.showarrow]


def test_highlight_rings_the_event_and_bolds_its_label():
    fig = bundled_figure(None, highlight="lisbon_nrc")
    [ring] = [t for t in fig.data if t.name == "this step's event"]
    assert set(ring.customdata) == {"lisbon_nrc"} and ring.marker.symbol == "circle-open"
    assert any(a.text.startswith("<b>NATO–Russia Council") for a in event_labels(fig))


def test_above_svg_events_each_event_is_drawn_with_webgl(ds):
    from dashboard.charts.timeline import MAX_DRAWN_EVENTS, SVG_EVENTS, is_aggregated

    events = many_events(ds, SVG_EVENTS // len(ds.events) + 1)
    assert not is_aggregated(events) and MAX_DRAWN_EVENTS >= 10_000
    fig = timeline_figure(events, ds.phases, "kind", ds.actors)
    assert {t.type for t in data_traces(fig)} == {"scattergl"}
    drawn = {event_id for trace in data_traces(fig) for event_id in trace.customdata}
    assert drawn == set(events["event_id"])
    assert event_labels(fig) == []  # too many to label


def test_figures_for_several_layouts_equal_each_layout_built_alone(ds):
    from dashboard.charts.spec import figure_spec
    from dashboard.charts.timeline import timeline_figures
    from dashboard.model.timeline import MEDIUM, NARROW, WIDE

    events = filter_events(ds, Filters())
    points = tuple(ds.story_steps["event_id"])
    together = timeline_figures(
        events, ds.phases, "affiliation", ds.actors, layouts=(WIDE, MEDIUM, NARROW, None), turning_points=iter(points)
    )  # an iterator: read once, used for every layout
    alone = [
        timeline_figure(events, ds.phases, "affiliation", ds.actors, labels=settings, turning_points=points)
        for settings in (WIDE, MEDIUM, NARROW, None)
    ]
    assert [figure_spec(f) for f in together] == [figure_spec(f) for f in alone]
    assert len({len(f.layout.annotations) for f in together}) > 1  # the layouts do differ
