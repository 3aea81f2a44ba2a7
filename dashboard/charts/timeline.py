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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from dashboard.charts.style import (
    NEUTRAL_COLOUR,
    PHASE_FILLS,
    STATUS_LABELS,
    STATUS_SYMBOLS,
    colour_for,
    group_sort_key,
    plotly_text,
)
from dashboard.model.dates import format_date_range
from dashboard.model.timeline import WIDE, LabelSettings, axis_range, label_priority, place_centred, place_labels

NO_PARTICIPANT = "(no participant)"
OTHER_LANES = "(other lanes)"
MAX_DENSITY_LANES = 40
IMPRECISE = frozenset({"week", "month", "year", "approximate"})
DAY_MS = 24 * 60 * 60 * 1000
BAR_WIDTH = 0.6  # in lanes
BAR_PATTERNS = {"planned": "/", "did_not_happen": "x"}


def event_marks(events: pd.DataFrame, lane_by: str = "affiliation", actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (event, lane) with how to draw it.

    Columns: event_id, lane, group (affiliation for colour, "" if none),
    shape ("marker" or "bar"), imprecise (bool), status_shown, start, end_excl
    (day after the last day), hover. Built column-wise: a row-by-row walk cost
    half a second at 1,000 events."""
    if lane_by not in ("affiliation", "actor", "kind"):
        raise ValueError(f"lane_by must be affiliation, actor or kind, not {lane_by!r}")
    lanes = event_lanes(events, lane_by, actors)
    row = lanes["row"].to_numpy()
    start, end = events["start_date"].to_numpy(), events["end_date"].to_numpy()
    precision = events["date_precision"].to_numpy(dtype=object)
    imprecise = np.isin(precision, list(IMPRECISE))
    status = events["status_shown" if "status_shown" in events else "status"].to_numpy(dtype=object)
    # Dates repeat (10,000 events share ~3,000 date spans): format each once.
    dates = pd.DataFrame({"s": start, "e": end, "p": precision})
    codes, distinct = pd.factorize(pd.MultiIndex.from_frame(dates))
    date_texts = np.array([format_date_range(first, last, how) for first, last, how in distinct], dtype=object)
    when = date_texts[codes] if len(codes) else np.array([], dtype=object)
    hover = np.array(
        [
            "<br>".join(
                part
                for part in (
                    f"<b>{plotly_text(title)}</b>",
                    date_text,
                    plotly_text(place),
                    STATUS_LABELS.get(shown, shown),
                )
                if part
            )
            for title, date_text, place, shown in zip(
                events["title"],
                when,
                events["place"],
                status,
                strict=False,
            )
        ],
        dtype=object,
    )
    return pd.DataFrame(
        {
            "event_id": lanes["event_id"].to_numpy(),
            "lane": lanes["lane"].astype(str).to_numpy(),
            "group": lanes["group"].to_numpy(),
            "shape": np.where((start == end) & ~imprecise, "marker", "bar")[row],
            "imprecise": imprecise[row],
            "status_shown": status[row],
            "start": start[row],
            "end_excl": (end + np.timedelta64(1, "D"))[row],
            "hover": hover[row] if len(hover) else np.array([], dtype=object),
        }
    )


def _lane_order(marks: pd.DataFrame) -> list[str]:
    """NATO, United States, Russia, then other groups; by name within a
    group (kinds have no group, so alphabetical); "(no participant)" last."""
    lanes = marks[["lane", "group"]].drop_duplicates("lane")
    return [
        lane
        for lane, _ in sorted(
            zip(lanes["lane"], lanes["group"], strict=True),
            key=lambda item: (item[0] == NO_PARTICIPANT, group_sort_key(item[1]), item[0].casefold()),
        )
    ]


def _fold_lanes(marks: pd.DataFrame, order: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """At most MAX_DENSITY_LANES lanes: the busiest keep theirs, the rest share
    OTHER_LANES (an event drawn there once)."""
    if len(order) <= MAX_DENSITY_LANES:
        return marks, order
    busiest = set(marks["lane"].value_counts(sort=True).index[: MAX_DENSITY_LANES - 1])
    kept = [lane for lane in order if lane in busiest]
    folded = marks.assign(lane=np.where(marks["lane"].isin(busiest), marks["lane"], OTHER_LANES))
    folded = folded.drop_duplicates(["event_id", "lane"])
    return folded, [*kept, OTHER_LANES]


def _colours(marks: pd.DataFrame, lane_by: str) -> list[str]:
    return [NEUTRAL_COLOUR if lane_by == "kind" or not group else colour_for(group) for group in marks["group"]]


# --- vertical layout, in pixels: the y axis runs from 0 (top) down to the
# plot's height, one unit per pixel, so label rows have a fixed size at any
# number of lanes. Each lane: its name, its marker row, then its label rows.
PHASE_ROW = 15
LANE_TITLE_ROW = 15
MARKER_ROW = 24
LABEL_ROW = 16
LANE_GAP = 8
BAR_THICKNESS = 13  # px
MIN_PLOT_HEIGHT = 120  # px, so an empty chart still has room for its axis


@dataclass(frozen=True)
class LaneGeometry:
    lanes: list[str]
    title_y: dict[str, float]
    marker_y: dict[str, float]
    label_y: dict[str, list[float]]
    phase_y: list[float]
    plot_height: float


def lane_geometry(lanes: list[str], label_rows: Mapping[str, int], phase_rows: int) -> LaneGeometry:
    """Where each lane's title, markers and label rows sit (px from the top)."""
    y = PHASE_ROW * phase_rows + (4 if phase_rows else 0)
    phase_y = [PHASE_ROW * row + PHASE_ROW / 2 for row in range(phase_rows)]
    title_y, marker_y, label_y = {}, {}, {}
    for lane in lanes:
        title_y[lane] = y + LANE_TITLE_ROW / 2
        marker_y[lane] = y + LANE_TITLE_ROW + MARKER_ROW / 2
        rows = label_rows.get(lane, 0)
        label_y[lane] = [y + LANE_TITLE_ROW + MARKER_ROW + LABEL_ROW * row + LABEL_ROW / 2 for row in range(rows)]
        y += LANE_TITLE_ROW + MARKER_ROW + LABEL_ROW * rows + LANE_GAP
    return LaneGeometry(lanes, title_y, marker_y, label_y, phase_y, y)


# Plotly checks every point (each colour, each hover text) as a trace is made:
# 0.3 s for 1,000 events. These traces are built from known-good values, so
# that check is skipped (`_validate=False`); the chart tests check the result.
# The layout likewise: `update_layout` checked each of the ~30 annotations and
# 15 shapes of the bundled timeline through Plotly's validators, 96 ms a figure
# (three figures a rerun); handed to the constructor unchecked it takes 1.2 ms.
def known_good_figure(traces: Sequence[BaseTraceType], layout: dict[str, Any]) -> go.Figure:
    """A figure of already-checked traces and a layout of known-good values, without Plotly's validation."""
    return go.Figure(data=list(traces), layout=layout, _validate=False)


def _marker_trace(marks: pd.DataFrame, status: str, lane_by: str, y: np.ndarray) -> go.Scatter:
    colours = _colours(marks, lane_by)
    return go.Scatter(
        x=marks["start"].to_numpy(),
        y=y,
        mode="markers",
        name=f"{STATUS_LABELS.get(status, status)} (day)",
        legendgroup=status,
        showlegend=False,
        marker=dict(
            symbol=STATUS_SYMBOLS.get(status, "circle"),
            size=12,
            color=colours,
            line=dict(width=2, color=colours),
        ),
        customdata=marks["event_id"].tolist(),
        hovertext=marks["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
        _validate=False,
    )


def _bar_trace(marks: pd.DataFrame, status: str, imprecise: bool, lane_by: str, y: np.ndarray) -> go.Bar:
    colours = _colours(marks, lane_by)
    pattern = BAR_PATTERNS.get(status, "")
    return go.Bar(
        orientation="h",
        y=y,
        base=marks["start"].to_numpy(),
        # bar lengths in ms, as Plotly reads a date axis
        x=((marks["end_excl"] - marks["start"]).dt.total_seconds() * 1000).tolist(),
        width=BAR_THICKNESS,
        name=f"{STATUS_LABELS.get(status, status)} ({'uncertain date' if imprecise else 'multi-day'})",
        legendgroup=status,
        showlegend=False,
        marker=dict(
            color=colours,
            opacity=0.35 if imprecise or pattern else 0.85,
            line=dict(width=0 if imprecise or pattern else 1, color=colours),
            pattern=dict(shape=pattern, fgcolor=colours, solidity=0.3) if pattern else None,
        ),
        customdata=marks["event_id"].tolist(),
        hovertext=marks["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
        _validate=False,
    )


def _days(stamps: pd.Series) -> np.ndarray:
    return stamps.to_numpy().astype("datetime64[D]").astype(str).astype(object)


def _webgl_traces(marks: pd.DataFrame, lane_by: str) -> list[go.Scattergl]:
    """Every mark as a WebGL marker at its start (hover, id), and multi-day or
    uncertain spans as WebGL line segments behind them (no hover of their
    own): SVG bars with patterns and one colour per point cost too much
    beyond SVG_EVENTS. One trace per status and colour, so colours are not
    per-point arrays (Plotly checked each of them: 3 s at 10,000 events)."""
    traces: list[go.Scattergl] = []
    coloured = marks.assign(colour=_colours(marks, lane_by), repeated=marks["event_id"].duplicated().to_numpy())
    for (status_key, colour), group in coloured.groupby(["status_shown", "colour"], sort=True):
        status = str(status_key)
        spans = group[group["shape"] == "bar"]
        if len(spans):
            count = len(spans)
            xs = np.empty(count * 3, dtype=object)
            xs[0::3], xs[1::3], xs[2::3] = _days(spans["start"]), _days(spans["end_excl"]), None
            ys = np.empty(count * 3, dtype=object)
            ys[0::3], ys[1::3], ys[2::3] = spans["y"].to_numpy(), spans["y"].to_numpy(), None
            traces.append(
                go.Scattergl(
                    x=xs,  # day strings: 10 characters, not 29 for a nanosecond timestamp
                    y=ys,
                    mode="lines",
                    name=f"{STATUS_LABELS.get(status, status)} (span)",
                    legendgroup=status,
                    showlegend=False,
                    line=dict(width=5, color=colour),
                    opacity=0.45,
                    hoverinfo="skip",
                    _validate=False,
                )
            )
        # Hover text once per event (its first lane): it is most of the JSON
        # (1.9 of 4.1 MB at 10,000 events drawn in 21,000 places). Its other
        # places still take clicks (customdata) but show no label.
        for repeated, part in group.groupby("repeated", sort=True):
            traces.append(
                go.Scattergl(
                    x=_days(part["start"]),
                    y=part["y"],
                    mode="markers",
                    name=f"{STATUS_LABELS.get(status, status)} (day)",
                    legendgroup=status,
                    showlegend=False,
                    marker=dict(symbol=STATUS_SYMBOLS.get(status, "circle"), size=8, color=colour),
                    customdata=part["event_id"].to_numpy(dtype=object),
                    hovertext=None if repeated else part["hover"].to_numpy(dtype=object),
                    hovertemplate=None if repeated else "%{hovertext}<extra></extra>",
                    hoverinfo="none" if repeated else None,
                    _validate=False,
                )
            )
    return traces


def _dashed_outlines(bars: pd.DataFrame, lane_by: str, y: np.ndarray) -> list[go.Scatter]:
    """Dashed rectangles around uncertain (dash) or not-held (dot) bars, which go.Bar cannot draw: one line
    trace per colour and dash, each rectangle a closed run of 5 points. Not layout shapes: Plotly.js redraws
    every shape on each update, and at 1,000 events ~400 of them made a filter change slower than the naive
    app's."""
    wanted = (bars["imprecise"] | (bars["status_shown"] != "held")).to_numpy()
    outlined = bars[wanted].assign(
        colour=np.array(_colours(bars, lane_by), dtype=object)[wanted],
        dash=np.where(bars["imprecise"].to_numpy()[wanted], "dash", "dot"),
        lane_y=y[wanted],
    )
    traces = []
    for (colour, dash), group in outlined.groupby(["colour", "dash"], sort=True):
        count = len(group)
        starts, ends = _days(group["start"]), _days(group["end_excl"])
        top = group["lane_y"].to_numpy() - BAR_THICKNESS / 2
        bottom = top + BAR_THICKNESS
        xs = np.empty(count * 6, dtype=object)
        ys = np.empty(count * 6, dtype=object)
        xs[0::6], xs[1::6], xs[2::6], xs[3::6], xs[4::6], xs[5::6] = starts, ends, ends, starts, starts, None
        ys[0::6], ys[1::6], ys[2::6], ys[3::6], ys[4::6], ys[5::6] = top, top, bottom, bottom, top, None
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name="outline",
                line=dict(color=colour, width=1.5, dash=dash),
                hoverinfo="skip",
                showlegend=False,
                _validate=False,
            )
        )
    return traces


def _legend_traces() -> list[go.Scatter]:
    """Neutral legend entries explaining the status marks; clicking one
    toggles every trace of that status (shared legendgroup)."""
    return [
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=label,
            legendgroup=status,
            marker=dict(
                symbol=STATUS_SYMBOLS[status], size=12, color=NEUTRAL_COLOUR, line=dict(width=2, color=NEUTRAL_COLOUR)
            ),
            customdata=[],
            hoverinfo="skip",
        )
        for status, label in STATUS_LABELS.items()
    ]


def _phase_bands(phases: pd.DataFrame) -> list[dict]:
    ordered = phases.sort_values("start_date")
    ends = ordered["end_date"] + pd.Timedelta(days=1)  # the band covers the last day too
    return [
        dict(
            type="rect",
            xref="x",
            yref="paper",
            x0=phase.start_date,
            x1=end,
            y0=0,
            y1=1,
            layer="below",
            line=dict(width=0),
            fillcolor=PHASE_FILLS[number % len(PHASE_FILLS)],
        )
        for number, (phase, end) in enumerate(zip(ordered.itertuples(), ends, strict=True))
    ]


def _phase_titles(phases: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp], plot_width: float) -> list[dict]:
    """Phase titles centred over their band (or the band's part in view), in
    up to PHASE_ROWS rows so they never print over each other; shortened with
    an ellipsis, or left out (the bands stay), when there is no room."""
    first, last = x_range
    span = (last - first) / pd.Timedelta(milliseconds=1)
    ordered = phases.sort_values("start_date")
    texts: list[str] = []
    centres: list[float] = []
    xs: list[pd.Timestamp] = []
    for phase in ordered.to_dict("records"):
        left = max(pd.Timestamp(phase["start_date"]), first)
        right = min(pd.Timestamp(phase["end_date"]) + pd.Timedelta(days=1), last)
        if right <= left:
            continue
        middle = left + (right - left) / 2
        texts.append(str(phase["title"]))
        centres.append(float((middle - first) / pd.Timedelta(milliseconds=1) / span * plot_width))
        xs.append(middle)
    spots = place_centred(texts, centres, plot_width, max_rows=PHASE_ROWS, font_size=PHASE_FONT)
    return [
        dict(text=plotly_text(spot[0]), row=spot[1], x=x) for spot, x in zip(spots, xs, strict=True) if spot is not None
    ]


# Context known only to the year (e.g. the 2008 Georgia war) used to be left
# out of the opening range; the axis now covers it (issue 8: an honest axis).
COARSE_PRECISIONS = ("year",)
PHASE_ROWS = 2
PHASE_FONT = 11


def opening_range(events: pd.DataFrame, window: tuple[date | None, date | None] = (None, None)) -> list | None:
    """The x range the chart opens on: every event in view with a margin, or the window."""
    found = axis_range(events, window)
    return None if found is None else [found[0], found[1]]


# Per-event drawing up to MAX_DRAWN_EVENTS events in the window; beyond that
# the weekly heatmap. Measured on bench/generate.py data (affiliation lanes,
# ~2.1 lanes per event; this 2-core machine, orjson installed; best of 3):
#   events   figure build   JSON     size
#    1,000     0.09 s       0.03 s   0.59 MB   (SVG markers and bars)
#   10,000     0.35-0.58 s  0.18 s   2.50 MB   (WebGL markers and spans)
#   20,000     0.62 s       0.18 s   4.96 MB
# 20,000 alone would fill issue 4's 5 MB per rerun budget, so N = 10,000.
# Up to SVG_EVENTS the marks are SVG (patterns, dashed outlines, labels);
# above, WebGL (go.Scattergl) without those extras.
MAX_DRAWN_EVENTS = 10_000
SVG_EVENTS = 2_000
LABEL_EVENTS = 400  # labelling costs a greedy pass per event; above this few could be labelled anyway


def is_aggregated(events: pd.DataFrame) -> bool:
    """Whether `timeline_figure` draws counts rather than single events."""
    return len(events) > MAX_DRAWN_EVENTS


def event_lanes(events: pd.DataFrame, lane_by: str, actors: pd.DataFrame | None) -> pd.DataFrame:
    """(row, event_id, lane, group): the lanes each event is drawn in, once
    per lane. By event kind; or by each participant's name (actor) or
    affiliation, an unknown actor under its id with no group, and events
    without participants in the "(no participant)" lane. `row` is the event's
    position in `events`; lanes are HTML-escaped for Plotly."""
    count = len(events)
    if lane_by == "kind":
        return pd.DataFrame(
            {
                "row": np.arange(count),
                "event_id": events["event_id"].to_numpy(),
                "lane": [plotly_text(kind) for kind in events["kind"]],
                "group": "",
            }
        )
    id_lists = events["participant_ids"].to_numpy()
    sizes = np.fromiter((len(ids) for ids in id_lists), dtype=np.int64, count=count)
    actor_ids = np.fromiter(chain.from_iterable(id_lists), dtype=object, count=int(sizes.sum()))
    # Look names and affiliations up once per distinct actor, not once per pair.
    actor_codes, distinct = pd.factorize(actor_ids)
    known = actors if actors is not None else pd.DataFrame({"actor_id": [], "name": [], "affiliation": []})
    position = pd.Index(known["actor_id"]).get_indexer(distinct)  # -1: unknown actor → the extra "" slot
    affiliation = np.append(known["affiliation"].to_numpy(dtype=object), "")[position]
    if lane_by == "affiliation":
        lane = np.where(affiliation != "", affiliation, distinct)
    else:
        lane = np.where(position >= 0, np.append(known["name"].to_numpy(dtype=object), "")[position], distinct)
    lane_of_actor, labels = pd.factorize(np.append(lane, NO_PARTICIPANT))
    group_of_lane = np.empty(len(labels), dtype=object)
    group_of_lane[lane_of_actor] = np.append(affiliation, "")  # one group per lane
    alone = np.flatnonzero(sizes == 0)  # events without participants
    rows = np.concatenate([np.repeat(np.arange(count), sizes), alone])
    codes = np.concatenate([lane_of_actor[actor_codes], np.full(len(alone), lane_of_actor[-1])])
    # An event once per lane (first occurrences, in order): np.unique sorts the 2,500,000 keys of 1,000,000
    # events in 0.2 s, where Series.duplicated's hash table took 0.8 s.
    once = np.zeros(len(rows), dtype=bool)
    once[np.unique(rows * len(labels) + codes, return_index=True)[1]] = True
    rows, codes = rows[once], codes[once]
    return pd.DataFrame(
        {
            "row": rows,
            # taken as it is stored (Arrow): to_numpy() made a Python str per event, ~1 s at 1,000,000
            "event_id": events["event_id"].array.take(rows),
            "lane": pd.Categorical.from_codes(codes, categories=pd.Index([plotly_text(label) for label in labels])),
            # object, as built: pandas would otherwise convert 2,500,000 strs to Arrow (0.5 s at 1,000,000 events)
            "group": pd.Series(group_of_lane[codes], dtype=object),
        }
    )


def _week_starts(days: pd.Series) -> np.ndarray:
    """The Monday of each day's calendar week."""
    return (days.dt.normalize() - pd.to_timedelta(days.dt.day_of_week, unit="D")).to_numpy()


def timeline_density_figure(
    events: pd.DataFrame, phases: pd.DataFrame, lane_by: str = "affiliation", actors: pd.DataFrame | None = None
) -> go.Figure:
    """Events counted per lane and calendar week of their start date, as a
    heatmap; the busiest MAX_DENSITY_LANES lanes are kept and the rest are
    summed into one lane. The title says the view is aggregated."""
    lanes = event_lanes(events, lane_by, actors)
    lanes["week"] = _week_starts(events["start_date"])[lanes["row"].to_numpy()]
    counts = lanes.groupby(["lane", "week"], observed=True).size().unstack("week", fill_value=0)
    counts.index = counts.index.astype(str)
    groups = lanes.groupby("lane", observed=True)["group"].first()
    order = _lane_order(pd.DataFrame({"lane": counts.index, "group": groups.reindex(counts.index).to_numpy()}))
    counts = counts.reindex(order)
    if len(order) > MAX_DENSITY_LANES:
        busiest = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[: MAX_DENSITY_LANES - 1]
        kept = [lane for lane in order if lane in set(busiest)]
        rest = counts.drop(index=kept).sum().rename(OTHER_LANES)
        counts = pd.concat([counts.loc[kept], rest.to_frame().T])
    order = list(counts.index)
    counts = counts.where(counts > 0)  # empty cells stay blank
    heatmap = go.Heatmap(
        x=counts.columns,
        y=counts.index,
        z=counts.to_numpy(),
        colorscale="Blues",
        hoverongaps=False,
        colorbar=dict(title=dict(text="events<br>per week"), thickness=12),
        hovertemplate="%{y}<br>week of %{x|%d %b %Y}<br>%{z} events<extra></extra>",
    )
    phase_shapes = _phase_bands(phases)
    x_range = axis_range(events)
    phase_labels = [
        dict(
            xref="x",
            yref="paper",
            x=t["x"],
            y=1,
            yanchor="bottom",
            text=t["text"],
            showarrow=False,
            yshift=PHASE_ROW * (PHASE_ROWS - 1 - t["row"]),
            font=dict(size=PHASE_FONT, color=NEUTRAL_COLOUR),
        )
        for t in (_phase_titles(phases, x_range, WIDE.plot_width) if x_range else [])
    ]
    title = (
        f"Aggregated view: {len(events):,} events counted per week of their start date. "
        f"Narrow the filters to {MAX_DRAWN_EVENTS:,} events or fewer to see each one."
    )
    layout = dict(
        title=dict(text=title, font=dict(size=13), x=0, xanchor="left"),
        shapes=phase_shapes,
        annotations=phase_labels,
        height=max(320, 160 + 22 * len(order)),
        margin=dict(l=10, r=10, t=80 + PHASE_ROW * PHASE_ROWS, b=40),
        xaxis=dict(type="date", title=None, range=opening_range(events)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=order, autorange="reversed", title=None),
        dragmode="zoom",
    )
    return known_good_figure([heatmap], layout)


def _labels(
    marks: pd.DataFrame, events: pd.DataFrame, x_range: tuple, settings: LabelSettings, turning_points: Iterable[str]
) -> pd.DataFrame:
    priority = label_priority(events, turning_points)
    by_event = dict(zip(events["event_id"], priority, strict=True))
    titles = dict(zip(events["event_id"], events["title"], strict=True))
    items = marks.assign(priority=marks["event_id"].map(by_event), title=marks["event_id"].map(titles))
    return place_labels(items, x_range, settings)


def _link_arrows(links: pd.DataFrame, marks: pd.DataFrame, geometry: LaneGeometry) -> list[dict]:
    """An arrow per link whose two events are drawn: from the end of the first
    event (in its first lane) to the start of the second."""
    first = marks.drop_duplicates("event_id").set_index("event_id")
    arrows = []
    for link in links.to_dict("records"):
        if link["from_event_id"] not in first.index or link["to_event_id"] not in first.index:
            continue
        source, target = first.loc[link["from_event_id"]], first.loc[link["to_event_id"]]
        arrows.append(
            dict(
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                x=target["start"],
                y=geometry.marker_y[target["lane"]],
                ax=source["start"],
                ay=geometry.marker_y[source["lane"]],
                text="",
                showarrow=True,
                arrowhead=2,
                arrowsize=1,
                arrowwidth=1.4,
                arrowcolor=LINK_COLOUR,
                standoff=7,
                startstandoff=7,
                opacity=0.8,
                hovertext=plotly_text(str(link["kind"]).replace("_", " ")),
            )
        )
    return arrows


LINK_COLOUR = "#555555"
HIGHLIGHT_COLOUR = "#d62728"


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
    `highlight` rings one event. `layout.meta` records the lanes and the
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
    )[0]


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
) -> list[go.Figure]:
    """`timeline_figure` for each label layout in `layouts` (a wide screen's, a phone's), in that order.

    The events' marks, lanes and axis are the same in every layout and are built once; only the labels, and
    the lane heights they need, differ (on the bundled data that halves the cost of three layouts)."""
    if is_aggregated(events):
        density = timeline_density_figure(events, phases, lane_by, actors)
        return [density] + [go.Figure(density) for _ in layouts[1:]]
    points = tuple(turning_points)
    marks = event_marks(events, lane_by, actors)
    marks, lanes = _fold_lanes(marks, _lane_order(marks))
    x_range = axis_range(events, window)
    return [
        _laid_out(events, phases, lane_by, marks, lanes, x_range, window, settings, points, links, highlight)
        for settings in layouts
    ]


def _laid_out(
    events: pd.DataFrame,
    phases: pd.DataFrame,
    lane_by: str,
    marks: pd.DataFrame,
    lanes: list[str],
    x_range: tuple | None,
    window: tuple[date | None, date | None],
    labels: LabelSettings | None,
    turning_points: tuple[str, ...],
    links: pd.DataFrame | None,
    highlight: str | None,
) -> go.Figure:
    """One layout of the timeline on its marks and lanes (see timeline_figures)."""
    svg = len(events) <= SVG_EVENTS
    settings = labels if labels is not None and len(events) <= LABEL_EVENTS and x_range else None
    placed = _labels(marks, events, x_range, settings, turning_points) if settings and x_range else _labels_none()
    label_rows = {str(lane): int(rows) for lane, rows in placed.groupby("lane")["row"].max().add(1).items()}
    plot_width = settings.plot_width if settings else WIDE.plot_width
    phase_titles = _phase_titles(phases, x_range, plot_width) if x_range else []
    phase_rows = max((t["row"] for t in phase_titles), default=-1) + 1
    geometry = lane_geometry(lanes, label_rows, phase_rows)
    marker_y = marks["lane"].map(geometry.marker_y).to_numpy(dtype=float)
    marks = marks.assign(y=marker_y)

    traces: list[go.Scatter | go.Bar | go.Scattergl] = []
    shapes = _phase_bands(phases)
    if svg:
        is_marker = (marks["shape"] == "marker").to_numpy()
        for status, group in marks[is_marker].groupby("status_shown", sort=True):
            traces.append(_marker_trace(group, str(status), lane_by, group["y"].to_numpy()))
        bars = marks[~is_marker]
        for (bar_status, imprecise), group in bars.groupby(["status_shown", "imprecise"], sort=True):
            traces.append(_bar_trace(group, str(bar_status), bool(imprecise), lane_by, group["y"].to_numpy()))
        traces += _dashed_outlines(bars, lane_by, bars["y"].to_numpy())
    else:
        traces += _webgl_traces(marks, lane_by)
    traces += _legend_traces()
    if highlight is not None and highlight in set(marks["event_id"]):
        ring = marks[marks["event_id"] == highlight]
        traces.append(
            go.Scatter(
                x=(ring["start"] + (ring["end_excl"] - ring["start"]) / 2).to_numpy(),
                y=ring["y"].to_numpy(),
                mode="markers",
                name="this step's event",
                marker=dict(symbol="circle-open", size=26, color=HIGHLIGHT_COLOUR, line=dict(width=3)),
                customdata=ring["event_id"].tolist(),
                hoverinfo="skip",
                showlegend=False,
            )
        )

    annotations = [
        dict(
            xref="paper",
            x=0,
            xanchor="left",
            yref="y",
            y=geometry.title_y[lane],
            text=f"<b>{lane}</b>",
            showarrow=False,
            font=dict(size=11, color=NEUTRAL_COLOUR),
        )
        for lane in lanes
    ]  # lanes are already HTML-escaped (event_lanes)
    annotations += [
        dict(
            xref="x",
            yref="y",
            x=t["x"],
            y=geometry.phase_y[t["row"]],
            text=t["text"],
            showarrow=False,
            font=dict(size=PHASE_FONT, color=NEUTRAL_COLOUR),
        )
        for t in phase_titles
    ]
    annotations += [
        dict(
            xref="x",
            yref="y",
            x=label["x"],
            y=geometry.label_y[str(label["lane"])][int(label["row"])],
            xanchor=label["anchor"],
            text=(
                f"<b>{plotly_text(label['text'])}</b>" if label["event_id"] == highlight else plotly_text(label["text"])
            ),
            showarrow=False,
            font=dict(size=settings.font_size if settings else 11, color="#262730"),
            name="event label",
        )
        for label in placed.to_dict("records")
    ]
    if links is not None and len(links):
        annotations += _link_arrows(links, marks, geometry)
    top, bottom = 8, 64
    plot_height = max(geometry.plot_height, MIN_PLOT_HEIGHT)
    height = int(plot_height) + top + bottom
    layout = dict(
        shapes=shapes,
        annotations=annotations,
        barmode="overlay",
        height=height,
        margin=dict(l=8, r=8, t=top, b=bottom, autoexpand=False),
        # The legend sits below the date labels: 30 px under the plot, whatever its height.
        legend=dict(orientation="h", yanchor="top", y=-30 / plot_height, x=0),
        hovermode="closest",
        xaxis=dict(type="date", title=None, range=opening_range(events, window), automargin=False),
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
        meta=dict(lanes=lanes, labelled=len(placed), labelled_ids=placed["event_id"].tolist()),
    )
    return known_good_figure(traces, layout)


def _labels_none() -> pd.DataFrame:
    return pd.DataFrame(columns=["event_id", "lane", "text", "row", "x", "anchor", "left", "right"])


def _point_event_id(point: Mapping) -> str | None:
    customdata = point.get("customdata") if isinstance(point, Mapping) else None
    if isinstance(customdata, (list, tuple)):
        customdata = customdata[0] if customdata else None
    return customdata if isinstance(customdata, str) and customdata else None


def selected_event_ids(selection_state: Mapping | None) -> list[str]:
    """Event ids of the points selected in a Plotly chart, from the value
    `st.plotly_chart(..., on_select="rerun")` returns; first-seen order,
    no duplicates. Missing keys or points without an id are ignored."""
    if not isinstance(selection_state, Mapping):
        return []
    selection = selection_state.get("selection")
    points = (selection.get("points") if isinstance(selection, Mapping) else None) or []
    ids = (_point_event_id(point) for point in points)
    return list(dict.fromkeys(event_id for event_id in ids if event_id))
