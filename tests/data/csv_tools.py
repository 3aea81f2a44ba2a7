"""Helpers to copy the minimal fixture dataset and break it in one place, and to make a large dataset from the
bundled one."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from dashboard.paths import BUNDLED_DATA

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINIMAL = FIXTURES / "minimal"
FAKE_SEEDS = FIXTURES / "seeds"


def copy_minimal(destination: Path) -> Path:
    """A writable copy of the minimal valid dataset."""
    target = destination / "data"
    shutil.copytree(MINIMAL, target)
    return target


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(directory: Path, file: str, row: int, column: str, value: str) -> None:
    """Set one cell; `row` is the spreadsheet row (2 = first data row)."""
    rows = read_rows(directory / file)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(directory / file, rows)


def drop_column(directory: Path, file: str, column: str) -> None:
    rows = read_rows(directory / file)
    position = rows[0].index(column)
    write_rows(directory / file, [r[:position] + r[position + 1 :] for r in rows])


def add_column(directory: Path, file: str, column: str, value: str = "") -> None:
    rows = read_rows(directory / file)
    write_rows(directory / file, [rows[0] + [column]] + [r + [value] for r in rows[1:]])


def append_copy(directory: Path, file: str, row: int) -> None:
    """Append a copy of spreadsheet row `row` as the new last row."""
    rows = read_rows(directory / file)
    write_rows(directory / file, rows + [list(rows[row - 1])])


def large_dataset(directory: Path, copies: int) -> int:
    """The bundled data with its events repeated `copies` times under new ids, written to `directory`; returns the
    number of events."""
    shutil.copytree(BUNDLED_DATA, directory, dirs_exist_ok=True)
    with (BUNDLED_DATA / "events.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns, rows = list(reader.fieldnames or ()), list(reader)
    with (directory / "events.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        for n in range(1, copies):
            writer.writerows({**row, "event_id": f"{row['event_id']}_{n}"} for row in rows)
    return len(rows) * copies
