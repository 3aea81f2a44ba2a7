"""What the timeline writes and draws beside its marks: phase bands and their titles, lane titles, event labels
(laid out by model/timeline.py) and arrows for links between events."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.charts.style import NEUTRAL_COLOUR, PHASE_FILLS, plotly_text
from dashboard.charts.timeline_geometry import LaneGeometry
from dashboard.model.timeline import AxisBreak, LabelSettings, label_priority, place_centred, place_labels

PHASE_ROWS = 2
PHASE_FONT = 11
LABEL_FONT_SIZE = 11
LINK_COLOUR = "#555555"
LABEL_COLUMNS = ["event_id", "lane", "text", "row", "x", "anchor", "left", "right"]


def phase_bands(phases: pd.DataFrame) -> list[dict]:
    ordered = phases.sort_values("start_date")
    ends = ordered["end_date"] + pd.Timedelta(days=1)  # the band covers the last day too
    return [
        dict(
            type="rect",
            xref="x",
            yref="paper",
            x0=phase.start_date,
            x1=end,
            y0=0,
            y1=1,
            layer="below",
            line=dict(width=0),
            fillcolor=PHASE_FILLS[number % len(PHASE_FILLS)],
        )
        for number, (phase, end) in enumerate(zip(ordered.itertuples(), ends, strict=True))
    ]


def phase_titles(phases: pd.DataFrame, x_range: tuple[pd.Timestamp, pd.Timestamp], plot_width: float) -> list[dict]:
    """Phase titles centred over their band (or the band's part in view), in
    up to PHASE_ROWS rows so they never print over each other; shortened with
    an ellipsis, or left out (the bands stay), when there is no room."""
    first, last = x_range
    span = (last - first) / pd.Timedelta(milliseconds=1)
    ordered = phases.sort_values("start_date")
    texts: list[str] = []
    centres: list[float] = []
    xs: list[pd.Timestamp] = []
    for phase in ordered.to_dict("records"):
        left = max(pd.Timestamp(phase["start_date"]), first)
        right = min(pd.Timestamp(phase["end_date"]) + pd.Timedelta(days=1), last)
        if right <= left:
            continue
        middle = left + (right - left) / 2
        texts.append(str(phase["title"]))
        centres.append(float((middle - first) / pd.Timedelta(milliseconds=1) / span * plot_width))
        xs.append(middle)
    spots = place_centred(texts, centres, plot_width, max_rows=PHASE_ROWS, font_size=PHASE_FONT)
    return [
        dict(text=plotly_text(spot[0]), row=spot[1], x=x) for spot, x in zip(spots, xs, strict=True) if spot is not None
    ]


def placed_labels(
    marks: pd.DataFrame,
    events: pd.DataFrame,
    x_range: tuple,
    settings: LabelSettings,
    turning_points: Iterable[str],
    axis_break: AxisBreak | None = None,
) -> pd.DataFrame:
    """The event labels laid out at `settings` (model/timeline.place_labels), turning points first."""
    priority = label_priority(events, turning_points)
    by_event = dict(zip(events["event_id"], priority, strict=True))
    titles = dict(zip(events["event_id"], events["title"], strict=True))
    items = marks.assign(priority=marks["event_id"].map(by_event), title=marks["event_id"].map(titles))
    return place_labels(items, x_range, settings, axis_break)


def no_labels() -> pd.DataFrame:
    return pd.DataFrame(columns=LABEL_COLUMNS)


def lane_title_notes(geometry: LaneGeometry) -> list[dict]:
    """Each lane's name in bold at the left edge, above its markers (lanes are already HTML-escaped)."""
    return [
        dict(
            xref="paper",
            x=0,
            xanchor="left",
            yref="y",
            y=geometry.title_y[lane],
            text=f"<b>{lane}</b>",
            showarrow=False,
            font=dict(size=11, color=NEUTRAL_COLOUR),
        )
        for lane in geometry.lanes
    ]


def phase_title_notes(titles: list[dict], geometry: LaneGeometry) -> list[dict]:
    return [
        dict(
            xref="x",
            yref="y",
            x=t["x"],
            y=geometry.phase_y[t["row"]],
            text=t["text"],
            showarrow=False,
            font=dict(size=PHASE_FONT, color=NEUTRAL_COLOUR),
        )
        for t in titles
    ]


def label_notes(placed: pd.DataFrame, geometry: LaneGeometry, highlight: str | None, font_size: float) -> list[dict]:
    """The placed labels in their lanes' label rows; the ringed event's label in bold."""
    return [
        dict(
            xref="x",
            yref="y",
            x=label["x"],
            y=geometry.label_y[str(label["lane"])][int(label["row"])],
            xanchor=label["anchor"],
            text=(
                f"<b>{plotly_text(label['text'])}</b>" if label["event_id"] == highlight else plotly_text(label["text"])
            ),
            showarrow=False,
            font=dict(size=font_size, color="#262730"),
            name="event label",
        )
        for label in placed.to_dict("records")
    ]


def link_arrows(links: pd.DataFrame, marks: pd.DataFrame, geometry: LaneGeometry) -> list[dict]:
    """An arrow per link whose two events are drawn: from the end of the first
    event (in its first lane) to the start of the second."""
    first = marks.drop_duplicates("event_id").set_index("event_id")
    arrows = []
    for link in links.to_dict("records"):
        if link["from_event_id"] not in first.index or link["to_event_id"] not in first.index:
            continue
        source, target = first.loc[link["from_event_id"]], first.loc[link["to_event_id"]]
        arrows.append(
            dict(
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                x=target["start"],
                y=geometry.marker_y[target["lane"]],
                ax=source["start"],
                ay=geometry.marker_y[source["lane"]],
                text="",
                showarrow=True,
                arrowhead=2,
                arrowsize=1,
                arrowwidth=1.4,
                arrowcolor=LINK_COLOUR,
                standoff=7,
                startstandoff=7,
                opacity=0.8,
                hovertext=plotly_text(str(link["kind"]).replace("_", " ")),
            )
        )
    return arrows
