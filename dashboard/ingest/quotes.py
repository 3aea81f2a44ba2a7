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
# A name given to a thing, up to four words: 'the so-called "green lane"', 'what officials call the "quiet zone"',
# 'which the draft calls the "shared fishing box"'.
_NAMED_AS = re.compile(
    r"\bso[- ]called\s*$|\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed|nicknamed|known as|billed as)\s+"
    r"(?:it\s+|them\s+)?(?:the|a|an)\s*$",
    re.I,
)
# A word or two a speaker's view is summed up in: 'called the plan "reckless"', 'described it as "hollow"'.
# The reporter quotes the word, not a statement.
_CHARACTERISED_AS = re.compile(
    r"\b(?:call|calls|called|calling|describ(?:e|es|ed|ing)|dubb?(?:s|ed)?|brand(?:s|ed)|label(?:s|led|ed)|"
    r"term(?:s|ed)|dismiss(?:es|ed)?)\s+(?:[^\s\"\u201c\u2018]+\s+){0,5}?(?:as\s+)?$",
    re.I,
)
# A passive description names no one who describes ('the bank, often described as "the larder of the north"').
_DESCRIBED_AS = re.compile(
    r"(?:,|\b(?:is|are|was|were|been|being))\s+(?:(?:often|widely|sometimes|once|also|long|commonly|usually)\s+)?"
    r"(?:described|known|billed|referred to|hailed|touted|regarded|seen)\s+as\s*$"
    r"|\b(?:often|widely|sometimes|commonly|usually)\s+(?:described|known|billed|referred to|hailed|touted)\s+as\s*$",
    re.I,
)
# A term named after a preposition ('a row over "seasonal closures"').
_PREPOSITION_BEFORE = re.compile(r"\b(?:about|of|on|over|for|from|into|with|without|against|like|as)\s*$", re.I)
# A quote naming a plan, campaign or the like it stands before ('the "Open Water" plan').
_THING_AFTER = re.compile(
    r"^\s+(?:plan|programme|program|campaign|scheme|initiative|strategy|policy|doctrine|project|proposal|formula|"
    r"model|agenda|movement|concept|package|zone|line|clause|band|option|principle|system|mechanism|schedule|"
    r"approach)s?\b"
)
# The title of a work after its noun ('whose memoir "Salt in the Nets"').
_WORK_BEFORE = re.compile(
    r"\b(?:book|novel|film|movie|documentary|report|study|song|album|essay|article|column|poem|play|programme|"
    r"program|show|series|headline|memoir|titled|entitled)\s*,?\s*$",
    re.I,
)
# Small words a title leaves in lower case.
_TITLE_SMALL_WORDS = frozenset("a an and as at by for in of on or the to with".split())
# A proverb or slogan cited by name is not the speaker's own statement.
_SAYING_BEFORE = re.compile(
    r"\b(?:the|an?|old|famous|his|her)\s+(?:[\w'\u2019-]+\s+){0,2}(?:saying|proverb|adage|motto|slogan|maxim|expression)\s*[,:]?\s*$",
    re.I,
)
# The words on a banner or placard, or a crowd's chant, are a slogan, not anyone's statement ('banners that read
# "…"', 'protesters chanted "…"').
_SIGN_BEFORE = re.compile(
    r"\b(?:banners?|placards?|signs?|posters?|t-shirts?|flags?|graffiti|billboards?)\b[^.;\"\u201c]{0,30}?"
    r"\b(?:read|reads|reading|saying|said|bearing|proclaiming)\s*[:,]?\s*$"
    r"|\bchant(?:s|ed|ing)?\s*[:,]?\s*$",
    re.I,
)
# A document as the source of the sentence ('according to a draft seen by the agency, …'): words quoted from it are
# its text, not anyone's statement. A statement is not such a document: a body speaks by it.
DOCUMENT_SOURCE = re.compile(
    r"\baccording to (?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:drafts?|documents?|text|copy|memo|memorandum|"
    r"report|letter|paper|plan|proposal|communiqu[e\u00e9]|filing|ruling|transcript|minutes|agreement|treaty|bill|"
    r"contract|decree|resolution)\b",
    re.I,
)
SHORT_QUOTE_WORDS = 2
_NAMED_WORDS = 4
_DESCRIBED_WORDS = 6


def quote_words(quote: str) -> int:
    return len(quote.split())


def looks_like_label(text: str, span: QuoteSpan, paragraph_start: int) -> bool:
    """A quote that names or sums up rather than reports words said: a label, a characterising word, a title."""
    before = text[max(paragraph_start, span.open_at - 60) : span.open_at]
    quote = text[span.open_at + 1 : span.close_at]
    words = quote_words(quote)
    if _NAMED_AS.search(before) and words <= _NAMED_WORDS:
        return True
    if _DESCRIBED_AS.search(before) and words <= _DESCRIBED_WORDS:
        return True
    if words <= SHORT_QUOTE_WORDS and _LABEL_BEFORE.search(before):
        return True
    return is_title(quote, before, text[span.close_at + 1 : span.close_at + 40])


def sums_up(text: str, span: QuoteSpan, paragraph_start: int) -> bool:
    """A word or two that sums up a view ('called the offer "cosmetic"') or names a term ('about "seasonal
    closures"'). A label when a group or a body is said to hold the view; a named person's own word is a
    statement (as 'he "understood"' is)."""
    before = text[max(paragraph_start, span.open_at - 60) : span.open_at]
    short = quote_words(text[span.open_at + 1 : span.close_at]) <= SHORT_QUOTE_WORDS
    return short and bool(_CHARACTERISED_AS.search(before) or _PREPOSITION_BEFORE.search(before))


def is_title(quote: str, before: str, after: str) -> bool:
    """The name of a plan or campaign (a noun follows the quote), or the title of a work (a Title Case quote after
    'book', 'film'…, or any Title Case quote of two words or more with no punctuation)."""
    if _THING_AFTER.match(after) and quote_words(quote) <= _NAMED_WORDS:
        return True
    return title_case(quote) and (bool(_WORK_BEFORE.search(before)) or quote_words(quote) >= 2)


def title_case(quote: str) -> bool:
    """Every word capitalised but the small ones, and no punctuation: a name, not a sentence."""
    words = quote.split()
    if not words or re.search(r"[.,;:!?\u2026]", quote):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w in _TITLE_SMALL_WORDS for w in words)


def is_cited_saying(text: str, span: QuoteSpan, paragraph_start: int) -> bool:
    """A proverb or slogan cited by name, or the words on a banner."""
    before = text[max(paragraph_start, span.open_at - 60) : span.open_at]
    return bool(_SAYING_BEFORE.search(before) or _SIGN_BEFORE.search(before))


def clean_quote(raw: str) -> str:
    """The words as printed, without the reporter's trailing comma before 'he said' (codebook, Quotes)."""
    return raw.strip().rstrip(",").rstrip()
