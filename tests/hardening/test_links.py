"""Mangled links through the whole app: any query string, on any page, never breaks it; the usable parts still
apply and the notice names every part that was ignored.

Streamlit's AppTest on the bundled data (`run_app` asserts that no exception was shown). Which messages a link
gets is decided by the pure `ignored_parameters`, fuzzed with hundreds of queries in
tests/hardening/test_link_parsing.py; here a few queries per property check that the app applies that decision:
widgets keep the usable parts, drop the rest, and the notice shows the messages. Parameters are checked in
batches of at most 6, so that every message of a batch is among the 8 the notice shows.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hardening.links import NASTY, PARAMS, SINGLE, VALID, query
from tests.views.apptest import PAGE_PATHS as PAGES
from tests.views.apptest import run_app

# Each example runs a page in AppTest (about a second): the fuzzing itself is in test_link_parsing.py.
FEW = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
# Every parameter, and one unknown, at once, with a value no parameter takes.
EVERY_PARAMETER_MANGLED = {name: [NASTY[number % len(NASTY)]] for number, name in enumerate([*PARAMS, "nope"])}
BATCH = 6


def batches(keys: list[str]) -> list[list[str]]:
    """`keys` dealt into batches of at most BATCH, like cards: "actor" and "issue" (2nd and 4th) land apart."""
    count = -(-len(keys) // BATCH)
    return [keys[start::count] for start in range(count)]


def other_filter(keys: list[str]) -> tuple[str, str]:
    """A sidebar filter given a valid value beside the mangled `keys`, which must still apply."""
    return next(pair for pair in (("actor", "rasmussen"), ("issue", "guarantees")) if pair[0] not in keys)


def notice(at) -> str:
    """The link notice as a reader reads it (markdown escapes and joiners removed)."""
    shown = " ".join(w.value for w in at.warning)
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", shown).replace("\u2060", "")


@pytest.mark.parametrize("page", PAGES)
def test_every_parameter_mangled_at_once_breaks_no_page(page):
    at = run_app(EVERY_PARAMETER_MANGLED, page=page)  # asserts no exception is shown
    assert not [e for e in at.error if "cannot be shown" in str(e.value)]
    assert "nope" not in at.query_params
    assert "Some parts of the link were ignored" in notice(at)


@FEW
@given(page=st.sampled_from(PAGES), params=query)
def test_no_link_breaks_a_page(page, params):
    at = run_app(params, page=page)  # asserts no exception is shown
    assert not [e for e in at.error if "cannot be shown" in str(e.value)]
    unknown = [key for key in params if key not in PARAMS]
    # Unknown parameters are reported, then dropped from the link.
    assert not set(unknown) & set(at.query_params)
    if unknown:
        assert "Some parts of the link were ignored" in notice(at)


@pytest.mark.parametrize(
    ("page", "bad_actors", "unknown", "bad_date"),
    [
        ("", ["a*b_", "[x](y)"], {"<b>": "&amp;", "z9": "1"}, "2011-06-31"),
        ("stances", ["nobody"], {}, None),
        ("actors", [], {"foo": "bar"}, "soon!"),
        ("statements", [], {}, None),
    ],
)
def test_valid_parts_apply_and_the_notice_names_the_rest(page, bad_actors, unknown, bad_date):
    params = {**unknown, "actor": ["rasmussen", *bad_actors], "issue": ["architecture"]}
    if bad_date is not None:
        params["asof"] = bad_date
    at = run_app(params, page=page)
    assert at.multiselect(key="actor").value == ["rasmussen"]
    assert at.multiselect(key="issue").value == ["architecture"]
    assert at.date_input(key="asof").value is None
    text = notice(at)
    for actor in bad_actors:
        assert f"actor: '{actor}' is not a known value" in text
    for key in unknown:
        assert f"unknown parameter '{key}'" in text
    if bad_date is not None:
        assert f"asof: '{bad_date[:39]}" in text
    if not (bad_actors or unknown or bad_date is not None):
        assert text == ""


def test_reversed_dates_are_not_applied_and_said_so():
    at = run_app({"from": "2012-01-01", "to": "2010-01-01", "actor": "rasmussen"})
    assert "from 2012-01-01 is after to 2010-01-01" in notice(at)
    assert at.multiselect(key="actor").value == ["rasmussen"]


def test_impossible_and_out_of_range_dates_are_named():
    at = run_app({"from": "2011-02-30", "to": "1800-01-01", "asof": "2011-06-30"})
    text = notice(at)
    assert "from: '2011-02-30' is not a date" in text and "to: '1800-01-01' is outside the record" in text
    assert str(at.date_input(key="asof").value) == "2011-06-30"


@pytest.mark.parametrize("keys", batches(SINGLE), ids=lambda keys: ",".join(keys))
def test_repeated_single_valued_parameters_are_named(keys):
    query = {key: VALID[key] * 2 if len(VALID[key]) == 1 else VALID[key][:2] for key in keys}
    at = run_app({**query, "actor": "lavrov"})
    text = notice(at)
    for key in keys:
        assert f"{key}: given 2 times, only one value is allowed" in text
    assert at.multiselect(key="actor").value == ["lavrov"]


@pytest.mark.parametrize("keys", batches(PARAMS), ids=lambda keys: ",".join(keys))
def test_empty_parameters_do_not_break_the_page(keys):
    other, valid = other_filter(keys)
    at = run_app({**dict.fromkeys(keys, ""), other: valid})
    assert at.multiselect(key=other).value == [valid]
    text = notice(at)
    for key in keys:
        if key != "q":  # an empty search is simply no search
            assert f"{key}: ''" in text


@pytest.mark.parametrize("keys", batches([*PARAMS, "x" * 10_000]), ids=lambda keys: ",".join(k[:8] for k in keys))
def test_ten_thousand_character_values_are_cut_short_in_the_notice(keys):
    other, valid = other_filter(keys)
    at = run_app({**dict.fromkeys(keys, "y" * 10_000), other: valid})
    text = notice(at)
    for key in keys:
        shown = ("x" if key.startswith("x") else "y") * 39 + "…"
        assert shown in text
    assert "y" * 41 not in text and "x" * 41 not in text
    # Each message is short (one quoted value, cut to 40 characters), so the notice is too.
    assert len(text) < 100 * len(keys)
    assert at.multiselect(key=other).value == [valid]


def test_a_too_long_search_text_is_really_ignored():
    at = run_app({"q": "Lisbon" + "y" * 10_000})
    assert "q: 'Lisbonyyy" in notice(at)
    assert at.text_input(key="q").value in ("", None)
    assert "q" not in at.query_params
