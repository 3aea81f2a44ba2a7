"""Map: the venues of the talks and what happened at each."""

import streamlit as st

from dashboard.charts.map import topojson_config, venue_map_alt_text, venue_map_figure
from dashboard.model.tables import venue_table
from dashboard.ui.filtered_view import current_view

view = current_view()
events = view.events()

st.title("Map")
if events.empty:
    st.info("No events match these filters.")
else:
    figure, unlocated = venue_map_figure(events)
    venues = venue_table(events)
    st.caption(
        f"Venues of the {len(events) - unlocated} located events in view; bubble size is the number of events. "
        f"{unlocated} event(s) have no place that can be mapped (online, 'near Moscow', or a whole country)."
    )
    st.plotly_chart(
        figure,
        key="venue_map",
        config={**topojson_config(), "displaylogo": False},
        alt=venue_map_alt_text(events),
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
