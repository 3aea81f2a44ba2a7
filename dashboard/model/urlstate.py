"""Which parts of a shared link can be used, and what to say about the rest.

Streamlit drops invalid values of widgets bound to query parameters without a
word; this module finds them first (from the raw parameters of the first run)
so the page can tell the reader what was ignored. Plain Python, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import assert_never

from dashboard.data.cells import parse_date
from dashboard.data.problems import show
from dashboard.model.filters import Filters
from dashboard.model.url_params import ACTOR, AFFILIATION, AS_OF, FROM, ISSUE, KIND, TEXT, TO, ParamSpec

MAX_TEXT = 200  # longest search text accepted from a link
MAX_SHOWN = 40  # longest value quoted back in the notice


def ignored_parameters(
    raw: Mapping[str, Sequence[str]],
    specs: Mapping[str, ParamSpec],
    date_bounds: tuple[date, date] | None = None,
) -> list[str]:
    """One short message for every part of `raw` that cannot be used."""
    messages: list[str] = []
    for name, values in raw.items():
        spec = specs.get(name)
        if spec is None:
            messages.append(f"unknown parameter {show(name, MAX_SHOWN)}")
            continue
        values = list(values)
        if spec.kind != "ids" and len(values) > 1:
            messages.append(f"{name}: given {len(values)} times, only one value is allowed")
            continue
        for value in values:
            problem = _value_problem(spec, value, date_bounds)
            if problem:
                messages.append(f"{name}: {show(value, MAX_SHOWN)} {problem}")
    messages += _range_problems(raw, specs)
    return messages


def _value_problem(spec: ParamSpec, value: str, date_bounds: tuple[date, date] | None) -> str | None:
    kind = spec.kind
    if kind == "ids" or kind == "id":
        return None if value in spec.allowed else "is not a known value"
    if kind == "date":
        day = parse_date(value)
        if day is None:
            return "is not a date (YYYY-MM-DD)"
        if date_bounds and not date_bounds[0] <= day <= date_bounds[1]:
            return f"is outside the record ({date_bounds[0]} to {date_bounds[1]})"
        return None
    if kind == "text":
        return f"is longer than {MAX_TEXT} characters" if len(value) > MAX_TEXT else None
    assert_never(kind)


def _range_problems(raw: Mapping[str, Sequence[str]], specs: Mapping[str, ParamSpec]) -> list[str]:
    if not (FROM in specs and TO in specs):
        return []
    start = parse_date((raw.get(FROM) or [""])[0])
    end = parse_date((raw.get(TO) or [""])[0])
    if start and end and start > end:
        return [f"from {start} is after to {end}: the date range is not applied"]
    return []


def usable_range(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """A reversed range filters nothing rather than everything."""
    if start and end and start > end:
        return None, None
    return start, end


def linked_filters(
    raw: Mapping[str, Sequence[str]], specs: Mapping[str, ParamSpec], date_bounds: tuple[date, date]
) -> Filters:
    """The sidebar's filters as the link gives them, without the sidebar (an embedded view, `?embed=true`): what
    the sidebar's pickers would take from the same link. Unknown ids and bad or out-of-record dates are left out
    (`ignored_parameters` names them), a reversed date range filters nothing (`usable_range`)."""

    def ids(name: str) -> tuple[str, ...]:
        spec = specs.get(name)
        values = raw.get(name) or []
        return tuple(value for value in dict.fromkeys(values) if spec is not None and value in spec.allowed)

    def day(name: str) -> date | None:
        values = raw.get(name) or []
        found = parse_date(values[0]) if len(values) == 1 else None
        return found if found and date_bounds[0] <= found <= date_bounds[1] else None

    texts = raw.get(TEXT) or []
    start, end = usable_range(day(FROM), day(TO))
    return Filters(
        actors=ids(ACTOR),
        affiliations=ids(AFFILIATION),
        issues=ids(ISSUE),
        kinds=ids(KIND),
        start=start,
        end=end,
        as_known_on=day(AS_OF),
        text=texts[0] if len(texts) == 1 and len(texts[0]) <= MAX_TEXT else "",
    )
