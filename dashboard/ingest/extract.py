"""From an article to candidate statements and events.

Statements: every direct quote that is not a label or a cited saying, with its
speaker (speakers.py) and the day it was said (said_on.py). Events (events.py): every
resolved date expression of the body, with a guessed kind and status.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from dashboard.ingest import speakers as sp
from dashboard.ingest.article import Article, Paragraph, Sentence
from dashboard.ingest.events import EventCandidate, find_events
from dashboard.ingest.quotes import (
    DOCUMENT_SOURCE,
    SHORT_QUOTE_WORDS,
    QuoteSpan,
    clean_quote,
    is_cited_saying,
    looks_like_label,
    quote_words,
    sums_up,
)
from dashboard.ingest.said_on import DateContext, SaidOn, inherit_dates, lead_date, with_date

# How sure each way of finding the speaker is; the report sorts reviews by it.
CONFIDENCE = {
    "after": 0.9,
    "before": 0.85,
    "continues": 0.8,
    "after colon": 0.75,
    "previous sentence": 0.6,
    "role ahead": 0.6,
    "last speaker": 0.5,
    "none": 0.2,
}
_PRONOUN_PENALTY = 0.1


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
    subjects: dict[int, sp.Mention] = {}  # sentence start -> the person, source or role the sentence is about
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            found = _sentence_statements(article, masked, paragraph, sentence, registry, statements)
            statements.extend(found)
            subject = _update_last_speaker(masked, sentence, registry, found)
            if subject is not None:
                subjects[sentence.start] = subject
    statements = resolve_roles_ahead(statements, article, subjects)
    context = DateContext(article, masked, published)
    statements = inherit_dates([with_date(c, context, lead_day, subjects) for c in statements])
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
        if _is_label(article.text, quote, paragraph, how, mention) or _cites_a_document(masked, sentence, quote):
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
    """A scare quote: a label by its position, a word or two summing up the view of someone not named, or a one-
    or two-word quote no one in its sentence says."""
    if looks_like_label(text, quote, paragraph.start):
        return True
    named = how in ("after", "before") and mention is not None and mention.kind == "person"
    if not named and sums_up(text, quote, paragraph.start):
        return True
    short = quote_words(text[quote.open_at + 1 : quote.close_at]) <= SHORT_QUOTE_WORDS
    return short and (how not in ("after", "before") or mention is None or mention.speaker is None)


def _cites_a_document(masked: str, sentence: Sentence, quote: QuoteSpan) -> bool:
    """'According to a draft seen by X, crews could cross "in exceptional circumstances"': the words are the
    document's, unless someone is said to say them between the document and the quote."""
    head = masked[sentence.start : quote.open_at]
    document = DOCUMENT_SOURCE.search(head)
    return document is not None and sp.SPEECH_VERB.search(head, document.end()) is None


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
    mention, how = _continuation(article, masked, sentence, registry, earlier)
    # A role no one was introduced with ('its foreign minister warned') and nobody quoted before in the paragraph:
    # wire copy names the person next; resolve_roles_ahead looks there.
    role = next((m for m in (after, before) if m is not None and m.kind == "role"), None)
    if role is not None and how in ("last speaker", "none"):
        return role, "role ahead"
    return mention, how


def resolve_roles_ahead(
    statements: list[Candidate], article: Article, subjects: dict[int, sp.Mention]
) -> list[Candidate]:
    """A lead names a role and the next paragraph the person ('… its foreign minister warned that "…"' / 'Ola X,
    under pressure …, wrote …'): the role is the person the next paragraph's first sentence is about, unless that
    sentence gives them another role ('Opposition leader X' is not 'the president'). Quotes that continue its
    words follow it."""
    result: list[Candidate] = []
    for candidate in statements:
        previous = result[-1] if result else None
        if candidate.how == "role ahead":
            speaker = _person_ahead(candidate, article, subjects)
            candidate = dataclasses.replace(candidate, speaker=speaker) if speaker else candidate
        elif candidate.how in ("continues", "after colon") and candidate.speaker is None and previous is not None:
            candidate = dataclasses.replace(candidate, speaker=previous.speaker, mention=previous.mention)
        result.append(candidate)
    return result


# How many paragraphs after a lead's role the person may come: wire copy may put a paragraph of background between.
_ROLE_AHEAD_PARAGRAPHS = 3


def _person_ahead(candidate: Candidate, article: Article, subjects: dict[int, sp.Mention]) -> sp.Speaker | None:
    """The first person a following paragraph opens about (paragraphs about no one are skipped), unless that
    sentence gives them another role than the one the quote's sentence names."""
    wanted = sp.role_nouns(article.text[candidate.evidence[0] : candidate.evidence[1]])
    for paragraph in article.paragraphs[candidate.paragraph + 1 : candidate.paragraph + 1 + _ROLE_AHEAD_PARAGRAPHS]:
        following = paragraph.sentences[0]
        subject = subjects.get(following.start)
        if subject is None or subject.kind != "person" or subject.speaker is None:
            continue
        given = sp.role_nouns(article.text[following.start : following.end])
        return subject.speaker if not given or given & wanted else None
    return None


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


def _update_last_speaker(
    masked: str, sentence: Sentence, registry: sp.Registry, quoted: list[Candidate]
) -> sp.Mention | None:
    """The sentence's subject: the speaker of its quotes, else the one said to speak, else a person named in its
    first words, else the unnamed source, role or pronoun it opens with. 'He' and 'she' then mean the last person
    or unnamed source that was a sentence's subject, usually the last speaker."""
    narrative = masked[sentence.start : sentence.end]
    found = sp.mentions(narrative, sentence.start, registry, masked)  # also registers every full name
    mention = _quoted_subject(quoted) or sp.attribution_before(narrative, sentence.start, registry, masked)
    opening = len(narrative) - len(narrative.lstrip()) + len(" ".join(narrative.split()[:_SUBJECT_WORDS]))
    leading = [m for m in found if m.start <= opening and not _possessive(narrative, m)]
    if mention is None or mention.kind not in ("person", "anonymous"):
        # A person named in the opening words beats the pronoun or role the verb has ('Kestrel, she said, …').
        people = [m for m in leading if m.kind == "person"]
        mention = people[0] if people else mention or (leading[0] if leading else None)
    if mention is None or mention.speaker is None:
        person = sp.person_opening(narrative, registry, masked)
        mention = (
            sp.Mention(0, "person", sp.Speaker(person.name, person.actor_id, person=person)) if person else mention
        )
    registry.note_subject(mention)
    return mention


# A person named within the first words of a sentence is its subject (counted after leading spaces).
_SUBJECT_WORDS = 8


def _quoted_subject(quoted: list[Candidate]) -> sp.Mention | None:
    """'"…," said X.': the person or unnamed source the sentence quotes, attributed in the sentence itself."""
    for candidate in reversed(quoted):
        speaker = candidate.speaker
        if candidate.how in ("after", "before") and speaker and (speaker.person or speaker.anonymous):
            return sp.Mention(0, candidate.mention, speaker)
    return None


def _possessive(narrative: str, mention: sp.Mention) -> bool:
    """ "Obama's predecessor": the name is not the subject."""
    word = re.match(r"[^\s,;:]*(?:\s+[A-Z][^\s,;:]*)*", narrative[mention.start :])
    return bool(word and re.search(r"['\u2019]s$", word.group()))
