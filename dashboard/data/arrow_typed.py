"""A valid raw table typed in Arrow, for the archive: the same types `typed.py` gives in pandas (dates as
timestamp[ns], id lists as lists of str, flags as bool, numbers), without a Python object per cell or per id.
At 1,000,000 events, typing events and statements in pandas (id lists as tuples) took ~0.8 GB more than the raw
tables; an archived record needs them only as Parquet."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.data.columns import BOOL, DATE, FLOAT, ID_LIST, INT, ConvertsTo
from dashboard.data.schema import TABLES


def _convert(cells: pa.ChunkedArray, converts_to: ConvertsTo) -> pa.ChunkedArray | pa.Array:
    empty = pc.equal(cells, "")
    if converts_to == DATE:
        days = pc.strptime(pc.if_else(empty, pa.scalar(None, cells.type), cells), format="%Y-%m-%d", unit="ns")
        return days.cast(pa.timestamp("ns"))
    if converts_to == ID_LIST:
        # An empty cell is an empty list, as split_ids says ("" would split into [""]).
        split = pc.split_pattern(cells, ";")
        return pc.if_else(empty, pa.scalar([], split.type), split)
    if converts_to == BOOL:
        return pc.equal(cells, "true")
    if converts_to == INT:
        return cells.cast(pa.int64())
    if converts_to == FLOAT:
        return pc.if_else(empty, pa.scalar(None, cells.type), cells).cast(pa.float64())
    return cells


def to_arrow_typed(name: str, raw: pd.DataFrame) -> pa.Table:
    """The typed Arrow table of table `name` from a raw table that has no problems."""
    table = pa.Table.from_pandas(raw, preserve_index=False)  # the str columns as they are held: Arrow already
    return pa.table(
        {
            field.name: _convert(table.column(field.name), field.converts_to)  # str as held (a cast copies)
            for field in TABLES[name].fields
        }
    )
