"""Claims the sources give differently, side by side, and the rows they flag."""

from __future__ import annotations

from pathlib import Path

from dashboard.data.load import load_dataset
from dashboard.model.disagreements import readings, side_by_side, topics_touching

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def test_the_three_known_disagreements_are_side_by_side():
    ds = load_dataset(DATA_DIR)
    groups = dict(side_by_side(ds))
    toll = groups["Death toll of the Domodedovo bombing"]
    assert toll[["outlet", "says"]].values.tolist() == [
        ["Ahram Online", "35 dead"],
        ["Project fact sheet", "37 dead (the later toll)"],
    ]
    assert len(groups["Whose word is 'sectoral'"]) == 3
    assert set(groups["When the Prague signing was"]["source_id"]) == {"upi_2010_04_20", "upi_photo_2010_04_08"}


def test_flags_name_the_rows_each_disagreement_touches():
    ds = load_dataset(DATA_DIR)
    assert topics_touching(ds, "event_ids", "domodedovo_bombing") == ["Death toll of the Domodedovo bombing"]
    assert topics_touching(ds, "statement_ids", "ctx_medvedev_sectoral") == ["Whose word is 'sectoral'"]
    assert topics_touching(ds, "event_ids", "chicago_summit") == []


def test_empty_table_gives_no_groups(ds):
    assert side_by_side(ds) == []
    assert readings(ds).empty
