"""The timeline chart as pages show it: a desktop and a phone layout, and the
date window kept in the link.

The server does not know the screen's width, and chart labels are laid out in
pixels, so until the browser reports its width (`ui/screen`) the chart is built
for each layout (wide, medium, phone) and a CSS media query shows the one that
fits; once it has, only that one is built and sent. Labels are drawn only up to
LABEL_EVENTS events; above that the wide layout serves every screen.

The visible window is the sidebar's From/To dates ("from", "to" in the link).
Plotly's own zoom and pan (relayout events) never reach Streamlit 1.67; a box
selection does, with its x range. So the toolbar's Box Select draws a box,
and the box's days become From/To: the chart redraws on that window and the
link keeps it; "show all" clears both. The drag mode stays zoom by default,
because Streamlit turns point clicks off while a select drag mode is active.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard.charts.spec import PlotlySpec, figure_spec
from dashboard.charts.style import group_palette
from dashboard.charts.timeline import LABEL_EVENTS, timeline_figures
from dashboard.charts.timeline_density import MAX_DRAWN_EVENTS, timeline_density_figure
from dashboard.data.dataset import Dataset
from dashboard.model.event_links import links_between
from dashboard.model.filters import Filters, filter_events
from dashboard.model.selection import event_count, weekly_density
from dashboard.model.timeline import MEDIUM, NARROW, WIDE, LabelSettings, summary_alt_text, timeline_alt_text
from dashboard.model.url_params import date_bounds
from dashboard.ui.screen import SCREEN_LAYOUTS, report_screen_layout, screen_layout
from dashboard.ui.selection import box_days, point_ids

# (name, labels, narrowest screen it is shown on), widest first: ui/screen says why these widths.
_LABELS = {"wide": WIDE, "medium": MEDIUM, "phone": NARROW}
LAYOUTS: list[tuple[str, LabelSettings, int]] = [(name, _LABELS[name], width) for name, width in SCREEN_LAYOUTS]
CONFIG = {"displaylogo": False, "toImageButtonOptions": {"filename": "md-talks-timeline", "scale": 2}}


def _style(key: str) -> str:
    """CSS showing the one layout that fits the screen."""
    rules = [f".st-key-{key}_{name}{{display:none}}" for name, _, _ in LAYOUTS[1:]]
    for (wider, _, min_width), (name, _, _) in zip(LAYOUTS, LAYOUTS[1:], strict=False):
        rules.append(
            f"@media (max-width:{min_width - 1}px){{.st-key-{key}_{wider}{{display:none}}"
            f".st-key-{key}_{name}{{display:flex}}}}"
        )
    return "<style>" + "".join(rules) + "</style>"


def report_screen() -> None:
    """Mount the browser's report of which layout fits (hidden); the entry script calls it every run."""
    with st.container(key="screen_report"):
        st.html(screen_marker(screen_layout()))
        report_screen_layout()


def screen_marker(known: str | None) -> str:
    """The hidden report container's CSS, and a data-screen-layout attribute naming the layout the server builds
    for (reported, or assumed from the request's headers; "" when neither), for tests that wait until a page has
    settled. `known` came from the browser, so only a name of LAYOUTS gets in."""
    name = known if known in {name for name, _, _ in LAYOUTS} else ""
    return f'<style>.st-key-screen_report{{display:none}}</style><span data-screen-layout="{name}"></span>'


def set_window_from_box(ds: Dataset, chart_key: str) -> bool:
    """If a box was drawn on chart `chart_key`, make its days the From/To window
    (clamped to the record). Call from the chart's on_select callback."""
    window = box_days(st.session_state.get(chart_key))
    if window is None:
        return False
    first, last = date_bounds(ds)
    start, end = max(window[0], first), min(window[1], last)
    if end < start:
        return False
    st.session_state["from"], st.session_state["to"] = start, end
    return True


def picked_event(chart_key: str) -> str | None:
    picked = point_ids(st.session_state.get(chart_key))
    return picked[0] if picked else None


def clear_window() -> None:
    st.session_state["from"], st.session_state["to"] = None, None


@dataclass(frozen=True)
class TimelineChart:
    """One layout of the timeline: its name in LAYOUTS, the figure's JSON spec and its text alternative."""

    layout: str
    spec: dict[str, Any]
    alt: str


def timeline_charts(
    ds: Dataset,
    filters: Filters,
    lane_by: str,
    show_links: bool,
    highlight: str | None,
    turning_points: tuple[str, ...],
    only: str | None = None,
) -> list[TimelineChart]:
    """The timeline of the events `filters` keeps, for each screen layout, or for layout `only` (one above
    LABEL_EVENTS events).

    Plain work on the tables (no Streamlit), so that `Dataset.memo` can keep it per view: it is most of a
    timeline rerun (three layouts, ~150 ms on the bundled data), and readers of one shared link ask for the
    same view."""
    if ds.memo(event_count, filters) > MAX_DRAWN_EVENTS:
        # Counts per lane and week, never the events themselves: on an archived record that is one SQL query.
        density = ds.memo(weekly_density, filters, lane_by)
        figure = timeline_density_figure(density, ds.phases, ds.actors, group_palette(ds.actors, ds.about.sides))
        summary = density.summary
        counts = (summary.events, summary.planned, summary.not_held)
        lanes = len(figure.layout.yaxis.categoryarray or ()) or 1
        alt = summary_alt_text(summary.first, summary.last, counts, lanes, aggregated=True)
        return [TimelineChart(LAYOUTS[0][0], figure_spec(figure), alt)]
    events = ds.memo(filter_events, filters)
    links = links_between(ds, set(events["event_id"])) if show_links else None
    layouts = LAYOUTS if len(events) <= LABEL_EVENTS else LAYOUTS[:1]
    if only is not None and len(layouts) > 1:
        layouts = [layout for layout in layouts if layout[0] == only] or layouts
    figures = timeline_figures(
        events,
        ds.phases,
        lane_by=lane_by,
        actors=ds.actors,
        window=(filters.start, filters.end),
        layouts=[settings for _, settings, _ in layouts],
        turning_points=turning_points,
        links=links,
        highlight=highlight,
        sides=ds.about.sides,
    )
    charts = []
    for (name, _, _), figure in zip(layouts, figures, strict=True):
        meta = figure.layout.meta or {}
        alt = timeline_alt_text(
            events,
            len(meta.get("lanes", [])) or 1,
            labelled=meta.get("labelled"),
            aggregated=figure.data[0].type == "heatmap" if figure.data else False,
        )
        charts.append(TimelineChart(name, figure_spec(figure), alt))
    return charts


def responsive_timeline(
    ds: Dataset,
    filters: Filters,
    *,
    key: str,
    lane_by: str = "affiliation",
    show_links: bool = False,
    highlight: str | None = None,
    on_select: Callable[[str], None] | None = None,
    turning_points: Iterable[str] | None = None,
) -> None:
    """Draw the timeline of the events `filters` keeps, for desktop and phone; `on_select(chart_key)` runs on
    a click or box."""
    points = tuple(ds.story_steps["event_id"] if turning_points is None else turning_points)
    # What the client sent (a clicked or linked event, the reported layout) keys the memo only as a known value.
    highlight, layout = ds.known_id("events", highlight), screen_layout()
    charts = ds.memo(timeline_charts, filters, lane_by, show_links, highlight, points, layout)
    if len(charts) > 1:
        st.html(_style(key))
    for chart in charts:
        chart_key = f"{key}_{chart.layout}_chart"
        with st.container(key=f"{key}_{chart.layout}"):
            st.plotly_chart(
                PlotlySpec(chart.spec),
                key=chart_key,
                on_select=(lambda chart_key=chart_key: on_select(chart_key)) if on_select else "ignore",
                selection_mode=("points", "box"),
                config=CONFIG,
                alt=chart.alt,
            )
