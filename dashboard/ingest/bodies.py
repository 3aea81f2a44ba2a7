"""Bodies that speak: ministries, commissions, parties and states as the subject of a saying verb.

'The X Basin Commission said in a statement', "Y's foreign ministry said": when the subject names no
person, unnamed source or role, the body is the speaker. It is the actor of --data of another kind than
person whose name's words all appear in the phrase (a place matches its adjective: "Ruritania's" and
'Ruritanian' share their stem), the one matching most words; else the body last named with that noun
('the ministry'); else a new organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.ingest.names import name_runs

# known_names keys the bodies of actors.csv by this prefix and their lower-case name, beside the people.
KNOWN_PREFIX = "org:"
# Head nouns of bodies that issue statements.
BODY_NOUNS = (
    "ministry|commission|council|committee|government|parliament|agency|office|party|movement|union|federation|"
    "association|board|authority|department|assembly|cabinet|administration|embassy|delegation|secretariat|"
    "institute|bank|fund|company|corporation|police|army|navy|court|tribunal|league|alliance|organi[sz]ation|"
    "presidency|coalition|opposition party|bureau|service|"
    # Companies named by their trade ('X Railways said in a statement').
    "railways|railroad|airlines|airways|industries|holdings"
)
# Lower-case words before a body's noun are part of its name ('the foreign ministry', "X's fisheries ministry"),
# up to a function word.
_MODIFIER = (
    r"(?!(?:the|a|an|and|or|but|of|to|in|on|at|for|with|by|from|that|this|its|their|his|her|he|she|it|they|we|"
    r"said|says|has|have|had|was|were|is|are|will|would)\b)[a-z][\w-]*"
)
_BODY = re.compile(
    r"\b(?:(?:[A-Z][\w'\u2019-]*|" + _MODIFIER + r")\s+){0,4}(?i:(?:" + BODY_NOUNS + r"))\b"
    r"(?:\s+of(?:\s+(?:the\s+)?[A-Z][\w-]*)+)?"
)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their)\s+", re.I)
# A body after a preposition is not the subject: 'in an interview with the agency', 'a statement from the ministry'.
_AFTER_PREPOSITION = re.compile(
    r"\b(?:with|to|by|from|of|for|in|at|on|about|against|between|under|towards?|told)\s+(?:(?:the|a|an|its|their)\s+)?$",
    re.I,
)
_STOP_WORDS = frozenset("the of and for a an".split())
_MIN_STEM = 4


@dataclass(frozen=True)
class Body:
    start: int  # offset in the phrase
    name: str  # as printed, without its determiner
    actor_id: str  # the known actor it matches, or ""
    kind: str = "organisation"  # of a new actor: organisation, or state for a place that speaks


def known_bodies(known: dict[str, str]) -> dict[str, str]:
    """Lower-case body name -> actor id, from known_names' mapping."""
    return {key[len(KNOWN_PREFIX) :]: actor_id for key, actor_id in known.items() if key.startswith(KNOWN_PREFIX)}


def find_bodies(phrase: str, known: dict[str, str]) -> list[Body]:
    """Bodies named in a phrase: a phrase ending in a body's noun, or a run that is a known body's name."""
    found: list[Body] = []
    for match in _BODY.finditer(phrase):
        if _AFTER_PREPOSITION.search(phrase[: match.start()]):
            continue
        name = _DETERMINER.sub("", match.group().strip())
        found.append(
            Body(match.start() + len(match.group()) - len(match.group().lstrip()), name, match_known(name, known))
        )
    taken = [(b.start, b.start + len(b.name)) for b in found]
    for run in name_runs(phrase):
        name = " ".join(run.tokens)
        if any(start <= run.start < end for start, end in taken) or re.search(r"['\u2019]s$", name):
            continue
        if _AFTER_PREPOSITION.search(phrase[: run.start]):
            continue
        actor_id = match_known(name, known)
        if actor_id and _words(name) and len(_words(name)) == len(_words(_name_of(actor_id, known))):
            found.append(Body(run.start, name, actor_id))  # 'Russia said', 'NATO said'
    return sorted(found, key=lambda b: b.start)


def match_known(name: str, known: dict[str, str]) -> str:
    """The known body all of whose name's words are in `name` (by stem), the one with most words; else ''."""
    words = _words(name)
    best, best_score = "", 0
    for known_name, actor_id in known.items():
        needed = _words(known_name)
        if needed and all(any(_same_stem(n, w) for w in words) for n in needed) and len(needed) > best_score:
            best, best_score = actor_id, len(needed)
    return best


def _name_of(actor_id: str, known: dict[str, str]) -> str:
    return next((name for name, known_id in known.items() if known_id == actor_id), "")


# One institution, two usual names: 'the foreign ministry' is the 'Ministry of Foreign Affairs' ('of' is a stop word,
# so 'the communications ministry' is already the 'Ministry of Communications').
_EQUIVALENT = (
    (re.compile(r"\bforeign affairs\b"), "foreign"),
    (re.compile(r"\b(?:internal|home) affairs\b"), "interior"),
)


def _words(name: str) -> list[str]:
    name = name.lower()
    for pattern, usual in _EQUIVALENT:
        name = pattern.sub(usual, name)
    words = [re.sub(r"['\u2019]s$", "", w.strip(".,")) for w in name.split()]
    return [w for w in words if w and w not in _STOP_WORDS]


def _same_stem(a: str, b: str) -> bool:
    """'ruritania' and 'ruritanian', 'board' and 'boards': one starts the other, four letters at least."""
    shorter, longer = sorted((a, b), key=len)
    return shorter == longer or (
        len(shorter) >= _MIN_STEM and longer.startswith(shorter) and len(longer) - len(shorter) <= 2
    )
