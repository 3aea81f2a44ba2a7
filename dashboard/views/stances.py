"""Stances: each side's position per issue over time, the gap between them, the commitments ledger."""

import streamlit as st

from dashboard.charts.stances import STANCE_SELECTION, stance_panels_alt_text, stance_panels_chart
from dashboard.model.stance_panels import stance_panels
from dashboard.model.url_params import STANCE, STANCE_ISSUE, date_bounds
from dashboard.ui.filtered_view import current_view
from dashboard.ui.screen import screen_layout
from dashboard.ui.stance_parts import (
    changes_table,
    commitments_ledger,
    follow_pick,
    gap_table,
    panel_grid,
    picked_id,
    stance_detail_box,
)
from dashboard.ui.text import md_escape
from dashboard.ui.url_widgets import chart_pick_in_url, clear_pick_in_url, id_select

view = current_view()
ds, filters = view.ds, view.filters
st.title("Stances")
if ds.issues.empty:
    st.info("The data has no issues, so there are no stances to compare.")
    st.stop()
issues = ds.issues.sort_values("sort_order")
titles = dict(zip(issues["issue_id"], issues["title"], strict=True))
day = filters.as_known_on or date_bounds(ds)[1]
wanted = list(filters.issues) or list(issues["issue_id"])
st.caption(
    f"As known on {day.isoformat()}: a stance appears once a source had printed its evidence."
    " See About for the gap method."
)

picked = picked_id(st.session_state.get("stance_panels"), STANCE_SELECTION, "stance_id")
selected = chart_pick_in_url(STANCE, picked, set(ds.stances["stance_id"]))
follow_pick(ds, picked, STANCE_ISSUE)
panels = stance_panels(ds, day, wanted, selected)
columns, width = panel_grid(screen_layout())
st.altair_chart(
    stance_panels_chart(panels, [titles[i] for i in issues["issue_id"] if i in wanted], ds.about.sides, columns, width),
    on_select=lambda: clear_pick_in_url(
        STANCE, picked_id(st.session_state.get("stance_panels"), STANCE_SELECTION, "stance_id")
    ),
    selection_mode=STANCE_SELECTION,
    key="stance_panels",
    alt=stance_panels_alt_text(panels),
)
if selected:
    stance_detail_box(ds, selected)
else:
    st.caption("Click a point in a panel to read the quote behind it.")

st.subheader("Did they narrow the gap?")
gap_table(ds, day, wanted)
st.subheader("Commitments and deadlines")
commitments_ledger(ds, day)

st.subheader("How each side moved")
issue_id = id_select("Issue", list(issues["issue_id"]), titles, STANCE_ISSUE, default=issues["issue_id"].iloc[0])
if issue_id is None:  # not reached: the page runs only with issues (pages.py) and the picker has a default
    st.stop()
issue = issues.set_index("issue_id").loc[issue_id]
st.markdown(md_escape(issue["description"]))
st.caption("Scale: " + md_escape(issue["scale_note"]))
changes_table(ds, issue_id, day)
