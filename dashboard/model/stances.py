"""Each side's stances on an issue, as known on a day: the history every other stance module reads.

A side's stance on a day is the latest stance (largest as_of, ties broken by stance_id) of any actor on that side.
"As known on" a day D, a stance counts only once its evidence was printed: from `known_from`, the earliest
reported_date of the statements it cites (see the evidence rule in the codebook).

The rest of the gap method lives beside this module: stance_gaps (gaps, trends, totals), stance_changes (grading of
moves), stance_panels (the panels' data) and stance_detail (one stance with its evidence).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import to_timestamp
from dashboard.model.filters import lookup

HISTORY_COLUMNS = [
    "stance_id",
    "issue_id",
    "side",
    "actor_id",
    "actor_name",
    "position_id",
    "rank",
    "position_label",
    "as_of",
    "date_precision",
    "statement_id",
    "statement_ids",
    "speaker_name",
    "quote",
    "paraphrase",
    "said_start",
    "said_end",
    "said_precision",
    "known_from",
    "basis",
    "source_ids",
]


def side_ids(ds: Dataset) -> tuple[str, str]:
    """The two sides whose stances are compared, as actors' `side` values, in the record's order (dataset.toml).
    The gap method compares exactly two; this is the one place that says which."""
    first, second = ds.about.sides
    return first.id, second.id


def _evidence_ids(stances: pd.DataFrame) -> pd.Series:
    """The statements each stance cites: statement_id, then also_statement_ids."""
    also = stances["also_statement_ids"] if "also_statement_ids" in stances else pd.Series([()] * len(stances))
    return pd.Series(
        [
            tuple(i for i in (first, *more) if i)
            for first, more in zip(stances["statement_id"], also.tolist(), strict=True)
        ],
        index=stances.index,
        dtype=object,
    )


def _build_statements_by_id(ds: Dataset) -> pd.DataFrame:
    statements = ds.statements.set_index("statement_id")
    reported = statements["reported_date"].fillna(statements["said_end"])
    speaker = statements["speaker_id"].map(lookup(ds.actors, "actor_id", "name")).fillna("")
    return statements.assign(printed=reported, speaker_name=speaker)


def statements_by_id(ds: Dataset) -> pd.DataFrame:
    """The statements indexed by statement_id, with `printed` (reported_date, else said_end) and `speaker_name`."""
    return ds.derived(_build_statements_by_id)


def stance_history(ds: Dataset, issue_id: str, known_on: date | None = None) -> pd.DataFrame:
    """Every stance on the issue with its side, actor name, position rank and
    label, its evidence (statement_ids; the first statement's speaker, quote,
    paraphrase and said dates) and `known_from`, the day its evidence was
    first printed. `known_on` keeps only stances known by then. Sorted by
    as_of, stance_id. Columns: HISTORY_COLUMNS."""
    # Built once per dataset: the Stances page asks for a history ~30 times per rerun, and building one
    # took ~13 ms (bundled data), 0.4 s of each 0.5 s rerun.
    history = ds.derived(_histories_by_issue).get(issue_id)
    if history is None:
        history = _history(ds, ds.stances[ds.stances["issue_id"] == issue_id])
    if (day := to_timestamp(known_on)) is not None:
        return history[history["known_from"] <= day].reset_index(drop=True)
    return history.copy()


def _histories_by_issue(ds: Dataset) -> dict[str, pd.DataFrame]:
    histories = {str(issue): _history(ds, stances) for issue, stances in ds.stances.groupby("issue_id", sort=False)}
    # Issues with no stance share one empty history: building it took as long as a full one (~30 ms, most of
    # it pandas' fixed costs), each time the panels or the gap series asked.
    empty = _history(ds, ds.stances.iloc[:0])
    return {str(issue): histories.get(str(issue), empty) for issue in ds.issues["issue_id"]} | histories


def _history(ds: Dataset, stances: pd.DataFrame) -> pd.DataFrame:
    """`stance_history` of these stances, before the known-on filter."""
    history = stances.copy()
    history["side"] = history["actor_id"].map(lookup(ds.actors, "actor_id", "side")).fillna("")
    history["actor_name"] = history["actor_id"].map(lookup(ds.actors, "actor_id", "name")).fillna("")
    history["rank"] = history["position_id"].map(lookup(ds.positions, "position_id", "rank"))
    history["position_label"] = history["position_id"].map(lookup(ds.positions, "position_id", "label")).fillna("")
    history["statement_ids"] = _evidence_ids(history)
    statements = statements_by_id(ds)
    first = history["statement_id"]
    for column in ("speaker_name", "quote", "paraphrase", "said_precision"):
        history[column] = first.map(statements[column]).fillna("")
    for column in ("said_start", "said_end"):
        # reindex, not map: map over an empty lookup returns float64, which cannot hold dates.
        said = statements[column].reindex(first.to_numpy()).to_numpy(dtype="datetime64[ns]")
        history[column] = pd.Series(said, index=history.index, dtype="datetime64[ns]")
    printed = statements["printed"]
    known = [
        min((printed[i] for i in ids if i in printed.index and pd.notna(printed[i])), default=as_of)
        for ids, as_of in zip(history["statement_ids"], history["as_of"], strict=True)
    ]
    history["known_from"] = pd.Series(known, index=history.index, dtype="datetime64[ns]")
    return history.sort_values(["as_of", "stance_id"]).reset_index(drop=True)[HISTORY_COLUMNS]


def stances_as_of(ds: Dataset, issue_id: str, day: date | None) -> pd.DataFrame:
    """For each side (the record's first, then its second) its latest stance in force on `day`
    as known on `day` (as_of <= day and known_from <= day); one row per side
    that has one. `day=None` means the latest on record. Columns: HISTORY_COLUMNS."""
    history = stance_history(ds, issue_id, known_on=day)
    if (when := to_timestamp(day)) is not None:
        history = history[history["as_of"] <= when]
    latest = [history[history["side"] == side].tail(1) for side in side_ids(ds)]
    return pd.concat(latest, ignore_index=True)[HISTORY_COLUMNS]
