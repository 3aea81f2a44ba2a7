"""Colours and marks shared by every figure, defined once."""

from __future__ import annotations

import html
import textwrap

# Sides and affiliations share one map so NATO is the same blue everywhere.
GROUP_COLOURS: dict[str, str] = {
    "NATO": "#1f4e9c",
    "United States": "#5b9bd5",
    "Russia": "#c62828",
}
OTHER_COLOUR = "#8c8c8c"
NEUTRAL_COLOUR = "#4d4d4d"  # lanes that are not a side (event kinds)

# Order in which groups are listed (lanes, legends); others follow alphabetically.
GROUP_ORDER: tuple[str, ...] = ("NATO", "United States", "Russia")

STATUS_LABELS: dict[str, str] = {
    "held": "held",
    "planned": "planned",
    "did_not_happen": "did not happen",
}
STATUS_SYMBOLS: dict[str, str] = {
    "held": "circle",
    "planned": "circle-open",
    "did_not_happen": "x",
}

PHASE_FILLS: tuple[str, ...] = ("rgba(120, 120, 120, 0.08)", "rgba(120, 120, 120, 0.16)")


def colour_for(group: str) -> str:
    """The colour of a side or affiliation; grey for anything else."""
    return GROUP_COLOURS.get(group, OTHER_COLOUR)


def group_sort_key(group: str) -> tuple[int, str]:
    """Sort key putting NATO, the United States and Russia first."""
    return (GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER), group.casefold())


def plotly_text(text: object) -> str:
    """Data text for any text Plotly draws (hover, tick labels, legend, notes).

    Plotly renders a subset of HTML there (<b>, <br>, <a href>…), so data text
    is escaped to show literally. Only & < > : Plotly shows &quot; as typed."""
    return html.escape(str(text), quote=False)


def wrap_for_hover(text: str, width: int = 60) -> str:
    """Long data text escaped and broken into hover-sized lines."""
    return "<br>".join(plotly_text(line) for line in textwrap.wrap(text, width)) if text else ""
