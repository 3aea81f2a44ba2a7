"""Who said it: the attribution patterns of wire copy, resolved to people.

Patterns: '"…," X said', 'X said: "…"', '"…," said X', 'according to X', a title
before the name ('NATO spokesman James Appathurai'), a surname after the first
mention, 'he'/'she' for the last person or unnamed source a sentence was about,
'the envoy' or 'its foreign minister' for the person introduced with that word.
An unnamed source ('a NATO official') stays anonymous: it is never resolved to a
name. A surname no one introduced, as the subject of a saying verb, is a new person
(named by its fuller form later in the article); a body with no one named in the
subject ('the ministry said in a statement') is the speaker itself (bodies.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.ingest.article import DATELINE
from dashboard.ingest.bodies import KNOWN_PREFIX, Body, find_bodies, known_bodies
from dashboard.ingest.names import (
    Run,
    could_be_surname,
    full_name,
    lone_surname,
    looks_like_place,
    name_runs,
    person_name,
)

SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|saying|added|adds|adding|told|tells|stressed|stresses|noted|notes|warned|warns|insisted|"
    r"insists|argued|argues|explained|explains|asked|replied|wrote|writes|declared|announced|continued|concluded|"
    r"observed|remarked|commented|recalled|conceded|acknowledged|admitted|suggested|predicted|cautioned|"
    r"emphasi[sz]ed|urged|claimed|maintained|complained|advised|offered|quoted|pointed out|went on|hoped|hopes|"
    r"vowed|pledged|promised|assured|reiterated|repeated|underlined|underscored|called|[Aa]ccording to|telling|"
    r"calling|"
    r"described|describes|describing|stated|states|tweeted|posted|responded|retorted|countered|quipped|joked|"
    r"confirmed|denied|demanded|informed|highlighted|lamented|asserted|contended|alleged|accusing|warning|insisting|arguing|"
    r"stressing|noting|urging|vowing|claiming|"
    # 'X accused Y of "…"' (not 'X was accused of "…"', where others speak).
    r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!is )(?<!are )(?<!be )accused)\b"
)
_QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>.{1,80}?)\s+as\s+saying\b")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,.;:]{1,80})")
# 'He', 'she' and 'the 54-year-old' mean the last person or unnamed source a sentence was about.
PRONOUN = re.compile(r"\b(?:he|she|He|She|the \d{2}-year-old)\b")
# 'They' and 'one of them' mean unnamed sources just named ('Officials said …. "…," they added'; 'Sources in the
# delegation put the cost at …. "…," one of them said'), never a named person.
_THEY = re.compile(r"\b(?:[Oo]ne of (?:them|those)|[Ss]ome of them|they|They)\b")
ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Oo]ther)\s+(?:[\w.'’-]+\s+){0,4}?"
    r"(?:officials?|diplomats?|sources?|spokes(?:man|woman|person)|aides?|officers?|negotiators?|insiders?|"
    r"analysts?|experts?|members?|person|people)\b"
    r"(?:,?\s+(?:who|close to|familiar with|with knowledge of|briefed on|speaking on)\b[^,.;\"\u201c]*)?"
    r"|\b(?:[Oo]fficials|[Dd]iplomats|[Ss]ources)\b"
    # People the article leaves unnamed as someone's: 'his aides', 'its members'.
    r"|\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:aides|advisers|advisors|members|supporters|allies|officials)\b"
    # Any 'a …' the article says is unnamed on purpose: 'a union leader, who asked not to be identified'.
    r"|\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w.'\u2019-]+\s+){0,4}?[\w-]+,?\s+(?:who\s+(?:asked|requested|spoke|declined)\s+"
    r"[^,.;]*?(?:named|identified|anonymity|name)|speaking on (?:the )?condition of anonymity)"
)
# A role noun after a determiner or a possessive, with up to two modifiers: 'the envoy', 'its foreign minister',
# "X's chief negotiator" (not 'the minister's aides').
_ROLE_NOUNS = (
    r"envoy|minister|official|spokes(?:man|woman|person)|general|president|premier|"
    r"secretary-general|secretary general|chief|diplomat|ambassador|negotiator|commander|chancellor|senator|"
    r"representative|head|leader|admiral|mediator|counterpart|chair|chairman|chairwoman|governor|mayor|source"
)
_ROLE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*['\u2019]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<role>(?i:" + _ROLE_NOUNS + r"))\b(?!['\u2019]s)"
)
_ROLE_NOUN = re.compile(r"\b(?:" + _ROLE_NOUNS + r")\b", re.I)


def role_nouns(text: str) -> set[str]:
    """The role nouns a text names ('President X', 'the foreign minister'), in lower case."""
    return {match.group().lower() for match in _ROLE_NOUN.finditer(text)}


@dataclass
class Person:
    name: str
    surname: str
    context: str  # words around the first mention, where a title or office is given
    actor_id: str = ""


@dataclass(frozen=True)
class Speaker:
    name: str
    actor_id: str = ""
    anonymous: bool = False
    person: Person | None = None
    kind: str = "person"  # or organisation: a body that speaks (a ministry's statement)


@dataclass
class Registry:
    """The people of one article, plus the people already known to the data."""

    known: dict[str, str] = field(default_factory=dict)  # lower-case full name or surname -> actor id
    people: list[Person] = field(default_factory=list)
    last_speaker: Person | None = None  # the last person a sentence was about
    last_subject: Speaker | None = None  # the same, or an unnamed source if one came since: what 'he' means
    bodies: list[Speaker] = field(default_factory=list)  # bodies named as speakers, for 'the ministry'

    def by_surname(self, surname: str) -> Person | None:
        for person in reversed(self.people):
            if person.surname.lower() == surname.lower():
                return person
        actor_id = self.known.get(surname.lower())
        if actor_id:
            return self.add(surname, "", actor_id)
        return None

    def add(self, name: str, context: str, actor_id: str = "") -> Person:
        surname = name.split()[-1]
        for person in self.people:
            if person.name == name or same_person(person.name, name):
                return person
        actor_id = actor_id or self.known.get(name.lower(), "") or self.known.get(surname.lower(), "")
        for person in self.people:
            # 'Malinek, addressing exporters, …' then 'Zofie Malinek said': the surname met first is the same person
            # as the full name the data knows; it takes the full name.
            if actor_id and person.actor_id == actor_id:
                if " " not in person.name and person.name == surname:
                    person.name, person.context = name, person.context or context.lower()
                return person
        person = Person(name, surname, context.lower(), actor_id)
        self.people.append(person)
        return person

    def note_subject(self, mention: Mention | None) -> None:
        """A sentence was about this person or unnamed source: 'he' and 'she' now mean them."""
        if mention is None or mention.speaker is None:
            return
        if mention.speaker.person is not None:
            self.last_speaker = mention.speaker.person
        if mention.speaker.person is not None or mention.speaker.anonymous:
            self.last_subject = mention.speaker

    def body(self, found: Body) -> Speaker:
        """The speaker a body's phrase means: a known actor, else the last body named with its noun, else new."""
        if not found.actor_id and " " not in found.name:
            earlier = [b for b in self.bodies if found.name.lower() in b.name.lower()]
            if earlier:
                return earlier[-1]
        speaker = Speaker(found.name, found.actor_id, kind=found.kind)
        self.bodies.append(speaker)
        return speaker

    def by_role(self, role: str) -> Person | None:
        """The last person introduced with that word near their name."""
        for person in reversed(self.people):
            if role.lower() in person.context:
                return person
        return None


def same_speaker(first: Speaker | None, second: Speaker | None) -> bool:
    """Two speakers are one: the same person of the article, the same actor of the data, or the same name."""
    if first is None or second is None:
        return False
    if first.person is not None and first.person is second.person:
        return True
    return bool(first.actor_id and first.actor_id == second.actor_id) or first.name == second.name


def same_person(first: str, second: str) -> bool:
    """'O. Brandt' and 'Ola Brandt': the same surname, and each given name of the shorter form is one of the
    longer's, or its initial."""
    shorter, longer = sorted((first.split(), second.split()), key=len)
    if len(shorter) < 2 or shorter[-1] != longer[-1]:
        return False
    return all(any(_same_given(a, b) for b in longer[:-1]) for a in shorter[:-1])


def _same_given(a: str, b: str) -> bool:
    """The same given name, or one is the other's initial ('O.' and 'Ola')."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (min(len(a), len(b)) == 1 and a[0] == b[0])


def known_names(actors: list[dict[str, str]]) -> dict[str, str]:
    """Full names and unambiguous surnames of the named people in actors.csv -> actor id; and the names of bodies
    (every other kind), prefixed with bodies.KNOWN_PREFIX."""
    names: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for actor in actors:
        if actor.get("kind") not in ("person", None):
            names[KNOWN_PREFIX + actor["name"].strip().lower()] = actor["actor_id"]
        if actor.get("kind") != "person" or actor.get("anonymous", "").lower() == "true":
            continue
        name = actor["name"].strip()
        names[name.lower()] = actor["actor_id"]
        surnames.setdefault(name.split()[-1].lower(), set()).add(actor["actor_id"])
    for surname, ids in surnames.items():
        if len(ids) == 1:
            names.setdefault(surname, next(iter(ids)))
    return names


@dataclass(frozen=True)
class Mention:
    start: int
    kind: str  # person, anonymous, role, pronoun
    speaker: Speaker | None


def mentions(phrase: str, offset: int, registry: Registry, text: str) -> list[Mention]:
    """People, unnamed sources, role nouns and pronouns in `phrase` (which starts at `offset` in `text`)."""
    found: list[Mention] = []
    for match in ANONYMOUS.finditer(phrase):
        name = match.group().strip(" ,")
        found.append(Mention(match.start(), "anonymous", Speaker(name, anonymous=True)))
    for match in _ROLE.finditer(phrase):
        # 'the official' after 'an official familiar with the talks' is that unnamed source, not a named person.
        source = registry.last_subject
        if source is not None and source.anonymous and match.group("role").lower() in source.name.lower():
            found.append(Mention(match.start(), "anonymous", source))
            continue
        person = registry.by_role(match.group("role"))
        found.append(Mention(match.start(), "role", _speaker(person) if person else None))
    for match in PRONOUN.finditer(phrase):
        found.append(Mention(match.start(), "pronoun", registry.last_subject or _speaker(registry.last_speaker)))
    sources = registry.last_subject if registry.last_subject and registry.last_subject.anonymous else None
    found += [Mention(match.start(), "pronoun", sources) for match in _THEY.finditer(phrase)]
    bodies = find_bodies(phrase, known_bodies(registry.known))
    # A run that is a body the data knows ('X Railways' as an organisation of actors.csv) is not a person.
    known = [(b.start, b.start + len(b.name)) for b in bodies if b.actor_id]
    for run in name_runs(phrase):
        inside = any(start <= run.start and run.start + len(" ".join(run.tokens)) <= end for start, end in known)
        person = None if inside else _person_of_run(run, offset + run.start, registry, text)
        if person:
            found.append(Mention(run.start, "person", _speaker(person)))
    found += [Mention(body.start, "body", registry.body(body)) for body in bodies]
    return sorted(found, key=lambda m: m.start)


_AFTER_OF = re.compile(r"\bof\s+(?:the\s+)?$")
_GIVEN_AND_SURNAME = 2


def _person_of_run(run: Run, at: int, registry: Registry, text: str) -> Person | None:
    tokens = run.tokens
    # 'Minister of Agriculture Anna Holt', 'Minister of Foreign Affairs of Norland Ola Brandt': a long run after
    # 'of' is the office's field or country, then the name.
    if _AFTER_OF.search(text[max(0, at - 10) : at]) and len(tokens) > _GIVEN_AND_SURNAME:
        tokens = tokens[-_GIVEN_AND_SURNAME:]
    name = person_name(tokens, run.after)
    if not name:
        return None
    # 'the Ruritanian Ola Brandt': a place before the name is not part of it.
    while len(name.split()) > 2 and looks_like_place(name.split()[0], text):
        name = name.split(maxsplit=1)[1]
    if len(name.split()) == 1:
        return registry.by_surname(name)
    context = text[max(0, at - 60) : at + len(" ".join(run.tokens)) + 60]
    return registry.add(name, context)


def _speaker(person: Person | None) -> Speaker | None:
    if person is None:
        return None
    return Speaker(person.name, person.actor_id, person=person)


_PREFERENCE = {"person": 0, "anonymous": 1, "role": 2, "body": 3, "pronoun": 4}


_OPENING_PHRASE = re.compile(
    r"\s*(?:In|At|On|During|After|Before|Following|From|With|Without|Despite|Unlike|Like|Asked|Pressed|Interviewed|"
    r"Questioned|Speaking|Writing|Talking|Addressing|Responding|Reacting|Commenting|Referring)\b[^,]*,"
)


def subject_of(phrase: str, offset: int, registry: Registry, text: str) -> Mention | None:
    """The speaker a subject phrase names: a person first, then an unnamed source, a role, a body, a pronoun."""
    found = mentions(phrase, offset, registry, text)
    # 'In an interview with the daily X on Wednesday, the opposition leader Y promised …': an opening phrase set off
    # by a comma is not the subject when someone comes after it.
    opening = _OPENING_PHRASE.match(phrase)
    if opening and any(m.start >= opening.end() for m in found):
        found = [m for m in found if m.start >= opening.end()]
    best = min(found, key=lambda m: (_PREFERENCE[m.kind], m.start)) if found else None
    if best is None or best.speaker is None:
        person = new_surname(phrase, registry, text)
        if person is not None:
            return Mention(0, "person", _speaker(person))
        # 'Norland said it would …': a place as the subject of a saying verb is the state speaking.
        place = lone_surname(phrase)
        if place is not None and looks_like_place(place, text):
            return Mention(0, "body", registry.body(Body(0, place, "", kind="state")))
    return best


# 'Holt, who led the experts, was unmoved': only a person is followed by ', who'. 'Holt was unmoved', 'Holt,
# addressing students on Monday, had been franker': a sentence opening on W and its verb is about W.
_SURNAME_OPENING = re.compile(
    r"\s*(?P<word>[A-Z][a-z\u00c0-\u024f]+(?:-[A-Z][a-z\u00c0-\u024f]+)?)"
    r"(?:(?P<who>,\s+who\b)|(?:,[^,]{1,80},)?\s+(?:was|is|has|had|remained|appeared|seemed)\b)"
)


def person_opening(sentence: str, registry: Registry, text: str) -> Person | None:
    """A sentence opening 'W, who …' is about a person named W, even one neither introduced nor in --data; so is
    one opening 'W was …' or 'W, <aside>, had …' when the article names W in full elsewhere ('Ana W')."""
    match = _SURNAME_OPENING.match(sentence)
    if match is None or (not match.group("who") and full_name(match.group("word"), text) is None):
        return None
    return new_surname(match.group("word"), registry, text)


def new_surname(phrase: str, registry: Registry, text: str) -> Person | None:
    """'Brennan, interviewed on state television, said': a capitalised surname as the subject of a saying verb is
    a person, even one neither introduced before nor in --data; named by the fuller form the article gives later."""
    word = lone_surname(phrase)
    if word is None or not could_be_surname(word, text):
        return None
    name = full_name(word, text) or word
    at = text.find(name)
    return registry.add(name, text[max(0, at - 60) : at + len(name) + 60])


def attribution_after(tail: str, offset: int, registry: Registry, text: str) -> Mention | None:
    """'…," X said' or '…," said X' right after a closing quote mark."""
    stripped = tail.lstrip(" ,.;:\u2014\u2013-")
    offset += len(tail) - len(stripped)
    # '…," and his party said it would …': a conjunction opens a new clause with a subject of its own.
    if _NEW_CLAUSE.match(stripped):
        return None
    verb = SPEECH_VERB.search(stripped)
    if verb is None or len(_without_apposition(stripped[: verb.start()]).split()) > _AFTER_WORDS:
        return None
    if verb.start() == 0:
        rest = re.split(r"[,;.:]", stripped[verb.end() :], maxsplit=1)[0]
        return subject_of(rest, offset + verb.end(), registry, text)
    return subject_of(stripped[: verb.start()], offset, registry, text)


_AFTER_WORDS = 8
_NEW_CLAUSE = re.compile(r"(?:and|but|while|whereas|as|although|though)\s", re.I)
# '…," Ana Holt, the Grand Duchy of X's special envoy, told reporters': an apposition set off by commas after the
# name is not counted in the words before the verb.
_APPOSITION = re.compile(r",\s+(?:the|a|an|[A-Z][\w-]*['\u2019]s)\s[^,]{1,80},\s*$")


def _without_apposition(subject: str) -> str:
    return _APPOSITION.sub(" ", subject)


def attribution_before(head: str, offset: int, registry: Registry, text: str) -> Mention | None:
    """'X said: "…"', 'X, a title, said that … "…"', 'quoted X as saying', 'according to X'."""
    special = _QUOTED_AS_SAYING.search(head) or _ACCORDING_TO.search(head)
    if special:
        found = subject_of(special.group("who"), offset + special.start("who"), registry, text)
        if found:
            return found
    # The verb of a ', who asked not to be named,' clause is not the attribution's verb.
    blanked = _RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), head)
    first: Mention | None = None
    begin = 0
    # When the first verb's subject names no one ('The X party called the deal a "sell-out", and its leader,
    # Y, said …'), the next verb's subject may.
    body: Mention | None = None
    for verb in SPEECH_VERB.finditer(blanked):
        participle = _PARTICIPLE.fullmatch(verb.group())
        # '…, with its chief negotiator accusing the other side of "…"': the participle's subject follows 'with'.
        absolute = _WITH_SUBJECT.search(head, begin, verb.start()) if participle else None
        start = absolute.start("np") if absolute else begin
        found = subject_of(head[start : verb.start()], offset + start, registry, text)
        if (found is None or found.speaker is None) and participle and not absolute:
            found = _opening_subject(head, offset, registry, text) or found
        if found and found.speaker and found.kind != "body":
            return found
        body = body or (found if found and found.speaker else None)  # a person named later is the speaker
        first = first or found
        begin = verb.end()
    return body or first


_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]*,")
_PARTICIPLE = re.compile(r"\w+ing")
_WITH_SUBJECT = re.compile(r"\bwith\s+(?P<np>[^,;]{1,80}?)\s*$")


def _opening_subject(head: str, offset: int, registry: Registry, text: str) -> Mention | None:
    """'Norland on Saturday suspended the talks, calling the incident "…"': a saying participle has the subject
    of its sentence, the capitalised words it opens with (after any dateline)."""
    dateline = DATELINE.match(head)
    start = dateline.end() if dateline else len(head) - len(head.lstrip())
    run = re.match(r"(?:[A-Z][\w'\u2019.-]*\s+)+", head[start:])
    if run is None or re.search(r"['\u2019]s\s*$", run.group()):  # "X's president …": the subject is not X
        return None
    return subject_of(run.group(), offset + start, registry, text)
