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

Beyond MAX_DRAWN_EVENTS events no reader can tell single marks apart (and the
browser would choke on them), so `timeline_figure` draws an aggregated view
instead: events counted per lane and week of their start, and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

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

NO_PARTICIPANT = "(no participant)"
OTHER_LANES = "(other lanes)"
MAX_DRAWN_EVENTS = 2_000
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
    hover = np.array(
        [
            "<br>".join(
                part
                for part in (
                    f"<b>{plotly_text(title)}</b>",
                    format_date_range(first, last, how),
                    plotly_text(place),
                    STATUS_LABELS.get(shown, shown),
                )
                if part
            )
            for title, first, last, how, place, shown in zip(
                events["title"],
                events["start_date"],
                events["end_date"],
                precision,
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


def _colours(marks: pd.DataFrame, lane_by: str) -> list[str]:
    return [NEUTRAL_COLOUR if lane_by == "kind" or not group else colour_for(group) for group in marks["group"]]


# Plotly checks every point (each colour, each hover text) as a trace is made:
# 0.3 s for 1,000 events. These traces are built from known-good values, so
# that check is skipped (`_validate=False`); the chart tests check the result.
def _marker_trace(marks: pd.DataFrame, status: str, lane_by: str) -> go.Scatter:
    colours = _colours(marks, lane_by)
    return go.Scatter(
        x=marks["start"],
        y=marks["lane"],
        mode="markers",
        name=f"{STATUS_LABELS.get(status, status)} (day)",
        legendgroup=status,
        showlegend=False,
        marker=dict(
            symbol=STATUS_SYMBOLS.get(status, "circle"), size=12, color=colours, line=dict(width=2, color=colours)
        ),
        customdata=marks["event_id"].tolist(),
        hovertext=marks["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
        _validate=False,
    )


def _bar_trace(marks: pd.DataFrame, status: str, imprecise: bool, lane_by: str) -> go.Bar:
    colours = _colours(marks, lane_by)
    pattern = BAR_PATTERNS.get(status, "")
    return go.Bar(
        orientation="h",
        y=marks["lane"],
        base=marks["start"],
        x=((marks["end_excl"] - marks["start"]) / pd.Timedelta(milliseconds=1)).tolist(),
        width=BAR_WIDTH,
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


def _dashed_outlines(bars: pd.DataFrame, lane_by: str) -> list[dict[str, Any]]:
    """Dashed rectangles around uncertain or not-held bars (go.Bar has no
    dashed outline of its own)."""
    return [
        dict(
            type="rect",
            xref="x",
            yref="y",
            layer="above",
            x0=row.start,
            x1=row.end_excl,
            y0=row.lane,
            y1=row.lane,
            y0shift=-BAR_WIDTH / 2,
            y1shift=BAR_WIDTH / 2,
            line=dict(color=colour, width=1.5, dash="dash" if row.imprecise else "dot"),
            fillcolor="rgba(0,0,0,0)",
        )
        for row, colour in zip(bars.itertuples(), _colours(bars, lane_by), strict=True)
        if row.imprecise or row.status_shown != "held"
    ]


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


def _phase_shapes_and_labels(phases: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    shapes, labels = [], []
    for number, phase in enumerate(phases.sort_values("start_date").itertuples()):
        end = phase.end_date + pd.Timedelta(days=1)
        shapes.append(
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
        )
        labels.append(
            dict(
                xref="x",
                yref="paper",
                x=phase.start_date + (end - phase.start_date) / 2,
                y=1,
                yanchor="bottom",
                text=plotly_text(phase.title),
                showarrow=False,
                font=dict(size=11, color=NEUTRAL_COLOUR),
            )
        )
    return shapes, labels


# Context known only to the year (e.g. the 2008 Georgia war) would squeeze the
# talks into a corner; the axis opens on the rest, and zooming out shows all.
COARSE_PRECISIONS = ("year",)
OPENING_PAD = pd.Timedelta(days=45)


def opening_range(events: pd.DataFrame) -> list[pd.Timestamp] | None:
    """The x range the chart opens on: the events dated finer than a year, padded."""
    coarse = events["date_precision"].isin(COARSE_PRECISIONS).to_numpy()
    if coarse.all() or not coarse.any():
        return None
    # Only the two date columns: selecting whole rows would copy every column.
    starts, ends = events["start_date"].to_numpy()[~coarse], events["end_date"].to_numpy()[~coarse]
    return [pd.Timestamp(starts.min()) - OPENING_PAD, pd.Timestamp(ends.max()) + OPENING_PAD]


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
    once = ~pd.Series(rows * len(labels) + codes).duplicated().to_numpy()  # an event once per lane
    rows, codes = rows[once], codes[once]
    return pd.DataFrame(
        {
            "row": rows,
            "event_id": events["event_id"].to_numpy()[rows],
            "lane": pd.Categorical.from_codes(codes, categories=[plotly_text(label) for label in labels]),
            "group": group_of_lane[codes],
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
    figure = go.Figure(
        go.Heatmap(
            x=counts.columns,
            y=counts.index,
            z=counts.to_numpy(),
            colorscale="Blues",
            hoverongaps=False,
            colorbar=dict(title=dict(text="events<br>per week"), thickness=12),
            hovertemplate="%{y}<br>week of %{x|%d %b %Y}<br>%{z} events<extra></extra>",
        )
    )
    phase_shapes, phase_labels = _phase_shapes_and_labels(phases)
    title = (
        f"Aggregated view: {len(events):,} events counted per week of their start date. "
        f"Narrow the filters to {MAX_DRAWN_EVENTS:,} events or fewer to see each one."
    )
    figure.update_layout(
        title=dict(text=title, font=dict(size=13), x=0, xanchor="left"),
        shapes=phase_shapes,
        annotations=phase_labels,
        height=max(320, 160 + 22 * len(order)),
        margin=dict(l=10, r=10, t=80, b=40),
        xaxis=dict(type="date", title=None, range=opening_range(events)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=order, autorange="reversed", title=None),
        dragmode="zoom",
    )
    return figure


def timeline_figure(
    events: pd.DataFrame, phases: pd.DataFrame, lane_by: str = "affiliation", actors: pd.DataFrame | None = None
) -> go.Figure:
    """The timeline of `events` (as `filter_events` returns them, with
    status_shown), with `phases` as background bands.

    `actors` is the actors table, used to name actor lanes and colour/group
    by affiliation; without it lanes show actor ids. Every data trace carries
    the event ids as `customdata` (one str per point) for selections.
    Above MAX_DRAWN_EVENTS events: the aggregated `timeline_density_figure`."""
    if is_aggregated(events):
        return timeline_density_figure(events, phases, lane_by, actors)
    marks = event_marks(events, lane_by, actors)
    lanes = _lane_order(marks)
    figure = go.Figure(_validate=False)  # see _marker_trace: known-good parts
    markers = marks[marks["shape"] == "marker"]
    for status, group in markers.groupby("status_shown", sort=True):
        figure.add_trace(_marker_trace(group, status, lane_by))
    bars = marks[marks["shape"] == "bar"]
    for (status, imprecise), group in bars.groupby(["status_shown", "imprecise"], sort=True):
        figure.add_trace(_bar_trace(group, status, imprecise, lane_by))
    figure.add_traces(_legend_traces())
    phase_shapes, phase_labels = _phase_shapes_and_labels(phases)
    height = max(320, 160 + 40 * len(lanes))
    top, bottom = 50, 70
    # The legend sits below the date labels: 30 px under the plot, whatever its height.
    legend_y = -30 / (height - top - bottom)
    figure.update_layout(
        shapes=phase_shapes + _dashed_outlines(bars, lane_by),
        annotations=phase_labels,
        barmode="overlay",
        height=height,
        margin=dict(l=10, r=10, t=top, b=bottom),
        legend=dict(orientation="h", yanchor="top", y=legend_y, x=0),
        hovermode="closest",
        xaxis=dict(type="date", title=None, range=opening_range(events)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=lanes, autorange="reversed", title=None),
        clickmode="event+select",
        dragmode="zoom",  # drag to zoom a period; a click picks an event
    )
    return figure


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
