"""Browser-session fixtures for tests/browser and tests/hardening: servers, one Chromium, fresh pages.

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
    from playwright.sync_api import Browser, Page


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
    """`new_page()` -> a page in a fresh browser context (no shared cookies or session)."""
    from tests.browser.helpers import TIMEOUT_MS, watch_errors

    contexts = []

    def make() -> Page:
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(RUN_COUNTER)
        contexts.append(context)
        page = context.new_page()
        watch_errors(page)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[[], Page]) -> Page:
    return new_page()
