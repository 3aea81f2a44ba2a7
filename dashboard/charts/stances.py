"""How each side's position on an issue moved, and how far apart they were."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import colour_for, group_sort_key, plotly_text, wrap_for_hover
from dashboard.model.dates import format_day


def _stance_hover(stance: pd.Series) -> str:
    words = f"“{stance['quote']}”" if stance["quote"] else stance["paraphrase"] or stance["basis"]
    return "<br>".join(
        part
        for part in (
            f"<b>{plotly_text(stance['side'])}: {plotly_text(stance['position_label'])}</b>",
            f"{plotly_text(stance['actor_name'])}, from {format_day(stance['as_of'])}",
            wrap_for_hover(words),
        )
        if part
    )


def stance_history_figure(history: pd.DataFrame, positions_of_issue: pd.DataFrame) -> go.Figure:
    """One step line per side (as `stance_history` returns the stances) on the
    rank axis, labelled with the issue's positions; a marker per stance whose
    hover gives the backing quote (or paraphrase/basis). customdata: stance_id."""
    figure = go.Figure()
    for side in sorted(history["side"].unique(), key=group_sort_key):
        stances = history[history["side"] == side]
        figure.add_trace(
            go.Scatter(
                x=stances["as_of"],
                y=stances["rank"],
                mode="lines+markers",
                line_shape="hv",
                name=side,
                line=dict(color=colour_for(side), width=3),
                marker=dict(size=10),
                customdata=stances["stance_id"].tolist(),
                hovertext=[_stance_hover(stance) for _, stance in stances.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    positions = positions_of_issue.sort_values("rank")
    figure.update_layout(
        height=320 + 20 * len(positions),
        margin=dict(l=10, r=10, t=30, b=30),
        hovermode="closest",
        xaxis=dict(type="date", title=None),
        yaxis=dict(
            tickmode="array",
            tickvals=positions["rank"].tolist(),
            ticktext=[plotly_text(label) for label in positions["label"]],
            title=None,
            range=[positions["rank"].min() - 0.5, positions["rank"].max() + 0.5] if len(positions) else None,
        ),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return figure


def gap_figure(gap_series_df: pd.DataFrame, issues: pd.DataFrame) -> go.Figure:
    """One step line per issue (in sort_order) of the gap between the sides
    over time, from `gap_series`; the line breaks while a side has no stance.
    customdata: issue_id."""
    figure = go.Figure()
    titles = issues.set_index("issue_id")["title"]
    for issue_id in issues.sort_values("sort_order")["issue_id"]:
        series = gap_series_df[gap_series_df["issue_id"] == issue_id]
        if series.empty:
            continue
        figure.add_trace(
            go.Scatter(
                x=series["date"],
                y=series["gap"],
                mode="lines+markers",
                line_shape="hv",
                name=plotly_text(titles.get(issue_id, issue_id)),
                connectgaps=False,
                customdata=series["issue_id"].tolist(),
                hovertemplate="%{fullData.name}<br>%{x|%d %b %Y}: gap %{y}<extra></extra>",
            )
        )
    figure.update_layout(
        height=360,
        margin=dict(l=10, r=10, t=30, b=30),
        hovermode="closest",
        xaxis=dict(type="date", title=None),
        yaxis=dict(title="gap (position ranks apart)", dtick=1, rangemode="tozero"),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return figure
