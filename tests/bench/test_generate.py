"""The benchmark's synthetic data: valid, deterministic, and mixed like the real data."""

import pytest

from bench import generate as generate_module
from bench.generate import generate, write_dataset
from dashboard.data.dataset import TABLE_FILES
from dashboard.data.load import validate_dir
from dashboard.data.schema import TABLES


@pytest.fixture(scope="module")
def tables():
    return generate(1_000, seed=3)


def test_a_written_dataset_passes_the_validator(tmp_path):
    dataset, problems = validate_dir(write_dataset(tmp_path, 1_000, seed=3))
    assert problems == []
    assert len(dataset.events) == 1_000


def test_tables_have_the_schema_columns_as_strings(tables):
    for name, table in TABLES.items():
        assert list(tables[name].columns) == table.columns
        # (isinstance per cell: Series.map(type).eq(str) raises on an empty str column, e.g. event_links)
        assert all(isinstance(cell, str) for c in table.columns for cell in tables[name][c])


def test_same_seed_same_data_other_seed_other_data(tables):
    again, other = generate(1_000, seed=3), generate(1_000, seed=4)
    for name in TABLES:
        assert tables[name].equals(again[name])
    assert not tables["events"].equals(other["events"])


def test_realistic_mixes(tables):
    events = tables["events"]
    status = events["status"].value_counts(normalize=True)
    assert 0.05 < status["planned"] < 0.15 and 0.01 < status["did_not_happen"] < 0.06
    precision = events["date_precision"].value_counts(normalize=True)
    assert set(precision.index) == {"day", "week", "month", "year", "approximate", "undated"}
    assert precision["day"] > 0.6
    assert (events["start_date"] != events["end_date"]).mean() > 0.1  # multi-day and imprecise events
    assert events["kind"].nunique() >= 10
    assert events["kind"].value_counts().iloc[0] > 3 * events["kind"].value_counts().iloc[-1]  # skewed
    participants = events["participant_ids"].str.split(";").map(len)
    assert participants.min() == 1 and participants.max() == 4
    assert len(tables["actors"]) >= 40 and tables["actors"]["affiliation"].nunique() == 11
    assert set(tables["actors"]["side"]) == {"NATO", "Russia", "other"}
    assert len(tables["statements"]) == 2_000
    assert {"true", "false"} == set(tables["statements"]["is_direct_quote"])
    assert len(tables["stances"]) == 50 and len(tables["sources"]) == 100
    assert events["start_date"].min() >= "2009-01-01" and events["end_date"].max() <= "2012-12-31"


def test_a_dataset_written_in_chunks_is_valid_whole_and_deterministic(tmp_path, monkeypatch):
    monkeypatch.setattr(generate_module, "CHUNK_EVENTS", 400)  # 1,000 events in chunks of 400, 400 and 200
    first, second = write_dataset(tmp_path / "a", 1_000, seed=3), write_dataset(tmp_path / "b", 1_000, seed=3)
    dataset, problems = validate_dir(first)
    assert problems == []
    assert len(dataset.events) == 1_000 and dataset.events["event_id"].is_unique
    assert len(dataset.statements) == 2_000 and dataset.statements["statement_id"].is_unique
    assert len(dataset.stances) == 20 + 20 + 10  # each chunk its twentieth
    # statements are tied to events of their own chunk, and every chunk's are there
    tied = dataset.statements[dataset.statements["event_id"] != ""]
    assert set(tied["event_id"]) <= set(dataset.events["event_id"])
    assert tied["event_id"].str.slice(3).astype(int).max() >= 800
    for name in ("events", "statements", "stances", "sources"):
        assert (first / TABLE_FILES[name]).read_bytes() == (second / TABLE_FILES[name]).read_bytes()
