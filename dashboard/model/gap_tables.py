"""The gap summary (`stance_gaps.gap_summary`) as the Story and Stances pages' tables show it: one function for
both, each page choosing its columns and headings."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.data.description import Description

DASH = "—"  # shown where there is no value: no position, no gap, never compared


# (column, heading) of each page's table, each side named by its adjective (dataset.toml): "<adjective> side". Besides
# the summary's columns, "gap_flagged" is the gap with " (stale)" after it when a side's position is stale.
def story_gap_columns(about: Description) -> dict[str, str]:
    side_a, side_b = about.sides
    return {
        "issue_title": "Issue",
        "side_a_position": f"{side_a.adjective} side",
        "side_b_position": f"{side_b.adjective} side",
        "gap": "Gap",
    }


def stances_gap_columns(about: Description) -> dict[str, str]:
    side_a, side_b = about.sides
    return {
        "issue_title": "Issue",
        "first_date": "First compared",
        "first_gap": "Gap then",
        "gap_flagged": "Gap now",
        "side_a_position": f"{side_a.adjective} side now",
        "side_b_position": f"{side_b.adjective} side now",
        "trend": "Trend",
    }


def _gap_text(gaps: pd.Series) -> list[str]:
    return [DASH if pd.isna(gap) else str(int(gap)) for gap in gaps]


def gap_cells(summary: pd.DataFrame, columns: Mapping[str, str]) -> pd.DataFrame:
    """`summary` (rows of `gap_summary`, its index kept) as text: the `columns` (column → heading) in their
    order, under their headings; dates as ISO days, gaps as whole numbers, DASH where there is no value."""
    cells = pd.DataFrame(
        {
            "issue_title": summary["issue_title"],
            "first_date": [DASH if pd.isna(day) else day.date().isoformat() for day in summary["first_date"]],
            "first_gap": _gap_text(summary["first_gap"]),
            "gap": _gap_text(summary["gap"]),
            "gap_flagged": [
                DASH if pd.isna(gap) else f"{int(gap)}{' (stale)' if stale else ''}"
                for gap, stale in zip(summary["gap"], summary["stale"], strict=True)
            ],
            "side_a_position": summary["side_a_position"].replace("", DASH),
            "side_b_position": summary["side_b_position"].replace("", DASH),
            "trend": summary["trend"],
        }
    )
    return cells[list(columns)].rename(columns=dict(columns))
