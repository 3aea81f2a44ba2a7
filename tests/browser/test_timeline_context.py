"""The timeline's compressed early context in Chromium: at most 15 % of the plot's width at 1,400 and 390 px,
and a box drawn over the main part sets From/To to the dates under the box (charts/timeline_break.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import open_app

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}

# Each x axis's drawn extent in px, from Plotly's full layout, and the plot's drag areas (the main part first).
_AXES = """
(plot) => {
  const full = plot._fullLayout;
  const part = axis => ({left: axis._offset, width: axis._length, range: axis.range});
  const areas = [...plot.querySelectorAll('.nsewdrag')].map(el => {
    const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height};
  });
  return {main: part(full.xaxis), strip: full.xaxis2 ? part(full.xaxis2) : null, plotLeft: full._size.l,
          plotWidth: full._size.w, areas};
}
"""


def visible_chart(page: Page):
    charts = page.locator("[data-testid=stMain] .js-plotly-plot")
    expect(charts.first).to_be_attached()
    return next(c for c in charts.all() if c.is_visible())


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1400px", "390px"])
def test_early_context_takes_at_most_15_percent_of_the_plot(sized_page, base_url: str, viewport, tmp_path):
    page = open_app(sized_page(viewport), base_url)
    chart = visible_chart(page)
    chart.scroll_into_view_if_needed()
    axes = chart.evaluate(_AXES)
    assert axes["strip"] is not None
    context_px = axes["main"]["left"] - axes["plotLeft"]  # the strip and the break, left of the main axis
    assert 0 < context_px <= 0.15 * axes["plotWidth"] + 0.5, axes
    assert axes["strip"]["range"][0][:4] == "2007" and axes["main"]["range"][0][:7] == "2009-08", axes
    chart.screenshot(path=tmp_path / f"timeline-{viewport['width']}.png")
