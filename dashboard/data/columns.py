"""The column vocabulary the table declarations (`schema.py`) are written in.

Each column is declared once, as a :class:`Field` built by a helper per kind of column (``id_field``, ``ref``,
``id_list``, ``date``, ...). The same declaration gives the pandera column (checked on the raw string table), the
conversion to the typed frame (`typed.py`) and the cross-table references checked in `crosscheck.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
import pandas as pd
import pandera.pandas as pa

from dashboard.data.cells import (
    has_no_repeats,
    is_bare_file_name,
    is_http_url,
    is_id_list,
    is_int_at_least,
    is_number_in,
    is_slug,
    parse_date,
)
from dashboard.data.dataset import TABLE_FILES
from dashboard.data.string_columns import filled

# The message of the check every required column has; its problems show no value.
REQUIRED_ERROR = "is empty but required"
SLUG_ERROR = "must be an id of a-z, 0-9, _ and - only"

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
        # No dtype: the reader builds every raw table with dtype=str, so the check could never fail, and
        # pandera 0.35 checks a string dtype cell by cell and formats (empty) failure cases for each column:
        # 43% of validating the minimal dataset (0.49 -> 0.28 s), 29% of the bundled one (0.59 -> 0.42 s).
        return pa.Column(None, checks=list(self.checks), unique=self.unique, nullable=False)


def _each_distinct(cells: pd.Series, test: Callable[[str], bool]) -> pd.Series:
    """`test` of every cell, run once per distinct value: dates, kinds and id lists repeat a lot, and a Python
    test per cell of 100,000 rows is what made validation slow."""
    # NumPy object arrays: iterating Arrow-backed strings in Python is slow.
    codes, distinct = pd.factorize(cells.to_numpy(dtype=object))
    verdicts = np.fromiter((test(value) for value in distinct), dtype=bool, count=len(distinct))
    return pd.Series(verdicts[codes], index=cells.index)


def _required(error: str = REQUIRED_ERROR) -> pa.Check:
    # Whitespace alone counts as empty. In pyarrow: pandas' `.str.strip() != ""` took three times as long.
    return pa.Check(filled, name="required", error=error)


def _cell_check(test: Callable[[str], bool], error: str) -> pa.Check:
    """A check of each non-empty cell; emptiness is the `required` check's job."""
    return pa.Check(
        lambda cells: _each_distinct(cells, lambda value: value == "" or test(value)), name=error, error=error
    )


def _field(name: str, converts_to: ConvertsTo, checks: list[pa.Check], required: bool, **kwargs: Any) -> Field:
    all_checks = ((_required(),) if required else ()) + tuple(checks)
    return Field(name, converts_to, all_checks, **kwargs)


def id_field(name: str) -> Field:
    """The table's own id: required, a slug, unique."""
    return _field(name, STR, [_cell_check(is_slug, SLUG_ERROR)], True, unique=True)


def step_number(name: str) -> Field:
    """A story step's number: a whole number from 1, unique (the steps' id)."""
    error = "must be a whole number of at least 1"
    return _field(name, INT, [_cell_check(is_int_at_least(1), error)], True, unique=True)


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
    return _field(name, DATE, [_cell_check(lambda cell: parse_date(cell) is not None, error)], required)


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
    return _field(name, STR, [_cell_check(is_bare_file_name, error)], False)
