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
    figure = go.Figure(
        go.Heatmap(
            z=counts.to_numpy(),
            x=labels,
            y=labels,
            colorscale=[[0, "#ffffff"], [1, GROUP_COLOURS["NATO"]]],
            zmin=0,
            hovertemplate="%{y} and %{x}: %{z} held events together<extra></extra>",
            colorbar=dict(title="events"),
        )
    )
    figure.update_layout(
        height=200 + 28 * len(order),
        margin=dict(l=10, r=10, t=10, b=10),
        yaxis=dict(autorange="reversed"),
        xaxis=dict(tickangle=-45),
    )
    return figure
