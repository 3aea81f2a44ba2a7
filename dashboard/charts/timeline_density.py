"""The timeline's aggregated view, above MAX_DRAWN_EVENTS events: events counted per lane and week, as a heatmap."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import NEUTRAL_COLOUR, GroupPalette, group_palette, plotly_text
from dashboard.charts.timeline_annotations import PHASE_FONT, PHASE_ROWS, phase_bands, phase_titles
from dashboard.charts.timeline_geometry import PHASE_ROW, lane_order
from dashboard.charts.timeline_traces import known_good_figure
from dashboard.model.selection import WeeklyDensity
from dashboard.model.timeline import WIDE, span_range
from dashboard.model.timeline_marks import fold_weekly_counts

# Per-event drawing up to MAX_DRAWN_EVENTS events in the window; beyond that
# the weekly heatmap. Measured on bench/generate.py data (affiliation lanes,
# ~2.1 lanes per event; this 2-core machine, orjson installed; best of 3):
#   events   figure build   JSON     size
#    1,000     0.09 s       0.03 s   0.59 MB   (SVG markers and bars)
#   10,000     0.35-0.58 s  0.18 s   2.50 MB   (WebGL markers and spans)
#   20,000     0.62 s       0.18 s   4.96 MB
# 20,000 alone would fill the 5 MB per rerun budget, so N = 10,000.
MAX_DRAWN_EVENTS = 10_000


def timeline_density_figure(
    density: WeeklyDensity,
    phases: pd.DataFrame,
    actors: pd.DataFrame | None = None,
    palette: GroupPalette | None = None,
) -> go.Figure:
    """Events counted per lane and calendar week of their start date (`density`, from model/selection.py), as a
    heatmap; the busiest MAX_DENSITY_LANES lanes are kept and the rest are summed into one lane. The title says
    the view is aggregated."""
    counts = density.counts.set_axis([plotly_text(lane) for lane in density.counts.index], axis="index")
    groups = density.groups.to_numpy()
    palette = palette if palette is not None else group_palette(actors)
    order = lane_order(pd.DataFrame({"lane": counts.index, "group": groups}), palette)
    counts = fold_weekly_counts(counts.reindex(order))
    order = list(counts.index)
    counts = counts.where(counts > 0)  # empty cells stay blank
    heatmap = go.Heatmap(
        x=counts.columns,
        y=counts.index,
        z=counts.to_numpy(),
        colorscale="Blues",
        hoverongaps=False,
        colorbar=dict(title=dict(text="events<br>per week"), thickness=12),
        hovertemplate="%{y}<br>week of %{x|%d %b %Y}<br>%{z} events<extra></extra>",
    )
    summary = density.summary
    title = (
        f"Aggregated view: {summary.events:,} events counted per week of their start date. "
        f"Narrow the filters to {MAX_DRAWN_EVENTS:,} events or fewer to see each one."
    )
    x_range = span_range(summary.first, summary.last)
    layout = dict(
        title=dict(text=title, font=dict(size=13), x=0, xanchor="left"),
        shapes=phase_bands(phases),
        annotations=_phase_labels(x_range, phases),
        height=max(320, 160 + 22 * len(order)),
        margin=dict(l=10, r=10, t=80 + PHASE_ROW * PHASE_ROWS, b=40),
        xaxis=dict(type="date", title=None, range=None if x_range is None else list(x_range)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=order, autorange="reversed", title=None),
        dragmode="zoom",
    )
    return known_good_figure([heatmap], layout)


def _phase_labels(x_range: tuple[pd.Timestamp, pd.Timestamp] | None, phases: pd.DataFrame) -> list[dict]:
    """Phase titles above the heatmap, laid out for the wide plot."""
    return [
        dict(
            xref="x",
            yref="paper",
            x=t["x"],
            y=1,
            yanchor="bottom",
            text=t["text"],
            showarrow=False,
            yshift=PHASE_ROW * (PHASE_ROWS - 1 - t["row"]),
            font=dict(size=PHASE_FONT, color=NEUTRAL_COLOUR),
        )
        for t in (phase_titles(phases, x_range, WIDE.plot_width) if x_range else [])
    ]
