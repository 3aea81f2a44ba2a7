"""The tables the pages show (dashboard/model/tables.py)."""

import pandas as pd

from dashboard.model.filters import Filters, filter_statements
from dashboard.model.sources import published_text
from dashboard.model.tables import (
    ACTOR_COLUMNS,
    SOURCE_COLUMNS,
    STATEMENT_COLUMNS,
    actors_table,
    role_span,
    rows_citing,
    sources_table,
    statements_table,
    venue_table,
)
from tests.synthetic import DEFAULT_ROWS, typed_frame


def with_second_lisbon_event(make_dataset):
    second = dict(DEFAULT_ROWS["events"][1], event_id="e_lisbon_2", title="Second Lisbon meeting")
    return make_dataset(events=DEFAULT_ROWS["events"] + [second]).events


def test_venues_grouped_by_place(make_dataset):
    venues = venue_table(with_second_lisbon_event(make_dataset))
    lisbon = venues.set_index("place").loc["Lisbon"]
    assert lisbon["events"] == 2
    assert lisbon["event_ids"] == ("e_lisbon", "e_lisbon_2")
    assert venues.iloc[0]["place"] == "Lisbon"  # most events first


def test_places_at_the_same_coordinates_share_a_bubble(make_dataset):
    duma = dict(DEFAULT_ROWS["events"][3], event_id="e_duma", place="State Duma, Moscow")
    venues = venue_table(make_dataset(events=DEFAULT_ROWS["events"] + [duma]).events)
    moscow = venues[venues["event_ids"].map(lambda ids: "e_duma" in ids)].iloc[0]
    assert moscow["event_ids"] == ("e_duma", "e_seminar")  # same day: by id
    assert moscow["place"] == "State Duma, Moscow; Moscow"


def test_venue_titles_date_each_event_as_precisely_as_known(ds):
    venues = venue_table(ds.events)
    titles = [title for row in venues["titles"] for title in row]
    assert "Lisbon summit (19–20 Nov 2010)" in titles
    assert not any("2008-01-01" in title for title in titles)  # the year-precision war reads "2008"


def test_venue_table_of_no_events_has_its_columns(ds):
    assert list(venue_table(ds.events.iloc[0:0]).columns) == [
        "place",
        "latitude",
        "longitude",
        "events",
        "event_ids",
        "titles",
    ]


def test_statements_table_shows_words_kind_date_and_first_source(ds):
    table = statements_table(filter_statements(ds, Filters()), ds).set_index("statement_id")
    assert list(table.reset_index().columns) == ["statement_id", *[c for c in STATEMENT_COLUMNS if c != "statement_id"]]
    rogozin = table.loc["st_rog"]
    assert rogozin["words"] == "Demands a legally binding guarantee."  # no quote: our paraphrase
    assert rogozin["kind"] == "paraphrase"
    assert rogozin["said"] == "week of 17 Jan 2011"
    assert rogozin["source"] == "defenceWeb"
    assert rogozin["link"] == "https://example.org/afp"
    official = table.loc["st_official"]
    assert (official["words"], official["kind"]) == ("No legal guarantees are possible.", "quote")
    assert official["said"] == "undated (reported 26 Jan 2011)"


def test_statements_table_links_only_http_addresses(ds, make_dataset):
    sources = [dict(row) for row in DEFAULT_ROWS["sources"]]
    sources[0]["url"] = "javascript:alert(1)"
    data = make_dataset(sources=sources)
    table = statements_table(filter_statements(data, Filters()), data).set_index("statement_id")
    assert table.loc["st_rog", "link"] is None
    assert table.loc["st_lavrov", "link"] is None  # its source has no address at all


def test_actors_table_applies_the_actor_and_affiliation_filters(ds):
    assert list(actors_table(ds, Filters()).columns) == ACTOR_COLUMNS
    assert len(actors_table(ds, Filters())) == len(ds.actors)
    assert list(actors_table(ds, Filters(actors=("lavrov", "rasmussen")))["actor_id"]) == ["rasmussen", "lavrov"]
    russian = actors_table(ds, Filters(affiliations=("Russia",)))
    assert set(russian["affiliation"]) == {"Russia"}


def test_role_span_says_which_end_is_not_recorded():
    assert role_span(pd.Timestamp("2009-08-01"), pd.NaT) == "1 Aug 2009 – end not recorded"
    assert role_span(None, pd.Timestamp("2011-12-22")) == "start not recorded – 22 Dec 2011"
    assert role_span(pd.NaT, pd.NaT) == "dates not recorded"


def test_sources_table_counts_citing_rows_and_dates_with_precision(ds):
    table = sources_table(ds)
    assert list(table.columns) == SOURCE_COLUMNS
    by_id = table.set_index("source_id")
    assert by_id.loc["s_nato", "published"] == "March 2011"  # month precision, not 2011-03-01
    assert by_id.loc["s_ref", "published"] == "date unknown"
    assert by_id.loc["s_nato", "link"] is None
    assert by_id.loc["s_afp", "rows"] == sum(
        "s_afp" in row.get("source_ids", ()) for rows in DEFAULT_ROWS.values() for row in rows
    )
    assert list(table["source_id"])[-1] == "s_ref"  # undated last


def test_rows_citing_lists_ids_per_table(ds):
    cited = rows_citing(ds, "s_nato").set_index("table")["row_id"]
    assert cited["statements"] == "st_lavrov"
    assert rows_citing(ds, "no_such_source").empty


def test_published_text_is_as_precise_as_known():
    assert published_text(pd.Timestamp("2011-01-26"), "day") == "26 Jan 2011"
    assert published_text(pd.Timestamp("2011-03-01"), "year") == "2011"
    assert published_text(pd.NaT, "day") == "date unknown"
    assert published_text(pd.Timestamp("2011-03-01"), "unknown", unknown="n.d.") == "n.d."


def test_statements_table_names_the_disagreements_that_touch_a_statement(ds):
    readings = [
        dict(
            reading_id="r1",
            disagreement_id="d",
            topic="Who said it",
            source_id="s_afp",
            says="A",
            statement_ids=("st_rog",),
        ),
        dict(
            reading_id="r2",
            disagreement_id="d",
            topic="Who said it",
            source_id="s_afp",
            says="B",
            statement_ids=("st_rog",),
        ),
    ]
    data = ds.replaced(disagreements=typed_frame("disagreements", readings))
    table = statements_table(filter_statements(data, Filters()), data).set_index("statement_id")
    assert table.loc["st_rog", "disputed"] == "Who said it"
    assert table.loc["st_official", "disputed"] == ""


def test_events_table_names_participants_and_reads_dates_page_by_page(ds):
    from dashboard.model.filters import Filters, filter_events
    from dashboard.model.tables import EVENT_COLUMNS, events_table

    kept = filter_events(ds, Filters(text="summit"))
    table = events_table(ds, Filters(text="summit"), 1, 2)
    assert list(table.columns) == list(EVENT_COLUMNS)
    assert list(table["event_id"]) == list(kept["event_id"].iloc[1:3])
    lisbon = events_table(ds, Filters(), 0, 1000).set_index("event_id").loc["e_lisbon"]
    assert lisbon["when"] == "19–20 Nov 2010" and "Rasmussen" in lisbon["participants"]


def test_event_choices_keep_the_chosen_event_beyond_the_limit(ds):
    from dashboard.model.filters import Filters
    from dashboard.model.tables import event_choices

    first_two = event_choices(ds, Filters(), 2, None)
    assert len(first_two) == 2 and all(label.endswith(")") for label in first_two.values())
    with_lisbon = event_choices(ds, Filters(), 2, "e_lisbon")
    assert list(with_lisbon)[:2] == list(first_two) and with_lisbon["e_lisbon"].startswith("Lisbon")
