"""Mangled links, checked where the decision is made: `ignored_parameters` (dashboard/model/urlstate.py) with the
app's real parameter registry and date bounds on the bundled data, and the notice as `md_escape` renders it.

Pure functions, so hypothesis runs hundreds of queries in a second or two; tests/hardening/test_links.py runs a few
of the same queries through the whole app in AppTest.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.model.urlstate import MAX_SHOWN, ignored_parameters
from dashboard.ui.text import md_escape
from tests.hardening.links import BOUNDS, PARAMS, SINGLE, SPECS, VALID, plain_garbage, query

MANY = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
# A message quotes at most MAX_SHOWN characters of what the link carried; the rest is its own words.
LONGEST_MESSAGE = 2 * MAX_SHOWN + 80


def as_read(markdown: str) -> str:
    """Escaped markdown as a reader reads it (backslash escapes and word joiners removed)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


@MANY
@given(params=query)
def test_any_query_gets_short_messages_and_every_unknown_parameter_is_named(params):
    messages = ignored_parameters(params, SPECS, BOUNDS)
    assert all(isinstance(message, str) and len(message) <= LONGEST_MESSAGE for message in messages), messages
    named = [message for message in messages if message.startswith("unknown parameter ")]
    unknown = [key for key in params if key not in PARAMS]
    assert len(named) == len(unknown)
    # What the notice shows has no markdown left in it and no line break.
    for message in messages:
        rendered = md_escape(message)
        assert "\n" not in rendered and not re.search(r"(?<!\\)[\[\]()*_`<>]", rendered)


@MANY
@given(
    bad_actors=st.lists(plain_garbage.filter(lambda v: v not in VALID["actor"]), max_size=2, unique=True),
    unknown=st.dictionaries(plain_garbage.filter(lambda k: k not in PARAMS), plain_garbage, max_size=2),
    bad_date=st.none() | plain_garbage.filter(lambda v: not re.fullmatch(r"\d{4}-\d\d-\d\d", v)),
)
def test_the_notice_names_exactly_the_unusable_parts(bad_actors, unknown, bad_date):
    params = {key: [value] for key, value in unknown.items()}
    params |= {"actor": ["rasmussen", *bad_actors], "issue": ["architecture"]}
    if bad_date is not None:
        params["asof"] = [bad_date]
    messages = ignored_parameters(params, SPECS, BOUNDS)
    expected = [f"actor: '{actor}' is not a known value" for actor in bad_actors]
    expected += [f"unknown parameter '{key}'" for key in unknown]
    if bad_date is not None:
        expected.append(f"asof: '{bad_date[:39]}")
    assert len(messages) == len(expected)
    text = as_read(md_escape("; ".join(messages)))
    assert all(part in text for part in expected), (expected, text)
    # The usable parts are not mentioned.
    assert "rasmussen" not in text and "architecture" not in text


@pytest.mark.parametrize("key", SINGLE)
def test_a_repeated_single_valued_parameter_is_named(key):
    values = VALID[key] * 2 if len(VALID[key]) == 1 else VALID[key][:2]
    messages = ignored_parameters({key: values, "actor": ["lavrov"]}, SPECS, BOUNDS)
    assert messages == [f"{key}: given 2 times, only one value is allowed"]


@pytest.mark.parametrize("key", PARAMS)
def test_an_empty_parameter_is_named_but_an_empty_search_is_no_search(key):
    messages = ignored_parameters({key: [""]}, SPECS, BOUNDS)
    if key == "q":
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].startswith(f"{key}: '' ")


@pytest.mark.parametrize("key", [*PARAMS, "x" * 10_000])
def test_a_ten_thousand_character_value_is_cut_short(key):
    [message] = ignored_parameters({key: ["y" * 10_000]}, SPECS, BOUNDS)
    shown = ("x" if key.startswith("x") else "y") * (MAX_SHOWN - 1) + "…"
    assert shown in message and "y" * (MAX_SHOWN + 1) not in message and "x" * (MAX_SHOWN + 1) not in message
    assert len(message) < 100
