"""What a record says of itself, in `dataset.toml` beside its tables: its title, and the two sides whose stances
it compares (the ids actors.csv's `side` column uses, the names shown, colours).

A record without the file still opens (a record being started, a dataset made before the file existed): its
title is the folder's name and its sides are the two side values its actors use most, and
`Description.defaults` names what was filled in, so the About page can say so. Problems
are located as the tables' are: ``dataset.toml:LINE:key: message``.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dashboard.data.problems import Problem, show

DESCRIPTION_FILE = "dataset.toml"
# The side value of actors who belong to neither side (observers, third countries, reporters' outlets).
NO_SIDE = "other"
TOP_KEYS = ("title", "subtitle", "description", "method", "story_title", "sides")
SIDE_KEYS = ("id", "name", "adjective", "colour")
# Two colours that differ for readers with the common colour-vision deficiencies (Okabe–Ito blue and vermilion).
DEFAULT_COLOURS = ("#0072B2", "#D55E00")
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_SIDE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]*")
_TOML_LINE = re.compile(r"\(at line (\d+)")


@dataclass(frozen=True)
class Side:
    id: str  # as actors.csv's `side` column writes it
    name: str  # as pages show it
    adjective: str  # for "the … side"; the name when not given
    colour: str  # #rgb or #rrggbb


@dataclass(frozen=True)
class Description:
    title: str
    sides: tuple[Side, Side]
    subtitle: str = ""
    description: str = ""
    method: str = ""  # how this record was made: what was read, how its actors were coded (About page)
    story_title: str = ""
    # What the record did not say and was filled in ("title", "sides"): the About page names them.
    defaults: tuple[str, ...] = ()


def default_sides(actor_sides: Iterable[str]) -> tuple[Side, Side]:
    """The two side values actors use most (ties by first use), named by their ids; a record whose actors use
    fewer gets placeholder sides "Side A" / "Side B" (ids no actor uses) in their place."""
    counts = Counter(side for side in actor_sides if side and side != NO_SIDE)
    ids = [side for side, _ in counts.most_common(2)]
    names = list(ids)
    for placeholder in ("Side A", "Side B")[len(ids) :]:
        ids.append(next(f"{placeholder} ({n})" for n in range(1, 4) if f"{placeholder} ({n})" not in counts))
        names.append(placeholder)
    first, second = (
        Side(side, name, name, colour) for side, name, colour in zip(ids, names, DEFAULT_COLOURS, strict=True)
    )
    return first, second


def default_description(folder_name: str, actor_sides: Iterable[str]) -> Description:
    """The description of a record without dataset.toml: its folder's name and the sides its actors use."""
    return Description(title=folder_name, sides=default_sides(actor_sides), defaults=("title", "sides"))


def read_description(directory: Path, actor_sides: Iterable[str] | None) -> tuple[Description | None, list[Problem]]:
    """The record's description from `directory`/dataset.toml, or the defaults without one, and its problems
    (the description is None when the file cannot be read as one). `actor_sides` is actors.csv's side column
    (None if unreadable): without the file the sides come from it, and with it each side must be one in use."""
    path = directory / DESCRIPTION_FILE
    sides_in_use = None if actor_sides is None else list(actor_sides)
    if not path.exists():
        return default_description(directory.resolve().name, sides_in_use or []), []
    try:
        text = path.read_text(encoding="utf-8")
        parsed = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(DESCRIPTION_FILE, None, None, f"cannot be read: {error}")]
    except tomllib.TOMLDecodeError as error:
        line = _TOML_LINE.search(str(error))
        return None, [Problem(DESCRIPTION_FILE, int(line[1]) if line else None, None, f"is not valid TOML: {error}")]
    lines = _KeyLines(text)
    described, problems = _checked(parsed, lines)
    if described is not None and sides_in_use is not None:
        problems += _sides_in_use(described, sides_in_use, lines)
    # Returned beside its problems when it could be read: actors.csv is checked against its sides all the same.
    return described, problems


class _KeyLines:
    """The line each key is written on (the `n`-th [[sides]] table's keys after its header), for messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def of(self, key: str, side: int | None = None) -> int | None:
        start = 0
        if side is not None:
            headers = [i for i, line in enumerate(self.lines) if re.match(r"\s*\[\[\s*sides\s*\]\]", line)]
            if side >= len(headers):
                return None
            start = headers[side]
            if key == "[[sides]]":
                return start + 1
        pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self.lines[start:], start=start + 1):
            if pattern.match(line):
                return number
        return None


def _checked(parsed: dict[str, Any], lines: _KeyLines) -> tuple[Description | None, list[Problem]]:
    problems = [
        Problem(DESCRIPTION_FILE, lines.of(key), key, "unexpected key: the codebook has no such key here")
        for key in parsed
        if key not in TOP_KEYS
    ]
    texts = {}
    for key in ("title", "subtitle", "description", "method", "story_title"):
        value = parsed.get(key, "")
        if not isinstance(value, str):
            problems.append(Problem(DESCRIPTION_FILE, lines.of(key), key, f"must be text; got {show(value)}"))
        texts[key] = value.strip() if isinstance(value, str) else ""
    if not texts["title"]:
        problems.append(Problem(DESCRIPTION_FILE, lines.of("title"), "title", "is empty but required"))
    raw_sides = parsed.get("sides", [])
    if not isinstance(raw_sides, list) or len(raw_sides) != 2 or not all(isinstance(s, dict) for s in raw_sides):
        count = len(raw_sides) if isinstance(raw_sides, list) else 0
        message = f"must be exactly two [[sides]] tables; found {count}"
        return None, problems + [Problem(DESCRIPTION_FILE, lines.of("[[sides]]", 0), "sides", message)]
    sides = [_side(raw, number, lines, problems) for number, raw in enumerate(raw_sides)]
    if sides[0].id and sides[0].id == sides[1].id:
        message = f"both sides have the id {show(sides[0].id)}"
        problems.append(Problem(DESCRIPTION_FILE, lines.of("id", 1), "id", message))
    if problems:
        return None, problems
    description = Description(
        title=texts["title"],
        sides=(sides[0], sides[1]),
        subtitle=texts["subtitle"],
        description=texts["description"],
        method=texts["method"],
        story_title=texts["story_title"],
    )
    return description, []


def _side(raw: dict[str, Any], number: int, lines: _KeyLines, problems: list[Problem]) -> Side:
    """One [[sides]] table; what is wrong with it is added to `problems`."""

    def add(key: str, message: str) -> None:
        problems.append(Problem(DESCRIPTION_FILE, lines.of(key, number), key, message))

    for key in raw:
        if key not in SIDE_KEYS:
            add(key, "unexpected key: a side has id, name, adjective and colour")
    values = {key: raw.get(key, "") for key in SIDE_KEYS}
    for key, value in values.items():
        if not isinstance(value, str):
            add(key, f"must be text; got {show(value)}")
    text = {key: value.strip() if isinstance(value, str) else "" for key, value in values.items()}
    if not _SIDE_ID.fullmatch(text["id"]) or text["id"] == NO_SIDE:
        add("id", f"must be the side's value in actors.csv (letters, digits, spaces, _ . -; not {NO_SIDE!r})")
    if not text["name"]:
        add("name", "is empty but required")
    if text["colour"] and not _COLOUR.fullmatch(text["colour"]):
        add("colour", f"must be a colour written #rgb or #rrggbb; got {show(text['colour'])}")
    return Side(
        id=text["id"],
        name=text["name"],
        adjective=text["adjective"] or text["name"],
        colour=text["colour"] or DEFAULT_COLOURS[number],
    )


def _sides_in_use(described: Description, actor_sides: list[str], lines: _KeyLines) -> list[Problem]:
    """A declared side that no actor is on; the actors' sides themselves are checked with actors.csv."""
    used = set(actor_sides)
    return [
        Problem(DESCRIPTION_FILE, lines.of("id", number), "id", f"no actor in actors.csv is on side {show(side.id)}")
        for number, side in enumerate(described.sides)
        if side.id not in used
    ]


def unknown_sides(actor_sides: Iterable[str], described: Description | None) -> list[tuple[int, str]]:
    """(position, value) of each actor side that is neither a declared side nor `other`."""
    if described is None:
        return []
    allowed = {side.id for side in described.sides} | {NO_SIDE}
    return [(at, side) for at, side in enumerate(actor_sides) if side not in allowed]
