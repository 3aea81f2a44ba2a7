"""From a valid raw table (every cell a string) to the typed frame `dataset.py` describes, column by column as
each column's declaration says (`Field.converts_to`)."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.data.cells import split_ids
from dashboard.data.columns import BOOL, DATE, FLOAT, ID_LIST, INT, ConvertsTo
from dashboard.data.schema import TABLES


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
    """The typed frame of table `name` from a raw table that has no problems."""
    columns = {f.name: _convert(raw[f.name], f.converts_to) for f in TABLES[name].fields}
    return pd.DataFrame(columns, index=pd.RangeIndex(len(raw)))


def empty_table(name: str) -> pd.DataFrame:
    """The typed frame of table `name` with its columns and no rows: what a left-out optional table reads as."""
    return to_typed(name, pd.DataFrame({column: pd.Series(dtype=str) for column in TABLES[name].columns}))
