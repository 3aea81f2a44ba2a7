"""The pages as a reader meets them, through Streamlit's AppTest."""

import re
from datetime import date

import pytest

from dashboard.data.dataset import TABLE_FILES
from dashboard.ui.text import md_escape
from harness.server import BUNDLED_DATA
from tests.bundled import bundled_dataset
from tests.views.apptest import PAGE_PATHS as PAGES
from tests.views.apptest import copied_texts, run_app

DATA = bundled_dataset()
TITLES = {
    "timeline": md_escape("NATO–Russia missile defence talks, 2009–2012"),  # the record's title, shown as text
    "story": "The story of the talks",
    "stances": "Stances",
    "statements": "Statements",
    "actors": "Actors",
    "sources": "Sources",
    "disagreements": "Where the sources disagree",
    "map": "Map",
    "about": "About this dataset",
}


def shown_count(at, what="events") -> int:
    """N from the page's 'N of M <what> match the filters' caption."""
    for caption in at.caption:
        found = re.search(rf"(\d+) of (\d+) {what} match", caption.value)
        if found:
            return int(found.group(1))
    raise AssertionError(f"no '{what}' count caption in {[c.value for c in at.caption]}")


def url_values(at, key) -> list[str]:
    """A parameter's values after a run (AppTest gives one value as a str, several as a list)."""
    value = at.query_params.get(key, [])
    return value if isinstance(value, list) else [value]


def notice(at) -> str:
    return " ".join(w.value for w in at.warning)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = run_app(page=page)
    assert [t.value for t in at.title] == [TITLES[page]]


@pytest.mark.parametrize(
    ("query", "widget"),
    [
        ({"actor": "serdyukov"}, ("multiselect", "actor")),
        ({"affiliation": "United Kingdom"}, ("multiselect", "affiliation")),
        ({"issue": "deployment"}, ("multiselect", "issue")),
        ({"kind": "summit"}, ("multiselect", "kind")),
        ({"from": "2012-01-01"}, ("date_input", "from")),
        ({"to": "2010-06-30"}, ("date_input", "to")),
        ({"asof": "2011-02-01"}, ("date_input", "asof")),
        ({"q": "Lisbon"}, ("text_input", "q")),
    ],
)
def test_each_filter_from_the_link_narrows_the_timeline(query, widget):
    everything = shown_count(run_app())
    at = run_app(query)
    assert shown_count(at) < everything
    kind, key = widget
    value = getattr(at, kind)(key=key).value
    expected = query[key]
    if kind == "date_input":
        assert value == date.fromisoformat(expected)
    elif kind == "multiselect":
        assert value == [expected]
    else:
        assert value == expected
    assert not notice(at)


def test_changing_a_filter_changes_the_events_and_the_url():
    at = run_app()
    before = shown_count(at)
    at.multiselect(key="actor").set_value(["rogozin"]).run()
    assert shown_count(at) < before
    assert url_values(at, "actor") == ["rogozin"]
    at.multiselect(key="actor").set_value([]).run()
    assert shown_count(at) == before
    assert "actor" not in at.query_params


def test_statements_filters_and_search():
    at = run_app(page="statements")
    everything = shown_count(at, "statements")
    assert everything == len(DATA.statements)
    at.multiselect(key="actor").set_value(["serdyukov"]).run()
    serdyukov = shown_count(at, "statements")
    assert 0 < serdyukov == (DATA.statements["speaker_id"] == "serdyukov").sum()
    at.text_input(key="q").set_value("ICBMs").run()
    assert shown_count(at, "statements") == 1


def test_as_known_on_hides_later_events_and_shows_coming_ones_as_planned():
    at = run_app({"asof": "2011-06-30", "event": "chicago_summit"})
    # The Chicago summit was announced by then (first_public 2011-06-08) but still ahead.
    detail = " ".join(m.value for m in at.markdown)
    assert "Status:** planned" in detail
    later = run_app({"asof": "2011-06-30", "event": "medvedev_countermeasures"})
    assert any("not yet on record" in i.value for i in later.info)


def test_link_sets_page_controls():
    timeline = run_app({"event": "lisbon_nrc"})
    assert "NATO–Russia Council summit in Lisbon" in [s.value for s in timeline.subheader]
    stances = run_app({"stance_issue": "guarantees"}, page="stances")
    assert stances.selectbox(key="stance_issue").value == "guarantees"
    assert any("Whether Russia gets a guarantee" in m.value for m in stances.markdown)
    actors = run_app({"who": "rogozin"}, page="actors")
    assert "Dmitry Rogozin" in [s.value for s in actors.subheader]
    sources = run_app({"source": "rt_2011_02_22"}, page="sources")
    assert sources.selectbox(key="source").value == "rt_2011_02_22"


def test_bad_parameters_are_ignored_with_a_notice_and_the_rest_applies():
    at = run_app({"actor": ["rasmussen", "nobody"], "from": "2011-13-45", "foo": "bar", "event": "no_such_event"})
    text = notice(at)
    assert "ignored" in text
    for part in ("nobody", "2011\\-13\\-45", "foo", "no\\_such\\_event"):
        assert part in text, part
    # The valid part of the link still applies; the rest is gone from the URL.
    assert at.multiselect(key="actor").value == ["rasmussen"]
    assert set(at.query_params) == {"actor"}
    assert shown_count(at) < len(DATA.events)


def test_reversed_date_range_is_not_applied_and_said_so():
    at = run_app({"from": "2012-01-01", "to": "2010-01-01"})
    assert "is after to" in notice(at)
    assert shown_count(at) == len(DATA.events)


@pytest.mark.parametrize("page", PAGES)
def test_hostile_parameters_never_crash_a_page(page):
    run_app(
        {
            "q": "<script>alert(1)</script>" * 3,
            "actor": "'; DROP TABLE",
            "asof": "0000-00-00",
            "who": "../../etc/passwd",
            "lanes": "x" * 500,
        },
        page=page,
    )


def test_share_link_carries_the_view():
    at = run_app({"actor": "rasmussen", "issue": "architecture"})
    links = copied_texts(at.main)  # the Share box's link (and its embed snippet)
    assert any("actor=rasmussen" in link and "issue=architecture" in link for link in links), links


def test_invalid_data_directory_shows_the_validators_messages(tmp_path, monkeypatch):
    for file_name in TABLE_FILES.values():
        (tmp_path / file_name).write_text((BUNDLED_DATA / file_name).read_text())
    events = (tmp_path / "events.csv").read_text().replace("2010-11-19,2010-11-20", "2010-11-19,2010-11-02", 1)
    (tmp_path / "events.csv").write_text(events)
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    at = run_app()
    assert [t.value for t in at.title] == ["The dataset cannot be shown"]
    assert "events.csv:" in at.code[0].value and ":end_date:" in at.code[0].value


def test_switching_pages_keeps_filters_and_drops_the_other_pages_controls():
    at = run_app({"actor": "rasmussen", "event": "lisbon_nrc"})
    at.switch_page("views/stances.py").run()
    assert not at.exception
    assert url_values(at, "actor") == ["rasmussen"]
    assert at.multiselect(key="actor").value == ["rasmussen"]
    assert "event" not in at.query_params


def test_gap_summary_answers_per_issue_and_marks_missing_comparisons():
    at = run_app(page="stances")
    [summary] = [d.value for d in at.dataframe if "Gap now" in d.value.columns]
    summary = summary.set_index("Issue")
    assert summary.loc["System architecture", "Trend"] in ("narrowed", "widened", "unchanged")
    # Only Russia took positions on countermeasures: no gap, shown as a dash.
    assert summary.loc["Threatened countermeasures", "Gap now"] == "—"
    assert summary.loc["Threatened countermeasures", "Trend"] == "no counterpart position"


def test_quotes_in_event_detail_start_their_own_block_quote():
    # (Medvedev's "sectoral" at Lisbon is a paraphrase, not a quote of his.)
    at = run_app({"event": "nrc_defence_ministers_2011"})
    said = [m.value for m in at.markdown if m.value.startswith("**Anders Fogh Rasmussen**")]
    # A block quote only renders at the start of a line; inline, a stray ">" shows.
    assert said and said[0].split("\n\n")[1].startswith("> “")


def test_event_detail_flags_where_the_sources_disagree():
    at = run_app({"event": "new_start_signed"})
    assert any("Sources disagree: When the Prague signing was" in w.value for w in at.warning)
    statements = next(d.value for d in run_app(page="statements").dataframe if "disputed" in d.value.columns)
    disputed = statements.set_index("statement_id")["disputed"]
    assert disputed["upi_obama_dialog"] == "When the Prague signing was"
