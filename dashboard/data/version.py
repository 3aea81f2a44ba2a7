"""Which data a page was made from: a short hash of the dataset's contents.

A Dataset does not know the directory it came from (the snapshot key of data/snapshot.py is a hash of the files,
the code and the library versions, so it changes with an upgrade though the data do not). `data_version` hashes
what the pages read: every table's columns, their types and values, and what the record says of itself
(dataset.toml). Two datasets with the same contents get the same version, whatever their folder or how they were
loaded; any changed cell changes it. Computed once per dataset (`Dataset.derived`).
"""

from __future__ import annotations

import hashlib

import pandas as pd

from dashboard.data.dataset import Dataset

VERSION_LENGTH = 12  # hex digits shown: enough to tell versions of one record apart


def _hashable(column: pd.Series) -> pd.Series:
    """The column in a form pandas can hash: id lists (tuples) joined by a separator no id holds."""
    if column.dtype == object and column.map(lambda value: isinstance(value, tuple)).any():
        return column.map(lambda value: "\x1f".join(value) if isinstance(value, tuple) else value)
    return column


def _content_hash(ds: Dataset) -> str:
    digest = hashlib.sha256()
    for name, frame in ds.tables().items():
        digest.update(f"table {name} {len(frame)}\0".encode())
        for column in frame.columns:
            digest.update(f"{column} {frame[column].dtype}\0".encode())
            hashed = pd.util.hash_pandas_object(_hashable(frame[column]), index=False)
            digest.update(hashed.to_numpy().tobytes())
    digest.update(repr(ds.about).encode())
    return digest.hexdigest()[:VERSION_LENGTH]


def data_version(ds: Dataset) -> str:
    """A short hex hash of the dataset's contents (its tables and description), e.g. "3f9a0c21b7de"."""
    return ds.derived(_content_hash)
