"""Read an article: keep the body paragraphs, drop page furniture, split sentences.

Offsets are character offsets into the text as read, so an editor can find the
evidence of every candidate row in the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.ingest.quotes import QuoteSpan, find_quote_spans

# A body paragraph ends like a sentence (or with the colon before a quote); headlines, bylines, menus and
# datestamps do not. A closing quote mark ends a sentence only after its punctuation: a headline quoting
# someone ('Crews: "We sail at dawn"', in a list of related stories) has none.
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?:][\"'\u201d\u2019)]?\s*$|[,;\u2026][\"\u201d\u2019]\s*$")
# Lines that end like a sentence but are still furniture: bullets of a comment policy,
# copyright lines, photo captions ending in a bold credit.
_FURNITURE = re.compile(r"^\s*[\u2022\u00b7*-]\s|\u00a9|\(c\)\s*\d{4}|\*\*\s*$|^\s*(Original url|Short link)\s*:", re.I)
# The dateline gives the day of filing, not the day of the news: 'OSTRAVA, June 19 (Harbour Wire) --',
# 'PLACE (AP) —', 'Place, 13 May (AGENCY).', 'PLACE, October 6. /AGENCY/.'. A place in capitals, or a place before
# an agency in brackets.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'\u2019.-]+(?:[ /][A-Z][A-Z'\u2019.-]+)*(?:,[^\n()/]{0,40}?)?(?:\s*\([^)\n]{1,40}\))?"
    r"\s*(?:--|[-\u2014\u2013:]|\.?\s*/[A-Z][^/\n]{0,30}/\.?)"
    r"|[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)*(?:,[^\n()]{0,40}?)?\s*\([A-Z][^)\n]{0,40}\)"
    r"\s*(?:--|[-\u2014\u2013:.]))"
    r"\s+"
)
_MIN_BODY_WORDS = 6
# A picture caption of a web page, as its text is saved ('Image caption, …', 'Caption: …').
_CAPTION = re.compile(r"^\s*(?:image caption|photo caption|picture caption|caption)\s*[,:]\s*\S", re.I)
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|Prof|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec|No|Vol|vs|etc|approx)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the body paragraph it belongs to


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    quotes: tuple[QuoteSpan, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Article:
    text: str
    paragraphs: tuple[Paragraph, ...]
    captions: tuple[tuple[int, int], ...] = ()  # picture captions: not body text, but read for events


def is_body(line: str) -> bool:
    """Whether a line is article text rather than page furniture."""
    stripped = line.strip()
    # A short paragraph that opens with a quote mark is a quote, such as the last words of a speech.
    short_ok = stripped[:1] in '"\u201c\u2018'
    if (len(stripped.split()) < _MIN_BODY_WORDS and not short_ok) or _FURNITURE.search(stripped):
        return False
    return bool(_ENDS_LIKE_SENTENCE.search(stripped))


def read_article(path: Path) -> Article:
    return parse_article(path.read_text(encoding="utf-8"))


def parse_article(text: str) -> Article:
    paragraphs: list[Paragraph] = []
    captions: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        if _CAPTION.match(match.group()):
            captions.append((match.start(), match.start() + len(match.group().rstrip())))
            continue
        if not is_body(match.group()):
            continue
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        end = match.start() + len(match.group().rstrip())
        quotes = tuple(find_quote_spans(text, start, end))
        sentences = tuple(Sentence(s, e, len(paragraphs)) for s, e in split_sentences(text, start, end, quotes))
        paragraphs.append(Paragraph(start, end, quotes, sentences))
    return Article(text, tuple(paragraphs), tuple(captions))


def split_sentences(text: str, start: int, end: int, quotes: tuple[QuoteSpan, ...]) -> list[tuple[int, int]]:
    """Sentence bounds in text[start:end]; a full stop inside a quote ends no sentence of the reporter's,
    except at the quote's own end ("...," he said. "Next.")."""
    inside = [False] * (end - start)
    for quote in quotes:
        for i in range(quote.open_at, quote.close_at):
            inside[i - start] = True
    bounds, begin = [], start
    for i in range(start, end):
        if text[i] not in ".!?" and not (text[i] in "\"\u201d\u2019'" and i > start and text[i - 1] in ".!?"):
            continue
        if inside[i - start] or i + 1 >= end or not text[i + 1].isspace():
            continue
        if text[i] in ".!?" and i + 1 < end and text[i + 1] in '"\u201d\u2019':
            continue  # the closing mark comes next and ends the sentence
        following = text[i + 1 : end].lstrip()
        if not following or not (following[0].isupper() or following[0] in "\"\u201c\u2018'"):
            continue
        if text[i] == "." and _ABBREVIATION.search(text[max(start, i - 12) : i + 1]):
            continue
        bounds.append((begin, i + 1))
        begin = i + 1 + len(text[i + 1 : end]) - len(following)
    bounds.append((begin, end))
    return [(s, e) for s, e in bounds if e > s]
