"""Browser tests: a real Streamlit server driven by headless Chromium.

Fixtures: `base_url`, `server_factory`, `browser`, `new_page`, `page` (tests/browser_session.py); helpers are in
tests/browser/helpers.py and the server and browser settings in harness/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where screenshots go: $BROWSER_SCREENSHOTS (a folder per xdist worker in it, e.g. gw0/), else a pytest temp
    folder, which is per worker already (never the repo)."""
    chosen = os.environ.get("BROWSER_SCREENSHOTS")
    if not chosen:
        return tmp_path_factory.mktemp("screenshots")
    path = Path(chosen) / os.environ.get("PYTEST_XDIST_WORKER", "")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def sized_page(browser):
    """`sized_page(viewport)` -> a fresh page of that size (its own context, closed at the test's end)."""
    from harness.browser import RUN_COUNTER
    from tests.browser.helpers import TIMEOUT_MS

    contexts = []

    def make(viewport: dict):
        context = browser.new_context(viewport=viewport)
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(RUN_COUNTER)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
