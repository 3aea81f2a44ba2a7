"""The commitments ledger: what was promised, planned or demanded, by when,
and its status as known on a day (see commitments.csv and
commitment_status.csv in the codebook)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import format_date_range, to_timestamp
from dashboard.model.filters import lookup

LEDGER_COLUMNS = [
    "commitment_id",
    "title",
    "kind",
    "made_by",
    "issue_id",
    "issue_title",
    "due",
    "status",
    "status_since",
    "status_note",
    "status_source_ids",
    "source_ids",
    "note",
]


def status_changes_known_on(ds: Dataset, day: date | None) -> pd.DataFrame:
    """The status changes in force and printed by `day` (all when None),
    sorted by commitment, as_of, reported_date, change_id."""
    changes = ds.commitment_status
    if (when := to_timestamp(day)) is not None:
        changes = changes[(changes["as_of"] <= when) & (changes["reported_date"] <= when)]
    return changes.sort_values(["commitment_id", "as_of", "reported_date", "change_id"]).reset_index(drop=True)


def ledger(ds: Dataset, day: date | None) -> pd.DataFrame:
    """One row per commitment on record by `day` (one with a status change
    known by then), with its latest status as known on `day`; in order of
    the due date (undated last), then title. Columns: LEDGER_COLUMNS."""
    latest = status_changes_known_on(ds, day).groupby("commitment_id").tail(1).set_index("commitment_id")
    commitments = ds.commitments[ds.commitments["commitment_id"].isin(latest.index)].copy()
    if commitments.empty:
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    names = lookup(ds.actors, "actor_id", "name")
    commitments["made_by"] = [", ".join(names.get(a, a) for a in ids) for ids in commitments["actor_ids"]]
    commitments["issue_title"] = commitments["issue_id"].map(lookup(ds.issues, "issue_id", "title")).fillna("")
    commitments["due"] = [
        "no date set" if pd.isna(start) else format_date_range(start, end, precision)
        for start, end, precision in zip(
            commitments["due_start"], commitments["due_end"], commitments["due_precision"], strict=True
        )
    ]
    ids = commitments["commitment_id"]
    commitments["status"] = ids.map(latest["status"])
    commitments["status_since"] = pd.to_datetime(ids.map(latest["as_of"]))
    commitments["status_note"] = ids.map(latest["note"])
    commitments["status_source_ids"] = ids.map(latest["source_ids"])
    ordered = commitments.sort_values(["due_start", "title"], na_position="last", kind="stable")
    return ordered.reset_index(drop=True)[LEDGER_COLUMNS]


def status_on(ds: Dataset, commitment_id: str, day: date | None) -> str:
    """The commitment's status as known on `day`, "" if not yet on record."""
    rows = ledger(ds, day)
    found = rows.loc[rows["commitment_id"] == commitment_id, "status"]
    return str(found.iloc[0]) if len(found) else ""
