"""Embedding a view in another web page: the link with Streamlit's `embed=true`, and the `<iframe>` snippet that
shows it. Plain Python, no Streamlit: a share link goes in (`url_params.share_link`), text comes out.

`embed=true` is read by Streamlit's front end, not by the app's own parameters (`st.query_params` never lists it):
the page is drawn without Streamlit's toolbar, header padding and footer, and the entry script draws no sidebar
(`st.context.is_embedded`), so the view is fixed by the link's other parameters.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Streamlit's own parameters (streamlit/runtime/state/query_params.py), matched without regard to case as it does.
EMBED_KEYS = ("embed", "embed_options")
DEFAULT_WIDTH = "100%"
DEFAULT_HEIGHT = 720  # CSS pixels: a page's heading, its caption and a chart, without scrolling the frame
_PERCENT = re.compile(r"([1-9][0-9]?|100)%")


def _web_link(link: str) -> tuple[str, str, str, list[tuple[str, str]]]:
    """The scheme, host and path of an http(s) link, and its query's pairs; ValueError for anything else."""
    parts = urlsplit(link.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) link: {link[:80]!r}")
    return parts.scheme.lower(), parts.netloc, parts.path or "/", parse_qsl(parts.query, keep_blank_values=True)


def full_view_link(link: str) -> str:
    """`link` without Streamlit's embed parameters: the same view in the whole app (sidebar and all)."""
    scheme, host, path, pairs = _web_link(link)
    kept = [(name, value) for name, value in pairs if name.lower() not in EMBED_KEYS]
    return urlunsplit((scheme, host, path, urlencode(kept), ""))


def embed_link(link: str, options: tuple[str, ...] = ()) -> str:
    """The same view for a frame: every parameter of `link` as given, then `embed=true` (and one `embed_options`
    per option, e.g. "show_padding"). An http(s) link only; ValueError for any other."""
    scheme, host, path, pairs = _web_link(full_view_link(link))
    pairs += [("embed", "true")] + [("embed_options", option) for option in options]
    return urlunsplit((scheme, host, path, urlencode(pairs), ""))


def frame_title(page_title: str, record_title: str) -> str:
    """The frame's accessible name: the page, then the record ("Stances · Sable River water talks")."""
    return " · ".join(part.strip() for part in (page_title, record_title) if part and part.strip())


def embed_snippet(link: str, title: str, width: int | str = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT) -> str:
    """An `<iframe>` showing the view of `link` (an http(s) share link) embedded: src with `embed=true`, the given
    width (CSS pixels, or a percentage such as "100%") and height (CSS pixels), and `title` as its accessible name,
    HTML-escaped. It asks for no permissions (no `allow`) and sets nothing on the page around it."""
    pixels = isinstance(width, int) and not isinstance(width, bool) and 1 <= width <= 9999
    if not (pixels or (isinstance(width, str) and _PERCENT.fullmatch(width))):
        raise ValueError(f"width must be pixels (1 to 9999) or a percentage (1% to 100%), not {width!r}")
    if isinstance(height, bool) or not 1 <= height <= 9999:
        raise ValueError(f"height must be 1 to 9999 pixels, not {height!r}")
    src = escape(embed_link(link), quote=True)
    name = escape(title.strip() or "Embedded view", quote=True)
    return (
        f'<iframe src="{src}" title="{name}" width="{width}" height="{height}" '
        'style="border: 1px solid #d0d7de; border-radius: 4px" loading="lazy"></iframe>'
    )
