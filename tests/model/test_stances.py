from datetime import date

import numpy as np
import pandas as pd

from dashboard.model.stances import gap_series, gap_summary, stance_history, stances_as_of
from tests.synthetic import DEFAULT_ROWS


def test_stance_history_is_complete_and_sorted(ds):
    history = stance_history(ds, "guarantees")
    assert history["stance_id"].tolist() == ["sn_g1", "sr_g1", "sn_g2"]
    assert history["side"].tolist() == ["NATO", "Russia", "NATO"]  # Clinton counts for NATO
    assert history["rank"].tolist() == [2, 1, 3]
    last = history.iloc[-1]
    assert last["actor_name"] == "A NATO official"
    assert last["position_label"] == "No guarantee"
    assert last["quote"] == "No legal guarantees are possible."
    assert history.iloc[1]["paraphrase"] == "Demands a legally binding guarantee."
    assert history.iloc[0]["source_ids"] == ("s_afp",)


def test_stances_as_of_picks_latest_per_side(ds):
    early = stances_as_of(ds, "architecture", date(2010, 10, 1)).set_index("side")
    assert early["stance_id"].to_dict() == {"NATO": "sn_a1", "Russia": "sr_a1"}
    later = stances_as_of(ds, "architecture", date(2010, 11, 20)).set_index("side")
    assert later["stance_id"].to_dict() == {"NATO": "sn_a2", "Russia": "sr_a2"}


def test_stances_as_of_only_sides_with_a_stance(ds):
    assert stances_as_of(ds, "architecture", date(2010, 6, 15))["side"].tolist() == ["NATO"]
    assert stances_as_of(ds, "architecture", date(2010, 1, 1)).empty
    assert stances_as_of(ds, "guarantees", None)["stance_id"].tolist() == ["sn_g2", "sr_g1"]


def test_gap_series_values_at_change_points(ds):
    series = gap_series(ds, ["architecture"])
    assert series["date"].tolist() == list(pd.to_datetime(["2010-06-01", "2010-07-01", "2010-11-20"]))
    assert series["nato_rank"].tolist() == [3, 3, 2]
    assert np.isnan(series["russia_rank"].iloc[0]) and np.isnan(series["gap"].iloc[0])
    assert series["gap"].tolist()[1:] == [2, 0]


def test_gap_series_all_issues_with_start_and_end_rows(ds):
    series = gap_series(ds, start=date(2010, 9, 1), end=date(2012, 5, 31))
    assert set(series["issue_id"]) == {"architecture", "guarantees"}  # cooperation has no stances
    arch = series[series["issue_id"] == "architecture"]
    assert arch["date"].tolist() == list(pd.to_datetime(["2010-09-01", "2010-11-20", "2012-05-31"]))
    assert arch["gap"].tolist() == [2, 0, 0]
    guarantees = series[series["issue_id"] == "guarantees"]
    assert guarantees["gap"].tolist()[-2:] == [2, 2]


def test_gap_series_empty_has_columns(ds):
    series = gap_series(ds, ["cooperation"])
    assert series.empty
    assert list(series.columns) == ["issue_id", "date", "nato_rank", "russia_rank", "gap"]


def test_gap_summary_trend_words(ds):
    latest = gap_summary(ds, None).set_index("issue_id")
    assert latest["trend"].to_dict() == {
        "architecture": "narrowed",
        "guarantees": "widened",
        "cooperation": "no comparison",
    }
    assert latest.loc["architecture", "first_gap"] == 2
    assert latest.loc["architecture", "gap"] == 0
    assert latest.loc["architecture", "first_date"] == pd.Timestamp("2010-07-01")
    assert latest.loc["guarantees", "russia_position"] == "Legally binding"


def test_gap_summary_on_an_earlier_day(ds):
    summary = gap_summary(ds, date(2011, 1, 22)).set_index("issue_id")
    assert summary.loc["guarantees", "trend"] == "unchanged"  # 1 -> 1 before 26 Jan
    assert gap_summary(ds, date(2010, 6, 15)).set_index("issue_id").loc["architecture", "trend"] == "no comparison"


def test_same_day_stances_of_one_side_agree_between_as_of_and_gaps(make_dataset):
    # two NATO actors on the same day: the later stance_id wins in both views
    extra = dict(
        stance_id="sn_a3",
        actor_id="clinton",
        issue_id="architecture",
        position_id="arch_joint",
        as_of="2010-11-20",
        date_precision="day",
        source_ids=("s_afp",),
    )
    ds = make_dataset(stances=DEFAULT_ROWS["stances"] + [extra])
    nato = stances_as_of(ds, "architecture", date(2010, 11, 20)).set_index("side").loc["NATO"]
    assert nato["stance_id"] == "sn_a3"
    series = gap_series(ds, ["architecture"])
    assert series["nato_rank"].iloc[-1] == nato["rank"] == 1
