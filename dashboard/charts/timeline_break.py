"""The timeline's broken x axis (model/timeline.AxisBreak): early context on a second date axis ("x2") in a
narrow strip at the left, a break mark, then the story on the main axis.

Both axes are real date axes, so hover, clicks and a box drawn with Box Select give real dates on either part
(a box lies in one part: Streamlit reports its axis and its x range in that axis's dates)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from dashboard.charts.style import NEUTRAL_COLOUR
from dashboard.model.timeline import CONTEXT_SHARE, STRIP_SHARE, AxisBreak, text_width

CONTEXT_AXIS = "x2"
STRIP_NOTES = ("earlier, compressed", "earlier")
STRIP_NOTE_FONT = 10


def split_traces(
    marks: pd.DataFrame, axis_break: AxisBreak, build: Callable[[pd.DataFrame], Sequence[Any]]
) -> list[Any]:
    """`build`'s traces for the marks of the main part, then for the early ones, drawn on the strip's axis."""
    early = (marks["start"] < axis_break.cutoff).to_numpy()
    traces = list(build(marks[~early]))
    for trace in build(marks[early]):
        trace.xaxis = CONTEXT_AXIS
        traces.append(trace)
    return traces


def on_context_axis(notes: list[dict], axis_break: AxisBreak) -> list[dict]:
    """Annotations at an early date moved onto the strip's axis. An arrow from an early event to a later one
    starts at the main part's left edge, at the break (an arrow cannot cross from one axis to another)."""
    moved = []
    for note in notes:
        if note.get("xref") != "x":
            moved.append(note)
            continue
        note = dict(note)
        early_x = pd.Timestamp(note["x"]) < axis_break.cutoff
        if note.get("axref") == "x" and pd.Timestamp(note["ax"]) < axis_break.cutoff:
            if early_x:
                note["axref"] = CONTEXT_AXIS
            else:
                note["ax"] = axis_break.main[0]
        if early_x:
            note["xref"] = CONTEXT_AXIS
        moved.append(note)
    return moved


def with_context_bands(shapes: list[dict], axis_break: AxisBreak) -> list[dict]:
    """Bands that reach into the early part drawn on the strip's axis too."""
    early = [dict(shape, xref=CONTEXT_AXIS) for shape in shapes if pd.Timestamp(shape["x0"]) < axis_break.context[1]]
    return shapes + early


def break_axes(axis_break: AxisBreak, main_axis: dict) -> dict:
    """The layout's two x axes: the main one narrowed to the right of the break, the strip's at the left."""
    return dict(
        xaxis=dict(main_axis, domain=[CONTEXT_SHARE, 1], range=list(axis_break.main)),
        xaxis2=dict(
            type="date",
            title=None,
            domain=[0, STRIP_SHARE],
            range=list(axis_break.context),
            anchor="y",
            automargin=False,
            dtick="M12",  # a tick each January: the strip spans a year or two in ~110 px
            tickformat="%Y",
        ),
    )


def break_marks(plot_width: float) -> list[dict]:
    """A break sign on the axis line between the two parts, and a note that the strip is compressed, as long
    a one as fits over the strip at `plot_width` px (none on a phone: the strip is ~35 px there)."""
    middle = (STRIP_SHARE + CONTEXT_SHARE) / 2
    fits = [text for text in STRIP_NOTES if text_width(text, STRIP_NOTE_FONT) <= STRIP_SHARE * plot_width]
    return [
        dict(
            xref="paper",
            yref="paper",
            x=middle,
            y=0,
            text="<b>//</b>",
            showarrow=False,
            font=dict(size=14, color=NEUTRAL_COLOUR),
            bgcolor="white",
            name="axis break",
        )
    ] + [
        dict(
            xref="paper",
            yref="paper",
            x=STRIP_SHARE / 2,
            y=1,
            yanchor="top",
            text=f"<i>{text}</i>",
            showarrow=False,
            font=dict(size=STRIP_NOTE_FONT, color=NEUTRAL_COLOUR),
            name="axis break",
        )
        for text in fits[:1]
    ]
