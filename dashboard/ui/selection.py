"""What a reader picked on a chart, read from the value `st.plotly_chart` or `st.altair_chart` keeps in Session
State when `on_select` is set.

Both hold a "selection" mapping. Plotly's (Streamlit 1.67) lists "points" (each a mapping with the point's
fields, e.g. "customdata") and "box" (each {"xref", "yref", "x": [x0, x1], "y": [y0, y1]}, in data units);
Altair's lists, under each selection parameter's name, the picked points' fields. Anything else (no selection
yet, missing keys, values of another shape) reads as nothing picked.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd


def selected(state: object, name: str) -> list[Mapping]:
    """The entries (mappings) of the selection `name` ("points", "box" or an Altair parameter) in `state`."""
    selection = state.get("selection") if isinstance(state, Mapping) else None
    entries = (selection.get(name) if isinstance(selection, Mapping) else None) or []
    return [entry for entry in entries if isinstance(entry, Mapping)]


def first_value(state: object, name: str, field: str) -> str | None:
    """The `field` of the first entry of selection `name`, as text; None if it has none."""
    entries = selected(state, name)
    value = entries[0].get(field) if entries else None
    return str(value) if value else None


def point_ids(state: object, field: str = "customdata") -> list[str]:
    """The non-empty str `field` of each picked Plotly point (the first item when it is a list), in first-seen
    order without repeats."""
    ids = []
    for point in selected(state, "points"):
        value = point.get(field)
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        if isinstance(value, str) and value:
            ids.append(value)
    return list(dict.fromkeys(ids))


def box_days(state: object) -> tuple[date, date] | None:
    """The days (first, last) of the first box drawn across a date axis that spans more than one day.

    Plotly's zoom and pan (relayout) never reach Streamlit 1.67; a box selection does, with its x range."""
    for box in selected(state, "box"):
        xs = box.get("x")
        if not xs or len(xs) < 2:
            continue
        try:
            ends = sorted(pd.Timestamp(x) for x in xs[:2])
        except (TypeError, ValueError):
            continue
        first, last = ends[0].date(), ends[1].date()
        if last > first:
            return first, last
    return None
