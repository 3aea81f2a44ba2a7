"""Event candidates: one per distinct date range in the body, with a guessed kind and status."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.ingest.article import DATELINE, Article
from dashboard.ingest.dates import DateRange, find_dates
from dashboard.ingest.said_on import lead_date


@dataclass(frozen=True)
class EventCandidate:
    kind: str
    status: str
    date: DateRange
    evidence: tuple[int, int]


_EVENT_KINDS = [
    ("news_conference", r"news conference|press conference|briefing|told (?:journalists|reporters)"),
    ("summit", r"summit"),
    ("seminar", r"seminar|workshop"),
    ("working_group", r"working group"),
    ("council_meeting", r"council|ministers|chiefs of staff|meeting"),
    ("talks", r"talks|negotiat"),
    ("treaty", r"treaty|signed|accord"),
    ("ratification", r"ratif|approval"),
    ("attack", r"blast|bombing|attack|explosion"),
    ("appointment", r"appointed|named as|resign"),
    ("conflict", r"\bwar\b|invasion|intervention"),
    ("speech", r"speech|forum|address|lecture"),
    ("deadline", r"\bby\b|deadline|due"),
    ("statement", r"said|blog|remarks|statement|told"),
]


def find_events(article: Article, masked: str, published: dt.date) -> list[EventCandidate]:
    """One candidate per distinct date range in the body and the picture captions, with the kind its sentence
    suggests."""
    events: dict[tuple[dt.date, dt.date], EventCandidate] = {}
    for start, end, first in _event_sentences(article):
        sentence_text = article.text[start:end]
        dateline = DATELINE.match(sentence_text) if first else None
        skip = dateline.end() if dateline else 0  # the dateline is the day of filing, not an event
        for found in find_dates(sentence_text[skip:], published, start + skip):
            found = _with_duration(found, sentence_text)
            key = (found.start, found.end)
            if key not in events:
                kind = guess_kind(sentence_text, found.at - start)
                status = "held" if found.start <= published else "planned"
                events[key] = EventCandidate(kind, status, found, (start, end))
    dateline_event = _dateline_event(article, masked, published)
    if dateline_event and (published, published) not in events:
        events[(published, published)] = dateline_event
    return list(events.values())


def _event_sentences(article: Article) -> list[tuple[int, int, bool]]:
    """(start, end, opens its paragraph) of each body sentence, then of each picture caption: a caption quotes
    no one, but states facts ('Farmers have protested weekly since March')."""
    spans = [(s.start, s.end, s.start == p.start) for p in article.paragraphs for s in p.sentences]
    return spans + [(start, end, False) for start, end in article.captions]


_NEWS_EVENT = re.compile(r"\b(?:talks|meeting|summit|conference|seminar|session|round)\b", re.I)


def _dateline_event(article: Article, masked: str, published: dt.date) -> EventCandidate | None:
    """The news of a report whose lead gives no day: the first talks or meeting of the opening paragraphs
    named without a date of its own. Undated: the dateline day is the latest it can be."""
    if lead_date(article, masked, published) is not None:
        return None
    for paragraph in article.paragraphs[:_OPENING_PARAGRAPHS]:
        for sentence in paragraph.sentences:
            sentence_text = article.text[sentence.start : sentence.end]
            match = _NEWS_EVENT.search(masked[sentence.start : sentence.end])
            if match is None or find_dates(sentence_text, published):
                continue
            note = f"No day given for the '{match.group()}'; undated, at the publication date {published.isoformat()}"
            date = DateRange(published, published, "undated", match.group(), note, sentence.start + match.start())
            kind = guess_kind(sentence_text, match.start())
            return EventCandidate(kind, "held", date, (sentence.start, sentence.end))
    return None


_OPENING_PARAGRAPHS = 4
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


def _with_duration(found: DateRange, sentence_text: str) -> DateRange:
    """'opened a four-day seminar Tuesday': the event runs from that day for four days."""
    match = re.search(r"\b(\w+)-day\b", sentence_text)
    count = _NUMBER_WORDS.get(match.group(1).lower(), 0) if match else 0
    if found.precision != "day" or not count:
        return found
    end = found.start + dt.timedelta(days=count - 1)
    note = f"{found.note}; '{match.group()}' gives the last day" if match else found.note
    return DateRange(found.start, end, "day", found.phrase, note, found.at, found.lead)


def guess_kind(sentence_text: str, at: int) -> str:
    """The event kind whose keyword is closest to the date phrase."""
    best = ("statement", len(sentence_text) + 1)
    for kind, pattern in _EVENT_KINDS:
        for match in re.finditer(pattern, sentence_text, re.I):
            distance = abs(match.start() - at)
            if distance < best[1]:
                best = (kind, distance)
    return best[0]
