"""Map: the venues of the talks and what happened at each."""

import streamlit as st

from dashboard.charts.map import map_height, topojson_config, venue_map_alt_text, venue_map_figure
from dashboard.model.tables import venue_table
from dashboard.ui.filtered_view import current_view
from dashboard.ui.screen import screen_layout

view = current_view()
events = view.events()

st.title("Map")
if events.empty:
    st.info("No events match these filters.")
else:
    # A plain widget, not kept in the link: it frames the map and shows no other events.
    extent = st.radio("Show", ["The venues", "The whole world"], horizontal=True, key="map_extent")
    whole_world = extent == "The whole world"
    figure, unlocated = venue_map_figure(events, whole_world=whole_world, height=map_height(screen_layout()))
    venues = venue_table(events)
    st.caption(
        f"Venues of the {len(events) - unlocated} located events in view; bubble size is the number of events. "
        f"{unlocated} event(s) have no place that can be mapped (online, 'near Moscow', or a whole country)."
    )
    st.plotly_chart(
        figure,
        key="venue_map",
        config={**topojson_config(), "displaylogo": False},
        alt=venue_map_alt_text(events, whole_world=whole_world),
    )
    st.dataframe(
        venues.assign(titles=venues["titles"].map("; ".join))[["place", "events", "titles"]],
        hide_index=True,
        width="stretch",
        column_config={
            "place": "Venue",
            "events": "Events",
            "titles": st.column_config.TextColumn("What happened there", width="large"),
        },
    )
