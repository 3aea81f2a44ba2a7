"""The timeline's broken axis on the bundled data: early context in a strip of at most 15 % of the width, at
every label layout, with every event drawn on the part its date belongs to (charts/timeline_break.py)."""

import pandas as pd
import pytest

from dashboard.charts.timeline import timeline_figures
from dashboard.model.event_links import links_between
from dashboard.model.filters import Filters, filter_events
from dashboard.model.timeline import MEDIUM, NARROW, WIDE
from dashboard.ui.selection import box_days
from tests.bundled import bundled_dataset

BUNDLED = bundled_dataset()
EVENTS = filter_events(BUNDLED, Filters())
STORY_START = EVENTS.loc[EVENTS["event_id"].isin(set(BUNDLED.story_steps["event_id"])), "start_date"].min()
FIGURES = timeline_figures(
    EVENTS,
    BUNDLED.phases,
    "affiliation",
    BUNDLED.actors,
    layouts=(WIDE, MEDIUM, NARROW, None),
    turning_points=BUNDLED.story_steps["event_id"],
    links=links_between(BUNDLED, set(EVENTS["event_id"])),
    highlight="georgia_war_2008",
)


def axis_of_points(fig):
    """event id -> the set of x axes it is drawn on."""
    found: dict[str, set[str]] = {}
    for trace in fig.data:
        for event_id in trace.customdata if trace.customdata is not None else ():
            found.setdefault(event_id, set()).add(trace.xaxis or "x")
    return found


@pytest.mark.parametrize("fig", FIGURES, ids=["wide", "medium", "phone", "unlabelled"])
def test_early_context_takes_at_most_15_percent_and_every_event_is_drawn(fig):
    assert fig.layout.xaxis2.domain[0] == 0 and fig.layout.xaxis2.domain[1] <= fig.layout.xaxis.domain[0] <= 0.15
    assert fig.layout.xaxis.domain[1] == 1
    # A plain axis gave the 2008 war and the months after it more than a third of the width.
    plain = (STORY_START - EVENTS["start_date"].min()) / (EVENTS["end_date"].max() - EVENTS["start_date"].min())
    assert plain > 0.33
    drawn = axis_of_points(fig)
    assert set(drawn) == set(EVENTS["event_id"])
    early = set(EVENTS.loc[EVENTS["start_date"] < STORY_START, "event_id"])
    assert early == {"georgia_war_2008"}
    assert {event_id for event_id, axes in drawn.items() if axes == {"x2"}} == early
    assert all(axes == {"x"} for event_id, axes in drawn.items() if event_id not in early)
    main_start, main_end = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    strip_start, strip_end = (pd.Timestamp(x) for x in fig.layout.xaxis2.range)
    assert strip_start < pd.Timestamp("2008-01-01") and pd.Timestamp("2009-01-01") < strip_end <= main_start
    assert main_start < STORY_START and main_end > EVENTS["end_date"].max()
    assert any(a.name == "axis break" and a.text == "<b>//</b>" for a in fig.layout.annotations)


def test_the_ring_and_label_of_an_early_event_sit_on_the_strip():
    [ring] = [t for t in FIGURES[0].data if t.name == "this step's event"]
    assert ring.xaxis == "x2" and set(ring.customdata) == {"georgia_war_2008"}  # in both of its lanes
    labels = [a for a in FIGURES[0].layout.annotations if a.name == "event label"]
    assert [a.xref for a in labels if a.text == "<b>Russia's war with Georgia</b>"] == ["x2"]
    assert all(a.xref == "x" for a in labels if pd.Timestamp(a.x) >= STORY_START)


def test_a_box_over_the_main_part_gives_its_dates():
    """What Streamlit reports for a box drawn over the main part: its own axis and x range in that axis's dates
    (tests/browser/test_timeline_context.py draws one in Chromium)."""
    fig = FIGURES[0]
    first, last = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    x0, x1 = first + (last - first) * 0.4, first + (last - first) * 0.6
    state = {"selection": {"points": [], "box": [{"xref": "x", "yref": "y", "x": [str(x0), str(x1)], "y": [0, 9]}]}}
    assert box_days(state) == (x0.date(), x1.date())
    assert pd.Timestamp("2010") < x0 < x1 < pd.Timestamp("2012")
