"""Who met whom, as a heatmap of shared held events."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import GROUP_COLOURS, group_sort_key, plotly_text


def co_attendance_figure(pairs: pd.DataFrame, actors: pd.DataFrame) -> go.Figure:
    """A symmetric actor × actor heatmap of the number of held events two
    actors attended together (`pairs` as `co_attendance` returns it). Actors
    are ordered by affiliation then name; only actors in some pair appear."""
    names = actors.set_index("actor_id")["name"]
    affiliations = actors.set_index("actor_id")["affiliation"]
    present = set(pairs["actor_a"]) | set(pairs["actor_b"])
    order = sorted(present, key=lambda a: (group_sort_key(affiliations.get(a, "")), names.get(a, a)))
    counts = pd.DataFrame(0, index=order, columns=order)
    for a, b, events in zip(pairs["actor_a"], pairs["actor_b"], pairs["events"], strict=True):
        counts.loc[a, b] = counts.loc[b, a] = events
    labels = [plotly_text(names.get(actor_id, actor_id)) for actor_id in order]
    kinds = actors.set_index("actor_id")["kind"]
    # Short axis labels, so the chart fits a 390 px phone without overlapping
    # text: rows say "number  short name", columns only the number (hover
    # names both). Measured at 390 px: 21 rows of full names took 60 % of the width.
    short = [
        f"{number} {plotly_text(short_name(names.get(actor_id, actor_id), kinds.get(actor_id, '')))}"
        for number, actor_id in enumerate(order, start=1)
    ]
    numbers = [str(number) for number in range(1, len(order) + 1)]
    figure = go.Figure(
        go.Heatmap(
            z=counts.to_numpy(),
            x=labels,
            y=labels,
            colorscale=[[0, "#ffffff"], [1, GROUP_COLOURS["NATO"]]],
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
        yaxis=dict(autorange="reversed", tickmode="array", tickvals=labels, ticktext=short, tickfont=dict(size=11)),
        xaxis=dict(
            tickmode="array", tickvals=labels, ticktext=numbers, tickangle=-90, tickfont=dict(size=9), side="top"
        ),
    )
    return figure


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
