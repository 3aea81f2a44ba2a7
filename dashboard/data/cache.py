"""Loading for the app: the one place that caches.

The dataset directory is `DASHBOARD_DATA` when set, else the bundled `data/`.
The cache key includes every file's size and modification time, so an edited
table is picked up on the next rerun without restarting the server. A new
server reads the validated snapshot of unchanged files (`snapshot.py`) and
validates only when there is none; pandera is imported only then.
"""

from __future__ import annotations

import gc
import os
import shutil
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.data.archive import engine_choice
from dashboard.data.dataset import TABLE_FILES, Dataset
from dashboard.data.problems import Problem
from dashboard.data.snapshot import has_snapshot, read_snapshot, snapshot_root, staging_folder, write_snapshot
from dashboard.paths import BUNDLED_DATA

if TYPE_CHECKING:
    from dashboard.data.load import Progress


def data_dir() -> Path:
    return Path(os.environ.get("DASHBOARD_DATA") or BUNDLED_DATA)


def _fingerprint(directory: Path) -> tuple[tuple[str, int | None, int | None], ...]:
    stamps: list[tuple[str, int | None, int | None]] = []
    for name in TABLE_FILES.values():
        try:
            stat = (directory / name).stat()
            stamps.append((name, stat.st_size, stat.st_mtime_ns))
        except OSError:
            stamps.append((name, None, None))
    return tuple(stamps)


# cache_resource, not cache_data: cache_data hands every rerun a pickled copy,
# which for 100,000 events is ~50 MB and ~140 ms per rerun. Here every session
# shares the one validated dataset; nothing changes its tables after loading,
# and the lookups derived from them (Dataset.derived) are kept with it.
@st.cache_resource(show_spinner="Loading the dataset…", max_entries=4)
def _validated(directory: str, fingerprint: tuple) -> tuple[Dataset | None, list[Problem]]:
    return load_validated(Path(directory))


@cache  # once per process
def freeze_heap() -> None:
    """Move what is loaded by now (the modules, the first dataset) out of the garbage collector's generations, so
    later collections no longer walk it: under 100 readers, full collections over the whole heap were a share of
    every rerun (docs/performance.md). Once, not on every data change: the collector never looks at frozen
    objects again, so whatever each freeze caught in a reference cycle (sessions' state, a replaced dataset's)
    would stay in memory for the server's life."""
    gc.collect()
    gc.freeze()


def load_validated(directory: Path, progress: Progress | None = None) -> tuple[Dataset | None, list[Problem]]:
    """The dataset from its snapshot when the files are unchanged, else validated (and snapshotted); a large
    record's archive is written while validating, straight into the snapshot's folder."""
    dataset = read_snapshot(directory)
    if dataset is not None:
        return dataset, []
    # Imported here: pandera and the schema cost ~0.7 s of import, needed only to validate.
    from dashboard.data.load import validate_dir

    staging = staging_folder(directory)
    dataset, problems = validate_dir(directory, archive_to=staging, progress=progress)
    written = write_snapshot(directory, dataset, staging=staging) if dataset is not None else None
    if written is None and staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
    if dataset is not None and dataset.archive is not None:
        # Read back from where the snapshot now is (its staging folder was renamed, or another server's won).
        dataset = read_snapshot(directory) or validate_dir(directory)[0]
    return dataset, problems


_first_validation = threading.Lock()


def load_for_app() -> tuple[Dataset | None, list[Problem]]:
    """The validated dataset (or the problems that stop it), cached per file state."""
    directory = data_dir()
    # The engine is part of the key: a process whose DASHBOARD_ENGINE changes (the tests) must not be handed the
    # other engine's dataset, whose archive may since have been pruned.
    fingerprint = (*_fingerprint(directory), engine_choice())
    if _loaded.get(str(directory)) != fingerprint and snapshot_root() is not None and not has_snapshot(directory):
        # The first start on these files validates them (~80 s at 1,000,000 events), so say how far it is. Done
        # here, outside the cached loader (Streamlit would replay the bar's updates from its cache): this writes
        # the snapshot, which the loader then reads.
        bar = st.progress(0.0, text="Checking the data, a first time for these files…")

        def show(done: float, what: str) -> None:
            bar.progress(done, text=f"Checking the data: {what}")

        # One first validation at a time: two readers opening a new server at once each validated, twice the
        # work and the memory (1.85 GB each at 1,000,000 events). The second waits, then reads the snapshot.
        if not _first_validation.acquire(blocking=False):
            bar.progress(0.0, text="Checking the data, for a reader who opened these files first…")
            _first_validation.acquire()
        try:
            if not has_snapshot(directory):
                load_validated(directory, show)
        finally:
            _first_validation.release()
        bar.empty()
    loaded = _validated(str(directory), fingerprint)
    _loaded[str(directory)] = fingerprint
    freeze_heap()
    return loaded


# The file state each data directory was last loaded at in this process: a rerun on it needs no snapshot check.
_loaded: dict[str, tuple] = {}
