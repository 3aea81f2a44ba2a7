"""The benchmark: our dashboard against the floor of Streamlit itself and a naive baseline, at each dataset size.

    python -m bench                       # bundled, 1,000, 10,000, 100,000 events
    python -m bench --quick               # bundled, 1,000, 10,000 (a few minutes)
    python -m bench --sizes bundled,1000 --changes 30 --apps ours,floor
    python -m bench --out docs/performance.md   # also (re)write the results there

For each size and each app (ours: dashboard/app.py; floor: bench/floor_app.py, the least a Streamlit app with a
text filter and a Plotly chart does; naive: bench/naive_app.py, which reads the CSV files on every run; cached:
bench/cached_app.py, an afternoon's app with st.cache_data), in one run so that a busy machine slows all alike:

- cold start: from starting `streamlit run` to the first page fully drawn in
  headless Chromium (script idle, no skeleton, the Plotly chart's SVG drawn);
  for ours with the data seen before (its validated snapshot written first);
- filter change -> chart updated: the search box is set to a word, then
  cleared, and so on (`--changes` times); each time from the Enter key to the
  moment the Plotly chart holds new data (its `data` replaced and drawn),
  timed in the browser; p50 and p95;
- bytes per rerun: WebSocket bytes the page receives per filter change, median;
- peak memory: RSS of the server process and its children, sampled every 100 ms
  from the server answering its health check to its stop, in MB;
- server rerun: the same filter changes through Streamlit's AppTest (no
  browser, first run excluded), median wall time of `.run()`, in ms, in a
  child process that imports the measured code (bench/child.py);
- server CPU per change: the same filter changes sent over Streamlit's own
  protocol (loadtest/protocol.py, no browser) to a server of the app: its
  CPU time (all threads) over the changes ÷ their number, in ms.

Every wait has a timeout and every measurement a time budget: what times out
is reported as such (with how many changes were done), never hangs the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from playwright.sync_api import Browser

from bench.measure import (
    BUDGET_S,
    QUICK_BUDGET_S,
    measure_in_browser,
    measure_reruns,
    measure_server_cpu,
    profile,
    search_sequence,
    warm_snapshot,
)
from bench.report import Result, fmt, report, write_section
from bench.revision import source_of_ours
from harness.browser import LAUNCH_OPTIONS
from harness.server import BUNDLED_DATA, REPO_ROOT
from harness.stats import load_average, machine

NAIVE_APP = REPO_ROOT / "bench" / "naive_app.py"
CACHED_APP = REPO_ROOT / "bench" / "cached_app.py"
FLOOR_APP = REPO_ROOT / "bench" / "floor_app.py"
APPS = ("ours", "floor", "naive", "cached")
BASELINES = ("naive", "cached")  # the apps ours must beat; neither is run above NAIVE_MAX_EVENTS
# At 100,000 events the naive app never drew its first page in 300 s (a px.timeline of ~250,000 bars) and
# each AppTest rerun took ~5 s; above that it would only spend the run's time on timeouts.
NAIVE_MAX_EVENTS = 100_000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="bundled,1000,10000,100000,1000000", help="comma-separated: bundled and/or counts"
    )
    parser.add_argument(
        "--changes", type=int, help="filter changes (and AppTest reruns) per app and size (default 20; 5 with --quick)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"bundled, 1000 and 10000 only, 5 changes, {QUICK_BUDGET_S} s per measurement",
    )
    parser.add_argument("--apps", default=",".join(APPS), help=f"comma-separated, of {', '.join(APPS)}")
    parser.add_argument("--rev", default="HEAD", help="commit of dashboard/ to measure as ours ('.' = working tree)")
    parser.add_argument("--out", type=Path, help="markdown file whose results section is (re)written")
    parser.add_argument(
        "--profile",
        metavar="SIZE",
        help="instead: cProfile two AppTest reruns of ours at SIZE"
        " (a search word, then clearing it) and print the top functions by cumulative time",
    )
    return parser


def data_for(size: str) -> Path:
    from bench.generate import dataset_dir  # pandas and the data layer: only once a size is asked for

    return BUNDLED_DATA if size == "bundled" else dataset_dir(int(size))


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments, with `sizes`, `changes`, `budget_s` and `apps` resolved (`--quick` included)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = argv
    args.sizes = ["bundled", "1000", "10000"] if args.quick else args.sizes.split(",")
    if args.changes is None:
        args.changes = 5 if args.quick else 20
    args.budget_s = QUICK_BUDGET_S if args.quick else BUDGET_S
    args.apps = [app.strip() for app in args.apps.split(",") if app.strip()]
    if unknown := sorted(set(args.apps) - set(APPS)):
        parser.error(f"--apps: unknown app(s) {', '.join(unknown)}; choose from {', '.join(APPS)}")
    return args


def measure_app(browser: Browser, result: Result, app: Path, data: Path, words: list[str], budget_s: float) -> None:
    """Every figure of one app at one size, with progress on one line."""
    if result.app in BASELINES and result.size != "bundled" and int(result.size) > NAIVE_MAX_EVENTS:
        result.notes.append(f"not run above {NAIVE_MAX_EVENTS:,} events (see NAIVE_MAX_EVENTS)")
        return
    print(f"{result.size:>8} {result.app:<5} browser…", end=" ", flush=True)
    if result.app == "ours":
        warm_snapshot(app, data)
    measure_in_browser(browser, result, app, data, words, budget_s)
    print("AppTest…", end=" ", flush=True)
    measure_reruns(result, app, data, words, budget_s)
    print("protocol…", end=" ", flush=True)
    measure_server_cpu(result, app, data, words, budget_s)
    print(
        f"cold {fmt(result.cold_start_s, 1)} s, p50 {fmt(result.p50_ms)} ms, "
        f"rerun {fmt(result.rerun_median, 1)} ms, CPU/change {fmt(result.cpu_ms_per_change, 1)} ms, "
        f"peak {fmt(result.peak_mb)} MB " + "; ".join(result.notes),
        flush=True,
    )


def measure_all(args: argparse.Namespace, app_files: dict[str, Path]) -> dict[str, dict[str, Result]]:
    """Each size, each app, in one run so that a busy machine slows all alike; an interruption keeps what was
    measured."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Result]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**LAUNCH_OPTIONS)
            for size in args.sizes:
                data = data_for(size)
                words = search_sequence(data, args.changes)
                for app in args.apps:
                    result = results.setdefault(size, {})[app] = Result(size, app)
                    measure_app(browser, result, app_files[app], data, words, args.budget_s)
            browser.close()
    except KeyboardInterrupt:  # measure_in_browser has stopped its server on the way out
        print("\ninterrupted; reporting what was measured", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.profile:
        return profile(source_of_ours(args.rev)[0], data_for(args.profile))
    # A million events make events.csv ~270 MB and statements.csv ~340 MB, over the loader's default limit
    # of 200 MB per file (five million: 1.4 and 1.7 GB); every server and child process of the run inherits this.
    os.environ.setdefault("DASHBOARD_MAX_FILE_MB", "4096")
    ours, args.ours_source = source_of_ours(args.rev)
    args.load_before = load_average()
    print(f"Machine: {machine()}; load average {args.load_before}\nOurs: {args.ours_source}", flush=True)
    began = time.monotonic()
    results = measure_all(args, {"ours": ours, "floor": FLOOR_APP, "naive": NAIVE_APP, "cached": CACHED_APP})
    text = report(results, args, time.monotonic() - began)
    print("\n" + text)
    if args.out:
        write_section(args.out, "quick" if args.quick else "full", text)
    return 0
