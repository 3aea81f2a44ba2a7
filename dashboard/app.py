"""Entry point: `streamlit run dashboard/app.py`.

Loads and validates the data once (cached), draws the sidebar filters that
every page shares (embedded, `?embed=true`, reads them from the link instead),
hands over to the page chosen in the URL path, then draws the Share box.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts only this file's folder on sys.path; the package lives one up.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st  # noqa: E402

from dashboard.data.cache import data_dir, load_for_app  # noqa: E402
from dashboard.pages import DEFAULT_PAGE, PAGES, page_at  # noqa: E402
from dashboard.ui.address_bar import check_link_once, drop_other_pages_params, show_link_notice  # noqa: E402
from dashboard.ui.filtered_view import View, set_view  # noqa: E402
from dashboard.ui.share import show_share  # noqa: E402
from dashboard.ui.sidebar import embedded_filters, render_sidebar  # noqa: E402
from dashboard.ui.timeline import report_screen  # noqa: E402

st.set_page_config(
    page_title="Negotiation record",  # until the record names itself (dataset.toml), below
    page_icon=str(Path(__file__).resolve().parent / "static" / "icon.png"),
    layout="wide",
)

dataset, problems = load_for_app()
if dataset is None:
    st.title("The dataset cannot be shown")
    st.error(
        f"{len(problems)} problem(s) were found in the data directory. Nothing was changed; fix the files and reload."
    )
    st.caption("Each line reads file:row:column: message (row 2 is the first data row).")
    st.code("\n".join(str(problem) for problem in problems), language=None)
    st.caption(f"Data directory: {data_dir()}")
    st.stop()

st.set_page_config(page_title=dataset.about.title)
check_link_once(dataset)
# Framed by another page (?embed=true): no sidebar, so the link alone fixes the filters (README: Embedding a view).
embedded = bool(st.context.is_embedded)
view = View(dataset, embedded_filters(dataset) if embedded else render_sidebar(dataset))
set_view(view)

page = st.navigation(
    [
        st.Page(spec.script, title=spec.title, icon=spec.icon, url_path=spec.url_path, default=spec == DEFAULT_PAGE)
        for spec in PAGES
    ],
    position="hidden" if embedded else "sidebar",
)
show_link_notice()
above_page = st.container() if embedded else None  # the embedded view's "Open full view" link
spec = page_at(page.url_path)
if empty := [table for table in spec.needs if dataset.counts()[table] == 0]:
    st.title(spec.title)
    st.info(f"This dataset has no {' or '.join(empty)}, so there is nothing to show here.")
else:
    page.run()
drop_other_pages_params(page.url_path)
show_share(view, spec, above_page)

# Last: the browser's report of its width causes a rerun, which would interrupt a first run still drawing.
report_screen()
