"""Event candidates: one per distinct date range in the body, with a guessed kind and status."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.ingest.article import DATELINE, Article
from dashboard.ingest.dates import FUTURE, DateRange, find_dates
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
        found_dates = [
            _with_duration(found, sentence_text, found.at - start)
            for found in find_dates(sentence_text[skip:], published, start + skip)
        ]
        for found in found_dates or _round_ended_at_the_news(article, masked, published, sentence_text, start):
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


_VERB_WORDS = 2  # words after a duration in which its clause's verb comes
# A duration: 'a four-day seminar', 'two days of talks'.
_DURATION = re.compile(
    r"\b(?P<count>\w+)(?:-day\b|\s+days\s+of\s+(?:[\w-]+\s+)?(?:talks|negotiations|meetings|discussions|"
    r"consultations|debate|hearings|sessions|protests|strikes|fighting|clashes)\b)",
    re.I,
)
# The date given is the last day: 'a three-day round that ended on Wednesday', 'ended a two-day summit on Friday',
# 'after two days of talks on Friday'.
_ENDED = r"(?:ended|ends|ending|closed|concluded|wrapped up|wound up|broke off|broke up)"
_ENDED_AFTER = re.compile(r"\b" + _ENDED + r"\b")
_ENDED_BEFORE = re.compile(r"\b(?:at the end of|after|" + _ENDED + r")\s+(?:a\s+|the\s+|its\s+|their\s+)?$", re.I)


def _with_duration(found: DateRange, sentence_text: str, at: int) -> DateRange:
    """'opened a four-day seminar Tuesday': the event runs from that day for four days; 'a three-day round that
    ended on Wednesday': it runs up to that day."""
    match = _DURATION.search(sentence_text)
    count = _NUMBER_WORDS.get(match.group("count").lower(), 0) if match else 0
    if match is None or found.precision != "day" or not count:
        return found
    if _ENDED_BEFORE.search(sentence_text[: match.start()]) or _ENDED_AFTER.search(sentence_text, match.end(), at):
        start = found.end - dt.timedelta(days=count - 1)
        note = f"{found.note}; '{match.group()}' ending that day gives the first day"
        return DateRange(start, found.end, "day", found.phrase, note, found.at, found.lead)
    end = found.start + dt.timedelta(days=count - 1)
    note = f"{found.note}; '{match.group()}' gives the last day"
    return DateRange(found.start, end, "day", found.phrase, note, found.at, found.lead)


def _round_ended_at_the_news(
    article: Article, masked: str, published: dt.date, sentence_text: str, start: int
) -> list[DateRange]:
    """'Instead, three days of talks were taken up by …', 'The deal, reached at the end of two days of talks, …':
    a past round of some days with no date of its own is the one that ended on the day of the lead's news."""
    match = _DURATION.search(sentence_text)
    count = _NUMBER_WORDS.get(match.group("count").lower(), 0) if match else 0
    # The tense of the round's own clause: the words before it and the two after, its verb ('will hold two days of
    # talks', 'two days of talks are planned'), not a 'would' further on.
    after = " ".join(sentence_text[match.end() :].split()[:_VERB_WORDS]) if match else ""
    future = bool(match and FUTURE.search(sentence_text[: match.end()] + " " + after))
    lead = lead_date(article, masked, published) if match and count and not future else None
    if match is None or lead is None:
        return []
    note = f"'{match.group()}' with no date of its own, ending on the day of the lead: {lead.note}"
    first = lead.end - dt.timedelta(days=count - 1)
    return [DateRange(first, lead.end, "day", match.group(), note, start + match.start())]


def guess_kind(sentence_text: str, at: int) -> str:
    """The event kind whose keyword is closest to the date phrase."""
    best = ("statement", len(sentence_text) + 1)
    for kind, pattern in _EVENT_KINDS:
        for match in re.finditer(pattern, sentence_text, re.I):
            distance = abs(match.start() - at)
            if distance < best[1]:
                best = (kind, distance)
    return best[0]
