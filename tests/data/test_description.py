"""dataset.toml: the record's title and its two sides, checked with the tables, filled in when left out, and
keyed into the snapshot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.data.description import DEFAULT_COLOURS, DESCRIPTION_FILE, SIDE_KEYS, TOP_KEYS
from dashboard.data.load import validate_dir
from dashboard.data.snapshot import read_snapshot, snapshot_key, write_snapshot
from dashboard.paths import BUNDLED_DATA
from tests.data.csv_tools import set_cell

GOOD = """\
title = "Water talks between Avalon and Brigadoon"
subtitle = "A fictional record"
description = "Invented, for tests."
story_title = "How the talks went"

[[sides]]
id = "NATO"
name = "Avalon"
adjective = "Avalonian"
colour = "#123456"

[[sides]]
id = "Russia"
name = "Brigadoon"
"""


def described(directory: Path, text: str) -> list[str]:
    (directory / DESCRIPTION_FILE).write_text(text, encoding="utf-8")
    _, problems = validate_dir(directory)
    return [str(problem) for problem in problems]


def test_the_bundled_record_describes_itself():
    dataset, problems = validate_dir(BUNDLED_DATA)
    assert problems == [] and dataset is not None
    about = dataset.about
    assert about.title == "NATO–Russia missile defence talks, 2009–2012" and about.defaults == ()
    assert [(side.id, side.name, side.adjective) for side in about.sides] == [
        ("NATO", "NATO", "NATO"),
        ("Russia", "Russia", "Russian"),
    ]


def test_a_described_record_has_its_names_and_defaults_for_what_it_leaves_out(minimal_dir):
    assert described(minimal_dir, GOOD) == []
    dataset, _ = validate_dir(minimal_dir)
    assert dataset is not None
    about = dataset.about
    assert (about.title, about.subtitle, about.story_title) == (
        "Water talks between Avalon and Brigadoon",
        "A fictional record",
        "How the talks went",
    )
    first, second = about.sides
    assert (first.name, first.adjective, first.colour) == ("Avalon", "Avalonian", "#123456")
    # No adjective: the name; no colour: the second of the default pair.
    assert (second.name, second.adjective, second.colour) == ("Brigadoon", "Brigadoon", DEFAULT_COLOURS[1])


def test_without_the_file_the_folder_names_the_record_and_its_actors_name_the_sides(minimal_dir):
    dataset, problems = validate_dir(minimal_dir)
    assert problems == [] and dataset is not None
    about = dataset.about
    assert about.title == minimal_dir.name and about.defaults == ("title", "sides")
    assert [side.id for side in about.sides] == ["NATO", "Russia"]


def test_a_record_with_actors_on_one_side_gets_a_placeholder_for_the_other(minimal_dir):
    set_cell(minimal_dir, "actors.csv", 3, "side", "other")  # actor_b leaves the Russian side
    dataset, problems = validate_dir(minimal_dir)
    assert problems == [] and dataset is not None
    assert [side.name for side in dataset.about.sides] == ["NATO", "Side B"]
    assert dataset.about.sides[1].id not in set(dataset.actors["side"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD + "colour = 'blue'\n", "dataset.toml:15:colour: must be a colour written #rgb or #rrggbb; got 'blue'"),
        (GOOD.replace('title = "Water', 'titel = "Water'), "dataset.toml:1:titel: unexpected key"),
        (
            GOOD.replace('title = "Water talks between Avalon and Brigadoon"', 'title = ""'),
            "dataset.toml:1:title: is empty",
        ),
        (GOOD + 'motto = "x"\n', "dataset.toml:15:motto: unexpected key: a side has id, name, adjective and colour"),
        (
            GOOD.split('[[sides]]\nid = "Russia"')[0],
            "dataset.toml:6:sides: must be exactly two [[sides]] tables; found 1",
        ),
        (GOOD.replace('id = "Russia"', 'id = "NATO"'), "dataset.toml:13:id: both sides have the id 'NATO'"),
        (GOOD.replace('id = "Russia"', 'id = "other"'), "dataset.toml:13:id: must be the side's value in actors.csv"),
        (GOOD.replace('name = "Brigadoon"', 'name = ""'), "dataset.toml:14:name: is empty but required"),
        (GOOD.replace('id = "Russia"', 'id = "Lyonesse"'), "dataset.toml:13:id: no actor in actors.csv is on side"),
        (
            GOOD.replace('subtitle = "A fictional record"', "subtitle = 3"),
            "dataset.toml:2:subtitle: must be text; got '3'",
        ),
        (GOOD.replace('title = "Water', "title = Water"), "dataset.toml:1:: is not valid TOML"),
    ],
)
def test_a_bad_description_is_reported_at_its_line_and_key(minimal_dir, text, expected):
    problems = described(minimal_dir, text)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_an_actor_on_a_side_not_declared_is_reported_at_its_cell(minimal_dir):
    set_cell(minimal_dir, "actors.csv", 2, "side", "Atlantis")
    problems = described(minimal_dir, GOOD)
    assert "actors.csv:2:side: must be a side of dataset.toml (NATO, Russia) or other; got 'Atlantis'" in problems


def test_the_description_keys_the_snapshot_and_comes_back_with_it(minimal_dir, tmp_path):
    root = tmp_path / "snapshots"
    without = snapshot_key(minimal_dir)
    (minimal_dir / DESCRIPTION_FILE).write_text(GOOD, encoding="utf-8")
    with_file = snapshot_key(minimal_dir)
    (minimal_dir / DESCRIPTION_FILE).write_text(GOOD.replace("Avalon", "Lyonesse"), encoding="utf-8")
    assert len({without, with_file, snapshot_key(minimal_dir)}) == 3
    dataset, _ = validate_dir(minimal_dir)
    assert dataset is not None and write_snapshot(minimal_dir, dataset, root) is not None
    restored = read_snapshot(minimal_dir, root)
    assert restored is not None and restored.about == dataset.about
    assert restored.about.sides[0].name == "Lyonesse"


def test_the_codebook_documents_every_key():
    codebook = (BUNDLED_DATA / "README.md").read_text(encoding="utf-8")
    section = codebook[codebook.index("## dataset.toml") :]
    for key in TOP_KEYS + SIDE_KEYS:
        assert re.search(rf"`{key}`", section), key
