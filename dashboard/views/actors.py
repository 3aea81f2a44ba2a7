"""Actors: roles, affiliation, events attended, statements, and who met whom."""

import pandas as pd
import streamlit as st

from dashboard.charts.actors import co_attendance_alt_text, co_attendance_figure
from dashboard.model.actors import actor_roles_on, co_attendance, events_attended, statements_by
from dashboard.model.dates import format_date_range
from dashboard.ui.components import quote_block
from dashboard.ui.state import WHO, current_view, id_select
from dashboard.ui.text import md_escape

view = current_view()
ds, filters = view.ds, view.filters
actors = ds.actors.sort_values(["side", "name"])
if filters.actors:
    actors = actors[actors["actor_id"].isin(filters.actors)]
if filters.affiliations:
    actors = actors[actors["affiliation"].isin(filters.affiliations)]
names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))


def role_span(role) -> str:
    start, end = (None if pd.isna(day) else day.date().isoformat() for day in (role["start_date"], role["end_date"]))
    if not start and not end:
        return "dates not recorded"
    return f"{start or 'start not recorded'} – {end or 'end not recorded'}"


st.title("Actors")
st.caption(f"{len(actors)} of {len(ds.actors)} people and bodies named in the sources.")
st.dataframe(
    actors[["name", "kind", "affiliation", "side", "description", "actor_id"]],
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
    names,
    WHO,
    placeholder="Choose a person or body",
)
if who:
    actor = ds.actors.set_index("actor_id").loc[who]
    with st.container(border=True):
        st.subheader(md_escape(actor["name"]))
        st.markdown(
            f"{md_escape(actor['description'])}  \n**Affiliation:** {md_escape(actor['affiliation'])} · "
            f"**Side:** {md_escape(actor['side'])} · **Kind:** {md_escape(actor['kind'])}"
        )
        roles = actor_roles_on(ds, who, filters.as_known_on)
        for _, role in roles.iterrows():
            st.markdown(
                f"- {md_escape(role['role'])} ({md_escape(role_span(role))})"
                + (f" — {md_escape(role['note'])}" if role["note"] else "")
            )
        attended = events_attended(ds, who)
        st.markdown(f"**Events ({len(attended)})**")
        for _, event in attended.iterrows():
            when = format_date_range(event["start_date"], event["end_date"], event["date_precision"])
            st.markdown(f"- {md_escape(when)}: {md_escape(event['title'])}")
        said = statements_by(ds, who)
        st.markdown(f"**Statements ({len(said)})**")
        for _, statement in said.iterrows():
            when = format_date_range(statement["said_start"], statement["said_end"], statement["said_precision"])
            st.markdown(f"*{md_escape(when)}*\n\n{quote_block(statement)}")

st.subheader("Who met whom")
pairs = co_attendance(ds)
if pairs.empty:
    st.info("No two actors attended the same held event.")
else:
    st.caption("Number of held events at which both took part.")
    st.plotly_chart(
        co_attendance_figure(pairs, ds.actors),
        key="co_attendance",
        config={"displaylogo": False},
        alt=co_attendance_alt_text(pairs, ds.actors),
    )
