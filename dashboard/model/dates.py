"""Human-readable dates that say how precisely a date is known.

`start`..`end` always cover every day something may have happened on (see
"Date precision" in data/README.md); the text says which calendar unit or
window that is, so a reader never mistakes "some day in March" for 1 March.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

DateLike = date | datetime | pd.Timestamp | str | None


def to_timestamp(value: DateLike) -> pd.Timestamp | None:
    """A date-like value as a midnight Timestamp; None for empty/NaT."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return pd.Timestamp(value).normalize()


def format_day(day: pd.Timestamp) -> str:
    """'20 Nov 2010' (no platform-specific strftime flags)."""
    return f"{day.day} {day:%b %Y}"


def _span_ends(start: pd.Timestamp, end: pd.Timestamp) -> tuple[str, str]:
    """The two ends of a day span, leaving out the month/year they share."""
    if start.year != end.year:
        return format_day(start), format_day(end)
    if start.month != end.month:
        return f"{start.day} {start:%b}", format_day(end)
    return str(start.day), format_day(end)


def format_date_range(start: DateLike, end: DateLike, precision: str) -> str:
    """Text for a dated thing, e.g. "19–20 Nov 2010", "week of 17 Jan 2011",
    "March 2011", "2008", "between 24 and 26 Jan 2011",
    "undated (reported 26 Jan 2011)". A missing start gives "date unknown";
    an unknown precision is treated as "day"."""
    first = to_timestamp(start)
    if first is None:
        return "date unknown"
    last = to_timestamp(end) or first
    if precision == "week":
        return f"week of {format_day(first)}"
    if precision == "month":
        if (first.year, first.month) == (last.year, last.month):
            return f"{first:%B %Y}"
        if first.year == last.year:
            return f"{first:%B}–{last:%B %Y}"
        return f"{first:%B %Y}–{last:%B %Y}"
    if precision == "year":
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if precision == "undated":
        return f"undated (reported {format_day(last)})"
    if first == last:
        return f"around {format_day(first)}" if precision == "approximate" else format_day(first)
    left, right = _span_ends(first, last)
    if precision == "approximate":
        return f"between {left} and {right}"
    # A space around the dash only when the ends hold more than a day number.
    return f"{left}–{right}" if left.isdigit() else f"{left} – {right}"
