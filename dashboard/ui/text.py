"""Showing text from the data safely.

Streamlit escapes HTML in markdown, but markdown itself (links, images,
`:red[...]` directives, LaTeX) would still be interpreted. Data text therefore
goes through `md_escape`, and only http(s) addresses ever become links.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from dashboard.model.links import CONTROL as _CONTROL
from dashboard.model.links import safe_url

# CommonMark lets any ASCII punctuation be escaped with a backslash.
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
# GitHub-flavoured markdown turns bare www., http(s):// and e-mail addresses in
# text into links after escapes are resolved, so escaping cannot stop it; an
# invisible word joiner (U+2060) breaks the pattern without changing the look.
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?=@)")


def plain(text: object) -> str:
    """One line of text with control and bidi-override characters removed."""
    return _CONTROL.sub("", " ".join(str(text).split()))


def md_escape(text: object) -> str:
    """`text` as markdown that renders literally."""
    return _MD_SPECIAL.sub(r"\\\1", _AUTOLINK.sub("\u2060", plain(text)))


def md_link(label: object, url: object) -> str:
    """A markdown link if `url` is http(s); otherwise the label as plain text."""
    address = safe_url(url)
    if address is None:
        return md_escape(label)
    # Percent-encode what could end the link target early.
    target = quote(address, safe=":/?#[]@!$&'*+,;=%~-._")
    return f"[{md_escape(label)}]({target})"
