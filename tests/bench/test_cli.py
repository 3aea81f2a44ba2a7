"""The benchmark's command line: what it refuses, and the search values it types."""

import pytest

from bench.cli import main, parse
from bench.measure import BUDGET_S, QUICK_BUDGET_S, search_sequence
from harness.server import BUNDLED_DATA


def test_an_unknown_app_is_refused_before_anything_runs(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_:
        main(["--apps", "ours,fancy", "--sizes", "bundled"])
    assert exit_.value.code == 2
    assert "unknown app(s) fancy; choose from ours, floor, naive, cached" in capsys.readouterr().err


def test_searches_alternate_a_matching_word_and_clearing_it():
    words = search_sequence(BUNDLED_DATA, 6)
    assert words[1::2] == ["", "", ""]
    assert words[0::2] == ["missile", "summit", "Moscow"]  # SEARCH_WORDS' order, each matching the bundled data


def test_quick_runs_three_sizes_with_five_changes_and_short_budgets():
    quick = parse(["--quick", "--apps", "ours, floor"])
    assert (quick.sizes, quick.changes, quick.budget_s) == (["bundled", "1000", "10000"], 5, QUICK_BUDGET_S)
    assert quick.apps == ["ours", "floor"]
    full = parse(["--sizes", "bundled,100000"])
    assert (full.sizes, full.changes, full.budget_s) == (["bundled", "100000"], 20, BUDGET_S)
    assert full.apps == ["ours", "floor", "naive", "cached"] and full.rev == "HEAD"
