from datetime import date

import pandas as pd
import pytest

from dashboard.model.filters import Filters, filter_events, filter_statements
from dashboard.model.selection import (
    density_of,
    event_count,
    event_kinds,
    event_rows,
    event_summary,
    events_by_id,
    lane_map,
    statement_counts,
    statement_rows,
    summarize,
    weekly_density,
)

VIEWS = [
    Filters(),
    Filters(actors=("lavrov",)),
    Filters(affiliations=("NATO",)),
    Filters(issues=("guarantees",)),
    Filters(kinds=("summit", "talks")),
    Filters(start=date(2011, 1, 20), end=date(2011, 3, 1)),
    Filters(as_known_on=date(2011, 2, 25)),
    Filters(text="brussels"),
    Filters(text="no such words anywhere"),
]


@pytest.mark.parametrize("filters", VIEWS)
def test_the_count_is_the_number_of_filtered_events(ds, filters):
    assert event_count(ds, filters) == len(filter_events(ds, filters))


@pytest.mark.parametrize("filters", VIEWS)
def test_the_statement_counts_are_those_of_the_filtered_statements(ds, filters):
    statements = filter_statements(ds, filters)
    assert statement_counts(ds, filters) == (len(statements), statements["is_direct_quote"].sum())
    pd.testing.assert_frame_equal(statement_rows(ds, filters, 1, 2), statements.iloc[1:3].reset_index(drop=True))


def test_a_text_search_finds_statements_by_their_speakers_name(ds):
    found = filter_statements(ds, Filters(text="LAVROV"))
    assert found["speaker_id"].tolist() == ["lavrov"]
    assert statement_counts(ds, Filters(text="LAVROV"))[0] == 1


@pytest.mark.parametrize("filters", VIEWS)
def test_pages_of_rows_are_slices_of_the_filtered_events(ds, filters):
    whole = filter_events(ds, filters)
    for first, count in [(0, 3), (2, 4), (6, 10), (50, 5)]:
        page = event_rows(ds, filters, first, count)
        pd.testing.assert_frame_equal(page, whole.iloc[first : first + count].reset_index(drop=True))


def test_a_page_as_known_on_a_day_shows_later_events_as_planned(ds):
    page = event_rows(ds, Filters(as_known_on=date(2011, 2, 25)), 0, 10)
    later = page[page["start_date"] > pd.Timestamp(2011, 2, 25)]
    assert len(later) and (later["status_shown"] == "planned").all()


def test_events_by_id_leave_unknown_ids_out_and_come_in_date_order(ds):
    found = events_by_id(ds, ["e_chicago", "nope", "e_talks"])
    assert found["event_id"].tolist() == ["e_talks", "e_chicago"]
    assert found.iloc[1]["title"] == ds.events.set_index("event_id").loc["e_chicago", "title"]


@pytest.mark.parametrize("filters", VIEWS)
def test_the_summary_is_that_of_the_filtered_events(ds, filters):
    assert event_summary(ds, filters) == summarize(filter_events(ds, filters))


@pytest.mark.parametrize("lane_by", ["kind", "affiliation", "actor"])
@pytest.mark.parametrize("filters", VIEWS[:6])
def test_weekly_counts_are_those_of_the_filtered_events(ds, filters, lane_by):
    expected = density_of(filter_events(ds, filters), lane_by, ds.actors)
    found = weekly_density(ds, filters, lane_by)
    pd.testing.assert_frame_equal(found.counts, expected.counts, check_names=False)
    pd.testing.assert_series_equal(found.groups, expected.groups, check_names=False)
    assert found.summary == expected.summary


def test_weekly_counts_by_kind_count_every_dated_event_once(ds):
    density = weekly_density(ds, Filters(), "kind")
    dated = ds.events["start_date"].notna().sum()
    assert int(density.counts.to_numpy().sum()) == dated
    assert set(density.counts.index) == set(ds.events["kind"])


def test_an_actor_without_affiliation_has_a_lane_of_its_own():
    actors = pd.DataFrame({"actor_id": ["a", "b"], "name": ["Ann", "Bo"], "affiliation": ["NATO", ""]})
    assert lane_map(actors, "affiliation")["lane"].tolist() == ["NATO", "b"]
    assert lane_map(actors, "actor")["lane"].tolist() == ["Ann", "Bo"]
    assert lane_map(actors, "actor")["grp"].tolist() == ["NATO", ""]


def test_event_kinds_are_the_records_sorted(ds):
    assert event_kinds(ds) == sorted(set(ds.events["kind"]))
