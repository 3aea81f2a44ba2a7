"""The commitments ledger as known on a day, on the bundled data (the brief's
example: on 2011-10-25 the Chicago deal is pending; after May 2012 missed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.model.commitments import ledger, status_changes_known_on, status_on
from tests.bundled import bundled_dataset

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def bundled():
    return bundled_dataset()


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2011, 6, 7), ""),  # not yet promised
        (date(2011, 6, 8), "pending"),
        (date(2011, 10, 25), "pending"),
        (date(2012, 5, 20), "pending"),  # the summit's first day
        (date(2012, 5, 21), "missed"),
        (date(2012, 6, 1), "missed"),
        (None, "missed"),
    ],
)
def test_deal_by_chicago_status_as_known_on(bundled, day, status):
    assert status_on(bundled, "deal_by_chicago", day) == status


def test_a_status_counts_only_once_printed(bundled):
    # March 2011 ends on the 31st, but the first report after it is of 8 June.
    assert status_on(bundled, "working_group_march", date(2011, 4, 15)) == "pending"
    assert status_on(bundled, "working_group_march", date(2011, 6, 8)) == "unknown"


def test_ledger_rows_and_columns(bundled):
    on_day = ledger(bundled, date(2011, 10, 25)).set_index("commitment_id")
    assert "deal_by_chicago" in on_day.index
    row = on_day.loc["deal_by_chicago"]
    assert row["made_by"] == "Anders Fogh Rasmussen, James Appathurai"
    assert row["due"] == "20–21 May 2012"
    assert row["status_since"].date() == date(2011, 10, 25)
    assert row["status_source_ids"] == ("mt_2011_10_25",)
    assert on_day.loc["threat_assessed_jointly", "status"] == "met"
    assert on_day.loc["binding_guarantees", "due"] == "no date set"
    assert ledger(bundled, date(2010, 1, 1)).empty


def test_every_change_cites_a_source(bundled):
    changes = status_changes_known_on(bundled, None)
    assert len(changes) == len(bundled.commitment_status)
    assert all(len(ids) >= 1 for ids in changes["source_ids"])


def test_ledger_of_a_dataset_without_commitments(ds):
    assert ledger(ds, None).empty
