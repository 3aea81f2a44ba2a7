"""Widgets kept in the URL: each control's value lives in a readable query parameter, so a copied link reproduces
the view (the parameters are named in `model/url_params.py`).

- Controls whose value is its own label (dates, affiliation, lanes) use Streamlit's `bind="query-params"` where
  they are drawn; they need nothing from here.
- Pickers that show names but stand for ids (actors, issues, event kinds, events, sources) are synced by
  `id_select` instead: a bound widget writes its display label into the URL, and labels are neither stable nor
  unique (two events share a title).
- The search box is synced by `url_text_input`, so that an over-long text from a link is ignored as the link
  notice says, not cut short.
- A chart's pick is kept by `chart_pick_in_url` and `clear_pick_in_url`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, overload

import streamlit as st

from dashboard.model.urlstate import MAX_TEXT


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

    The URL gives the widget its starting value the first time it is drawn in a
    session (unknown ids are dropped; the link notice reports them); after that
    the widget's value is written back to the URL on every run.
    """
    known = set(options)
    if _link_seeds_default(key):
        linked = [value for value in st.query_params.get_all(key) if value in known]
        start: list[str] = linked if multi or linked else [default] if default else []
    else:
        start = _as_list(st.session_state[key])
    start = [value for value in dict.fromkeys(start) if value in known]
    choices: list[str] = list(options)

    def label_of(value: str) -> str:
        return labels.get(value, value)

    if multi:
        chosen: list[str] = st.multiselect(label, choices, default=start, format_func=label_of, key=key, **kwargs)
        _keep_in_url(key, chosen)
        return chosen
    index = choices.index(start[0]) if start else None
    picked: str | None = st.selectbox(label, choices, index=index, format_func=label_of, key=key, **kwargs)
    _keep_in_url(key, picked)
    return picked


def url_text_input(label: str, key: str, **kwargs: Any) -> str:
    """A text box kept in the URL as `?key=text`, seeded only by a usable text.

    Not `bind`: a bound box would keep the first MAX_TEXT characters of a
    longer text from a link, which the link notice says it ignores."""
    if _link_seeds_default(key):
        given = st.query_params.get_all(key)
        start = given[0] if len(given) == 1 and len(given[0]) <= MAX_TEXT else ""
    else:
        start = str(st.session_state[key] or "")
    text = st.text_input(label, value=start, key=key, max_chars=MAX_TEXT, **kwargs)
    _keep_in_url(key, text)
    return text


def _as_list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [] if value is None else [str(value)]


def _link_seeds_default(key: str) -> bool:
    """True when the link, not the session, gives the widget `key` its starting value.

    The starting value goes in as the widget's default, never into st.session_state. After a server restart
    (or a lost replica) the open page starts a new session with its next rerun, which carries each widget's
    value by widget id; in that first run no widget is registered yet, so `key in st.session_state` is False.
    A link value written to st.session_state[key] would then outrank the incoming value (Streamlit 1.67
    SessionState._getitem) and silently undo the reader's change; a default ranks below it.

    Later runs pass the session's current value as the default, not an empty one: the browser shows a
    widget's default whenever it mounts the widget afresh, and it does so when a run that first drew the
    widget was cut short by a rerun before the browser drew it (a loaded machine: the screen-layout report
    arrives mid-run). An empty default then showed an empty picker over a filter still applied, and the
    next new session took that empty picker at its word and dropped the filter.
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
