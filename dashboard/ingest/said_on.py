"""When a statement was said: the reporter's date in its sentence, else the neighbouring words', else the lead's.

Every date comes with a note saying which words were resolved against which date, and how the
statement came by them (its own sentence, the words quoted before it, the day of the lead).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dashboard.ingest.article import Article
from dashboard.ingest.dates import DateRange, find_dates

if TYPE_CHECKING:
    from dashboard.ingest.extract import Candidate


@dataclass(frozen=True)
class SaidOn:
    start: dt.date
    end: dt.date
    precision: str
    note: str


_DEADLINE_LEADS = ("by", "until", "till", "before", "since")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]*,")


# 'OSTRAVA, June 19 (Harbour Wire) --': the dateline gives the day of filing, not the day of the news.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^\n]{0,60}?(?:--|\u2014|\u2013)\s*")


def lead_date(article: Article, masked: str, published: dt.date) -> DateRange | None:
    """The day the report's lead (first two body paragraphs, after any dateline) gives: the day of its news."""
    for paragraph in article.paragraphs[:2]:
        lead = masked[paragraph.start : paragraph.end]
        dateline = DATELINE.match(lead)
        skip = dateline.end() if dateline else 0
        for found in find_dates(lead[skip:], published, paragraph.start + skip):
            if found.precision == "day" and found.end <= published and found.lead not in _DEADLINE_LEADS:
                return found
    return None


def said_dates(masked: str, sentence: tuple[int, int], published: dt.date) -> list[DateRange]:
    """Past dates in the reporter's words of the sentence: when the words were said."""
    start, end = sentence
    # A relative clause dates someone else's act: 'Reiss, who took over in July, said …'.
    reporter = _RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), masked[start:end])
    found = find_dates(reporter, published, start)
    usable = ("day", "week", "month", "approximate")
    return [d for d in found if d.end <= published and d.lead not in _DEADLINE_LEADS and d.precision in usable]


def with_date(candidate: Candidate, masked: str, published: dt.date, lead: DateRange | None) -> Candidate:
    own = said_dates(masked, candidate.evidence, published)
    if own:
        said = SaidOn(own[0].start, own[0].end, own[0].precision, own[0].note)
    elif lead is not None:
        note = f"No day of its own; takes the day of the lead: {lead.note}."
        said = SaidOn(lead.start, lead.end, "day", note)
    else:
        note = f"No day given; the publication date {published.isoformat()} is the latest it can be."
        said = SaidOn(published, published, "undated", note)
    return dataclasses.replace(candidate, said=said)


def inherit_dates(statements: list[Candidate]) -> list[Candidate]:
    """A quote with no date of its own that continues the same speaker's words of the same or previous
    paragraph was said with them ("…," he added.)."""
    result: list[Candidate] = []
    for candidate in statements:
        previous = result[-1] if result else None
        own_date = not candidate.said.note.startswith(("No day", "Continues"))
        same_speaker = previous is not None and _same_speaker(previous, candidate)
        close = previous is not None and candidate.paragraph - previous.paragraph <= 1
        if previous is not None and not own_date and same_speaker and close:
            said = previous.said
            note = f"Continues the words quoted just before ({said.precision}): {said.note}"
            candidate = dataclasses.replace(candidate, said=dataclasses.replace(said, note=note))
        result.append(candidate)
    return result


def _same_speaker(first: Candidate, second: Candidate) -> bool:
    if first.speaker is None or second.speaker is None:
        return False
    return first.speaker.name == second.speaker.name
