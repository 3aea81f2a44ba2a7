from datetime import date

import numpy as np
import pandas as pd

from dashboard.model.stance_changes import position_changes
from dashboard.model.stance_gaps import (
    GAP_DTYPES,
    STALE_AFTER_DAYS,
    gap_series,
    gap_summary,
    gap_words,
    split_totals,
)
from dashboard.model.stances import stance_history, stances_as_of
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
    # sn_a2 and sr_a2 hold from 20 Nov but their statements were printed on 21 Nov.
    said = stances_as_of(ds, "architecture", date(2010, 11, 20)).set_index("side")
    assert said["stance_id"].to_dict() == {"NATO": "sn_a1", "Russia": "sr_a1"}
    printed = stances_as_of(ds, "architecture", date(2010, 11, 21)).set_index("side")
    assert printed["stance_id"].to_dict() == {"NATO": "sn_a2", "Russia": "sr_a2"}
    assert printed.loc["NATO", "as_of"] == pd.Timestamp("2010-11-20")


def test_stances_as_of_only_sides_with_a_stance(ds):
    assert stances_as_of(ds, "architecture", date(2010, 6, 15))["side"].tolist() == ["NATO"]
    assert stances_as_of(ds, "architecture", date(2010, 1, 1)).empty
    assert stances_as_of(ds, "guarantees", None)["stance_id"].tolist() == ["sn_g2", "sr_g1"]


def test_gap_series_values_at_change_points(ds):
    series = gap_series(ds, ["architecture"])
    assert series["date"].tolist() == list(pd.to_datetime(["2010-06-01", "2010-07-01", "2010-11-20"]))
    assert series["side_a_rank"].tolist() == [3, 3, 2]
    assert np.isnan(series["side_b_rank"].iloc[0]) and np.isnan(series["gap"].iloc[0])
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
    assert list(series.columns) == list(GAP_DTYPES)


def test_gap_summary_trend_words(ds):
    latest = gap_summary(ds, None).set_index("issue_id")
    assert latest["trend"].to_dict() == {
        "architecture": "narrowed",
        "guarantees": "widened",
        "cooperation": "no positions on record",
    }
    assert latest.loc["architecture", "first_gap"] == 2
    assert latest.loc["architecture", "gap"] == 0
    assert latest.loc["architecture", "first_date"] == pd.Timestamp("2010-07-01")
    assert latest.loc["guarantees", "side_b_position"] == "Legally binding"


def test_the_gap_in_words_gives_first_and_current_value_and_the_trend():
    assert gap_words(2.0, 1.0, "compared") == "gap 2 → 1, narrowed"
    assert gap_words(0.0, 2.0, "compared") == "gap 0 → 2, widened"
    assert gap_words(1.0, 1.0, "compared") == "gap 1 → 1, unchanged"
    assert gap_words(float("nan"), float("nan"), "not measured") == "not measured"


def test_gap_summary_on_an_earlier_day(ds):
    # Rogozin's stance holds from 20 Jan, but its statement was printed on 26 Jan:
    # on the 22nd only the NATO side is on record.
    summary = gap_summary(ds, date(2011, 1, 22)).set_index("issue_id")
    assert summary.loc["guarantees", "trend"] == "no counterpart position"
    assert np.isnan(summary.loc["guarantees", "gap"])
    printed = gap_summary(ds, date(2011, 1, 26)).set_index("issue_id")
    assert printed.loc["guarantees", "gap"] == 2 and printed.loc["guarantees", "status"] == "compared"
    early = gap_summary(ds, date(2010, 6, 15)).set_index("issue_id")
    assert early.loc["architecture", "trend"] == "no counterpart position"


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
    assert series["side_a_rank"].iloc[-1] == nato["rank"] == 1


# --- the gap method ------------------------------------------------------------------


def test_known_from_is_the_earliest_print_of_the_evidence(make_dataset):
    ds = make_dataset()
    # a second statement, printed earlier than st_rog's 26 Jan, also backs sr_g1
    # (tests/conftest.py builds the original columns; the new one is added here)
    also = [("st_medv",) if stance == "sr_g1" else () for stance in ds.stances["stance_id"]]
    ds = ds.replaced(stances=ds.stances.assign(also_statement_ids=also))
    history = stance_history(ds, "guarantees").set_index("stance_id")
    assert history.loc["sr_g1", "statement_ids"] == ("st_rog", "st_medv")
    assert history.loc["sr_g1", "known_from"] == pd.Timestamp("2010-11-21")
    assert history.loc["sn_g1", "known_from"] == history.loc["sn_g1", "as_of"]  # no statement: its own day


def test_one_sided_issue_has_no_gap_but_says_no_counterpart(make_dataset):
    stances = [row for row in DEFAULT_ROWS["stances"] if row["actor_id"] != "rogozin"]
    ds = make_dataset(stances=stances)
    series = gap_series(ds, ["guarantees"])
    assert series["gap"].isna().all()
    assert set(series["status"]) == {"no counterpart position"}
    row = gap_summary(ds, None).set_index("issue_id").loc["guarantees"]
    assert row["trend"] == "no counterpart position" and np.isnan(row["gap"])


def test_tracking_issue_is_not_measured(make_dataset):
    issues = [dict(row) for row in DEFAULT_ROWS["issues"]]
    next(row for row in issues if row["issue_id"] == "guarantees")["kind"] = "tracking"
    ds = make_dataset(issues=issues)
    assert gap_series(ds, ["guarantees"])["gap"].isna().all()
    row = gap_summary(ds, None).set_index("issue_id").loc["guarantees"]
    assert row["status"] == "not measured" and not row["counts_in_total"]


def test_positions_older_than_the_stated_age_are_stale(ds):
    assert STALE_AFTER_DAYS == 365
    series = gap_series(ds, ["architecture"], end=date(2011, 11, 21))
    last = series.iloc[-1]
    # both sides last moved on 2010-11-20: 366 days before the end row
    assert last["side_a_stale"] and last["side_b_stale"] and last["gap"] == 0
    fresh = gap_series(ds, ["architecture"], end=date(2011, 11, 20)).iloc[-1]
    assert not fresh["side_a_stale"] and not fresh["side_b_stale"]
    assert gap_summary(ds, date(2011, 11, 21)).set_index("issue_id").loc["architecture", "stale"]


def test_issues_of_one_split_are_counted_once(make_dataset):
    # a second issue that encodes the architecture split, with the same stances
    issues = DEFAULT_ROWS["issues"] + [dict(issue_id="joint_op", title="Joint op", kind="dispute", sort_order=4)]
    positions = DEFAULT_ROWS["positions"] + [
        {**row, "position_id": "jo_" + row["position_id"], "issue_id": "joint_op"}
        for row in DEFAULT_ROWS["positions"]
        if row["issue_id"] == "architecture"
    ]
    stances = DEFAULT_ROWS["stances"] + [
        {
            **row,
            "stance_id": "jo_" + row["stance_id"],
            "issue_id": "joint_op",
            "position_id": "jo_" + row["position_id"],
        }
        for row in DEFAULT_ROWS["stances"]
        if row["issue_id"] == "architecture"
    ]
    ds = make_dataset(issues=issues, positions=positions, stances=stances)
    split = ["architecture" if issue == "joint_op" else issue for issue in ds.issues["issue_id"]]
    summary = gap_summary(ds.replaced(issues=ds.issues.assign(split_id=split)), None)
    assert summary.set_index("issue_id").loc["joint_op", "trend"] == "narrowed"
    assert split_totals(summary) == {"narrowed": 1, "widened": 1, "unchanged": 0, "not compared": 1}


def test_every_change_is_graded_with_the_words_before_and_after(ds):
    changes = position_changes(ds, "architecture")
    # NATO: separate (3) -> sectoral (2) with Russia on joint (1)... Russia: joint (1) -> sectoral (2)
    assert changes[["stance_id", "side", "grade"]].values.tolist() == [
        ["sn_a2", "NATO", "moved toward"],
        ["sr_a2", "Russia", "moved toward"],
    ]
    nato = changes.iloc[0]
    assert (nato["from_label"], nato["to_label"]) == ("Separate systems", "Sectoral system")
    assert nato["words_after"].startswith("“") and nato["words_after"].endswith("”")
    guarantees = position_changes(ds, "guarantees").set_index("stance_id")
    assert guarantees.loc["sn_g2", "grade"] == "moved away"  # political (2) -> none (3), Russia binding (1)


def test_grades_held_crossed_over_and_no_counterpart(make_dataset):
    base = dict(issue_id="architecture", date_precision="day", source_ids=("s_afp",))
    stances = [
        dict(base, stance_id="n1", actor_id="rasmussen", position_id="arch_joint", as_of="2010-01-01"),
        dict(base, stance_id="n2", actor_id="rasmussen", position_id="arch_separate", as_of="2010-02-01"),
        dict(base, stance_id="r1", actor_id="medvedev", position_id="arch_sectoral", as_of="2010-03-01"),
        dict(base, stance_id="n3", actor_id="rasmussen", position_id="arch_joint", as_of="2010-04-01"),
        dict(base, stance_id="n4", actor_id="rasmussen", position_id="arch_joint", as_of="2010-05-01"),
    ]
    grades = position_changes(make_dataset(stances=stances), "architecture").set_index("stance_id")["grade"]
    assert grades.to_dict() == {"n2": "no counterpart position", "n3": "crossed over", "n4": "held"}


def test_changes_follow_as_known_on(ds):
    assert position_changes(ds, "architecture", date(2010, 11, 20)).empty  # printed on the 21st
    assert len(position_changes(ds, "architecture", date(2010, 11, 21))) == 2
