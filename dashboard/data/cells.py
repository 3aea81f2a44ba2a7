"""What a valid cell looks like: tests of one cell's text, light enough for the app's start (no pandera, no pandas).

The column declarations (`columns.py`) check cells with these, and the cross-table checks (`crosscheck.py`) read
id lists and numbers with them; the link check (`model/urlstate.py`) reads dates from the address bar with the
same rule as the date cells, without paying pandera's ~0.35 s import at every start.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from urllib.parse import urlsplit

ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9_-]+$")
INT_RE = re.compile(r"^-?\d+$")
DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
BARE_FILE_NAME_RE = re.compile(r"^[^/\\]+$")


def parse_date(cell: str) -> dt.date | None:
    """The date of an ISO ``YYYY-MM-DD`` cell, None unless it is a real date."""
    # The regex first: date.fromisoformat also takes "20110102" and "2011-W01-1".
    if not ISO_DATE_RE.fullmatch(cell):
        return None
    try:
        return dt.date.fromisoformat(cell)
    except ValueError:  # 2011-02-30
        return None


def split_ids(cell: str) -> list[str]:
    """The ids of a ``;``-separated id-list cell ([] when empty)."""
    return cell.split(";") if cell else []


def is_slug(cell: str) -> bool:
    return bool(SLUG_RE.fullmatch(cell))


def is_id_list(cell: str) -> bool:
    return all(is_slug(part) for part in split_ids(cell))


def has_no_repeats(cell: str) -> bool:
    ids = split_ids(cell)
    return len(ids) == len(set(ids))


def is_http_url(cell: str) -> bool:
    """An absolute http(s) address; rejects javascript:, data:, ftp:, relative."""
    if any(ch.isspace() or ord(ch) < 32 for ch in cell):
        return False
    try:
        parts = urlsplit(cell)
    except ValueError:  # e.g. a broken IPv6 host "http://[x"
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def is_bare_file_name(cell: str) -> bool:
    return bool(BARE_FILE_NAME_RE.fullmatch(cell))


def is_number_in(low: float, high: float) -> Callable[[str], bool]:
    def test(cell: str) -> bool:
        if not DECIMAL_RE.fullmatch(cell):
            return False
        value = float(cell)
        return math.isfinite(value) and low <= value <= high

    return test


def is_int_at_least(minimum: int | None) -> Callable[[str], bool]:
    def test(cell: str) -> bool:
        return bool(INT_RE.fullmatch(cell)) and (minimum is None or int(cell) >= minimum)

    return test
