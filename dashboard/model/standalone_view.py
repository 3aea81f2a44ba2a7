"""What a standalone copy of a view holds, as plain tables and words (charts/standalone.py makes the HTML file).

Plain pandas and Python: the filters in words, the view's events and statements as rows of text, the sources they
cite, whether the view is small enough for a copy, and the copy's file name. Text from the data is returned as it
is (one line, control and bidi-override characters removed, as the app shows it); the HTML builder escapes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.model.dates import format_day
from dashboard.model.filters import Filters, filter_events, filter_statements
from dashboard.model.links import CONTROL, safe_url
from dashboard.model.selection import event_count
from dashboard.model.sources import published_text
from dashboard.model.tables import EVENT_COLUMNS, events_table, statements_table

# The most events a copy holds. At 10,000 events of the benchmark's data (20,000 statements) the file is 16.5 MB
# and Chromium took ~20 s to open and draw it from disk (docs/sharing.md); above, the timeline draws weekly counts
# instead of events, and at ~1.4 kB per event more the file would pass 20 MB by ~12,500 events.
MAX_STANDALONE_EVENTS = 10_000


def plain(text: object) -> str:
    """One line of text with control and bidi-override characters removed (as ui/text.plain shows data text)."""
    return CONTROL.sub("", " ".join(str(text).split()))


def standalone_refusal(ds: Dataset, filters: Filters) -> str | None:
    """None when the view fits in a copy; else why not, with its event count and a narrower filter to try.
    Cheap on every rerun: the count is the page's own (`Dataset.memo`), and an archived record only counts."""
    count = ds.memo(event_count, filters)
    if count <= MAX_STANDALONE_EVENTS:
        return None
    narrower = "a shorter date window (From and To)" if filters.start or filters.end else "a date window (From and To)"
    fewer = "fewer issues" if filters.issues else "one or two issues"
    return (
        f"This view has {count:,} events; a standalone copy holds at most {MAX_STANDALONE_EVENTS:,}. "
        f"Narrow it first, e.g. with {narrower} or {fewer}, then download again."
    )


def _names(ids: Iterable[str], frame: pd.DataFrame, id_column: str, name_column: str) -> str:
    names = dict(zip(frame[id_column], frame[name_column], strict=True))
    return ", ".join(plain(names.get(value, value)) for value in ids)


def filters_in_words(ds: Dataset, filters: Filters) -> list[str]:
    """The view's filters, one line each ("Issues: System architecture"); one line saying so when there are none."""
    lines = []
    if filters.actors:
        lines.append("Actors: " + _names(filters.actors, ds.actors, "actor_id", "name"))
    if filters.affiliations:
        lines.append("Affiliations: " + ", ".join(plain(value) for value in filters.affiliations))
    if filters.issues:
        lines.append("Issues: " + _names(filters.issues, ds.issues, "issue_id", "title"))
    if filters.kinds:
        lines.append("Event kinds (events only): " + ", ".join(plain(kind) for kind in filters.kinds))
    if filters.start or filters.end:
        first = format_day(pd.Timestamp(filters.start)) if filters.start else "the start of the record"
        last = format_day(pd.Timestamp(filters.end)) if filters.end else "the end of the record"
        lines.append(f"Dates: from {first} to {last}")
    if filters.as_known_on:
        lines.append(f"As known on {format_day(pd.Timestamp(filters.as_known_on))}")
    if filters.text.strip():
        lines.append(f"Search: “{plain(filters.text)}”")
    return lines or ["No filters: every event and statement of the record."]


def _source_order(ds: Dataset, cited: set[str]) -> list[str]:
    """Cited source ids, oldest first (undated last), then by outlet and id, as the Sources page orders them."""
    sources = ds.sources[ds.sources["source_id"].isin(cited)]
    return sources.sort_values(["published", "outlet", "source_id"], na_position="last")["source_id"].tolist()


def cited_sources(ds: Dataset, id_lists: Iterable[Sequence[str]]) -> pd.DataFrame:
    """The sources the rows cite (each list of `id_lists` one row's source_ids), numbered 1.. in the order of
    `_source_order`. Columns: number, source_id, outlet, title, published, wire_service, url, link (None unless
    http(s)); text made plain."""
    cited = {source for ids in id_lists for source in ids}
    ordered = ds.sources.set_index("source_id").loc[_source_order(ds, cited)]
    return pd.DataFrame(
        {
            "number": range(1, len(ordered) + 1),
            "source_id": ordered.index.tolist(),
            "outlet": [plain(value) for value in ordered["outlet"]],
            "title": [plain(value) for value in ordered["title"]],
            "published": [
                published_text(day, precision)
                for day, precision in zip(ordered["published"], ordered["published_precision"], strict=True)
            ],
            "wire_service": [plain(value) for value in ordered["wire_service"]],
            "url": [plain(value) for value in ordered["url"]],
            "link": [safe_url(value) for value in ordered["url"]],
        }
    )


def view_events(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Every event of the view as the timeline's table shows it (EVENT_COLUMNS), with its summary and source_ids;
    text made plain."""
    events = ds.memo(filter_events, filters)
    table = events_table(ds, filters, 0, len(events))
    shown = {column: [plain(value) for value in table[column]] for column in EVENT_COLUMNS}
    return pd.DataFrame(
        {**shown, "summary": [plain(value) for value in events["summary"]], "source_ids": events["source_ids"]}
    )


def view_statements(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Every statement of the view as the Statements page lists them: said, speaker_name, words (the quote
    verbatim, else our paraphrase), kind, issue_title, event_title, position_label, disputed; with source_ids;
    text made plain."""
    statements = ds.memo(filter_statements, filters)
    table = statements_table(statements, ds)
    columns = ["said", "speaker_name", "words", "kind", "issue_title", "event_title", "position_label", "disputed"]
    shown = {column: [plain(value) for value in table[column]] for column in columns}
    return pd.DataFrame({**shown, "source_ids": statements["source_ids"].tolist()})


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens ("Sable River talks" → "sable-river-talks"); "record" if none."""
    spaced = "".join(char if char.isalnum() else " " for char in unicodedata.normalize("NFKD", text))
    words = re.sub(r"[^a-z0-9]+", "-", spaced.encode("ascii", "ignore").decode().lower()).strip("-")
    return words[:limit].rstrip("-") or "record"


def file_name(title: str, made_on: date) -> str:
    """A copy's file name: "<record-slug>-view-YYYY-MM-DD.html"."""
    return f"{slug(title)}-view-{made_on.isoformat()}.html"


def standalone_file_name(ds: Dataset, filters: Filters, made_on: date | None = None) -> str:
    """The copy's file name, e.g. "sable-river-water-talks-view-2026-12-03.html" (made on
    `made_on`, by default today in UTC). `filters` is not in the name: the file says them."""
    del filters  # one name per record and day; the interface keeps it for a later, more telling name
    return file_name(ds.about.title, made_on or datetime.now(UTC).date())
