"""The view's state: sidebar filters and page controls, all kept in the URL.

Every control lives in a readable query parameter, so a copied link reproduces the view.
- Controls whose value is its own label (dates, affiliation, lanes) use Streamlit's `bind="query-params"`.
- Pickers that show names but stand for ids (actors, issues, event kinds, events, sources) are synced by
  `id_select` instead: a bound widget writes its display label into the URL, and labels are neither stable nor
  unique (two events share a title).
- The search box is synced by `url_text_input`, so that an over-long text from a link is ignored as the notice
  says, not cut short.
The sidebar is rendered by the entry script on every page, so its parameters survive page switches. Parameter
names are defined here once, in `param_specs`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, overload
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st

from dashboard.data.dataset import Dataset
from dashboard.model.filters import Filters, filter_events, filter_statements
from dashboard.model.urlstate import MAX_TEXT, ParamSpec, ignored_parameters, usable_range
from dashboard.ui.text import md_escape

# Page controls (rendered by one page each).
LANES = "lanes"
EVENT = "event"
STANCE_ISSUE = "stance_issue"
WHO = "who"
SOURCE = "source"
LANE_CHOICES = ("affiliation", "actor", "kind")
STANCE = "stance"  # the stance selected in the Stances page's panels (issue 9)
# Timeline and Story (issue 8): the links toggle and the story step. The
# timeline's visible window is the From/To dates above ("from", "to").
LINKS = "links"
STEP = "step"

_NOTICE = "_ignored_link_parts"
# Id parameters owned by one page (by its url_path; "" is the home page), dropped
# from the URL on the other pages. Bound ones (lanes) Streamlit drops by itself.
PAGE_PARAMS = {
    "": (EVENT,),
    "stances": (STANCE_ISSUE, STANCE),
    "actors": (WHO,),
    "sources": (SOURCE,),
    "story": (STEP,),
}


@dataclass(frozen=True)
class View:
    """What every page works from."""

    ds: Dataset
    filters: Filters

    def events(self) -> pd.DataFrame:
        """The events the filters keep (`filter_events`), shared by every rerun of this view: read-only."""
        return self.ds.memo(filter_events, self.filters)

    def statements(self) -> pd.DataFrame:
        """The statements the filters keep (`filter_statements`), shared likewise: read-only."""
        return self.ds.memo(filter_statements, self.filters)


@dataclass(frozen=True)
class SidebarChoices:
    """The sidebar pickers' options and labels: the same for every rerun on one dataset."""

    actor_ids: list[str]  # by side, then name
    actor_names: dict[str, str]
    affiliations: list[str]
    issue_ids: list[str]  # in the issues' sort order
    issue_titles: dict[str, str]
    kinds: list[str]
    kind_labels: dict[str, str]


def _sidebar_choices(ds: Dataset) -> SidebarChoices:
    kinds = sorted(ds.events["kind"].unique())
    return SidebarChoices(
        actor_ids=list(ds.actors.sort_values(["side", "name"])["actor_id"]),
        actor_names=dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True)),
        affiliations=sorted(ds.actors["affiliation"].unique()),
        issue_ids=list(ds.issues.sort_values("sort_order")["issue_id"]),
        issue_titles=dict(zip(ds.issues["issue_id"], ds.issues["title"], strict=True)),
        kinds=kinds,
        kind_labels={kind: kind.replace("_", " ") for kind in kinds},
    )


def _date_bounds(ds: Dataset) -> tuple[date, date]:
    starts = pd.concat([ds.events["start_date"], ds.statements["said_start"]]).dropna()
    ends = pd.concat([ds.events["end_date"], ds.statements["said_end"]]).dropna()
    if starts.empty:
        return date(2009, 1, 1), date(2012, 12, 31)
    return starts.min().date(), ends.max().date()


def date_bounds(ds: Dataset) -> tuple[date, date]:
    """The first and last day of the record, for the date pickers."""
    return ds.derived(_date_bounds)


def param_specs(ds: Dataset) -> dict[str, ParamSpec]:
    """Every URL parameter the app reads, with what it may hold and what it does: the one registry that the
    link check, the About page and the docs test (tests/views/test_params_documented.py) read."""
    actors = set(ds.actors["actor_id"])
    issues = set(ds.issues["issue_id"])
    return {
        "q": ParamSpec("text", doc="search text in titles, summaries, places and quotes"),
        "actor": ParamSpec("ids", actors, "actors (repeatable): events they took part in, statements they made"),
        "affiliation": ParamSpec("ids", set(ds.actors["affiliation"].unique()), "affiliations (repeatable), e.g. NATO"),
        "issue": ParamSpec("ids", issues, "issues (repeatable)"),
        "kind": ParamSpec("ids", set(ds.events["kind"].unique()), "event kinds (repeatable); events only"),
        "from": ParamSpec("date", doc="first day shown, YYYY-MM-DD"),
        "to": ParamSpec("date", doc="last day shown, YYYY-MM-DD"),
        "asof": ParamSpec("date", doc="the record as known on that day, YYYY-MM-DD"),
        LANES: ParamSpec("id", LANE_CHOICES, "timeline lanes: " + ", ".join(LANE_CHOICES)),
        # An Index, not a set: `in` is all the check needs, and a set of 1,000,000 ids cost ~5 s per session.
        EVENT: ParamSpec("id", pd.Index(ds.events["event_id"]), "the event the timeline details"),
        STANCE_ISSUE: ParamSpec("id", issues, "the issue the Stances page shows"),
        WHO: ParamSpec("id", actors, "the actor whose profile the Actors page shows"),
        SOURCE: ParamSpec("id", pd.Index(ds.sources["source_id"]), "the source the Sources page details"),
        STANCE: ParamSpec(
            "id", pd.Index(ds.stances["stance_id"]), "the stance the Stances page details (a chart pick)"
        ),
        LINKS: ParamSpec("id", ("true", "false"), "timeline: draw the links between events as arrows (true)"),
        STEP: ParamSpec("id", {str(step) for step in ds.story_steps["step"]}, "the step the Story page shows"),
    }


def check_link_once(ds: Dataset) -> None:
    """On a session's first run, note which parts of the opening link are unusable.

    Bound widgets drop such values silently and clean the URL, so this has to
    look at the raw parameters before any widget is drawn.
    """
    if _NOTICE in st.session_state:
        return
    raw = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    specs = param_specs(ds)
    st.session_state[_NOTICE] = ignored_parameters(raw, specs, date_bounds(ds))
    # Reported once, then dropped, so they don't travel on in shared links.
    # (Bad values of known parameters are dropped by their widgets.)
    for key in raw:
        if key not in specs:
            del st.query_params[key]


def show_link_notice() -> None:
    ignored = st.session_state.get(_NOTICE) or []
    if ignored:
        shown = "; ".join(ignored[:8]) + (f"; and {len(ignored) - 8} more" if len(ignored) > 8 else "")
        # st.warning renders markdown: the link's text must stay literal.
        st.warning("Some parts of the link were ignored: " + md_escape(shown), icon="⚠️")


@overload
def id_select(
    label: str,
    options: Sequence[str],
    labels: Mapping[str, str],
    key: str,
    *,
    multi: Literal[False] = False,
    default: str | None = None,
    **kwargs: Any,
) -> str | None: ...


@overload
def id_select(
    label: str,
    options: Sequence[str],
    labels: Mapping[str, str],
    key: str,
    *,
    multi: Literal[True],
    default: None = None,
    **kwargs: Any,
) -> list[str]: ...


def id_select(
    label: str,
    options: Sequence[str],
    labels: Mapping[str, str],
    key: str,
    *,
    multi: bool = False,
    default: str | None = None,
    **kwargs: Any,
) -> str | None | list[str]:
    """A selectbox (one id or None) or, with `multi`, a multiselect (a list of ids) over ids showing their
    labels, kept in the URL as `?key=id`.

    The URL seeds the widget's default the first time it is drawn in a session
    (unknown ids are dropped; the link notice reports them); after that the
    widget's value is written back to the URL on every run.
    """
    known = set(options)
    # The link seeds the widget's default, never st.session_state: see _link_seeds_default.
    seeding = _link_seeds_default(key)
    wanted = [value for value in st.query_params.get_all(key) if value in known] if seeding else []
    choices: list[str] = list(options)

    def show(value: str) -> str:
        return labels.get(value, value)

    if multi:
        chosen: list[str] = st.multiselect(
            label, choices, default=list(dict.fromkeys(wanted)), format_func=show, key=key, **kwargs
        )
        _keep_in_url(key, chosen)
        return chosen
    first = wanted[0] if wanted else (default if seeding else None)
    index = choices.index(first) if first in known else None
    picked: str | None = st.selectbox(label, choices, index=index, format_func=show, key=key, **kwargs)
    _keep_in_url(key, picked)
    return picked


def url_text_input(label: str, key: str, **kwargs: Any) -> str:
    """A text box kept in the URL as `?key=text`, seeded only by a usable text.

    Not `bind`: a bound box would keep the first MAX_TEXT characters of a
    longer text from a link, which the link notice reports as ignored."""
    given = st.query_params.get_all(key) if _link_seeds_default(key) else []
    seed = given[0] if len(given) == 1 and len(given[0]) <= MAX_TEXT else ""
    text = st.text_input(label, value=seed, key=key, max_chars=MAX_TEXT, **kwargs)
    _keep_in_url(key, text)
    return text


def _link_seeds_default(key: str) -> bool:
    """True when the link, not the session, gives the widget `key` its starting value.

    The link goes in as the widget's default, never into st.session_state. After a server restart (or a
    lost replica) the open page starts a new session only with the reader's next change, whose rerun
    carries the widget's new value by widget id; in that first run no widget is registered yet, so
    `key in st.session_state` is False. A link value written to st.session_state[key] would then outrank
    the incoming value (Streamlit 1.67 SessionState._getitem) and silently undo the change. A default
    ranks below it: a fresh session opens on the link, a reconnecting page keeps its change, as
    `bind="query-params"` does. Later runs pass no default (no "default and session state" warning).
    """
    return key not in st.session_state


def _keep_in_url(key: str, value: str | list[str] | None) -> None:
    """Write a control's value to the URL; an empty value leaves no parameter."""
    if value:
        st.query_params[key] = value
    elif key in st.query_params:
        del st.query_params[key]


def chart_pick_in_url(key: str, picked: str | None, known: set[str]) -> str | None:
    """The id picked in a chart, kept in the URL as `?key=id`.

    A chart selection cannot be seeded from a link, so a new pick is written
    to the URL and otherwise the URL's id (if known) stands for the selection."""
    if picked in known:
        _keep_in_url(key, picked)
        return picked
    given = st.query_params.get_all(key)
    return given[0] if len(given) == 1 and given[0] in known else None


def clear_pick_in_url(key: str, picked: str | None) -> None:
    """A chart's on_select callback when its new selection is `picked`: a click that selects nothing (on an
    empty part of the chart) drops `?key=`, so the detail it showed closes, as it would for a fresh pick."""
    if picked is None and key in st.query_params:
        del st.query_params[key]


def drop_other_pages_params(page: str) -> None:
    """Page controls of other pages do not belong in this page's link."""
    for owner, keys in PAGE_PARAMS.items():
        if owner != page:
            for key in keys:
                if key in st.query_params:
                    del st.query_params[key]


def render_sidebar(ds: Dataset) -> Filters:
    """Draw the filters shown on every page and return them."""
    first, last = date_bounds(ds)
    choices = ds.derived(_sidebar_choices)
    with st.sidebar:
        st.header("Filters")
        text = url_text_input("Search text", "q", placeholder="words in titles, summaries, quotes")
        actor_ids = id_select(
            "Actors",
            choices.actor_ids,
            choices.actor_names,
            "actor",
            multi=True,
            help="Events with any of these participants; statements by any of these speakers.",
        )
        affiliations = st.multiselect(
            "Affiliation",
            choices.affiliations,
            key="affiliation",
            bind="query-params",
        )
        issue_ids = id_select("Issues", choices.issue_ids, choices.issue_titles, "issue", multi=True)
        kinds = id_select(
            "Event kinds",
            choices.kinds,
            choices.kind_labels,
            "kind",
            multi=True,
            help="Applies to events only.",
        )
        start = st.date_input(
            "From",
            value=None,
            min_value=first,
            max_value=last,
            key="from",
            bind="query-params",
            format="YYYY-MM-DD",
        )
        end = st.date_input(
            "To",
            value=None,
            min_value=first,
            max_value=last,
            key="to",
            bind="query-params",
            format="YYYY-MM-DD",
        )
        as_of = st.date_input(
            "As known on",
            value=None,
            min_value=first,
            max_value=last,
            key="asof",
            bind="query-params",
            format="YYYY-MM-DD",
            help="The record as it stood that day: later events are hidden, events still ahead are shown as planned.",
        )
    start, end = usable_range(start, end)
    return Filters(
        actors=tuple(actor_ids),
        affiliations=tuple(affiliations),
        issues=tuple(issue_ids),
        kinds=tuple(kinds),
        start=start,
        end=end,
        as_known_on=as_of,
        text=text or "",
    )


def current_query() -> list[tuple[str, str]]:
    """The view's query parameters, repeated keys kept, in a stable order."""
    return [(key, value) for key in sorted(st.query_params.keys()) for value in st.query_params.get_all(key)]


def share_url(page_path: str) -> str:
    """An absolute link to this page with the current view."""
    base = urlsplit(st.context.url or "http://localhost:8501/")
    root = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(part for part in (root, page_path) if part)
    query = urlencode(current_query())
    return f"{base.scheme}://{base.netloc}/{path}" + (f"?{query}" if query else "")


def set_view(view: View) -> None:
    st.session_state["_view"] = view


def current_view() -> View:
    return st.session_state["_view"]
