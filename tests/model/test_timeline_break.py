"""Early context compressed on the timeline's axis (model/timeline.py: context_cutoff, axis_break)."""

import pandas as pd

from dashboard.model.timeline import CONTEXT_SHARE, STRIP_SHARE, axis_break, axis_range, context_cutoff


def events(spans, ids=None):
    """Events from (first day, last day) pairs."""
    return pd.DataFrame(
        {
            "event_id": ids or [f"e{n}" for n in range(len(spans))],
            "start_date": pd.to_datetime([first for first, _ in spans]),
            "end_date": pd.to_datetime([last for _, last in spans]),
        }
    )


STORY = [("2008-01-01", "2008-12-31"), ("2009-09-17", "2009-09-17"), ("2010-11-19", "2010-11-20")]
STORY += [(f"2011-{month:02d}-01", f"2011-{month:02d}-02") for month in range(1, 13)] + [("2012-05-20", "2012-05-21")]


def test_the_story_starts_at_its_first_event_in_view():
    found = events(STORY)
    assert context_cutoff(found, ["e2", "e1"]) == pd.Timestamp("2009-09-17")
    assert context_cutoff(found, ["e3"]) == pd.Timestamp("2011-01-01")


def test_without_a_story_it_starts_after_the_longest_early_gap():
    found = events(STORY)
    assert context_cutoff(found) == pd.Timestamp("2009-09-17")  # after the year-long war and its quiet months
    # A gap among the later events (here mid-2012) is not early: the rule looks at the earliest tenth only.
    later = events([*STORY[1:], ("2016-01-01", "2016-01-02")])
    assert context_cutoff(later) == pd.Timestamp("2010-11-19")
    assert context_cutoff(events([("2011-01-01", "2011-03-01"), ("2011-02-01", "2011-02-01")])) is None  # overlap


def test_early_context_takes_at_most_its_share_and_keeps_every_day_in_a_part():
    found = events(STORY)
    x_range = axis_range(found)
    plain_share = (pd.Timestamp("2009-09-17") - x_range[0]) / (x_range[1] - x_range[0])
    assert plain_share > 0.3  # the war took a third of a plain axis
    broken = axis_break(found, x_range, ["e1"])
    assert broken is not None and STRIP_SHARE < CONTEXT_SHARE <= 0.15
    assert broken.context[0] == x_range[0] and broken.main[1] == x_range[1]
    assert broken.context[1] <= broken.main[0] <= pd.Timestamp("2009-09-17")
    assert broken.context[1] > pd.Timestamp("2009-01-01")  # the whole war is in the strip
    assert 0 < broken.share(pd.Timestamp("2008-06-01")) < STRIP_SHARE
    assert CONTEXT_SHARE < broken.share(pd.Timestamp("2009-09-17")) < broken.share(pd.Timestamp("2012-05-20")) < 1


def test_no_break_when_early_context_is_small_or_runs_into_the_story():
    assert axis_break(events(STORY[1:]), axis_range(events(STORY[1:])), ["e0"]) is None  # no early context
    window = (pd.Timestamp("2010-01-01"), pd.Timestamp("2011-12-31"))
    assert axis_break(events(STORY), window, ["e1"]) is None  # the window starts after the war
    overlapping = events([("2008-01-01", "2009-09-30"), *STORY[1:]])
    assert axis_break(overlapping, axis_range(overlapping), ["e1"]) is None


def test_a_phase_beginning_before_the_story_starts_the_main_part():
    found = events(STORY)
    assert context_cutoff(found, ["e3"], [pd.Timestamp("2009-09-17")]) == pd.Timestamp("2009-09-17")
    assert context_cutoff(found, ["e3"], [pd.Timestamp("2007-01-01")]) == pd.Timestamp("2011-01-01")  # before all
