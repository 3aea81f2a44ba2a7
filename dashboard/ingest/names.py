"""Names in wire copy: runs of capitalised words, and which of them name a person.

A name is a run of capitalised words with titles, ranks and nationalities stripped ('British Major
General Simon Porter' gives Simon Porter). Runs with words of bodies or places (Council, Times,
River…) name no person.
"""

from __future__ import annotations

import re

_NAME_TOKEN = re.compile(r"(?:[A-Z](?:[\w\u00c0-\u024f-]*[\w\u00c0-\u024f])?\.?|[A-Z]\.)(?:['\u2019]s\b)?")

# Words that precede a name as a title, rank or office; they are not part of the name.
TITLE_WORDS = frozenset(
    "president prime minister secretary secretary-general general major lieutenant colonel admiral ambassador "
    "envoy spokesman spokeswoman chief deputy assistant foreign defence defense chancellor senator sen. rep. gov. "
    "governor mr mr. mrs mrs. ms ms. dr dr. gen. king queen prince commander director chairman vice representative "
    "special adviser advisor undersecretary under-secretary premier mayor sir lord lady former acting marshal "
    "captain sergeant brigadier colonel-general lieutenant-general major-general head minister-counsellor gen lt col "
    "capt sgt adm cmdr amb rep sen gov prof".split()
)
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
    "january february march april may june july august september october november december nato".split()
)
_NOT_NAME_START = frozenset(
    "the a an in on at but and if as it this that he she they we despite after before when while ahead also "
    "meanwhile however related latest last next such his her their its our what why how where there".split()
)


def name_runs(phrase: str) -> list[tuple[int, list[str]]]:
    """Runs of capitalised tokens (with initials and 'de', 'van'…); a possessive ends a run."""
    runs: list[tuple[int, list[str]]] = []
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
                runs.append((begin, current))
            current = []
    if current:
        runs.append((begin, current))
    return runs


def person_name(tokens: list[str]) -> str | None:
    """The name in a capitalised run, without titles and nationalities; None if the run names no person."""
    tokens = [re.sub(r"['\u2019]s$", "", t) for t in tokens]
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
