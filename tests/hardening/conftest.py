"""Hardening tests: hostile data, mangled links, broken data, read-only data.

The browser helpers and fixtures of tests/browser/conftest.py are reused
(imported here so pytest sees them in this folder too). Browser tests in this
folder carry `pytestmark = pytest.mark.browser` themselves.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, new_page, page, server_factory  # noqa: F401  (fixtures)
from tests.hardening.hostile_data import HOSTILE_DIR

REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_DATA = REPO_ROOT / "data"


def _running_browser(request: pytest.FixtureRequest) -> Browser | None:
    """The Browser of tests/browser's session fixture, if it is running.

    Only one sync Playwright can run in a thread, and that fixture (session
    scope, invisible from this folder) keeps its own open until the session
    ends; when both folders run together this suite borrows it. (Private
    pytest API; moving `browser` into tests/conftest.py would make this go away.)
    """
    manager = request._fixturemanager
    definitions = manager._get_all_fixture_defs() if hasattr(manager, "_get_all_fixture_defs") else ()
    for definition in definitions:
        if definition.argname != "browser":
            continue
        cached = getattr(definition, "cached_result", None)
        if cached and isinstance(cached[0], Browser) and cached[0].is_connected():
            return cached[0]
    return None


@pytest.fixture(scope="module")
def browser(request) -> Iterator[Browser]:
    """tests/browser's Chromium when it is running, else one for this module."""
    borrowed = _running_browser(request)
    if borrowed is not None:
        yield borrowed
        return
    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield own
        own.close()


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    """A private copy of the hostile fixture (the server must not touch the repo's copy)."""
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(HOSTILE_DIR, target)
    return target


@pytest.fixture(scope="session")
def hostile_url(server_factory, hostile_dir) -> str:  # noqa: F811
    """A server on the hostile data, e.g. 'http://127.0.0.1:PORT/'."""
    return server_factory({"DASHBOARD_DATA": str(hostile_dir)})
