"""The gap between the sides on each issue, over time and as a summary (codebook, "The gap method"; About page):
- each issue's positions are ordered by distance along one question, so the gap is the absolute difference of the
  two sides' ranks;
- a gap exists only while both sides have a position on record; an issue with one side only has "no counterpart
  position"; `tracking` issues (the timetable) are not measured;
- a side's position older than STALE_AFTER_DAYS on a day is stale (flagged);
- issues sharing a `split_id` are one split: totals count the split once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import to_timestamp
from dashboard.model.filters import lookup
from dashboard.model.stances import side_ids, stance_history, stances_as_of

# A position not restated for a year is marked stale: the talks ran in yearly
# cycles (Lisbon Nov 2010, ministers June 2011, Chicago May 2012).
STALE_AFTER_DAYS = 365

COMPARED = "compared"
NO_COUNTERPART = "no counterpart position"
NOT_MEASURED = "not measured"
NO_POSITIONS = "no positions on record"

GAP_DTYPES = {
    "issue_id": "str",
    "date": "datetime64[ns]",
    "side_a_rank": "float64",
    "side_b_rank": "float64",
    "gap": "float64",
    "side_a_stale": "bool",
    "side_b_stale": "bool",
    "status": "str",
}

SUMMARY_COLUMNS = [
    "issue_id",
    "issue_title",
    "first_date",
    "first_gap",
    "gap",
    "side_a_position",
    "side_b_position",
    "trend",
    "status",
    "stale",
    "split_id",
    "counts_in_total",
]


def _side_in_force(history: pd.DataFrame, side: str, dates: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    """The side's rank in force on each of `dates` (NaN before its first
    stance) and whether that stance is older than STALE_AFTER_DAYS."""
    stances = history[history["side"] == side].groupby("as_of")["rank"].last().astype(float)
    if stances.empty:
        return np.full(len(dates), np.nan), np.zeros(len(dates), dtype=bool)
    # The latest stance on or before each date, by binary search: two pandas forward-filling reindexes cost
    # ~8 ms per call, and the Stances page makes dozens of calls.
    since, days = stances.index.to_numpy(), dates.to_numpy()
    at = np.searchsorted(since, days, side="right") - 1
    held = at >= 0
    ranks = np.where(held, stances.to_numpy()[at], np.nan)
    age = (days - since[at]).astype("timedelta64[D]").astype(np.int64)
    return ranks, held & (age > STALE_AFTER_DAYS)


def _issue_kind(ds: Dataset, issue_id: str) -> str:
    return str(lookup(ds.issues, "issue_id", "kind").get(issue_id, ""))


def gap_series(
    ds: Dataset,
    issue_ids: Iterable[str] | None = None,
    start: date | None = None,
    end: date | None = None,
    known_on: date | None = None,
) -> pd.DataFrame:
    """The gap between the sides at every change point, for a step line.

    One row per issue per as_of of any of its stances within [start, end],
    plus a row at `start` and at `end` when given (the state then in force).
    Only stances known by `known_on` count (default: `end`). Issues without
    stances give no rows. side_a_rank/side_b_rank (the record's first and second side, `side_ids`)/gap are
    float; the gap is NaN while a side has no stance and on `tracking` issues. side_a_stale / side_b_stale:
    that side's stance is older than STALE_AFTER_DAYS. status:
    "compared", "no counterpart position" or "not measured".
    Columns: GAP_DTYPES."""
    first, last = to_timestamp(start), to_timestamp(end)
    wanted = ds.issues.sort_values("sort_order")["issue_id"] if issue_ids is None else issue_ids
    known = known_on if known_on is not None else end
    frames = [_issue_gaps(ds, issue_id, first, last, known) for issue_id in wanted]
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in GAP_DTYPES.items()})
    return pd.concat(frames, ignore_index=True)[list(GAP_DTYPES)].astype(GAP_DTYPES)


def _issue_gaps(
    ds: Dataset, issue_id: str, first: pd.Timestamp | None, last: pd.Timestamp | None, known_on: date | None
) -> pd.DataFrame:
    """`gap_series` of one issue; empty if it has no stance known by `known_on`."""
    history = stance_history(ds, issue_id, known_on=known_on)
    if history.empty:
        return pd.DataFrame()
    points = set(history["as_of"]) | {d for d in (first, last) if d is not None}
    dates = pd.DatetimeIndex(sorted(d for d in points if (first is None or d >= first) and (last is None or d <= last)))
    (side_a, side_a_stale), (side_b, side_b_stale) = (_side_in_force(history, side, dates) for side in side_ids(ds))
    measured = _issue_kind(ds, issue_id) != "tracking"
    both = ~np.isnan(side_a) & ~np.isnan(side_b)
    gap = np.where(both, np.abs(side_a - side_b), np.nan) if measured else np.full(len(dates), np.nan)
    status = np.where(both, COMPARED, NO_COUNTERPART) if measured else np.full(len(dates), NOT_MEASURED)
    return pd.DataFrame(
        {
            "issue_id": issue_id,
            "date": dates,
            "side_a_rank": side_a,
            "side_b_rank": side_b,
            "gap": gap,
            "side_a_stale": side_a_stale,
            "side_b_stale": side_b_stale,
            "status": status,
        }
    )


def trend_word(first_gap: float, gap_now: float) -> str:
    """ "narrowed", "widened", "unchanged", or "no comparison" if either is NaN."""
    if pd.isna(first_gap) or pd.isna(gap_now):
        return "no comparison"
    if gap_now < first_gap:
        return "narrowed"
    if gap_now > first_gap:
        return "widened"
    return "unchanged"


def gap_words(first_gap: float, gap_now: float, status: str) -> str:
    """The gap in words: "gap 2 → 1, narrowed" while the sides are compared, else the status ("not measured"...)."""
    if status != COMPARED:
        return status
    return f"gap {first_gap:.0f} → {gap_now:.0f}, {trend_word(first_gap, gap_now)}"


def _split_of(issues: pd.DataFrame) -> pd.Series:
    split = issues["split_id"] if "split_id" in issues else issues["issue_id"]
    return pd.Series(split.where(split != "", issues["issue_id"]).to_numpy(), index=issues["issue_id"])


def gap_summary(ds: Dataset, day: date | None) -> pd.DataFrame:
    """Did they narrow the gap? One row per issue (in sort_order), as known on
    `day` (`None` = latest on record): the first gap on record (first day both
    sides had a stance), the gap on `day` and the trend word between them.
    status: "compared", "no counterpart position" (one side only), "not
    measured" (tracking issues) or "no positions on record"; stale: a side's
    position on `day` is older than STALE_AFTER_DAYS; counts_in_total: the
    issue is measured and stands for its split (see `split_totals`).
    Columns: SUMMARY_COLUMNS."""
    series = gap_series(ds, end=day)
    splits = _split_of(ds.issues)
    side_a, side_b = side_ids(ds)
    rows = []
    for issue in ds.issues.sort_values("sort_order").itertuples():
        points = series[series["issue_id"] == issue.issue_id]
        compared = points.dropna(subset=["gap"])
        first_date = compared["date"].iloc[0] if len(compared) else pd.NaT
        first_gap = compared["gap"].iloc[0] if len(compared) else np.nan
        gap_now = points["gap"].iloc[-1] if len(points) else np.nan
        status = points["status"].iloc[-1] if len(points) else NO_POSITIONS
        stale = bool(len(points) and (points["side_a_stale"].iloc[-1] or points["side_b_stale"].iloc[-1]))
        now = stances_as_of(ds, str(issue.issue_id), day).set_index("side")["position_label"]
        trend = trend_word(first_gap, gap_now) if status == COMPARED else status
        rows.append(
            {
                "issue_id": issue.issue_id,
                "issue_title": issue.title,
                "first_date": first_date,
                "first_gap": first_gap,
                "gap": gap_now,
                "side_a_position": now.get(side_a, ""),
                "side_b_position": now.get(side_b, ""),
                "trend": trend,
                "status": status,
                "stale": stale,
                "split_id": splits.get(issue.issue_id, issue.issue_id),
                "counts_in_total": splits.get(issue.issue_id, issue.issue_id) == issue.issue_id
                and issue.kind != "tracking",
            }
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def split_totals(summary: pd.DataFrame) -> dict[str, int]:
    """How many splits narrowed, widened, stayed unchanged or could not be
    compared, counting each split once (rows with counts_in_total)."""
    counted = summary[summary["counts_in_total"]]
    compared = counted["status"] == COMPARED
    totals = {word: int((counted["trend"][compared] == word).sum()) for word in ("narrowed", "widened", "unchanged")}
    totals["not compared"] = int((~compared).sum())
    return totals
