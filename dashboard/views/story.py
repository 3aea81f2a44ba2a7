"""Story: a guided walk through the talks, one step per link (?step=N)."""

import pandas as pd
import streamlit as st

from dashboard.model.dates import format_date_range, format_day
from dashboard.model.filters import Filters
from dashboard.model.gap_tables import gap_cells, story_gap_columns
from dashboard.model.stance_gaps import gap_summary
from dashboard.model.story import parse_step, step_numbers, story_step
from dashboard.model.url_params import STEP
from dashboard.ui.components import actor_names, quote_block, source_lines
from dashboard.ui.filtered_view import current_view
from dashboard.ui.text import md_escape
from dashboard.ui.timeline import responsive_timeline
from dashboard.ui.url_widgets import id_select

ds = current_view().ds
numbers = [str(n) for n in step_numbers(ds)]
st.title(md_escape(ds.about.story_title or "The story"))
if not numbers:
    st.info("This dataset has no story steps (data/story_steps.csv).")
    st.stop()
st.caption("A guided walk in our own words; every step cites its sources. Each step has its own link to share.")


def _go(step: int) -> None:
    st.session_state[STEP] = str(step)


titles = dict(zip(ds.story_steps["step"].astype(str), ds.story_steps["title"], strict=True))
chosen = id_select("Step", numbers, {n: f"{n}. {titles[n]}" for n in numbers}, STEP, default=str(parse_step(None, ds)))
step = story_step(ds, parse_step(chosen, ds))
assert step is not None  # the validator checks every step's event
back, _middle, forward = st.columns([1, 2, 1])
back.button("← Previous", on_click=_go, args=(step.previous,), disabled=step.previous is None, width="stretch")
forward.button("Next →", on_click=_go, args=(step.next,), disabled=step.next is None, width="stretch")

event = step.event
st.header(f"Step {step.number} of {step.count}: {md_escape(step.title)}")
st.markdown(md_escape(step.text))
with st.container(border=True):
    when = format_date_range(event["start_date"], event["end_date"], event["date_precision"])
    st.markdown(f"**The event:** {md_escape(event['title'])} · {md_escape(when)} · {md_escape(event['place'] or '')}")
    st.page_link("views/timeline.py", label="Open it on the timeline", query_params={"event": event["event_id"]})

names = actor_names(ds)
if not step.statements.empty:
    st.subheader("What was said then")
    for _, said in step.statements.iterrows():
        speaker = names.get(said["speaker_id"], said["speaker_id"])
        day = format_date_range(said["said_start"], said["said_end"], said["said_precision"])
        st.markdown(f"**{md_escape(speaker)}** ({md_escape(day)})\n\n{quote_block(said)}")

st.subheader(f"Where the gap stood on {format_day(pd.Timestamp(step.gap_day))}")
st.dataframe(gap_cells(gap_summary(ds, step.gap_day), story_gap_columns(ds.about)), hide_index=True, width="stretch")
st.caption("The gap counts the steps between the two sides' positions on each issue's ordered scale (see Stances).")

st.subheader("On the timeline")
responsive_timeline(ds, Filters(), key="story", highlight=event["event_id"])
st.markdown("**Sources for this step**\n\n" + source_lines(ds, step.source_ids))
