"""The merge command's file writes, kept apart so that the rest of `merge` only reads.

Two writers:

- `scratch_record`: a copy of the record with the merged tables, in a temporary folder outside it, for the
  validator to check the whole record before anything is written to it.
- `write_tables`: the merged tables into the record. The previous tables are first copied into a backup folder
  (`DIR/.backup/merge-YYYYmmdd-HHMMSS/`, UTC; the validator and the app read only the tables by name, so they never
  see it), every new table is written in full to a temporary file in the record's folder and synced, and only then
  are they moved over the old ones with `os.replace`. If a move fails, the tables already moved are put back from
  the backup, so the record is either merged or as it was, never half-merged.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BACKUP_DIR = ".backup"
TEMP_SUFFIX = ".merge-tmp"


class MergeInterrupted(Exception):
    """Writing the merged tables failed; the record was put back as it was (or, if even that failed, the
    message says which tables to copy back from the backup)."""


@contextmanager
def scratch_record(data_dir: Path, texts: dict[str, str]) -> Iterator[Path]:
    """A temporary folder with every file of `data_dir` (not its folders) and `texts` (file name -> text) over
    them; removed on leaving."""
    with tempfile.TemporaryDirectory(prefix="dashboard-merge-check-") as folder:
        scratch = Path(folder)
        for path in data_dir.iterdir():
            if path.is_file():
                shutil.copyfile(path, scratch / path.name)
        for name, text in texts.items():
            (scratch / name).write_text(text, encoding="utf-8", newline="")
        yield scratch


def write_tables(
    data_dir: Path, texts: dict[str, str], bases: dict[str, bytes], now: dt.datetime | None = None
) -> Path:
    """Replace each table `texts` names (file name -> its whole new text) in `data_dir`, all or none, if it still
    holds the bytes in `bases` the merge was planned on; the backup folder of the previous tables. Raises
    MergeInterrupted, with the record as it was, if a table changed meanwhile or a write fails."""
    try:
        changed = [name for name in texts if (data_dir / name).read_bytes() != bases[name]]
        if changed:
            raise MergeInterrupted(
                f"{', '.join(changed)} changed in {data_dir} since the merge was checked; nothing was written:"
                " run the merge again"
            )
        backup = _backup(data_dir, {name: bases[name] for name in texts}, now or dt.datetime.now(dt.UTC))
    except OSError as err:
        raise MergeInterrupted(f"could not back up the tables ({err}); nothing was written to {data_dir}") from err
    temps: dict[str, Path] = {}
    replaced: list[str] = []
    try:
        for name, text in texts.items():
            temps[name] = _synced(data_dir / f".{name}{TEMP_SUFFIX}", text.encode("utf-8"), data_dir / name)
        for name, temp in temps.items():
            os.replace(temp, data_dir / name)
            replaced.append(name)
        _sync_folder(data_dir)
    except BaseException as err:
        failed = _restore(data_dir, backup, replaced)
        detail = f"{type(err).__name__}: {err}"
        if failed:
            copy_back = ", ".join(failed)
            raise MergeInterrupted(
                f"the merge stopped ({detail}) and {copy_back} could not be put back: copy them from {backup}"
            ) from err
        raise MergeInterrupted(f"the merge stopped ({detail}); {data_dir} is as it was (backup: {backup})") from err
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
    return backup


def _backup(data_dir: Path, tables: dict[str, bytes], now: dt.datetime) -> Path:
    """A new folder under DIR/.backup holding a synced copy of each table (file name -> its bytes)."""
    stamp = now.strftime("merge-%Y%m%d-%H%M%S")
    root = data_dir / BACKUP_DIR
    root.mkdir(exist_ok=True)
    backup, number = root / stamp, 1
    while True:
        try:
            backup.mkdir()
            break
        except FileExistsError:
            number += 1
            backup = root / f"{stamp}-{number}"
    for name, data in tables.items():
        _synced(backup / name, data, data_dir / name)
    _sync_folder(backup)
    return backup


def _restore(data_dir: Path, backup: Path, names: list[str]) -> list[str]:
    """Put each named table back from `backup`, atomically; the names that could not be."""
    failed = []
    for name in names:
        temp = data_dir / f".{name}.restore{TEMP_SUFFIX}"
        try:
            _synced(temp, (backup / name).read_bytes(), backup / name)
            os.replace(temp, data_dir / name)
        except OSError:
            temp.unlink(missing_ok=True)
            failed.append(name)
    return failed


def _synced(path: Path, data: bytes, like: Path) -> Path:
    """Write `data` to `path`, on disk before returning, with the permissions of `like`."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    shutil.copymode(like, path)
    return path


def _sync_folder(folder: Path) -> None:
    """Make the folder's entries (a rename, a new file) durable; a no-op where folders cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
