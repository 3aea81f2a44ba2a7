"""Stances: each side's position per issue on a day, how it moved, and the gap between them."""

import pandas as pd
import streamlit as st

from dashboard.charts.stances import gap_figure, stance_history_figure
from dashboard.model.stances import gap_series, gap_summary, stance_history, stances_as_of
from dashboard.ui.components import source_lines
from dashboard.ui.state import STANCE_ISSUE, current_view, date_bounds, id_select
from dashboard.ui.text import md_escape

view = current_view()
ds, filters = view.ds, view.filters
issues = ds.issues.sort_values("sort_order")
titles = dict(zip(issues["issue_id"], issues["title"], strict=True))
day = filters.as_known_on or date_bounds(ds)[1]

st.title("Stances")
st.caption(
    "Positions on each issue are ordered (see About); the gap is the distance between the NATO side's and the "
    f"Russian side's latest positions. Shown as of {day.isoformat()} — set 'As known on' in the sidebar to go back."
)
issue_id = id_select("Issue", list(issues["issue_id"]), titles, STANCE_ISSUE, default=issues["issue_id"].iloc[0])
issue = issues.set_index("issue_id").loc[issue_id]
st.markdown(md_escape(issue["description"]))
st.caption("Scale: " + md_escape(issue["scale_note"]))

positions = ds.positions[ds.positions["issue_id"] == issue_id].sort_values("rank")
now = stances_as_of(ds, issue_id, day).set_index("side")
for column, side in zip(st.columns(2), ("NATO", "Russia"), strict=True):
    with column.container(border=True):
        st.markdown(f"#### {side} side")
        if side not in now.index:
            st.info(f"No {side} stance on this issue on record by {day.isoformat()}.")
            continue
        stance = now.loc[side]
        st.markdown(
            f"**{md_escape(stance['position_label'])}** (position {int(stance['rank'])} of {len(positions)})  \n"
            f"{md_escape(stance['actor_name'])}, on record from {stance['as_of'].date().isoformat()}"
        )
        if stance["quote"]:
            st.markdown(f"> “{md_escape(stance['quote'])}”")
        st.caption(md_escape(stance["basis"]))
        st.markdown(source_lines(ds, stance["source_ids"]))

history = stance_history(ds, issue_id)
history = history[history["as_of"] <= str(day)]
st.subheader("How the positions moved")
if history.empty:
    st.info("No stances on record for this issue by then.")
else:
    st.plotly_chart(stance_history_figure(history, positions), key="stance_history", config={"displaylogo": False})

st.subheader("Did they narrow the gap?")
summary = gap_summary(ds, day)
wanted = list(filters.issues) or list(issues["issue_id"])
series = gap_series(ds, issue_ids=wanted, end=day)
if series["gap"].notna().any():
    st.plotly_chart(gap_figure(series, ds.issues), key="gap_chart", config={"displaylogo": False})
shown = summary[summary["issue_id"].isin(wanted)].drop(columns=["issue_id"])
# An issue where one side never took a position has no gap: a dash, not "None".
dash = "—"
shown = shown.assign(
    first_date=[dash if pd.isna(day) else day.date().isoformat() for day in shown["first_date"]],
    first_gap=[dash if pd.isna(gap) else str(int(gap)) for gap in shown["first_gap"]],
    gap=[dash if pd.isna(gap) else str(int(gap)) for gap in shown["gap"]],
    nato_position=shown["nato_position"].replace("", dash),
    russia_position=shown["russia_position"].replace("", dash),
)
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    column_config={
        "issue_title": "Issue",
        "first_date": "First compared",
        "first_gap": "Gap then",
        "gap": "Gap now",
        "nato_position": "NATO side now",
        "russia_position": "Russian side now",
        "trend": "Trend",
    },
)
