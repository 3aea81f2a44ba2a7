"""The address bar: what the opening link held that cannot be used, the page controls that belong to other pages,
and the link that shares the current view. The link's rules are pure (`model/url_params.py`,
`model/urlstate.py`); this module reads and writes `st.query_params` with them."""

from __future__ import annotations

import streamlit as st

from dashboard.data.dataset import Dataset
from dashboard.model.url_params import (
    date_bounds,
    other_pages_params,
    param_specs,
    share_link,
    sorted_query,
    unknown_params,
)
from dashboard.model.urlstate import ignored_parameters
from dashboard.ui.text import md_escape

_NOTICE = "_ignored_link_parts"
NOTICE_SHOWN = 8  # messages listed in the notice; the rest are counted


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
    for key in unknown_params(raw, specs):
        del st.query_params[key]


def show_link_notice() -> None:
    """A warning listing what `check_link_once` found in the opening link (nothing when all was usable)."""
    ignored = st.session_state.get(_NOTICE) or []
    if ignored:
        more = len(ignored) - NOTICE_SHOWN
        listed = "; ".join(ignored[:NOTICE_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        # st.warning renders markdown: the link's text must stay literal.
        st.warning("Some parts of the link were ignored: " + md_escape(listed), icon="⚠️")


def drop_other_pages_params(page: str) -> None:
    """Page controls of other pages do not belong in this page's link."""
    for key in other_pages_params(page):
        if key in st.query_params:
            del st.query_params[key]


def share_url(page_path: str) -> str:
    """An absolute link to this page with the current view."""
    query = sorted_query({key: st.query_params.get_all(key) for key in st.query_params.keys()})
    return share_link(st.context.url, st.get_option("server.baseUrlPath"), page_path, query)
