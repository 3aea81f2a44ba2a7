"""The stance panels, in Altair: one small panel per issue, each side's
position as steps over a shared time axis, the gap beneath, the as-known-on
day marked. Drawn from the long table of `model.stances.stance_panels`.

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


def stance_panels_chart(
    panels: pd.DataFrame, issue_order: list[str], columns: int = 1, width: int = PANEL_WIDTH
) -> alt.FacetChart:
    """Small multiples of the stance panels (`stance_panels` rows; issue titles
    in `issue_order`), `columns` across, each `width` px wide. Ranks are plotted upwards from 1, the gap downwards from
    0 (axis labels show its size); a dashed segment is a stale position. A
    click on a stance point selects it (selection "stance", field stance_id).
    Each mark's accessible name is Vega-Lite's, made of its tooltip fields. The gap bars and jump connectors are
    hidden from screen readers (aria=False): in facet cells where they are empty Vega leaves an unnamed container
    (axe: svg-img-alt), and the gap table and the changes table read the same out."""
    pick = alt.selection_point(name=STANCE_SELECTION, fields=["stance_id"], on="click", empty=False)
    colour = alt.Color(
        "side:N",
        scale=alt.Scale(domain=SIDE_ORDER, range=[GROUP_COLOURS[side] for side in SIDE_ORDER]),
        legend=alt.Legend(title=None, orient="top", direction="horizontal"),
    )
    x = alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=4))
    y = alt.Y(
        "y:Q",
        title="rank ↑ · gap ↓",
        axis=alt.Axis(tickMinStep=1, labelExpr="abs(datum.value)", grid=False),
    )
    layer = alt.datum.layer
    return (
        alt.layer(
            # the gap, beneath the zero line
            alt.Chart()
            .mark_bar(color=GAP_COLOUR, opacity=0.6, aria=False)  # the gap table below reads out each gap
            .encode(x=x, x2="end:T", y=y, y2="y2:Q", tooltip=[alt.Tooltip("y2:Q", title="gap (negative = below)")])
            .transform_filter(layer == "gap"),
            # each side's positions: held (solid), stale (dashed), and the jumps between them
            alt.Chart()
            .mark_rule(strokeWidth=3)
            .encode(
                x=x,
                x2="end:T",
                y=y,
                color=colour,
                strokeDash=alt.StrokeDash(
                    "stale:N",
                    scale=alt.Scale(domain=[False, True], range=[[1, 0], [5, 4]]),
                    legend=alt.Legend(
                        title=None, orient="top", labelExpr="datum.label == 'true' ? 'stale (>1 year)' : 'held'"
                    ),
                ),
            )
            .transform_filter(layer == "segment"),
            alt.Chart()
            .mark_rule(strokeWidth=2, aria=False)  # decorative: the points and the changes table carry each move
            .encode(x=x, y=y, y2="y2:Q", color=colour)
            .transform_filter(layer == "jump"),
            # the stances: click one to read its quote
            alt.Chart()
            .mark_point(filled=True, size=90, cursor="pointer")
            .encode(
                x=x,
                y=y,
                color=colour,
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
            .transform_filter(layer == "stance"),
            # the as-known-on day, and why an issue has no gap
            alt.Chart()
            .mark_rule(color="black", strokeDash=[2, 2])
            .encode(x=x, tooltip=[alt.Tooltip("start:T", title="As known on", format="%d %b %Y")])
            .transform_filter(layer == "known_on"),
            alt.Chart()
            .mark_text(align="left", baseline="middle", color="#555", fontStyle="italic")
            .encode(x=x, y=y, text="note:N")
            .transform_filter(layer == "note"),
            data=panels,
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
