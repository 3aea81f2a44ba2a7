"""Which parts of a link can be used (dashboard/model/urlstate.py), without Streamlit."""

from datetime import date

import pytest

from dashboard.data.cells import parse_date
from dashboard.model.filters import Filters
from dashboard.model.url_params import ParamSpec
from dashboard.model.urlstate import MAX_SHOWN, MAX_TEXT, ignored_parameters, linked_filters, usable_range

SPECS = {
    "actor": ParamSpec("ids", {"lavrov", "rasmussen"}),
    "event": ParamSpec("id", {"lisbon"}),
    "from": ParamSpec("date"),
    "to": ParamSpec("date"),
    "q": ParamSpec("text"),
}
BOUNDS = (date(2009, 1, 1), date(2012, 12, 31))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2010-11-20", date(2010, 11, 20)),
        ("2010-02-30", None),
        ("20101120", None),  # date.fromisoformat would take it; a link must use the readable form
        ("2010-11-20T00:00", None),
        ("", None),
    ],
)
def test_link_dates_are_read_only_as_yyyy_mm_dd(text, day):
    assert parse_date(text) == day


def test_a_usable_link_has_nothing_to_report():
    raw = {"actor": ["lavrov", "rasmussen"], "event": ["lisbon"], "from": ["2010-01-01"], "q": ["radar"]}
    assert ignored_parameters(raw, SPECS, BOUNDS) == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"nope": ["1"]}, "unknown parameter 'nope'"),
        ({"actor": ["putin"]}, "actor: 'putin' is not a known value"),
        ({"event": ["lisbon", "lisbon"]}, "event: given 2 times, only one value is allowed"),
        ({"from": ["2010-13-01"]}, "from: '2010-13-01' is not a date (YYYY-MM-DD)"),
        ({"to": ["2013-01-01"]}, "to: '2013-01-01' is outside the record (2009-01-01 to 2012-12-31)"),
        ({"q": ["x" * (MAX_TEXT + 1)]}, f"is longer than {MAX_TEXT} characters"),
        ({"from": ["2011-01-01"], "to": ["2010-01-01"]}, "from 2011-01-01 is after to 2010-01-01"),
    ],
)
def test_each_unusable_part_gets_one_message(raw, message):
    messages = ignored_parameters(raw, SPECS, BOUNDS)
    assert len(messages) == 1
    assert message in messages[0]


def test_quoted_values_are_cut_and_made_printable():
    [message] = ignored_parameters({"actor": ["\x00" + "a" * 100]}, SPECS)
    quoted = message.split(": ", 1)[1].rsplit(" is not", 1)[0]
    assert "\x00" not in quoted and "\\x00" in quoted  # escaped, as in the data's problem messages
    assert quoted.endswith("…'") and "a" * (MAX_SHOWN - 1) not in quoted  # cut to MAX_SHOWN characters


def test_without_bounds_any_real_date_is_accepted():
    assert ignored_parameters({"from": ["1900-01-01"]}, SPECS) == []


def test_a_reversed_range_filters_nothing():
    assert usable_range(date(2011, 1, 1), date(2010, 1, 1)) == (None, None)
    assert usable_range(date(2010, 1, 1), None) == (date(2010, 1, 1), None)


def test_linked_filters_take_what_the_pickers_would_from_the_same_link():
    specs = {
        **SPECS,
        "affiliation": ParamSpec("ids", {"NATO"}),
        "issue": ParamSpec("ids", {"radar"}),
        "kind": ParamSpec("ids", {"summit"}),
        "asof": ParamSpec("date"),
    }
    raw = {
        "actor": ["rasmussen", "putin", "rasmussen", "lavrov"],  # unknown dropped, repeats once, order kept
        "affiliation": ["NATO"],
        "issue": ["radar"],
        "kind": ["meeting", "summit"],
        "from": ["2010-01-01"],
        "to": ["2013-01-01"],  # outside the record: left open
        "asof": ["2011-06-30"],
        "q": ["radar shield"],
        "event": ["lisbon"],  # a page control: not a filter
    }
    assert linked_filters(raw, specs, BOUNDS) == Filters(
        actors=("rasmussen", "lavrov"),
        affiliations=("NATO",),
        issues=("radar",),
        kinds=("summit",),
        start=date(2010, 1, 1),
        end=None,
        as_known_on=date(2011, 6, 30),
        text="radar shield",
    )


@pytest.mark.parametrize(
    "raw",
    [
        {},
        {"from": ["2011-01-01"], "to": ["2010-01-01"]},  # reversed: filters nothing
        {"from": ["2010-13-01"], "to": ["x"], "asof": ["2010-01-01", "2010-02-01"]},
        {"q": ["x" * (MAX_TEXT + 1)]},
        {"q": ["a", "b"]},
        {"actor": ["putin"], "issue": ["anything"]},  # no spec for issue in SPECS
    ],
)
def test_unusable_link_parts_filter_nothing(raw):
    assert linked_filters(raw, SPECS, BOUNDS) == Filters()
