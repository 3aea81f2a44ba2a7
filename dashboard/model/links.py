"""Which addresses from the data may become links: well-formed http(s) only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Control and bidi-override characters: never part of an address we link to, never shown.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_url(url: object) -> str | None:
    """The address if it is a well-formed http(s) URL, else None."""
    if not isinstance(url, str) or not url or url != url.strip() or CONTROL.search(url) or " " in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
