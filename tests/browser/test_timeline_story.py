"""The timeline and story in the browser: chart labels that never overlap (desktop and phone), the date window in
the link, the Story's steps, event links in the detail, and the one layout that fits the screen. (No sideways
scrolling on a phone: test_layout_fit; axe-core on every page: test_pages.)"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import open_app, rerun

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}

# The visible Plotly chart's text boxes: every annotation (lane names, phase
# titles, event labels; `label` says which are event labels, from the layout),
# axis tick labels, legend texts, and the drawn markers.
_CHART_BOXES = """
(plot) => {
  const box = el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const notes = plot.layout.annotations || [];
  const texts = [...plot.querySelectorAll('g.annotation')].map(g => {
    const note = notes[Number(g.getAttribute('data-index'))] || {};
    const text = g.querySelector('text');
    return {...box(text), label: note.name === 'event label', arrow: !!note.showarrow, text: text.textContent};
  }).filter(t => !t.arrow && t.w > 0);
  const ticks = [...plot.querySelectorAll('.xtick text, .legendtext')].map(t => ({...box(t), text: t.textContent}));
  const points = [...plot.querySelectorAll('.scatterlayer .point')].map(box).filter(p => p.w > 0);
  // Every subplot's drag area (the early context's strip and the main part): their union is the plot.
  const areas = [...plot.querySelectorAll('.nsewdrag')].map(box);
  const left = Math.min(...areas.map(a => a.x)), right = Math.max(...areas.map(a => a.x + a.w));
  const plotArea = {...areas[0], x: left, w: right - left};
  return {texts, ticks, points, plotArea, range: plot.layout.xaxis.range};
}
"""


def visible_chart(page: Page):
    """The timeline layout the screen shows (the others are hidden by CSS)."""
    charts = page.locator("[data-testid=stMain] .js-plotly-plot")
    expect(charts.first).to_be_attached()
    return next(c for c in charts.all() if c.is_visible())


def overlapping(boxes: list[dict], others: list[dict] | None = None) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap by more than a pixel each way."""
    pairs = []
    second = boxes if others is None else others
    for i, a in enumerate(boxes):
        for j, b in enumerate(second):
            if others is None and j <= i:
                continue
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 1 and dy > 1:
                pairs.append((a.get("text", "marker"), b.get("text", "marker")))
    return pairs


@pytest.mark.parametrize(("viewport", "at_least"), [(DESKTOP, 15), (PHONE, 8)], ids=["1400px", "390px"])
def test_chart_labels_never_overlap(sized_page, base_url: str, viewport, at_least):
    page = open_app(sized_page(viewport), base_url)
    chart = visible_chart(page)
    chart.scroll_into_view_if_needed()
    found = chart.evaluate(_CHART_BOXES)
    labels = [t for t in found["texts"] if t["label"]]
    print(f"\n{viewport['width']} px: {len(labels)} of 30 events labelled")
    assert len(labels) >= at_least
    assert overlapping(found["texts"] + found["ticks"]) == []
    assert overlapping(labels, found["points"]) == []  # no label covers a marker
    area = found["plotArea"]
    assert all(area["x"] - 1 <= t["x"] and t["x"] + t["w"] <= area["x"] + area["w"] + 1 for t in labels)


def test_a_box_on_the_chart_sets_the_window_and_its_link_restores_it(sized_page, base_url: str):
    page = open_app(sized_page(DESKTOP), base_url)
    chart = visible_chart(page)
    chart.scroll_into_view_if_needed()
    area = chart.evaluate(_CHART_BOXES)["plotArea"]
    y = area["y"] + area["h"] * 0.5
    page.mouse.move(area["x"] + area["w"] * 0.3, y)  # the toolbar shows on hover
    chart.locator(".modebar-btn[data-title='Box Select']").click()
    with rerun(page):
        page.mouse.move(area["x"] + area["w"] * 0.55, y)
        page.mouse.down()
        page.mouse.move(area["x"] + area["w"] * 0.7, y, steps=8)
        page.mouse.move(area["x"] + area["w"] * 0.8, y, steps=8)
        page.mouse.up()
    query = parse_qs(urlsplit(page.url).query)
    assert set(query) >= {"from", "to"}, page.url
    start, end = query["from"][0], query["to"][0]
    assert "2010" <= start < end <= "2012-12-31"
    with rerun(page):
        page.get_by_text("Show links between events").click()
    assert parse_qs(urlsplit(page.url).query).get("links") == ["true"]

    fresh = open_app(sized_page(DESKTOP), page.url)  # a new session, as a shared link opens
    chart = visible_chart(fresh)
    shown = chart.evaluate(_CHART_BOXES)["range"]
    assert shown[0].startswith(start) and shown[1][:10] > end
    expect(fresh.get_by_role("switch", name="Show links between events")).to_be_checked()
    arrows = chart.evaluate("p => (p.layout.annotations || []).filter(a => a.showarrow).length")
    assert arrows >= 1  # links between events in the window are drawn


def step_heading(page: Page):
    return page.locator("[data-testid=stMain] h2").filter(has_text="Step ")


def test_story_step_links_and_previous_next(sized_page, base_url: str):
    page = open_app(sized_page(DESKTOP), base_url + "story?step=3")
    expect(step_heading(page)).to_contain_text("Step 3 of 11: New START and quiet talks")
    with rerun(page):
        page.get_by_role("button", name="Next →").click()
    expect(step_heading(page)).to_contain_text("Step 4 of 11")
    assert parse_qs(urlsplit(page.url).query)["step"] == ["4"]
    with rerun(page):
        page.get_by_role("button", name="← Previous").click()
    expect(step_heading(page)).to_contain_text("Step 3 of 11")
    assert parse_qs(urlsplit(page.url).query)["step"] == ["3"]
    # The step's event is ringed on the visible timeline.
    ring = visible_chart(page).evaluate('p => p.data.filter(t => t.name === "this step\'s event").length')
    assert ring == 1


def test_event_detail_links_open_the_linked_event(sized_page, base_url: str):
    page = open_app(sized_page(DESKTOP), base_url + "?event=duma_ratifies_new_start")
    expect(page.get_by_text("Linked events")).to_be_visible()
    link = page.get_by_role("button", name="Led to: Federation Council gives final approval to New START")
    expect(link).to_be_visible()
    with rerun(page):
        link.click()
    assert parse_qs(urlsplit(page.url).query)["event"] == ["federation_council_new_start"]
    expect(page.locator("[data-testid=stMain] h3").filter(has_text="Federation Council gives final")).to_be_visible()


def test_the_browser_reports_its_width_and_is_sent_the_one_layout_that_fits(sized_page, base_url: str):
    page = open_app(sized_page(PHONE), base_url)
    charts = page.locator("[data-testid=stMain] .js-plotly-plot")
    expect(charts).to_have_count(1)
    expect(page.locator(".st-key-timeline_phone .js-plotly-plot")).to_be_visible()
    with rerun(page):  # crossing a threshold is reported once, and the chart is rebuilt for the new width
        page.set_viewport_size(DESKTOP)
    expect(charts).to_have_count(1)
    expect(page.locator(".st-key-timeline_wide .js-plotly-plot")).to_be_visible()
    assert len(found_labels := [t for t in visible_chart(page).evaluate(_CHART_BOXES)["texts"] if t["label"]]) >= 15, (
        found_labels
    )
