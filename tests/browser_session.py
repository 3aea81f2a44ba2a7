"""Browser-session fixtures for tests/browser and tests/hardening: servers, one Chromium, one page kept from test to
test (`page`, `warm_page`) and fresh ones (`new_page`).

A pytest plugin (named in tests/conftest.py), so both folders share this session's Chromium: only one sync
Playwright can run in a thread. Playwright is imported inside the fixtures, so suites that use none of them run
without it installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

import pytest

from harness.browser import LAUNCH_OPTIONS, RUN_COUNTER, VIEWPORT
from harness.server import StreamlitServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize


@pytest.fixture(scope="session")
def server_factory() -> Iterator[Callable[..., str]]:
    """`server_factory(env_overrides)` -> base URL of a new server, stopped at session end."""
    servers: list[StreamlitServer] = []

    def start(env_overrides: Mapping[str, str | None] | None = None) -> str:
        server = StreamlitServer(env=env_overrides)
        servers.append(server)
        return server.start().url

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def base_url(server_factory: Callable[..., str]) -> str:
    """The app on the bundled dataset (DASHBOARD_DATA removed), e.g. 'http://127.0.0.1:PORT/'."""
    return server_factory({"DASHBOARD_DATA": None})


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import expect, sync_playwright

    from tests.browser.helpers import TIMEOUT_MS

    # One budget for every wait: `expect()` waits 5 s by default, the pages' own waits TIMEOUT_MS (the context's
    # default timeout, below); a loaded machine needs the same for both.
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**LAUNCH_OPTIONS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[[], Page]]:
    """`new_page()` -> a page in a fresh browser context (no shared cookies, storage, cache or session)."""
    from tests.browser.helpers import watch_errors

    contexts = []

    def make() -> Page:
        context = _new_context(browser, VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        watch_errors(page)
        return page

    yield make
    for context in contexts:
        context.close()


def _new_context(browser: Browser, viewport: ViewportSize) -> BrowserContext:
    from tests.browser.helpers import TIMEOUT_MS

    context = browser.new_context(viewport=viewport, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RUN_COUNTER)
    return context


@pytest.fixture(scope="session")
def _kept_page(browser: Browser) -> Iterator[list[Page]]:
    """The one page that tests asking for `page` or `sized_page` share, one after another (made on first use)."""
    kept: list[Page] = []
    yield kept
    for page in kept:
        page.context.close()


@pytest.fixture
def warm_page(browser: Browser, _kept_page: list[Page]) -> Iterator[Callable[[ViewportSize], Page]]:
    """`warm_page(viewport)` -> the session's kept page at that size, its error log new.

    A test opens pages on it with `open_app`, a full navigation: a new Streamlit session and a new document (the
    run counter starts again), so nothing of the test before carries over but the browser's cache and its
    compiled frontend code. That halves a page open (on this 2-core machine ~5 s in a fresh context, ~2.5 s here;
    a new page in a kept context ~4 s, since it starts a new renderer). Tests that need a browser of their own
    (no shared cookies or storage: a copied link, a second reader) use `new_page()`. After the test the page goes
    to about:blank, so its Streamlit session closes; a page the test left broken is replaced."""
    from tests.browser.helpers import watch_errors

    def hand_out(viewport: ViewportSize) -> Page:
        if not _kept_page or _kept_page[0].is_closed():
            _kept_page[:] = [_new_context(browser, viewport).new_page()]
        page = _kept_page[0]
        page.set_viewport_size(viewport)
        watch_errors(page)
        return page

    yield hand_out
    if _kept_page and not _kept_page[0].is_closed():
        try:
            _kept_page[0].goto("about:blank")
        except Exception:  # noqa: BLE001 - a page that cannot even leave is replaced for the next test
            _kept_page[0].context.close()


@pytest.fixture
def page(warm_page: Callable[[ViewportSize], Page]) -> Page:
    """The session's kept page at the default size (see `warm_page`)."""
    return warm_page(VIEWPORT)
