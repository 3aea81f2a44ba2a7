"""Who held which role, attended what, said what, and met whom."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import to_timestamp
from dashboard.model.filters import Filters, filter_statements


def actor_roles_on(ds: Dataset, actor_id: str, day: date | None = None) -> pd.DataFrame:
    """The actor's roles (actor_roles columns), sorted by start_date; with
    `day`, only roles held that day (an empty start/end is open)."""
    roles = ds.actor_roles[ds.actor_roles["actor_id"] == actor_id]
    if (day := to_timestamp(day)) is not None:
        roles = roles[~(roles["start_date"] > day) & ~(roles["end_date"] < day)]
    return roles.sort_values(["start_date", "role_id"], na_position="first").reset_index(drop=True)


def events_attended(ds: Dataset, actor_id: str) -> pd.DataFrame:
    """Events (any status) listing the actor as participant (events columns),
    sorted by start_date, event_id."""
    attended = ds.events["participant_ids"].map(lambda ids: actor_id in ids).astype(bool)
    return ds.events[attended].sort_values(["start_date", "event_id"]).reset_index(drop=True)


def statements_by(ds: Dataset, actor_id: str) -> pd.DataFrame:
    """The actor's statements, as `filter_statements` returns them."""
    return filter_statements(ds, Filters(actors=(actor_id,)))


def co_attendance(ds: Dataset) -> pd.DataFrame:
    """Who met whom: every pair of actors (actor_a < actor_b) listed together
    as participants of a held event. Columns: actor_a, actor_b, events (count),
    event_ids (tuple, in date order); most shared events first."""
    held = ds.events[ds.events["status"] == "held"].sort_values(["start_date", "event_id"])
    shared: dict[tuple[str, str], list[str]] = {}
    for event_id, participants in zip(held["event_id"], held["participant_ids"], strict=True):
        for pair in combinations(sorted(set(participants)), 2):
            shared.setdefault(pair, []).append(event_id)
    pairs = pd.DataFrame(
        [(a, b, len(ids), tuple(ids)) for (a, b), ids in shared.items()],
        columns=["actor_a", "actor_b", "events", "event_ids"],
    )
    return pairs.sort_values(["events", "actor_a", "actor_b"], ascending=[False, True, True], ignore_index=True)
