"""Fixtures for every suite: the synthetic dataset (tests/synthetic.py); what a run writes kept per worker; browser
tests grouped for pytest-xdist.

The browser-session fixtures (a server, one Chromium, pages) are a plugin, tests/browser_session.py, that imports
Playwright only when a browser test asks for one: `pytest tests/model tests/data tests/charts` needs no browser.
"""

from __future__ import annotations

import functools
import sys
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


@pytest.fixture(autouse=True)
def scan_installed_components_once() -> None:
    """Each new AppTest scans the metadata of every installed distribution for Streamlit components (0.3 s here,
    over a second under load, and the suite makes hundreds of AppTests); what is installed does not change during a
    run, so the first scan serves the rest. Applied once Streamlit's testing module is loaded, so the suites that
    never import Streamlit don't pay for importing it."""
    if "streamlit.testing.v1" not in sys.modules:
        return
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    if not hasattr(scan, "cache_info"):
        manifest_scanner.scan_component_manifests = functools.cache(scan)  # type: ignore[assignment]


def is_browser_test(item: pytest.Item) -> bool:
    in_browser_folder = item.nodeid.startswith("tests/browser/")
    return (
        in_browser_folder
        or item.get_closest_marker("browser") is not None
        or not BROWSER_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
    )


# Browser tests that need no server of the bundled data: they start servers of their own (nginx and two replicas;
# a server killed and restarted; a server of a dataset larger than one table page; a server of the fictional
# record; a server of a copy of the data), or open a file from disk (the standalone copy).
OWN_SERVER_FILES = (
    "tests/browser/test_deploy.py",
    "tests/browser/test_reconnect.py",
    "tests/browser/test_table_pages.py",
    "tests/browser/test_fictional_record.py",
    "tests/hardening/test_read_only.py",
    "tests/browser/test_standalone.py",
)


# Marked as each test is collected, before any pytest_collection_modifyitems: pytest's own (which deselects by
# `-m`) and xdist's (which reads `xdist_group` under --dist loadgroup). The browser folder is found by path as well
# as by fixture, so a new browser test file needs no mark written on it.
def pytest_itemcollected(item: pytest.Item) -> None:
    """Every test that drives Chromium or a server is marked `browser` and put in an xdist group: the tests that
    start servers of their own (OWN_SERVER_FILES) in one, every other browser test in the other.

    Under the README's `-n 3 --dist loadgroup` one worker runs the large group test after test (one Chromium, one
    server of the bundled data); it is the suite's critical path. A timeline of one full run (every test's start
    and end per worker) had it end at 454 s while the other two workers were done at ~367 s, so the deployment
    tests (~50 s alone) and the restart tests (~60 s) go to one of those: a group of their own, which xdist hands
    to another worker. Two equal browser groups on -n 4 gave no gain (545 s): two Chromiums starved the CPU-bound
    workers. Later, with the embed and standalone tests, the main group ended at 563 s against ~430 s for the
    others, so the read-only session (~35 s, a server of its own) and the standalone copy's (~28 s, no server) moved
    to the second group."""
    if is_browser_test(item):
        if item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
        group = "browser-own-servers" if item.nodeid.startswith(OWN_SERVER_FILES) else "browser"
        item.add_marker(pytest.mark.xdist_group(group))
