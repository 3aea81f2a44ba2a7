"""Where things sit on the timeline: the order of its lanes, each lane's rows in pixels, and the x range.

The y axis runs from 0 (top) down to the plot's height, one unit per pixel, so label rows have a fixed size at
any number of lanes. Above the lanes, the phase titles' rows; then each lane: its name, its marker row, then
its label rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.charts.style import GroupPalette, plotly_text
from dashboard.model.timeline import axis_range
from dashboard.model.timeline_marks import NO_PARTICIPANT, event_lanes

PHASE_ROW = 15
LANE_TITLE_ROW = 15
MARKER_ROW = 24
LABEL_ROW = 16
LANE_GAP = 8
MIN_PLOT_HEIGHT = 120  # px, so an empty chart still has room for its axis


def drawn_lanes(events: pd.DataFrame, lane_by: str, actors: pd.DataFrame | None) -> pd.DataFrame:
    """`event_lanes` with the lane names escaped for Plotly (it draws a subset of HTML)."""
    lanes = event_lanes(events, lane_by, actors)
    names = [plotly_text(lane) for lane in lanes["lane"].cat.categories]
    return lanes.assign(lane=lanes["lane"].cat.rename_categories(names))


def lane_order(marks: pd.DataFrame, palette: GroupPalette) -> list[str]:
    """Groups in the palette's order (each side's affiliations together), then other groups; by name within a
    group (kinds have no group, so alphabetical); "(no participant)" last."""
    lanes = marks[["lane", "group"]].drop_duplicates("lane")
    return [
        lane
        for lane, _ in sorted(
            zip(lanes["lane"], lanes["group"], strict=True),
            key=lambda item: (item[0] == NO_PARTICIPANT, palette.sort_key(item[1]), item[0].casefold()),
        )
    ]


@dataclass(frozen=True)
class LaneGeometry:
    lanes: list[str]
    title_y: dict[str, float]
    marker_y: dict[str, float]
    label_y: dict[str, list[float]]
    phase_y: list[float]
    plot_height: float


def lane_geometry(lanes: list[str], label_rows: Mapping[str, int], phase_rows: int) -> LaneGeometry:
    """Where each lane's title, markers and label rows sit (px from the top)."""
    y = PHASE_ROW * phase_rows + (4 if phase_rows else 0)
    phase_y = [PHASE_ROW * row + PHASE_ROW / 2 for row in range(phase_rows)]
    title_y, marker_y, label_y = {}, {}, {}
    for lane in lanes:
        title_y[lane] = y + LANE_TITLE_ROW / 2
        marker_y[lane] = y + LANE_TITLE_ROW + MARKER_ROW / 2
        rows = label_rows.get(lane, 0)
        label_y[lane] = [y + LANE_TITLE_ROW + MARKER_ROW + LABEL_ROW * row + LABEL_ROW / 2 for row in range(rows)]
        y += LANE_TITLE_ROW + MARKER_ROW + LABEL_ROW * rows + LANE_GAP
    return LaneGeometry(lanes, title_y, marker_y, label_y, phase_y, y)


def opening_range(events: pd.DataFrame, window: tuple[date | None, date | None] = (None, None)) -> list | None:
    """The x range the chart opens on: every event in view with a margin, or the window."""
    found = axis_range(events, window)
    return None if found is None else [found[0], found[1]]
