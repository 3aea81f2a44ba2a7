"""FLOOR for the benchmark — NOT the dashboard. The least a Streamlit app can do here.

One sidebar text filter and one Plotly chart of three points; no data files,
no caching, no other widgets. Whatever our dashboard costs beyond this app's
cold start and filter change is ours to answer for; what this app costs is
Streamlit's, Plotly.js's and the browser's own floor on this machine.

It answers to the same browser steps as the real app: a text box labelled
"Search text" in the sidebar, and a Plotly chart whose data changes with every
search (the title carries the search, so even a search that keeps all three
points gives Plotly new data to draw).

    streamlit run bench/floor_app.py
"""

import plotly.graph_objects as go
import streamlit as st

POINTS = {"alpha": 1, "beta": 3, "gamma": 2}

text = st.sidebar.text_input("Search text", key="q")  # the key the benchmark's protocol changes address
kept = {name: value for name, value in POINTS.items() if text.lower() in name}
figure = go.Figure(go.Scatter(x=list(kept), y=list(kept.values()), mode="markers"))
figure.update_layout(title=f"Points matching {text!r}" if text else "All points", height=300)
st.plotly_chart(figure)
