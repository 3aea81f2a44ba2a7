"""Checks across tables, on the raw string tables (index = spreadsheet row).

Run after the per-table schemas, also on tables that had problems there, so
that one run reports as much as it can. Cells whose format is wrong (reported
by the schema already) are skipped here rather than reported twice, and so are
references into a table that could not be read at all.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import ID_COLUMNS, TABLE_FILES
from dashboard.data.problems import Problem, show
from dashboard.data.schema import ID_LIST, INT_RE, SLUG_RE, TABLES, explode_ids, is_in

RawTables = dict[str, pd.DataFrame]


def cross_check(raw: RawTables) -> list[Problem]:
    return [
        *dangling_references(raw),
        *positions_of_other_issues(raw, "statements"),
        *positions_of_other_issues(raw, "stances"),
        *repeated_ranks(raw),
        *story_step_gaps(raw),
    ]


def _rows(raw: RawTables, table: str, *columns: str):
    """(row number, {column: cell}) of a table that has all these columns."""
    frame = raw.get(table)
    if frame is None or not set(columns) <= set(frame.columns):
        return
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
    for table in TABLES.values():
        frame = raw.get(table.name)
        for field in table.fields:
            if field.refers_to is None or frame is None or field.name not in frame.columns:
                continue
            known = _known_ids(raw, field.refers_to)
            if known is None:
                continue
            id_column, target_file = ID_COLUMNS[field.refers_to], TABLE_FILES[field.refers_to]
            cells = frame[field.name]
            ids = cells[cells != ""]
            if field.converts_to == ID_LIST:
                ids = explode_ids(ids)  # keeps each id's spreadsheet row as its index
            # Badly formed ids were reported by the schema already.
            missing = ids[~is_in(ids, known) & ids.str.fullmatch(SLUG_RE.pattern.strip("^$"))]
            for row, missing_id in missing.items():
                message = f"unknown {id_column} {show(missing_id)}: not in {target_file}"
                problems.append(Problem(table.file_name, int(row), field.name, message))
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
