"""BASELINE for the benchmark — NOT the dashboard. The timeline a competent Streamlit user writes in an afternoon.

Unlike bench/naive_app.py it reads the data once (``st.cache_data`` on loading ``events.csv``), and it has only
the sidebar's search box (label "Search text", as the real app's), one ``plotly.express.timeline`` of the
filtered events coloured by kind, and ``st.dataframe`` of them below.

The data directory is ``DASHBOARD_DATA`` (default: the bundled ``data/``).

    streamlit run bench/cached_app.py
"""

import os
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

DATA = Path(os.environ.get("DASHBOARD_DATA") or Path(__file__).resolve().parents[1] / "data")

st.set_page_config(page_title="Baseline timeline (cached)", layout="wide")


@st.cache_data
def load_events(path: str) -> pd.DataFrame:
    events = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in ("start_date", "end_date"):
        events[column] = pd.to_datetime(events[column])
    events["end"] = events["end_date"] + pd.Timedelta(days=1)  # a one-day event still gets a visible bar
    return events


events = load_events(str(DATA / "events.csv"))
text = st.sidebar.text_input("Search text", key="q")
shown = events
if text:
    found = events["title"] + " " + events["summary"] + " " + events["place"]
    shown = events[found.str.contains(text, case=False, regex=False)]

st.title("NATO–Russia missile defence talks (cached baseline)")
st.caption(f"{len(shown)} of {len(events)} events match the search.")
st.plotly_chart(px.timeline(shown, x_start="start_date", x_end="end", y="kind", color="kind", hover_name="title"))
st.dataframe(shown, hide_index=True)
