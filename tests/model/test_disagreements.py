"""Claims the sources give differently, side by side, and the rows they flag."""

from __future__ import annotations

from pathlib import Path

from dashboard.model.disagreements import readings, side_by_side, topics_by_row, topics_touching
from tests.bundled import bundled_dataset

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def test_the_known_disagreement_is_side_by_side():
    ds = bundled_dataset()
    groups = dict(side_by_side(ds))
    # The later Domodedovo toll is an update and the 'sectoral' readings fit together: neither is recorded.
    assert list(groups) == ["When the Prague signing was"]
    prague = groups["When the Prague signing was"]
    assert prague[["source_id", "says"]].values.tolist() == [
        ["upi_2010_04_20", "both 'this month' and 'last month in Prague'"],
        ["upi_photo_2010_04_08", "8 April 2010"],
    ]


def test_flags_name_the_rows_each_disagreement_touches():
    ds = bundled_dataset()
    assert topics_touching(ds, "event_ids", "new_start_signed") == ["When the Prague signing was"]
    assert topics_touching(ds, "statement_ids", "upi_obama_dialog") == ["When the Prague signing was"]
    assert topics_touching(ds, "event_ids", "domodedovo_bombing") == []
    assert topics_touching(ds, "statement_ids", "ctx_medvedev_sectoral") == []


def test_topics_by_row_is_topics_touching_for_every_row():
    ds = bundled_dataset()
    for column, table, id_column in (
        ("statement_ids", ds.statements, "statement_id"),
        ("event_ids", ds.events, "event_id"),
    ):
        by_row = topics_by_row(ds, column)
        assert by_row and all(by_row.get(row, []) == topics_touching(ds, column, row) for row in table[id_column])


def test_empty_table_gives_no_groups(ds):
    assert side_by_side(ds) == []
    assert readings(ds).empty
