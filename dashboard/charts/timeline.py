"""The event timeline: one lane per affiliation, actor or event kind.

Marks say how well an event is dated and whether it happened:
- a one-day event dated to the day is a marker;
- a multi-day event is a bar from its first day to the end of its last day;
- an imprecise date (week, month, year, approximate window) is a pale bar
  with a dashed outline over every day it may have happened on;
- planned events use open markers and hatched bars with dashed outlines,
  events that did not happen an "x" marker (or cross-hatched bar).
An undated event (the source gives no day) is a marker on its report date;
its hover says "undated (reported …)".

Titles are drawn on the chart where they fit (layout in model/timeline.py).
Up to MAX_DRAWN_EVENTS events in the window every event is drawn (WebGL
beyond SVG_EVENTS); beyond that `timeline_figure` draws an aggregated view
instead: events counted per lane and week of their start, and says so.

This module puts a figure together; its parts: the lanes and marks (model/timeline_marks.py), lane order and
pixel rows (timeline_geometry), traces (timeline_traces), bands, titles, labels and arrows
(timeline_annotations), and the aggregated view (timeline_density).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import GroupPalette, group_palette
from dashboard.charts.timeline_annotations import (
    LABEL_FONT_SIZE,
    label_notes,
    lane_title_notes,
    link_arrows,
    no_labels,
    phase_bands,
    phase_title_notes,
    phase_titles,
    placed_labels,
)
from dashboard.charts.timeline_break import break_axes, break_marks, on_context_axis, split_traces, with_context_bands
from dashboard.charts.timeline_density import MAX_DRAWN_EVENTS, timeline_density_figure
from dashboard.charts.timeline_geometry import (
    MIN_PLOT_HEIGHT,
    LaneGeometry,
    drawn_lanes,
    lane_geometry,
    lane_order,
    opening_range,
)
from dashboard.charts.timeline_traces import (
    hover_texts,
    known_good_figure,
    legend_traces,
    ring_trace,
    svg_traces,
    webgl_traces,
)
from dashboard.data.description import Side
from dashboard.model.selection import density_of
from dashboard.model.timeline import CONTEXT_SHARE, WIDE, AxisBreak, LabelSettings, axis_break, axis_range
from dashboard.model.timeline_marks import event_marks, fold_lanes

# Up to SVG_EVENTS the marks are SVG (patterns, dashed outlines, labels);
# above, WebGL (go.Scattergl) without those extras (MAX_DRAWN_EVENTS: see charts/timeline_density.py).
SVG_EVENTS = 2_000
LABEL_EVENTS = 400  # labelling costs a greedy pass per event; above this few could be labelled anyway


def is_aggregated(events: pd.DataFrame) -> bool:
    """Whether `timeline_figure` draws counts rather than single events."""
    return len(events) > MAX_DRAWN_EVENTS


def drawn_marks(
    events: pd.DataFrame,
    lane_by: str = "affiliation",
    actors: pd.DataFrame | None = None,
    palette: GroupPalette | None = None,
) -> pd.DataFrame:
    """`event_marks` on the lanes as drawn (names escaped for Plotly), with each mark's hover text and its
    group's colour (`palette`; by default the one of `actors`' own sides)."""
    if lane_by not in ("affiliation", "actor", "kind"):
        raise ValueError(f"lane_by must be affiliation, actor or kind, not {lane_by!r}")
    palette = palette if palette is not None else group_palette(actors)
    lanes = drawn_lanes(events, lane_by, actors)
    hover = hover_texts(events)
    marks = event_marks(events, lanes)
    return marks.assign(
        hover=hover[lanes["row"].to_numpy()] if len(hover) else np.array([], dtype=object),
        colour=np.array([palette.colour(group) for group in marks["group"]], dtype=object),
    )


def timeline_figure(
    events: pd.DataFrame,
    phases: pd.DataFrame,
    lane_by: str = "affiliation",
    actors: pd.DataFrame | None = None,
    *,
    window: tuple[date | None, date | None] = (None, None),
    labels: LabelSettings | None = WIDE,
    turning_points: Iterable[str] = (),
    links: pd.DataFrame | None = None,
    highlight: str | None = None,
    sides: Sequence[Side] | None = None,
) -> go.Figure:
    """The timeline of `events` (as `filter_events` returns them, with
    status_shown), with `phases` as background bands.

    `actors` is the actors table, used to name actor lanes and colour/group
    by affiliation; without it lanes show actor ids. Every data trace carries
    the event ids as `customdata` (one str per point) for selections.
    `window` (first day, last day; either may be None) sets the x range;
    without it the axis covers every event with a margin. `labels` lays the
    titles out for an assumed plot width (None: no labels); `turning_points`
    are labelled first; `links` (event_links rows) are drawn as arrows;
    `highlight` rings one event; `sides` (the record's, dataset.toml) colour and order the lanes by affiliation
    (`group_palette`). `layout.meta` records the lanes and the
    number of labels. Above MAX_DRAWN_EVENTS: the aggregated
    `timeline_density_figure`."""
    return timeline_figures(
        events,
        phases,
        lane_by,
        actors,
        window=window,
        layouts=(labels,),
        turning_points=turning_points,
        links=links,
        highlight=highlight,
        sides=sides,
    )[0]


@dataclass(frozen=True)
class _Scene:
    """What every label layout of one view shares: the events, their marks and lanes, the axis and the extras."""

    events: pd.DataFrame
    phases: pd.DataFrame
    lane_by: str
    marks: pd.DataFrame
    lanes: list[str]
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None
    window: tuple[date | None, date | None]
    turning_points: tuple[str, ...]
    links: pd.DataFrame | None
    highlight: str | None
    axis_break: AxisBreak | None  # early context compressed into a strip


def timeline_figures(
    events: pd.DataFrame,
    phases: pd.DataFrame,
    lane_by: str = "affiliation",
    actors: pd.DataFrame | None = None,
    *,
    window: tuple[date | None, date | None] = (None, None),
    layouts: Sequence[LabelSettings | None] = (WIDE,),
    turning_points: Iterable[str] = (),
    links: pd.DataFrame | None = None,
    highlight: str | None = None,
    sides: Sequence[Side] | None = None,
) -> list[go.Figure]:
    """`timeline_figure` for each label layout in `layouts` (a wide screen's, a phone's), in that order.

    The events' marks, lanes and axis are the same in every layout and are built once; only the labels, and
    the lane heights they need, differ (on the bundled data that halves the cost of three layouts)."""
    palette = group_palette(actors, sides)
    if is_aggregated(events):
        density = timeline_density_figure(density_of(events, lane_by, actors), phases, actors, palette)
        return [density] + [go.Figure(density) for _ in layouts[1:]]
    marks = drawn_marks(events, lane_by, actors, palette)
    marks, lanes = fold_lanes(marks, lane_order(marks, palette))
    x_range, points = axis_range(events, window), tuple(turning_points)
    broken = axis_break(events, x_range, points, phases["start_date"])
    scene = _Scene(events, phases, lane_by, marks, lanes, x_range, window, points, links, highlight, broken)
    return [_laid_out(scene, settings) for settings in layouts]


def _laid_out(scene: _Scene, labels: LabelSettings | None) -> go.Figure:
    """One layout of the timeline (see timeline_figures): labels placed for its width, lanes as tall as they need."""
    x_range = scene.x_range
    settings = labels if labels is not None and len(scene.events) <= LABEL_EVENTS and x_range else None
    placed = (
        placed_labels(scene.marks, scene.events, x_range, settings, scene.turning_points, scene.axis_break)
        if settings and x_range
        else no_labels()
    )
    label_rows = {str(lane): int(rows) for lane, rows in placed.groupby("lane")["row"].max().add(1).items()}
    plot_width = settings.plot_width if settings else WIDE.plot_width
    titles = _phase_titles(scene, plot_width)
    geometry = lane_geometry(scene.lanes, label_rows, max((t["row"] for t in titles), default=-1) + 1)
    marks = scene.marks.assign(y=scene.marks["lane"].map(geometry.marker_y).to_numpy(dtype=float))
    annotations = [
        *lane_title_notes(geometry),
        *phase_title_notes(titles, geometry),
        *label_notes(placed, geometry, scene.highlight, settings.font_size if settings else LABEL_FONT_SIZE),
    ]
    if scene.links is not None and len(scene.links):
        annotations += link_arrows(scene.links, marks, geometry)
    if scene.axis_break is not None:
        annotations = on_context_axis(annotations, scene.axis_break) + break_marks(plot_width)
    return known_good_figure(_traces(scene, marks), _layout(scene, geometry, annotations, placed))


def _phase_titles(scene: _Scene, plot_width: float) -> list[dict]:
    """Phase titles over the axis, or over its main part when it is broken."""
    if scene.axis_break is not None:
        return phase_titles(scene.phases, scene.axis_break.main, plot_width * (1 - CONTEXT_SHARE))
    return phase_titles(scene.phases, scene.x_range, plot_width) if scene.x_range else []


def _traces(scene: _Scene, marks: pd.DataFrame) -> list[go.Scatter | go.Bar | go.Scattergl]:
    def event_traces(part: pd.DataFrame) -> list[go.Scatter | go.Bar | go.Scattergl]:
        svg = len(scene.events) <= SVG_EVENTS
        return [*(svg_traces(part, scene.lane_by) if svg else webgl_traces(part, scene.lane_by))]

    def ring(part: pd.DataFrame) -> list[go.Scatter]:
        wanted = scene.highlight is not None and scene.highlight in set(part["event_id"])
        return [ring_trace(part, scene.highlight)] if wanted and scene.highlight is not None else []

    if scene.axis_break is None:
        return [*event_traces(marks), *legend_traces(), *ring(marks)]
    return [
        *split_traces(marks, scene.axis_break, event_traces),
        *legend_traces(),
        *split_traces(marks, scene.axis_break, ring),
    ]


def _layout(scene: _Scene, geometry: LaneGeometry, annotations: list[dict], placed: pd.DataFrame) -> dict:
    top, bottom = 8, 64
    plot_height = max(geometry.plot_height, MIN_PLOT_HEIGHT)
    bands = phase_bands(scene.phases)
    xaxis = dict(type="date", title=None, range=opening_range(scene.events, scene.window), automargin=False)
    axes = {"xaxis": xaxis} if scene.axis_break is None else break_axes(scene.axis_break, xaxis)
    return dict(
        shapes=bands if scene.axis_break is None else with_context_bands(bands, scene.axis_break),
        annotations=annotations,
        barmode="overlay",
        height=int(plot_height) + top + bottom,
        margin=dict(l=8, r=8, t=top, b=bottom, autoexpand=False),
        # The legend sits below the date labels: 30 px under the plot, whatever its height.
        legend=dict(orientation="h", yanchor="top", y=-30 / plot_height, x=0),
        hovermode="closest",
        **axes,
        yaxis=dict(
            range=[plot_height, 0],
            showticklabels=False,
            showgrid=False,
            zeroline=False,
            fixedrange=True,
            automargin=False,
            title=None,
        ),
        clickmode="event+select",
        # A click picks an event; dragging zooms (in the browser only). The toolbar's
        # Box Select draws a box that sets the date window (ui/timeline.py): in
        # Streamlit 1.67 a select drag mode turns point clicks off, so it is not the default.
        dragmode="zoom",
        selectdirection="h",
        meta=dict(lanes=geometry.lanes, labelled=len(placed), labelled_ids=placed["event_id"].tolist()),
    )
