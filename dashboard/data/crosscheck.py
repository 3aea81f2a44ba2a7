"""Checks across tables, on the raw string tables (index = spreadsheet row).

Run after the per-table schemas, also on tables that had problems there, so
that one run reports as much as it can. Cells whose format is wrong (reported
by the schema already) are skipped here rather than reported twice, and so are
references into a table that could not be read at all.
"""

from __future__ import annotations

import pandas as pd
import pyarrow

from dashboard.data.cells import INT_RE, SLUG_RE, parse_date, split_ids
from dashboard.data.columns import ID_LIST
from dashboard.data.dataset import ID_COLUMNS, TABLE_FILES
from dashboard.data.problems import Problem, show
from dashboard.data.schema import TABLES
from dashboard.data.string_columns import as_arrow, unknown_ids

RawTables = dict[str, pd.DataFrame]


def cross_check(raw: RawTables) -> list[Problem]:
    return [
        *dangling_references(raw),
        *positions_of_other_issues(raw, "statements"),
        *positions_of_other_issues(raw, "stances"),
        *repeated_ranks(raw),
        *stance_evidence(raw),
        *commitments_ledger(raw),
        *disagreements_side_by_side(raw),
        *story_step_gaps(raw),
    ]


def _rows(raw: RawTables, table: str, *columns: str, ids: set[str] | None = None):
    """(row number, {column: cell}) of a table that has all these columns; with `ids`, only its rows of those ids."""
    frame = raw.get(table)
    if frame is None or not set(columns) <= set(frame.columns):
        return
    if ids is not None:
        # Picked out before the rows become dicts: of a million statements, a stance cites a few thousand.
        frame = frame[frame[ID_COLUMNS[table]].isin(list(ids))]
    for row_number, record in zip(frame.index, frame[list(columns)].to_dict("records"), strict=True):
        yield int(row_number), record


def _known_ids(raw: RawTables, table: str) -> pd.Series | None:
    """The id column of a table, None if the table or its id column is unreadable."""
    id_column = ID_COLUMNS[table]
    frame = raw.get(table)
    if frame is None or id_column not in frame.columns:
        return None
    return frame[id_column]


def dangling_references(raw: RawTables) -> list[Problem]:
    """Every id in a reference column must exist in the table it points into."""
    problems = []
    known_ids: dict[str, pyarrow.Array] = {}
    for table in TABLES.values():
        frame = raw.get(table.name)
        for field in table.fields:
            if field.refers_to is None or frame is None or field.name not in frame.columns:
                continue
            known = _known_ids(raw, field.refers_to)
            if known is None:
                continue
            if field.refers_to not in known_ids:
                known_ids[field.refers_to] = as_arrow(known)
            id_column, target_file = ID_COLUMNS[field.refers_to], TABLE_FILES[field.refers_to]
            # Badly formed ids were reported by the schema already.
            lists = field.converts_to == ID_LIST
            for row, missing_id in unknown_ids(frame[field.name], known_ids[field.refers_to], SLUG_RE.pattern, lists):
                message = f"unknown {id_column} {show(missing_id)}: not in {target_file}"
                problems.append(Problem(table.file_name, row, field.name, message))
    return problems


def positions_of_other_issues(raw: RawTables, table: str) -> list[Problem]:
    """A statement's or stance's position must be a position of its own issue."""
    # Positions of an unknown issue are reported in positions.csv alone.
    known_issues = _known_ids(raw, "issues")
    issues = set() if known_issues is None else set(known_issues)
    issue_of_position = {
        record["position_id"]: record["issue_id"]
        for _, record in _rows(raw, "positions", "position_id", "issue_id")
        if record["issue_id"] in issues
    }
    frame = raw.get(table)
    if frame is None or not {"issue_id", "position_id"} <= set(frame.columns):
        return []
    position_issue = frame["position_id"].map(issue_of_position)
    wrong = (frame["issue_id"] != "") & position_issue.notna() & (position_issue != frame["issue_id"])
    return [
        Problem(
            TABLE_FILES[table],
            int(row),
            "position_id",
            f"position {show(position)} belongs to issue {show(owner)}, not to {show(issue)}",
        )
        for row, position, owner, issue in zip(
            frame.index[wrong],
            frame["position_id"][wrong],
            position_issue[wrong],
            frame["issue_id"][wrong],
            strict=False,
        )
    ]


def repeated_ranks(raw: RawTables) -> list[Problem]:
    """No two positions of one issue share a rank."""
    first_with_rank: dict[tuple[str, int], tuple[int, str]] = {}
    problems = []
    for row, record in _rows(raw, "positions", "position_id", "issue_id", "rank"):
        if not INT_RE.fullmatch(record["rank"]):
            continue
        key = (record["issue_id"], int(record["rank"]))
        if key in first_with_rank:
            first_row, first_position = first_with_rank[key]
            message = (
                f"rank {key[1]} of issue {show(key[0])} is already taken by"
                f" position {show(first_position)} (row {first_row})"
            )
            problems.append(Problem(TABLE_FILES["positions"], row, "rank", message))
        else:
            first_with_rank[key] = (row, record["position_id"])
    return problems


# --- the evidence rule, the commitments ledger, the disagreements ---------------


def _by_id(raw: RawTables, table: str, *columns: str, ids: set[str] | None = None) -> dict[str, dict[str, str]]:
    """Rows of `table` as dicts by their id (all, or those of `ids`)."""
    id_column = ID_COLUMNS[table]
    return {record[id_column]: record for _, record in _rows(raw, table, id_column, *columns, ids=ids)}


def _cited(raw: RawTables, table: str, *columns: str) -> set[str]:
    """The ids a table's id-list columns name."""
    frame = raw.get(table)
    if frame is None or not set(columns) <= set(frame.columns):
        return set()
    return {cited for column in columns for cell in frame[column] for cited in split_ids(cell)}


def stance_evidence(raw: RawTables) -> list[Problem]:
    """Each statement a stance cites is by a speaker on the stance's side, is on
    the stance's issue, expresses the stance's position, and was said no later
    than the stance's as_of."""
    cited = _cited(raw, "stances", "statement_id", "also_statement_ids")
    statements = _by_id(raw, "statements", "speaker_id", "issue_id", "position_id", "said_start", ids=cited)
    side_of = {actor: record["side"] for actor, record in _by_id(raw, "actors", "side").items()}
    issue_of = {position: record["issue_id"] for position, record in _by_id(raw, "positions", "issue_id").items()}
    problems = []
    columns = ("actor_id", "issue_id", "position_id", "as_of", "statement_id", "also_statement_ids")
    for row, stance in _rows(raw, "stances", *columns):
        for column in ("statement_id", "also_statement_ids"):
            for statement_id in split_ids(stance[column]):
                statement = statements.get(statement_id)
                if statement is None:
                    continue  # reported as a dangling reference
                problems += [
                    Problem(TABLE_FILES["stances"], row, where, message)
                    for where, message in _evidence_faults(stance, column, statement_id, statement, side_of, issue_of)
                ]
    return problems


def _evidence_faults(
    stance: dict[str, str],
    column: str,
    statement_id: str,
    statement: dict[str, str],
    side_of: dict[str, str],
    issue_of: dict[str, str],
) -> list[tuple[str, str]]:
    """(column, message) for each way one cited statement fails to be evidence for the stance."""
    faults = []
    cited = show(statement_id)
    side, speaker_side = side_of.get(stance["actor_id"]), side_of.get(statement["speaker_id"])
    if side is not None and speaker_side is not None and side != speaker_side:
        message = (
            f"statement {cited} is by {show(statement['speaker_id'])}"
            f" of side {show(speaker_side)}, but the stance is for side {show(side)}"
        )
        faults.append((column, message))
    on_issue = not stance["issue_id"] or statement["issue_id"] == stance["issue_id"]
    if not on_issue:
        message = (
            f"statement {cited} is on issue {show(statement['issue_id'])},"
            f" not on the stance's issue {show(stance['issue_id'])}"
        )
        faults.append((column, message))
    # Checked only where both positions are known positions of their own issue (or the
    # statement takes none): the rest is reported once, at the cell that is wrong.
    position, expressed = stance["position_id"], statement["position_id"]
    known = issue_of.get(position) == stance["issue_id"] and (
        not expressed or issue_of.get(expressed) == statement["issue_id"]
    )
    if on_issue and known and expressed != position:
        what = show(expressed) if expressed else "no position"
        faults.append((column, f"statement {cited} expresses {what}, not the stance's position {show(position)}"))
    said, as_of = parse_date(statement["said_start"]), parse_date(stance["as_of"])
    if said is not None and as_of is not None and as_of < said:
        faults.append(("as_of", f"as_of {show(stance['as_of'])} is before statement {cited} was said ({said})"))
    return faults


def commitments_ledger(raw: RawTables) -> list[Problem]:
    """Every commitment has a status on record, and the statements it cites are
    by the actors it names."""
    problems = []
    with_status = {record["commitment_id"] for _, record in _rows(raw, "commitment_status", "commitment_id")}
    have_status_table = raw.get("commitment_status") is not None
    # A speaker that is not a known actor is reported in statements.csv alone.
    known_actors = set(_by_id(raw, "actors"))
    speaker_of = {
        s: record["speaker_id"]
        for s, record in _by_id(
            raw, "statements", "speaker_id", ids=_cited(raw, "commitments", "statement_ids")
        ).items()
        if record["speaker_id"] in known_actors
    }
    file = TABLE_FILES["commitments"]
    for row, record in _rows(raw, "commitments", "commitment_id", "actor_ids", "statement_ids"):
        if have_status_table and record["commitment_id"] not in with_status:
            message = f"commitment {show(record['commitment_id'])} has no status in commitment_status.csv"
            problems.append(Problem(file, row, "commitment_id", message))
        actors = set(split_ids(record["actor_ids"]))
        for statement_id in split_ids(record["statement_ids"]):
            speaker = speaker_of.get(statement_id)
            if speaker is not None and speaker not in actors:
                message = f"statement {show(statement_id)} is by {show(speaker)}, who is not in actor_ids"
                problems.append(Problem(file, row, "statement_ids", message))
    return problems


def disagreements_side_by_side(raw: RawTables) -> list[Problem]:
    """A disagreement has readings from at least two different sources, all
    under one topic."""
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for row, record in _rows(raw, "disagreements", "disagreement_id", "topic", "source_id"):
        groups.setdefault(record["disagreement_id"], []).append((row, record))
    file = TABLE_FILES["disagreements"]
    problems = []
    for disagreement_id, readings in groups.items():
        first_row, first = readings[0]
        if len({record["source_id"] for _, record in readings}) < 2:
            message = f"disagreement {show(disagreement_id)} needs readings from at least two different sources"
            problems.append(Problem(file, first_row, "source_id", message))
        for row, record in readings[1:]:
            if record["topic"] != first["topic"]:
                message = f"topic differs from {show(first['topic'])} (row {first_row}) of the same disagreement"
                problems.append(Problem(file, row, "topic", message))
    return problems


def story_step_gaps(raw: RawTables) -> list[Problem]:
    """Story steps are numbered 1, 2, 3, … with none left out (so ?step=N and
    Previous/Next walk every step). Badly formed or repeated numbers are the
    schema's to report."""
    numbers = sorted(
        {int(record["step"]) for _, record in _rows(raw, "story_steps", "step") if record["step"].isdigit()}
    )
    missing = sorted(set(range(1, numbers[-1] + 1)) - set(numbers)) if numbers else []
    if not missing:
        return []
    listed = ", ".join(str(number) for number in missing)
    return [
        Problem(
            TABLE_FILES["story_steps"], 1, "step", f"steps are numbered from 1 with none left out; missing: {listed}"
        )
    ]
