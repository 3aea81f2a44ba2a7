"""One pandera schema per table, written from the codebook (data/README.md).

The schemas check the RAW tables: every cell is the string the CSV holds
("" when empty), and the frame's index is the spreadsheet row number (header =
row 1, first data row = row 2), so that every failure pandera reports can be
turned into a :class:`Problem` pointing at a row and a column.

Each column is declared once, as a :class:`Field` built by a small helper per
kind of column (``id_field``, ``ref``, ``id_list``, ``date``, ...). The same
declaration gives the pandera column, the conversion to the typed frame of
``dataset.py`` and the cross-table references checked in ``crosscheck.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Literal, cast
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc

from dashboard.data.cells import parse_date
from dashboard.data.dataset import TABLE_FILES
from dashboard.data.problems import Problem, show

# --- what a valid cell looks like -------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9_-]+$")
INT_RE = re.compile(r"^-?\d+$")
DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
BARE_FILE_NAME_RE = re.compile(r"^[^/\\]+$")


def split_ids(text: str) -> list[str]:
    """The ids of a ``;``-separated id-list cell ([] when empty)."""
    return text.split(";") if text else []


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.fullmatch(text))


def is_id_list(text: str) -> bool:
    return all(is_slug(part) for part in split_ids(text))


def has_no_repeats(text: str) -> bool:
    ids = split_ids(text)
    return len(ids) == len(set(ids))


def is_http_url(text: str) -> bool:
    """An absolute http(s) address; rejects javascript:, data:, ftp:, relative."""
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. a broken IPv6 host "http://[x"
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def is_number_in(low: float, high: float) -> Callable[[str], bool]:
    def test(text: str) -> bool:
        if not DECIMAL_RE.fullmatch(text):
            return False
        value = float(text)
        return math.isfinite(value) and low <= value <= high

    return test


def is_int_at_least(minimum: int | None) -> Callable[[str], bool]:
    def test(text: str) -> bool:
        return bool(INT_RE.fullmatch(text)) and (minimum is None or int(text) >= minimum)

    return test


# --- column declarations -----------------------------------------------------

# The message of the check every required column has; its problems show no value.
REQUIRED_ERROR = "is empty but required"

# How a column is converted for the typed Dataset (see dataset.py).
ConvertsTo = Literal["str", "date", "id_list", "bool", "int", "float"]
STR: Final = "str"
DATE: Final = "date"
ID_LIST: Final = "id_list"
BOOL: Final = "bool"
INT: Final = "int"
FLOAT: Final = "float"


@dataclass(frozen=True)
class Field:
    name: str
    converts_to: ConvertsTo
    checks: tuple[pa.Check, ...]
    unique: bool = False
    # The table an id (or id list) points into, checked in crosscheck.py.
    refers_to: str | None = None

    def column(self) -> pa.Column:
        return pa.Column(str, checks=list(self.checks), unique=self.unique, nullable=False)


def _required(error: str = REQUIRED_ERROR) -> pa.Check:
    # Whitespace alone counts as empty.
    return pa.Check(lambda s: s.str.strip() != "", name="required", error=error)


def _cell_check(test: Callable[[str], bool], error: str) -> pa.Check:
    """A check of each non-empty cell; emptiness is the `required` check's job.

    Run once per distinct value: dates, kinds and id lists repeat a lot, and a
    Python test per cell of 100,000 rows is what made validation slow."""

    def passes(cells: pd.Series) -> pd.Series:
        # NumPy object arrays: iterating Arrow-backed strings in Python is slow.
        codes, distinct = pd.factorize(cells.to_numpy(dtype=object))
        verdicts = np.fromiter((value == "" or test(value) for value in distinct), dtype=bool, count=len(distinct))
        return pd.Series(verdicts[codes], index=cells.index)

    return pa.Check(passes, name=error, error=error)


def _field(name: str, converts_to: ConvertsTo, checks: list[pa.Check], required: bool, **kwargs) -> Field:
    all_checks = ((_required(),) if required else ()) + tuple(checks)
    return Field(name, converts_to, all_checks, **kwargs)


SLUG_ERROR = "must be an id of a-z, 0-9, _ and - only"


def id_field(name: str) -> Field:
    """The table's own id: required, a slug, unique."""
    return _field(name, STR, [_cell_check(is_slug, SLUG_ERROR)], True, unique=True)


def ref(name: str, table: str, required: bool = True) -> Field:
    """One id of a row in `table`."""
    return _field(name, STR, [_cell_check(is_slug, SLUG_ERROR)], required, refers_to=table)


def id_list(name: str, table: str, at_least_one: bool = False) -> Field:
    """``;``-separated ids of rows in `table`."""
    checks = [
        _cell_check(is_id_list, "must be ids of a-z, 0-9, _ and - separated by ; with no spaces"),
        _cell_check(has_no_repeats, "names the same id twice"),
    ]
    if at_least_one:
        checks.insert(0, _required(f"is empty; at least one id from {TABLE_FILES[table]} is required"))
    return Field(name, ID_LIST, tuple(checks), refers_to=table)


def text(name: str, required: bool = False) -> Field:
    return _field(name, STR, [], required)


def choice(name: str, allowed: tuple[str, ...]) -> Field:
    """A required value from a fixed list."""
    check = pa.Check.isin(allowed, name="allowed values", error="must be one of: " + ", ".join(allowed))
    return _field(name, STR, [check], True)


def date(name: str, required: bool = False) -> Field:
    error = "must be a real date written YYYY-MM-DD"
    return _field(name, DATE, [_cell_check(lambda v: parse_date(v) is not None, error)], required)


def flag(name: str) -> Field:
    check = pa.Check.isin(("true", "false"), name="bool", error="must be true or false")
    return _field(name, BOOL, [check], True)


def integer(name: str, minimum: int | None = None) -> Field:
    error = "must be a whole number" + ("" if minimum is None else f" of at least {minimum}")
    return _field(name, INT, [_cell_check(is_int_at_least(minimum), error)], True)


def number(name: str, low: float, high: float) -> Field:
    """An optional decimal number within [low, high]."""
    error = f"must be a number from {low:g} to {high:g}"
    return _field(name, FLOAT, [_cell_check(is_number_in(low, high), error)], False)


def url(name: str) -> Field:
    error = "must be an http:// or https:// address (or empty)"
    return _field(name, STR, [_cell_check(is_http_url, error)], False)


def file_name(name: str) -> Field:
    error = "must be a bare file name, without folders"
    return _field(name, STR, [_cell_check(lambda v: bool(BARE_FILE_NAME_RE.fullmatch(v)), error)], False)


# --- rules across the columns of one row --------------------------------------

Row = Mapping[str, str]


@dataclass(frozen=True)
class RowRule:
    name: str
    column: str  # the cell a failing row is reported at
    reads: tuple[str, ...]  # the columns the rule needs
    passes: Callable[[Row], bool]
    message: Callable[[Row], str]

    def check(self) -> pa.Check:
        def passes_per_row(frame: pd.DataFrame) -> pd.Series:
            # A missing column is reported on its own; don't fail every row too.
            if not set(self.reads) <= set(frame.columns):
                return pd.Series(True, index=frame.index, dtype=bool)
            # Once per distinct combination of the cells read, not once per row.
            verdicts: dict[tuple[str, ...], bool] = {}

            def verdict(combination: tuple[str, ...]) -> bool:
                if combination not in verdicts:
                    verdicts[combination] = self.passes(dict(zip(self.reads, combination, strict=True)))
                return verdicts[combination]

            columns = [frame[column].to_numpy(dtype=object) for column in self.reads]
            passed = np.fromiter((verdict(row) for row in zip(*columns, strict=True)), dtype=bool, count=len(frame))
            return pd.Series(passed, index=frame.index)

        return pa.Check(passes_per_row, name=self.name, error=self.name)


def ends_not_before(start: str, end: str) -> RowRule:
    """end >= start, when both are real dates (bad dates are reported per cell)."""

    def passes(row: Row) -> bool:
        first, last = parse_date(row[start]), parse_date(row[end])
        return first is None or last is None or last >= first

    return RowRule(
        f"{end} >= {start}",
        end,
        (start, end),
        passes,
        lambda row: f"{show(row[end])} is before {start} {show(row[start])}",
    )


def given_together(given: str, needed: str) -> RowRule:
    """If `given` is filled in, `needed` must be too."""
    return RowRule(
        f"{needed} given with {given}",
        needed,
        (given, needed),
        lambda row: row[given] == "" or row[needed] != "",
        lambda row: f"is empty but {given} is {show(row[given])}; give both or neither",
    )


def needed_when_true(flag_column: str, needed: str) -> RowRule:
    return RowRule(
        f"{needed} when {flag_column}",
        needed,
        (flag_column, needed),
        lambda row: row[flag_column] != "true" or row[needed].strip() != "",
        lambda row: f"is empty but {flag_column} is true",
    )


def one_of_needed(first: str, second: str) -> RowRule:
    return RowRule(
        f"{first} or {second}",
        second,
        (first, second),
        lambda row: row[first].strip() != "" or row[second].strip() != "",
        lambda row: f"is empty and so is {first}; give one of them",
    )


def differs_from(other: str, column: str) -> RowRule:
    """`column` must not repeat `other` (an event cannot lead to itself)."""
    return RowRule(
        f"{column} differs from {other}",
        column,
        (other, column),
        lambda row: row[column] == "" or row[column] != row[other],
        lambda row: f"is {show(row[column])}, the same as {other}; a link joins two different events",
    )


def step_number(name: str) -> Field:
    """A story step's number: a whole number from 1, unique (the steps' id)."""
    error = "must be a whole number of at least 1"
    return _field(name, INT, [_cell_check(is_int_at_least(1), error)], True, unique=True)


LINK_KINDS = ("follows_up", "responds_to", "ratifies", "deadline_for", "postponed_to", "cancels")

# --- the nine tables -----------------------------------------------------------

CONFIDENCE = ("H", "M")
SIDES = ("NATO", "Russia", "other")
DATE_PRECISIONS = ("day", "week", "month", "year", "approximate", "undated")
COMMITMENT_KINDS = ("promise", "plan", "demand", "target")
COMMITMENT_STATUSES = ("pending", "met", "missed", "dropped", "unknown")


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[Field, ...]
    rules: tuple[RowRule, ...] = ()

    @property
    def file_name(self) -> str:
        return TABLE_FILES[self.name]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def schema(self) -> pa.DataFrameSchema:
        return pa.DataFrameSchema(
            {f.name: f.column() for f in self.fields},
            checks=[rule.check() for rule in self.rules],
            strict=True,
            ordered=True,
            name=self.name,
        )


def _table(name: str, *fields: Field, rules: tuple[RowRule, ...] = ()) -> Table:
    return Table(name, fields, rules)


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        _table(
            "sources",
            id_field("source_id"),
            choice("kind", ("news", "official", "reference", "analysis")),
            text("outlet", required=True),
            text("title", required=True),
            date("published"),
            choice("published_precision", ("day", "week", "month", "year", "unknown")),
            url("url"),
            text("wire_service"),
            file_name("seed_file"),
            choice("confidence", CONFIDENCE),
            text("note"),
        ),
        _table(
            "actors",
            id_field("actor_id"),
            text("name", required=True),
            choice("kind", ("person", "organisation", "state", "body")),
            choice(
                "affiliation",
                (
                    "NATO",
                    "Russia",
                    "United States",
                    "United Kingdom",
                    "NATO–Russia",
                    "Iran",
                    "Poland",
                    "Czech Republic",
                    "Georgia",
                    "Afghanistan",
                    "Media",
                ),
            ),
            choice("side", SIDES),
            flag("anonymous"),
            text("description", required=True),
            id_list("source_ids", "sources", at_least_one=True),
        ),
        _table(
            "actor_roles",
            id_field("role_id"),
            ref("actor_id", "actors"),
            text("role", required=True),
            date("start_date"),
            date("end_date"),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(ends_not_before("start_date", "end_date"),),
        ),
        _table(
            "issues",
            id_field("issue_id"),
            text("title", required=True),
            choice("kind", ("dispute", "cooperation", "tracking")),
            integer("sort_order"),
            text("description", required=True),
            text("scale_note", required=True),
            ref("split_id", "issues"),
        ),
        _table(
            "positions",
            id_field("position_id"),
            ref("issue_id", "issues"),
            integer("rank", minimum=1),
            text("label", required=True),
            text("description", required=True),
        ),
        _table(
            "events",
            id_field("event_id"),
            text("title", required=True),
            choice(
                "kind",
                (
                    "summit",
                    "council_meeting",
                    "talks",
                    "seminar",
                    "treaty",
                    "ratification",
                    "statement",
                    "news_conference",
                    "speech",
                    "appointment",
                    "attack",
                    "deadline",
                    "announcement",
                    "conflict",
                    "working_group",
                ),
            ),
            choice("status", ("held", "planned", "did_not_happen")),
            date("start_date", required=True),
            date("end_date", required=True),
            choice("date_precision", DATE_PRECISIONS),
            text("date_note"),
            text("place"),
            number("latitude", -90, 90),
            number("longitude", -180, 180),
            id_list("participant_ids", "actors"),
            id_list("issue_ids", "issues"),
            text("summary", required=True),
            id_list("source_ids", "sources", at_least_one=True),
            date("first_public", required=True),
            choice("confidence", CONFIDENCE),
            rules=(
                ends_not_before("start_date", "end_date"),
                given_together("latitude", "longitude"),
                given_together("longitude", "latitude"),
            ),
        ),
        _table(
            "statements",
            id_field("statement_id"),
            ref("speaker_id", "actors"),
            date("said_start", required=True),
            date("said_end", required=True),
            choice("said_precision", DATE_PRECISIONS),
            date("reported_date"),
            ref("event_id", "events", required=False),
            text("quote"),
            text("paraphrase"),
            flag("is_direct_quote"),
            ref("issue_id", "issues"),
            ref("position_id", "positions", required=False),
            ref("via", "actors", required=False),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(
                ends_not_before("said_start", "said_end"),
                needed_when_true("is_direct_quote", "quote"),
                one_of_needed("quote", "paraphrase"),
            ),
        ),
        _table(
            "stances",
            id_field("stance_id"),
            ref("actor_id", "actors"),
            ref("issue_id", "issues"),
            ref("position_id", "positions"),
            date("as_of", required=True),
            choice("date_precision", DATE_PRECISIONS),
            ref("statement_id", "statements"),
            id_list("also_statement_ids", "statements"),
            text("basis", required=True),
            id_list("source_ids", "sources", at_least_one=True),
        ),
        _table(
            "phases",
            id_field("phase_id"),
            text("title", required=True),
            date("start_date", required=True),
            date("end_date", required=True),
            text("description", required=True),
            id_list("source_ids", "sources", at_least_one=True),
            rules=(ends_not_before("start_date", "end_date"),),
        ),
        # Issue 9: what was promised or demanded, and by when; its status over time.
        _table(
            "commitments",
            id_field("commitment_id"),
            text("title", required=True),
            choice("kind", COMMITMENT_KINDS),
            id_list("actor_ids", "actors", at_least_one=True),
            ref("issue_id", "issues"),
            date("due_start"),
            date("due_end"),
            choice("due_precision", DATE_PRECISIONS),
            ref("event_id", "events", required=False),
            id_list("statement_ids", "statements", at_least_one=True),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(ends_not_before("due_start", "due_end"), given_together("due_start", "due_end")),
        ),
        _table(
            "commitment_status",
            id_field("change_id"),
            ref("commitment_id", "commitments"),
            choice("status", COMMITMENT_STATUSES),
            date("as_of", required=True),
            date("reported_date", required=True),
            id_list("source_ids", "sources", at_least_one=True),
            text("note", required=True),
            rules=(ends_not_before("as_of", "reported_date"),),
        ),
        # Claims our sources give differently: one row per source's reading.
        _table(
            "disagreements",
            id_field("reading_id"),
            text("disagreement_id", required=True),
            text("topic", required=True),
            ref("source_id", "sources"),
            text("says", required=True),
            id_list("event_ids", "events"),
            id_list("statement_ids", "statements"),
            text("note"),
            rules=(one_of_needed("event_ids", "statement_ids"),),
        ),
        # --- event links and story steps (issue 8) ---
        _table(
            "event_links",
            id_field("link_id"),
            ref("from_event_id", "events"),
            ref("to_event_id", "events"),
            choice("kind", LINK_KINDS),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(differs_from("from_event_id", "to_event_id"),),
        ),
        _table(
            "story_steps",
            step_number("step"),
            text("title", required=True),
            text("text", required=True),
            ref("event_id", "events"),
            id_list("statement_ids", "statements"),
            date("gap_day"),
            id_list("source_ids", "sources", at_least_one=True),
        ),
    ]
}

assert list(TABLES) == list(TABLE_FILES), "tables must follow dataset.TABLE_FILES"

SCHEMAS: dict[str, pa.DataFrameSchema] = {name: table.schema() for name, table in TABLES.items()}


# --- validating a raw table ---------------------------------------------------


def validate_table(name: str, raw: pd.DataFrame) -> list[Problem]:
    """Every problem pandera finds in one raw table (index = spreadsheet rows)."""
    try:
        SCHEMAS[name].validate(raw, lazy=True)
    except pa.errors.SchemaErrors as err:
        return _problems_from_failures(TABLES[name], raw, err.failure_cases)
    return []


def _row_number(index: int | float | None) -> int | None:
    if index is None or (isinstance(index, float) and math.isnan(index)):
        return None
    return int(index)


def _problems_from_failures(table: Table, raw: pd.DataFrame, failures: pd.DataFrame) -> list[Problem]:
    file = table.file_name
    rules = {rule.name: rule for rule in table.rules}
    problems: set[Problem] = set()  # a row rule fails once per column; keep one
    for case in failures.to_dict("records"):
        check, column, value = case["check"], case["column"], case["failure_case"]
        row = _row_number(case["index"])
        if check == "column_in_dataframe":
            problems.add(Problem(file, 1, value, "missing column"))
        elif check == "column_in_schema":
            problems.add(Problem(file, 1, value, "unexpected column: the codebook has no such column here"))
        elif check == "column_ordered":
            order = ", ".join(table.columns)
            problems.add(Problem(file, 1, value, f"column out of order; the order is: {order}"))
        elif check == "field_uniqueness":
            rows = ", ".join(str(r) for r in raw.index[raw[column] == value])
            problems.add(Problem(file, row, column, f"duplicate {show(value)} (rows {rows})"))
        elif check in rules:
            rule = rules[check]
            problems.add(Problem(file, row, rule.column, rule.message(cast(Row, raw.loc[row]))))
        elif check.startswith("is empty"):  # REQUIRED_ERROR or an id list's own; no value to show
            problems.add(Problem(file, row, column, check))
        else:
            problems.add(Problem(file, row, column, f"{check}; got {show(value)}"))
    positions = {name: i for i, name in enumerate(table.columns)}
    return sorted(problems, key=lambda p: (p.row or 0, positions.get(p.column or "", -1), p.message))


# --- converting a valid raw table to the typed frame --------------------------


def explode_ids(cells: pd.Series) -> pd.Series:
    """The ids of `;`-separated id-list cells, one per row, each indexed by its
    cell's index label; empty cells give none. (pyarrow's split: pandas' own
    `.str.split` on Arrow strings runs in Python.)"""
    cells = cells[cells != ""]
    lists = pc.split_pattern(pyarrow.array(cells.to_numpy(dtype=object), type=pyarrow.string()), ";")
    parents = pc.list_parent_indices(lists).to_numpy()
    return pd.Series(pc.list_flatten(lists).to_numpy(zero_copy_only=False), index=cells.index[parents])


def is_in(values: pd.Series, known: pd.Series) -> pd.Series:
    """`values.isin(known)` for string columns, through pyarrow: pandas' isin
    on Arrow strings goes through Python (0.7 s for 200,000 cells)."""
    found = pc.is_in(
        pyarrow.array(values.to_numpy(dtype=object), type=pyarrow.string()),
        value_set=pyarrow.array(known.to_numpy(dtype=object), type=pyarrow.string()),
    )
    return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index, dtype=bool)


def _convert(raw: pd.Series, converts_to: ConvertsTo) -> pd.Series:
    values = raw.tolist()
    if converts_to == DATE:
        as_dates = pd.to_datetime(pd.Series([v or None for v in values], dtype=object), format="%Y-%m-%d")
        return as_dates.astype("datetime64[ns]")
    if converts_to == ID_LIST:
        return pd.Series([tuple(split_ids(v)) for v in values], dtype=object)
    if converts_to == BOOL:
        return pd.Series([v == "true" for v in values], dtype=bool)
    if converts_to == INT:
        return pd.Series([int(v) for v in values], dtype="int64")
    if converts_to == FLOAT:
        return pd.Series([float(v) if v else math.nan for v in values], dtype="float64")
    return pd.Series(values, dtype=str)


def to_typed(name: str, raw: pd.DataFrame) -> pd.DataFrame:
    """The typed frame of dataset.py from a raw table that has no problems."""
    columns = {f.name: _convert(raw[f.name], f.converts_to) for f in TABLES[name].fields}
    return pd.DataFrame(columns, index=pd.RangeIndex(len(raw)))
