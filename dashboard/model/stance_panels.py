"""The data of the stance panels: one long table, one row per mark, that charts/stances.py draws."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.filters import lookup
from dashboard.model.stance_gaps import COMPARED, STALE_AFTER_DAYS, gap_series
from dashboard.model.stances import SIDES, quote_or_paraphrase, stance_history, statements_by_id

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
TEXT_COLUMNS = ["side", "stance_id", "position_label", "speaker", "words", "source", "note"]
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
    - known_on: the as-known-on day; note: "no counterpart position" or
      "not measured" where there is no gap.
    Issues in sort_order; issues with no stance known by `day` give only their
    known_on row. Columns: PANEL_COLUMNS."""
    when = pd.Timestamp(day)
    issues = ds.issues.sort_values("sort_order")
    if issue_ids is not None:
        issues = issues[issues["issue_id"].isin(set(issue_ids))]
    rows: list[Row] = []
    for issue_id, title in zip(issues["issue_id"], issues["title"], strict=True):
        base = {"issue_id": issue_id, "issue_title": title}
        rows.append({**base, "layer": "known_on", "start": when, "end": when})
        history = stance_history(ds, issue_id, known_on=day)
        history = history[history["as_of"] <= when]
        for side in SIDES:
            rows += _side_rows(ds, history[history["side"] == side], base, when, selected)
        rows += _gap_rows(ds, issue_id, base, when)
    frame = pd.DataFrame(rows, columns=PANEL_COLUMNS)
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


def _gap_rows(ds: Dataset, issue_id: str, base: Row, when: pd.Timestamp) -> list[Row]:
    """The gap bars beneath a panel, and a note where the issue has no gap on `when`."""
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
    if series["status"].iloc[-1] != COMPARED:
        note = series["status"].iloc[-1]
        rows.append({**base, "layer": "note", "start": dates[0], "end": when, "y": -0.5, "note": note})
    return rows
