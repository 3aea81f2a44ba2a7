"""One stance with the words of every statement it cites, for the detail pane of a picked stance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.stances import stance_history, statements_by_id


@dataclass(frozen=True)
class StanceDetail:
    """A stance with the words of every statement it cites (see `stance_detail`)."""

    stance_id: str
    issue_id: str
    side: str
    actor_name: str
    position_label: str
    as_of: pd.Timestamp
    known_from: pd.Timestamp
    basis: str
    evidence: list[dict[str, Any]]
    source_ids: list[str]


def stance_detail(ds: Dataset, stance_id: str) -> StanceDetail | None:
    """The selected stance for its detail pane: position, side, speaker, the
    words of each statement it cites (quote or paraphrase) with their said
    dates, and the source ids. None if there is no such stance."""
    stances = ds.stances[ds.stances["stance_id"] == stance_id]
    if stances.empty:
        return None
    history = stance_history(ds, str(stances["issue_id"].iloc[0]))
    stance = history[history["stance_id"] == stance_id].iloc[0]
    statements = statements_by_id(ds)
    evidence = []
    source_ids: list[str] = list(stance["source_ids"])
    for statement_id in stance["statement_ids"]:
        if statement_id not in statements.index:
            continue
        statement = statements.loc[statement_id]
        evidence.append(
            {
                "statement_id": statement_id,
                "speaker": statement["speaker_name"],
                "quote": statement["quote"],
                "paraphrase": statement["paraphrase"],
                "said_start": statement["said_start"],
                "said_end": statement["said_end"],
                "said_precision": statement["said_precision"],
                "reported_date": statement["printed"],
            }
        )
        source_ids += [s for s in statement["source_ids"] if s not in source_ids]
    return StanceDetail(
        stance_id=stance_id,
        issue_id=str(stance["issue_id"]),
        side=str(stance["side"]),
        actor_name=str(stance["actor_name"]),
        position_label=str(stance["position_label"]),
        as_of=pd.Timestamp(stance["as_of"]),
        known_from=pd.Timestamp(stance["known_from"]),
        basis=str(stance["basis"]),
        evidence=evidence,
        source_ids=source_ids,
    )
