"""The real data in data/ validates, and its quotes are verbatim.

These tests can only pass once all nine CSV files exist in data/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.data.load import load_dataset, validate_dir
from dashboard.data.quotes import direct_quotes_with_seeds, misquotes, read_seed_texts

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
# The five source articles live next to the project, not inside it.
SEEDS_DIR = (PROJECT_ROOT / ".." / "shared" / "seeds").resolve()


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
    assert line.startswith("ok: 11 tables — ")


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"seed articles not found at {SEEDS_DIR}")
def test_direct_quotes_appear_verbatim_in_their_seed_articles():
    dataset = load_dataset(DATA_DIR)
    quotes = direct_quotes_with_seeds(dataset)
    assert quotes, "no direct quote has a seed article among its sources"
    assert misquotes(quotes, read_seed_texts(SEEDS_DIR)) == []
