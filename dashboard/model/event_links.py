"""How events lead to one another (data/event_links.csv), as the event detail reads them."""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.selection import events_by_id

# How a link reads from its first event ("… led to X") and from its second ("… in answer to X").
FORWARD = {
    "follows_up": "led to",
    "responds_to": "was answered by",
    "ratifies": "was ratified by",
    "deadline_for": "fell due at",
    "postponed_to": "was postponed to",
    "cancels": "was cancelled by",
}
BACKWARD = {
    "follows_up": "followed",
    "responds_to": "in answer to",
    "ratifies": "ratified",
    "deadline_for": "was the deadline of",
    "postponed_to": "postponed from",
    "cancels": "cancelled",
}
COLUMNS = ["link_id", "phrase", "other_event_id", "other_title", "other_start", "kind", "source_ids", "note"]


def links_of(ds: Dataset, event_id: str) -> pd.DataFrame:
    """The links of one event, earlier events first: for each, how it reads
    from this event ("led to", "in answer to", …) and the other event.
    Columns: COLUMNS."""
    links = ds.event_links
    touching = links[(links["from_event_id"] == event_id) | (links["to_event_id"] == event_id)]
    # only the events at the links' ends: an archived record is not read whole for them
    titles = events_by_id(ds, [*touching["from_event_id"], *touching["to_event_id"]]).set_index("event_id")
    rows = []
    for link in links.to_dict("records"):
        kind: str = link["kind"]
        if link["from_event_id"] == event_id:
            other, phrase = link["to_event_id"], FORWARD.get(kind, kind.replace("_", " "))
        elif link["to_event_id"] == event_id:
            other, phrase = link["from_event_id"], BACKWARD.get(kind, kind.replace("_", " "))
        else:
            continue
        if other not in titles.index:
            continue
        rows.append(
            (
                link["link_id"],
                phrase,
                other,
                titles.at[other, "title"],
                titles.at[other, "start_date"],
                kind,
                link["source_ids"],
                link["note"],
            )
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values("other_start", kind="stable").reset_index(drop=True)


def links_between(ds: Dataset, event_ids: set[str]) -> pd.DataFrame:
    """The links whose two events are both in `event_ids` (those the chart can draw)."""
    links = ds.event_links
    return links[links["from_event_id"].isin(event_ids) & links["to_event_id"].isin(event_ids)]
