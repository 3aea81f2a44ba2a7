"""Grading each change of a side's position against the other side's position in force that day: moved toward,
moved away, held, or crossed over (same distance, other side of the other's position)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import to_timestamp
from dashboard.model.quoting import quote_or_paraphrase
from dashboard.model.stance_gaps import NO_COUNTERPART
from dashboard.model.stances import side_ids, stance_history

CHANGE_COLUMNS = [
    "issue_id",
    "side",
    "stance_id",
    "previous_stance_id",
    "date",
    "from_label",
    "to_label",
    "from_rank",
    "to_rank",
    "other_rank",
    "grade",
    "words_before",
    "words_after",
]


def _grade(from_rank: float, to_rank: float, other_rank: float) -> str:
    if from_rank == to_rank:
        return "held"
    if pd.isna(other_rank):
        return NO_COUNTERPART
    before, after = abs(from_rank - other_rank), abs(to_rank - other_rank)
    if after < before:
        return "moved toward"
    if after > before:
        return "moved away"
    # Same distance from the other side but a different rank: it jumped over it.
    return "crossed over"


def position_changes(ds: Dataset, issue_id: str, day: date | None = None) -> pd.DataFrame:
    """Every change of a side's stance on the issue (each stance after that
    side's first), as known on `day`, graded against the other side's rank in
    force on the day of the change: "moved toward", "moved away", "held"
    (same rank), "crossed over" (another rank at the same distance, on the
    other side of the other's position) or "no counterpart position". With the
    words (quote, else paraphrase) before and after. Columns: CHANGE_COLUMNS."""
    history = stance_history(ds, issue_id, known_on=day)
    if (when := to_timestamp(day)) is not None:
        history = history[history["as_of"] <= when]
    rows = []
    sides = side_ids(ds)
    for side, other in (sides, sides[::-1]):
        own = history[history["side"] == side].reset_index(drop=True)
        others = history[history["side"] == other]
        ranks, other_ranks = own["rank"].astype(float).to_numpy(), others["rank"].astype(float).to_numpy()
        said = [
            quote_or_paraphrase(quote, paraphrase)
            for quote, paraphrase in zip(own["quote"], own["paraphrase"], strict=True)
        ]
        for i in range(1, len(own)):
            in_force = np.flatnonzero((others["as_of"] <= own["as_of"].iloc[i]).to_numpy())
            other_rank = other_ranks[in_force[-1]] if len(in_force) else np.nan
            rows.append(
                {
                    "issue_id": issue_id,
                    "side": side,
                    "stance_id": own["stance_id"].iloc[i],
                    "previous_stance_id": own["stance_id"].iloc[i - 1],
                    "date": own["as_of"].iloc[i],
                    "from_label": own["position_label"].iloc[i - 1],
                    "to_label": own["position_label"].iloc[i],
                    "from_rank": ranks[i - 1],
                    "to_rank": ranks[i],
                    "other_rank": other_rank,
                    "grade": _grade(ranks[i - 1], ranks[i], other_rank),
                    "words_before": said[i - 1],
                    "words_after": said[i],
                }
            )
    changes = pd.DataFrame(rows, columns=CHANGE_COLUMNS)
    return changes.sort_values(["date", "side"], kind="stable").reset_index(drop=True)
