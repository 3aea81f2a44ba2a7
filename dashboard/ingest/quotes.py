"""Find quoted spans in a paragraph and tell statements from scare quotes and sayings.

Double marks (straight or curly) open and close quotes; single marks (straight or
curly) only when no double quote is open, and only at word edges, so that the
apostrophes of "Russia's" or "can't" are never taken for quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_OPEN = "\u201c\u201e\u00ab"
_DOUBLE_CLOSE = "\u201d\u00bb"
_SINGLE_OPEN = "\u2018"
_SINGLE_CLOSE = "\u2019"


@dataclass(frozen=True)
class QuoteSpan:
    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark, or the paragraph end for a quote left open

    @property
    def inner(self) -> tuple[int, int]:
        return self.open_at + 1, self.close_at


def find_quote_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    i = start
    while i < end:
        kind = _opening_kind(text, i, start)
        if kind is None:
            i += 1
            continue
        close = _find_close(text, i + 1, end, kind)
        spans.append(QuoteSpan(i, close))
        i = close + 1
    return [s for s in spans if text[s.open_at + 1 : s.close_at].strip()]


def _opening_kind(text: str, i: int, start: int) -> str | None:
    char = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in _DOUBLE_OPEN or (char == '"' and not after.isspace()):
        return "double"
    at_word_start = (before.isspace() or before in "([\u2014\u2013-") and (after.isalnum() or after in "\u2026.")
    if (char == _SINGLE_OPEN or char == "'") and at_word_start:
        return "single"
    return None


def _find_close(text: str, i: int, end: int, kind: str) -> int:
    while i < end:
        char = text[i]
        after = text[i + 1] if i + 1 < len(text) else " "
        if kind == "double" and (char in _DOUBLE_CLOSE or char == '"'):
            return i
        if kind == "single" and char in (_SINGLE_CLOSE, "'") and not after.isalnum():
            return i
        i += 1
    return end


# A label the reporter puts in quote marks: determiners before it ("a 'sectoral' system",
# Washington's own "reset"), or a naming word ("so-called", "dubbed").
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|its|his|her|their|our|own|so-called|dubbed|called|termed|"
    r"word|term|label|known as)\s*)$",
    re.I,
)
_SO_CALLED = re.compile(r"\bso-called\s*$|\bso called\s*$", re.I)
# A proverb or slogan cited by name is not the speaker's own statement.
_SAYING_BEFORE = re.compile(
    r"\b(?:the|an?|old|famous|his|her)\s+(?:[\w'\u2019-]+\s+){0,2}(?:saying|proverb|adage|motto|slogan|maxim|expression)\s*[,:]?\s*$",
    re.I,
)
SHORT_QUOTE_WORDS = 2


def quote_words(quote: str) -> int:
    return len(quote.split())


def looks_like_label(text: str, span: QuoteSpan, paragraph_start: int) -> bool:
    """A one- or two-word quote in the position of a label, or any short quote after 'so-called'."""
    before = text[max(paragraph_start, span.open_at - 40) : span.open_at]
    words = quote_words(text[span.open_at + 1 : span.close_at])
    if _SO_CALLED.search(before) and words <= 4:
        return True
    return words <= SHORT_QUOTE_WORDS and bool(_LABEL_BEFORE.search(before))


def is_cited_saying(text: str, span: QuoteSpan, paragraph_start: int) -> bool:
    before = text[max(paragraph_start, span.open_at - 40) : span.open_at]
    return bool(_SAYING_BEFORE.search(before))


def clean_quote(raw: str) -> str:
    """The words as printed, without the reporter's trailing comma before 'he said' (codebook, Quotes)."""
    return raw.strip().rstrip(",").rstrip()
