"""Validating one raw table against its schema, and turning what pandera reports into spreadsheet-addressed
:class:`Problem` s (``file:row:column: message``)."""

from __future__ import annotations

import math
from typing import cast

import pandas as pd
import pandera.pandas as pa

from dashboard.data.problems import Problem, show
from dashboard.data.row_rules import Row
from dashboard.data.schema import SCHEMAS, TABLES, Table


def validate_table(name: str, raw: pd.DataFrame) -> list[Problem]:
    """Every problem pandera finds in one raw table (index = spreadsheet rows)."""
    try:
        # inplace: the schemas neither coerce nor fill defaults, so pandera's copy of the table for every column
        # guards nothing; it was 29% of validating the minimal dataset (225 -> 160 ms).
        SCHEMAS[name].validate(raw, lazy=True, inplace=True)
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
        elif check.startswith("is empty"):  # columns.REQUIRED_ERROR or an id list's own; no value to show
            problems.add(Problem(file, row, column, check))
        else:
            problems.add(Problem(file, row, column, f"{check}; got {show(value)}"))
    positions = {name: i for i, name in enumerate(table.columns)}
    return sorted(problems, key=lambda p: (p.row or 0, positions.get(p.column or "", -1), p.message))
