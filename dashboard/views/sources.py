"""Sources: every source, what rests on it, and a bibliography download."""

import streamlit as st

from dashboard.model.sources import bibliography_text
from dashboard.model.tables import rows_citing, sources_table
from dashboard.model.url_params import SOURCE
from dashboard.ui.filtered_view import current_view
from dashboard.ui.text import md_escape, md_link
from dashboard.ui.url_widgets import id_select

view = current_view()
ds = view.ds
sources = sources_table(ds)

st.title("Sources")
st.caption(f"{len(sources)} sources. Every event, actor, statement and stance names at least one of them.")
st.dataframe(
    sources,
    hide_index=True,
    width="stretch",
    column_config={
        "outlet": "Outlet",
        "title": "Title",
        "published": "Published",
        "wire_service": "Wire",
        "kind": "Kind",
        "confidence": "Confidence",
        "rows": "Rows citing it",
        "link": st.column_config.LinkColumn("Link", display_text="open"),
        "note": st.column_config.TextColumn("Note", width="large"),
        "source_id": "Id",
    },
)
st.download_button(
    "Download bibliography (text)",
    data=lambda: bibliography_text(ds).encode("utf-8"),
    file_name="md-talks-bibliography.txt",
    mime="text/plain",
    on_click="ignore",
)

titles = dict(zip(ds.sources["source_id"], ds.sources["outlet"] + ": " + ds.sources["title"], strict=True))
chosen = id_select("What rests on a source", list(sources["source_id"]), titles, SOURCE, placeholder="Choose a source")
if chosen:
    source = ds.sources.set_index("source_id").loc[chosen]
    st.markdown(md_link(f"{source['outlet']}: {source['title']}", source["url"]))
    if source["note"]:
        st.caption(md_escape(source["note"]))
    st.dataframe(
        rows_citing(ds, chosen),
        hide_index=True,
        width="stretch",
        column_config={"table": "Table", "row_id": "Rows (ids)"},
    )
