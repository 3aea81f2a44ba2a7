"""Streamlit pieces of the Stances page: the selected stance's
detail, the gap table, the graded changes and the commitments ledger."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st

from dashboard.charts.stances import PANEL_WIDTH
from dashboard.data.dataset import Dataset
from dashboard.model.about_text import in_words, shared_splits, tracking_titles
from dashboard.model.commitments import ledger
from dashboard.model.dates import format_date_range
from dashboard.model.gap_tables import gap_cells, stances_gap_columns
from dashboard.model.quoting import quote_or_paraphrase
from dashboard.model.stance_changes import position_changes
from dashboard.model.stance_detail import stance_detail
from dashboard.model.stance_gaps import gap_summary, split_totals
from dashboard.ui.components import disagreement_flags, source_lines
from dashboard.ui.selection import first_value
from dashboard.ui.text import md_escape

# (columns, panel width) of the stance panels per screen layout (ui/screen): the plot area is ≥ 900 px on a
# wide screen and ≥ 540 px on a medium one (see ui/timeline.LAYOUTS); the panels have no y axis, so the chart is
# their widths plus ~10 px of padding and 20 px between columns. Unknown or phone: one column of PANEL_WIDTH.
PANEL_GRIDS = {"wide": (2, 430), "medium": (1, 520)}


def panel_grid(layout: str | None) -> tuple[int, int]:
    return PANEL_GRIDS.get(layout or "", (1, PANEL_WIDTH))


def picked_id(event: Mapping | None, selection: str, field: str) -> str | None:
    """The `field` of the first point picked in the chart's named selection."""
    return first_value(event, selection, field)


def follow_pick(ds: Dataset, picked: str | None, issue_key: str) -> None:
    """After a new click on a stance, show its issue in the issue picker below
    (set before that widget is drawn; later picks by hand are kept)."""
    if picked and st.session_state.get("_stance_last_pick") != picked:
        st.session_state["_stance_last_pick"] = picked
        issue = ds.stances.loc[ds.stances["stance_id"] == picked, "issue_id"]
        if len(issue):
            st.session_state[issue_key] = issue.iloc[0]


def stance_detail_box(ds: Dataset, stance_id: str) -> None:
    """The selected stance: position, side, each cited statement's words,
    speaker and dates, disagreement flags, and the sources."""
    detail = stance_detail(ds, stance_id)
    if detail is None:
        return
    with st.container(border=True, key="stance_detail"):
        st.markdown(
            f"#### {md_escape(detail.side)}: {md_escape(detail.position_label)}\n"
            f"{md_escape(detail.actor_name)} · holds from {detail.as_of.date().isoformat()}"
            f" · on record from {detail.known_from.date().isoformat()}"
        )
        for statement in detail.evidence:
            said = format_date_range(statement["said_start"], statement["said_end"], statement["said_precision"])
            words = quote_or_paraphrase(statement["quote"], statement["paraphrase"], escape=md_escape)
            words = f"> {words}" if statement["quote"] else words
            kind = "" if statement["quote"] else " (paraphrase, our words)"
            st.markdown(f"{words}\n\n— {md_escape(statement['speaker'])}, {md_escape(said)}{kind}")
        disagreement_flags(ds, "statement_ids", [statement["statement_id"] for statement in detail.evidence])
        st.caption(md_escape(detail.basis))
        st.markdown(source_lines(ds, detail.source_ids))


def gap_table(ds: Dataset, day: date, wanted: list[str]) -> None:
    """Per issue: the first and current gap, the positions now and the trend;
    and the totals, counting each split once."""
    summary = gap_summary(ds, day)
    totals = split_totals(summary)
    once = "; ".join(f"{in_words(titles)} counted once" for titles in shared_splits(ds))
    untracked = f"{in_words(titles)} not measured" if (titles := tracking_titles(ds)) else ""
    why = "; ".join(part for part in (once, untracked) if part)
    st.caption(
        f"Splits{f' ({md_escape(why)})' if why else ''}: "
        f"{totals['narrowed']} narrowed, {totals['widened']} widened, {totals['unchanged']} unchanged, "
        f"{totals['not compared']} with no counterpart position."
    )
    shown = gap_cells(summary[summary["issue_id"].isin(wanted)], stances_gap_columns(ds.about))
    st.dataframe(shown, hide_index=True, width="stretch")


def changes_table(ds: Dataset, issue_id: str, day: date) -> None:
    changes = position_changes(ds, issue_id, day)
    if changes.empty:
        st.info("No change of position on this issue on record by then.")
        return
    st.dataframe(
        pd.DataFrame(
            {
                "Date": [d.date().isoformat() for d in changes["date"]],
                "Side": changes["side"],
                "From": changes["from_label"],
                "To": changes["to_label"],
                "Grade": changes["grade"],
                "Before": changes["words_before"],
                "After": changes["words_after"],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def commitments_ledger(ds: Dataset, day: date) -> None:
    rows = ledger(ds, day)
    if rows.empty:
        st.info("No commitment on record by then.")
        return
    st.dataframe(
        pd.DataFrame(
            {
                "Commitment": rows["title"],
                "Kind": rows["kind"],
                "Made by": rows["made_by"],
                "Due": rows["due"],
                "Status": rows["status"],
                "Since": [d.date().isoformat() for d in rows["status_since"]],
                "Why": rows["status_note"],
            }
        ),
        hide_index=True,
        width="stretch",
        key="commitments_ledger",
    )
