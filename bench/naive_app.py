"""BASELINE for the benchmark — NOT the dashboard. The timeline "written the ordinary way".

A single Streamlit script such as one writes first: it reads the CSV files with
``pandas.read_csv`` on every run (no ``st.cache_data``), applies the same
sidebar filters as the real app (same labels and widget keys: q, actor,
affiliation, issue, kind, from, to, asof), draws ``plotly.express.timeline``
over the whole filtered table (one bar per event and participant's
affiliation) and then ``st.dataframe`` of the whole table.

The data directory is ``DASHBOARD_DATA`` (default: the bundled ``data/``).

    streamlit run bench/naive_app.py
"""

import os
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

DATA = Path(os.environ.get("DASHBOARD_DATA") or Path(__file__).resolve().parents[1] / "data")

st.set_page_config(page_title="Baseline timeline (naive)", layout="wide")

read = lambda name: pd.read_csv(DATA / name, dtype=str, keep_default_na=False)  # noqa: E731
events, actors, issues = read("events.csv"), read("actors.csv"), read("issues.csv")
for column in ("start_date", "end_date", "first_public"):
    events[column] = pd.to_datetime(events[column])
statements = read("statements.csv")
days = pd.concat(
    [
        events["start_date"],
        events["end_date"],
        pd.to_datetime(statements["said_start"]),
        pd.to_datetime(statements["said_end"]),
    ]
)
first, last = days.min().date(), days.max().date()

with st.sidebar:
    st.header("Filters")
    text = st.text_input("Search text", key="q")
    names = dict(zip(actors["actor_id"], actors["name"], strict=True))
    picked_actors = st.multiselect("Actors", sorted(names), format_func=lambda actor_id: names[actor_id], key="actor")
    picked_affiliations = st.multiselect("Affiliation", sorted(actors["affiliation"].unique()), key="affiliation")
    titles = dict(zip(issues["issue_id"], issues["title"], strict=True))
    picked_issues = st.multiselect("Issues", list(titles), format_func=lambda issue_id: titles[issue_id], key="issue")
    picked_kinds = st.multiselect("Event kinds", sorted(events["kind"].unique()), key="kind")
    start = st.date_input("From", value=None, min_value=first, max_value=last, key="from", format="YYYY-MM-DD")
    end = st.date_input("To", value=None, min_value=first, max_value=last, key="to", format="YYYY-MM-DD")
    as_of = st.date_input("As known on", value=None, min_value=first, max_value=last, key="asof", format="YYYY-MM-DD")

# One row per event and participant, with the participant's affiliation.
rows = events.assign(actor_id=events["participant_ids"].str.split(";")).explode("actor_id")
rows = rows.merge(actors[["actor_id", "affiliation"]], on="actor_id", how="left")
rows["affiliation"] = rows["affiliation"].fillna("(no participant)")
rows["status_shown"] = rows["status"]
if as_of:
    rows = rows[rows["first_public"] <= pd.Timestamp(as_of)]
    rows.loc[rows["start_date"] > pd.Timestamp(as_of), "status_shown"] = "planned"
if start:
    rows = rows[rows["end_date"] >= pd.Timestamp(start)]
if end:
    rows = rows[rows["start_date"] <= pd.Timestamp(end)]
if picked_kinds:
    rows = rows[rows["kind"].isin(picked_kinds)]
if picked_issues:
    rows = rows[rows["issue_ids"].apply(lambda ids: any(i in ids.split(";") for i in picked_issues))]
if text:
    found = rows["title"] + " " + rows["summary"] + " " + rows["place"]
    rows = rows[found.str.contains(text, case=False, regex=False)]
# Actor and affiliation filters keep the whole event if any participant matches.
if picked_actors:
    rows = rows[rows["event_id"].isin(rows.loc[rows["actor_id"].isin(picked_actors), "event_id"])]
if picked_affiliations:
    rows = rows[rows["event_id"].isin(rows.loc[rows["affiliation"].isin(picked_affiliations), "event_id"])]

st.title("NATO–Russia missile defence talks (baseline)")
st.caption(f"{rows['event_id'].nunique()} of {len(events)} events match the filters.")
rows["end"] = rows["end_date"] + pd.Timedelta(days=1)
figure = px.timeline(
    rows,
    x_start="start_date",
    x_end="end",
    y="affiliation",
    color="status_shown",
    hover_name="title",
    hover_data=["kind", "place"],
)
st.plotly_chart(figure)
st.dataframe(rows.drop_duplicates("event_id"), hide_index=True)
