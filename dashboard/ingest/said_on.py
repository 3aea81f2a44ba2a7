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

from dashboard.ingest import speakers as sp
from dashboard.ingest.article import DATELINE, Article
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
# A relative clause about speaking dates the words themselves: 'According to X, who spoke to radio on Thursday, …'.
_SPEAKING = re.compile(
    r"\b(?:spoke|speaks|said|says|told|tells|wrote|writes|posted|tweeted|addressed|talked|interview|statement|"
    r"briefing|news conference|press conference|remarks|speech)\b"
)


# Verbs of saying after which a date dates the words ('said on Tuesday', 'speaking to reporters on Monday').
_SAYING_VERB = re.compile(sp.SPEECH_VERB.pattern + r"|\b(?:speaking|spoke|addressing|interviewed)\b")


def lead_date(article: Article, masked: str, published: dt.date) -> DateRange | None:
    """The day the report's lead (first two body paragraphs, after any dateline) gives: the day of its news."""
    for paragraph in article.paragraphs[:2]:
        lead = masked[paragraph.start : paragraph.end]
        dateline = DATELINE.match(lead)
        skip = dateline.end() if dateline else 0
        # 'The commission, which opened its session on Monday, closed it on Tuesday': the clause is not the news.
        text = _without_relative_clauses(lead[skip:])
        days = [d for d in find_dates(text, published, paragraph.start + skip) if _past_day(d, published)]
        # 'Talks that opened on Monday failed, the minister said on Tuesday': the day by the saying verb first.
        days.sort(key=lambda d: not _by_saying_verb(text, d.at - paragraph.start - skip))
        if days:
            return days[0]
    return None


def _past_day(found: DateRange, published: dt.date) -> bool:
    return found.precision == "day" and found.end <= published and found.lead not in _DEADLINE_LEADS


def _without_relative_clauses(text: str) -> str:
    """The text with its ', who …,' clauses blanked (offsets kept), except those about speaking."""
    return _RELATIVE_CLAUSE.sub(lambda m: m.group() if _SPEAKING.search(m.group()) else " " * len(m.group()), text)


def said_dates(masked: str, sentence: tuple[int, int], published: dt.date) -> list[DateRange]:
    """Past dates in the reporter's words of the sentence: when the words were said."""
    start, end = sentence
    # A relative clause dates someone else's act: 'Reiss, who took over in July, said …'.
    reporter = _without_relative_clauses(masked[start:end])
    found = find_dates(reporter, published, start)
    usable = ("day", "week", "month", "approximate")
    dates = [d for d in found if d.end <= published and d.lead not in _DEADLINE_LEADS and d.precision in usable]
    # 'Talks that opened on Monday failed, Y said on Tuesday': the date by the saying verb comes first.
    dates = sorted(dates, key=lambda d: not _by_saying_verb(reporter, d.at - start))
    that_day = _THAT_DAY.search(reporter)
    if not dates and that_day:
        earlier = _day_before(masked, start, published)
        if earlier is not None:
            note = f"'{that_day.group()}' is the day named last before it in the paragraph: {earlier.note}"
            return [dataclasses.replace(earlier, phrase=that_day.group(), note=note, at=start + that_day.start())]
    return dates


# 'X filed a complaint on Thursday. Its chairman said that day …': the day the paragraph named last.
_THAT_DAY = re.compile(r"\b(?:that|the same) day\b", re.I)


def _day_before(masked: str, start: int, published: dt.date) -> DateRange | None:
    """The last past day named earlier in the paragraph (the line) that `start` is in."""
    line = masked.rfind("\n", 0, start) + 1
    days = [d for d in find_dates(masked[line:start], published, line) if _past_day(d, published)]
    return days[-1] if days else None


_BY_VERB = 40  # characters after a saying verb in which a date dates the saying ('told reporters in X on Tuesday')


def _by_saying_verb(text: str, at: int) -> bool:
    """A date within the words about the saying just after a saying verb; not one in the reported words ('informed
    that the round held on 8-9 May had …')."""
    return any(
        verb.end() <= at <= verb.end() + min(_BY_VERB, _after_verb(text[verb.end() :], verb.group()))
        for verb in _SAYING_VERB.finditer(text[:at])
    )


def with_date(
    candidate: Candidate, context: DateContext, lead: DateRange | None, subjects: dict[int, sp.Mention]
) -> Candidate:
    """The statement's date: its sentence's, else its speaker's reported words earlier in the paragraph, else the
    lead's day, else undated at the publication date (inherit_dates may still give it the words' before it)."""
    masked, published = context.masked, context.published
    own = said_dates(masked, candidate.evidence, published)
    reported = None if own else reported_speech_date(candidate, context, subjects)
    if own:
        said = SaidOn(own[0].start, own[0].end, own[0].precision, own[0].note)
    elif reported is not None:
        note = f"Reported words of the same speaker earlier in the paragraph give its date: {reported.note}"
        said = SaidOn(reported.start, reported.end, reported.precision, note)
    elif lead is not None:
        note = f"No day of its own; takes the day of the lead: {lead.note}."
        said = SaidOn(lead.start, lead.end, "day", note)
    else:
        note = f"No day given; the publication date {published.isoformat()} is the latest it can be."
        said = SaidOn(published, published, "undated", note)
    return dataclasses.replace(candidate, said=said)


@dataclass(frozen=True)
class DateContext:
    article: Article
    masked: str  # the article's text with its quotes blanked
    published: dt.date


def reported_speech_date(
    candidate: Candidate, context: DateContext, subjects: dict[int, sp.Mention]
) -> DateRange | None:
    """'X, speaking on Monday, said …. "…," she said.': a quote without a date of its own was said when its
    speaker's reported words (or the sentence about them) earlier in the paragraph were. The search stops at a
    sentence whose subject is someone else."""
    paragraph = context.article.paragraphs[candidate.paragraph]
    for prior in reversed([s for s in paragraph.sentences if s.end <= candidate.evidence[0]]):
        subject = subjects.get(prior.start)
        if subject is None:
            continue
        if not _refers_to(subject, candidate.speaker):
            return None
        reach = _speech_reach(context.masked, prior.start, prior.end)
        dates = [d for d in said_dates(context.masked, (prior.start, prior.end), context.published) if d.at < reach]
        if dates:
            return dates[0]
    return None


# Words after the saying verb that may still date the saying ('said on Tuesday', 'told reporters on Friday'), and
# how far a 'that' may come ('said at a briefing in the capital on Monday that').
_AFTER_VERB_WORDS = 6
_THAT_WORDS = 12
# Verbs whose reported words may follow at once, with no object first ('said the mood soured on Tuesday'; but
# 'told reporters on Tuesday', 'announced the deal on Tuesday').
_REPORTING_VERB = re.compile(
    r"said|says|say|added|adds|insisted|insists|argued|argues|claimed|claims|maintained|maintains|conceded|"
    r"concedes|acknowledged|admitted|predicted|suggested|complained|replied|hoped|hopes"
)
# Words that go on describing the saying ('said at a briefing', 'said late on Monday', 'said Sunday'); any other
# word right after 'said' opens the reported words ('said the mood soured on Tuesday').
_ABOUT_THE_SAYING = re.compile(
    r"(?:at|in|on|to|during|after|before|from|outside|inside|with|by|via|over|through|while|when|as|late|early|"
    r"later|earlier|again|also|yesterday|today|tonight|last|this|separately|afterwards|then|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\W*",
    re.I,
)


def _speech_reach(masked: str, start: int, end: int) -> int:
    """Where the reporter's words about the saying end: at the reported words, which date their own facts ('said
    the clause, resolved on Tuesday, …'): right after 'said' when a word not about the saying follows, else at a
    'that', else six words on. The whole sentence when it has no saying verb ('The minister, addressing students on
    Monday, was firm.')."""
    verbs = list(sp.SPEECH_VERB.finditer(_without_relative_clauses(masked[start:end])))
    if not verbs:
        return end
    return max(_after_verb(masked[start + verb.end() : end], verb.group()) + start + verb.end() for verb in verbs)


def _after_verb(after: str, verb: str) -> int:
    that_day = re.match(r"\s*" + _THAT_DAY.pattern, after, re.I)  # 'said that day that …' still dates the saying
    if that_day:
        return that_day.end() + _after_verb(after[that_day.end() :], verb)
    words = list(re.finditer(r"[^\s,]+", after))[:_THAT_WORDS]
    if not words:
        return 0
    if _REPORTING_VERB.fullmatch(verb.lower()) and not _ABOUT_THE_SAYING.fullmatch(words[0].group()):
        return words[0].start()
    that = next((w.start() for w in words if w.group().lower() == "that"), None)
    return that if that is not None else words[:_AFTER_VERB_WORDS][-1].end()


def _refers_to(subject: sp.Mention, speaker: sp.Speaker | None) -> bool:
    """A sentence's subject is the speaker: the same name, or a role or pronoun not resolved to someone else."""
    if speaker is None:
        return False
    if subject.speaker is None:
        return subject.kind in ("role", "pronoun")
    return sp.same_speaker(subject.speaker, speaker)


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
    return sp.same_speaker(first.speaker, second.speaker)
