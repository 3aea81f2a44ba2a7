"""The two st.html of the app: the timeline's CSS that shows the layout fitting the screen, and the screen
report's hidden marker."""

import re

import pytest

from dashboard.ui.timeline import LAYOUTS, _style, screen_marker


def test_style_is_only_media_queries_over_the_layout_containers():
    css = _style("timeline")
    assert css.startswith("<style>") and css.endswith("</style>") and css.count("<") == 2
    body = css.removeprefix("<style>").removesuffix("</style>")
    # Only display rules on the keyed layout containers, switched at the layouts' screen widths.
    assert set(re.findall(r"\.st-key-([a-z_]+)\{", body)) == {f"timeline_{name}" for name, _, _ in LAYOUTS}
    assert set(re.findall(r"display:(\w+)", body)) == {"none", "flex"}
    assert re.findall(r"max-width:(\d+)px", body) == [str(width - 1) for _, _, width in LAYOUTS[:-1]]


@pytest.mark.parametrize(
    ("known", "named"),
    [("wide", "wide"), ("phone", "phone"), (None, ""), ('"><script>alert(1)</script>', ""), ("Wide", "")],
)
def test_the_screen_marker_names_only_a_known_layout(known, named):
    assert screen_marker(known) == (
        f'<style>.st-key-screen_report{{display:none}}</style><span data-screen-layout="{named}"></span>'
    )
