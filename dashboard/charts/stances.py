"""The stance panels, in Altair: one small panel per issue, each side's
position as steps over a shared time axis, the gap beneath, the as-known-on
day marked. Drawn from the long table of `model.stance_panels.stance_panels`:
each layer below is one declarative expression that keeps its own rows (by `layer`).

Vega-Lite draws data text as text (axis labels, headers, tooltips are not
parsed as HTML or markdown), so data needs no escaping here.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.style import GROUP_COLOURS

# The name of the click selection: st.altair_chart returns it under this key.
STANCE_SELECTION = "stance"
SIDE_ORDER = ["NATO", "Russia"]
# One column of narrow panels fits a 390 px phone (Vega-Lite facets cannot fit
# a container's width, and a wider grid is clipped there); wider screens, once
# the browser has said so (ui/screen), get wider panels side by side.
PANEL_WIDTH = 270
PANEL_HEIGHT = 110
GAP_COLOUR = "#9e9e9e"

LAYER = alt.datum.layer
SIDE_COLOUR = alt.Color(
    "side:N",
    scale=alt.Scale(domain=SIDE_ORDER, range=[GROUP_COLOURS[side] for side in SIDE_ORDER]),
    legend=alt.Legend(title=None, orient="top", direction="horizontal"),
)
TIME = alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=4))
RANK_UP_GAP_DOWN = alt.Y(
    "y:Q",
    title="rank ↑ · gap ↓",
    axis=alt.Axis(tickMinStep=1, labelExpr="abs(datum.value)", grid=False),
)


def gap_bars() -> alt.Chart:
    """The gap.

    A grey bar beneath the zero line, as deep as the gap, from one change to the next; hidden from screen readers
    (aria=False), as the gap table below reads out each gap."""
    return (
        alt.Chart()
        .mark_bar(color=GAP_COLOUR, opacity=0.6, aria=False)
        .encode(
            x=TIME,
            x2="end:T",
            y=RANK_UP_GAP_DOWN,
            y2="y2:Q",
            tooltip=[alt.Tooltip("y2:Q", title="gap (negative = below)")],
        )
        .transform_filter(LAYER == "gap")
    )


def position_steps() -> alt.Chart:
    """Each side's positions.

    A thick line at the position's rank while it is held: solid, then dashed once it is over a year old."""
    return (
        alt.Chart()
        .mark_rule(strokeWidth=3)
        .encode(
            x=TIME,
            x2="end:T",
            y=RANK_UP_GAP_DOWN,
            color=SIDE_COLOUR,
            strokeDash=alt.StrokeDash(
                "stale:N",
                scale=alt.Scale(domain=[False, True], range=[[1, 0], [5, 4]]),
                legend=alt.Legend(
                    title=None, orient="top", labelExpr="datum.label == 'true' ? 'stale (>1 year)' : 'held'"
                ),
            ),
        )
        .transform_filter(LAYER == "segment")
    )


def position_jumps() -> alt.Chart:
    """The moves between positions.

    A thin vertical line from the old rank to the new; decorative (aria=False): the points and the changes table
    carry each move."""
    return (
        alt.Chart()
        .mark_rule(strokeWidth=2, aria=False)
        .encode(x=TIME, y=RANK_UP_GAP_DOWN, y2="y2:Q", color=SIDE_COLOUR)
        .transform_filter(LAYER == "jump")
    )


def stance_points() -> alt.Chart:
    """The stances.

    A point per stance, circle for NATO and square for Russia, with its quote in the tooltip; a click selects it
    (selection "stance", field stance_id) and the selected one has a black ring."""
    pick = alt.selection_point(name=STANCE_SELECTION, fields=["stance_id"], on="click", empty=False)
    return (
        alt.Chart()
        .mark_point(filled=True, size=90, cursor="pointer")
        .encode(
            x=TIME,
            y=RANK_UP_GAP_DOWN,
            color=SIDE_COLOUR,
            shape=alt.Shape("side:N", scale=alt.Scale(domain=SIDE_ORDER, range=["circle", "square"]), legend=None),
            stroke=alt.condition(pick | (alt.datum.selected == True), alt.value("black"), alt.value(None)),  # noqa: E712
            strokeWidth=alt.value(2),
            tooltip=[
                alt.Tooltip("side:N", title="Side"),
                alt.Tooltip("position_label:N", title="Position"),
                alt.Tooltip("words:N", title="Quote"),
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("start:T", title="From", format="%d %b %Y"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
        .add_params(pick)
        .transform_filter(LAYER == "stance")
    )


def known_on_rule() -> alt.Chart:
    """The as-known-on day.

    A dotted vertical line: nothing after it is on record yet."""
    return (
        alt.Chart()
        .mark_rule(color="black", strokeDash=[2, 2])
        .encode(x=TIME, tooltip=[alt.Tooltip("start:T", title="As known on", format="%d %b %Y")])
        .transform_filter(LAYER == "known_on")
    )


def gap_notes() -> alt.Chart:
    """Why an issue has no gap.

    Grey italic words beneath the zero line: "no counterpart position" or "not measured"."""
    return (
        alt.Chart()
        .mark_text(align="left", baseline="middle", color="#555", fontStyle="italic")
        .encode(x=TIME, y=RANK_UP_GAP_DOWN, text="note:N")
        .transform_filter(LAYER == "note")
    )


def stance_panels_chart(
    panels: pd.DataFrame, issue_order: list[str], columns: int = 1, width: int = PANEL_WIDTH
) -> alt.FacetChart:
    """Small multiples of the stance panels (`stance_panels` rows; issue titles in `issue_order`), `columns`
    across, each `width` px wide: the layers above, one panel per issue, each with its own rank scale. Each
    mark's accessible name is Vega-Lite's, made of its tooltip fields."""
    return (
        alt.layer(
            gap_bars(), position_steps(), position_jumps(), stance_points(), known_on_rule(), gap_notes(), data=panels
        )
        .properties(width=width, height=PANEL_HEIGHT)
        .facet(
            facet=alt.Facet(
                "issue_title:N",
                sort=issue_order,
                title=None,
                # labelLimit: a very long issue title is cut with an ellipsis, not widening the chart
                header=alt.Header(labelFontWeight="bold", labelFontSize=13, labelAnchor="start", labelLimit=width),
            ),
            columns=columns,
        )
        .resolve_scale(y="independent")
        .properties(
            title=alt.TitleParams(
                "Did they narrow the gap?",
                subtitle=[
                    "Each side's position per issue over time (rank up),",
                    "the gap between them beneath; dotted: the as-known-on day.",
                    "Click a point for its quote.",
                ],
                anchor="start",
            )
        )
    )


def stance_panels_alt_text(panels: pd.DataFrame) -> str:
    """What the panels show, for screen readers."""
    issues = panels["issue_title"].nunique()
    stances = int((panels["layer"] == "stance").sum())
    return (
        f"Small multiples, one panel per issue ({issues}): NATO and Russian positions over time as steps "
        f"({stances} stances), with the gap between the sides drawn beneath each panel."
    )
