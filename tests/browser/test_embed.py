"""Two views embedded in another site's page, as the Share box's snippet embeds them: a plain HTML page served on
loopback (its own origin) frames the app twice with different filters. Each frame shows its own filters' events,
no sidebar, an "Open full view" link to the same view, and axe-core finds nothing serious in either frame."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Frame, Page, expect

from dashboard.model.embed import embed_snippet, frame_title
from dashboard.model.filters import Filters, filter_events
from dashboard.model.url_params import share_link
from tests.browser.helpers import CAPTION_COUNT, SCREEN_KNOWN, TIMEOUT_MS, axe_findings, unexpected_errors, wait_idle
from tests.bundled import bundled_dataset

pytestmark = pytest.mark.browser

# Two views of the timeline, each with the filters its frame must show.
VIEWS = {
    "deployment": ([("issue", "deployment")], Filters(issues=("deployment",))),
    "rasmussen": (
        [("actor", "rasmussen"), ("from", "2011-01-01")],
        Filters(actors=("rasmussen",), start=date(2011, 1, 1)),
    ),
}
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>A newsroom page that embeds two views</title></head>
<body><main><h1>Missile defence talks, two ways</h1>
<p>The deployment issue:</p>
{deployment}
<p>Rasmussen since 2011:</p>
{rasmussen}
</main></body></html>
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass


@pytest.fixture
def host_site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served on 127.0.0.1 (another origin than the app's), and its address; stopped after the test."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, name="host-site", daemon=True)
    thread.start()
    try:
        yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def settled(frame: Frame) -> Frame:
    """Wait until the framed app's first run is done and the layout its width fits has been drawn (open_app's
    waits, in a frame: the context's run counter is installed in every frame too)."""
    frame.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=TIMEOUT_MS)
    wait_idle(frame)  # a Frame waits and evaluates as a Page does
    frame.wait_for_function(SCREEN_KNOWN, timeout=TIMEOUT_MS)
    wait_idle(frame)
    return frame


def test_two_embedded_views_show_their_own_filters_without_a_sidebar(page: Page, base_url: str, host_site):
    folder, host_url = host_site
    ds = bundled_dataset()
    links = {name: share_link(base_url, None, "", query) for name, (query, _) in VIEWS.items()}
    title = frame_title("Timeline", ds.about.title)
    snippets = {name: embed_snippet(link, f"{title} ({name})", height=640) for name, link in links.items()}
    (folder / "index.html").write_text(HOST_PAGE.format(**snippets), encoding="utf-8")

    page.goto(host_url)
    frames = page.locator("iframe")
    expect(frames).to_have_count(2)
    for number, (name, (_, filters)) in enumerate(VIEWS.items()):
        handle = frames.nth(number).element_handle()
        frame = handle.content_frame() if handle else None
        assert frame is not None, f"frame {name} has no document"
        settled(frame)
        expect(frames.nth(number)).to_have_attribute("title", f"{title} ({name})")  # the frame's accessible name
        inside = page.frame_locator("iframe").nth(number)
        caption = inside.locator("[data-testid=stCaptionContainer]").filter(has_text=CAPTION_COUNT).first
        shown = CAPTION_COUNT.search(caption.inner_text())
        assert shown, f"no event count in frame {name}"
        assert (int(shown[1]), int(shown[2])) == (len(filter_events(ds, filters)), len(ds.events)), name
        expect(inside.locator("[data-testid=stSidebar]")).to_have_count(0)
        expect(inside.locator(".st-key-share_box")).to_have_count(0)
        full_view = inside.get_by_role("link", name="Open full view")
        expect(full_view).to_have_attribute("href", links[name])
        expect(full_view).to_have_attribute("target", "_blank")
        assert axe_findings(frame) == [], name
    counts = [CAPTION_COUNT.search(page.frame_locator("iframe").nth(n).locator("body").inner_text()) for n in (0, 1)]
    assert counts[0] and counts[1] and counts[0][1] != counts[1][1]  # the two frames differ, as their filters do
    assert unexpected_errors(page) == []
