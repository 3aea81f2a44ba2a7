"""Each kind of defect, made in a copy of the minimal valid dataset, is
reported at its file, row and column, and only there."""

from __future__ import annotations

from functools import partial

import pytest

from dashboard.data.load import load_dataset, validate_dir
from tests.data.csv_tools import add_column, append_copy, drop_column, read_rows, set_cell, write_rows


def swap_columns(directory, file, first, second):
    rows = read_rows(directory / file)
    i, j = rows[0].index(first), rows[0].index(second)
    for row in rows:
        row[i], row[j] = row[j], row[i]
    write_rows(directory / file, rows)


def edit(file, row, column, value):
    return partial(set_cell, file=file, row=row, column=column, value=value)


def commitment_without_status(directory):
    append_copy(directory, "commitments.csv", 2)
    set_cell(directory, "commitments.csv", 3, "commitment_id", "commit_b")


def also_cites_another_position(directory):
    # stmt_b, now by stance_a's own actor, is on stance_a's issue but takes the other position.
    set_cell(directory, "statements.csv", 3, "speaker_id", "actor_a")
    set_cell(directory, "stances.csv", 2, "also_statement_ids", "stmt_b")


# (id, mutation of the data directory, expected "file:row:column" prefix, a word of the message)
DEFECTS = [
    ("missing column", partial(drop_column, file="events.csv", column="place"), "events.csv:1:place", "missing"),
    (
        "extra column",
        partial(add_column, file="positions.csv", column="colour"),
        "positions.csv:1:colour",
        "unexpected",
    ),
    (
        "columns out of order",
        partial(swap_columns, file="issues.csv", first="title", second="kind"),
        "issues.csv:1:title",
        "order",
    ),
    ("impossible date", edit("events.csv", 2, "start_date", "2011-02-30"), "events.csv:2:start_date", "date"),
    ("slashed date", edit("events.csv", 3, "end_date", "2011/03/31"), "events.csv:3:end_date", "date"),
    ("text for a date", edit("sources.csv", 2, "published", "January 2011"), "sources.csv:2:published", "date"),
    ("week date", edit("stances.csv", 2, "as_of", "2011-W01-1"), "stances.csv:2:as_of", "date"),
    ("required date empty", edit("phases.csv", 2, "end_date", ""), "phases.csv:2:end_date", "empty"),
    ("event ends before start", edit("events.csv", 2, "end_date", "2011-01-02"), "events.csv:2:end_date", "before"),
    (
        "statement ends before start",
        edit("statements.csv", 3, "said_end", "2011-01-02"),
        "statements.csv:3:said_end",
        "before",
    ),
    (
        "role ends before start",
        edit("actor_roles.csv", 2, "end_date", "2009-12-31"),
        "actor_roles.csv:2:end_date",
        "before",
    ),
    ("phase ends before start", edit("phases.csv", 2, "end_date", "2010-12-31"), "phases.csv:2:end_date", "before"),
    ("dangling speaker", edit("statements.csv", 3, "speaker_id", "actor_z"), "statements.csv:3:speaker_id", "actor_z"),
    (
        "dangling participant",
        edit("events.csv", 2, "participant_ids", "actor_a;actor_z"),
        "events.csv:2:participant_ids",
        "actor_z",
    ),
    ("dangling source", edit("actors.csv", 4, "source_ids", "src_z"), "actors.csv:4:source_ids", "src_z"),
    ("dangling via", edit("statements.csv", 3, "via", "actor_z"), "statements.csv:3:via", "actor_z"),
    ("dangling event", edit("statements.csv", 2, "event_id", "event_z"), "statements.csv:2:event_id", "event_z"),
    ("dangling statement", edit("stances.csv", 2, "statement_id", "stmt_z"), "stances.csv:2:statement_id", "stmt_z"),
    ("dangling issue", edit("positions.csv", 4, "issue_id", "issue_z"), "positions.csv:4:issue_id", "issue_z"),
    ("dangling role actor", edit("actor_roles.csv", 3, "actor_id", "actor_z"), "actor_roles.csv:3:actor_id", "actor_z"),
    ("duplicate id", partial(append_copy, file="actors.csv", row=2), "actors.csv:5:actor_id", "duplicate"),
    ("id with capitals", edit("phases.csv", 2, "phase_id", "Phase_A"), "phases.csv:2:phase_id", "id"),
    ("id list with space", edit("events.csv", 2, "issue_ids", "issue_a; issue_b"), "events.csv:2:issue_ids", ";"),
    ("id listed twice", edit("events.csv", 2, "issue_ids", "issue_a;issue_a"), "events.csv:2:issue_ids", "twice"),
    (
        "statement position of another issue",
        edit("statements.csv", 2, "position_id", "pos_b1"),
        "statements.csv:2:position_id",
        "issue_b",
    ),
    (
        "stance position of another issue",
        edit("stances.csv", 3, "position_id", "pos_a1"),
        "stances.csv:3:position_id",
        "issue_a",
    ),
    ("rank repeated within an issue", edit("positions.csv", 3, "rank", "1"), "positions.csv:3:rank", "rank 1"),
    ("rank zero", edit("positions.csv", 2, "rank", "0"), "positions.csv:2:rank", "at least 1"),
    ("sort order not a number", edit("issues.csv", 2, "sort_order", "first"), "issues.csv:2:sort_order", "whole"),
    ("javascript url", edit("sources.csv", 2, "url", "javascript:alert(1)"), "sources.csv:2:url", "http"),
    ("data url", edit("sources.csv", 2, "url", "data:text/html,hello"), "sources.csv:2:url", "http"),
    ("ftp url", edit("sources.csv", 2, "url", "ftp://example.org/a"), "sources.csv:2:url", "http"),
    ("relative url", edit("sources.csv", 3, "url", "/news/a.html"), "sources.csv:3:url", "http"),
    ("url without host", edit("sources.csv", 3, "url", "https://"), "sources.csv:3:url", "http"),
    (
        "direct quote with empty text",
        edit("statements.csv", 2, "quote", ""),
        "statements.csv:2:quote",
        "is_direct_quote",
    ),
    (
        "neither quote nor paraphrase",
        edit("statements.csv", 3, "paraphrase", ""),
        "statements.csv:3:paraphrase",
        "quote",
    ),
    ("event without a source", edit("events.csv", 2, "source_ids", ""), "events.csv:2:source_ids", "at least one"),
    (
        "statement without a source",
        edit("statements.csv", 3, "source_ids", ""),
        "statements.csv:3:source_ids",
        "at least one",
    ),
    ("stance without a source", edit("stances.csv", 2, "source_ids", ""), "stances.csv:2:source_ids", "at least one"),
    ("actor without a source", edit("actors.csv", 2, "source_ids", ""), "actors.csv:2:source_ids", "at least one"),
    (
        "role without a source",
        edit("actor_roles.csv", 3, "source_ids", ""),
        "actor_roles.csv:3:source_ids",
        "at least one",
    ),
    ("phase without a source", edit("phases.csv", 2, "source_ids", ""), "phases.csv:2:source_ids", "at least one"),
    ("value not allowed", edit("events.csv", 2, "status", "cancelled"), "events.csv:2:status", "held"),
    # Affiliations are the record's own (free text); sides are the two its dataset.toml declares, or "other".
    ("affiliation empty", edit("actors.csv", 2, "affiliation", " "), "actors.csv:2:affiliation", "required"),
    ("a third side", edit("actors.csv", 4, "side", "Iran"), "actors.csv:4:side", "must be a side of"),
    ("bool spelled True", edit("actors.csv", 2, "anonymous", "True"), "actors.csv:2:anonymous", "true or false"),
    ("latitude out of range", edit("events.csv", 2, "latitude", "91"), "events.csv:2:latitude", "-90"),
    ("longitude not a number", edit("events.csv", 2, "longitude", "4,25"), "events.csv:2:longitude", "number"),
    ("latitude without longitude", edit("events.csv", 2, "longitude", ""), "events.csv:2:longitude", "latitude"),
    ("longitude without latitude", edit("events.csv", 2, "latitude", ""), "events.csv:2:latitude", "longitude"),
    ("empty title", edit("events.csv", 3, "title", "  "), "events.csv:3:title", "empty"),
    ("empty name", edit("actors.csv", 3, "name", ""), "actors.csv:3:name", "empty"),
    (
        "seed file with a folder",
        edit("sources.csv", 2, "seed_file", "../secret.txt"),
        "sources.csv:2:seed_file",
        "file name",
    ),
    # The evidence rule, the commitments ledger and the disagreements.
    ("stance citing no statement", edit("stances.csv", 2, "statement_id", ""), "stances.csv:2:statement_id", "empty"),
    (
        "stance citing the other side's statement",
        edit("stances.csv", 2, "also_statement_ids", "stmt_b"),
        "stances.csv:2:also_statement_ids",
        "side",
    ),
    (
        "stance citing a statement on another issue",
        edit("stances.csv", 3, "also_statement_ids", "stmt_b"),
        "stances.csv:3:also_statement_ids",
        "issue",
    ),
    (
        "stance citing a statement with no position",
        edit("statements.csv", 2, "position_id", ""),
        "stances.csv:2:statement_id",
        "no position",
    ),
    (
        "stance citing a statement of another position",
        edit("stances.csv", 2, "position_id", "pos_a1"),
        "stances.csv:2:statement_id",
        "'pos_a2', not the stance's position 'pos_a1'",
    ),
    (
        "stance also citing a statement of another position",
        also_cites_another_position,
        "stances.csv:2:also_statement_ids",
        "'pos_a1', not the stance's position 'pos_a2'",
    ),
    (
        "stance dated before its evidence",
        edit("stances.csv", 2, "as_of", "2011-01-03"),
        "stances.csv:2:as_of",
        "before",
    ),
    ("dangling split", edit("issues.csv", 2, "split_id", "issue_z"), "issues.csv:2:split_id", "issue_z"),
    ("commitment without a status", commitment_without_status, "commitments.csv:3:commitment_id", "no status"),
    (
        "commitment citing another actor's statement",
        edit("commitments.csv", 2, "statement_ids", "stmt_b"),
        "commitments.csv:2:statement_ids",
        "not in actor_ids",
    ),
    (
        "commitment citing no statement",
        edit("commitments.csv", 2, "statement_ids", ""),
        "commitments.csv:2:statement_ids",
        "at least one",
    ),
    (
        "status reported before it holds",
        edit("commitment_status.csv", 2, "reported_date", "2011-01-03"),
        "commitment_status.csv:2:reported_date",
        "before",
    ),
    (
        "status change without a source",
        edit("commitment_status.csv", 3, "source_ids", ""),
        "commitment_status.csv:3:source_ids",
        "at least one",
    ),
    (
        "status not allowed",
        edit("commitment_status.csv", 2, "status", "broken"),
        "commitment_status.csv:2:status",
        "pending",
    ),
    (
        "disagreement with one source",
        edit("disagreements.csv", 3, "source_id", "src_a"),
        "disagreements.csv:2:source_id",
        "two different sources",
    ),
    (
        "disagreement readings under two topics",
        edit("disagreements.csv", 3, "topic", "Another toll"),
        "disagreements.csv:3:topic",
        "topic differs",
    ),
    (
        "disagreement touching no row",
        edit("disagreements.csv", 2, "event_ids", ""),
        "disagreements.csv:2:statement_ids",
        "give one",
    ),
    # event links and story steps
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
    # The defect is reported in its own file only, with no cascade elsewhere.
    assert {p.file for p in problems} == {prefix.split(":")[0]}, lines


def test_duplicate_id_names_both_rows(minimal_dir):
    append_copy(minimal_dir, "actors.csv", 2)

    _, problems = validate_dir(minimal_dir)

    assert [str(p) for p in problems] == [
        "actors.csv:2:actor_id: duplicate 'actor_a' (rows 2, 5)",
        "actors.csv:5:actor_id: duplicate 'actor_a' (rows 2, 5)",
    ]


def test_end_before_start_message(minimal_dir):
    set_cell(minimal_dir, "events.csv", 2, "end_date", "2011-01-02")

    _, problems = validate_dir(minimal_dir)

    assert [str(p) for p in problems] == ["events.csv:2:end_date: '2011-01-02' is before start_date '2011-01-03'"]


def test_evidence_without_a_position_message(minimal_dir):
    set_cell(minimal_dir, "statements.csv", 4, "position_id", "")

    _, problems = validate_dir(minimal_dir)

    assert [str(p) for p in problems] == [
        "stances.csv:3:statement_id: statement 'stmt_c' expresses no position, not the stance's position 'pos_b1'"
    ]


def test_a_stance_position_of_another_issue_is_reported_once(minimal_dir):
    set_cell(minimal_dir, "stances.csv", 3, "position_id", "pos_a1")

    _, problems = validate_dir(minimal_dir)

    assert [f"{p.file}:{p.row}:{p.column}" for p in problems] == ["stances.csv:3:position_id"]


def test_every_problem_in_a_table_is_reported_at_once(minimal_dir):
    set_cell(minimal_dir, "events.csv", 2, "start_date", "2011-13-01")
    set_cell(minimal_dir, "events.csv", 3, "kind", "party")
    set_cell(minimal_dir, "statements.csv", 3, "speaker_id", "nobody")

    _, problems = validate_dir(minimal_dir)

    assert [f"{p.file}:{p.row}:{p.column}" for p in problems] == [
        "events.csv:2:start_date",
        "events.csv:3:kind",
        "statements.csv:3:speaker_id",
    ]


def test_load_dataset_raises_with_the_problems(minimal_dir):
    from dashboard.data.load import DataValidationError

    set_cell(minimal_dir, "events.csv", 2, "status", "cancelled")

    with pytest.raises(DataValidationError) as raised:
        load_dataset(minimal_dir)

    assert [str(p)[:21] for p in raised.value.problems] == ["events.csv:2:status: "]
    assert "events.csv:2:status:" in str(raised.value)
