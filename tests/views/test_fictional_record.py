"""A second record, fictional (tests/fixtures/fictional: two invented countries share an invented river), opens
on every page with its own title, sides and colours: the dashboard is not tied to the dispute it was built for."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import DEFAULT_PAGE, PAGES
from dashboard.ui.text import md_escape
from harness.server import APP

FICTIONAL = Path(__file__).resolve().parents[1] / "fixtures" / "fictional"
TITLE = "Sable River water talks (fictional), 2031–2032"


def texts(at: AppTest) -> str:
    """Every text the page shows in its main area and sidebar (titles, markdown, captions, tables' headings)."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info") for e in at.get(kind)]
    parts += [" ".join(map(str, frame.value.columns)) for frame in at.dataframe]
    # Markdown escapes (md_escape) removed: the words as a reader sees them.
    return "\n".join(str(part) for part in parts).replace("\\", "")


@pytest.fixture(scope="module")
def pages() -> dict[str, AppTest]:
    """Each page of the fictional record, run once (a module's tests read them)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DASHBOARD_DATA", str(FICTIONAL))
        shown: dict[str, AppTest] = {}
        for spec in PAGES:
            at = AppTest.from_file(str(APP), default_timeout=60)
            if spec != DEFAULT_PAGE:
                at.switch_page(f"views/{spec.file}")
            at.run()
            assert not at.exception, (spec.url_path, [e.value for e in at.exception])
            shown[spec.url_path] = at
        return shown


def test_every_page_opens_with_the_records_own_title(pages):
    timeline = pages[DEFAULT_PAGE.url_path]
    assert [t.value for t in timeline.title] == [md_escape(TITLE)]  # shown as text
    assert "12 of 12 events match the filters" in texts(timeline)


def test_the_stances_name_the_records_sides(pages):
    shown = texts(pages["stances"])
    assert "Osterlandic side now" in shown and "Veyran side now" in shown
    [chart] = pages["stances"].get("vega_lite_chart")
    assert '"Osterland", "Veyra"' in chart.proto.spec.replace('","', '", "')  # the colour scale's sides
    assert '"#2a7f62", "#8e44ad"' in chart.proto.spec.replace('","', '", "')  # in the record's colours


def test_the_story_and_the_about_page_use_the_records_words(pages):
    assert [t.value for t in pages["story"].title] == [md_escape("How the (fictional) water talks went")]
    about = texts(pages["about"])
    assert "two invented countries, Osterland and Veyra" in about
    assert "Sides compared:** Osterland and Veyra" in about


def test_no_page_names_the_dispute_the_dashboard_was_built_for(pages):
    for path, at in pages.items():
        shown = texts(at)
        assert "NATO" not in shown and "Russia" not in shown, (
            path,
            [line for line in shown.splitlines() if "NATO" in line or "Russia" in line],
        )
