"""The timeline's detail pane of the chosen event, drawn from `model/event_detail.EventDetail`."""

from __future__ import annotations

import streamlit as st

from dashboard.data.dataset import Dataset
from dashboard.model.event_detail import EventDetail
from dashboard.model.url_params import EVENT
from dashboard.ui.components import disagreement_flags, quote_block, source_lines
from dashboard.ui.text import md_escape


def _go_to(event_id: str) -> None:
    st.session_state[EVENT] = event_id


def show_event_links(detail: EventDetail) -> None:
    """'led to …', 'in answer to …': each other event as a button that opens its detail."""
    if not detail.links:
        return
    st.markdown("**Linked events**")
    for link in detail.links:
        st.button(link.label, key=link.key, on_click=_go_to, args=(link.target,), type="tertiary", help=link.help)


def show_event_detail(ds: Dataset, detail: EventDetail) -> None:
    """Summary, date and precision, place, participants, what was said there, sources; in a bordered box."""
    with st.container(border=True):
        st.subheader(md_escape(detail.title))
        st.markdown(
            f"**When:** {md_escape(detail.when)} "
            f"· precision: {md_escape(detail.precision)} · **Status:** {md_escape(detail.status)}  \n"
            f"**Where:** {md_escape(detail.place or 'not given')} · "
            f"**Kind:** {md_escape(detail.kind)}  \n"
            f"**Participants:** {md_escape(detail.participants or 'none named')}  \n"
            f"**Issues:** {md_escape(detail.issues or 'none')}"
        )
        st.markdown(md_escape(detail.summary))
        if detail.date_note:
            st.caption("Dating: " + md_escape(detail.date_note))
        disagreement_flags(ds, "event_ids", [detail.event_id])
        disagreement_flags(ds, "statement_ids", detail.said["statement_id"])
        if not detail.said.empty:
            st.markdown("**Said there**")
            for _, statement in detail.said.iterrows():
                st.markdown(f"**{md_escape(statement['speaker_name'])}**\n\n{quote_block(statement)}")
        show_event_links(detail)
        st.markdown("**Sources**\n\n" + source_lines(ds, detail.source_ids))
