"""The typed, validated dataset every other layer works on.

Column kinds follow `data/README.md` (the codebook). After loading:
- date columns are ``datetime64[ns]`` (``NaT`` when empty);
- id-list columns (``*_ids``) hold tuples of str (``()`` when empty);
- bool columns are ``bool``; ``rank``/``sort_order`` are ``int64``;
  ``latitude``/``longitude`` are ``float64`` (``NaN`` when empty);
- every other column is ``str`` (``""`` when empty).
Each frame keeps the CSV's column order and a default RangeIndex; rows keep the
CSV's order, except events: by start_date, then event_id, undated last.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import pandas as pd

from dashboard.data.description import Description, default_description
from dashboard.data.memo import DerivedValues, ViewMemo

if TYPE_CHECKING:
    from dashboard.data.archive import Archive

# Table name -> file name, in the order tables are validated and documented.
TABLE_FILES: dict[str, str] = {
    "sources": "sources.csv",
    "actors": "actors.csv",
    "actor_roles": "actor_roles.csv",
    "issues": "issues.csv",
    "positions": "positions.csv",
    "events": "events.csv",
    "statements": "statements.csv",
    "stances": "stances.csv",
    "phases": "phases.csv",
    # The commitments ledger and the sources' disagreements.
    "commitments": "commitments.csv",
    "commitment_status": "commitment_status.csv",
    "disagreements": "disagreements.csv",
    # The story and event links; optional, see OPTIONAL_TABLES.
    "event_links": "event_links.csv",
    "story_steps": "story_steps.csv",
}

# Tables a data directory may leave out: a missing file reads as an empty table
# (datasets made before these tables existed, e.g. bench/generate.py's, stay valid).
OPTIONAL_TABLES = frozenset({"event_links", "story_steps"})

# The id column of each table.
ID_COLUMNS: dict[str, str] = {
    "sources": "source_id",
    "actors": "actor_id",
    "actor_roles": "role_id",
    "issues": "issue_id",
    "positions": "position_id",
    "events": "event_id",
    "statements": "statement_id",
    "stances": "stance_id",
    "phases": "phase_id",
    "commitments": "commitment_id",
    "commitment_status": "change_id",
    "disagreements": "reading_id",
    "event_links": "link_id",
    "story_steps": "step",
}

T = TypeVar("T")


def in_date_order(events: pd.DataFrame) -> pd.DataFrame:
    """Events by start_date, then event_id (undated last), with a fresh index: the order every page lists and
    filters them in. Loading sorts once (data/load.py), so the snapshot keeps it: at 1,000,000 events sorting
    (and copying) the table took ~4 s and 0.4 GB at every start."""
    return events.sort_values(["start_date", "event_id"]).reset_index(drop=True)


@dataclass(frozen=True)
class Dataset:
    sources: pd.DataFrame
    actors: pd.DataFrame
    actor_roles: pd.DataFrame
    issues: pd.DataFrame
    positions: pd.DataFrame
    events: pd.DataFrame
    statements: pd.DataFrame
    stances: pd.DataFrame
    phases: pd.DataFrame
    commitments: pd.DataFrame
    commitment_status: pd.DataFrame
    disagreements: pd.DataFrame
    event_links: pd.DataFrame
    story_steps: pd.DataFrame
    # What the record says of itself (dataset.toml); None for a dataset built in memory: see `about`.
    description: Description | None = None
    # Values built by `derived` and by `memo` (data/memo.py). Not part of equality or the constructor; filled in
    # place, so the dataclass can stay frozen.
    _derived: DerivedValues = field(default_factory=DerivedValues, init=False, compare=False, repr=False)
    _memo: ViewMemo = field(default_factory=ViewMemo, init=False, compare=False, repr=False)
    # Where the large tables are queried from when they are not held in pandas (data/archive.py); None here.
    archive: ClassVar[Archive | None] = None

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLE_FILES}

    @property
    def about(self) -> Description:
        """The record's title and sides: its dataset.toml's, else the defaults (the sides its actors use)."""
        if self.description is not None:
            return self.description
        return default_description("Untitled record", self.actors["side"] if "side" in self.actors else ())

    def counts(self) -> dict[str, int]:
        return {name: self.row_count(name) for name in TABLE_FILES}

    def tables_in_memory(self) -> list[pd.DataFrame]:
        """The tables held as frames (all of them, unless archived: data/archive.py), without reading any."""
        return list(self.tables().values())

    def replaced(self, **tables: pd.DataFrame) -> Dataset:
        """This dataset with the given tables replaced (a new dataset, with nothing derived yet)."""
        changes: dict[str, Any] = dict(tables)
        return replace(self, **changes)

    def row_count(self, table: str) -> int:
        """The number of rows of `table`, without reading it whole where it is archived."""
        return len(getattr(self, table))

    def derived(self, build: Callable[[Dataset], T]) -> T:
        """`build(self)`, computed once per dataset and kept with it.

        For lookups that depend only on the tables (sorted copies, exploded id
        lists, search text): the app shares one loaded dataset across reruns,
        so each is paid for once, not on every rerun. The tables are never
        changed after loading, so a kept value cannot go stale. Keyed by the
        builder itself, so pass a module-level function, not a fresh closure.
        Sessions asking at once wait for one build; `build` may ask for other
        derived values.
        """
        return self._derived.get(self, build)

    def memo(self, build: Callable[..., T], *view: Hashable) -> T:
        """`build(self, *view)`, kept while that `build`'s most recently asked views fit in MEMO_BYTES.

        For what depends on the tables and on a view's parameters (a filter set, a page control): readers of
        one shared link ask for the same view, and a reader going back and forth between two views asks again,
        so those reruns reuse the value. `view` must be hashable and name everything `build` reads besides the
        tables; map what a client sent to a known value first (an existing id or None), so that junk cannot
        make keys. Pass a module-level `build`. The value is shared: treat it as read-only. Each builder keeps
        its own MEMO_BYTES (data/memo.py says why).
        """
        return self._memo.get(self, build, view)

    def known_id(self, table: str, value: object) -> str | None:
        """`value` if it is an id of `table`, else None: for ids a client sent, before they key a memo."""
        index = _ID_INDEXES.get(table)
        return value if isinstance(value, str) and index is not None and value in self.derived(index) else None


def _id_index(table: str, dataset: Dataset) -> pd.Index:
    # An Index, not a set: `in` is all that is needed (at 1,000,000 events the first lookup builds its hash
    # table, ~60 MB, once per dataset; a set of the ids cost ~5 s).
    return pd.Index(getattr(dataset, table)[ID_COLUMNS[table]])


# One builder per table, made once, so that `derived` keeps each table's index under a stable key.
_ID_INDEXES: dict[str, Callable[[Dataset], pd.Index]] = {name: partial(_id_index, name) for name in ID_COLUMNS}
