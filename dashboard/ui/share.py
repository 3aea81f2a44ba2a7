"""The Share box, drawn by the entry script once the page has run (so the link holds the page's own controls too):
the link to the current view, the `<iframe>` snippet that embeds it, and a download of the view.

In an embedded view (`?embed=true`) the box gives way to one small "Open full view" link, above the page: a reader
of someone else's page wants the way out, not the means to embed again. The snippet's rules are pure
(`model/embed.py`); this module draws them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.model.embed import embed_snippet, frame_title
from dashboard.model.standalone_view import standalone_file_name, standalone_refusal
from dashboard.pages import PageSpec, address
from dashboard.ui.address_bar import share_url
from dashboard.ui.copy_field import copy_field
from dashboard.ui.filtered_view import View


def show_share(view: View, spec: PageSpec, embedded_slot: DeltaGenerator | None = None) -> None:
    """The Share box at the end of the page; when embedded, the "Open full view" link in `embedded_slot`."""
    link = share_url(address(spec))
    if embedded_slot is not None:
        with embedded_slot:
            open_full_view(link)
        return
    with st.container(border=True, key="share_box"):
        st.subheader("Share this view", anchor=False)
        left, right = st.columns(2, gap="large")
        with left:
            st.markdown("**Link**: the page and every filter, as you see them.")
            copy_field(link, "Link to this view", key="share_link")
            download_this_view(view, link)
        with right:
            st.markdown("**Embed** in a web page: this view without the sidebar, with a link back to it.")
            try:
                snippet = embed_snippet(link, frame_title(spec.title, view.ds.about.title))
            except ValueError:  # the app's own address is not http(s): nothing another page could frame
                st.caption("This address cannot be embedded.")
            else:
                copy_field(snippet, "Embed code", key="share_embed")


def open_full_view(link: str) -> None:
    """A small link, right-aligned, to the same view in the whole app (a new tab: the host page stays open)."""
    with st.container(horizontal=True, horizontal_alignment="right", key="open_full_view"):
        st.link_button("Open full view", link, type="tertiary", icon=":material/open_in_new:")


def download_this_view(view: View, link: str) -> None:
    """The "Download this view" button: one HTML file of the view (charts/standalone.py), made only when clicked
    (a callable `data` runs on the click, not on every rerun); disabled, with the reason, when the view is too big
    for a copy."""
    ds, filters = view.ds, view.filters
    refusal = standalone_refusal(ds, filters)
    st.download_button(
        "Download this view",
        data=lambda: standalone_copy(view, link),
        file_name=standalone_file_name(ds, filters),
        mime="text/html",
        key="download_view",
        on_click="ignore",
        icon=":material/download:",
        disabled=refusal is not None,
        help="One HTML file that opens without the app or the network: the charts, every row, its sources and "
        "this link.",
    )
    if refusal:
        st.caption(refusal)


def standalone_copy(view: View, link: str) -> str:
    """The view's standalone HTML file. Its builder is imported on the click: it brings Altair and Plotly's HTML
    writer, ~0.4 s of imports that a page's first open (every page draws this box) would otherwise wait for."""
    from dashboard.charts.standalone import standalone_html

    return standalone_html(view.ds, view.filters, live_url=link, made_at=datetime.now(UTC))
