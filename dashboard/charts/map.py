"""Where the talks happened: one bubble per venue.

Plotly draws the geo base map from topojson it fetches at run time, by
default from a CDN this deployment cannot reach; `topojson_config()` points
it at the copy in dashboard/static/topojson/ instead (served by Streamlit as
`app/static/topojson/` with `server.enableStaticServing = true`):

    figure, unlocated = venue_map_figure(events)
    st.plotly_chart(figure, config=topojson_config())
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import GROUP_COLOURS, plotly_text
from dashboard.model.tables import venue_table

# Relative to the page, so it works under any host and base path.
TOPOJSON_URL = "app/static/topojson/"

# Europe and North America, where every located venue of the talks lies.
LON_RANGE = (-130.0, 60.0)
LAT_RANGE = (20.0, 72.0)


def topojson_config() -> dict[str, str]:
    """Plotly config pointing the geo base map at the locally served topojson."""
    return {"topojsonURL": TOPOJSON_URL}


def venue_map_figure(events: pd.DataFrame) -> tuple[go.Figure, int]:
    """A bubble map of the venues of `events` (size grows with the number of
    events; hover lists them) and the number of events left out because they
    have no coordinates. customdata: the venue's event ids joined with ";"."""
    venues = venue_table(events)
    unlocated = int(events[["latitude", "longitude"]].isna().any(axis=1).sum())
    figure = go.Figure(
        go.Scattergeo(
            lon=venues["longitude"],
            lat=venues["latitude"],
            mode="markers",
            marker=dict(
                size=[8 + 8 * math.sqrt(n) for n in venues["events"]],
                color=GROUP_COLOURS["NATO"],
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
    figure.update_geos(
        scope="world",
        resolution=110,
        projection_type="natural earth",
        lonaxis_range=list(LON_RANGE),
        lataxis_range=list(LAT_RANGE),
        showcountries=True,
        countrycolor="#bbbbbb",
        showland=True,
        landcolor="#f2f2f2",
    )
    figure.update_layout(height=480, margin=dict(l=0, r=0, t=10, b=0), showlegend=False)
    return figure, unlocated


def venue_map_alt_text(events: pd.DataFrame) -> str:
    """What the venue map shows, for screen readers."""
    venues = venue_table(events)
    unlocated = int(events[["latitude", "longitude"]].isna().any(axis=1).sum())
    if venues.empty:
        return f"Map of venues: none of the {len(events)} events in view has a mappable place."
    busiest = venues.sort_values("events", ascending=False, kind="stable").iloc[0]
    return (
        f"Map of {len(venues)} venues of {len(events) - unlocated} events in Europe and North America; "
        f"bubble size is the number of events; the busiest venue ("
        f"{int(busiest['events'])} events) is at {busiest['latitude']:.1f}° N, {busiest['longitude']:.1f}° E. "
        f"{unlocated} events have no mappable place."
    )
