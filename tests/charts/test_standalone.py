"""The standalone copy of a view (dashboard/charts/standalone.py): what the file holds, that data text stays text,
when it is refused, and its size. tests/browser/test_standalone.py opens it in Chromium with the network off."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from html import escape
from pathlib import Path

import pytest

import dashboard.model.standalone_view as standalone_view
from bench.generate import write_dataset
from dashboard.charts.standalone import (
    MAX_STANDALONE_EVENTS,
    standalone_file_name,
    standalone_html,
    standalone_refusal,
)
from dashboard.charts.standalone_scripts import escape_json, plotly_script, vega_script
from dashboard.data.load import load_dataset
from dashboard.data.version import data_version
from dashboard.model.filters import Filters, filter_events, filter_statements
from dashboard.model.standalone_view import filters_in_words, slug
from tests.bundled import bundled_dataset
from tests.hardening import hostile_data as h

DATA = bundled_dataset()
MADE_AT = datetime.datetime(2026, 12, 3, 7, 50, tzinfo=datetime.UTC)
LIVE = "http://localhost:8501/?issue=guarantees"
MB = 1_000_000


def build(ds=DATA, filters: Filters | None = None, live_url: str = LIVE, made_at=MADE_AT) -> str:
    return standalone_html(ds, filters or Filters(), live_url=live_url, made_at=made_at)


def section(page: str, element_id: str) -> str:
    """The HTML of one table (by its id), to look for rows in it alone."""
    start = page.index(f'<table id="{element_id}">')
    return page[start : page.index("</table>", start)]


def body_rows(table: str) -> int:
    return table.count("<tr>") - 1  # less the heading row


def script_blocks(page: str) -> dict[str, str]:
    """The contents of the page's script blocks that have ids (data and packed libraries)."""
    return {m[1]: m[2] for m in re.finditer(r'<script type="[^"]+" id="([^"]+)">(.*?)</script>', page, re.S)}


def strings(value: object) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in strings(item)]


@pytest.fixture(scope="module")
def whole() -> str:
    return build()


@pytest.fixture(scope="module")
def hostile() -> str:
    return build(load_dataset(h.HOSTILE_DIR))


def test_copy_holds_the_title_filters_live_link_made_time_and_data_version(whole):
    page = build(filters=Filters(issues=("guarantees",), start=datetime.date(2010, 1, 1)))
    assert '<html lang="en">' in page and "<title>NATO–Russia missile defence talks, 2009–2012: a standalone" in page
    assert "<h1>NATO–Russia missile defence talks, 2009–2012</h1>" in page
    assert "<li>Issues: Guarantees against Russia&#x27;s forces</li>" in page
    assert "<li>Dates: from 1 Jan 2010 to the end of the record</li>" in page
    assert f'<a href="{escape(LIVE)}">{escape(LIVE)}</a>' in page
    assert '<time datetime="2026-12-03T07:50:00+00:00">3 Dec 2026, 07:50 UTC</time>' in page
    assert f"<code>{data_version(DATA)}</code>" in page
    assert "<li>No filters: every event and statement of the record.</li>" in whole


def test_one_issue_keeps_only_its_events_and_statements(whole):
    filters = Filters(issues=("guarantees",))
    page = build(filters=filters)
    events, statements = filter_events(DATA, filters), filter_statements(DATA, filters)
    assert 0 < len(events) < len(DATA.events) and 0 < len(statements) < len(DATA.statements)
    table = section(page, "events-table")
    assert body_rows(table) == len(events)
    assert all(f">{escape(title)}<" in table for title in events["title"])
    others = DATA.events.loc[~DATA.events["event_id"].isin(events["event_id"]), "title"]
    assert not [title for title in others if f">{escape(title)}<" in table]
    said = section(page, "statements-table")
    assert body_rows(said) == len(statements)
    assert all(escape(quote) in said for quote in statements["quote"] if quote)
    left_out = set(DATA.statements["quote"]) - set(statements["quote"]) - {""}
    assert not [quote for quote in left_out if escape(quote) in said]
    figure = json.loads(script_blocks(page)["timeline-figure"])
    drawn = {i for trace in figure["data"] for i in (trace.get("customdata") or []) if isinstance(i, str)}
    assert drawn == set(events["event_id"])
    assert body_rows(section(whole, "events-table")) == len(DATA.events)
    assert body_rows(section(whole, "statements-table")) == len(DATA.statements)


def test_quotes_are_verbatim_with_speakers_and_dates(whole):
    table = section(whole, "statements-table")
    quoted = DATA.statements[DATA.statements["quote"] != ""].iloc[0]
    speaker = DATA.actors.set_index("actor_id").loc[quoted["speaker_id"], "name"]
    row = next(row for row in table.split("<tr>") if escape(quoted["quote"]) in row)
    assert f">{escape(speaker)}<" in row and re.search(r"<td>\d{1,2} \w{3} \d{4}</td>|<td>\w+ \d{4}</td>", row)


def test_every_cited_source_is_listed_once_with_its_link(whole):
    cited = {s for ids in [*DATA.events["source_ids"], *DATA.statements["source_ids"]] for s in ids}
    listed = re.findall(r'<li id="source-(\d+)" value="\d+">(.*?)</li>', whole)
    assert len(listed) >= len(cited)
    for source in DATA.sources[DATA.sources["source_id"].isin(cited)].itertuples():
        entry = next(text for _, text in listed if escape(source.outlet) in text and escape(source.title) in text)
        if source.url:
            assert f'<a href="{escape(source.url)}">' in entry
    assert re.search(r'<a href="#source-1" aria-label="source 1">\[1\]</a>', whole)


def test_hostile_text_is_escaped_and_json_blocks_cannot_close(hostile):
    for raw in (h.SCRIPT, h.IMG, h.SVG, h.RAW_A, h.IFRAME, h.STYLE, h.PLOTLY):
        assert raw not in hostile
    assert escape(h.SCRIPT) in hostile and escape(h.IMG) in hostile
    assert hostile.count("<script") == hostile.count("</script>") == 5  # 2 data, 2 libraries, the loader
    blocks = script_blocks(hostile)
    for name in ("timeline-figure", "stances-spec"):
        assert not re.search(r"[<>&\u2028\u2029]", blocks[name]), name
    spec = json.loads(blocks["stances-spec"])
    assert any(h.SCRIPT in value for value in strings(spec))  # the data as it is, for Vega to draw as text
    assert escape(h.NASTY_URL) in hostile and f'href="{h.NASTY_URL}"' not in hostile


def test_escape_json_leaves_the_value_unchanged():
    value = {"a": "</script><!--<script>&\u2028\u2029", "b": ["<b>", 1.5, None]}
    text = escape_json(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value and not re.search(r"[<>&\u2028\u2029]", text)


def test_javascript_links_are_shown_as_text():
    sources = DATA.sources.copy()
    sources.loc[0, "url"] = "javascript:alert(1)"
    sources.loc[1, "url"] = "data:text/html,<b>x</b>"
    page = build(dataclasses.replace(DATA, sources=sources), live_url="javascript:alert(2)")
    assert "javascript:" not in " ".join(re.findall(r'href="([^"]*)"', page))
    assert "data:" not in " ".join(re.findall(r'href="([^"]*)"', page))
    assert "javascript:alert(2)</p>" in page and "data:text/html,&lt;b&gt;x&lt;/b&gt;</li>" in page


def test_refused_above_the_limit_with_the_count(monkeypatch):
    assert MAX_STANDALONE_EVENTS == standalone_view.MAX_STANDALONE_EVENTS >= 10_000
    assert standalone_refusal(DATA, Filters()) is None
    monkeypatch.setattr(standalone_view, "MAX_STANDALONE_EVENTS", 20)
    refusal = standalone_refusal(DATA, Filters())
    assert refusal is not None and f"{len(DATA.events)} events" in refusal and "at most 20" in refusal
    assert "date window" in refusal and "issues" in refusal
    with pytest.raises(ValueError, match="at most 20"):
        build()
    assert standalone_refusal(DATA, Filters(issues=("guarantees",))) is None


def test_same_view_same_bytes_apart_from_the_made_time(whole):
    assert build() == whole
    later = build(made_at=MADE_AT + datetime.timedelta(hours=1))
    assert later.replace("08:50", "07:50").replace("T08:", "T07:") == whole


def test_filters_in_words_and_file_name():
    filters = Filters(
        actors=("rasmussen",), kinds=("summit",), end=datetime.date(2011, 6, 30), as_known_on=datetime.date(2011, 6, 30)
    )
    assert filters_in_words(DATA, filters) == [
        "Actors: Anders Fogh Rasmussen",
        "Event kinds (events only): summit",
        "Dates: from the start of the record to 30 Jun 2011",
        "As known on 30 Jun 2011",
    ]
    assert filters_in_words(DATA, Filters(text=" <b>shield</b> ")) == ["Search: “<b>shield</b>”"]
    name = standalone_file_name(DATA, Filters(), datetime.date(2026, 12, 3))
    assert name == "nato-russia-missile-defence-talks-2009-2012-view-2026-12-03.html"
    assert slug(h.SCRIPT) == "script-window-pwned-1-alert-script-script" and slug("Сибирь") == "record"


def test_sizes_bundled_1000_and_10000_events(whole, tmp_path: Path):
    """The bundled view is ≤ 5 MB; the benchmark's synthetic data (bench/generate.py: ~2 statements per event)
    at 1,000 and at 10,000 events (MAX_STANDALONE_EVENTS) stay ≤ 20 MB. Sizes are printed (docs/sharing.md)."""
    plotly, vega = plotly_script(), vega_script()
    print(f"\nplotly.min.js {plotly.code_bytes:,} B, packed {len(plotly.packed):,} B")
    print(f"vega bundle {vega.code_bytes:,} B, packed {len(vega.packed):,} B")
    print(f"bundled view ({len(DATA.events)} events): {len(whole.encode()):,} B")
    assert len(whole.encode()) <= 5 * MB
    for count in (1_000, MAX_STANDALONE_EVENTS):
        ds = load_dataset(write_dataset(tmp_path / str(count), count))
        page = build(ds)
        print(f"{count:,} events, {len(ds.statements):,} statements: {len(page.encode()):,} B")
        assert body_rows(section(page, "events-table")) == count and len(page.encode()) <= 20 * MB
