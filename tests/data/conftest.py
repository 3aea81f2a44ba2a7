from __future__ import annotations

from pathlib import Path

import pytest

from tests.data.csv_tools import copy_minimal


@pytest.fixture
def minimal_dir(tmp_path: Path) -> Path:
    """A fresh copy of tests/fixtures/minimal that a test may break."""
    return copy_minimal(tmp_path)
