"""One event as its detail pane reads it: dates, status, place, who took part, the issues, what was said there,
the linked events and the sources. Plain text, not escaped: the page escapes it for markdown."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import format_date_range
from dashboard.model.event_links import links_of
from dashboard.model.filters import with_statement_labels
from dashboard.model.selection import events_by_id, statements_at


@dataclass(frozen=True)
class LinkedEvent:
    """Another event linked to this one, as a button that opens its detail."""

    label: str  # "Led to: <title> (<date>)"
    key: str  # the widget key, unique per link and per event shown
    target: str  # the other event's id
    help: str | None  # the link's note; None when it has none


@dataclass(frozen=True)
class EventDetail:
    """An event's detail (see `event_detail`); "" where the data give nothing."""

    event_id: str
    title: str
    when: str
    precision: str
    status: str
    place: str
    kind: str
    participants: str
    issues: str
    summary: str
    date_note: str
    said: pd.DataFrame
    links: tuple[LinkedEvent, ...]
    source_ids: tuple[str, ...]


def event_detail(ds: Dataset, event: pd.Series) -> EventDetail:
    """The detail of `event`, a row of `events_as_known_on` (its status is `status_shown`): the date range as
    precisely as known, status and kind in words, participant names and issue titles joined by ", " (an unknown
    id as itself), the statements said there (`with_statement_labels`, in the table's order) and the links
    (`links_of`, earlier events first)."""
    event_id = str(event["event_id"])
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    titles = dict(zip(ds.issues["issue_id"], ds.issues["title"], strict=True))
    return EventDetail(
        event_id=event_id,
        title=str(event["title"]),
        when=format_date_range(event["start_date"], event["end_date"], event["date_precision"]),
        precision=str(event["date_precision"]),
        status=str(event["status_shown"]).replace("_", " "),
        place=str(event["place"]),
        kind=str(event["kind"]).replace("_", " "),
        participants=", ".join(names.get(actor_id, actor_id) for actor_id in event["participant_ids"]),
        issues=", ".join(titles.get(issue_id, issue_id) for issue_id in event["issue_ids"]),
        summary=str(event["summary"]),
        date_note=str(event["date_note"]),
        said=with_statement_labels(statements_at(ds, event_id), ds),
        links=linked_events(ds, event_id),
        source_ids=tuple(event["source_ids"]),
    )


def linked_events(ds: Dataset, event_id: str) -> tuple[LinkedEvent, ...]:
    """The events linked to `event_id`, earlier first, each labelled "Phrase: title (date)"."""
    linked = []
    for link in links_of(ds, event_id).to_dict("records"):
        other = events_by_id(ds, [link["other_event_id"]]).iloc[0]
        when = format_date_range(other["start_date"], other["end_date"], other["date_precision"])
        linked.append(
            LinkedEvent(
                label=f"{str(link['phrase']).capitalize()}: {link['other_title']} ({when})",
                key=f"link_{link['link_id']}_{event_id}",
                target=str(link["other_event_id"]),
                help=str(link["note"]) or None,
            )
        )
    return tuple(linked)
