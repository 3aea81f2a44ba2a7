"""Actors: roles, affiliation, events attended, statements, and who met whom."""

import streamlit as st

from dashboard.charts.actors import chart_width, co_attendance_alt_text, co_attendance_figure
from dashboard.model.actors import co_attendance
from dashboard.model.tables import actors_table
from dashboard.model.url_params import WHO
from dashboard.ui.components import actor_names, actor_profile
from dashboard.ui.filtered_view import current_view
from dashboard.ui.screen import screen_layout
from dashboard.ui.url_widgets import id_select

view = current_view()
ds, filters = view.ds, view.filters
actors = actors_table(ds, filters)

st.title("Actors")
st.caption(f"{len(actors)} of {len(ds.actors)} people and bodies named in the sources.")
st.dataframe(
    actors,
    hide_index=True,
    width="stretch",
    column_config={
        "name": "Name",
        "kind": "Kind",
        "affiliation": "Affiliation",
        "side": "Side",
        "description": st.column_config.TextColumn("Who", width="large"),
        "actor_id": "Id",
    },
)

who = id_select(
    "Actor profile",
    list(ds.actors.sort_values("name")["actor_id"]),
    actor_names(ds),
    WHO,
    placeholder="Choose a person or body",
)
if who:
    actor_profile(ds, who, filters.as_known_on)

st.subheader("Who met whom")
pairs = co_attendance(ds)
if pairs.empty:
    st.info("No two actors attended the same held event.")
else:
    st.caption("Number of held events at which both took part.")
    st.plotly_chart(
        co_attendance_figure(pairs, ds.actors, chart_width(screen_layout()), ds.about.sides),
        key="co_attendance",
        config={"displaylogo": False},
        alt=co_attendance_alt_text(pairs, ds.actors),
    )
