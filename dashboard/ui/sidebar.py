"""The sidebar's filters, drawn by the entry script on every page (so their parameters survive page switches)
and kept in the URL under the names of `model/url_params.py`; in an embedded view (`?embed=true`), which has no
sidebar, the same filters read from the link alone (`embedded_filters`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from dashboard.data.dataset import Dataset
from dashboard.model.filters import Filters
from dashboard.model.selection import event_kinds
from dashboard.model.url_params import (
    ACTOR,
    AFFILIATION,
    AS_OF,
    FROM,
    ISSUE,
    KIND,
    TEXT,
    TO,
    date_bounds,
    param_specs,
)
from dashboard.model.urlstate import linked_filters, usable_range
from dashboard.ui.url_widgets import id_select, url_text_input


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
    kinds = event_kinds(ds)
    return SidebarChoices(
        actor_ids=list(ds.actors.sort_values(["side", "name"])["actor_id"]),
        actor_names=dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True)),
        affiliations=sorted(ds.actors["affiliation"].unique()),
        issue_ids=list(ds.issues.sort_values("sort_order")["issue_id"]),
        issue_titles=dict(zip(ds.issues["issue_id"], ds.issues["title"], strict=True)),
        kinds=kinds,
        kind_labels={kind: kind.replace("_", " ") for kind in kinds},
    )


def render_sidebar(ds: Dataset) -> Filters:
    """Draw the filters shown on every page and return them."""
    first, last = date_bounds(ds)
    with st.sidebar:
        st.header("Filters")
        text = url_text_input("Search text", TEXT, placeholder="words in titles, summaries, quotes")
        actor_ids, affiliations, issue_ids, kinds = _pickers(ds.derived(_sidebar_choices))
        start = _day_picker("From", FROM, first, last)
        end = _day_picker("To", TO, first, last)
        as_of = _day_picker(
            "As known on",
            AS_OF,
            first,
            last,
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


def embedded_filters(ds: Dataset) -> Filters:
    """The filters of an embedded view: no sidebar is drawn, so the link's parameters fix them (what the pickers
    would take from the same link), and they stay in the link for the "Open full view" link."""
    _window_to_link()
    raw = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    return linked_filters(raw, param_specs(ds), date_bounds(ds))


def _window_to_link() -> None:
    """The timeline's Box Select and its "show all" button set the date window through the From/To pickers' keys
    in session state (ui/timeline.py). With no pickers drawn, the window they set goes into the link instead."""
    for key in (FROM, TO):
        if key not in st.session_state:
            continue
        day = st.session_state[key]
        del st.session_state[key]
        if isinstance(day, date):
            st.query_params[key] = day.isoformat()
        elif key in st.query_params:
            del st.query_params[key]


def _pickers(choices: SidebarChoices) -> tuple[list[str], list[str], list[str], list[str]]:
    """The actors, affiliations, issues and event kinds picked."""
    actor_ids = id_select(
        "Actors",
        choices.actor_ids,
        choices.actor_names,
        ACTOR,
        multi=True,
        help="Events with any of these participants; statements by any of these speakers.",
    )
    affiliations = st.multiselect("Affiliation", choices.affiliations, key=AFFILIATION, bind="query-params")
    issue_ids = id_select("Issues", choices.issue_ids, choices.issue_titles, ISSUE, multi=True)
    kinds = id_select(
        "Event kinds", choices.kinds, choices.kind_labels, KIND, multi=True, help="Applies to events only."
    )
    return actor_ids, affiliations, issue_ids, kinds


def _day_picker(label: str, key: str, first: date, last: date, **kwargs: Any) -> date | None:
    """A date picker over the record's days, empty unless set, kept in the URL as ?key=YYYY-MM-DD."""
    day: date | None = st.date_input(
        label,
        value=None,
        min_value=first,
        max_value=last,
        key=key,
        bind="query-params",
        format="YYYY-MM-DD",
        **kwargs,
    )
    return day
