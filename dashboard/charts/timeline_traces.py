"""The timeline's traces: SVG markers and bars (with dashed outlines for uncertain or not-held bars), WebGL marks
for large views, the legend's status entries, and the ring around one event. Each data trace carries the event
ids as `customdata` (one str per point) for selections.

Plotly checks every point (each colour, each hover text) as a trace is made: 0.3 s for 1,000 events. These
traces are built from known-good values, so that check is skipped (`_validate=False`); the chart tests check
the result."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from dashboard.charts.style import NEUTRAL_COLOUR, STATUS_LABELS, STATUS_SYMBOLS, plotly_text
from dashboard.model.dates import format_date_range

DAY_MS = 24 * 60 * 60 * 1000
BAR_THICKNESS = 13  # px
BAR_PATTERNS = {"planned": "/", "did_not_happen": "x"}
HIGHLIGHT_COLOUR = "#d62728"


# The layout likewise: `update_layout` checked each of the ~30 annotations and 15 shapes of the bundled timeline
# through Plotly's validators, 96 ms a figure (three figures a rerun); handed to the constructor unchecked it
# takes 1.2 ms.
def known_good_figure(traces: Sequence[BaseTraceType], layout: dict[str, Any]) -> go.Figure:
    """A figure of already-checked traces and a layout of known-good values, without Plotly's validation."""
    return go.Figure(data=list(traces), layout=layout, _validate=False)


def hover_texts(events: pd.DataFrame) -> np.ndarray:
    """Per event: its title (bold), dates as precisely as known, place and status, escaped for Plotly."""
    start, end = events["start_date"].to_numpy(), events["end_date"].to_numpy()
    status = events["status_shown" if "status_shown" in events else "status"].to_numpy(dtype=object)
    # Dates repeat (10,000 events share ~3,000 date spans): format each once.
    dates = pd.DataFrame({"s": start, "e": end, "p": events["date_precision"].to_numpy(dtype=object)})
    codes, distinct = pd.factorize(pd.MultiIndex.from_frame(dates))
    date_texts = np.array([format_date_range(first, last, how) for first, last, how in distinct], dtype=object)
    when = date_texts[codes] if len(codes) else np.array([], dtype=object)
    parts = zip(events["title"], when, events["place"], status, strict=False)
    return np.array(
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
            for title, date_text, place, shown in parts
        ],
        dtype=object,
    )


def colours(marks: pd.DataFrame, lane_by: str) -> list[str]:
    """Each mark's colour: its group's (the `colour` column `drawn_marks` adds), neutral on lanes by kind."""
    if lane_by == "kind" or "colour" not in marks:
        return [NEUTRAL_COLOUR] * len(marks)
    return [colour if group else NEUTRAL_COLOUR for colour, group in zip(marks["colour"], marks["group"], strict=True)]


def svg_traces(marks: pd.DataFrame, lane_by: str) -> list[go.Scatter | go.Bar]:
    """Markers per status, bars per status and date certainty, then the bars' dashed outlines."""
    traces: list[go.Scatter | go.Bar] = []
    is_marker = (marks["shape"] == "marker").to_numpy()
    for status, group in marks[is_marker].groupby("status_shown", sort=True):
        traces.append(_marker_trace(group, str(status), lane_by, group["y"].to_numpy()))
    bars = marks[~is_marker]
    for (bar_status, imprecise), group in bars.groupby(["status_shown", "imprecise"], sort=True):
        traces.append(_bar_trace(group, str(bar_status), bool(imprecise), lane_by, group["y"].to_numpy()))
    return traces + dashed_outlines(bars, lane_by, bars["y"].to_numpy())


def _marker_trace(marks: pd.DataFrame, status: str, lane_by: str, y: np.ndarray) -> go.Scatter:
    colour = colours(marks, lane_by)
    return go.Scatter(
        x=marks["start"].to_numpy(),
        y=y,
        mode="markers",
        name=f"{STATUS_LABELS.get(status, status)} (day)",
        legendgroup=status,
        showlegend=False,
        marker=dict(
            symbol=STATUS_SYMBOLS.get(status, "circle"), size=12, color=colour, line=dict(width=2, color=colour)
        ),
        customdata=marks["event_id"].tolist(),
        hovertext=marks["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
        _validate=False,
    )


def _bar_trace(marks: pd.DataFrame, status: str, imprecise: bool, lane_by: str, y: np.ndarray) -> go.Bar:
    colour = colours(marks, lane_by)
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
            color=colour,
            opacity=0.35 if imprecise or pattern else 0.85,
            line=dict(width=0 if imprecise or pattern else 1, color=colour),
            pattern=dict(shape=pattern, fgcolor=colour, solidity=0.3) if pattern else None,
        ),
        customdata=marks["event_id"].tolist(),
        hovertext=marks["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
        _validate=False,
    )


def _days(stamps: pd.Series) -> np.ndarray:
    return stamps.to_numpy().astype("datetime64[D]").astype(str).astype(object)


def _runs(columns: Sequence[np.ndarray]) -> np.ndarray:
    """The columns interleaved point by point, each run of points closed by a None (a break in a line trace)."""
    count, width = len(columns[0]), len(columns) + 1
    values = np.empty(count * width, dtype=object)
    for at, column in enumerate(columns):
        values[at::width] = column
    values[len(columns) :: width] = None
    return values


def webgl_traces(marks: pd.DataFrame, lane_by: str) -> list[go.Scattergl]:
    """Every mark as a WebGL marker at its start (hover, id), and multi-day or
    uncertain spans as WebGL line segments behind them (no hover of their
    own): SVG bars with patterns and one colour per point cost too much
    beyond SVG_EVENTS. One trace per status and colour, so colours are not
    per-point arrays (Plotly checked each of them: 3 s at 10,000 events)."""
    traces: list[go.Scattergl] = []
    coloured = marks.assign(colour=colours(marks, lane_by), repeated=marks["event_id"].duplicated().to_numpy())
    for (status_key, colour), group in coloured.groupby(["status_shown", "colour"], sort=True):
        status = str(status_key)
        spans = group[group["shape"] == "bar"]
        if len(spans):
            ys = spans["y"].to_numpy()
            traces.append(
                go.Scattergl(
                    # day strings: 10 characters, not 29 for a nanosecond timestamp
                    x=_runs([_days(spans["start"]), _days(spans["end_excl"])]),
                    y=_runs([ys, ys]),
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
        traces += _webgl_markers(group, status, str(colour))
    return traces


def _webgl_markers(group: pd.DataFrame, status: str, colour: str) -> list[go.Scattergl]:
    # Hover text once per event (its first lane): it is most of the JSON
    # (1.9 of 4.1 MB at 10,000 events drawn in 21,000 places). Its other
    # places still take clicks (customdata) but show no label.
    return [
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
        for repeated, part in group.groupby("repeated", sort=True)
    ]


def dashed_outlines(bars: pd.DataFrame, lane_by: str, y: np.ndarray) -> list[go.Scatter]:
    """Dashed rectangles around uncertain (dash) or not-held (dot) bars, which go.Bar cannot draw: one line
    trace per colour and dash, each rectangle a closed run of 5 points. Not layout shapes: Plotly.js redraws
    every shape on each update, and at 1,000 events ~400 of them made a filter change slower than the naive
    app's."""
    wanted = (bars["imprecise"] | (bars["status_shown"] != "held")).to_numpy()
    outlined = bars[wanted].assign(
        colour=np.array(colours(bars, lane_by), dtype=object)[wanted],
        dash=np.where(bars["imprecise"].to_numpy()[wanted], "dash", "dot"),
        lane_y=y[wanted],
    )
    traces = []
    for (colour, dash), group in outlined.groupby(["colour", "dash"], sort=True):
        starts, ends = _days(group["start"]), _days(group["end_excl"])
        top = group["lane_y"].to_numpy() - BAR_THICKNESS / 2
        bottom = top + BAR_THICKNESS
        traces.append(
            go.Scatter(
                x=_runs([starts, ends, ends, starts, starts]),
                y=_runs([top, top, bottom, bottom, top]),
                mode="lines",
                name="outline",
                line=dict(color=colour, width=1.5, dash=dash),
                hoverinfo="skip",
                showlegend=False,
                _validate=False,
            )
        )
    return traces


def legend_traces() -> list[go.Scatter]:
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


def ring_trace(marks: pd.DataFrame, event_id: str) -> go.Scatter:
    """A red ring around each place `event_id` is drawn, at the middle of its days."""
    ring = marks[marks["event_id"] == event_id]
    return go.Scatter(
        x=(ring["start"] + (ring["end_excl"] - ring["start"]) / 2).to_numpy(),
        y=ring["y"].to_numpy(),
        mode="markers",
        name="this step's event",
        marker=dict(symbol="circle-open", size=26, color=HIGHLIGHT_COLOUR, line=dict(width=3)),
        customdata=ring["event_id"].tolist(),
        hoverinfo="skip",
        showlegend=False,
    )
