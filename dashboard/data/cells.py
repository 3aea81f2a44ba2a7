"""Parsing one cell's text: light enough for the app's start (no pandera, no pandas).

The schema (`schema.py`, which imports pandera) checks cells with these; the link check (`model/urlstate.py`)
reads dates from the address bar with the same rule, without paying pandera's ~0.35 s import at every start.
"""

from __future__ import annotations

import datetime as dt
import re

ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> dt.date | None:
    """The date of an ISO ``YYYY-MM-DD`` cell, None unless it is a real date."""
    # The regex first: date.fromisoformat also takes "20110102" and "2011-W01-1".
    if not ISO_DATE_RE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # 2011-02-30
        return None
