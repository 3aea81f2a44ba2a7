"""What a view keeps of the events, counted, summed up and paged without being held whole.

On a dataset in pandas each function reads the view's filtered frame (`filter_events`, kept per view by
`Dataset.memo`); on an archived one (data/archive.py) each is one SQL query, and only its result comes back, so
a page over a million events holds the rows it shows, not the million. Callers keep results with `Dataset.memo`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.archive import Where
from dashboard.data.dataset import Dataset
from dashboard.model.filters import (
    Filters,
    event_where,
    events_as_known_on,
    filter_events,
    filter_statements,
    with_statement_labels,
)
from dashboard.model.filters import statement_where as _statement_where
from dashboard.model.timeline_marks import NO_PARTICIPANT, event_lanes, weekly_counts


@dataclass(frozen=True)
class EventSummary:
    """Of the events a view keeps: how many, the first start and last end (None without dated events), and how
    many show as planned and as did not happen."""

    events: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    planned: int
    not_held: int


@dataclass(frozen=True)
class WeeklyDensity:
    """Events per lane (rows, str) and calendar week of their start (columns), 0 where none; each lane's group;
    and the summary of the events counted."""

    counts: pd.DataFrame
    groups: pd.Series
    summary: EventSummary


def summarize(events: pd.DataFrame) -> EventSummary:
    """The summary of a frame of events (with `status_shown` where it has one)."""
    status = events["status_shown" if "status_shown" in events else "status"]
    first, last = events["start_date"].min(), events["end_date"].max()
    return EventSummary(
        events=len(events),
        first=None if pd.isna(first) else pd.Timestamp(first),
        last=None if pd.isna(last) else pd.Timestamp(last),
        planned=int((status == "planned").sum()),
        not_held=int((status == "did_not_happen").sum()),
    )


def event_count(ds: Dataset, filters: Filters) -> int:
    """How many events `filters` keeps."""
    if ds.archive is not None:
        return ds.archive.count("events", event_where(ds, filters))[0]
    return len(ds.memo(filter_events, filters))


def statement_counts(ds: Dataset, filters: Filters) -> tuple[int, int]:
    """How many statements `filters` keeps, and how many of them are direct quotes."""
    if ds.archive is not None:
        found = ds.archive.count("statements", _statement_where(ds, filters), ("is_direct_quote",))
        return found[0], found[1]
    statements = ds.memo(filter_statements, filters)
    return len(statements), int(statements["is_direct_quote"].sum())


def statement_rows(ds: Dataset, filters: Filters, first: int, count: int) -> pd.DataFrame:
    """Rows first..first+count of the statements `filters` keeps (as `filter_statements` gives them)."""
    if ds.archive is None:
        return ds.memo(filter_statements, filters).iloc[first : first + count].reset_index(drop=True)
    rows = ds.archive.rows("statements", _statement_where(ds, filters), first=first, limit=count)
    return with_statement_labels(rows, ds)


def event_summary(ds: Dataset, filters: Filters) -> EventSummary:
    if ds.archive is None:
        return summarize(ds.memo(filter_events, filters))
    found = ds.archive.summary(event_where(ds, filters))
    return EventSummary(
        events=int(found["events"]),
        first=None if found["first"] is None else pd.Timestamp(found["first"]),
        last=None if found["last"] is None else pd.Timestamp(found["last"]),
        planned=int(found["planned"]),
        not_held=int(found["not_held"]),
    )


def event_rows(ds: Dataset, filters: Filters, first: int, count: int) -> pd.DataFrame:
    """Rows first..first+count of the events `filters` keeps (as `filter_events` gives them), fresh index."""
    if ds.archive is None:
        return ds.memo(filter_events, filters).iloc[first : first + count].reset_index(drop=True)
    rows = ds.archive.rows("events", event_where(ds, filters), first=first, limit=count)
    return events_as_known_on(rows, filters.as_known_on).reset_index(drop=True)


def events_by_id(ds: Dataset, event_ids: Iterable[str]) -> pd.DataFrame:
    """The events with these ids, in date order (unknown ids are left out)."""
    wanted = sorted(set(event_ids))
    if ds.archive is not None:
        return ds.archive.rows_with("events", "event_id", wanted)
    events = ds.events[ds.events["event_id"].isin(wanted)]
    return events.sort_values(["start_date", "event_id"]).reset_index(drop=True)


def statements_at(ds: Dataset, event_id: str) -> pd.DataFrame:
    """The statements said at one event, in the table's order."""
    if ds.archive is not None:
        return ds.archive.rows("statements", Where(one_of=(("event_id", (event_id,)),)), order="file_row")
    return ds.statements[ds.statements["event_id"] == event_id]


def event_kinds(ds: Dataset) -> list[str]:
    """The kinds of event the record has, sorted."""
    return ds.derived(_event_kinds)


def _event_kinds(ds: Dataset) -> list[str]:
    if ds.archive is not None:
        return ds.archive.distinct("events", "kind")
    return sorted(ds.events["kind"].unique())


def lane_map(actors: pd.DataFrame, lane_by: str) -> pd.DataFrame:
    """actor_id → lane and group (grp), as `event_lanes` draws participants: by name, or by affiliation (an actor
    without one under its id); the group is the affiliation."""
    lane = actors["name"] if lane_by == "actor" else actors["affiliation"].where(actors["affiliation"] != "")
    return pd.DataFrame(
        {
            "actor_id": actors["actor_id"].to_numpy(dtype=object),
            "lane": lane.fillna(actors["actor_id"]).to_numpy(dtype=object),
            "grp": actors["affiliation"].to_numpy(dtype=object),
        }
    )


def weekly_density(ds: Dataset, filters: Filters, lane_by: str) -> WeeklyDensity:
    """The weekly counts per lane (`weekly_counts`) of the events `filters` keeps, drawn in lanes by `lane_by`."""
    if ds.archive is None:
        return density_of(ds.memo(filter_events, filters), lane_by, ds.actors)
    found = ds.archive.weekly_lane_counts(
        event_where(ds, filters), lane_by, lane_map(ds.actors, lane_by), NO_PARTICIPANT
    )
    weeks = found["week"].astype("datetime64[ns]")
    counts = found.assign(week=weeks).pivot_table(
        index="lane", columns="week", values="events", aggfunc="sum", fill_value=0
    )
    counts = counts.astype(np.int64).rename_axis(index="lane", columns="week")
    counts.index = counts.index.astype(str)
    groups = found.groupby("lane")["group"].first()
    return _by_lane(counts, groups, event_summary(ds, filters))


def density_of(events: pd.DataFrame, lane_by: str, actors: pd.DataFrame | None) -> WeeklyDensity:
    """`weekly_density` of a frame of events in memory."""
    counts, groups = weekly_counts(events, event_lanes(events, lane_by, actors))
    return _by_lane(counts, groups, summarize(events))


def _by_lane(counts: pd.DataFrame, groups: pd.Series, summary: EventSummary) -> WeeklyDensity:
    """Lanes in name order (the chart orders them its own way), whichever engine counted."""
    counts = counts.sort_index()
    return WeeklyDensity(counts, groups.reindex(counts.index).astype(object), summary)
