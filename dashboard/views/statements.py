"""Statements: every quote and paraphrase, searchable and filterable."""

import streamlit as st

from dashboard.model.dates import format_date_range
from dashboard.model.filters import filter_statements
from dashboard.ui.components import download_buttons, paged
from dashboard.ui.state import current_view

view = current_view()
ds, filters = view.ds, view.filters
statements = filter_statements(ds, filters)
urls = dict(zip(ds.sources["source_id"], ds.sources["url"], strict=True))
outlets = dict(zip(ds.sources["source_id"], ds.sources["outlet"], strict=True))

st.title("Statements")
st.caption(
    f"{len(statements):,} of {len(ds.statements):,} statements match the filters "
    f"({int(statements['is_direct_quote'].sum()):,} direct quotes). Quotes are verbatim as printed; "
    "paraphrases are our own words. Search with the sidebar's text box."
)
if statements.empty:
    st.info("No statements match these filters.")
else:
    rows = paged(statements, "statements_page")
    first_source = [ids[0] if ids else "" for ids in rows["source_ids"]]
    table = rows.assign(
        said=[
            format_date_range(s, e, p)
            for s, e, p in zip(rows["said_start"], rows["said_end"], rows["said_precision"], strict=True)
        ],
        words=[q if q else p for q, p in zip(rows["quote"], rows["paraphrase"], strict=True)],
        kind=["quote" if direct else "paraphrase" for direct in rows["is_direct_quote"]],
        source=[outlets.get(s, s) for s in first_source],
        # Only http(s) addresses become links; anything else is left blank.
        link=[
            urls.get(s, "") if str(urls.get(s, "")).startswith(("http://", "https://")) else None for s in first_source
        ],
    )
    st.dataframe(
        table[
            [
                "speaker_name",
                "words",
                "kind",
                "said",
                "reported_date",
                "event_title",
                "issue_title",
                "position_label",
                "source",
                "link",
                "statement_id",
            ]
        ],
        hide_index=True,
        width="stretch",
        height=560,
        column_config={
            "speaker_name": "Speaker",
            "words": st.column_config.TextColumn("Words", width="large"),
            "kind": "Type",
            "said": "Said",
            "reported_date": st.column_config.DateColumn("Reported", format="YYYY-MM-DD"),
            "event_title": "Where / event",
            "issue_title": "Issue",
            "position_label": "Position",
            "source": "Source",
            "link": st.column_config.LinkColumn("Link", display_text="open"),
            "statement_id": "Id",
        },
    )
download_buttons(statements, ds, "statements")
