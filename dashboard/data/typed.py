"""From a valid raw table (every cell a string) to the typed frame `dataset.py` describes, column by column as
each column's declaration says (`Field.converts_to`)."""

from __future__ import annotations

import pandas as pd

from dashboard.data.cells import split_ids
from dashboard.data.columns import BOOL, DATE, FLOAT, ID_LIST, INT, ConvertsTo
from dashboard.data.schema import TABLES


def _convert(raw: pd.Series, converts_to: ConvertsTo) -> pd.Series:
    """One raw column, typed. Vectorised where pandas can (no Python object per cell but in id lists): at
    1,000,000 events a list of every column's cells cost ~1 GB while the tables were typed."""
    cells = raw.reset_index(drop=True)
    if converts_to == DATE:
        return pd.to_datetime(cells.where(cells != ""), format="%Y-%m-%d").astype("datetime64[ns]")
    if converts_to == ID_LIST:
        return pd.Series([tuple(split_ids(v)) for v in cells.tolist()], dtype=object)
    if converts_to == BOOL:
        return (cells == "true").astype(bool)
    if converts_to == INT:
        return cells.astype("int64")
    if converts_to == FLOAT:
        return pd.to_numeric(cells.where(cells != "")).astype("float64")
    return cells.astype(str)


def to_typed(name: str, raw: pd.DataFrame) -> pd.DataFrame:
    """The typed frame of table `name` from a raw table that has no problems."""
    columns = {f.name: _convert(raw[f.name], f.converts_to) for f in TABLES[name].fields}
    return pd.DataFrame(columns, index=pd.RangeIndex(len(raw)))


def empty_table(name: str) -> pd.DataFrame:
    """The typed frame of table `name` with its columns and no rows: what a left-out optional table reads as."""
    return to_typed(name, pd.DataFrame({column: pd.Series(dtype=str) for column in TABLES[name].columns}))
