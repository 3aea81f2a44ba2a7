"""Who met whom, as a heatmap of shared held events."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import ACCENT_COLOUR, group_palette, plotly_text
from dashboard.data.description import Side
from dashboard.model.timeline import text_width

# The chart's width in px per screen layout (ui/screen reports it; names as in ui/timeline.LAYOUTS): the
# narrowest the chart is drawn at on each. Unknown (before the browser reports, or without JavaScript) and
# phones: a 390 px screen less the page's 48 px of padding (on a 320 px one, the numbers touch but stay apart).
CHART_WIDTHS = {"wide": 900, "medium": 540}
NARROWEST_WIDTH = 342
TICK_FONT = 11


def chart_width(layout: str | None) -> int:
    """The width to lay the chart out for on the screen layout `layout` (None: not known yet)."""
    return CHART_WIDTHS.get(layout or "", NARROWEST_WIDTH)


def co_attendance_figure(
    pairs: pd.DataFrame, actors: pd.DataFrame, width: int = NARROWEST_WIDTH, sides: Sequence[Side] | None = None
) -> go.Figure:
    """A symmetric actor × actor heatmap of the number of held events two
    actors attended together (`pairs` as `co_attendance` returns it), its
    labels laid out not to overlap on a chart `width` px wide or wider.
    Actors are ordered by affiliation (side by side: `group_palette`) then name; only actors in some pair
    appear."""
    names = actors.set_index("actor_id")["name"]
    affiliations = actors.set_index("actor_id")["affiliation"]
    present = set(pairs["actor_a"]) | set(pairs["actor_b"])
    palette = group_palette(actors, sides)
    order = sorted(present, key=lambda a: (palette.sort_key(affiliations.get(a, "")), names.get(a, a)))
    counts = pd.DataFrame(0, index=order, columns=order)
    for a, b, events in zip(pairs["actor_a"], pairs["actor_b"], pairs["events"], strict=True):
        counts.loc[a, b] = counts.loc[b, a] = events
    labels = [plotly_text(names.get(actor_id, actor_id)) for actor_id in order]
    short = row_labels(order, actors)
    # the room left for the columns: the width less the margins (20 px) and the row labels (and their 6 px gap)
    columns_px = width - 26 - max(text_width(label, TICK_FONT) for label in short)
    figure = go.Figure(
        go.Heatmap(
            z=counts.to_numpy(),
            x=labels,
            y=labels,
            colorscale=[[0, "#ffffff"], [1, ACCENT_COLOUR]],
            zmin=0,
            hovertemplate="%{y} and %{x}: %{z} held events together<extra></extra>",
            colorbar=dict(
                title=dict(text="events", side="right"), orientation="h", y=-0.06, yanchor="top", thickness=12
            ),
        )
    )
    figure.update_layout(
        height=160 + 22 * len(order),
        margin=dict(l=10, r=10, t=10, b=70),
        yaxis=dict(
            autorange="reversed", tickmode="array", tickvals=labels, ticktext=short, tickfont=dict(size=TICK_FONT)
        ),
        xaxis=dict(
            tickmode="array",
            tickvals=labels,
            ticktext=column_numbers(len(order), columns_px),
            tickangle=0,
            tickfont=dict(size=TICK_FONT),
            side="top",
        ),
    )
    return figure


def row_labels(order: list[str], actors: pd.DataFrame) -> list[str]:
    """Short row labels, so the chart fits a 390 px phone without overlapping text: "number short name" (columns
    say only the number; hover names both). Measured at 390 px: 21 rows of full names took 60 % of the width."""
    names = actors.set_index("actor_id")["name"]
    kinds = actors.set_index("actor_id")["kind"]
    return [
        f"{number} {plotly_text(short_name(names.get(actor_id, actor_id), kinds.get(actor_id, '')))}"
        for number, actor_id in enumerate(order, start=1)
    ]


def column_numbers(count: int, room_px: float) -> list[str]:
    """The columns' numbers 1..`count` as tick labels across `room_px`. A number needs its width and 3 px; when
    they do not fit side by side, they take turns on as many lines as needed (a trailing blank line lifts a
    number above the axis's first line), so neighbours on one line are that many columns apart."""
    need_px = text_width(str(count), TICK_FONT) + 3
    lines = max(1, math.ceil(need_px * count / max(room_px, 1.0)))
    return [str(number) + "<br> " * ((number - 1) % lines) for number in range(1, count + 1)]


def short_name(name: str, kind: str, limit: int = 16) -> str:
    """A person's surname, or a body's name cut to `limit` characters with an ellipsis."""
    if kind == "person" and " " in name:
        return name.rsplit(" ", 1)[1]
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def co_attendance_alt_text(pairs: pd.DataFrame, actors: pd.DataFrame) -> str:
    """What the who-met-whom chart shows, for screen readers."""
    names = dict(zip(actors["actor_id"], actors["name"], strict=True))
    if pairs.empty:
        return "Who met whom: no two actors attended the same held event."
    actor_count = len(set(pairs["actor_a"]) | set(pairs["actor_b"]))
    top = pairs.sort_values("events", ascending=False, kind="stable").iloc[0]
    first, second = (names.get(top[column], top[column]) for column in ("actor_a", "actor_b"))
    return (
        f"Who met whom: a grid of {actor_count} actors; each cell counts the held events two attended together. "
        f"{len(pairs)} pairs met; the most often, {int(top['events'])} times, {first} and {second}."
    )
