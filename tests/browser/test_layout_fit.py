"""Charts that fit: no two texts of one chart overlap, on every page at 390 px (a phone) and on the Actors and Map
pages at 1,400 px as well; on a phone no page scrolls sideways; the map's view fits its venues, with the whole
world one control away."""

from __future__ import annotations

import math
import re

import pytest
from playwright.sync_api import Page, expect

from dashboard.pages import PAGES, address
from tests.browser.helpers import open_app, rerun

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}
CASES = [(spec, PHONE) for spec in PAGES] + [(spec, DESKTOP) for spec in PAGES if spec.url_path in {"actors", "map"}]

# Two texts may share 1 px (rounding of boxes that touch), as in the timeline's own label test. A text's box is
# its font's whole line (ascent to descent, about 1.3 times the font size), so more than that means texts set
# closer than their own line spacing: before this check, the Actors chart's column numbers at 390 px (9 px type
# turned on end, 12 px line boxes in 10.5 px columns) overlapped by 1.6 px and read as one run of digits.
TOLERANCE_PX = 1.0

# Every drawn chart of the main area: Plotly figures and Vega-Lite (Altair) charts, which Streamlit renders as SVG.
CHARTS = "[data-testid=stMain] .js-plotly-plot, [data-testid=stMain] [data-testid=stVegaLiteChart]"

# The texts a chart shows (not hover labels), each line on its own (a blank line of a multi-line text takes no
# room on the screen): its four corners on the screen, so rotated tick labels are compared as drawn rather than by
# their upright boxes; `owner` numbers the text a line belongs to.
_TEXT_CORNERS = """
(chart) => [...chart.querySelectorAll('svg text')]
  .filter(el => !el.closest('.hoverlayer') && el.textContent.trim() !== ''
          && el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
  .flatMap((el, owner) => {
    const lines = [...el.children].filter(child => child.tagName === 'tspan');
    return (lines.length > 1 ? lines : [el]).filter(line => line.textContent.trim() !== '').map(line => {
      const b = line.getBBox(), m = el.getScreenCTM();
      const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
        .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
      return {text: line.textContent.trim(), owner, corners, area: b.width * b.height};
    });
  })
  .filter(t => t.area > 0)
"""

# Every chart on the page has drawn: Plotly its SVG, Vega its SVG and texts.
_CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stPlotlyChart]')]
    .every(c => !!c.querySelector('.js-plotly-plot .main-svg'))
  && [...document.querySelectorAll('[data-testid=stMain] [data-testid=stVegaLiteChart]')]
    .every(c => !!c.querySelector('svg text'))"""


def overlap_depth(a: list[list[float]], b: list[list[float]]) -> float:
    """How far two convex quadrilaterals overlap: the least depth along any edge's normal (the separating axis
    test), in px; 0 or less when they do not."""
    depth = math.inf
    for polygon in (a, b):
        for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            length = math.hypot(x2 - x1, y2 - y1)
            if length == 0:
                continue
            normal = ((y2 - y1) / length, (x1 - x2) / length)
            spans = [[x * normal[0] + y * normal[1] for x, y in quad] for quad in (a, b)]
            depth = min(depth, min(max(spans[0]), max(spans[1])) - max(min(spans[0]), min(spans[1])))
    return depth


def overlapping_texts(texts: list[dict]) -> list[tuple[str, str, float]]:
    """Pairs of texts overlapping by more than TOLERANCE_PX, with the depth."""
    return [
        (a["text"], b["text"], round(depth, 1))
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        if a["owner"] != b["owner"] and (depth := overlap_depth(a["corners"], b["corners"])) > TOLERANCE_PX
    ]


def chart_texts(page: Page) -> list[list[dict]]:
    """The texts of each visible chart of the page, once every chart has drawn."""
    page.wait_for_function(_CHARTS_DRAWN)
    return [chart.evaluate(_TEXT_CORNERS) for chart in page.locator(CHARTS).all() if chart.is_visible()]


def test_overlap_depth_measures_axis_aligned_and_rotated_boxes():
    square = [[0, 0], [10, 0], [10, 10], [0, 10]]
    assert overlap_depth(square, [[7, 7], [17, 7], [17, 17], [7, 17]]) == pytest.approx(3)
    assert overlap_depth(square, [[11, 0], [21, 0], [21, 10], [11, 10]]) < 0
    # a diamond whose upright box covers the square's corner by 4 px each way, while its edge only touches it
    diamond = [[14, 6], [22, 14], [14, 22], [6, 14]]
    assert overlap_depth(square, diamond) == pytest.approx(0, abs=1e-9)


# The document, the main area and every chart end within the window.
_WIDTHS = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const charts = [...document.querySelectorAll('.js-plotly-plot, [data-testid=stVegaLiteChart]')]
    .map(c => c.getBoundingClientRect()).filter(r => r.width > 0).map(r => r.right);
  return {doc: document.documentElement.scrollWidth, main: main.scrollWidth, view: window.innerWidth, charts};
}"""


def assert_no_sideways_scroll(page: Page) -> None:
    widths = page.evaluate(_WIDTHS)
    assert widths["doc"] <= widths["view"] and widths["main"] <= widths["view"], widths
    assert all(right <= widths["view"] + 0.5 for right in widths["charts"]), widths


@pytest.mark.parametrize(
    ("spec", "viewport"), CASES, ids=[f"{spec.url_path}-{viewport['width']}px" for spec, viewport in CASES]
)
def test_no_chart_text_overlaps_another(page: Page, base_url: str, spec, viewport):
    page.set_viewport_size(viewport)
    open_app(page, base_url + address(spec))
    if viewport == PHONE:  # on the same load (~2.5 s of Chromium CPU here): nothing wider than the screen
        assert_no_sideways_scroll(page)
    charts = chart_texts(page)
    if spec.url_path in {"actors", "timeline"}:
        assert charts and all(charts), "the page's chart drew no text"
    found = {index: pairs for index, texts in enumerate(charts) if (pairs := overlapping_texts(texts))}
    assert found == {}, f"overlapping texts (chart index: [(text, text, px)]) on {spec.url_path}: {found}"


def test_the_map_fits_its_venues_and_shows_the_whole_world_on_request(page: Page, base_url: str):
    page.set_viewport_size(PHONE)
    open_app(page, base_url + "map")
    chart = page.locator("[data-testid=stMain] .js-plotly-plot")
    fitted = chart.evaluate("el => el.layout.geo")
    assert fitted["projection"]["type"] == "mercator"
    # Chicago (87.6° W) to Moscow (37.6° E), with a tenth of the 125° span as margin on each side: ~100.2° W.
    assert -105 < fitted["lonaxis"]["range"][0] < -87.6 and 37.9 < fitted["lonaxis"]["range"][1] < 52
    # the whole map fits the 390 px screen, every bubble inside it
    box = chart.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    with rerun(page):
        page.get_by_text("The whole world", exact=True).click()
    world = chart.evaluate("el => el.layout.geo")
    assert world["projection"]["type"] == "natural earth" and "range" not in world.get("lonaxis", {})
    expect(page.locator("[data-testid=stMain] [data-testid=stPlotlyChart]")).to_have_attribute(
        "aria-label", re.compile("on the whole world")
    )
