"""Browser tests: a real Streamlit server driven by headless Chromium.

Fixtures: `base_url`, `server_factory`, `browser`, `new_page`, `warm_page`, `page` (tests/browser_session.py) and
`sized_page` (here); helpers are in
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
def sized_page(warm_page, new_page):
    """`sized_page(viewport)` -> a page of that size: the session's kept page first (`warm_page`), then, for a
    second page in the same test, one in a fresh context."""
    handed: list[object] = []

    def make(viewport: dict):
        if not handed:
            handed.append(warm_page(viewport))
            return handed[0]
        page = new_page()
        page.set_viewport_size(viewport)
        return page

    return make
