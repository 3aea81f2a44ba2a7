"""Hardening tests: hostile data, mangled links, broken data, read-only data.

The browser fixtures (one Chromium, servers, pages) come from tests/browser_session.py,
shared with tests/browser; the helpers from tests/browser/helpers.py.
Browser tests in this folder carry `pytestmark = pytest.mark.browser` themselves.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hardening.hostile_data import HOSTILE_DIR


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    """A private copy of the hostile fixture (the server must not touch the repo's copy)."""
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(HOSTILE_DIR, target)
    return target


@pytest.fixture(scope="session")
def hostile_url(server_factory, hostile_dir) -> str:
    """A server on the hostile data, e.g. 'http://127.0.0.1:PORT/'."""
    return server_factory({"DASHBOARD_DATA": str(hostile_dir)})
