"""Statements: every quote and paraphrase, searchable and filterable."""

import streamlit as st

from dashboard.model.selection import statement_counts, statement_rows
from dashboard.model.tables import statements_table
from dashboard.ui.components import PAGE_ROWS, table_with_downloads
from dashboard.ui.filtered_view import current_view

view = current_view()
ds = view.ds
count, direct = ds.memo(statement_counts, view.filters)

st.title("Statements")
st.caption(
    f"{count:,} of {ds.row_count('statements'):,} statements match the filters "
    f"({direct:,} direct quotes). Quotes are verbatim as printed; "
    "paraphrases are our own words. Search with the sidebar's text box."
)
if not count:
    st.info("No statements match these filters.")
else:
    table_with_downloads(
        count,
        view.statements,
        ds,
        "statements",
        lambda first: statements_table(ds.memo(statement_rows, view.filters, first, PAGE_ROWS), ds),
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
            "disputed": "Sources disagree on",
            "statement_id": "Id",
        },
    )
