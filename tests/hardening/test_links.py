"""Mangled links: any query string, on any page, never breaks the app; the
usable parts still apply and the notice names every part that was ignored.

Property-based (hypothesis) over the real parameter names and random garbage,
run through Streamlit's AppTest on the bundled data (`run_app` asserts that no
exception was shown). Examples are kept few so the suite stays quick.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.data.load import load_dataset
from dashboard.model.url_params import param_specs
from harness.server import BUNDLED_DATA
from tests.views.apptest import PAGE_PATHS as PAGES
from tests.views.apptest import run_app

# The real parameter names, from the registry.
SPECS = param_specs(load_dataset(BUNDLED_DATA))
PARAMS = list(SPECS)
SINGLE = [name for name, spec in SPECS.items() if spec.kind != "ids"]
VALID = {
    "actor": ["rasmussen", "lavrov", "rogozin"],
    "affiliation": ["NATO", "Russia"],
    "issue": ["architecture", "guarantees"],
    "kind": ["summit", "talks"],
    "from": ["2010-01-01"],
    "to": ["2011-12-31"],
    "asof": ["2011-06-30"],
    "lanes": ["actor", "kind"],
    "event": ["lisbon_nrc"],
    "stance_issue": ["guarantees"],
    "who": ["rogozin"],
    "source": ["rt_2011_02_22"],
    "stance": ["arch_russia_2010_11"],
    "links": ["true", "false"],
    "step": ["3", "7"],
    "q": ["Lisbon"],
}
HYPOTHESIS = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)

# Anything a URL can carry after decoding (and a few things it cannot).
garbage = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="ascii"), max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "null",
            "undefined",
            "[]",
            "{}",
            "0",
            "-1",
            "1e309",
            "NaN",
            "true",
            "2011-02-30",
            "2011-13-01",
            "0000-00-00",
            "9999-12-31",
            "1900-01-01",
            "20110101",
            "2011-1-1",
            "../../etc/passwd",
            "%00",
            "\x00",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "'; DROP TABLE events; --",
            "\u202e\u0645\u0631",
            "🚀" * 50,
        ]
    ),
    st.integers(1, 12_000).map(lambda n: "x" * n),
    st.dates().map(lambda d: d.isoformat()),
)
value = st.one_of(garbage, st.sampled_from([v for values in VALID.values() for v in values]))
query = st.dictionaries(
    keys=st.one_of(st.sampled_from(PARAMS), st.text(min_size=1, max_size=20)),
    values=st.lists(value, min_size=1, max_size=3),
    max_size=6,
)


@HYPOTHESIS
@given(page=st.sampled_from(PAGES), params=query)
def test_no_link_breaks_a_page(page, params):
    at = run_app(params, page=page)  # asserts no exception is shown
    assert not [e for e in at.error if "cannot be shown" in str(e.value)]
    unknown = [key for key in params if key not in PARAMS]
    # Unknown parameters are reported, then dropped from the link.
    assert not set(unknown) & set(at.query_params)
    if unknown:
        assert "Some parts of the link were ignored" in notice(at)


# Printable garbage without quote marks or backslashes, so the notice's
# quoting of it is predictable: 'value'.
plain_garbage = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-<>&;/()[]*!", min_size=1, max_size=30)


@HYPOTHESIS
@given(
    page=st.sampled_from(PAGES),
    bad_actors=st.lists(plain_garbage.filter(lambda v: v not in VALID["actor"]), max_size=2, unique=True),
    unknown=st.dictionaries(plain_garbage.filter(lambda k: k not in PARAMS), plain_garbage, max_size=2),
    bad_date=st.none() | plain_garbage.filter(lambda v: not re.fullmatch(r"\d{4}-\d\d-\d\d", v)),
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


def notice(at) -> str:
    """The link notice as a reader reads it (markdown escapes and joiners removed)."""
    shown = " ".join(w.value for w in at.warning)
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", shown).replace("\u2060", "")


def test_reversed_dates_are_not_applied_and_said_so():
    at = run_app({"from": "2012-01-01", "to": "2010-01-01", "actor": "rasmussen"})
    assert "from 2012-01-01 is after to 2010-01-01" in notice(at)
    assert at.multiselect(key="actor").value == ["rasmussen"]


def test_impossible_and_out_of_range_dates_are_named():
    at = run_app({"from": "2011-02-30", "to": "1800-01-01", "asof": "2011-06-30"})
    text = notice(at)
    assert "from: '2011-02-30' is not a date" in text and "to: '1800-01-01' is outside the record" in text
    assert str(at.date_input(key="asof").value) == "2011-06-30"


@pytest.mark.parametrize("key", SINGLE)
def test_repeated_single_valued_parameters_are_named(key):
    values = VALID[key] * 2 if len(VALID[key]) == 1 else VALID[key][:2]
    at = run_app({key: values, "actor": "lavrov"})
    assert f"{key}: given 2 times, only one value is allowed" in notice(at)
    assert at.multiselect(key="actor").value == ["lavrov"]


@pytest.mark.parametrize("key", PARAMS)
def test_empty_parameters_do_not_break_the_page(key):
    other, valid = ("actor", "lavrov") if key == "issue" else ("issue", "guarantees")
    at = run_app({key: "", other: valid})
    assert at.multiselect(key=other).value == [valid]
    if key != "q":  # an empty search is simply no search
        assert f"{key}: ''" in notice(at)


@pytest.mark.parametrize("key", PARAMS + ["x" * 10_000])
def test_ten_thousand_character_values_are_cut_short_in_the_notice(key):
    other, valid = ("issue", "guarantees") if key == "actor" else ("actor", "rasmussen")
    at = run_app({key: "y" * 10_000, other: valid})
    text = notice(at)
    shown = ("x" if key.startswith("x") else "y") * 39 + "…"
    assert shown in text and "y" * 41 not in text and "x" * 41 not in text
    assert len(text) < 500
    assert at.multiselect(key=other).value == [valid]


def test_a_too_long_search_text_is_really_ignored():
    at = run_app({"q": "Lisbon" + "y" * 10_000})
    assert "q: 'Lisbonyyy" in notice(at)
    assert at.text_input(key="q").value in ("", None)
    assert "q" not in at.query_params
