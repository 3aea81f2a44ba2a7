"""The event-links and story-steps tables: each rule, broken in a copy of the
minimal dataset, is reported at its file, row and column; both tables may be
left out of a data directory (they then read as empty)."""

from __future__ import annotations

from functools import partial

import pytest

from dashboard.data.load import validate_dir
from tests.data.csv_tools import append_copy, set_cell


def edit(file, row, column, value):
    return partial(set_cell, file=file, row=row, column=column, value=value)


# (id, mutation, expected "file:row:column" prefix, a word of the message)
DEFECTS = [
    (
        "link from an unknown event",
        edit("event_links.csv", 2, "from_event_id", "event_z"),
        "event_links.csv:2:from_event_id",
        "event_z",
    ),
    (
        "link to an unknown event",
        edit("event_links.csv", 2, "to_event_id", "event_z"),
        "event_links.csv:2:to_event_id",
        "event_z",
    ),
    (
        "link to itself",
        edit("event_links.csv", 2, "to_event_id", "event_a"),
        "event_links.csv:2:to_event_id",
        "same as",
    ),
    ("link kind not allowed", edit("event_links.csv", 2, "kind", "causes"), "event_links.csv:2:kind", "follows_up"),
    (
        "link without a source",
        edit("event_links.csv", 2, "source_ids", ""),
        "event_links.csv:2:source_ids",
        "at least one",
    ),
    (
        "link citing an unknown source",
        edit("event_links.csv", 2, "source_ids", "src_z"),
        "event_links.csv:2:source_ids",
        "src_z",
    ),
    ("step number not a number", edit("story_steps.csv", 3, "step", "two"), "story_steps.csv:3:step", "whole number"),
    ("step number zero", edit("story_steps.csv", 2, "step", "0"), "story_steps.csv:2:step", "at least 1"),
    ("step numbers with a gap", edit("story_steps.csv", 3, "step", "3"), "story_steps.csv:1:step", "missing: 2"),
    (
        "step of an unknown event",
        edit("story_steps.csv", 2, "event_id", "event_z"),
        "story_steps.csv:2:event_id",
        "event_z",
    ),
    (
        "step quoting an unknown statement",
        edit("story_steps.csv", 2, "statement_ids", "stmt_z"),
        "story_steps.csv:2:statement_ids",
        "stmt_z",
    ),
    ("step without text", edit("story_steps.csv", 2, "text", " "), "story_steps.csv:2:text", "empty"),
    (
        "step without a source",
        edit("story_steps.csv", 2, "source_ids", ""),
        "story_steps.csv:2:source_ids",
        "at least one",
    ),
    (
        "step with a bad gap day",
        edit("story_steps.csv", 2, "gap_day", "June 2011"),
        "story_steps.csv:2:gap_day",
        "date",
    ),
]


@pytest.mark.parametrize(("mutate", "prefix", "word"), [d[1:] for d in DEFECTS], ids=[d[0] for d in DEFECTS])
def test_defect_is_reported_at_its_cell(minimal_dir, mutate, prefix, word):
    mutate(minimal_dir)

    dataset, problems = validate_dir(minimal_dir)

    assert dataset is None
    lines = [str(p) for p in problems]
    matching = [line for line in lines if line.startswith(prefix + ": ")]
    assert matching, f"no problem at {prefix}; got {lines}"
    assert any(word in line for line in matching), matching
    assert {p.file for p in problems} == {prefix.split(":")[0]}, lines


def test_repeated_step_number_names_both_rows(minimal_dir):
    append_copy(minimal_dir, "story_steps.csv", 2)

    _, problems = validate_dir(minimal_dir)

    assert [str(p) for p in problems] == [
        "story_steps.csv:2:step: duplicate '1' (rows 2, 4)",
        "story_steps.csv:4:step: duplicate '1' (rows 2, 4)",
    ]


def test_both_tables_may_be_left_out(minimal_dir):
    (minimal_dir / "event_links.csv").unlink()
    (minimal_dir / "story_steps.csv").unlink()

    dataset, problems = validate_dir(minimal_dir)

    assert problems == []
    assert dataset.event_links.empty and list(dataset.event_links.columns)[:3] == [
        "link_id",
        "from_event_id",
        "to_event_id",
    ]
    assert dataset.story_steps.empty and dataset.story_steps["step"].dtype == "int64"


def test_minimal_tables_load_typed(minimal_dir):
    dataset, problems = validate_dir(minimal_dir)

    assert problems == []
    assert list(dataset.story_steps["step"]) == [1, 2]
    assert dataset.story_steps["statement_ids"].iloc[0] == ("stmt_a",)
    assert dataset.event_links["kind"].tolist() == ["deadline_for"]
