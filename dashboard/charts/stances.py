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

from dashboard.data.description import Side
from dashboard.model.stance_gaps import NO_POSITIONS

# The name of the click selection: st.altair_chart returns it under this key.
STANCE_SELECTION = "stance"
# One column of narrow panels fits a 390 px phone, whose page leaves the chart ~350 px (Vega-Lite facets cannot
# fit a container's width, and a wider grid is clipped there); wider screens, once the browser has said so
# (ui/screen), get wider panels side by side. At 320 px the longest "side: position" of the bundled data (58
# characters, ~280 px at NAME_FONT_SIZE) is shown whole.
PANEL_WIDTH = 320
PANEL_HEIGHT = 110
GAP_COLOUR = "#9e9e9e"

LAYER = alt.datum.layer
TIME_AXIS = alt.Axis(format="%b %Y", labelAngle=0, tickCount=4)
TIME = alt.X("start:T", title=None, axis=TIME_AXIS)
# No y axis: the ranks mean nothing on their own; each step is named in words, and the gap is said beneath.
RANK_UP_GAP_DOWN = alt.Y("y:Q", axis=None)
TIME_TO = alt.X("end:T", title=None, axis=TIME_AXIS)  # for marks that end at a day
NAME_FONT_SIZE = 11


def side_colour(sides: tuple[Side, Side]) -> alt.Color:
    """Each side in its colour (dataset.toml), named in the legend as the record names it."""
    return alt.Color(
        "side:N",
        scale=alt.Scale(domain=[side.name for side in sides], range=[side.colour for side in sides]),
        legend=alt.Legend(title=None, orient="top", direction="horizontal"),
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


def position_steps(colour: alt.Color) -> alt.Chart:
    """Each side's positions.

    A thick line at the position's rank while it is held: solid, then dashed once it is over a year old."""
    return (
        alt.Chart()
        .mark_rule(strokeWidth=3)
        .encode(
            x=TIME,
            x2="end:T",
            y=RANK_UP_GAP_DOWN,
            color=colour,
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


def position_jumps(colour: alt.Color) -> alt.Chart:
    """The moves between positions.

    A thin vertical line from the old rank to the new; decorative (aria=False): the points and the changes table
    carry each move."""
    return (
        alt.Chart()
        .mark_rule(strokeWidth=2, aria=False)
        .encode(x=TIME, y=RANK_UP_GAP_DOWN, y2="y2:Q", color=colour)
        .transform_filter(LAYER == "jump")
    )


def stance_points(sides: tuple[Side, Side]) -> alt.Chart:
    """The stances.

    A point per stance, circle for the record's first side and square for its second, with its quote in the
    tooltip; a click selects it (selection "stance", field stance_id) and the selected one has a black ring."""
    pick = alt.selection_point(name=STANCE_SELECTION, fields=["stance_id"], on="click", empty=False)
    return (
        alt.Chart()
        .mark_point(filled=True, size=90, cursor="pointer")
        .encode(
            x=TIME,
            y=RANK_UP_GAP_DOWN,
            color=side_colour(sides),
            shape=alt.Shape(
                "side:N", scale=alt.Scale(domain=[side.name for side in sides], range=["circle", "square"]), legend=None
            ),
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


def step_names(colour: alt.Color) -> alt.Chart:
    """The positions held before.

    Each earlier step's position in words, at its start, on the side away from the other side's step; cut with
    an ellipsis where the step is shorter than its name (the tooltip has it whole)."""
    return (
        alt.Chart()
        .mark_text(
            align="left",
            baseline="middle",
            dx=2,
            fontSize=NAME_FONT_SIZE - 1,
            # the step's length in pixels, less the offset
            limit=alt.ExprRef("scale('x', toDate(datum.end)) - scale('x', toDate(datum.start)) - 4"),
        )
        .encode(
            x=TIME,
            y=RANK_UP_GAP_DOWN,
            text="label:N",
            color=colour,
            description="label:N",  # the accessible name: the whole name, not the axis values
            tooltip=[
                alt.Tooltip("side:N", title="Side"),
                alt.Tooltip("position_label:N", title="Position"),
                alt.Tooltip("start:T", title="From", format="%d %b %Y"),
                alt.Tooltip("end:T", title="Until", format="%d %b %Y"),
            ],
        )
        .transform_filter(LAYER == "position")
    )


def current_names(colour: alt.Color, width: int) -> alt.Chart:
    """Where each side stands.

    "side: position" in words, ending at the as-known-on day, each on the outer side of its step."""
    return (
        alt.Chart()
        .mark_text(align="right", baseline="middle", dx=-2, fontSize=NAME_FONT_SIZE, limit=width)
        .encode(
            x=TIME_TO,
            y=RANK_UP_GAP_DOWN,
            text="label:N",
            color=colour,
            description="label:N",
            tooltip=[
                alt.Tooltip("side:N", title="Side"),
                alt.Tooltip("position_label:N", title="Position"),
                alt.Tooltip("start:T", title="From", format="%d %b %Y"),
            ],
        )
        .transform_filter(LAYER == "now")
    )


def gap_words() -> alt.Chart:
    """The gap in words.

    Beneath the gap bars, ending at the as-known-on day: "gap 2 → 1, narrowed", or why there is no gap."""
    return (
        alt.Chart()
        .mark_text(align="right", baseline="middle", dx=-2, color="#555", fontStyle="italic", fontSize=NAME_FONT_SIZE)
        .encode(x=TIME_TO, y=RANK_UP_GAP_DOWN, text="note:N", description="note:N")
        .transform_filter(LAYER == "note")
    )


def stance_panels_chart(
    panels: pd.DataFrame,
    issue_order: list[str],
    sides: tuple[Side, Side],
    columns: int = 1,
    width: int = PANEL_WIDTH,
) -> alt.FacetChart:
    """Small multiples of the stance panels (`stance_panels` rows; issue titles in `issue_order`; the record's
    `sides`), `columns` across, each `width` px wide: the layers above, one panel per issue, each with its own
    rank scale. A point's accessible name is Vega-Lite's, made of its tooltip fields; a text's is its whole
    text."""
    colour = side_colour(sides)
    return (
        alt.layer(
            gap_bars(),
            position_steps(colour),
            position_jumps(colour),
            step_names(colour),
            current_names(colour, width),
            stance_points(sides),
            known_on_rule(),
            gap_words(),
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
                    "Each side's position per issue over time, named on its steps;",
                    "the gap between them beneath, in steps; dotted: the as-known-on day.",
                    "Click a point for its quote.",
                ],
                anchor="start",
                subtitlePadding=6,  # the title and first subtitle line touched (2 px overlap measured at 390 px)
            )
        )
    )


def stance_panels_alt_text(panels: pd.DataFrame) -> str:
    """What the panels show, for screen readers: the layout, then per issue where each side stands and the gap
    in words ("Issue: first side: … · second side: …; gap 2 → 1, narrowed.")."""
    issues = panels["issue_title"].unique()
    stances = int((panels["layer"] == "stance").sum())
    said = []
    for title in issues:
        rows = panels[panels["issue_title"] == title]
        now = " · ".join(rows.loc[rows["layer"] == "now", "label"])
        gap = "; ".join(rows.loc[rows["layer"] == "note", "note"])
        said.append(f"{title}: {'; '.join(part for part in (now, gap) if part) or NO_POSITIONS}.")
    return (
        f"Small multiples, one panel per issue ({len(issues)}): each side's position over time as steps "
        f"({stances} stances), with the gap between the sides drawn beneath each panel. " + " ".join(said)
    )
