"""Fixtures for every suite: the synthetic dataset (tests/synthetic.py); what a run writes kept per worker; browser
tests grouped for pytest-xdist.

The browser-session fixtures (a server, one Chromium, pages) are a plugin, tests/browser_session.py, that imports
Playwright only when a browser test asks for one: `pytest tests/model tests/data tests/charts` needs no browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.data.dataset import Dataset
from dashboard.data.snapshot import SNAPSHOT_ENV
from tests.synthetic import build_dataset

pytest_plugins = ["tests.browser_session"]

# Fixtures that start Chromium or a server: a test that needs one (directly or through another fixture) is a
# browser test, whatever its folder.
BROWSER_FIXTURES = frozenset({"browser", "server_factory"})


@pytest.fixture
def make_dataset():
    return build_dataset


@pytest.fixture
def ds() -> Dataset:
    return build_dataset()


@pytest.fixture(scope="session", autouse=True)
def snapshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Validated snapshots (dashboard/data/snapshot.py) go to this session's own folder: one per xdist worker
    (tmp_path_factory's base is per worker), never the user's ~/.cache. The servers the tests start inherit it.
    Two workers sharing one folder would prune (keep 4) each other's snapshots mid-read."""
    folder = tmp_path_factory.mktemp("snapshots")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SNAPSHOT_ENV, str(folder))
        yield folder


def is_browser_test(item: pytest.Item) -> bool:
    in_browser_folder = item.nodeid.startswith("tests/browser/")
    return (
        in_browser_folder
        or item.get_closest_marker("browser") is not None
        or not BROWSER_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
    )


# First: xdist's worker plugin reads the xdist_group marks in its own (plain) hook and puts the group in the
# test's id; a mark added after that hook is never seen. The browser folder is found by path, not by the mark
# tests/browser/conftest.py adds.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every browser test is marked `browser` and put in one xdist group (`--dist loadgroup`), so that one worker
    runs them all with one Chromium and one server, while the other runs the AppTest and unit tests. Two browser
    groups at once on a 2-core machine (two Chromiums drawing, two servers) starved each other into 30 s timeouts.
    Grouped here, not by a mark on each test, so that a new browser test file is grouped too."""
    for item in items:
        if is_browser_test(item):
            if item.get_closest_marker("browser") is None:
                item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))
