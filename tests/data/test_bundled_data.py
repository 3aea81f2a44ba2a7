"""The real data in data/ validates, and its quotes are verbatim.

These tests can only pass once every CSV file of dataset.TABLE_FILES exists in data/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.data.dataset import TABLE_FILES
from dashboard.data.load import validate_dir
from dashboard.data.quotes import direct_quotes_with_seeds, misquotes, read_seed_texts
from tests.bundled import bundled_dataset

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
# The five source articles live beside the project (../shared/seeds), or beside the folder of a git
# worktree of it (../../shared/seeds): the nearest one up.
SEEDS_DIR = next(
    (folder / "shared" / "seeds" for folder in PROJECT_ROOT.parents if (folder / "shared" / "seeds").is_dir()),
    PROJECT_ROOT.parent / "shared" / "seeds",
)


def test_bundled_data_has_no_problems():
    dataset, problems = validate_dir(DATA_DIR)
    assert [str(p) for p in problems] == []
    assert dataset is not None
    assert all(count > 0 for count in dataset.counts().values()), dataset.counts()


def test_cli_accepts_bundled_data():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith(f"ok: {len(TABLE_FILES)} tables — ")


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"seed articles not found at {SEEDS_DIR}")
def test_direct_quotes_appear_verbatim_in_their_seed_articles():
    dataset = bundled_dataset()
    quotes = direct_quotes_with_seeds(dataset)
    assert quotes, "no direct quote has a seed article among its sources"
    assert misquotes(quotes, read_seed_texts(SEEDS_DIR)) == []
