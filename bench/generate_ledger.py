"""The synthetic datasets' commitment ledger and disagreement: one row each, enough to be valid and typed."""

from __future__ import annotations

import pandas as pd


def _commitments(first: pd.Series) -> pd.DataFrame:
    """One commitment, made in the first statement."""
    row = dict(
        commitment_id="cm_000000",
        title="Synthetic commitment",
        kind="promise",
        actor_ids=first["speaker_id"],
        issue_id=first["issue_id"],
        due_start="",
        due_end="",
        due_precision="undated",
        event_id="",
        statement_ids=first["statement_id"],
        source_ids=first["source_ids"],
        note="",
    )
    return pd.DataFrame([row])


def _commitment_status(first: pd.Series) -> pd.DataFrame:
    """The commitment's one status: pending since the first statement."""
    row = dict(
        change_id="cs_000000",
        commitment_id="cm_000000",
        status="pending",
        as_of=first["said_start"],
        reported_date=first["said_start"],
        source_ids=first["source_ids"],
        note="synthetic",
    )
    return pd.DataFrame([row])


def _disagreements(events: pd.DataFrame, source_ids: list[str]) -> pd.DataFrame:
    """One disagreement about the first event, read by the first two sources."""
    rows = [
        dict(
            reading_id=f"rd_{i}",
            disagreement_id="dis_000000",
            topic="Synthetic claim",
            source_id=source,
            says=f"version {i}",
            event_ids=events["event_id"].iloc[0],
            statement_ids="",
            note="",
        )
        for i, source in enumerate(source_ids[:2])
    ]
    return pd.DataFrame(rows)


def ledger_and_disagreements(
    statements: pd.DataFrame, events: pd.DataFrame, source_ids: list[str]
) -> dict[str, pd.DataFrame]:
    """One synthetic row each for the commitment ledger (a commitment, its status) and a disagreement read by
    two sources: enough to be valid and typed."""
    first = statements.iloc[0]
    return {
        "commitments": _commitments(first),
        "commitment_status": _commitment_status(first),
        "disagreements": _disagreements(events, source_ids),
    }
