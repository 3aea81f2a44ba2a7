"""Fixtures for every suite: the synthetic dataset (tests/synthetic.py).

The browser-session fixtures (a server, one Chromium, pages) are a plugin, tests/browser_session.py, that imports
Playwright only when a browser test asks for one: `pytest tests/model tests/data tests/charts` needs no browser.
"""

from __future__ import annotations

import pytest

from dashboard.data.dataset import Dataset
from tests.synthetic import build_dataset

pytest_plugins = ["tests.browser_session"]


@pytest.fixture
def make_dataset():
    return build_dataset


@pytest.fixture
def ds() -> Dataset:
    return build_dataset()
