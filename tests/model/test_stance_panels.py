"""The stance panels' data says where each side stood in words: a name per step, "side: position" for where each
side stands on the day, each on the side of its step away from the other side's, and the gap in words beneath."""

from datetime import date

import pandas as pd

from dashboard.model.stance_panels import stance_panels
from tests.synthetic import DEFAULT_ROWS

DAY = date(2012, 5, 31)


def names(panels: pd.DataFrame, issue_id: str) -> list[tuple[str, str, str, float]]:
    rows = panels[panels["layer"].isin(["position", "now"]) & (panels["issue_id"] == issue_id)]
    return list(zip(rows["layer"], rows["side"], rows["label"], rows["y"], strict=True))


def test_each_step_is_named_and_each_side_says_where_it_stands(ds):
    panels = stance_panels(ds, DAY)
    # NATO: separate (3) from 1 Jun 2010, sectoral (2) from 20 Nov; Russia: joint (1) from 1 Jul, sectoral (2)
    assert names(panels, "architecture") == [
        ("position", "NATO", "Separate systems", 3.5),  # Russia has no position yet: above
        ("now", "NATO", "NATO: Sectoral system", 2.5),  # level with Russia: the first side above, the other below
        ("position", "Russia", "Joint system", 0.5),  # below NATO's separate systems (3)
        ("now", "Russia", "Russia: Sectoral system", 1.5),
    ]
    now = panels[(panels["layer"] == "now") & (panels["issue_id"] == "architecture")]
    assert (now["end"] == pd.Timestamp(DAY)).all() and (now["position_label"] == "Sectoral system").all()
    step = panels[(panels["layer"] == "position") & (panels["label"] == "Separate systems")].iloc[0]
    assert (step["start"], step["end"]) == (pd.Timestamp("2010-06-01"), pd.Timestamp("2010-11-20"))


def test_the_names_follow_as_known_on(ds):
    # sn_a2 and sr_a2 (sectoral) were printed on 21 Nov 2010: on the 20th each side still stands where it was
    panels = stance_panels(ds, date(2010, 11, 20))
    assert [label for layer, _, label, _ in names(panels, "architecture") if layer == "now"] == [
        "NATO: Separate systems",
        "Russia: Joint system",
    ]


def test_a_step_restated_is_named_once_and_a_step_of_no_days_not_at_all(make_dataset):
    base = dict(issue_id="architecture", date_precision="day", source_ids=("s_afp",), actor_id="rasmussen")
    stances = [
        dict(base, stance_id="n0", position_id="arch_sectoral", as_of="2010-01-01"),  # replaced the same day
        dict(base, stance_id="n1", position_id="arch_joint", as_of="2010-01-01"),
        dict(base, stance_id="n2", position_id="arch_joint", as_of="2010-02-01"),
        dict(base, stance_id="n3", position_id="arch_separate", as_of="2010-03-01"),
    ]
    panels = stance_panels(make_dataset(stances=stances), DAY)
    assert names(panels, "architecture") == [
        ("position", "NATO", "Joint system", 1.5),
        ("now", "NATO", "NATO: Separate systems", 3.5),
    ]


def test_the_gap_is_said_in_words_beneath_the_deepest_bar(ds):
    notes = stance_panels(ds, DAY).query("layer == 'note'").set_index("issue_id")
    assert notes.loc["architecture", "note"] == "gap 2 → 0, narrowed"
    assert notes.loc["architecture", "y"] == -2.5  # the bar of gap 2 reaches down to -2
    assert notes.loc["guarantees", "note"] == "gap 1 → 2, widened"
    assert "cooperation" not in notes.index  # no stances, nothing to say


def test_without_a_counterpart_the_words_say_so(make_dataset):
    stances = [row for row in DEFAULT_ROWS["stances"] if row["actor_id"] != "rogozin"]
    notes = stance_panels(make_dataset(stances=stances), DAY).query("layer == 'note'").set_index("issue_id")
    assert notes.loc["guarantees", "note"] == "no counterpart position"
    assert notes.loc["guarantees", "y"] == -0.5
