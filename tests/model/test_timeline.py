"""Label layout, axis range and the alt text (model/timeline.py)."""

from datetime import date

import pandas as pd
import pytest

from dashboard.model.timeline import (
    ELLIPSIS,
    LABEL_GAP,
    NARROW,
    WIDE,
    LabelSettings,
    axis_range,
    label_priority,
    place_centred,
    place_labels,
    shorten,
    text_width,
    timeline_alt_text,
)


def items(rows):
    """Label items from (event_id, lane, start, title, priority)."""
    return pd.DataFrame(
        [
            dict(event_id=e, lane=lane, start=pd.Timestamp(start), title=title, priority=priority)
            for e, lane, start, title, priority in rows
        ]
    )


X_RANGE = (pd.Timestamp("2011-01-01"), pd.Timestamp("2012-01-01"))  # 365 days


def overlaps(placed):
    """Pairs of labels in one lane and row whose boxes come closer than the gap."""
    found = []
    for _, group in placed.groupby(["lane", "row"]):
        boxes = sorted(zip(group["left"], group["right"], group["event_id"], strict=True))
        found += [(a[2], b[2]) for a, b in zip(boxes, boxes[1:], strict=False) if b[0] < a[1] + LABEL_GAP]
    return found


def test_text_width_grows_with_text_and_font():
    assert text_width("NATO summit in Lisbon") > text_width("NATO summit")
    assert text_width("Lisbon", 14) > text_width("Lisbon", 11)
    assert text_width("MMMM") > text_width("iiii")


@pytest.mark.parametrize(
    ("text", "chars", "expected"),
    [
        ("NATO summit in Lisbon", 40, "NATO summit in Lisbon"),
        ("NATO summit in Lisbon", 15, "NATO summit in" + ELLIPSIS),
        ("Medvedev announces countermeasures", 12, "Medvedev" + ELLIPSIS),
        ("Supercalifragilistic", 8, "Superca" + ELLIPSIS),
    ],
)
def test_shorten_cuts_at_a_word_with_an_ellipsis(text, chars, expected):
    assert shorten(text, chars) == expected
    assert len(shorten(text, chars)) <= chars


def test_crowded_labels_take_further_rows_and_never_overlap():
    # Ten events a day apart in one lane: one row cannot hold them all.
    rows = [(f"e{n}", "NATO", f"2011-06-{n + 1:02d}", f"Meeting number {n}", 1) for n in range(10)]
    placed = place_labels(items(rows), X_RANGE, WIDE)
    assert len(placed) >= 3 and placed["row"].nunique() > 1
    assert overlaps(placed) == []
    assert placed["row"].max() < WIDE.max_rows
    assert (placed["left"] >= 0).all() and (placed["right"] <= WIDE.plot_width).all()


def test_priority_decides_who_gets_the_only_place():
    settings = LabelSettings(plot_width=300, max_rows=1)
    rows = [
        ("minor", "NATO", "2011-06-01", "A minor statement of little note", 3),
        ("summit", "NATO", "2011-06-02", "The summit that mattered most", 0),
    ]
    placed = place_labels(items(rows), X_RANGE, settings)
    assert list(placed["event_id"]) == ["summit"]


def test_labels_near_the_right_edge_run_left():
    placed = place_labels(items([("late", "NATO", "2011-12-30", "A late event", 1)]), X_RANGE, WIDE)
    assert placed.iloc[0]["anchor"] == "right" and placed.iloc[0]["right"] <= WIDE.plot_width


def test_an_event_in_several_lanes_is_labelled_once():
    rows = [("e", "NATO", "2011-06-01", "Council meeting", 2), ("e", "Russia", "2011-06-01", "Council meeting", 2)]
    assert len(place_labels(items(rows), X_RANGE, WIDE)) == 1


def test_narrow_layout_labels_fewer_but_still_without_overlap():
    rows = [
        (f"e{n}", "NATO" if n % 2 else "Russia", f"2011-{n % 12 + 1:02d}-10", f"Event title {n}", n % 4)
        for n in range(30)
    ]
    wide, narrow = place_labels(items(rows), X_RANGE, WIDE), place_labels(items(rows), X_RANGE, NARROW)
    assert len(narrow) < len(wide)
    assert overlaps(narrow) == [] and overlaps(wide) == []


def test_story_events_and_summits_come_first():
    events = pd.DataFrame({"event_id": ["a", "b", "c"], "kind": ["statement", "summit", "statement"]})
    priority = label_priority(events, turning_points=["c"])
    assert priority[1] < priority[2] < priority[0]


def test_phase_titles_never_overlap_and_shorten_when_needed():
    spots = place_centred(
        ["Reset and Prague", "Lisbon and its follow-up", "Deadlock"], [100, 120, 140], 300, max_rows=2
    )
    placed = [spot for spot in spots if spot]
    rows = [spot[1] for spot in placed]
    assert rows[:2] == [0, 1]  # the second title moves to the second row
    assert spots[0] == ("Reset and Prague", 0)


def test_axis_covers_every_event_with_margins():
    events = pd.DataFrame(
        {
            "start_date": pd.to_datetime(["2008-01-01", "2011-01-01"]),
            "end_date": pd.to_datetime(["2008-12-31", "2012-05-21"]),
        }
    )
    start, end = axis_range(events)
    assert start < pd.Timestamp("2008-01-01") and end > pd.Timestamp("2012-05-22")
    assert axis_range(events, (date(2011, 1, 1), date(2011, 6, 30))) == (
        pd.Timestamp("2011-01-01"),
        pd.Timestamp("2011-07-01"),
    )
    assert axis_range(events.iloc[:0]) is None


def test_alt_text_says_what_the_timeline_shows():
    events = pd.DataFrame(
        {
            "start_date": pd.to_datetime(["2009-09-17", "2011-03-01", "2012-05-20"]),
            "end_date": pd.to_datetime(["2009-09-17", "2011-03-31", "2012-05-21"]),
            "status_shown": ["held", "planned", "did_not_happen"],
        }
    )
    text = timeline_alt_text(events, 6)
    assert text == "Timeline of 3 events, Sep 2009 – May 2012, on 6 lanes; planned events: 1; did not happen: 1"
    assert "2 of them labelled" in timeline_alt_text(events, 6, labelled=2)
    assert "counts per week" in timeline_alt_text(events, 6, aggregated=True)
    assert timeline_alt_text(events.iloc[:0], 0) == "Timeline with no events in view."
