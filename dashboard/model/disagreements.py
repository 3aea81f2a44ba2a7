"""Claims our sources give differently, side by side (disagreements.csv)."""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.filters import lookup

READING_COLUMNS = ["disagreement_id", "topic", "reading_id", "source_id", "outlet", "says", "note"]


def readings(ds: Dataset) -> pd.DataFrame:
    """Every reading with its source's outlet, grouped by disagreement (in
    file order of first appearance), each group in file order."""
    frame = ds.disagreements.copy()
    frame["outlet"] = frame["source_id"].map(lookup(ds.sources, "source_id", "outlet")).fillna("")
    order = {d: i for i, d in enumerate(dict.fromkeys(frame["disagreement_id"]))}
    frame["_order"] = frame["disagreement_id"].map(order)
    return frame.sort_values("_order", kind="stable").reset_index(drop=True)[READING_COLUMNS]


def side_by_side(ds: Dataset) -> list[tuple[str, pd.DataFrame]]:
    """(topic, its readings) per disagreement, for showing each source's
    version next to the others'."""
    frame = readings(ds)
    return [
        (str(group["topic"].iloc[0]), group.reset_index(drop=True))
        for _, group in frame.groupby("disagreement_id", sort=False)
    ]


def topics_touching(ds: Dataset, column: str, row_id: str) -> list[str]:
    """The topics of the disagreements whose `column` (event_ids or
    statement_ids) names `row_id`: the flags shown in that row's detail."""
    # .loc with a boolean Series: a plain list would select columns when the table is empty
    mask = pd.Series([row_id in ids for ids in ds.disagreements[column]], index=ds.disagreements.index, dtype=bool)
    touched = ds.disagreements.loc[mask]
    return list(dict.fromkeys(touched["topic"]))


def topics_by_row(ds: Dataset, column: str) -> dict[str, list[str]]:
    """`topics_touching` for every row id at once: row id → the topics of the disagreements whose `column` names
    it, in the same order (one pass over the disagreements, for tables of many rows)."""
    topics: dict[str, list[str]] = {}
    for ids, topic in zip(ds.disagreements[column], ds.disagreements["topic"], strict=True):
        for row_id in ids:
            if topic not in topics.setdefault(row_id, []):
                topics[row_id].append(topic)
    return topics
