"""A validated snapshot of a dataset, so that a restart skips re-validation.

Once a directory validates, its typed tables are written as Arrow IPC files to
a cache folder outside the data directory (the data stays read-only). The
snapshot is keyed by the SHA-256 of every table's bytes, of dataset.toml (and the
folder's name, the default title), of every module of `dashboard/data/` (the
code that reads, validates and types them) and of the versions of the libraries
that do (LIBRARIES), so any edit to a table, to that code or an upgrade misses
it and the data is checked again. At 100,000 events on a 2-core machine, validating
took 5.3 s and reading the snapshot back 0.5 s, in one run.

A dataset of ARCHIVE_EVENTS events or more (data/archive.py) keeps its events and statements in the snapshot as
Parquet files, which a server then queries with DuckDB instead of reading them into memory.

`python -m dashboard validate` never reads a snapshot: it always re-checks.

Where: `DASHBOARD_SNAPSHOT_DIR` when set (`off` turns snapshots off), else
`$XDG_CACHE_HOME/md-talks-dashboard/snapshots` (default `~/.cache/...`).
A snapshot that cannot be written (read-only disk) or read (corrupt, from
another pyarrow) is passed over: the data is validated as if there were none.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather

from dashboard.data.archive import (
    SEARCHED,
    Archive,
    ArchivedDataset,
    engine_choice,
    has_archive,
    wants_archive,
    write_archive,
)
from dashboard.data.arrow_frames import ids_as_dictionaries, to_frame
from dashboard.data.dataset import TABLE_FILES, Dataset
from dashboard.data.description import DESCRIPTION_FILE, read_description
from dashboard.data.file_digests import FileDigests

SNAPSHOT_ENV = "DASHBOARD_SNAPSHOT_DIR"
# The modules of this package, every one of them in the key (listed, not named, so a new module is covered): a
# change in any can change what validates or how it is typed, and the whole package is ~75 KB to hash.
CODE_DIR = Path(__file__).resolve().parent
# Libraries that parse, validate and type the tables, and write and read the snapshot: an upgrade can change a
# dtype or what passes.
LIBRARIES = ("pandas", "pandera", "pyarrow", "numpy")
# Older snapshots beyond this many are removed when a new one is written.
KEEP = 4
_DONE = "complete"  # written last: a folder without it is a half-written snapshot


def snapshot_root() -> Path | None:
    """The folder that holds snapshots, or None when they are turned off."""
    configured = os.environ.get(SNAPSHOT_ENV, "")
    if configured.strip().lower() == "off":
        return None
    if configured:
        return Path(configured)
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "md-talks-dashboard" / "snapshots"


def code_files(code_dir: Path = CODE_DIR) -> list[Path]:
    """The package's modules, in a stable order."""
    return sorted(code_dir.rglob("*.py"))


def snapshot_key(directory: Path, code_dir: Path = CODE_DIR) -> str | None:
    """SHA-256 over the package's code, the LIBRARIES' versions and every table's bytes; None if a table cannot
    be read."""
    digest = hashlib.sha256()
    for path in code_files(code_dir):
        digest.update(
            path.relative_to(code_dir).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest()
        )
    for library in LIBRARIES:
        digest.update(f"{library}=={version(library)}\0".encode())
    digest.update(f"engine={engine_choice()}\0".encode())  # a forced engine writes another kind of snapshot
    known = FileDigests(snapshot_root())
    for name in TABLE_FILES.values():
        try:
            file_digest = known.digest(directory / name)
        except OSError:
            return None
        digest.update(name.encode() + b"\0" + file_digest)
    known.save()
    # The description is optional: without it the title and sides come from the tables (and the folder's name).
    described = directory / DESCRIPTION_FILE
    digest.update(hashlib.sha256(described.read_bytes()).digest() if described.is_file() else b"no description")
    digest.update(directory.resolve().name.encode())
    return digest.hexdigest()


def has_snapshot(directory: Path, root: Path | None = None) -> bool:
    """Whether a whole snapshot of `directory`'s current files is there to read."""
    root = root if root is not None else snapshot_root()
    key = snapshot_key(directory) if root is not None else None
    return root is not None and key is not None and (root / key / _DONE).exists()


def read_snapshot(directory: Path, root: Path | None = None) -> Dataset | None:
    """The dataset from a snapshot of `directory`'s current files, or None."""
    root = root if root is not None else snapshot_root()
    key = snapshot_key(directory) if root is not None else None
    if root is None or key is None or not (root / key / _DONE).exists():
        return None
    folder = root / key
    try:
        in_archive = has_archive(folder)
        names = [name for name in TABLE_FILES if not (in_archive and name in SEARCHED)]
        tables = {name: _read_table(folder / f"{name}.arrow") for name in names}
        archive = Archive(folder) if in_archive else None
    except (OSError, pa.ArrowException, ValueError, TypeError, KeyError, ImportError, RuntimeError):
        return None
    # Read again, not stored: the key holds its bytes, so it is the file that validated (a few kB of TOML).
    description, problems = read_description(directory, tables["actors"]["side"].tolist())
    if problems:
        return None
    return (
        Dataset(**tables, description=description) if archive is None else ArchivedDataset(archive, tables, description)
    )


def staging_folder(directory: Path, root: Path | None = None) -> Path | None:
    """A new folder beside where `directory`'s snapshot will be, for writing it (validation writes an archive
    straight into it); None when snapshots are off or cannot be written."""
    root = root if root is not None else snapshot_root()
    key = snapshot_key(directory) if root is not None else None
    if root is None or key is None:
        return None
    try:
        root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=root))
    except OSError:
        return None


def write_snapshot(
    directory: Path, dataset: Dataset, root: Path | None = None, staging: Path | None = None
) -> Path | None:
    """Write `dataset` (validated from `directory`) as a snapshot; its folder, or None if not written. `staging`
    is the folder from `staging_folder` the dataset's archive was written into, if it was."""
    root = root if root is not None else snapshot_root()
    key = snapshot_key(directory) if root is not None else None
    if root is None or key is None:
        return None
    target = root / key
    try:
        # Written beside the target, then renamed: a reader never sees half a snapshot,
        # and two servers writing the same one at once both end with a whole one.
        staging = staging if staging is not None else staging_folder(directory, root)
        if staging is None:
            return None
        in_archive = dataset.archive is not None or wants_archive(dataset.row_count("events"))
        if in_archive and dataset.archive is None:
            write_archive(staging, {name: getattr(dataset, name) for name in SEARCHED})
        for name in TABLE_FILES:
            if in_archive and name in SEARCHED:
                continue
            table = ids_as_dictionaries(pa.Table.from_pandas(getattr(dataset, name), preserve_index=False))
            feather.write_feather(table, staging / f"{name}.arrow", compression="uncompressed")
        (staging / _DONE).write_text("ok\n")
        try:
            staging.rename(target)
        except OSError:  # another process wrote it first
            shutil.rmtree(staging, ignore_errors=True)
        _prune(root, keep=target)
    except OSError:
        return None
    return target if (target / _DONE).exists() else None


def _read_table(path: Path) -> pd.DataFrame:
    return to_frame(feather.read_table(path, memory_map=False))


def _prune(root: Path, keep: Path) -> None:
    """Remove all but the KEEP newest snapshots (and stale half-written folders)."""
    snapshots = sorted(
        (path for path in root.iterdir() if path.is_dir() and path != keep),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in snapshots[KEEP - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
