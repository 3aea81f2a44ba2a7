import io

import orjson
import pandas as pd

from dashboard.model.filters import Filters, filter_events
from dashboard.model.sources import (
    bibliography_text,
    cite,
    source_usage,
    to_csv_bytes,
    to_json_bytes,
    with_citations,
)


def source(ds, source_id):
    return ds.sources.set_index("source_id", drop=False).loc[source_id]


def test_cite_has_outlet_title_date_url_and_wire(ds):
    assert cite(source(ds, "s_afp")) == (
        'defenceWeb, "Russia wants guarantees", 26 Jan 2011, https://example.org/afp, via AFP.'
    )


def test_cite_date_precision_and_missing_parts(ds):
    assert cite(source(ds, "s_nato")) == 'NATO, "Council communiqué", March 2011.'
    # a bracketed description is not a headline, so no quote marks; no date known
    assert cite(source(ds, "s_ref")) == "Fact sheet, [Background on the 2008 war], n.d."


def test_source_usage_lists_every_citing_row(ds):
    usage = source_usage(ds)
    assert list(usage.columns) == ["source_id", "table", "row_id"]
    nato = usage[usage["source_id"] == "s_nato"]
    assert list(zip(nato["table"], nato["row_id"], strict=True)) == [
        ("events", "e_council"),
        ("statements", "st_lavrov"),
    ]
    assert "sources" not in set(usage["table"])


def test_bibliography_sorted_and_selectable(ds):
    lines = bibliography_text(ds).splitlines()
    assert len(lines) == 4
    assert lines == sorted(lines, key=str.casefold)
    assert (
        bibliography_text(ds, ["s_mt", "unknown"])
        == 'The Moscow Times, "Lisbon deal", 21 Nov 2010, https://example.org/mt.'
    )


def test_with_citations_joins_each_rows_sources(ds):
    statements = ds.statements.copy()
    statements.loc[0, "source_ids"] = ("s_mt", "s_afp")
    cited = with_citations(statements, ds)
    assert cited.loc[0, "citation"] == (
        'The Moscow Times, "Lisbon deal", 21 Nov 2010, https://example.org/mt. | '
        'defenceWeb, "Russia wants guarantees", 26 Jan 2011, https://example.org/afp, via AFP.'
    )
    assert "citation" not in statements.columns  # input untouched


def test_csv_bytes_round_trip(ds):
    events = filter_events(ds, Filters())
    events.loc[0, "first_public"] = pd.NaT
    back = pd.read_csv(io.BytesIO(to_csv_bytes(events)), dtype=str, keep_default_na=False)
    assert back["event_id"].tolist() == events["event_id"].tolist()
    assert back.loc[1, "start_date"] == "2010-11-19"
    assert back.loc[0, "first_public"] == ""
    assert back.loc[1, "participant_ids"] == "rasmussen;medvedev;clinton"
    assert back.loc[1, "title"] == "Lisbon summit"
    assert back["latitude"].iloc[6] == ""  # unlocated deadline


def test_json_bytes_is_a_list_of_records(ds):
    events = filter_events(ds, Filters())
    records = orjson.loads(to_json_bytes(events))
    assert isinstance(records, list) and len(records) == len(events)
    lisbon = records[1]
    assert lisbon["event_id"] == "e_lisbon"
    assert lisbon["end_date"] == "2010-11-20"
    assert lisbon["participant_ids"] == "rasmussen;medvedev;clinton"
    assert lisbon["latitude"] == 38.72
    assert records[6]["latitude"] is None
    assert set(lisbon) == set(events.columns)
