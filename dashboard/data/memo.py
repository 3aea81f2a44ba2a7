"""What a Dataset keeps beside its tables: `derived` values (one per builder, for the dataset's life) and `memo`
views (per builder and view, bounded by bytes).

Both build a value once when several sessions ask for it at the same time: the first builds, the others wait for
it (cachetools' `condition`), so concurrent first sessions do not each build, say, the search text of 1,000,000
events at once. A builder may ask for another builder's value while it builds: only sessions asking for the same
value wait, for the one building it.

The memo's bound is in bytes, measured per kept value (`kept_bytes`): what the value holds of its own, not what it
shares with the dataset's tables or derived values (an unfiltered view of 1,000,000 events shares the table's
columns, pandas copies on write; a filtered view is a copy of its rows).
"""

from __future__ import annotations

import sys
import weakref
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable
from dataclasses import fields, is_dataclass
from threading import Condition, Lock
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import pandas as pd
from cachetools import LRUCache, cached

if TYPE_CHECKING:
    from dashboard.data.dataset import Dataset

T = TypeVar("T")

MB = 2**20
# Bytes of values `Dataset.memo` keeps per builder, least recently used dropped first. Per builder, not shared: a
# page asks several builders for one view, and under one shared bound ten links' views pushed each other out in
# turn (every lookup a miss, as measured under load). A value larger than this is kept alone until the next view.
# At 1,000,000 events a filtered view of half the events holds ~0.2 GB of its own, so that size keeps ~one such
# view; at 100,000 events a whole filtered view is ≤ 45 MB, and a timeline view's figures ≤ 2.5 MB at any size
# (at most 10,000 events drawn). The page's five builders keep ≤ 5 × 128 MB in all (it was 32 views each: up to
# 32 × 0.45 GB of filtered tables at 1,000,000 events).
MEMO_BYTES = 128 * MB
# Counted for each kept view beside its value: its key (measured: ~0.2 KB for no filters, ~1.2 KB with every
# filter and 200 characters of search text) and the cache's bookkeeping (~0.2 KB), so that views of tiny values
# are bounded in number too (≤ 131,072 per builder).
VIEW_BYTES = 1024


class DerivedValues:
    """`Dataset.derived`'s values, keyed by builder; each built once (see the module's docstring)."""

    def __init__(self) -> None:
        self._values: dict[Callable[..., Any], Any] = {}
        self._get = cached(self._values, key=_builder_key, condition=Condition())(_build)

    def get(self, dataset: Dataset, build: Callable[[Dataset], T]) -> T:
        value: T = self._get(dataset, build)
        return value

    def values(self) -> list[Any]:
        return list(self._values.values())


class ViewMemo:
    """`Dataset.memo`'s values: per builder, a least-recently-used cache of MEMO_BYTES."""

    def __init__(self) -> None:
        self._lock = Lock()
        self._per_builder: dict[Callable[..., Any], Callable[..., Any]] = {}
        self._sizes = _Sizes()

    def get(self, dataset: Dataset, build: Callable[..., T], view: tuple[Hashable, ...]) -> T:
        with self._lock:
            self._sizes.measure_within(dataset)
            memoised = self._per_builder.get(build)
            if memoised is None:
                cache: LRUCache[tuple[Hashable, ...], Any] = LRUCache(MEMO_BYTES, getsizeof=self._sizes.size)
                memoised = self._per_builder[build] = cached(cache, key=_view_key, condition=Condition())(build)
        value: T = memoised(dataset, *view)
        return value

    def kept_views(self, build: Callable[..., Any]) -> list[tuple[Hashable, ...]]:
        """The views of `build` kept now, least recently used first."""
        with self._lock:
            memoised = self._per_builder.get(build)
        return list(getattr(memoised, "cache", ()))


class _Sizes:
    """The memo caches' `getsizeof`. Apart from the memo, which holds it, and refers to its dataset weakly: no
    reference cycle, so a replaced dataset and its kept views are freed as soon as the last session lets go
    (the heap is frozen once; the collector never looks at frozen objects, cycles included)."""

    def __init__(self) -> None:
        self._lock = Lock()
        self._dataset: weakref.ref[Dataset] | None = None
        self._shared = SharedMemory()
        self._shared_values = 0  # how many of the dataset's tables and derived values are in _shared

    def measure_within(self, dataset: Dataset) -> None:
        if self._dataset is None:
            self._dataset = weakref.ref(dataset)

    def size(self, value: object) -> int:
        # Capped: a value larger than the budget is kept alone (it pushes out the rest) rather than rebuilt on each
        # of the several asks of one rerun.
        return min(VIEW_BYTES + kept_bytes(value, self._shared_memory()), MEMO_BYTES)

    def _shared_memory(self) -> SharedMemory:
        """The memory the dataset holds for its life. Its tables never change and derived values are only added,
        so only what is new since the last call is looked at."""
        dataset = self._dataset() if self._dataset is not None else None
        with self._lock:
            if dataset is not None:
                held = [*dataset.tables_in_memory(), *dataset._derived.values()]
                self._shared.add(held[self._shared_values :])
                self._shared_values = len(held)
            return self._shared


def _build(dataset: Dataset, build: Callable[[Dataset], T]) -> T:
    return build(dataset)


def _builder_key(dataset: Dataset, build: Callable[..., Any]) -> Callable[..., Any]:
    return build


def _view_key(dataset: Dataset, *view: Hashable) -> tuple[Hashable, ...]:
    return view


class SharedMemory:
    """Address ranges of memory that a dataset holds for its life (its tables' and derived values' columns)."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._ranges = sorted((start, size) for start, size in ranges if size)
        self._merge()

    def add(self, values: Iterable[object]) -> None:
        frames = [value for value in values if isinstance(value, pd.DataFrame | pd.Series)]
        new = [buffer for frame in frames for column in _columns(frame) for buffer in _buffers(column)]
        if new:
            self._ranges = sorted([*self._ranges, *new])
            self._merge()

    def _merge(self) -> None:
        merged: list[tuple[int, int]] = []  # (start, end), overlapping ranges joined, so the ends increase too
        for start, size in self._ranges:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], start + size))
            else:
                merged.append((start, start + size))
        self._ranges = [(start, end - start) for start, end in merged]
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, address: int) -> bool:
        at = bisect_right(self._starts, address) - 1
        return at >= 0 and address < self._ends[at]


def shared_memory(dataset: Dataset) -> SharedMemory:
    """What `dataset` holds for its life now (its tables and derived values)."""
    shared = SharedMemory()
    shared.add([*dataset.tables().values(), *dataset._derived.values()])
    return shared


def kept_bytes(value: object, shared: SharedMemory) -> int:
    """Bytes `value` holds of its own: columns and arrays not in `shared`, and Python containers walked."""
    seen: set[int] = set()
    pending = [value]
    total = 0
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, pd.DataFrame | pd.Series):
            total += _frame_bytes(item, shared)
        elif isinstance(item, np.ndarray):
            total += 0 if any(address in shared for address, _ in _buffers(item)) else item.nbytes
        else:
            total += sys.getsizeof(item)
            pending.extend(_contents(item))
    return total


def _contents(item: object) -> Iterable[object]:
    if isinstance(item, dict):
        return [*item.keys(), *item.values()]
    if isinstance(item, list | tuple | set | frozenset):
        return item
    if is_dataclass(item) and not isinstance(item, type):
        return [getattr(item, spec.name) for spec in fields(item)]
    return ()


def _frame_bytes(frame: pd.DataFrame | pd.Series, shared: SharedMemory) -> int:
    """A frame's columns that are its own (a copy), each by its values; object columns with the objects they
    point to, which a filtered copy shares with the table (so this over-counts them: safe for a bound)."""
    total = int(frame.index.memory_usage(deep=False))
    for column in _columns(frame):
        if not any(address in shared for address, _ in _buffers(column)):
            total += _column_bytes(column)
    return total


# Rows of an object column whose objects are measured one by one; a longer column is estimated from its first
# SAMPLE_ROWS. Measuring every object took 6.5 s for a view of 1,000,000 events (three columns of id tuples).
SAMPLE_ROWS = 1_000


def _column_bytes(column: pd.Series) -> int:
    if column.dtype != object or len(column) <= SAMPLE_ROWS:
        return int(column.memory_usage(index=False, deep=True))
    sample = column.iloc[:SAMPLE_ROWS].memory_usage(index=False, deep=True)
    return int(sample * len(column) / SAMPLE_ROWS)


def _columns(frame: pd.DataFrame | pd.Series) -> list[pd.Series]:
    return [frame] if isinstance(frame, pd.Series) else [column for _, column in frame.items()]


def _buffers(values: pd.Series | np.ndarray) -> list[tuple[int, int]]:
    """(address, size) of the memory a column's or array's values live in."""
    if isinstance(values, pd.Series):
        to_arrow = getattr(values.array, "__arrow_array__", None)
        if to_arrow is not None:
            chunks = to_arrow().chunks
            return [(part.address, part.size) for chunk in chunks for part in chunk.buffers() if part and part.size]
        values = values.to_numpy(copy=False)
    return [(values.__array_interface__["data"][0], values.nbytes)] if values.nbytes else []
