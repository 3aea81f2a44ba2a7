"""Colours and marks shared by every figure, defined once."""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.data.description import Side, default_sides

OTHER_COLOUR = "#8c8c8c"
NEUTRAL_COLOUR = "#4d4d4d"  # lanes that are not a side (event kinds)
ACCENT_COLOUR = "#1f4e9c"  # single-hue scales that stand for no side (the actors' matrix, the venue map)
TINT = 0.45  # how far an ally's colour is mixed toward white from its side's

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


@dataclass(frozen=True)
class GroupPalette:
    """The colour and place in the list of each affiliation (the timeline's lanes by affiliation)."""

    colours: Mapping[str, str]
    order: tuple[str, ...]  # listed first, in this order; any other group after them, by name

    def colour(self, group: str) -> str:
        return self.colours.get(group, OTHER_COLOUR)

    def sort_key(self, group: str) -> tuple[int, str]:
        return (self.order.index(group) if group in self.order else len(self.order), group.casefold())


def _tint(colour: str) -> str:
    """`colour` (#rgb or #rrggbb) mixed TINT of the way toward white."""
    digits = colour.lstrip("#")
    digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
    channels = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(c + (255 - c) * TINT):02x}" for c in channels)


def group_palette(actors: pd.DataFrame | None, sides: Sequence[Side] | None = None) -> GroupPalette:
    """Each side's affiliations in its colour, from the record (`sides`: dataset.toml's; without them the two
    sides its actors are on most): the affiliation named as a side in the side's colour, one whose actors are
    all on one side in a lighter tint of it, any other grey. Listed side by side, each side's own affiliation
    first, then its allies by number of actors and name."""
    if actors is None or not {"affiliation", "side"} <= set(actors.columns):
        return GroupPalette({}, ())
    chosen = tuple(sides) if sides is not None else default_sides(actors["side"])
    # One pass over the actors: each affiliation's sides and size (the timeline asks on every new view).
    sides_of: dict[str, set[str]] = {}
    size: Counter[str] = Counter()
    for affiliation, side_id in zip(actors["affiliation"], actors["side"], strict=True):
        sides_of.setdefault(affiliation, set()).add(side_id)
        size[affiliation] += 1
    colours: dict[str, str] = {}
    order: list[str] = []
    for side in chosen:
        own = [name for name in (side.id, side.name) if name in sides_of][:1]
        allies = [a for a, on in sides_of.items() if on == {side.id} and a not in own]
        ranked = sorted(allies, key=lambda a: (-size[a], a.casefold()))
        colours |= {a: side.colour for a in own} | {a: _tint(side.colour) for a in ranked}
        order += own + ranked
    return GroupPalette(colours, tuple(order))


def plotly_text(text: object) -> str:
    """Data text for any text Plotly draws (hover, tick labels, legend, notes).

    Plotly renders a subset of HTML there (<b>, <br>, <a href>…), so data text
    is escaped to show literally. Only & < > : Plotly shows &quot; as typed."""
    return html.escape(str(text), quote=False)


def wrap_for_hover(text: str, width: int = 60) -> str:
    """Long data text escaped and broken into hover-sized lines."""
    return "<br>".join(plotly_text(line) for line in textwrap.wrap(text, width)) if text else ""
