"""Arrow tables as the dataset's frames: what the snapshot (Arrow IPC) and the archive (DuckDB over Parquet) read
back goes through `to_frame`, so both give the types `data/dataset.py` describes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa


def to_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table of a dataset's columns as the dataset's frame: id lists as tuples of str."""
    lists = [
        name for name, column_type in zip(table.column_names, table.schema.types, strict=True) if is_list(column_type)
    ]
    frame = table.drop_columns(lists).to_pandas()
    for name in lists:
        frame[name] = pd.Series(id_tuples(table.column(name).combine_chunks()), index=frame.index, dtype=object)
    return frame[table.column_names]


def is_list(column_type: pa.DataType) -> bool:
    return bool(pa.types.is_list(column_type) or pa.types.is_large_list(column_type))


def ids_as_dictionaries(table: pa.Table) -> pa.Table:
    """Id-list columns with their ids dictionary-encoded, as `id_tuples` reads them: encoding costs once, at
    writing (at 1,000,000 events, hashing 5,000,000 ids took ~3 s of every read)."""
    for index, column_type in enumerate(table.schema.types):
        if is_list(column_type) and pa.types.is_string(column_type.value_type):
            column = table.column(index).combine_chunks()
            encoded = type(column).from_arrays(column.offsets, column.values.dictionary_encode())
            table = table.set_column(index, table.field(index).with_type(encoded.type), encoded)
    return table


def id_tuples(column: pa.ListArray | pa.LargeListArray) -> np.ndarray:
    """An Arrow list<str> column as the dataset's tuples of str (an object array), without a Python loop over
    rows. Each distinct id becomes one str that every tuple shares (ids repeat: ~2.5 participants per event
    among ~10,000 actors), and the rows of each list length k are zipped from k gathered columns (tuples made
    in C). At 1,000,000 events and 2,000,000 statements (4 such columns, stored dictionary-encoded) the
    snapshot reads in 5.1 s, against 23 s with `to_pandas()` (a NumPy array per row) and a `tuple()` of each,
    and peaks at 1.4 GB, not 1.7."""
    offsets = column.offsets.to_numpy()
    lengths = np.diff(offsets)
    result = np.empty(len(lengths), dtype=object)
    if not len(lengths):
        return result
    values = column.values
    flat = values if pa.types.is_dictionary(values.type) else values.dictionary_encode()
    distinct = np.array(flat.dictionary.to_pylist() + [None], dtype=object)[:-1]  # 1-D even if one id
    ids = distinct[flat.indices.to_numpy(zero_copy_only=False)]
    for length in np.unique(lengths).tolist():
        rows = np.flatnonzero(lengths == length)
        firsts = offsets[rows]
        tuples = zip(*(ids[firsts + i] for i in range(length)), strict=True) if length else (() for _ in rows)
        result[rows] = np.fromiter(tuples, dtype=object, count=len(rows))
    return result
