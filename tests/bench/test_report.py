"""The benchmark's report: ratios against the floor and naive apps of the same run, and the verdicts on them."""

import argparse
from pathlib import Path

from bench.report import Result, ratio, report, targets_for, write_section


def _args() -> argparse.Namespace:
    return argparse.Namespace(quick=False, argv=[], load_before="0.1", changes=2, ours_source="working tree")


def _result(size: str, app: str, cold: float, changes: list[float], rerun: float) -> Result:
    return Result(size, app, cold_start_s=cold, change_ms=changes, rerun_ms=[rerun], cpu_ms_per_change=rerun)


def test_ratios_are_taken_between_apps_of_the_same_run():
    pair = {
        "ours": _result("bundled", "ours", 5.0, [200, 260], 20),
        "floor": _result("bundled", "floor", 4.0, [160, 200], 10),
    }
    assert ratio(pair, lambda r: r.cold_start_s, "ours", "floor") == 1.25
    assert ratio(pair, lambda r: r.rerun_median, "ours", "floor") == 2.0
    assert ratio(pair, lambda r: r.cold_start_s, "ours", "naive") is None  # naive not measured


def test_report_gives_the_floor_ratios_and_their_verdicts():
    results = {
        "bundled": {
            "ours": _result("bundled", "ours", 5.0, [200, 200], 20),
            "floor": _result("bundled", "floor", 4.0, [100, 100], 10),
        }
    }
    text = report(results, _args(), 1.0)
    assert "Ours ÷ floor" in text and "| bundled | 1.25 | 2.00 | 2.00 | 2.00 | 2.00 |" in text
    assert "| bundled | ours ÷ floor, filter change p50 | ≤ 1.3 | 2.00 | MISSED |" in text
    assert "| bundled | ours ÷ floor, cold start | ≤ 1.25 | 1.25 | met |" in text
    assert "| bundled | server rerun median (ms) | ≤ 25 | 20.00 | met |" in text
    assert "Naive ÷ ours" not in text  # no naive in this run: no table, no naive targets


def test_every_size_has_targets_and_the_million_size_its_own():
    million = {t.what for t in targets_for(["1000000"])}
    assert {"cold start, data seen before (s)", "filter change p50 (ms)", "bytes per rerun (MB)"} <= million
    assert "filter change p50 (ms)" in {t.what for t in targets_for(["10000"])}


def test_a_section_is_replaced_between_its_markers_and_appended_when_missing(tmp_path: Path):
    doc = tmp_path / "performance.md"
    doc.write_text("# Title\n\n<!-- bench:quick start -->\nold\n<!-- bench:quick end -->\n\nAfter.\n")
    write_section(doc, "quick", "new\n")
    assert doc.read_text() == "# Title\n\n<!-- bench:quick start -->\nnew\n<!-- bench:quick end -->\n\nAfter.\n"
    write_section(doc, "full", "all\n")
    assert doc.read_text().endswith("After.\n\n<!-- bench:full start -->\nall\n<!-- bench:full end -->\n")


def test_a_shorter_run_says_how_many_changes_were_done():
    results = {"1000": {"ours": _result("1000", "ours", 5.0, [200], 20)}}
    args = _args()
    args.argv = ["--sizes", "1000"]
    text = report(results, args, 1.0)
    assert "| 1000 | ours | 5.0 | 200 (n=1) | 200 | 20.0 | 20.0 | — | — |" in text
    assert text.startswith("Run: `python -m bench --sizes 1000` (full; 1 s)\n")


def test_ours_must_beat_both_baselines_by_half_again_where_people_work():
    by_app = {
        "ours": _result("1000", "ours", 5.0, [100, 100], 20),
        "naive": _result("1000", "naive", 5.0, [200, 200], 20),
        "cached": _result("1000", "cached", 5.0, [120, 120], 20),
    }
    verdicts = {t.what: t.verdict(by_app) for t in targets_for(["1000"])}
    assert verdicts["naive ÷ ours, filter change p50"] == (2.0, "met")
    assert verdicts["cached ÷ ours, filter change p50"] == (1.2, "MISSED")
    text = report({"1000": by_app}, _args(), 1.0)
    assert "Cached ÷ ours" in text and "| 1000 | cached ÷ ours, filter change p95 | ≥ 1.5 | 1.20 | MISSED |" in text
