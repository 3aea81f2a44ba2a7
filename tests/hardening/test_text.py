"""Data text shown through markdown stays text: dashboard/ui/text.py."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.ui.text import md_escape, md_link, safe_url
from tests.hardening import hostile_data as h

# What remains of markdown text once CommonMark has resolved backslash escapes:
# the text nodes GitHub-flavoured markdown's autolink-literal step then scans
# (mdast-util-gfm-autolink-literal, used by Streamlit's markdown renderer).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE)
GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)


def text_nodes(markdown: str) -> str:
    return _ESCAPE.sub(r"\1", markdown)


@pytest.mark.parametrize(
    "text",
    [
        "see www.evil.example now",
        "WWW.EVIL.EXAMPLE",
        "mail evil@example.com",
        "mailto:evil@example.com",
        "go to http://evil.example/x",
        "https://evil.example",
        "xmpp:evil@example.com",
        h.AUTOLINK,
    ],
)
def test_bare_addresses_in_data_text_do_not_become_links(text):
    shown = text_nodes(md_escape(text))
    assert not GFM_URL.search(shown), shown
    assert not GFM_EMAIL.search(shown), shown


def test_escaped_text_reads_the_same_apart_from_invisible_joiners():
    text = "Visit www.nato.int or write to press@nato.int, https://nato.int/x."
    assert text_nodes(md_escape(text)).replace("\u2060", "") == text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_text_has_no_markdown_syntax_left(text):
    escaped = md_escape(text)
    # Every ASCII punctuation character is escaped, so nothing can open a link,
    # image, emphasis, HTML tag, directive or LaTeX span.
    assert not re.search(r"(?<!\\)[!-/:-@\[-`{-~]", re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped))
    assert "\n" not in escaped


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative",
        "http:/x",
        "https://",
        "http://exa mple.org",
        "http://example.org/\x00",
        "mailto:a@b.c",
        None,
        42,
    ],
)
def test_only_http_addresses_are_links(url):
    assert safe_url(url) is None
    assert "](" not in md_link("label", url)


def test_a_nasty_http_address_stays_one_link_target():
    link = md_link("label", h.NASTY_URL)
    target = link[link.index("](") + 2 : -1]
    assert link.startswith("[label](") and link.endswith(")")
    assert not set(target) & set(" ()<>\"'") - {"'"}  # ' is harmless in a markdown target
    assert "(" not in target and ")" not in target and "<" not in target and '"' not in target
