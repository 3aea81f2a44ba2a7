"""Timeline (home): every event on lanes, phase bands, and the chosen event's detail."""

import streamlit as st

from dashboard.charts.timeline_density import MAX_DRAWN_EVENTS
from dashboard.model.event_detail import event_detail
from dashboard.model.filters import events_as_known_on
from dashboard.model.selection import events_by_id
from dashboard.model.tables import EVENT_COLUMNS, event_choices, events_table
from dashboard.model.timeline import PICKER_EVENTS, window_caption
from dashboard.model.url_params import EVENT, LANE_CHOICES, LANES, LINKS
from dashboard.ui.components import PAGE_ROWS, table_with_downloads
from dashboard.ui.event_detail import show_event_detail
from dashboard.ui.filtered_view import current_view
from dashboard.ui.text import md_escape
from dashboard.ui.timeline import clear_window, picked_event, responsive_timeline, set_window_from_box
from dashboard.ui.url_widgets import id_select

view = current_view()
ds, filters = view.ds, view.filters
count = view.event_count()  # the events themselves are fetched only a page at a time


def _on_select(chart_key: str) -> None:
    # Runs before the rerun, so the sidebar's dates and the picker below can take the new value.
    # A box drawn across the chart sets the date window; a click picks an event.
    if set_window_from_box(ds, chart_key):
        return
    picked = picked_event(chart_key)
    if picked:
        st.session_state[EVENT] = picked


st.title(md_escape(ds.about.title))
window = (filters.start, filters.end)
if count > MAX_DRAWN_EVENTS:
    how = (
        "The chart counts them per week; draw a box with the toolbar's Box Select (or set From/To) around "
        f"{MAX_DRAWN_EVENTS:,} events or fewer to see each event. The table below lists every one."
    )
else:
    how = (
        "Markers are single days, bars span several days; pale dashed bars are dates known only to the week, "
        "month or year. Open symbols are planned events. Click an event for its detail; the toolbar's Box Select "
        "sets the date window (From/To), which the link keeps."
    )
st.caption(f"{count:,} of {ds.row_count('events'):,} events match the filters. {how}")
# No format_func: a bound widget writes its label into the URL, so label = value.
lanes = st.segmented_control("Lanes by", LANE_CHOICES, default="affiliation", key=LANES, bind="query-params")
left, right = st.columns([2, 1], vertical_alignment="center")
show_links = left.toggle("Show links between events", key=LINKS, bind="query-params")
right.button(
    f"Window: {window_caption(window)} · show all",
    on_click=clear_window,
    disabled=window == (None, None),
    type="tertiary",
    help="Clears the From/To dates, so the chart covers the whole record.",
)
if not count:
    st.info("No events match these filters. Clear some filters in the sidebar to see more.")
else:
    responsive_timeline(
        ds,
        filters,
        key="timeline",
        lane_by=lanes or "affiliation",
        show_links=bool(show_links),
        highlight=st.session_state.get(EVENT),
        on_select=_on_select,
    )

# The picker offers what the chart can draw, plus the event already chosen
# (by a click or a link), so its options stay small at any data size.
chosen = ds.known_id("events", st.session_state.get(EVENT) or st.query_params.get(EVENT))  # a known id keys the memo
labels = ds.memo(event_choices, filters, PICKER_EVENTS, chosen)
event_id = id_select(
    "Event detail",
    list(labels),
    labels,
    EVENT,
    placeholder="Click an event in the chart, or choose one here",
)
if event_id:
    event = events_as_known_on(events_by_id(ds, [event_id]), filters.as_known_on)
    if event.empty:
        st.info("This event was not yet on record on the 'as known on' day.")
    else:
        show_event_detail(ds, event_detail(ds, event.iloc[0]))

st.subheader("Events in view")
table_with_downloads(
    count,
    view.events,
    ds,
    "events",
    lambda first: ds.memo(events_table, filters, first, PAGE_ROWS),
    column_config=EVENT_COLUMNS,
)
