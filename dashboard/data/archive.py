"""Events and statements as Parquet, queried with DuckDB: the engine for records too large to hold in pandas.

The one module that speaks SQL. A validated dataset of ARCHIVE_EVENTS events or more is written with its snapshot
(data/snapshot.py) as two Parquet files; a server then keeps the small tables in pandas and asks this module for
what a view needs of the two large ones: a count, a page of rows, weekly counts per lane. Only those results become
pandas frames, so a million-event record never sits in the server's memory whole.

Each file carries three columns beyond the table's own: `pos`, the row's place in the order pages list rows in
(events by start date and id, statements by said_start and id); `file_row`, its place in the table as loaded;
and `search_text`, the searched columns joined and case-folded by Python (`str.casefold`), so a text search
matches exactly as the pandas path does.

`DASHBOARD_ENGINE` = `pandas` or `duckdb` forces one engine whatever the size (tests, measurements); unset or
`auto`, the size decides.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard.data.arrow_frames import to_frame
from dashboard.data.dataset import ID_COLUMNS, TABLE_FILES, Dataset
from dashboard.data.description import Description
from dashboard.data.memo import DerivedValues, ViewMemo

if TYPE_CHECKING:
    import duckdb

ENGINE_ENV = "DASHBOARD_ENGINE"
# At and above this many events the archive serves the large tables (docs/performance.md, "Beyond memory": at
# 100,000 events pandas in memory answers a filter change faster; at 1,000,000 it holds 2.3 GB).
ARCHIVE_EVENTS = 500_000
# The tables the archive holds, with the columns their search text joins and the date span a window overlaps.
SEARCHED: dict[str, tuple[str, ...]] = {"events": ("title", "summary", "place"), "statements": ("quote", "paraphrase")}
SPANS: dict[str, tuple[str, str]] = {"events": ("start_date", "end_date"), "statements": ("said_start", "said_end")}
# Known on a day: events not yet public are hidden (an unknown first_public is kept); statements count once
# reported, or from their said_end when no report date is known (model/filters.py says the same in pandas).
KNOWN_ON: dict[str, str] = {
    "events": "(first_public IS NULL OR first_public <= ?)",
    "statements": "coalesce(reported_date, said_end) <= ?",
}
EXTRA_COLUMNS = ("pos", "file_row", "search_text")
# A first page is kept beside the archive (`Archive._answer`) up to this many rows: a table page is 50 to 200, the
# timeline's event picker lists the first 2,000 (model/timeline.PICKER_EVENTS; at 1,000,000 events 0.7 s to ask).
KEPT_ROWS = 2_000
ANSWERS = "answers"
# Rows per Parquet row group: DuckDB reads row groups in parallel, one per thread; 100,000 rows keep both cores
# busy at 1,000,000 events and let a window skip groups by their date statistics.
ROW_GROUP_ROWS = 100_000


def engine_choice() -> str:
    """`pandas`, `duckdb` or `auto` (unset, or anything else)."""
    configured = os.environ.get(ENGINE_ENV, "").strip().lower()
    return configured if configured in ("pandas", "duckdb") else "auto"


def wants_archive(event_count: int) -> bool:
    """Whether a dataset of `event_count` events is served from the archive."""
    choice = engine_choice()
    return choice == "duckdb" or (choice == "auto" and event_count >= ARCHIVE_EVENTS)


# The order pages list rows in (as data/dataset.py's in_date_order for events): undated last.
LISTING_ORDER = {"events": ("start_date", "event_id"), "statements": ("said_start", "statement_id")}


def write_archive(folder: Path, tables: dict[str, pa.Table | pd.DataFrame]) -> None:
    """Write the archived tables of a validated dataset (typed: in Arrow by data/arrow_typed.py, or the
    dataset's frames) into `folder` as Parquet (`write_archived_table`)."""
    for name in SEARCHED:
        write_archived_table(folder, name, tables[name])


def write_archived_table(folder: Path, name: str, given: pa.Table | pd.DataFrame) -> None:
    """One archived table as Parquet, in listing order with its extra columns. Written a row group at a time in
    that order, so that at most one row group is copied: a sorted copy of 1,000,000 events at once was ~0.5 GB
    of a first validation's peak."""
    table = pa.Table.from_pandas(given, preserve_index=False) if isinstance(given, pd.DataFrame) else given
    table = _one_list_type(table).replace_schema_metadata(None)
    table = table.append_column("file_row", pa.array(np.arange(table.num_rows, dtype=np.int64)))
    order = pc.sort_indices(table, sort_keys=[(key, "ascending", "at_end") for key in LISTING_ORDER[name]])
    schema = table.schema.append(pa.field("pos", pa.int64())).append(pa.field("search_text", pa.string()))
    with pq.ParquetWriter(folder / f"{name}.parquet", schema) as writer:
        for first in range(0, max(table.num_rows, 1), ROW_GROUP_ROWS):
            rows = table.take(order[first : first + ROW_GROUP_ROWS])
            searched = [rows.column(column) for column in SEARCHED[name]]
            text = pc.binary_join_element_wise(*searched, pa.scalar("\n", searched[0].type))
            rows = rows.append_column("pos", pa.array(np.arange(first, first + rows.num_rows, dtype=np.int64)))
            writer.write_table(rows.append_column("search_text", casefolded(text).cast(pa.string())))


def _one_list_type(table: pa.Table) -> pa.Table:
    """Id-list columns as list<string>, whichever way the table was typed (from tuples, or split in Arrow)."""
    fields = [
        field.with_type(pa.list_(pa.string()))
        if pa.types.is_list(field.type) or pa.types.is_large_list(field.type)
        else field
        for field in table.schema
    ]
    return table.cast(pa.schema(fields))


def casefolded(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """Python's `str.casefold` of each text, as pandas' search does: Arrow's lower case, then casefold itself for
    the few texts that are not ASCII (where the two differ: "ß" folds to "ss")."""
    lower = pc.utf8_lower(text)
    special = pc.invert(pc.string_is_ascii(text))
    if not pc.any(special).as_py():
        return lower
    folded = [value.casefold() for value in text.filter(special).to_pylist()]
    return pc.replace_with_mask(lower.combine_chunks(), special.combine_chunks(), pa.array(folded, lower.type))


def has_archive(folder: Path) -> bool:
    return all((folder / f"{name}.parquet").is_file() for name in SEARCHED)


@dataclass(frozen=True)
class Where:
    """What a view keeps of an archived table, in plain values (model/filters.py turns its Filters into one).
    Empty fields keep every row."""

    start: pd.Timestamp | None = None  # rows whose span ends on or after it
    end: pd.Timestamp | None = None  # rows whose span starts on or before it
    known_on: pd.Timestamp | None = None
    any_of: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (id-list column, ids): rows naming any of them
    one_of: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (column, values): rows with one of them
    text: str = ""  # case-folded: rows whose search text contains it
    text_or: tuple[str, tuple[str, ...]] | None = None  # (column, values): rows with one of them match the text too


class Archive:
    """The archived tables of one snapshot folder, read with DuckDB. Safe to share between sessions' threads:
    each query runs on its own cursor."""

    def __init__(self, folder: Path, memory_limit: str = "512MB"):
        import duckdb  # only servers of large records pay for importing it

        self.folder = folder
        # Spilled sorts go to the system's temporary folder, not DuckDB's default ".tmp" in the working directory.
        spill = Path(tempfile.gettempdir()) / "md-talks-duckdb"
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": memory_limit,
            "temp_directory": str(spill),
        }
        self._db: duckdb.DuckDBPyConnection = duckdb.connect(":memory:", config=config)
        self._lock = threading.Lock()
        self.columns: dict[str, list[str]] = {}
        self.row_counts: dict[str, int] = {}
        for name in SEARCHED:
            path = folder / f"{name}.parquet"
            quoted = str(path).replace("'", "''")
            self._db.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{quoted}')")
            metadata = pq.ParquetFile(path).metadata
            self.columns[name] = [column for column in pq.read_schema(path).names if column not in EXTRA_COLUMNS]
            self.row_counts[name] = metadata.num_rows

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one query, closed after it."""
        with self._lock:  # making a cursor touches the shared connection
            cursor = self._db.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def _answer(self, sql: str, params: list[Any], *, keep: bool, lanes: pa.Table | None = None) -> pa.Table:
        """The answer to `sql`; when `keep`, read from or written to the folder's kept answers.

        Every reader's first view has no filter, and its queries (the count, the summary, the weekly counts, the
        first page, the kinds, the date span) scan every row: ~1.5 s of a cold start at 1,000,000 events, ~3.5 s
        at 5,000,000. Their answers are small, and the archive never changes, so the first server to ask keeps
        each one in the snapshot's folder (an Arrow file named by a digest of the query, written whole, then
        renamed) and a restarted server or another replica reads it instead. `lanes`, a table the query joins
        as `lane_map`, is part of what is asked."""
        path = self.folder / ANSWERS / f"{_digest(sql, params, lanes)}.arrow" if keep else None
        if path is not None and path.is_file():
            try:
                with pa.OSFile(str(path)) as source:
                    return pa.ipc.open_file(source).read_all()
            except (OSError, pa.ArrowException):
                pass  # asked again below, and written over
        with self._cursor() as cursor:
            if lanes is not None:
                cursor.register("lane_map", lanes)
            answer = cursor.sql(sql, params=params).to_arrow_table()
        if path is not None:
            _keep(path, answer)
        return answer

    def _where(self, table: str, where: Where) -> tuple[str, list[Any]]:
        clauses: list[str] = ["true"]
        params: list[Any] = []
        first, last = SPANS[table]
        if where.start is not None:
            clauses.append(f"{last} >= ?")
            params.append(where.start)
        if where.end is not None:
            clauses.append(f"{first} <= ?")
            params.append(where.end)
        if where.known_on is not None:
            clauses.append(KNOWN_ON[table])
            params.append(where.known_on)
        for column, ids in where.any_of:
            clauses.append(f"list_has_any({self._column(table, column)}, ?::VARCHAR[])" if ids else "false")
            params += [list(ids)] if ids else []
        for column, values in where.one_of:
            clauses.append(f"list_contains(?::VARCHAR[], {self._column(table, column)})" if values else "false")
            params += [list(values)] if values else []
        if where.text:
            found = "contains(search_text, ?)"
            params.append(where.text)
            if where.text_or is not None and where.text_or[1]:
                found = f"({found} OR list_contains(?::VARCHAR[], {self._column(table, where.text_or[0])}))"
                params.append(list(where.text_or[1]))
            clauses.append(found)
        return " AND ".join(clauses), params

    def _column(self, table: str, column: str) -> str:
        """`column`, checked against the table's own: names in SQL come from code, never from a reader."""
        if column not in self.columns[table]:
            raise ValueError(f"{table} has no column {column!r}")
        return column

    def rows(
        self, table: str, where: Where = Where(), first: int = 0, limit: int | None = None, order: str = "pos"
    ) -> pd.DataFrame:
        """The rows `where` keeps, in listing order (`order="file_row"`: as loaded), from the `first` on (at most
        `limit`), as the dataset's frame."""
        if order not in ("pos", "file_row"):
            raise ValueError(f"order must be pos or file_row, not {order!r}")
        condition, params = self._where(table, where)
        paging = f" LIMIT {int(limit)}" if limit is not None else ""
        columns = ", ".join(self.columns[table])
        sql = f"SELECT {columns} FROM {table} WHERE {condition} ORDER BY {order}{paging} OFFSET {int(first)}"
        first_page = where == Where() and first == 0 and limit is not None and limit <= KEPT_ROWS
        return to_frame(self._answer(sql, params, keep=first_page))

    def rows_with(self, table: str, column: str, values: list[str]) -> pd.DataFrame:
        """The rows whose `column` is one of `values`, in listing order."""
        return self.rows(table, Where(one_of=((column, tuple(values)),)))

    def count(self, table: str, where: Where = Where(), flags: tuple[str, ...] = ()) -> tuple[int, ...]:
        """How many rows `where` keeps, and of those how many have each bool column of `flags` true."""
        condition, params = self._where(table, where)
        flagged = "".join(f", count(*) FILTER ({self._column(table, flag)})" for flag in flags)
        found = self._answer(f"SELECT count(*){flagged} FROM {table} WHERE {condition}", params, keep=where == Where())
        return tuple(int(column[0].as_py()) for column in found.columns)

    def summary(self, where: Where) -> dict[str, Any]:
        """Of the events `where` keeps: how many, the first start, the last end, and how many are planned and did
        not happen as known on `where.known_on` (events starting after it show as planned)."""
        condition, params = self._where("events", where)
        later = "start_date > ?" if where.known_on is not None else "false"
        sql = (
            f"SELECT count(*) AS events, min(start_date) AS first, max(end_date) AS last, "
            f"count(*) FILTER ({later} OR status = 'planned') AS planned, "
            f"count(*) FILTER (NOT ({later}) AND status = 'did_not_happen') AS not_held "
            f"FROM events WHERE {condition}"
        )
        shown = [where.known_on] * 2 if where.known_on is not None else []
        return self._answer(sql, shown + params, keep=where == Where()).to_pylist()[0]

    def weekly_lane_counts(self, where: Where, lane_by: str, lanes: pd.DataFrame, no_lane: str) -> pd.DataFrame:
        """Events per lane and calendar week (Monday) of their start: columns lane, group, week, events. By kind,
        or by participant: `lanes` maps actor_id to lane and group; an actor not in it has its id for a lane and
        no group, and an event without participants is in `no_lane`. An event counts once per lane."""
        condition, params = self._where("events", where)
        kept = (
            f"SELECT pos, date_trunc('week', start_date) AS week, kind, participant_ids FROM events WHERE {condition}"
        )
        if lane_by == "kind":
            sql = (
                f"SELECT kind AS lane, '' AS \"group\", week, count(*) AS events FROM ({kept}) "
                f"WHERE week IS NOT NULL GROUP BY ALL"
            )
            return self._answer(sql, params, keep=where == Where()).to_pandas()
        pairs = (
            f"SELECT pos, week, unnest(if(len(participant_ids) = 0, [NULL::VARCHAR], participant_ids)) AS actor_id "
            f"FROM ({kept}) WHERE week IS NOT NULL"
        )
        sql = (
            f"SELECT coalesce(l.lane, p.actor_id, ?) AS lane, coalesce(l.grp, '') AS \"group\", p.week, "
            f"count(DISTINCT p.pos) AS events FROM ({pairs}) p LEFT JOIN lane_map l ON l.actor_id = p.actor_id "
            f"GROUP BY ALL"
        )
        mapping = pa.Table.from_pandas(lanes[["actor_id", "lane", "grp"]], preserve_index=False)
        return self._answer(sql, [no_lane, *params], keep=where == Where(), lanes=mapping).to_pandas()

    def batches(self, table: str, column: str) -> Iterator[list[str]]:
        """The values of one column in listing order, a row group at a time."""
        with self._cursor() as cursor:
            reader = cursor.sql(f"SELECT {self._column(table, column)} FROM {table} ORDER BY pos").to_arrow_reader()
            for batch in reader:
                yield batch.column(0).to_pylist()

    def distinct(self, table: str, column: str) -> list[str]:
        """The distinct values of `column`, sorted."""
        sql = f"SELECT DISTINCT {self._column(table, column)} AS v FROM {table} ORDER BY v"
        return [value for value in self._answer(sql, [], keep=True)["v"].to_pylist() if value is not None]

    def has(self, table: str, column: str, value: str) -> bool:
        sql = f"SELECT count(*) AS n FROM {table} WHERE {self._column(table, column)} = ?"
        return bool(self._answer(sql, [value], keep=False)["n"][0].as_py())

    def span(self, table: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
        """The first start and the last end of every row's span."""
        first, last = SPANS[table]
        row = self._answer(f"SELECT min({first}) AS a, max({last}) AS b FROM {table}", [], keep=True).to_pylist()[0]
        return (
            None if row["a"] is None else pd.Timestamp(row["a"]),
            None if row["b"] is None else pd.Timestamp(row["b"]),
        )


def _digest(sql: str, params: list[Any], lanes: pa.Table | None) -> str:
    digest = hashlib.sha256(repr((sql, params)).encode())
    if lanes is not None:
        digest.update(repr(lanes.to_pydict()).encode())
    return digest.hexdigest()[:32]


def _keep(path: Path, answer: pa.Table) -> None:
    """Write `answer` to `path` whole or not at all: into a file of this thread's own, then renamed, so that a
    reader never meets half a file and two servers keeping the same answer at once both end with a whole one. Not
    kept when the folder cannot be written (the answer is given all the same)."""
    part = path.with_name(f".{path.stem}-{os.getpid()}-{threading.get_ident()}.part")
    try:
        path.parent.mkdir(exist_ok=True)
        with pa.OSFile(str(part), "wb") as sink, pa.ipc.new_file(sink, answer.schema) as writer:
            writer.write_table(answer)
        os.replace(part, path)
    except (OSError, pa.ArrowException):
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


class IdsInArchive(Collection[str]):
    """The ids of one id column of the archive, for the URL checks (model/url_params.py): `in` asks the archive
    for the one id sent, instead of holding an index of a million ids in memory."""

    def __init__(self, archive: Archive, table: str, column: str):
        self._archive, self._table, self._column = archive, table, column

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and self._archive.has(self._table, self._column, value)

    def __len__(self) -> int:
        return self._archive.row_counts[self._table]

    def __iter__(self) -> Iterator[str]:
        for frame in self._archive.batches(self._table, self._column):
            yield from frame


def _events_whole(dataset: Dataset) -> pd.DataFrame:
    return _archive_of(dataset).rows("events")


def _statements_whole(dataset: Dataset) -> pd.DataFrame:
    return _archive_of(dataset).rows("statements", order="file_row")  # as loaded: the CSV file's order


def _archive_of(dataset: Dataset) -> Archive:
    if dataset.archive is None:
        raise TypeError("not an archived dataset")
    return dataset.archive


class ArchivedDataset(Dataset):
    """A dataset whose events and statements stay in the archive; the other tables are in pandas.

    The model asks `archive` for what a view needs of the two large tables. `events` and `statements` still
    give the whole frames, read from the archive on first use and then kept (Dataset.derived), for what has
    no archive query of its own: correct at any size, but at a million events that costs the memory the archive
    saves, so the pages readers open first (the timeline with its table) never ask for them."""

    def __init__(self, archive: Archive, tables: dict[str, pd.DataFrame], description: Description | None = None):
        object.__setattr__(self, "archive", archive)
        for name in TABLE_FILES:
            if name not in SEARCHED:
                object.__setattr__(self, name, tables[name])
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "_derived", DerivedValues())
        object.__setattr__(self, "_memo", ViewMemo())

    @property
    def events(self) -> pd.DataFrame:
        return self.derived(_events_whole)

    @property
    def statements(self) -> pd.DataFrame:
        return self.derived(_statements_whole)

    def tables_in_memory(self) -> list[pd.DataFrame]:
        # the archived tables, once read whole, are among the derived values
        return [getattr(self, name) for name in TABLE_FILES if name not in SEARCHED]

    def replaced(self, **tables: pd.DataFrame) -> Dataset:
        if not set(tables).isdisjoint(SEARCHED):
            raise ValueError("the archived tables cannot be replaced: archive a new dataset")
        current = {name: getattr(self, name) for name in TABLE_FILES if name not in SEARCHED}
        return ArchivedDataset(_archive_of(self), {**current, **tables}, self.description)

    def row_count(self, table: str) -> int:
        archive = _archive_of(self)
        return archive.row_counts[table] if table in SEARCHED else super().row_count(table)

    def known_id(self, table: str, value: object) -> str | None:
        if table not in SEARCHED:
            return super().known_id(table, value)
        found = isinstance(value, str) and _archive_of(self).has(table, ID_COLUMNS[table], value)
        return value if found and isinstance(value, str) else None


def archived(dataset: Dataset, folder: Path) -> ArchivedDataset:
    """`dataset` served from an archive written into `folder` (which must exist)."""
    tables = dataset.tables()
    write_archive(folder, tables)
    return ArchivedDataset(Archive(folder), tables, dataset.description)
