"""Which layout a first run builds for, before the browser has reported its width (ui/screen)."""

import pytest

from dashboard.ui.screen import SCREEN_LAYOUTS, assumed_layout
from dashboard.ui.timeline import LAYOUTS

DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.5 Mobile/15E148 Safari/604.1"
)
ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36"
)


@pytest.mark.parametrize(
    ("headers", "layout"),
    [
        ({"User-Agent": DESKTOP}, "wide"),
        ({"user-agent": IPHONE}, "phone"),
        ({"User-Agent": ANDROID}, "phone"),
        # Chromium's client hint wins over the User-Agent (a desktop Chrome emulating a phone says ?1)
        ({"User-Agent": DESKTOP, "Sec-CH-UA-Mobile": "?1"}, "phone"),
        ({"User-Agent": ANDROID, "sec-ch-ua-mobile": "?0"}, "wide"),
        ({"User-Agent": DESKTOP, "Sec-CH-UA-Mobile": "junk"}, "wide"),
        # no User-Agent (AppTest, a script): nothing assumed, so every layout is sent
        ({}, None),
        ({"Sec-CH-UA-Mobile": "?1"}, None),
    ],
)
def test_a_first_run_assumes_the_widest_layout_for_a_desktop_and_the_narrowest_for_a_phone(headers, layout):
    assert assumed_layout(headers, SCREEN_LAYOUTS) == layout


def test_the_timeline_has_a_label_layout_for_each_screen_layout_in_the_same_order():
    assert [(name, width) for name, _, width in LAYOUTS] == list(SCREEN_LAYOUTS)
    assert [width for _, width in SCREEN_LAYOUTS] == sorted((width for _, width in SCREEN_LAYOUTS), reverse=True)
