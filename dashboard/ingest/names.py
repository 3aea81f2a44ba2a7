"""Names in wire copy: runs of capitalised words, and which of them name a person.

A name is a run of capitalised words with titles, ranks and nationalities stripped ('British Major
General Simon Porter' gives Simon Porter). Runs with words of bodies or places (Council, Times,
River…) name no person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME_TOKEN = re.compile(r"(?:[A-Z](?:[\w\u00c0-\u024f-]*[\w\u00c0-\u024f])?\.?|[A-Z]\.)(?:['\u2019]s\b)?")

# Words that precede a name as a title, rank or office; they are not part of the name.
TITLE_WORDS = frozenset(
    "president prime minister secretary secretary-general general major lieutenant colonel admiral ambassador "
    "envoy spokesman spokeswoman chief deputy assistant foreign defence defense chancellor senator sen. rep. gov. "
    "governor mr mr. mrs mrs. ms ms. dr dr. gen. king queen prince commander director chairman vice representative "
    "special adviser advisor undersecretary under-secretary premier mayor sir lord lady former acting marshal "
    "captain sergeant brigadier colonel-general lieutenant-general major-general head minister-counsellor gen lt col "
    "capt sgt adm cmdr amb rep sen gov prof professor negotiator chairwoman chairperson chair commissioner "
    "spokesperson mediator speaker leader justice".split()
)
# Title words that are also common surnames: inside a run they do not end what came before ('Martin Luther King').
_SURNAME_TITLES = frozenset("king major marshal prince queen lord lady".split())
# Nationalities and bodies written before a name ('British Major General', 'NATO spokesman').
DEMONYMS = frozenset(
    "american british russian french german polish czech ukrainian georgian iranian chinese japanese italian "
    "spanish turkish dutch belgian danish norwegian swedish finnish estonian latvian lithuanian romanian bulgarian "
    "hungarian canadian australian israeli syrian iraqi afghan pakistani indian korean european western eastern "
    "soviet kremlin allied alliance u.s. us uk eu un".split()
)
# A capitalised run with one of these words is a body, place or thing, not a person.
NOT_PERSON_WORDS = frozenset(
    "council summit alliance agency times news ministry treaty organization organisation war house union states "
    "nations forum online airport republic kingdom parliament duma congress senate committee commission office "
    "department pentagon kremlin government party group affairs policy security staff academy institute "
    "university center centre bank fund post journal press telegraph street square castle palace sea ocean europe "
    "asia africa america stories headlines update monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december nato "
    # Places and works: 'the X River', 'Port X', 'the X Basin Commission', 'the X Herald'.
    "river lake dam basin bay valley mountain mountains pass island islands port harbour harbor canal delta reservoir "
    "gulf strait coast province region county city district station road avenue tower hotel stadium museum "
    "cathedral hospital school court tribunal board authority movement campaign programme program television "
    "radio network channel company corporation federation association front army navy command police service "
    "foundation society league club assembly cabinet administration embassy consulate mission delegation "
    "secretariat conference accord agreement plan project initiative protocol convention charter herald courier "
    "gazette tribune chronicle observer globe broadcasting railways railroad airlines airways industries "
    "holdings".split()
)
# A capitalised run followed by one of these lower-case nouns names that thing: 'the Blue Coast party',
# 'the Green Tide movement', 'the Morning Watch programme', 'the Obama administration'.
THING_NOUNS = frozenset(
    "party movement campaign committee commission programme program show agency ministry government plan project "
    "scheme dam river lake reservoir company group council union federation association coalition alliance bloc "
    "faction front institute network newspaper paper daily channel radio television station region province "
    "basin delta office department court board treaty talks summit deal accord agreement act law bill initiative "
    "forum conference process format compromise administration camp side team family".split()
)
_NOT_NAME_START = frozenset(
    "the a an in on at but and if as it this that he she they we despite after before when while ahead also "
    "meanwhile however related latest last next such his her their its our what why how where there".split()
)


@dataclass(frozen=True)
class Run:
    start: int  # offset of the first token in the phrase
    tokens: list[str]
    after: str = ""  # the lower-case word right after the run, when no punctuation ends it


def name_runs(phrase: str) -> list[Run]:
    """Runs of capitalised tokens (with initials and 'de', 'van'…); a possessive ends a run."""
    runs: list[Run] = []
    current: list[str] = []
    begin = 0
    for match in re.finditer(r"\S+", phrase):
        token = match.group().strip(',;:()"\u201c\u201d\u2018')
        token = token[:-1] if token.endswith(".") and len(token) > 2 and token[-2].islower() else token
        is_name = bool(_NAME_TOKEN.fullmatch(token)) or (bool(current) and token in ("de", "van", "von", "bin"))
        if is_name and not current:
            begin = match.start()
        if is_name:
            current.append(token)
        if not is_name or re.search(r"['\u2019]s$|[,;:)]$", match.group()):
            if current:
                runs.append(Run(begin, current, "" if is_name else match.group().lower()))
            current = []
    if current:
        runs.append(Run(begin, current))
    return runs


def person_name(tokens: list[str], after: str = "") -> str | None:
    """The name in a capitalised run, without titles and nationalities; None if the run names no person."""
    if after in THING_NOUNS:
        return None
    tokens = [re.sub(r"['\u2019]s$", "", t) for t in tokens]
    # A title inside the run ends what came before it: 'North Sea Council Secretary-General Anna Holt'.
    titles = [i for i, t in enumerate(tokens[:-1]) if t.lower() in TITLE_WORDS and t.lower() not in _SURNAME_TITLES]
    tokens = tokens[titles[-1] + 1 :] if titles else tokens
    while tokens and (tokens[0].lower() in TITLE_WORDS or tokens[0].lower() in DEMONYMS or _is_acronym(tokens[0])):
        tokens = tokens[1:]
    if not tokens or tokens[0].lower() in _NOT_NAME_START:
        return None
    if any(t.lower().strip(".") in NOT_PERSON_WORDS or _is_acronym(t) for t in tokens):
        return None
    return " ".join(tokens)


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "").replace("-", "")
    return len(letters) >= 2 and letters.isupper()


# Capitalised words that open a subject without naming anyone ('Many said', 'Both said').
_NOT_SURNAMES = frozenset(
    "all both many most some several few others everyone everybody nobody none neither either each one two three "
    "officials critics residents protesters witnesses analysts experts observers lawmakers voters police".split()
)
_LEADING_WORDS = re.compile(
    r"^(?:(?:but|and|yet|so|later|earlier|meanwhile|however|instead|separately|also|then|still)\b[\s,]*)+", re.I
)
_LONE_WORD = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?(?P<word>[A-Z][a-z\u00c0-\u024f]+(?:[-'\u2019][A-Z][a-z\u00c0-\u024f]+)?)"
)


def lone_surname(phrase: str) -> str | None:
    """The one capitalised word a subject phrase is, perhaps with an honorific or an aside after a comma:
    'Brennan', 'Ms Brennan', 'Brennan, interviewed on state television last Sunday,', 'Speaking on Monday, Brennan'."""
    parts = [
        _LEADING_WORDS.sub("", p.strip(" \t\n;:\"'\u201c\u201d\u2018\u2019\u2014\u2013-")) for p in phrase.split(",")
    ]
    parts = [p for p in parts if p]
    for part in (parts[-1:] + parts[:1]) if parts else []:
        match = _LONE_WORD.fullmatch(part)
        word = match.group("word") if match else ""
        if word and not {word.lower()} & (_NOT_SURNAMES | TITLE_WORDS | DEMONYMS | NOT_PERSON_WORDS | _NOT_NAME_START):
            return word
    return None


def could_be_surname(word: str, text: str) -> bool:
    """Whether a lone capitalised word may be a person's surname: not a word the article also writes in lower case
    ('Farmers' / 'farmers'), and not a place ('in X', "X's government", or an adjective of it like 'Xian')."""
    if re.search(rf"\b{re.escape(word.lower())}\b", text):
        return False
    return not looks_like_place(word, text)


_PLACE_BEFORE = (
    r"\b(?:in|into|across|throughout|near|inside|outside|(?:Republic|Kingdom|State|Federation|Principality|"
    r"Emirate|Sultanate|Commonwealth|Union|Duchy) of(?: the)?)\s+"
)
_OF_A_PLACE = (
    r"['\u2019]s\s+(?:government|parliament|capital|president|prime|foreign|economy|army|border|people|delegation|"
    r"territory|side|state|ministry|leaders?|officials|negotiators?|farmers|cabinet)\b"
)


def looks_like_place(word: str, text: str) -> bool:
    """A place: after 'in', 'into', 'across', 'Republic of'…; before "'s government"; or with an adjective in the
    article that shares its stem ('Valoria' / 'Valorian', 'Norland' / 'Norlandic')."""
    name = re.escape(word)
    if re.search(_PLACE_BEFORE + name + r"\b", text) or re.search(r"\b" + name + _OF_A_PLACE, text):
        return True
    stem = word[:-1] if len(word) > _MIN_PLACE_STEM else word
    for other in set(re.findall(r"\b" + re.escape(stem) + r"[a-z]{0,4}\b", text)):
        if other != word and re.search(r"(?:n|ic|ish|ese|i)$", other):
            return True
    return False


_MIN_PLACE_STEM = 4


def full_name(surname: str, text: str) -> str | None:
    """A fuller form of a surname elsewhere in the article ('Brennan' -> 'Aoife Brennan'), if any."""
    for match in re.finditer(r"((?:[A-Z][\w'\u2019.-]*[ \t]+){1,3})" + re.escape(surname) + r"\b(?!['\u2019]s)", text):
        tokens = match.group().split()
        # The longest run of tokens before the surname that names a person: 'Monday. Sean Okafor' -> 'Sean Okafor'.
        for start in range(len(tokens) - 1):
            name = person_name(tokens[start:])
            if name and len(name.split()) >= 2 and name.split()[-1] == surname:
                return name
    return None
