"""The event-links and story-steps tables: a repeated step number names both rows, and both tables may be
left out of a data directory (they then read as empty). Each rule broken in one cell is in
tests/data/test_defects.py's DEFECTS table."""

from __future__ import annotations

from dashboard.data.load import validate_dir
from tests.data.csv_tools import append_copy


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
