"""The gap summary as the Story and Stances pages' tables show it (dashboard/model/gap_tables.py), bundled data."""

from datetime import date

from dashboard.model.gap_tables import DASH, gap_cells, stances_gap_columns, story_gap_columns
from dashboard.model.stance_gaps import gap_summary
from tests.bundled import bundled_dataset

DATA = bundled_dataset()
# The headings name the sides as the bundled record's dataset.toml does ("Russian" is its adjective).
STORY_GAP_COLUMNS = story_gap_columns(DATA.about)
STANCES_GAP_COLUMNS = stances_gap_columns(DATA.about)


def test_the_story_table_has_its_four_columns_with_dashes_where_there_is_no_value():
    table = gap_cells(gap_summary(DATA, date(2011, 6, 8)), STORY_GAP_COLUMNS).set_index("Issue")
    assert list(table.columns) == ["NATO side", "Russian side", "Gap"]
    assert table.loc["Guarantees against Russia's forces"].tolist() == [
        "Cooperation and transparency instead of guarantees",
        "Guarantees required",
        "2",
    ]
    assert table.loc["Deployment near Russia's borders", "NATO side"] == DASH
    assert table.loc["Timetable for a deal", "Gap"] == DASH  # not measured


def test_the_stances_table_dates_the_first_gap_and_flags_a_stale_one():
    table = gap_cells(gap_summary(DATA, None), STANCES_GAP_COLUMNS).set_index("Issue")
    assert list(table.columns) == list(STANCES_GAP_COLUMNS.values())[1:]
    assert table.loc["Guarantees against Russia's forces"].tolist() == [
        "2011-06-08",
        "2",
        "1",
        "Political assurances",
        "Guarantees required",
        "narrowed",
    ]
    assert table.loc["Deployment near Russia's borders", "Gap now"] == "1 (stale)"
    countermeasures = table.loc["Threatened countermeasures"]
    assert countermeasures[["First compared", "Gap then", "Gap now", "NATO side now"]].tolist() == [DASH] * 4


def test_the_rows_kept_keep_their_index_and_order():
    summary = gap_summary(DATA, None)
    kept = summary[summary["issue_id"].isin(["threat", "architecture"])]
    table = gap_cells(kept, STANCES_GAP_COLUMNS)
    assert list(table.index) == list(kept.index)
    assert list(table["Issue"]) == ["System architecture", "Threat assessment (Iran)"]
    assert gap_cells(summary.iloc[:0], STORY_GAP_COLUMNS).empty
