"""From an article to candidate statements and events.

Statements: every direct quote that is not a label or a cited saying, with its
speaker (speakers.py) and the day it was said (dates.py). Events: every
resolved date expression of the body, with a guessed kind and status.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from dashboard.ingest import speakers as sp
from dashboard.ingest.article import Article, Paragraph, Sentence
from dashboard.ingest.dates import DateRange, find_dates
from dashboard.ingest.quotes import (
    SHORT_QUOTE_WORDS,
    QuoteSpan,
    clean_quote,
    is_cited_saying,
    looks_like_label,
    quote_words,
)

# How sure each way of finding the speaker is; the report sorts reviews by it.
CONFIDENCE = {
    "after": 0.9,
    "before": 0.85,
    "continues": 0.8,
    "after colon": 0.75,
    "previous sentence": 0.6,
    "last speaker": 0.5,
    "none": 0.2,
}
_PRONOUN_PENALTY = 0.1


@dataclass(frozen=True)
class SaidOn:
    start: dt.date
    end: dt.date
    precision: str
    note: str


@dataclass(frozen=True)
class Candidate:
    quote: str
    speaker: sp.Speaker | None
    how: str  # which attribution pattern found the speaker
    mention: str  # person, anonymous, role, pronoun
    said: SaidOn
    evidence: tuple[int, int]
    paragraph: int

    @property
    def confidence(self) -> float:
        score = CONFIDENCE[self.how] - (_PRONOUN_PENALTY if self.mention in ("pronoun", "role") else 0)
        return round(score, 2)


@dataclass(frozen=True)
class EventCandidate:
    kind: str
    status: str
    date: DateRange
    evidence: tuple[int, int]


@dataclass
class Extraction:
    statements: list[Candidate]
    events: list[EventCandidate]
    people: list[sp.Person]


def extract_article(article: Article, published: dt.date, known: dict[str, str]) -> Extraction:
    registry = sp.Registry(known=dict(known))
    masked = mask_quotes(article)
    lead_day = lead_date(article, masked, published)
    statements: list[Candidate] = []
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            statements.extend(_sentence_statements(article, masked, paragraph, sentence, registry, statements))
            _update_last_speaker(masked, sentence, registry)
    statements = _inherit_dates([_with_date(c, masked, published, lead_day) for c in statements])
    people = [p for p in registry.people if any(c.speaker and c.speaker.person is p for c in statements)]
    return Extraction(statements, find_events(article, masked, published), people)


def mask_quotes(article: Article) -> str:
    """The text with every quoted span blanked, offsets kept, so the reporter's words can be searched alone."""
    chars = list(article.text)
    for paragraph in article.paragraphs:
        for quote in paragraph.quotes:
            for i in range(quote.open_at, min(quote.close_at + 1, len(chars))):
                chars[i] = " "
    return "".join(chars)


def _sentence_statements(
    article: Article,
    masked: str,
    paragraph: Paragraph,
    sentence: Sentence,
    registry: sp.Registry,
    earlier: list[Candidate],
) -> list[Candidate]:
    found: list[Candidate] = []
    quotes = [q for q in paragraph.quotes if sentence.start <= q.open_at < sentence.end]
    for index, quote in enumerate(quotes):
        if is_cited_saying(article.text, quote, paragraph.start):
            continue
        tail_end = quotes[index + 1].open_at if index + 1 < len(quotes) else sentence.end
        mention, how = _attribute(article, masked, quote, sentence, tail_end, registry, earlier + found)
        if _is_label(article.text, quote, paragraph, how, mention):
            continue
        raw = article.text[quote.open_at + 1 : quote.close_at]
        speaker = mention.speaker if mention else None
        kind = mention.kind if mention else ""
        evidence = (sentence.start, sentence.end)
        found.append(Candidate(clean_quote(raw), speaker, how, kind, _NOT_YET_DATED, evidence, sentence.paragraph))
    return found


# Said-on dates are set once every quote is found (_with_date), since a quote can take its neighbour's date.
_NOT_YET_DATED = SaidOn(dt.date.min, dt.date.min, "", "")


def _is_label(text: str, quote: QuoteSpan, paragraph: Paragraph, how: str, mention: sp.Mention | None) -> bool:
    """A scare quote: a label by its position, or a one- or two-word quote no one in its sentence says."""
    if looks_like_label(text, quote, paragraph.start):
        return True
    short = quote_words(text[quote.open_at + 1 : quote.close_at]) <= SHORT_QUOTE_WORDS
    return short and (how not in ("after", "before") or mention is None or mention.speaker is None)


def _attribute(
    article: Article,
    masked: str,
    quote: QuoteSpan,
    sentence: Sentence,
    tail_end: int,
    registry: sp.Registry,
    earlier: list[Candidate],
) -> tuple[sp.Mention | None, str]:
    text = article.text
    after = sp.attribution_after(masked[quote.close_at + 1 : tail_end], quote.close_at + 1, registry, text)
    if after and after.speaker:
        return after, "after"
    before = sp.attribution_before(masked[sentence.start : quote.open_at], sentence.start, registry, text)
    if before and before.speaker:
        return before, "before"
    return _continuation(article, masked, sentence, registry, earlier)


def _continuation(
    article: Article, masked: str, sentence: Sentence, registry: sp.Registry, earlier: list[Candidate]
) -> tuple[sp.Mention | None, str]:
    """A quote with no attribution of its own continues the last quote of the paragraph, or of the paragraph
    before if that ended with a colon; else the previous sentence's speaker; else the last named speaker."""
    previous = earlier[-1] if earlier else None
    if previous and previous.paragraph == sentence.paragraph:
        return sp.Mention(0, previous.mention, previous.speaker), "continues"
    if previous and previous.paragraph == sentence.paragraph - 1:
        before_para = article.paragraphs[sentence.paragraph - 1]
        if article.text[: before_para.end].rstrip().endswith(":"):
            return sp.Mention(0, previous.mention, previous.speaker), "after colon"
    paragraph = article.paragraphs[sentence.paragraph]
    for prior in reversed([s for s in paragraph.sentences if s.end <= sentence.start]):
        mention = sp.attribution_before(masked[prior.start : prior.end], prior.start, registry, article.text)
        if mention and mention.speaker:
            return mention, "previous sentence"
    if registry.last_speaker:
        person = registry.last_speaker
        return sp.Mention(0, "person", sp.Speaker(person.name, person.actor_id, person=person)), "last speaker"
    return None, "none"


def _update_last_speaker(masked: str, sentence: Sentence, registry: sp.Registry) -> None:
    """'He' and 'she' mean the last person named as the subject of a sentence: the one said to speak, or
    else a person named in the sentence's first words (the subject, usually the last named speaker)."""
    narrative = masked[sentence.start : sentence.end]
    found = sp.mentions(narrative, sentence.start, registry, masked)  # also registers every full name
    mention = sp.attribution_before(narrative, sentence.start, registry, masked)
    if mention is None or mention.kind != "person":
        opening = len(" ".join(narrative.split()[:_SUBJECT_WORDS]))
        leading = [m for m in found if m.kind == "person" and m.start <= opening and not _possessive(narrative, m)]
        mention = leading[0] if leading else None
    if mention and mention.kind == "person" and mention.speaker and mention.speaker.person:
        registry.last_speaker = mention.speaker.person


# A person named within the first words of a sentence is its subject (counted after leading spaces).
_SUBJECT_WORDS = 8


def _possessive(narrative: str, mention: sp.Mention) -> bool:
    """ "Obama's predecessor": the name is not the subject."""
    word = re.match(r"[^\s,;:]*(?:\s+[A-Z][^\s,;:]*)*", narrative[mention.start :])
    return bool(word and re.search(r"['\u2019]s$", word.group()))


# --- said-on dates -------------------------------------------------------------

_DEADLINE_LEADS = ("by", "until", "till", "before", "since")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]*,")


# 'OSTRAVA, June 19 (Harbour Wire) --': the dateline gives the day of filing, not the day of the news.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^\n]{0,60}?(?:--|\u2014|\u2013)\s*")


def lead_date(article: Article, masked: str, published: dt.date) -> DateRange | None:
    """The day the report's lead (first two body paragraphs, after any dateline) gives: the day of its news."""
    for paragraph in article.paragraphs[:2]:
        lead = masked[paragraph.start : paragraph.end]
        dateline = _DATELINE.match(lead)
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


def _with_date(candidate: Candidate, masked: str, published: dt.date, lead: DateRange | None) -> Candidate:
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


def _inherit_dates(statements: list[Candidate]) -> list[Candidate]:
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


# --- events --------------------------------------------------------------------

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
    """One candidate per distinct date range in the body, with the kind its sentence suggests."""
    events: dict[tuple[dt.date, dt.date], EventCandidate] = {}
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            sentence_text = article.text[sentence.start : sentence.end]
            dateline = _DATELINE.match(sentence_text) if sentence.start == paragraph.start else None
            skip = dateline.end() if dateline else 0  # the dateline is the day of filing, not an event
            for found in find_dates(sentence_text[skip:], published, sentence.start + skip):
                found = _with_duration(found, sentence_text)
                key = (found.start, found.end)
                if key not in events:
                    kind = guess_kind(sentence_text, found.at - sentence.start)
                    status = "held" if found.start <= published else "planned"
                    events[key] = EventCandidate(kind, status, found, (sentence.start, sentence.end))
    dateline_event = _dateline_event(article, masked, published)
    if dateline_event and (published, published) not in events:
        events[(published, published)] = dateline_event
    return list(events.values())


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
