"""The tables the pages show, built from the dataset: one plain function per table.

Pages only lay them out (column labels, widths); what goes in each column is decided here and tested in
tests/model/test_tables.py.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import DateLike, format_date_range, format_day, to_timestamp
from dashboard.model.disagreements import topics_by_row
from dashboard.model.filters import Filters
from dashboard.model.links import safe_url
from dashboard.model.quoting import quote_or_paraphrase
from dashboard.model.selection import event_rows, events_by_id
from dashboard.model.sources import published_text, source_usage

VENUE_COLUMNS = ["place", "latitude", "longitude", "events", "event_ids", "titles"]
STATEMENT_COLUMNS = [
    "speaker_name",
    "words",
    "kind",
    "said",
    "reported_date",
    "event_title",
    "issue_title",
    "position_label",
    "source",
    "link",
    "disputed",
    "statement_id",
]
ACTOR_COLUMNS = ["name", "kind", "affiliation", "side", "description", "actor_id"]
SOURCE_COLUMNS = [
    "outlet",
    "title",
    "published",
    "wire_service",
    "kind",
    "confidence",
    "rows",
    "link",
    "note",
    "source_id",
]


def date_labels(starts: Iterable[DateLike], ends: Iterable[DateLike], precisions: Iterable[str]) -> list[str]:
    """`format_date_range` for each row of three columns."""
    return [format_date_range(s, e, p) for s, e, p in zip(starts, ends, precisions, strict=True)]


# The timeline's table of events, as shown: (column, heading).
EVENT_COLUMNS: dict[str, str] = {
    "when": "Date",
    "title": "Event",
    "kind": "Kind",
    "status_shown": "Status",
    "place": "Place",
    "participants": "Participants",
    "event_id": "Id",
}


def events_table(ds: Dataset, filters: Filters, first: int, count: int) -> pd.DataFrame:
    """Rows first..first+count of the events `filters` keeps, with their dates as read and participants named."""
    rows = event_rows(ds, filters, first, count)
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    table = rows.assign(
        when=date_labels(rows["start_date"], rows["end_date"], rows["date_precision"]),
        participants=[", ".join(names.get(actor, actor) for actor in ids) for ids in rows["participant_ids"]],
    )
    return table[list(EVENT_COLUMNS)]


def event_choices(ds: Dataset, filters: Filters, limit: int, chosen: str | None) -> dict[str, str]:
    """The event picker's options, id → "title (date)": the first `limit` events `filters` keeps, and the event
    already `chosen` (by a click or a link) if it is not among them."""
    choices = event_rows(ds, filters, 0, limit)
    if chosen and chosen not in set(choices["event_id"]):
        choices = pd.concat([choices, events_by_id(ds, [chosen])])
    dates = date_labels(choices["start_date"], choices["end_date"], choices["date_precision"])
    rows = zip(choices["event_id"], choices["title"], dates, strict=True)
    return {event: f"{title} ({when})" for event, title, when in rows}


def venue_table(events: pd.DataFrame) -> pd.DataFrame:
    """Located events grouped by venue. Places with the same coordinates (the
    data locate "Moscow" and "State Duma, Moscow" both at the city centre)
    share one venue, since their bubbles would hide each other.
    Columns: place (distinct place names joined by "; "), latitude, longitude,
    events (count), event_ids (tuple, by date), titles (tuple of
    "title (date text)"); most events first."""
    located = events.dropna(subset=["latitude", "longitude"]).sort_values(["start_date", "event_id"])
    located = located.assign(
        label=[
            f"{title} ({when})"
            for title, when in zip(
                located["title"],
                date_labels(located["start_date"], located["end_date"], located["date_precision"]),
                strict=True,
            )
        ]
    )
    rows = [
        {
            "place": "; ".join(dict.fromkeys(place for place in group["place"] if place)),
            "latitude": group["latitude"].iloc[0],
            "longitude": group["longitude"].iloc[0],
            "events": len(group),
            "event_ids": tuple(group["event_id"]),
            "titles": tuple(group["label"]),
        }
        for _, group in located.groupby(["latitude", "longitude"], sort=False)
    ]
    table = pd.DataFrame(rows, columns=VENUE_COLUMNS)
    return table.sort_values(["events", "place"], ascending=[False, True], ignore_index=True)


def statements_table(statements: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """Statements (as `filter_statements` returns them) as the Statements page lists them.
    Columns: STATEMENT_COLUMNS. `said` is the date as precisely as known; `words` the quote, or our paraphrase
    when there is none; `source` and `link` are those of the first source (`link` None unless http(s));
    `disputed` names the recorded disagreements that touch the statement ("" when none)."""
    outlets = dict(zip(ds.sources["source_id"], ds.sources["outlet"], strict=True))
    urls = dict(zip(ds.sources["source_id"], ds.sources["url"], strict=True))
    first_source = [ids[0] if len(ids) else "" for ids in statements["source_ids"]]
    touching = topics_by_row(ds, "statement_ids")  # one pass: a lookup per row took 24 s at 20,000 statements
    table = statements.assign(
        said=date_labels(statements["said_start"], statements["said_end"], statements["said_precision"]),
        words=[
            quote_or_paraphrase(q, p, marks=False)
            for q, p in zip(statements["quote"], statements["paraphrase"], strict=True)
        ],
        kind=["quote" if direct else "paraphrase" for direct in statements["is_direct_quote"]],
        source=[outlets.get(s, s) for s in first_source],
        link=pd.Series([safe_url(urls.get(s)) for s in first_source], index=statements.index, dtype=object),
        disputed=["; ".join(touching.get(s, ())) for s in statements["statement_id"]],
    )
    return table[STATEMENT_COLUMNS].reset_index(drop=True)


def actors_table(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """The actors the sidebar's actor and affiliation filters leave, by side then name. Columns: ACTOR_COLUMNS."""
    actors = ds.actors.sort_values(["side", "name"])
    if filters.actors:
        actors = actors[actors["actor_id"].isin(list(filters.actors))]
    if filters.affiliations:
        actors = actors[actors["affiliation"].isin(list(filters.affiliations))]
    return actors[ACTOR_COLUMNS].reset_index(drop=True)


def role_span(start: DateLike, end: DateLike) -> str:
    """When a role was held, e.g. "1 Aug 2009 – end not recorded" (role dates are days, when known)."""
    first, last = to_timestamp(start), to_timestamp(end)
    if first is None and last is None:
        return "dates not recorded"
    left = format_day(first) if first is not None else "start not recorded"
    right = format_day(last) if last is not None else "end not recorded"
    return f"{left} – {right}"


def sources_table(ds: Dataset) -> pd.DataFrame:
    """Every source with `rows` (how many rows of any table cite it), `link` (None unless http(s)) and
    `published` as precisely as known; oldest first, undated last. Columns: SOURCE_COLUMNS."""
    counts = source_usage(ds).groupby("source_id").size()
    ordered = ds.sources.sort_values(["published", "outlet"], na_position="last")
    table = ordered.assign(
        rows=ordered["source_id"].map(counts).fillna(0).astype(int),
        link=pd.Series([safe_url(url) for url in ordered["url"]], index=ordered.index, dtype=object),
        published=[
            published_text(day, precision)
            for day, precision in zip(ordered["published"], ordered["published_precision"], strict=True)
        ],
    )
    return table[SOURCE_COLUMNS].reset_index(drop=True)


def rows_citing(ds: Dataset, source_id: str) -> pd.DataFrame:
    """The rows that cite one source, per table. Columns: table, row_id (ids joined by ", "); by table."""
    usage = source_usage(ds)
    cited = usage[usage["source_id"] == source_id]
    return cited.groupby("table")["row_id"].agg(", ".join).reset_index()
