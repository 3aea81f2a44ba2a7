"""Who said it: the attribution patterns of wire copy, resolved to people.

Patterns: '"…," X said', 'X said: "…"', '"…," said X', 'according to X', a title
before the name ('NATO spokesman James Appathurai'), a surname after the first
mention, 'he'/'she' for the last named speaker, 'the envoy' for the person last
introduced with that title. An unnamed source ('a NATO official') stays
anonymous: it is never resolved to a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.ingest.names import name_runs, person_name

SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|saying|added|adds|adding|told|tells|stressed|stresses|noted|notes|warned|warns|insisted|"
    r"insists|argued|argues|explained|explains|asked|replied|wrote|writes|declared|announced|continued|concluded|"
    r"observed|remarked|commented|recalled|conceded|acknowledged|admitted|suggested|predicted|cautioned|"
    r"emphasi[sz]ed|urged|claimed|maintained|complained|advised|offered|quoted|pointed out|went on|hoped|hopes|"
    r"vowed|pledged|promised|assured|reiterated|repeated|underlined|underscored|called|[Aa]ccording to)\b"
)
_QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>.{1,80}?)\s+as\s+saying\b")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,.;:]{1,80})")
PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Oo]ther)\s+(?:[\w.'’-]+\s+){0,4}?"
    r"(?:officials?|diplomats?|sources?|spokes(?:man|woman|person)|aides?|officers?|negotiators?|insiders?|"
    r"analysts?|experts?|members?)\b(?:,?\s+(?:who|close to|familiar with|speaking on)\b[^,.;\"\u201c]*)?"
    r"|\b(?:[Oo]fficials|[Dd]iplomats|[Ss]ources)\b"
    # Any 'a …' the article says is unnamed on purpose: 'a union leader, who asked not to be identified'.
    r"|\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w.'\u2019-]+\s+){0,4}?[\w-]+,?\s+(?:who\s+(?:asked|requested|spoke|declined)\s+"
    r"[^,.;]*?(?:named|identified|anonymity|name)|speaking on (?:the )?condition of anonymity)"
)
_ROLE = re.compile(
    r"\b[Tt]he\s+(?P<role>envoy|minister|official|spokes(?:man|woman|person)|general|president|premier|"
    r"secretary-general|secretary general|chief|diplomat|ambassador|negotiator|commander|chancellor|senator|"
    r"representative|head|leader|admiral)\b"
)


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


@dataclass
class Registry:
    """The people of one article, plus the people already known to the data."""

    known: dict[str, str] = field(default_factory=dict)  # lower-case full name or surname -> actor id
    people: list[Person] = field(default_factory=list)
    last_speaker: Person | None = None  # the last person a sentence was about
    last_subject: Speaker | None = None  # the same, or an unnamed source if one came since: what 'he' means

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
            if person.name == name:
                return person
        actor_id = actor_id or self.known.get(name.lower(), "") or self.known.get(surname.lower(), "")
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

    def by_role(self, role: str) -> Person | None:
        for person in reversed(self.people):
            if role.lower() in person.context:
                return person
        return None


def known_names(actors: list[dict[str, str]]) -> dict[str, str]:
    """Full names and unambiguous surnames of the named people in actors.csv -> actor id."""
    names: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for actor in actors:
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
        person = registry.by_role(match.group("role"))
        found.append(Mention(match.start(), "role", _speaker(person) if person else None))
    for match in PRONOUN.finditer(phrase):
        found.append(Mention(match.start(), "pronoun", registry.last_subject or _speaker(registry.last_speaker)))
    for start, tokens in name_runs(phrase):
        person = _person_of_run(tokens, offset + start, registry, text)
        if person:
            found.append(Mention(start, "person", _speaker(person)))
    return sorted(found, key=lambda m: m.start)


def _person_of_run(tokens: list[str], at: int, registry: Registry, text: str) -> Person | None:
    name = person_name(tokens)
    if not name:
        return None
    if len(name.split()) == 1:
        return registry.by_surname(name)
    context = text[max(0, at - 60) : at + len(" ".join(tokens)) + 60]
    return registry.add(name, context)


def _speaker(person: Person | None) -> Speaker | None:
    if person is None:
        return None
    return Speaker(person.name, person.actor_id, person=person)


_PREFERENCE = {"person": 0, "anonymous": 1, "role": 2, "pronoun": 3}


def subject_of(phrase: str, offset: int, registry: Registry, text: str) -> Mention | None:
    """The speaker a subject phrase names: a person first, then an unnamed source, a role, a pronoun."""
    found = mentions(phrase, offset, registry, text)
    if not found:
        return None
    return min(found, key=lambda m: (_PREFERENCE[m.kind], m.start))


def attribution_after(tail: str, offset: int, registry: Registry, text: str) -> Mention | None:
    """'…," X said' or '…," said X' right after a closing quote mark."""
    stripped = tail.lstrip(" ,.;:\u2014\u2013-")
    offset += len(tail) - len(stripped)
    verb = SPEECH_VERB.search(stripped)
    if verb is None or len(stripped[: verb.start()].split()) > 8:
        return None
    if verb.start() == 0:
        rest = re.split(r"[,;.:]", stripped[verb.end() :], maxsplit=1)[0]
        return subject_of(rest, offset + verb.end(), registry, text)
    return subject_of(stripped[: verb.start()], offset, registry, text)


def attribution_before(head: str, offset: int, registry: Registry, text: str) -> Mention | None:
    """'X said: "…"', 'X, a title, said that … "…"', 'quoted X as saying', 'according to X'."""
    special = _QUOTED_AS_SAYING.search(head) or _ACCORDING_TO.search(head)
    if special:
        found = subject_of(special.group("who"), offset + special.start("who"), registry, text)
        if found:
            return found
    # The verb of a ', who asked not to be named,' clause is not the attribution's verb.
    verb = SPEECH_VERB.search(_RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), head))
    if verb is None:
        return None
    return subject_of(head[: verb.start()], offset, registry, text)


_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]*,")
