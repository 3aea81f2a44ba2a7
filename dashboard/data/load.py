"""Read the CSV tables, validate them and build the typed Dataset.

Public API:

- ``validate_dir(path) -> (Dataset | None, list[Problem])``: never raises for
  bad data; the Dataset is given only when there are no problems.
- ``load_dataset(path) -> Dataset``: raises :class:`DataValidationError`
  (with ``.problems``) when there are problems.

Problems print as ``file:row:column: message`` (see :class:`Problem`).
Nothing is ever written into the data directory.

The files are parsed with the standard ``csv`` module (every cell a string,
nothing turned into NaN) rather than ``pandas.read_csv``, so that a ragged
row, an unclosed quote or a cell with bytes that are not UTF-8 can be reported
at the row (and column) where it is, as a spreadsheet numbers rows.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from dashboard.data.archive import SEARCHED, Archive, ArchivedDataset, wants_archive, write_archived_table
from dashboard.data.arrow_typed import to_arrow_typed
from dashboard.data.crosscheck import cross_check
from dashboard.data.dataset import OPTIONAL_TABLES, TABLE_FILES, Dataset, in_date_order
from dashboard.data.description import DESCRIPTION_FILE, NO_SIDE, Description, read_description, unknown_sides
from dashboard.data.problems import Problem, show
from dashboard.data.typed import empty_table, to_typed
from dashboard.data.validate import validate_table

__all__ = ["MAX_FILE_BYTES", "DataValidationError", "Problem", "load_dataset", "read_table", "validate_dir"]

# Larger files are refused before reading: the real tables are a few hundred kB.
# Reading a file costs ~5x its size in memory while it is checked, so the
# default keeps a stray upload from taking the machine; a million-event
# dataset (events.csv ~250 MB) needs the limit raised, by the variable below.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_FILE_ENV = "DASHBOARD_MAX_FILE_MB"


def max_file_bytes() -> tuple[int, str | None]:
    """(the size limit in bytes, a problem with DASHBOARD_MAX_FILE_MB or None): the variable, in megabytes,
    replaces MAX_FILE_BYTES when it is a whole number above 0; a bad value keeps the default and says so."""
    configured = os.environ.get(MAX_FILE_ENV, "").strip()
    if not configured:
        return MAX_FILE_BYTES, None
    if configured.isdigit() and int(configured) > 0:
        return int(configured) * 1024 * 1024, None
    return MAX_FILE_BYTES, f"{MAX_FILE_ENV}={show(configured)} is not a whole number of megabytes above 0"


UTF8_BOM = "\ufeff"


class DataValidationError(Exception):
    """The data has problems; ``.problems`` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{lines}")


def validate_dir(
    path: str | Path, archive_to: Path | None = None, progress: Progress | None = None
) -> tuple[Dataset | None, list[Problem]]:
    """Check every table in `path`; the Dataset only when there are no problems. With `archive_to` (a folder),
    a record of ARCHIVE_EVENTS events or more has its events and statements written there as an archive, typed
    in Arrow, and is served from it (data/archive.py). `progress(done, what)` hears how far it is (0 to 1)."""
    tell = progress or (lambda done, what: None)
    directory = Path(path)
    if not directory.exists():
        return None, [Problem(str(path), None, None, "data directory does not exist")]
    if not directory.is_dir():
        return None, [Problem(str(path), None, None, "is not a directory")]

    problems: list[Problem] = []
    raw: dict[str, pd.DataFrame] = {}
    weights = _weights(directory)
    for table, file_name in TABLE_FILES.items():
        if table in OPTIONAL_TABLES and not (directory / file_name).exists():
            continue  # read as an empty table below
        tell(weights[table], f"checking {file_name}")
        frame, read_problems = read_table(directory / file_name)
        problems += read_problems
        if frame is not None:
            problems += validate_table(table, frame)
            raw[table] = frame
    tell(0.75, "checking the tables against each other")
    problems += cross_check(raw)
    description, described_problems = _description(directory, raw.get("actors"))
    problems += described_problems

    if problems:
        return None, sorted(problems, key=_reading_order)
    tell(0.85, "typing the tables")
    if archive_to is not None and wants_archive(len(raw["events"])):
        for name in SEARCHED:  # one at a time, each raw table let go once written
            write_archived_table(archive_to, name, to_arrow_typed(name, raw.pop(name)))
        small = {
            table: to_typed(table, raw.pop(table)) if table in raw else empty_table(table)
            for table in TABLE_FILES
            if table not in SEARCHED
        }
        tell(1.0, "done")
        return ArchivedDataset(Archive(archive_to), small, description), []
    # An optional table left out reads as an empty one.
    # Each raw table is let go once typed: at 1,000,000 events raw and typed together were most of the peak.
    typed = {table: to_typed(table, raw.pop(table)) if table in raw else empty_table(table) for table in TABLE_FILES}
    typed["events"] = in_date_order(typed["events"])
    tell(1.0, "done")
    return Dataset(**typed, description=description), []


Progress = Callable[[float, str], None]


def _weights(directory: Path) -> dict[str, float]:
    """How far along validation is (0 to 0.75) when each table's reading starts: by the files' sizes, since
    reading and checking a table costs about in proportion to its bytes."""
    sizes = {}
    for table, file_name in TABLE_FILES.items():
        try:
            sizes[table] = (directory / file_name).stat().st_size
        except OSError:
            sizes[table] = 0
    total, done, starts = sum(sizes.values()) or 1, 0, {}
    for table, size in sizes.items():
        starts[table] = 0.75 * done / total
        done += size
    return starts


def _description(directory: Path, actors: pd.DataFrame | None) -> tuple[Description | None, list[Problem]]:
    """The record's description (dataset.toml) and its problems, with each actor on an undeclared side."""
    sides = actors["side"] if actors is not None and "side" in actors.columns else None
    description, problems = read_description(directory, None if sides is None else sides.tolist())
    if description is not None and sides is not None:
        declared = ", ".join(side.id for side in description.sides)
        where = DESCRIPTION_FILE if description.defaults == () else "the two sides its actors use most"
        for at, side in unknown_sides(sides.tolist(), description):
            message = f"must be a side of {where} ({declared}) or {NO_SIDE}; got {show(side)}"
            problems.append(Problem(TABLE_FILES["actors"], int(sides.index[at]), "side", message))
    return description, problems


_FILE_ORDER = {file_name: position for position, file_name in enumerate(TABLE_FILES.values())}


def _reading_order(problem: Problem) -> tuple[int, int]:
    """Tables in codebook order, then rows top to bottom (sorting is stable)."""
    return _FILE_ORDER.get(problem.file, -1), problem.row or 0


def load_dataset(path: str | Path) -> Dataset:
    """The validated Dataset in `path`; raises DataValidationError otherwise."""
    dataset, problems = validate_dir(path)
    if dataset is None:
        raise DataValidationError(problems)
    return dataset


def read_table(path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The raw table of one CSV file: all cells str, index = spreadsheet row.

    Returns (None, problems) when the file cannot be read as a table at all.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            return None, [Problem(name, None, None, "is not a regular file")]
        limit, bad_setting = max_file_bytes()
        if size > limit:
            message = f"file is {size:,} bytes, over the limit of {limit:,} bytes; not read"
            hint = bad_setting or f"set {MAX_FILE_ENV} to raise the limit"
            return None, [Problem(name, None, None, f"{message} ({hint})")]
        if size == 0:
            return None, [Problem(name, None, None, "file is empty; it needs at least the header row")]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, None, None, "file is missing")]
    except OSError as err:
        return None, [Problem(name, None, None, f"cannot read file: {err.strerror or err}")]

    header = _plain_header(data)
    if header is not None:
        del data  # pyarrow reads the file itself: the bytes held beside its table were a third of the peak
        fast = _read_fast(path, header)
        if fast is not None:
            return fast, []
        data = path.read_bytes()
    # A strict decode answers "any bad bytes?" at C speed; only if there are
    # some, surrogateescape keeps them as markers we can find after parsing,
    # so they are reported at their row and column.
    try:
        text, bad_bytes = data.decode("utf-8"), False
    except UnicodeDecodeError:
        text, bad_bytes = data.decode("utf-8", errors="surrogateescape"), True
    text = text.removeprefix(UTF8_BOM)
    records, parse_problem = _parse_csv(name, text)
    if parse_problem is not None:
        problems = [parse_problem]
        if bad_bytes:
            problems.append(_first_bad_byte(name, data))
        return None, problems
    return _to_frame(name, records, bad_bytes)


# A quote that is neither at the start of a cell nor after a quote, followed by something other than a comma, a
# quote or a line end: text after a closing quote (`"x"y`), which the strict reader below refuses and pyarrow's
# reads as `xy`; or a quote inside a bare cell (`x"y`), which both read alike. Either way the file goes the slow
# way, which says where a fault is.
_LOOSE_QUOTE = re.compile(rb'(?<![,"\n\r])"[^",\r\n]')


def _plain_header(data: bytes) -> list[str] | None:
    """The header of a plain CSV file, one pyarrow's reader reads as the strict reader below does; None when the
    file is anything but plain, so that the strict reader finds and reports what is wrong: a header with a
    repeated or empty name, an unclosed quote or text after a closing quote (checked on the bytes: decoding them
    too held a second copy of the file, 340 MB for 2,000,000 statements)."""
    body = data.removeprefix(UTF8_BOM.encode())
    header_end = body.find(b"\n")
    first = body[: header_end if header_end >= 0 else len(body)].rstrip(b"\r")
    try:
        header = next(csv.reader([first.decode("utf-8")]), [])
    except (csv.Error, UnicodeDecodeError):
        return None
    if not header or len(set(header)) != len(header) or not all(column.strip() for column in header):
        return None
    # An odd number of quotes: a quote left open (pyarrow reads on to the end of the file) or a bare-cell quote.
    if b'"' in first or body.count(b'"') % 2 or _LOOSE_QUOTE.search(body):
        return None
    return header


def _read_fast(path: Path, header: list[str]) -> pd.DataFrame | None:
    """The raw table read by pyarrow's CSV reader (C++, every cell a str), or None if it finds the file is not
    plain after all (bytes that are not UTF-8, a ragged or blank row). Reading the CSV module's way cost ~45 s
    and ~3 GB of Python lists at 1,000,000 events; this way, a few seconds and the Arrow strings alone."""
    try:
        table = pa_csv.read_csv(
            path,  # a UTF-8 byte order mark is skipped; cells that are not UTF-8 fail here (check_utf8)
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                # large_string: what pandas' str columns hold, so they take the table without a copy
                column_types=dict.fromkeys(header, pa.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, ValueError, OSError):
        return None
    if table.column_names != header:
        return None
    blank = None
    for column in table.columns:
        empty = pc.equal(pc.utf8_trim_whitespace(column), "")
        blank = empty if blank is None else pc.and_(blank, empty)
    if blank is not None and pc.any(blank).as_py():
        return None
    frame = table.to_pandas(types_mapper={pa.large_string(): pd.StringDtype(na_value=float("nan"))}.get)
    frame.index = pd.RangeIndex(2, len(frame) + 2)
    return frame


def _parse_csv(name: str, text: str) -> tuple[list[list[str]], Problem | None]:
    records: list[list[str]] = []
    # strict: an unclosed quote or text after a closing quote is an error,
    # not something to guess around.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start_line = 1  # the line of the file where the record being read starts
    try:
        for record in reader:
            records.append(record)
            start_line = reader.line_num + 1
    except csv.Error as err:
        hint = "; is a quote left open?" if "unexpected end of data" in str(err) else ""
        message = f"cannot parse CSV: {err}{hint} (the row starts on line {start_line} of the file)"
        return records, Problem(name, len(records) + 1, None, message)
    return records, None


def _to_frame(name: str, records: list[list[str]], bad_bytes: bool) -> tuple[pd.DataFrame | None, list[Problem]]:
    if not records or not any(cell.strip() for cell in records[0]):
        return None, [Problem(name, 1, None, "no header row")]
    header, rows = records[0], records[1:]
    problems = []
    if bad_bytes:
        problems += _bad_bytes_problems(name, records, header)
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, 1, column, "column appears twice in the header"))
        elif not column.strip():
            problems.append(Problem(name, 1, None, "header has a column with no name"))
        seen.add(column)
    for row_number, record in enumerate(rows, start=2):
        if not any(cell.strip() for cell in record):
            problems.append(Problem(name, row_number, None, "blank row; delete it"))
        elif len(record) != len(header):
            message = f"row has {len(record)} fields, the header has {len(header)}"
            problems.append(Problem(name, row_number, None, message))
    if problems:
        return None, problems
    index = pd.RangeIndex(2, len(rows) + 2)
    return pd.DataFrame(rows, columns=header, index=index, dtype=str), []


def _has_bad_bytes(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _bad_bytes_problems(name: str, records: list[list[str]], header: list[str]) -> list[Problem]:
    problems = []
    for row_number, record in enumerate(records, start=1):
        for position, cell in enumerate(record):
            if _has_bad_bytes(cell):
                column = header[position] if row_number > 1 and position < len(header) else None
                bad = next(ch for ch in cell if "\udc80" <= ch <= "\udcff")
                message = f"not valid UTF-8 (byte 0x{ord(bad) - 0xDC00:02X} in {_printable(cell)}); save as UTF-8"
                problems.append(Problem(name, row_number, column, message))
    return problems


def _printable(cell: str) -> str:
    """A cell with each stray byte shown as \ufffd, so the message can be printed."""
    raw_bytes = cell.encode("utf-8", errors="surrogateescape")
    return show(raw_bytes.decode("utf-8", errors="replace"))


def _first_bad_byte(name: str, data: bytes) -> Problem:
    """Where decoding fails, by line, when the file cannot be parsed into rows."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return Problem(name, None, None, f"not valid UTF-8 (byte 0x{data[err.start]:02X} on line {line})")
    raise AssertionError("called only for data that is not UTF-8")
