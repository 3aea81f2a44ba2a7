"""Rules across the cells of one row (an end not before its start, two cells given together, ...).

A table declaration (`schema.py`) lists its rules beside its columns; each rule becomes a pandera check on the raw
string table and names the cell a failing row is reported at, with a message built from that row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa

from dashboard.data.cells import parse_date
from dashboard.data.problems import show

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
