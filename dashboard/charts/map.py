"""Where the talks happened: one bubble per venue.

Plotly draws the geo base map from topojson it fetches at run time, by
default from a CDN this deployment cannot reach; `topojson_config()` points
it at the copy in dashboard/static/topojson/ instead (served by Streamlit as
`app/static/topojson/` with `server.enableStaticServing = true`):

    figure, unlocated = venue_map_figure(events)
    st.plotly_chart(figure, config=topojson_config())

The view fits the venues (`venue_bounds`: their box with a margin, in the Mercator projection, where that box is
the chart's frame: from Chicago to Moscow about 3.1 times as wide as tall, where the whole world's Natural Earth
makes it 4.2, and a conic projection crops the box's corners, where Moscow lies); with `whole_world=True` it shows
the whole world.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import ACCENT_COLOUR, plotly_text
from dashboard.model.tables import venue_table

# Relative to the page, so it works under any host and base path.
TOPOJSON_URL = "app/static/topojson/"

# Around the venues' box: a tenth of its span each side, and at least 4 degrees (a bubble's radius, 16 px, is
# about 4 degrees when the box spans Chicago to Moscow on a 900 px chart). A view at least 30 degrees wide and
# 15 high: the 1:110 million base map shows little inside a smaller one.
MARGIN_SHARE = 0.1
MARGIN_DEGREES = 4.0
MIN_SPAN = (30.0, 15.0)
# The chart's height per screen layout (ui/screen; names as in ui/timeline.LAYOUTS): the map keeps its shape, so
# a taller chart on a narrow screen is blank above and below. Unknown (no report yet) and phones: PHONE_HEIGHT.
HEIGHTS = {"wide": 440, "medium": 300}
PHONE_HEIGHT = 200


def topojson_config() -> dict[str, str]:
    """Plotly config pointing the geo base map at the locally served topojson."""
    return {"topojsonURL": TOPOJSON_URL}


def map_height(layout: str | None) -> int:
    """The chart's height on the screen layout `layout` (None: not known yet)."""
    return HEIGHTS.get(layout or "", PHONE_HEIGHT)


def venue_bounds(venues: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]]:
    """(longitude range, latitude range) of a view of every venue with a margin (see MARGIN_SHARE)."""
    ranges = []
    for column, (low_limit, high_limit), min_span in zip(
        ("longitude", "latitude"), ((-180.0, 180.0), (-90.0, 90.0)), MIN_SPAN, strict=True
    ):
        low, high = float(venues[column].min()), float(venues[column].max())
        margin = max(MARGIN_SHARE * (high - low), MARGIN_DEGREES, (min_span - (high - low)) / 2)
        ranges.append((max(low - margin, low_limit), min(high + margin, high_limit)))
    return ranges[0], ranges[1]


def venue_map_figure(
    events: pd.DataFrame, *, whole_world: bool = False, height: int = PHONE_HEIGHT
) -> tuple[go.Figure, int]:
    """A bubble map of the venues of `events` (size grows with the number of
    events; hover lists them), fitted to the venues or showing the whole world,
    and the number of events left out because they have no coordinates.
    customdata: the venue's event ids joined with ";"."""
    venues = venue_table(events)
    unlocated = int(events[["latitude", "longitude"]].isna().any(axis=1).sum())
    figure = go.Figure(
        go.Scattergeo(
            lon=venues["longitude"],
            lat=venues["latitude"],
            mode="markers",
            marker=dict(
                size=[8 + 8 * math.sqrt(n) for n in venues["events"]],
                color=ACCENT_COLOUR,
                opacity=0.7,
                line=dict(width=1, color="white"),
            ),
            customdata=[";".join(ids) for ids in venues["event_ids"]],
            hovertext=[
                f"<b>{plotly_text(place)}</b><br>" + "<br>".join(plotly_text(title) for title in titles)
                for place, titles in zip(venues["place"], venues["titles"], strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            name="venues",
        )
    )
    if whole_world or venues.empty:
        figure.update_geos(projection_type="natural earth")
    else:
        lon_range, lat_range = venue_bounds(venues)
        figure.update_geos(projection_type="mercator", lonaxis_range=lon_range, lataxis_range=lat_range)
    figure.update_geos(
        scope="world",
        resolution=110,
        showcountries=True,
        countrycolor="#bbbbbb",
        showland=True,
        landcolor="#f2f2f2",
    )
    figure.update_layout(height=height, margin=dict(l=0, r=0, t=10, b=0), showlegend=False)
    return figure, unlocated


def venue_map_alt_text(events: pd.DataFrame, *, whole_world: bool = False) -> str:
    """What the venue map shows, for screen readers."""
    venues = venue_table(events)
    unlocated = int(events[["latitude", "longitude"]].isna().any(axis=1).sum())
    if venues.empty:
        return f"Map of venues: none of the {len(events)} events in view has a mappable place."
    busiest = venues.sort_values("events", ascending=False, kind="stable").iloc[0]
    return (
        f"Map of {len(venues)} venues of {len(events) - unlocated} events, "
        f"{'on the whole world' if whole_world else 'fitted to the venues'} ({_extent(venues)}); "
        f"bubble size is the number of events; the busiest venue ("
        f"{int(busiest['events'])} events) is at {busiest['latitude']:.1f}° N, {busiest['longitude']:.1f}° E. "
        f"{unlocated} events have no mappable place."
    )


def _extent(venues: pd.DataFrame) -> str:
    """Where the venues lie, as the span of their coordinates."""
    west, east = venues["longitude"].min(), venues["longitude"].max()
    south, north = venues["latitude"].min(), venues["latitude"].max()
    latitudes = f"{_degrees(south, 'N', 'S')} to {_degrees(north, 'N', 'S')}"
    return f"from {latitudes}, {_degrees(west, 'E', 'W')} to {_degrees(east, 'E', 'W')}"


def _degrees(value: float, positive: str, negative: str) -> str:
    return f"{abs(value):.0f}° {positive if value >= 0 else negative}"
