"""Entry point: `streamlit run dashboard/app.py`.

Loads and validates the data once (cached), draws the sidebar filters that
every page shares, and hands over to the page chosen in the URL path.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit puts only this file's folder on sys.path; the package lives one up.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st  # noqa: E402

from dashboard.data.cache import data_dir, load_for_app  # noqa: E402
from dashboard.ui.state import (  # noqa: E402
    View,
    check_link_once,
    drop_other_pages_params,
    render_sidebar,
    set_view,
    share_url,
    show_link_notice,
)

# Not "pages/": a folder of that name beside the entry script switches Streamlit
# into its legacy multipage mode, which can run a page without this script.
PAGES_DIR = Path(__file__).resolve().parent / "views"

st.set_page_config(
    page_title="NATO–Russia missile defence talks, 2009–2012",
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

check_link_once(dataset)
filters = render_sidebar(dataset)
set_view(View(dataset, filters))

page = st.navigation(
    [
        st.Page(
            PAGES_DIR / "timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline", default=True
        ),
        st.Page(PAGES_DIR / "story.py", title="Story", icon=":material/auto_stories:", url_path="story"),
        st.Page(PAGES_DIR / "stances.py", title="Stances", icon=":material/balance:", url_path="stances"),
        st.Page(PAGES_DIR / "statements.py", title="Statements", icon=":material/format_quote:", url_path="statements"),
        st.Page(PAGES_DIR / "actors.py", title="Actors", icon=":material/groups:", url_path="actors"),
        st.Page(PAGES_DIR / "sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
        st.Page(PAGES_DIR / "map.py", title="Map", icon=":material/map:", url_path="map"),
        st.Page(PAGES_DIR / "about.py", title="About", icon=":material/info:", url_path="about"),
    ]
)
show_link_notice()
page.run()
drop_other_pages_params(page.url_path)

with st.sidebar:
    st.divider()
    st.caption("Share this view: the link keeps the page and every filter.")
    # Wrapped: an unwrapped code block scrolls sideways, and a scrollable region
    # that cannot take keyboard focus is a serious axe-core (WCAG) finding.
    st.code(share_url(page.url_path), language=None, wrap_lines=True)
