from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.data.load import load_dataset
from dashboard.model.filters import (
    Filters,
    _events_in_order,
    _statements_in_order,
    events_as_known_on,
    filter_events,
    filter_statements,
    in_date_order_already,
)
from dashboard.paths import BUNDLED_DATA


def event_ids(ds, **fields):
    return filter_events(ds, Filters(**fields))["event_id"].tolist()


def statement_ids(ds, **fields):
    return filter_statements(ds, Filters(**fields))["statement_id"].tolist()


def test_no_filter_keeps_every_event_sorted_by_start(ds):
    assert event_ids(ds) == [
        "e_georgia",
        "e_lisbon",
        "e_talks",
        "e_attack",
        "e_seminar",
        "e_council",
        "e_deadline",
        "e_chicago",
    ]


def test_no_as_of_shows_own_status(ds):
    events = filter_events(ds, Filters())
    assert (events["status_shown"] == events["status"]).all()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"actors": ("clinton",)}, ["e_lisbon", "e_seminar"]),
        ({"actors": ("rogozin", "lavrov")}, ["e_talks", "e_seminar", "e_council"]),
        ({"affiliations": ("United States",)}, ["e_lisbon", "e_seminar"]),
        ({"issues": ("guarantees",)}, ["e_talks", "e_deadline"]),
        ({"kinds": ("summit",)}, ["e_lisbon", "e_chicago"]),
        # overlap, not containment: the week 17–23 Jan and the month of March touch the range
        ({"start": date(2011, 1, 20), "end": date(2011, 3, 1)}, ["e_talks", "e_attack", "e_seminar", "e_council"]),
        ({"start": date(2011, 6, 1)}, ["e_deadline", "e_chicago"]),
        ({"end": date(2009, 1, 1)}, ["e_georgia"]),
        ({"text": "brussels"}, ["e_talks", "e_council"]),  # place, case-insensitive
        ({"text": "BLAST"}, ["e_attack"]),  # summary
        ({"text": "(domodedovo)"}, ["e_attack"]),  # title, literal parentheses
    ],
)
def test_each_event_filter_field_narrows(ds, fields, expected):
    assert event_ids(ds, **fields) == expected


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [("(", ["e_attack"]), (".*", []), ("[", []), ("\\", []), ("a|b", []), ("?", [])],
)
def test_text_search_is_literal(ds, hostile, expected):
    # as a regex these would raise or match everything; literally only "(" occurs
    assert event_ids(ds, text=hostile) == expected


def test_filters_combine_with_and(ds):
    assert event_ids(ds, actors=("rasmussen",), kinds=("summit",), start=date(2011, 1, 1)) == ["e_chicago"]


def test_as_known_on_hides_unpublished_and_shows_later_events_as_planned(ds):
    events = filter_events(ds, Filters(as_known_on=date(2011, 2, 25))).set_index("event_id")
    # e_chicago first public 2011-06-01: not yet known
    assert "e_chicago" not in events.index
    # the council was held in March, but on 25 Feb it was still ahead
    assert events.loc["e_council", "status"] == "held"
    assert events.loc["e_council", "status_shown"] == "planned"
    # the missed deadline was still in the future, so it was still planned then
    assert events.loc["e_deadline", "status_shown"] == "planned"
    assert events.loc["e_lisbon", "status_shown"] == "held"


def test_as_known_on_before_first_public(ds):
    assert "e_council" not in event_ids(ds, as_known_on=date(2011, 2, 21))
    assert "e_council" in event_ids(ds, as_known_on=date(2011, 2, 22))


def test_events_as_known_on_none_keeps_all(ds):
    shown = events_as_known_on(ds.events, None)
    assert len(shown) == len(ds.events)
    assert shown["status_shown"].tolist() == ds.events["status"].tolist()


def test_statements_sorted_and_labelled(ds):
    statements = filter_statements(ds, Filters())
    assert statements["statement_id"].tolist() == ["st_medv", "st_rasm", "st_rog", "st_official", "st_lavrov"]
    row = statements.set_index("statement_id").loc["st_rog"]
    assert row["speaker_name"] == "Dmitry Rogozin"
    assert row["speaker_side"] == "Russia"
    assert row["event_title"] == "Talks at NATO headquarters"
    assert row["issue_title"] == "Guarantees"
    assert row["position_label"] == "Legally binding"
    assert statements.set_index("statement_id").loc["st_lavrov", "position_label"] == ""


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"actors": ("rogozin",)}, ["st_rog"]),
        ({"affiliations": ("NATO",)}, ["st_rasm", "st_official"]),
        ({"issues": ("architecture",)}, ["st_medv", "st_rasm"]),
        ({"start": date(2011, 1, 23), "end": date(2011, 1, 31)}, ["st_rog", "st_official"]),
        ({"as_known_on": date(2011, 1, 25)}, ["st_medv", "st_rasm"]),  # st_rog reported 26 Jan
        ({"text": "LEGAL"}, ["st_rog", "st_official"]),  # paraphrase and quote
        ({"text": "lavrov"}, ["st_lavrov"]),  # speaker name
        ({"text": "..."}, ["st_medv"]),  # literal dots, not "any three characters"
        ({"kinds": ("summit",)}, ["st_medv", "st_rasm", "st_rog", "st_official", "st_lavrov"]),
    ],
)
def test_each_statement_filter_field(ds, fields, expected):
    assert statement_ids(ds, **fields) == expected


@pytest.mark.parametrize("hostile", ["(", ".*", "[a-"])
def test_statement_text_search_is_literal(ds, hostile):
    assert statement_ids(ds, text=hostile) == []


def test_derived_lookups_are_built_once_per_dataset(ds):
    calls = []

    def build(dataset):
        calls.append(dataset)
        return len(dataset.events)

    assert ds.derived(build) == ds.derived(build) == len(ds.events)
    assert len(calls) == 1


def test_filtering_never_changes_the_shared_tables(ds):
    # The app shares one loaded dataset between every session and rerun.
    before = {name: frame.copy() for name, frame in ds.tables().items()}
    filter_events(ds, Filters(as_known_on=date(2010, 12, 31), text="lisbon", actors=("rasmussen",)))
    filter_statements(ds, Filters(as_known_on=date(2011, 1, 1), issues=("architecture",)))
    for name, frame in ds.tables().items():
        pd.testing.assert_frame_equal(frame, before[name])


def _events(starts, ids, index=None):
    return pd.DataFrame({"start_date": pd.to_datetime(starts), "event_id": pd.Series(ids, dtype="str")}, index=index)


@pytest.mark.parametrize(
    ("starts", "ids", "in_order"),
    [
        (["2010-01-01", "2010-01-02", None], ["b", "a", "c"], True),
        (["2010-01-01", "2010-01-01", "2010-01-02"], ["a", "b", "a"], True),
        ([], [], True),
        (["2010-01-02", "2010-01-01"], ["a", "b"], False),  # dates backwards
        (["2010-01-01", "2010-01-01"], ["b", "a"], False),  # ids backwards within a day
        ([None, "2010-01-01"], ["a", "b"], False),  # undated first
        (["2010-01-01", None, None], ["a", "c", "b"], False),  # undated, ids backwards
    ],
)
def test_the_order_check_agrees_with_sorting(starts, ids, in_order):
    events = _events(starts, ids)
    assert in_date_order_already(events) is in_order
    sorted_events = events.sort_values(["start_date", "event_id"]).reset_index(drop=True)
    assert in_date_order_already(sorted_events)
    assert sorted_events.equals(events) is in_order or events.empty


def test_the_order_check_wants_a_fresh_index():
    assert not in_date_order_already(_events(["2010-01-01"], ["a"], index=[5]))


def test_a_loaded_dataset_is_in_date_order_and_filtering_does_not_copy_it():
    ds = load_dataset(BUNDLED_DATA)
    assert in_date_order_already(ds.events)
    assert ds.derived(_events_in_order) is ds.events  # the shared table itself: no second copy in memory


def test_an_unfiltered_view_shares_the_tables_memory_instead_of_copying_it():
    ds = load_dataset(BUNDLED_DATA)
    events, statements = filter_events(ds, Filters()), filter_statements(ds, Filters())
    assert np.shares_memory(events["latitude"].to_numpy(), ds.events["latitude"].to_numpy())
    assert np.shares_memory(
        statements["said_start"].to_numpy(), ds.derived(_statements_in_order)["said_start"].to_numpy()
    )
    before = ds.events["latitude"].copy()
    events.loc[0, "latitude"] = -99.0  # copy on write: the shared table is never changed through a view
    pd.testing.assert_series_equal(ds.events["latitude"], before)
