"""Filtering events and statements by what the reader picked.

Every filter field left empty means "no filter". `kinds` filters events only
(statements have no kind). "As known on" follows the codebook: events not yet
public are hidden and events starting later are shown as planned; statements
are kept only once reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import to_timestamp


@dataclass(frozen=True)
class Filters:
    actors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # event kinds; ignored for statements
    start: date | None = None
    end: date | None = None
    as_known_on: date | None = None
    text: str = ""


def lookup(frame: pd.DataFrame, id_column: str, value_column: str) -> pd.Series:
    """`value_column` indexed by `id_column`, for `Series.map`."""
    return frame.set_index(id_column)[value_column]


def mentions_any(id_lists: pd.Series, wanted: Iterable[str]) -> pd.Series:
    """True where a tuple of ids shares at least one id with `wanted`."""
    wanted = set(wanted)
    return id_lists.map(lambda ids: not wanted.isdisjoint(ids)).astype(bool)


def overlaps(first: pd.Series, last: pd.Series, start: date | None, end: date | None) -> pd.Series:
    """True where [first, last] intersects [start, end]; either end may be open."""
    keep = pd.Series(True, index=first.index)
    if (start := to_timestamp(start)) is not None:
        keep &= last >= start
    if (end := to_timestamp(end)) is not None:
        keep &= first <= end
    return keep


def contains_text(frame: pd.DataFrame, columns: Iterable[str], text: str) -> pd.Series:
    """True where any column holds `text` as a case-insensitive literal
    substring (no regex, so "(" or ".*" are just characters)."""
    needle = text.strip().casefold()
    found = pd.Series(False, index=frame.index)
    for column in columns:
        found |= frame[column].fillna("").astype(str).str.casefold().str.contains(needle, regex=False)
    return found


def events_as_known_on(events: pd.DataFrame, day: date | None) -> pd.DataFrame:
    """Events as the record stood on `day`, with a `status_shown` column.

    Events that became public after `day` are dropped; events starting after
    `day` show as "planned" whatever happened later. An event with an unknown
    `first_public` is kept (we cannot date its disclosure). `day=None` keeps
    every event with its own status."""
    shown = events.copy()
    shown["status_shown"] = shown["status"]
    if (day := to_timestamp(day)) is None:
        return shown
    shown = shown[~(shown["first_public"] > day)].copy()
    shown.loc[shown["start_date"] > day, "status_shown"] = "planned"
    return shown


def _affiliated_actors(ds: Dataset, affiliations: Iterable[str]) -> set[str]:
    return set(ds.actors.loc[ds.actors["affiliation"].isin(list(affiliations)), "actor_id"])


def filter_events(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Events matching every filter field, with `status_shown`; sorted by
    start_date, event_id, with a fresh index."""
    events = events_as_known_on(ds.events, filters.as_known_on)
    keep = overlaps(events["start_date"], events["end_date"], filters.start, filters.end)
    if filters.actors:
        keep &= mentions_any(events["participant_ids"], filters.actors)
    if filters.affiliations:
        keep &= mentions_any(events["participant_ids"], _affiliated_actors(ds, filters.affiliations))
    if filters.issues:
        keep &= mentions_any(events["issue_ids"], filters.issues)
    if filters.kinds:
        keep &= events["kind"].isin(list(filters.kinds))
    if filters.text.strip():
        keep &= contains_text(events, ("title", "summary", "place"), filters.text)
    return events[keep].sort_values(["start_date", "event_id"]).reset_index(drop=True)


def with_statement_labels(statements: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """Adds speaker_name, speaker_side, speaker_affiliation, event_title,
    issue_title and position_label ("" where there is none)."""
    labelled = statements.copy()
    for column, table, id_column, value_column in (
        ("speaker_name", ds.actors, "actor_id", "name"),
        ("speaker_side", ds.actors, "actor_id", "side"),
        ("speaker_affiliation", ds.actors, "actor_id", "affiliation"),
    ):
        labelled[column] = labelled["speaker_id"].map(lookup(table, id_column, value_column)).fillna("")
    labelled["event_title"] = labelled["event_id"].map(lookup(ds.events, "event_id", "title")).fillna("")
    labelled["issue_title"] = labelled["issue_id"].map(lookup(ds.issues, "issue_id", "title")).fillna("")
    labelled["position_label"] = (
        labelled["position_id"].map(lookup(ds.positions, "position_id", "label")).fillna("")
    )
    return labelled


def filter_statements(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Statements matching the filters (`kinds` does not apply), with the
    labels of `with_statement_labels`; sorted by said_start, statement_id.

    As known on a day, a statement counts once reported; a statement without a
    reported_date counts from its said_end."""
    statements = with_statement_labels(ds.statements, ds)
    keep = overlaps(statements["said_start"], statements["said_end"], filters.start, filters.end)
    if (day := to_timestamp(filters.as_known_on)) is not None:
        keep &= statements["reported_date"].fillna(statements["said_end"]) <= day
    if filters.actors:
        keep &= statements["speaker_id"].isin(list(filters.actors))
    if filters.affiliations:
        keep &= statements["speaker_affiliation"].isin(list(filters.affiliations))
    if filters.issues:
        keep &= statements["issue_id"].isin(list(filters.issues))
    if filters.text.strip():
        keep &= contains_text(statements, ("quote", "paraphrase", "speaker_name"), filters.text)
    return statements[keep].sort_values(["said_start", "statement_id"]).reset_index(drop=True)
