"""Disagreements: claims our sources give differently, each source's version side by side."""

import streamlit as st

from dashboard.model.disagreements import side_by_side
from dashboard.ui.components import source_lines
from dashboard.ui.filtered_view import current_view
from dashboard.ui.text import md_escape

ds = current_view().ds
st.title("Where the sources disagree")
st.caption("Claims our sources give differently. We keep every version, each with its source, instead of picking one.")
groups = side_by_side(ds)
if not groups:
    st.info("No disagreements are recorded in this data.")
for topic, readings in groups:
    st.subheader(md_escape(topic))
    for column, reading in zip(st.columns(len(readings)), readings.itertuples(), strict=True):
        with column.container(border=True):
            st.markdown(f"**{md_escape(reading.outlet)}**  \n{md_escape(reading.says)}")
            if reading.note:
                st.caption(md_escape(reading.note))
            st.markdown(source_lines(ds, [str(reading.source_id)]))
