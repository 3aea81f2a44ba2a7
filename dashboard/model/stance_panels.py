"""The data of the stance panels: one long table, one row per mark, that charts/stances.py draws."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import date
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.description import Side
from dashboard.model.filters import lookup
from dashboard.model.quoting import quote_or_paraphrase
from dashboard.model.stance_gaps import STALE_AFTER_DAYS, gap_series, gap_words
from dashboard.model.stances import side_ids, stance_history, statements_by_id

PANEL_COLUMNS = [
    "layer",  # segment | jump | gap | stance | known_on | note | position | now
    "issue_id",
    "issue_title",
    "side",  # the side's name as the record gives it (dataset.toml), which the chart's legend shows
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
    "label",
]
TEXT_COLUMNS = ["side", "stance_id", "position_label", "speaker", "words", "source", "note", "label"]
FLAG_COLUMNS = ["stale", "selected"]
STALE_AFTER = pd.Timedelta(days=STALE_AFTER_DAYS)

Row = dict[str, Any]


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
    - position: the name of a position a side held before (label = its
      position_label), from `start` to `end`; now: the position each side holds
      on `day` (label = "side: position_label"), from its `start` to `day`.
      Both at y = rank ± 0.5: above the step if it is the higher side (or level
      and the record's first side), else below, so the two sides' names do not meet;
    - known_on: the as-known-on day;
    - note: the gap in words ("gap 2 → 1, narrowed", `gap_words`) from the
      first day on record to `day`, at y below the deepest gap bar.
    Issues in sort_order; issues with no stance known by `day` give only their
    known_on row. Columns: PANEL_COLUMNS."""
    when = pd.Timestamp(day)
    issues = ds.issues.sort_values("sort_order")
    if issue_ids is not None:
        issues = issues[issues["issue_id"].isin(set(issue_ids))]
    rows: list[Row] = []
    sides = side_ids(ds)
    for issue_id, title in zip(issues["issue_id"], issues["title"], strict=True):
        base = {"issue_id": issue_id, "issue_title": title}
        rows.append({**base, "layer": "known_on", "start": when, "end": when})
        history = stance_history(ds, issue_id, known_on=day)
        history = history[history["as_of"] <= when]
        for side in sides:
            rows += _side_rows(ds, history[history["side"] == side], base, when, selected)
        rows += _name_rows(history, base, when, ds.about.sides)
        rows += _gap_rows(ds, issue_id, base, when)
    frame = pd.DataFrame(rows, columns=PANEL_COLUMNS)
    frame["side"] = frame["side"].map({side.id: side.name for side in ds.about.sides})
    for column in TEXT_COLUMNS:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), "").astype(str)
    for column in FLAG_COLUMNS:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), False).astype(bool)
    return frame


def _side_rows(ds: Dataset, own: pd.DataFrame, base: Row, when: pd.Timestamp, selected: str | None) -> list[Row]:
    """One side's marks on one issue: per stance its segments, the jump from the previous rank, and its point."""
    starts: list[pd.Timestamp] = list(pd.DatetimeIndex(own["as_of"]))
    ends = starts[1:] + [when]
    ranks: list[float] = own["rank"].astype(float).tolist()
    rows: list[Row] = []
    for i, stance in enumerate(own.to_dict("records")):
        side_row = {**base, "side": stance["side"], "stance_id": stance["stance_id"], "y": ranks[i]}
        rows += _segment_rows(side_row, starts[i], ends[i])
        if i > 0 and ranks[i - 1] != ranks[i]:
            rows.append(
                {**side_row, "layer": "jump", "start": starts[i], "end": starts[i], "y": ranks[i - 1], "y2": ranks[i]}
            )
        rows.append({**side_row, **_stance_point(ds, stance, when, selected)})
    return rows


def _segment_rows(side_row: Row, start: pd.Timestamp, end: pd.Timestamp) -> list[Row]:
    """A position held from `start` to `end`: fresh for its first STALE_AFTER_DAYS, stale after."""
    fresh_end = min(end, start + STALE_AFTER)
    rows = [{**side_row, "layer": "segment", "start": start, "end": fresh_end, "stale": False}]
    if end > fresh_end:
        rows.append({**side_row, "layer": "segment", "start": fresh_end, "end": end, "stale": True})
    return rows


def _stance_point(ds: Dataset, stance: Mapping[Hashable, Any], when: pd.Timestamp, selected: str | None) -> Row:
    """The clickable point of a stance (a `stance_history` row): its words, speaker, position and sources."""
    start = pd.Timestamp(stance["as_of"])
    first = stance["statement_id"]
    source_ids: tuple[str, ...] = stance["source_ids"]
    if first:  # the sources of the first statement it cites
        source_ids = statements_by_id(ds)["source_ids"].get(first, source_ids)
    outlets = lookup(ds.sources, "source_id", "outlet")
    return {
        "layer": "stance",
        "start": start,
        "end": start,
        "stale": bool(when - start > STALE_AFTER),
        "selected": stance["stance_id"] == selected,
        "position_label": stance["position_label"],
        "speaker": stance["speaker_name"] or stance["actor_name"],
        "words": quote_or_paraphrase(stance["quote"], stance["paraphrase"]) or stance["basis"],
        "source": "; ".join(str(outlets.get(source_id, source_id)) for source_id in source_ids),
    }


class Step(NamedTuple):
    """A run of one side's stances at one rank, named after its first stance's position."""

    start: pd.Timestamp
    end: pd.Timestamp
    rank: float
    position_label: str


def _steps(own: pd.DataFrame, when: pd.Timestamp) -> list[Step]:
    """One side's steps, each from its first stance to the next step (the last one: to `when`)."""
    firsts = own[own["rank"].ne(own["rank"].shift())]
    starts: list[pd.Timestamp] = list(pd.DatetimeIndex(firsts["as_of"]))
    ranks: list[float] = firsts["rank"].astype(float).tolist()
    labels = [str(label) for label in firsts["position_label"]]
    return [Step(*step) for step in zip(starts, starts[1:] + [when], ranks, labels, strict=True)] if starts else []


def _rank_at(steps: list[Step], day: pd.Timestamp) -> float:
    """The rank of the step in force on `day`; NaN before the first."""
    return next((step.rank for step in reversed(steps) if step.start <= day), np.nan)


def _name_rows(history: pd.DataFrame, base: Row, when: pd.Timestamp, sides: tuple[Side, Side]) -> list[Row]:
    """The names of the positions on each side's steps: a `position` row per earlier step (one that lasted at
    least a day), a `now` row for the step in force on `when` ("side's name: position")."""
    steps = {side.id: _steps(history[history["side"] == side.id], when) for side in sides}
    rows: list[Row] = []
    for side, other in (sides, sides[::-1]):
        for step in steps[side.id]:
            now = step is steps[side.id][-1]
            if not now and step.end <= step.start:
                continue
            other_rank = _rank_at(steps[other.id], when if now else step.start)
            above = np.isnan(other_rank) or step.rank > other_rank or (step.rank == other_rank and side == sides[0])
            rows.append(
                {
                    **base,
                    "layer": "now" if now else "position",
                    "side": side.id,
                    "start": step.start,
                    "end": step.end,
                    "y": step.rank + (0.5 if above else -0.5),
                    "position_label": step.position_label,
                    "label": f"{side.name}: {step.position_label}" if now else step.position_label,
                }
            )
    return rows


def _gap_rows(ds: Dataset, issue_id: str, base: Row, when: pd.Timestamp) -> list[Row]:
    """The gap bars beneath a panel, and the gap in words beneath them."""
    series = gap_series(ds, [issue_id], end=when)
    if series.empty:
        return []
    dates: list[pd.Timestamp] = list(pd.DatetimeIndex(series["date"]))
    gaps: list[float] = series["gap"].astype(float).tolist()
    rows: list[Row] = [
        {**base, "layer": "gap", "start": start, "end": end, "y": 0.0, "y2": -gap}
        for start, end, gap in zip(dates, dates[1:] + [when], gaps, strict=True)
        if not np.isnan(gap) and end > start
    ]
    compared = series["gap"].dropna()
    first_gap = float(compared.iloc[0]) if len(compared) else np.nan
    words = gap_words(first_gap, gaps[-1], str(series["status"].iloc[-1]))
    deepest = max((-row["y2"] for row in rows), default=0.0)
    rows.append({**base, "layer": "note", "start": dates[0], "end": when, "y": -deepest - 0.5, "note": words})
    return rows
