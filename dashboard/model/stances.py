"""Comparing the NATO side with the Russian side, issue by issue.

A side's stance on a day is the latest stance (largest as_of, ties broken by
stance_id) of any actor on that side. "As known on" a day D, a stance counts
only once its evidence was printed: from `known_from`, the earliest
reported_date of the statements it cites (see the evidence rule in the
codebook).

The gap method (codebook, "The gap method"; About page):
- each issue's positions are ordered by distance along one question, so the
  gap is the absolute difference of the two sides' ranks;
- a gap exists only while both sides have a position on record; an issue with
  one side only has "no counterpart position"; `tracking` issues (the
  timetable) are not measured;
- a side's position older than STALE_AFTER_DAYS on a day is stale (flagged);
- issues sharing a `split_id` are one split: totals count the split once;
- each change of a side's position is graded moved toward / moved away / held
  (or crossed over: same distance, other side of the other's position).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import to_timestamp
from dashboard.model.filters import lookup

SIDES: tuple[str, ...] = ("NATO", "Russia")

# A position not restated for a year is marked stale: the talks ran in yearly
# cycles (Lisbon Nov 2010, ministers June 2011, Chicago May 2012).
STALE_AFTER_DAYS = 365

COMPARED = "compared"
NO_COUNTERPART = "no counterpart position"
NOT_MEASURED = "not measured"
NO_POSITIONS = "no positions on record"

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

GAP_DTYPES = {
    "issue_id": "str",
    "date": "datetime64[ns]",
    "nato_rank": "float64",
    "russia_rank": "float64",
    "gap": "float64",
    "nato_stale": "bool",
    "russia_stale": "bool",
    "status": "str",
}

SUMMARY_COLUMNS = [
    "issue_id",
    "issue_title",
    "first_date",
    "first_gap",
    "gap",
    "nato_position",
    "russia_position",
    "trend",
    "status",
    "stale",
    "split_id",
    "counts_in_total",
]

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


def _statements_by_id(ds: Dataset) -> pd.DataFrame:
    return ds.derived(_build_statements_by_id)


def words(quote: object, paraphrase: object) -> str:
    """The quote in quote marks, else the paraphrase (our words), else ""."""
    return f"“{quote}”" if quote else str(paraphrase or "")


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
    return {str(issue): _history(ds, stances) for issue, stances in ds.stances.groupby("issue_id", sort=False)}


def _history(ds: Dataset, stances: pd.DataFrame) -> pd.DataFrame:
    """`stance_history` of these stances, before the known-on filter."""
    history = stances.copy()
    history["side"] = history["actor_id"].map(lookup(ds.actors, "actor_id", "side")).fillna("")
    history["actor_name"] = history["actor_id"].map(lookup(ds.actors, "actor_id", "name")).fillna("")
    history["rank"] = history["position_id"].map(lookup(ds.positions, "position_id", "rank"))
    history["position_label"] = history["position_id"].map(lookup(ds.positions, "position_id", "label")).fillna("")
    history["statement_ids"] = _evidence_ids(history)
    statements = _statements_by_id(ds)
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
    """For each side (NATO, then Russia) its latest stance in force on `day`
    as known on `day` (as_of <= day and known_from <= day); one row per side
    that has one. `day=None` means the latest on record. Columns: HISTORY_COLUMNS."""
    history = stance_history(ds, issue_id, known_on=day)
    if (when := to_timestamp(day)) is not None:
        history = history[history["as_of"] <= when]
    latest = [history[history["side"] == side].tail(1) for side in SIDES]
    return pd.concat(latest, ignore_index=True)[HISTORY_COLUMNS]


def _side_in_force(history: pd.DataFrame, side: str, dates: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    """The side's rank in force on each of `dates` (NaN before its first
    stance) and whether that stance is older than STALE_AFTER_DAYS."""
    stances = history[history["side"] == side].groupby("as_of")["rank"].last().astype(float)
    if stances.empty:
        return np.full(len(dates), np.nan), np.zeros(len(dates), dtype=bool)
    ranks = stances.reindex(dates, method="ffill").to_numpy()
    since = pd.Series(stances.index, index=stances.index).reindex(dates, method="ffill")
    age = (dates - pd.DatetimeIndex(since)).days.to_numpy()
    stale = np.nan_to_num(age, nan=0) > STALE_AFTER_DAYS
    return ranks, stale


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
    stances give no rows. nato_rank/russia_rank/gap are float; the gap is NaN
    while a side has no stance and on `tracking` issues. nato_stale /
    russia_stale: that side's stance is older than STALE_AFTER_DAYS. status:
    "compared", "no counterpart position" or "not measured".
    Columns: GAP_DTYPES."""
    first, last = to_timestamp(start), to_timestamp(end)
    wanted = ds.issues.sort_values("sort_order")["issue_id"] if issue_ids is None else issue_ids
    frames = []
    for issue_id in wanted:
        history = stance_history(ds, issue_id, known_on=known_on if known_on is not None else end)
        if history.empty:
            continue
        points = set(history["as_of"]) | {d for d in (first, last) if d is not None}
        dates = pd.DatetimeIndex(
            sorted(d for d in points if (first is None or d >= first) and (last is None or d <= last))
        )
        (nato, nato_stale), (russia, russia_stale) = (_side_in_force(history, side, dates) for side in SIDES)
        measured = _issue_kind(ds, issue_id) != "tracking"
        both = ~np.isnan(nato) & ~np.isnan(russia)
        gap = np.where(both, np.abs(nato - russia), np.nan) if measured else np.full(len(dates), np.nan)
        status = np.where(both, COMPARED, NO_COUNTERPART) if measured else np.full(len(dates), NOT_MEASURED)
        frames.append(
            pd.DataFrame(
                {
                    "issue_id": issue_id,
                    "date": dates,
                    "nato_rank": nato,
                    "russia_rank": russia,
                    "gap": gap,
                    "nato_stale": nato_stale,
                    "russia_stale": russia_stale,
                    "status": status,
                }
            )
        )
    if not frames:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in GAP_DTYPES.items()})
    return pd.concat(frames, ignore_index=True)[list(GAP_DTYPES)].astype(GAP_DTYPES)


def trend_word(first_gap: float, gap_now: float) -> str:
    """ "narrowed", "widened", "unchanged", or "no comparison" if either is NaN."""
    if pd.isna(first_gap) or pd.isna(gap_now):
        return "no comparison"
    if gap_now < first_gap:
        return "narrowed"
    if gap_now > first_gap:
        return "widened"
    return "unchanged"


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
    rows = []
    for issue in ds.issues.sort_values("sort_order").itertuples():
        points = series[series["issue_id"] == issue.issue_id]
        compared = points.dropna(subset=["gap"])
        first_date = compared["date"].iloc[0] if len(compared) else pd.NaT
        first_gap = compared["gap"].iloc[0] if len(compared) else np.nan
        gap_now = points["gap"].iloc[-1] if len(points) else np.nan
        status = points["status"].iloc[-1] if len(points) else NO_POSITIONS
        stale = bool(len(points) and (points["nato_stale"].iloc[-1] or points["russia_stale"].iloc[-1]))
        now = stances_as_of(ds, str(issue.issue_id), day).set_index("side")["position_label"]
        trend = trend_word(first_gap, gap_now) if status == COMPARED else status
        rows.append(
            {
                "issue_id": issue.issue_id,
                "issue_title": issue.title,
                "first_date": first_date,
                "first_gap": first_gap,
                "gap": gap_now,
                "nato_position": now.get("NATO", ""),
                "russia_position": now.get("Russia", ""),
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
    for side, other in (SIDES, SIDES[::-1]):
        own = history[history["side"] == side].reset_index(drop=True)
        others = history[history["side"] == other]
        ranks, other_ranks = own["rank"].astype(float).to_numpy(), others["rank"].astype(float).to_numpy()
        said = [words(quote, paraphrase) for quote, paraphrase in zip(own["quote"], own["paraphrase"], strict=True)]
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


# --- the data of the stance panels (one long table; charts/stances.py draws it) ---------

PANEL_COLUMNS = [
    "layer",  # segment | jump | gap | stance | known_on | note
    "issue_id",
    "issue_title",
    "side",
    "stance_id",
    "start",
    "end",
    "y",
    "y2",
    "stale",
    "selected",
    "position_label",
    "speaker",
    "words",
    "source",
    "note",
]


def _source_names(ds: Dataset, source_ids: Iterable[str]) -> str:
    outlets = lookup(ds.sources, "source_id", "outlet")
    return "; ".join(str(outlets.get(source_id, source_id)) for source_id in source_ids)


def stance_panels(
    ds: Dataset, day: date, issue_ids: Iterable[str] | None = None, selected: str | None = None
) -> pd.DataFrame:
    """Everything the stance panels draw, as known on `day`, one row per mark:
    - segment: a side's position held from `start` to `end` (its next stance,
      or `day`) at y = rank; the part older than STALE_AFTER_DAYS has stale=True;
    - jump: the vertical step from the previous rank (y) to the new one (y2);
    - gap: the gap from `start` to `end`, drawn beneath: y = 0, y2 = -gap;
    - stance: a clickable point at (as_of, rank) with the quote (words),
      speaker, position and source; selected marks `selected`;
    - known_on: the as-known-on day; note: "no counterpart position" or
      "not measured" where there is no gap.
    Issues in sort_order; issues with no stance known by `day` give only their
    known_on row. Columns: PANEL_COLUMNS."""
    when = pd.Timestamp(day)
    stale_after = pd.Timedelta(days=STALE_AFTER_DAYS)
    issues = ds.issues.sort_values("sort_order")
    if issue_ids is not None:
        wanted = set(issue_ids)
        issues = issues[issues["issue_id"].isin(wanted)]
    statements = _statements_by_id(ds)
    rows: list[dict] = []
    for issue_id, title in zip(issues["issue_id"], issues["title"], strict=True):
        base = {"issue_id": issue_id, "issue_title": title}
        rows.append({**base, "layer": "known_on", "start": when, "end": when})
        history = stance_history(ds, issue_id, known_on=day)
        history = history[history["as_of"] <= when]
        for side in SIDES:
            own = history[history["side"] == side].reset_index(drop=True)
            starts: list[pd.Timestamp] = list(pd.DatetimeIndex(own["as_of"]))
            for i, stance in enumerate(own.to_dict("records")):
                start = starts[i]
                end = starts[i + 1] if i + 1 < len(own) else when
                fresh_end = min(end, start + stale_after)
                side_row = {**base, "side": side, "stance_id": stance["stance_id"], "y": float(stance["rank"])}
                rows.append({**side_row, "layer": "segment", "start": start, "end": fresh_end, "stale": False})
                if end > fresh_end:
                    rows.append({**side_row, "layer": "segment", "start": fresh_end, "end": end, "stale": True})
                if i > 0 and own["rank"].iloc[i - 1] != stance["rank"]:
                    rows.append(
                        {
                            **side_row,
                            "layer": "jump",
                            "start": start,
                            "end": start,
                            "y": float(own["rank"].iloc[i - 1]),
                            "y2": float(stance["rank"]),
                        }
                    )
                first = stance["statement_id"]
                source_ids = (
                    statements["source_ids"].get(first, stance["source_ids"]) if first else stance["source_ids"]
                )
                rows.append(
                    {
                        **side_row,
                        "layer": "stance",
                        "start": start,
                        "end": start,
                        "stale": bool(when - start > stale_after),
                        "selected": stance["stance_id"] == selected,
                        "position_label": stance["position_label"],
                        "speaker": stance["speaker_name"] or stance["actor_name"],
                        "words": words(stance["quote"], stance["paraphrase"]) or stance["basis"],
                        "source": _source_names(ds, source_ids),
                    }
                )
        series = gap_series(ds, [issue_id], end=day)
        dates: list[pd.Timestamp] = list(pd.DatetimeIndex(series["date"]))
        gaps: list[float] = series["gap"].astype(float).tolist()
        for i, (start, gap) in enumerate(zip(dates, gaps, strict=True)):
            end = dates[i + 1] if i + 1 < len(dates) else when
            if not np.isnan(gap) and end > start:
                rows.append({**base, "layer": "gap", "start": start, "end": end, "y": 0.0, "y2": -gap})
        if len(series) and series["status"].iloc[-1] != COMPARED:
            rows.append(
                {
                    **base,
                    "layer": "note",
                    "start": series["date"].iloc[0],
                    "end": when,
                    "y": -0.5,
                    "note": series["status"].iloc[-1],
                }
            )
    frame = pd.DataFrame(rows, columns=PANEL_COLUMNS)
    text_columns = ["side", "stance_id", "position_label", "speaker", "words", "source", "note"]
    for column in text_columns:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), "").astype(str)
    for column in ("stale", "selected"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), False).astype(bool)
    return frame


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
    statements = _statements_by_id(ds)
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
