"""The Stances page: a click on a stance (the chart's selection) shows
its quote, speaker, date and source and goes into the URL; a link with
?stance= shows the same; the ledger follows "as known on"; an empty issues
table is handled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from harness.server import APP
from tests.data.csv_tools import copy_minimal, read_rows, set_cell, write_rows
from tests.views.apptest import run_app


def picked(stance_id: str) -> AppTest:
    """The page after a click on `stance_id` in the panels: Streamlit keeps the
    chart's selection in session_state under the chart's key."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("views/stances.py")
    at.session_state["stance_panels"] = {"selection": {"stance": [{"stance_id": stance_id}]}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_a_selected_stance_shows_its_quote_speaker_date_and_source_and_is_in_the_url():
    at = picked("tt_nato_2011_10")
    shown = texts(at)
    assert "gamble on expectations" in shown
    assert "James Appathurai, 25 Oct 2011" in shown
    assert "The Moscow Times: NATO Hopes to Link Russia to Missile Shield (25 Oct 2011)" in shown.replace("\\", "")
    assert at.query_params["stance"] == "tt_nato_2011_10"
    # the issue picker below follows the pick
    assert at.selectbox(key="stance_issue").value == "timetable"


def test_a_link_with_a_stance_restores_the_selection():
    at = run_app({"stance": "arch_russia_2010_11"}, page="stances")
    shown = texts(at)
    assert "Russia: Sectoral system" in shown
    assert "paraphrase, our words" in shown
    assert not any("Sources disagree" in w.value for w in at.warning)
    assert at.query_params["stance"] == "arch_russia_2010_11"


def test_a_stance_citing_a_disputed_statement_is_flagged():
    at = run_app({"stance": "threat_nato_2010_04"}, page="stances")
    assert any("Sources disagree: When the Prague signing was" in w.value for w in at.warning)


def test_without_a_selection_the_page_invites_a_click():
    at = run_app(page="stances")
    assert any("Click a point" in c.value for c in at.caption)
    assert "stance" not in at.query_params


def ledger(at: AppTest) -> pd.DataFrame:
    [frame] = [d.value for d in at.dataframe if "Commitment" in d.value.columns]
    return frame.set_index("Commitment")


def test_the_ledger_follows_as_known_on():
    chicago = "Missile defence deal with Russia by the Chicago summit"
    october = ledger(run_app({"asof": "2011-10-25"}, page="stances"))
    assert october.loc[chicago, "Status"] == "pending"
    june = ledger(run_app({"asof": "2012-06-01"}, page="stances"))
    assert june.loc[chicago, "Status"] == "missed"
    assert chicago not in ledger(run_app({"asof": "2011-03-01"}, page="stances")).index


def test_gap_table_marks_one_sided_and_unmeasured_issues():
    at = run_app(page="stances")
    [summary] = [d.value for d in at.dataframe if "Gap now" in d.value.columns]
    summary = summary.set_index("Issue")
    assert summary.loc["Threatened countermeasures", "Gap now"] == "—"
    assert summary.loc["Threatened countermeasures", "Trend"] == "no counterpart position"
    assert summary.loc["Timetable for a deal", "Trend"] == "not measured"
    assert any("counted once" in c.value for c in at.caption)


def empty_issues_dir(tmp_path: Path) -> Path:
    """The minimal dataset with no issues (and so nothing that points at one)."""
    directory = copy_minimal(tmp_path)
    for name in ("issues", "positions", "statements", "stances", "commitments", "commitment_status"):
        rows = read_rows(directory / f"{name}.csv")
        write_rows(directory / f"{name}.csv", rows[:1])
    for row in (2, 3):
        set_cell(directory, "events.csv", row, "issue_ids", "")
    set_cell(directory, "disagreements.csv", 3, "statement_ids", "")
    set_cell(directory, "story_steps.csv", 2, "statement_ids", "")
    return directory


def test_an_empty_issues_table_is_handled(tmp_path, monkeypatch):
    directory = empty_issues_dir(tmp_path)
    monkeypatch.setenv("DASHBOARD_DATA", str(directory))
    at = run_app(page="stances")
    assert any("no issues" in i.value for i in at.info)
    shutil.rmtree(directory)


def test_the_disagreements_page_shows_each_source_side_by_side():
    at = run_app(page="disagreements")
    assert [t.value for t in at.title] == ["Where the sources disagree"]
    topics = [s.value for s in at.subheader if s.value != "Share this view"]  # the Share box ends every page
    assert topics == ["When the Prague signing was"]
    shown = "\n".join(m.value for m in at.markdown)
    assert "**UPI**  \nboth" in shown
    assert "**UPI**  \n8 April 2010" in shown


def panel_grid_of(at: AppTest) -> tuple[int, int]:
    """(columns, panel width) of the stance panels' Vega-Lite spec."""
    [chart] = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    return spec["columns"], spec["spec"]["width"]


def test_the_panels_are_one_phone_column_until_the_browser_reports_a_wider_screen():
    at = run_app(page="stances")
    assert panel_grid_of(at) == (1, 320)  # fits a 390 px phone, and any wider screen
    for layout, grid in (("wide", (2, 430)), ("medium", (1, 520)), ("phone", (1, 320))):
        at.session_state["screen"] = {"layout": layout}
        at.run()
        assert panel_grid_of(at) == grid, layout
