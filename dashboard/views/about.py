"""About: method, how dates, precision and stances are coded, and the counts."""

import streamlit as st

from dashboard.data.cache import data_dir
from dashboard.model.about_text import example_link, in_words, scale_example, shared_splits, tracking_titles
from dashboard.model.stance_gaps import STALE_AFTER_DAYS
from dashboard.model.url_params import param_specs
from dashboard.ui.components import described_as
from dashboard.ui.filtered_view import current_view
from dashboard.ui.text import md_escape

view = current_view()
ds = view.ds
counts = ds.counts()
direct = int(ds.statements["is_direct_quote"].sum())
about = ds.about
method = f"- {md_escape(about.method)}" if about.method else ""
scale = f" (for {md_escape(example)})" if (example := scale_example(ds)) else ""
sides = " and ".join(md_escape(side.name) for side in about.sides)
tracking = f" (here: {md_escape(in_words(titles))})" if (titles := tracking_titles(ds)) else ""
splits = "; ".join(md_escape(in_words(titles)) for titles in shared_splits(ds))
splits = f" (here: {splits})" if splits else ""

st.title("About this dataset")
described_as(about)
st.markdown(
    f"""
**What is in it:** {counts["events"]} events, {counts["actors"]} actors, {counts["statements"]} statements
({direct} direct quotes), {counts["stances"]} coded stances on {counts["issues"]} issues, from
{counts["sources"]} sources.

### Method
{method}
- **Quotes are verbatim**, exactly as the source printed them, and attributed as the source attributes them.
  A test checks every quote against the article text. Summaries and paraphrases are in our own words.
- **Nothing is invented**: a fact without a source is left out. Known slips in the sources (a wrong "last month",
  an early casualty toll) are kept as notes, not silently fixed.

### Dates and precision
Every date carries its precision: *day*, *week*, *month*, *year*, *approximate* (a window such as "between 24 and
26 January") or *undated* (the source gives no day; the report's date stands in). Relative dates such as "on
Tuesday", "last week" or "next May" are resolved against the publication date of the article that uses them, and
the event's dating note says how. On the timeline, imprecise dates are drawn as pale bars covering the whole range.

### Held and planned
An event is *held*, *planned* (announced; our sources do not say whether it took place) or *did not happen*
(a missed deadline, a meeting not held). The **As known on** date shows the record as it stood that day:
events not yet reported are hidden and events still ahead are shown as planned.

### Stances and the gap
Each issue has a small ordered scale of positions, ordered by **distance along one question**{scale}.
A stance is a position taken by an actor on a day. **Every stance cites one or more statements that express it**,
each by a speaker on the stance's side and on the stance's issue; a position that a report gives only in its own
narrative is first recorded as a paraphrase statement, attributed as the report attributes it. Actors count for
one of the record's two sides ({sides}) or for neither. Under **As known on**, a stance appears only from the day
a source printed its evidence.

**The gap method.**
- The **gap** on an issue is how many steps apart the two sides' latest positions are on its scale.
- A gap is shown **only while both sides have a position on record**. An issue on which one side never takes a
  position shows *no counterpart position* instead of a number.
- A position not restated for more than **{STALE_AFTER_DAYS} days** is marked **stale** (dashed in the panels,
  "(stale)" in the table): the gap still uses it, but it may no longer hold.
- Issues of kind *tracking*{tracking} are tracked, not measured: how hopeful a side sounds is not a distance
  between positions. Dated promises and demands are in the **commitments ledger** instead, with their status as
  known on each day.
- **No total counts one split twice**: issues that share a split encode the same question{splits}, so totals
  count them once.
- Every change of a side's position is graded **moved toward** the other side (the gap fell), **moved away** (it
  rose), **held** (the same position restated) or **crossed over** (the same distance, on the other side of the
  other's position), with the words before and after.

### Sharing
Every filter, the page, the selected event and the as-of date are kept in the address bar as readable parameters
(for example `{example_link(ds)}`). Copy the link under the sidebar to share
exactly this view. The parameters:
"""
)
st.markdown("\n".join(f"- `{name}`: {md_escape(spec.doc)}" for name, spec in param_specs(ds).items()))
st.caption(f"Data directory: {data_dir()}. The full codebook is data/README.md in the repository.")
