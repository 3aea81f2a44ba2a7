"""Comparing the NATO side with the Russian side, issue by issue.

A side's stance on a day is the latest stance (largest as_of, ties broken by
stance_id) of any actor on that side; the gap is the absolute difference of
the two sides' position ranks (see "Sides" and positions.csv in the codebook).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import to_timestamp
from dashboard.model.filters import lookup

SIDES: tuple[str, ...] = ("NATO", "Russia")

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
    "quote",
    "paraphrase",
    "basis",
    "source_ids",
]

GAP_DTYPES = {
    "issue_id": "str",
    "date": "datetime64[ns]",
    "nato_rank": "float64",
    "russia_rank": "float64",
    "gap": "float64",
}


def stance_history(ds: Dataset, issue_id: str) -> pd.DataFrame:
    """Every stance on the issue with its side, actor name, position rank and
    label and the backing statement's quote/paraphrase ("" when none);
    sorted by as_of, stance_id. Columns: HISTORY_COLUMNS."""
    history = ds.stances[ds.stances["issue_id"] == issue_id].copy()
    history["side"] = history["actor_id"].map(lookup(ds.actors, "actor_id", "side")).fillna("")
    history["actor_name"] = history["actor_id"].map(lookup(ds.actors, "actor_id", "name")).fillna("")
    history["rank"] = history["position_id"].map(lookup(ds.positions, "position_id", "rank"))
    history["position_label"] = history["position_id"].map(lookup(ds.positions, "position_id", "label")).fillna("")
    for column in ("quote", "paraphrase"):
        history[column] = history["statement_id"].map(lookup(ds.statements, "statement_id", column)).fillna("")
    return history.sort_values(["as_of", "stance_id"]).reset_index(drop=True)[HISTORY_COLUMNS]


def stances_as_of(ds: Dataset, issue_id: str, day: date | None) -> pd.DataFrame:
    """For each side (NATO, then Russia) its latest stance with as_of <= day;
    one row per side that has one. `day=None` means the latest on record.
    Columns: HISTORY_COLUMNS."""
    history = stance_history(ds, issue_id)
    if (day := to_timestamp(day)) is not None:
        history = history[history["as_of"] <= day]
    latest = [history[history["side"] == side].tail(1) for side in SIDES]
    return pd.concat(latest, ignore_index=True)[HISTORY_COLUMNS]


def _side_ranks(history: pd.DataFrame, side: str, dates: pd.DatetimeIndex) -> np.ndarray:
    """The side's rank in force on each of `dates` (NaN before its first stance)."""
    ranks = history[history["side"] == side].groupby("as_of")["rank"].last().astype(float)
    return ranks.reindex(dates, method="ffill").to_numpy()


def gap_series(
    ds: Dataset,
    issue_ids: Iterable[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """The gap between the sides at every change point, for a step line.

    One row per issue per as_of of any of its stances within [start, end],
    plus a row at `start` and at `end` when given (the state then in force).
    Issues without stances give no rows. nato_rank/russia_rank/gap are float,
    NaN while a side has no stance yet.
    Columns: issue_id, date, nato_rank, russia_rank, gap."""
    first, last = to_timestamp(start), to_timestamp(end)
    wanted = ds.issues.sort_values("sort_order")["issue_id"] if issue_ids is None else issue_ids
    frames = []
    for issue_id in wanted:
        history = stance_history(ds, issue_id)
        if history.empty:
            continue
        dates = set(history["as_of"]) | {d for d in (first, last) if d is not None}
        dates = pd.DatetimeIndex(
            sorted(d for d in dates if (first is None or d >= first) and (last is None or d <= last))
        )
        nato, russia = (_side_ranks(history, side, dates) for side in SIDES)
        frames.append(
            pd.DataFrame(
                {
                    "issue_id": issue_id,
                    "date": dates,
                    "nato_rank": nato,
                    "russia_rank": russia,
                    "gap": np.abs(nato - russia),
                }
            )
        )
    if not frames:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in GAP_DTYPES.items()})
    return pd.concat(frames, ignore_index=True)[list(GAP_DTYPES)]


def trend_word(first_gap: float, gap_now: float) -> str:
    """ "narrowed", "widened", "unchanged", or "no comparison" if either is NaN."""
    if pd.isna(first_gap) or pd.isna(gap_now):
        return "no comparison"
    if gap_now < first_gap:
        return "narrowed"
    if gap_now > first_gap:
        return "widened"
    return "unchanged"


def gap_summary(ds: Dataset, day: date | None) -> pd.DataFrame:
    """Did they narrow the gap? One row per issue (in sort_order): the first
    gap on record (first day both sides had a stance), the gap on `day`
    (`None` = latest on record) and the trend word between them.
    Columns: issue_id, issue_title, first_date, first_gap, gap, nato_position,
    russia_position, trend."""
    series = gap_series(ds, end=day)
    rows = []
    for issue in ds.issues.sort_values("sort_order").itertuples():
        points = series[series["issue_id"] == issue.issue_id]
        compared = points.dropna(subset=["gap"])
        first_date = compared["date"].iloc[0] if len(compared) else pd.NaT
        first_gap = compared["gap"].iloc[0] if len(compared) else np.nan
        gap_now = points["gap"].iloc[-1] if len(points) else np.nan
        now = stances_as_of(ds, issue.issue_id, day).set_index("side")["position_label"]
        rows.append(
            {
                "issue_id": issue.issue_id,
                "issue_title": issue.title,
                "first_date": first_date,
                "first_gap": first_gap,
                "gap": gap_now,
                "nato_position": now.get("NATO", ""),
                "russia_position": now.get("Russia", ""),
                "trend": trend_word(first_gap, gap_now),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "issue_id",
            "issue_title",
            "first_date",
            "first_gap",
            "gap",
            "nato_position",
            "russia_position",
            "trend",
        ],
    )
