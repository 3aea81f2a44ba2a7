"""Every page on the hostile dataset, in a real browser: nothing from the data
runs, nothing it carries becomes an element or a non-http link, its text is
shown literally and 5,000-character strings do not break the layout."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.helpers import open_app, opened_dialogs, unexpected_errors, wait_charts_drawn
from tests.hardening import hostile_data as h

pytestmark = pytest.mark.browser

LITERAL_SCRIPT = '<script>window.__pwned=1;alert("script")</script>'
LITERAL_MD_LINK = "[md js link](javascript:window.__pwned=1)"

# (path, a label for the test id, data text that must be visible literally or None
# where the page shows data only in tables and charts, which draw text on a canvas/SVG)
PAGES = [
    (f"?event={h.EVENT}", "timeline-event", "SUMMARY " + LITERAL_SCRIPT),
    (f"?event={h.LONG_EVENT}&lanes=actor", "timeline-long", h.LONG_WORD[:200]),
    (f"stances?stance_issue={h.ISSUE}", "stances", "ISSUE-DESC " + LITERAL_SCRIPT),
    ("stances?stance_issue=issue_long", "stances-long", h.LONG_WORD[:200]),
    ("statements", "statements", None),
    ("statements?q=QUOTE", "statements-search", None),
    (f"actors?who={h.ACTOR}", "actors", "ACTOR-DESC " + LITERAL_SCRIPT),
    (f"actors?who={h.LONG_ACTOR}", "actors-long", h.LONG_WORD[:200]),
    (f"sources?source={h.SOURCE}", "sources", "SOURCE-NOTE " + LITERAL_SCRIPT),
    ("sources?source=src_long", "sources-long", h.LONG_WORD[:200]),
    ("map", "map", None),
    ("about", "about", None),
]

# Looks at the whole document, Streamlit's chrome included: nothing may run or
# be created from the data anywhere.
_INSPECT = r"""() => {
  const abs = (a) => {
    const raw = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    try { return new URL(raw, location.href); } catch (e) { return {protocol: 'unparsable:', href: raw}; }
  };
  const anchors = [...document.querySelectorAll('a')]
    .filter(a => a.hasAttribute('href') || a.hasAttributeNS('http://www.w3.org/1999/xlink', 'href'));
  const outsideCharts = (el) => !el.closest('.js-plotly-plot');
  const main = document.querySelector('[data-testid=stMain]');
  return {
    pwned: typeof window.__pwned,
    pwnedElements: document.querySelectorAll('#pwned').length,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
    dataImages: [...document.querySelectorAll('img,image,iframe,embed,object')]
        .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data') || '')
        // (Plotly draws heatmaps as data:image/png images of its own.)
        .filter(s => /^(javascript:|data:(text|image\/svg))/i.test(s.trim()) || s.includes('evil')),
    badLinks: anchors.map(a => abs(a)).filter(u => !['http:', 'https:'].includes(u.protocol)).map(u => u.href),
    // Same-origin links are Streamlit's (pages, heading anchors); the only other
    // host allowed is the sources' (example.org): anything else came from text.
    dataLinks: anchors.filter(outsideCharts).map(a => abs(a))
        .filter(u => u.origin !== location.origin && u.hostname !== 'example.org').map(u => u.href),
    hiddenBody: getComputedStyle(document.body).display === 'none',
    exceptions: document.querySelectorAll('[data-testid=stException]').length,
    text: document.body.innerText,
    docOverflow: document.documentElement.scrollWidth - window.innerWidth,
    mainOverflow: main ? main.scrollWidth - main.clientWidth : 0,
  };
}"""


@pytest.mark.parametrize("path,label,literal", PAGES, ids=[label for _, label, _ in PAGES])
def test_hostile_data_is_shown_as_text_and_runs_nothing(page, hostile_url, path, label, literal):
    open_app(page, hostile_url + path)
    wait_charts_drawn(page)
    found = page.evaluate(_INSPECT)

    assert opened_dialogs(page) == [], f"a dialog opened: {opened_dialogs(page)}"
    assert found["pwned"] == "undefined", "script from the data ran"
    assert found["pwnedElements"] == 0, "an element from the data was created"
    assert found["handlers"] == 0, "an inline event handler is in the page"
    assert found["dataImages"] == [], found["dataImages"]
    assert found["badLinks"] == [], f"links other than http(s): {found['badLinks']}"
    assert found["dataLinks"] == [], f"data text became a link: {found['dataLinks']}"
    assert not found["hiddenBody"], "a <style> from the data applied"
    assert found["exceptions"] == 0
    assert "The dataset cannot be shown" not in found["text"]
    if literal is not None:
        assert literal in found["text"], f"{literal[:60]!r} is not shown literally"
        if label in ("timeline-event", "actors", "stances", "sources"):
            assert LITERAL_MD_LINK in found["text"]
    assert found["docOverflow"] <= 16, f"page is {found['docOverflow']} px wider than the window"
    assert found["mainOverflow"] <= 16, f"main area scrolls sideways by {found['mainOverflow']} px"
    assert unexpected_errors(page) == []


def hover_labels(page, read: str) -> list:
    """Hover every timeline marker; `read` (JS, given the label element) of each label shown."""
    points = page.locator(".js-plotly-plot .scatterlayer .point").filter(visible=True)  # the layout shown
    points.first.wait_for()
    found = []
    for index in range(points.count()):
        points.nth(index).hover(force=True)
        label = page.locator(".js-plotly-plot .hoverlayer .hovertext")
        try:
            label.first.wait_for(timeout=5_000)
        except PlaywrightTimeoutError:  # a point under another one: no label of its own
            continue
        found.append(label.first.evaluate(read))
    return found


def test_hovering_a_timeline_event_shows_its_title_as_text(page, hostile_url):
    open_app(page, hostile_url)
    hovered = hover_labels(
        page,
        (
            "el => ({text: el.textContent, anchors: el.querySelectorAll('a').length,"
            " bold: [...el.querySelectorAll('tspan')].filter(t => /bold/.test(t.getAttribute('style') || ''))"
            ".map(t => t.textContent)})"
        ),
    )
    hostile = [label for label in hovered if "EVENT-TITLE" in label["text"]]
    assert hostile, f"the hostile event's hover label never showed: {hovered}"
    for label in hostile:
        assert "<b>bold</b>" in label["text"] and "<a href=" in label["text"] and "<script>" in label["text"]
        assert label["anchors"] == 0
        # Only the app's own bold title line, which is the whole escaped title.
        assert all(text.startswith("EVENT-TITLE") for text in label["bold"])
    assert opened_dialogs(page) == []
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_timeline_hover_shows_quote_marks_as_typed(page, hostile_url):
    open_app(page, hostile_url + f"?event={h.EVENT}")
    texts = hover_labels(page, "el => el.textContent")
    hostile = [text for text in texts if "EVENT-TITLE" in text]
    assert hostile
    assert all('<a href="https://evil.example/plotly">' in text and "&quot;" not in text for text in hostile)
