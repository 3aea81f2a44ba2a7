"""The URL's parameters: their names, what each may hold (`param_specs`, the one registry), which page owns which,
and the link that shares a view. Plain Python, no Streamlit: the path and query go in, the link comes out.

Every control of the app lives in a readable query parameter, so a copied link reproduces what the reader sees.
`param_specs` is read by the link check (`model/urlstate.py`), the About page and the docs test
(tests/views/test_docs.py), which keeps README.md's table of parameters in step.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal
from urllib.parse import urlencode, urlsplit

import pandas as pd

from dashboard.data.archive import IdsInArchive
from dashboard.data.dataset import Dataset
from dashboard.model.selection import event_kinds

# The sidebar's filters (kept on every page).
TEXT = "q"
ACTOR = "actor"
AFFILIATION = "affiliation"
ISSUE = "issue"
KIND = "kind"
FROM = "from"
TO = "to"
AS_OF = "asof"
# Page controls (rendered by one page each).
LANES = "lanes"
EVENT = "event"
STANCE_ISSUE = "stance_issue"
STANCE = "stance"  # the stance selected in the Stances page's panels
WHO = "who"
SOURCE = "source"
# The timeline's links toggle and the story's step. The timeline's visible window is the From/To dates above.
LINKS = "links"
STEP = "step"

LANE_CHOICES = ("affiliation", "actor", "kind")

# Id parameters owned by one page (by its url_path; "" is the home page), dropped from the URL on the other pages.
# Bound ones (lanes) Streamlit drops by itself.
PAGE_PARAMS = {
    "": (EVENT,),
    "stances": (STANCE_ISSUE, STANCE),
    "actors": (WHO,),
    "sources": (SOURCE,),
    "story": (STEP,),
}

# "ids": repeatable, each one of `allowed`; "id": one of `allowed`; "date": YYYY-MM-DD; "text": up to
# urlstate.MAX_TEXT characters.
ParamKind = Literal["ids", "id", "date", "text"]


@dataclass(frozen=True)
class ParamSpec:
    """What one query parameter may hold."""

    kind: ParamKind
    allowed: Collection[str] = field(default_factory=tuple)
    doc: str = ""  # what it does, for the About page (README.md lists the same names)


def _date_bounds(ds: Dataset) -> tuple[date, date]:
    if ds.archive is not None:
        spans = [ds.archive.span("events"), ds.archive.span("statements")]
        firsts = [first for first, _ in spans if first is not None]
        lasts = [last for _, last in spans if last is not None]
        if not firsts or not lasts:
            return date(2009, 1, 1), date(2012, 12, 31)
        return min(firsts).date(), max(lasts).date()
    starts = pd.concat([ds.events["start_date"], ds.statements["said_start"]]).dropna()
    ends = pd.concat([ds.events["end_date"], ds.statements["said_end"]]).dropna()
    if starts.empty:
        return date(2009, 1, 1), date(2012, 12, 31)
    return starts.min().date(), ends.max().date()


def date_bounds(ds: Dataset) -> tuple[date, date]:
    """The first and last day of the record: the days the date parameters (and the date pickers) may name."""
    return ds.derived(_date_bounds)


def _event_ids(ds: Dataset) -> Collection[str]:
    """The event ids, for `in`: an archived record is asked per id sent, not held as an index of them all."""
    if ds.archive is not None:
        return IdsInArchive(ds.archive, "events", "event_id")
    return pd.Index(ds.events["event_id"])


def param_specs(ds: Dataset) -> dict[str, ParamSpec]:
    """Every URL parameter the app reads, with what it may hold and what it does."""
    actors = set(ds.actors["actor_id"])
    issues = set(ds.issues["issue_id"])
    return {
        TEXT: ParamSpec("text", doc="search text in titles, summaries, places and quotes"),
        ACTOR: ParamSpec("ids", actors, "actors (repeatable): events they took part in, statements they made"),
        AFFILIATION: ParamSpec(
            "ids", set(ds.actors["affiliation"].unique()), "affiliations (repeatable), as actors.csv names them"
        ),
        ISSUE: ParamSpec("ids", issues, "issues (repeatable)"),
        KIND: ParamSpec("ids", set(event_kinds(ds)), "event kinds (repeatable); events only"),
        FROM: ParamSpec("date", doc="first day shown, YYYY-MM-DD"),
        TO: ParamSpec("date", doc="last day shown, YYYY-MM-DD"),
        AS_OF: ParamSpec("date", doc="the record as known on that day, YYYY-MM-DD"),
        LANES: ParamSpec("id", LANE_CHOICES, "timeline lanes: " + ", ".join(LANE_CHOICES)),
        # An Index, not a set: `in` is all the check needs, and a set of 1,000,000 ids cost ~5 s per session.
        EVENT: ParamSpec("id", _event_ids(ds), "the event the timeline details"),
        STANCE_ISSUE: ParamSpec("id", issues, "the issue the Stances page shows"),
        WHO: ParamSpec("id", actors, "the actor whose profile the Actors page shows"),
        SOURCE: ParamSpec("id", pd.Index(ds.sources["source_id"]), "the source the Sources page details"),
        STANCE: ParamSpec(
            "id", pd.Index(ds.stances["stance_id"]), "the stance the Stances page details (a chart pick)"
        ),
        LINKS: ParamSpec("id", ("true", "false"), "timeline: draw the links between events as arrows (true)"),
        STEP: ParamSpec("id", {str(step) for step in ds.story_steps["step"]}, "the step the Story page shows"),
    }


def unknown_params(names: Iterable[str], specs: Mapping[str, ParamSpec]) -> list[str]:
    """The names no parameter is registered under, in the order given."""
    return [name for name in names if name not in specs]


def other_pages_params(page: str) -> list[str]:
    """The page controls that belong to pages other than `page` (a url_path; "" is the home page)."""
    return [name for owner, names in PAGE_PARAMS.items() if owner != page for name in names]


def sorted_query(params: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """The query's (name, value) pairs in a stable order: by name, repeated names' values as given."""
    return [(name, value) for name in sorted(params) for value in params[name]]


def share_link(app_url: str | None, base_path: str | None, page_path: str, query: Sequence[tuple[str, str]]) -> str:
    """An absolute link to a page with a query: on the scheme and host of `app_url` (the address the browser
    opened; localhost:8501 when unknown), under the server's `base_path` (e.g. "md-talks"), at `page_path`."""
    base = urlsplit(app_url or "http://localhost:8501/")
    root = (base_path or "").strip("/")
    path = "/".join(part for part in (root, page_path) if part)
    encoded = urlencode(query)
    return f"{base.scheme}://{base.netloc}/{path}" + (f"?{encoded}" if encoded else "")
