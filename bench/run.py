"""The benchmark: our dashboard against the floor of Streamlit itself and a naive baseline, at each dataset size.

    python -m bench                       # bundled, 1,000, 10,000, 100,000 events
    python -m bench --quick               # bundled, 1,000, 10,000 (a few minutes)
    python -m bench --sizes bundled,1000 --changes 30 --apps ours,floor
    python -m bench --out docs/performance.md   # also (re)write the results there

For each size and each app (ours: dashboard/app.py; floor: bench/floor_app.py, the least a Streamlit app with a
text filter and a Plotly chart does; naive: bench/naive_app.py), in one run so that a busy machine slows all alike:

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
  browser, first run excluded), median wall time of `.run()`, in ms;
- server CPU per change: the same filter changes sent over Streamlit's own
  protocol (loadtest/protocol.py, no browser) to a server of the app: its
  CPU time (all threads) over the changes ÷ their number, in ms.

Every wait has a timeout and every measurement a time budget: what times out
is reported as such (with how many changes were done), never hangs the run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import psutil
from playwright.sync_api import Browser, Locator, Page

# No import of dashboard (or bench.generate) at module level: the AppTest child must load ours from the
# measured snapshot, which app.py puts first on sys.path.
from bench import CACHE_DIR
from harness.browser import IDLE, LAUNCH_OPTIONS, VIEWPORT
from harness.server import BUNDLED_DATA, REPO_ROOT, StreamlitServer
from harness.stats import load_average, machine, percentile

REPO = REPO_ROOT
NAIVE_APP = REPO / "bench" / "naive_app.py"
FLOOR_APP = REPO / "bench" / "floor_app.py"
APPS = ("ours", "floor", "naive")
# At 100,000 events the naive app never drew its first page in 300 s (a px.timeline of ~250,000 bars) and
# each AppTest rerun took ~5 s; above that it would only spend the run's time on timeouts.
NAIVE_MAX_EVENTS = 100_000

SERVER_START_S = 60  # until /_stcore/health answers
FIRST_DRAW_S = 300  # until the first page is fully drawn
CHANGE_S = 120  # one filter change
BUDGET_S = 300  # all filter changes of one app and size; likewise all AppTest reruns
QUICK_BUDGET_S = 5

# Words tried in the search box, in this order; only those matching some event are used.
SEARCH_WORDS = [
    "missile",
    "summit",
    "Moscow",
    "NATO",
    "Russia",
    "talks",
    "Brussels",
    "council",
    "guarantees",
    "Lisbon",
    "Chicago",
    "radar",
    "Washington",
    "interceptors",
    "Prague",
    "speech",
]

# The page is fully drawn: script idle, no skeleton, a Plotly chart with its SVG and data.
DRAWN_JS = f"""() => !!document.querySelector({IDLE!r}) && !document.querySelector('[data-testid=stSkeleton]')
  && (() => {{ const gd = document.querySelector('.js-plotly-plot');
               return !!gd && !!gd._fullData && !!gd.querySelector('.main-svg'); }})()"""
# The chart holds new data (Plotly.react replaces gd.data) and is drawn: ms since the Enter key.
CHART_UPDATED_JS = """() => { const gd = document.querySelector('.js-plotly-plot');
  if (!gd || gd.data === window.__benchOldData || !gd._fullData || !gd.querySelector('.main-svg')) return false;
  return performance.now() - window.__benchT0; }"""
BEFORE_CHANGE_JS = """() => { window.__benchOldData = (document.querySelector('.js-plotly-plot') || {}).data;
  window.__benchT0 = null; }"""
# The time of the Enter key, taken before Streamlit sees it.
INIT_JS = """window.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && window.__benchT0 === null) window.__benchT0 = performance.now(); }, true);"""


@dataclass
class Result:
    size: str
    app: str
    cold_start_s: float | None = None
    change_ms: list[float] = field(default_factory=list)
    bytes_per_change: list[int] = field(default_factory=list)
    rerun_ms: list[float] = field(default_factory=list)
    cpu_ms_per_change: float | None = None
    peak_mb: float | None = None
    notes: list[str] = field(default_factory=list)

    def p(self, q: float) -> float | None:
        """The q-quantile (0 to 1) of the filter-change times, ms."""
        return percentile(self.change_ms, q)

    @property
    def p50_ms(self) -> float | None:
        return self.p(0.5)

    @property
    def p95_ms(self) -> float | None:
        return self.p(0.95)

    @property
    def rerun_median(self) -> float | None:
        return statistics.median(self.rerun_ms) if self.rerun_ms else None

    @property
    def bytes_median(self) -> float | None:
        return statistics.median(self.bytes_per_change) if self.bytes_per_change else None


def search_sequence(data: Path, changes: int) -> list[str]:
    """`changes` values for the search box: a word that matches some events, then empty, and so on."""
    events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    text = (events["title"] + " " + events["summary"] + " " + events["place"]).str.casefold()
    words = [w for w in SEARCH_WORDS if text.str.contains(w.casefold(), regex=False).any()]
    return [words[(i // 2) % len(words)] if i % 2 == 0 else "" for i in range(changes)]


# --------------------------------------------------------------------------- server


class PeakMemory:
    """Samples the RSS of a process and its children every 100 ms in a thread; `.peak_mb`."""

    def __init__(self, pid: int):
        self.peak = 0
        self._process = psutil.Process(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self._process, *self._process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in processes))
            except psutil.Error:
                pass
            self._stop.wait(0.1)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join(timeout=5)
        return self.peak / 2**20


# --------------------------------------------------------------------------- browser


def wait_settled(page: Page) -> None:
    """Fully drawn, and still so a moment later: the app may update the URL and redraw widgets
    after a run, which would undo a value typed too early (and the last frames' events reach us)."""
    for _ in range(2):
        page.wait_for_function(DRAWN_JS, timeout=CHANGE_S * 1000, polling=50)
        page.wait_for_timeout(150)


def fill_until_shown(page: Page, field: Locator, text: str) -> None:
    """Type `text` into the field (without committing it), checking that it stayed there."""
    for _ in range(5):
        field.fill(text)
        page.wait_for_timeout(30)
        if field.input_value() == text:
            return
    raise RuntimeError(f"the search box would not keep {text!r}")


def measure_in_browser(
    browser: Browser, result: Result, app: Path, data: Path, words: list[str], budget_s: float
) -> None:
    """Cold start, filter changes, bytes per change and peak memory of one server."""
    started = time.monotonic()
    server = StreamlitServer(app, env={"DASHBOARD_DATA": str(data)}, cwd=app.parents[1], start_timeout_s=SERVER_START_S)
    memory: PeakMemory | None = None
    context = browser.new_context(viewport=VIEWPORT)
    try:
        url = server.start().url
        memory = PeakMemory(server.pid)
        context.add_init_script(INIT_JS)
        page = context.new_page()
        received = [0]
        page.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived",
                lambda payload: received.__setitem__(
                    0, received[0] + len(payload if isinstance(payload, bytes) else payload.encode())
                ),
            ),
        )
        page.goto(url, timeout=FIRST_DRAW_S * 1000)
        page.wait_for_function(DRAWN_JS, timeout=(FIRST_DRAW_S - (time.monotonic() - started)) * 1000, polling=50)
        result.cold_start_s = time.monotonic() - started
        wait_settled(page)
        search = page.locator("[data-testid=stTextInput]").filter(has_text="Search text").locator("input")
        budget_end = time.monotonic() + budget_s
        for word in words:
            if time.monotonic() > budget_end:
                result.notes.append(f"filter changes stopped after {budget_s:g} s ({len(result.change_ms)} done)")
                break
            page.evaluate(BEFORE_CHANGE_JS)
            fill_until_shown(page, search, word)
            received[0] = 0
            search.press("Enter")
            handle = page.wait_for_function(CHART_UPDATED_JS, timeout=CHANGE_S * 1000, polling="raf")
            result.change_ms.append(handle.json_value())
            wait_settled(page)
            result.bytes_per_change.append(received[0])
    except Exception as error:  # a timeout or a dead server: report it, go on with the next
        what = "first draw" if result.cold_start_s is None else f"filter change {len(result.change_ms) + 1}"
        result.notes.append(f"{what}: {type(error).__name__}: {str(error).splitlines()[0][:120]}")
    finally:
        context.close()
        server.stop()
        if memory is not None:
            result.peak_mb = memory.stop()


# --------------------------------------------------------------------------- AppTest


def apptest_reruns(app: str, words: list[str], budget_s: float) -> dict[str, list[Any]]:
    """In this process: the first run, then one timed run per search value (until `budget_s` is spent)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(app, default_timeout=FIRST_DRAW_S)
    at.run()
    if at.exception:
        return {"rerun_ms": [], "notes": [f"first run raised: {at.exception[0].value[:120]}"]}
    times: list[float] = []
    notes: list[str] = []
    budget_end = time.monotonic() + budget_s
    for word in words:
        if time.monotonic() > budget_end:
            notes.append(f"reruns stopped after {budget_s:g} s ({len(times)} done)")
            break
        at.text_input(key="q").set_value(word)
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    return {"rerun_ms": times, "notes": notes}


def warm_snapshot(app: Path, data: Path) -> None:
    """Validate `data` once with the code of `app` (writing its snapshot), so that the cold start measured next
    is a restart on data seen before, as on a server that restarts or scales out."""
    code = "import sys; from pathlib import Path; from dashboard.data.cache import load_validated; "
    code += "sys.exit(0 if load_validated(Path(sys.argv[1]))[0] is not None else 1)"
    subprocess.run([sys.executable, "-c", code, str(data)], cwd=app.parents[1], check=True, timeout=FIRST_DRAW_S)


def measure_server_cpu(result: Result, app: Path, data: Path, words: list[str], budget_s: float) -> None:
    """The filter changes over Streamlit's protocol (no browser): the server's CPU time per change."""
    from loadtest.protocol import ReaderSession, picker_labels

    server = StreamlitServer(app, env={"DASHBOARD_DATA": str(data)}, cwd=app.parents[1], start_timeout_s=SERVER_START_S)
    try:
        process = psutil.Process(server.start().pid)
        with ReaderSession(server.url, labels=picker_labels(data), timeout=CHANGE_S) as reader:
            reader.open("")
            before, done = sum(process.cpu_times()[:2]), 0
            budget_end = time.monotonic() + budget_s
            for word in words:
                if time.monotonic() > budget_end:
                    break
                reader.follow(f"q={word}" if word else "")
                done += 1
            if done:
                result.cpu_ms_per_change = 1000 * (sum(process.cpu_times()[:2]) - before) / done
    except Exception as error:  # reported, the run goes on
        result.notes.append(f"protocol changes: {type(error).__name__}: {str(error).splitlines()[0][:120]}")
    finally:
        server.stop()


def measure_reruns(result: Result, app: Path, data: Path, words: list[str], budget_s: float) -> None:
    """AppTest in a child process, so each app and size starts with no cache and its memory is freed."""
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--apptest",
        str(app),
        "--words",
        json.dumps(words),
        "--budget",
        str(budget_s),
    ]
    env = {**os.environ, "DASHBOARD_DATA": str(data)}
    try:
        done = subprocess.run(
            command, cwd=REPO, env=env, capture_output=True, text=True, timeout=FIRST_DRAW_S + 2 * budget_s
        )
        found = json.loads(done.stdout.strip().splitlines()[-1])
        result.rerun_ms, result.notes = found["rerun_ms"], result.notes + found["notes"]
    except subprocess.TimeoutExpired:
        result.notes.append(f"AppTest timed out after {FIRST_DRAW_S + 2 * budget_s:g} s")
    except (ValueError, IndexError):
        result.notes.append(f"AppTest failed: {done.stderr.strip().splitlines()[-1:]}")


def profile(app: Path, data: Path, top: int = 25) -> int:
    """Where a rerun's time goes: cProfile of two warm AppTest reruns, in a child process."""
    code = (
        "import cProfile, pstats, sys, threading\n"
        "from streamlit.testing.v1 import AppTest\n"
        "profiles = []\n"
        "def per_thread(*_):  # AppTest runs the script in a new thread each run: profile those\n"
        "    sys.setprofile(None)\n"
        "    profiles.append(cProfile.Profile())\n"
        "    profiles[-1].enable()\n"
        f"at = AppTest.from_file({str(app)!r}, default_timeout={FIRST_DRAW_S})\n"
        "at.run()\n"
        "at.text_input(key='q').set_value('missile')\n"
        "at.run()\n"
        "at.text_input(key='q').set_value('')\n"
        "threading.setprofile(per_thread)\n"
        "at.text_input(key='q').set_value('summit').run()\n"
        "at.text_input(key='q').set_value('').run()\n"
        "threading.setprofile(None)\n"
        f"pstats.Stats(*profiles).sort_stats('cumulative').print_stats({top})\n"
    )
    env = {**os.environ, "DASHBOARD_DATA": str(data)}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=app.parents[1], env=env, timeout=FIRST_DRAW_S + 2 * BUDGET_S
    ).returncode


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Target:
    size: str
    what: str
    limit: float
    value: Callable[[dict[str, Result]], float | None]  # from {"ours": ..., "floor": ..., "naive": ...}
    at_least: bool = False
    needs: tuple[str, ...] = ()  # apps besides ours that the figure compares against

    def verdict(self, results: dict[str, Result]) -> tuple[float | None, str]:
        try:
            value = self.value(results)
        except KeyError:  # an app that was not measured (--apps)
            value = None
        if value is None:
            return None, "not measured"
        met = value >= self.limit if self.at_least else value <= self.limit
        return value, "met" if met else "MISSED"


def ratio(results: dict[str, Result], figure: Callable[[Result], float | None], top: str, bottom: str) -> float | None:
    """top ÷ bottom of one figure (app names); None when either is missing."""
    if top not in results or bottom not in results:
        return None
    above, below = figure(results[top]), figure(results[bottom])
    return above / below if above and below else None


def naive_over_ours_p50(r: dict[str, Result]) -> float | None:
    """Naive's filter p50 ÷ ours; when naive drew no chart at all, its server rerun median is a lower
    bound of its filter change (the chart cannot update before the rerun ends)."""
    naive, ours = r["naive"].p50_ms or r["naive"].rerun_median, r["ours"].p50_ms
    return naive / ours if naive is not None and ours else None


def _ours_over_floor(figure: Callable[[Result], float | None]) -> Callable[[dict[str, Result]], float | None]:
    return lambda r: ratio(r, figure, "ours", "floor")


def _faster_than_naive(figure: Callable[[Result], float | None]) -> Callable[[dict[str, Result]], float | None]:
    return lambda r: ratio(r, figure, "naive", "ours")


def _targets(sizes: list[str]) -> list[Target]:
    """Issue 10's targets (ratios against apps run in the same run), then issue 4's that still hold."""
    cold, p50, p95 = (lambda r: r.cold_start_s), (lambda r: r.p50_ms), (lambda r: r.p95_ms)
    targets = [
        Target("bundled", "ours ÷ floor, filter change p50", 1.3, _ours_over_floor(p50), needs=("floor",)),
        Target("bundled", "server rerun median (ms)", 25, lambda r: r["ours"].rerun_median),
        Target("bundled", "ours ÷ floor, cold start", 1.25, _ours_over_floor(cold), needs=("floor",)),
        Target("100000", "ours ÷ floor, cold start (data seen before)", 2, _ours_over_floor(cold), needs=("floor",)),
    ]
    for size in ("1000", "10000"):
        targets += [
            Target(size, "naive ÷ ours, filter change p50", 1, _faster_than_naive(p50), True, ("naive",)),
            Target(size, "naive ÷ ours, filter change p95", 1, _faster_than_naive(p95), True, ("naive",)),
        ]
    targets += [Target(s, "filter change p50 (ms)", 1000, lambda r: r["ours"].p50_ms) for s in sizes if s != "1000000"]
    targets += [
        Target("100000", "server rerun median (ms)", 250, lambda r: r["ours"].rerun_median),
        Target("100000", "bytes per rerun (MB)", 5, lambda r: _scaled(r["ours"].bytes_median, 1e-6)),
        Target("100000", "server peak memory (MB)", 1024, lambda r: r["ours"].peak_mb),
        Target("100000", "naive ÷ ours, filter change p50", 3, naive_over_ours_p50, True, ("naive",)),
        Target("1000000", "cold start, data seen before (s)", 15, lambda r: r["ours"].cold_start_s),
        Target("1000000", "filter change p50 (ms)", 2000, lambda r: r["ours"].p50_ms),
        Target("1000000", "bytes per rerun (MB)", 5, lambda r: _scaled(r["ours"].bytes_median, 1e-6)),
        Target("1000000", "server peak memory (MB)", 2048, lambda r: r["ours"].peak_mb),
    ]
    return [t for t in targets if t.size in sizes]


def _scaled(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _fmt(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


FIGURES: tuple[tuple[str, Callable[[Result], float | None]], ...] = (
    ("cold start", lambda r: r.cold_start_s),
    ("filter p50", lambda r: r.p50_ms),
    ("filter p95", lambda r: r.p95_ms),
    ("rerun median", lambda r: r.rerun_median),
    ("CPU/change", lambda r: r.cpu_ms_per_change),
    ("bytes/rerun", lambda r: r.bytes_median),
    ("peak memory", lambda r: r.peak_mb),
)


def _ratio_table(results: dict[str, dict[str, Result]], title: str, top: str, bottom: str) -> list[str]:
    rows = [size for size, by_app in results.items() if top in by_app and bottom in by_app]
    if not rows:
        return []
    lines = [
        "",
        title,
        "",
        "| size | " + " | ".join(name for name, _ in FIGURES) + " |",
        "|---|" + "---:|" * len(FIGURES),
    ]
    for size in rows:
        cells = [ratio(results[size], figure, top, bottom) for _, figure in FIGURES]
        lines.append(f"| {size} | " + " | ".join(_fmt(c, 2) for c in cells) + " |")
    return lines


def report(results: dict[str, dict[str, Result]], args: argparse.Namespace, seconds: float) -> str:
    """The results as markdown (tables read fine in a terminal too)."""
    label = "quick" if args.quick else "full"
    lines = [
        f"Run: `python -m bench {' '.join(args.argv)}`".rstrip() + f" ({label}; {seconds:.0f} s)",
        f"Machine: {machine()}; load average {args.load_before} at the start, {load_average()} at the end"
        f" (above the core count, other work shared the machine); {args.changes} filter changes per app and size.",
        f"Ours: dashboard/ at {args.ours_source}; floor: bench/floor_app.py; naive: bench/naive_app.py.",
        "",
        "| size | app | cold start s | filter p50 ms | filter p95 ms | rerun median ms | CPU/change ms | KB/rerun "
        "| peak MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for size, by_app in results.items():
        for app, r in by_app.items():
            count = f" (n={len(r.change_ms)})" if len(r.change_ms) < args.changes else ""
            lines.append(
                f"| {size} | {app} | {_fmt(r.cold_start_s, 1)} | {_fmt(r.p50_ms)}{count} | {_fmt(r.p95_ms)} "
                f"| {_fmt(r.rerun_median, 1)} | {_fmt(r.cpu_ms_per_change, 1)} | {_fmt(_scaled(r.bytes_median, 1e-3))} "
                f"| {_fmt(r.peak_mb)} |"
            )
            notes += [f"- {size} / {app}: {note}" for note in r.notes]
    lines += _ratio_table(results, "Ours ÷ floor (1 would be Streamlit's own floor; below is better):", "ours", "floor")
    lines += _ratio_table(results, "Naive ÷ ours (above 1: ours is faster / smaller):", "naive", "ours")
    targets = [t for t in _targets(list(results)) if all(app in results[t.size] for app in ("ours", *t.needs))]
    if targets:
        lines += ["", "Targets (ours):", "", "| size | figure | target | measured | |", "|---|---|---:|---:|---|"]
        for t in targets:
            value, verdict = t.verdict(results[t.size])
            sign = "≥" if t.at_least else "≤"
            bound = (
                " (at least: naive's rerun median)"
                if t.value is naive_over_ours_p50 and not results[t.size]["naive"].p50_ms
                else ""
            )
            lines.append(f"| {t.size} | {t.what} | {sign} {t.limit:g} | {_fmt(value, 2)}{bound} | {verdict} |")
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines) + "\n"


def write_section(path: Path, label: str, text: str) -> None:
    """Replace the text between the `bench:LABEL` markers of `path` (appended if missing)."""
    start, end = f"<!-- bench:{label} start -->", f"<!-- bench:{label} end -->"
    old = path.read_text() if path.exists() else ""
    block = f"{start}\n{text}{end}"
    if start in old and end in old:
        new = old[: old.index(start)] + block + old[old.index(end) + len(end) :]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(new)


# --------------------------------------------------------------------------- main


def data_for(size: str) -> Path:
    from bench.generate import dataset_dir  # imports the dashboard's data layer: not in the AppTest child

    return BUNDLED_DATA if size == "bundled" else dataset_dir(int(size))


def source_of_ours(rev: str) -> tuple[Path, str]:
    """(dashboard/app.py to run, description): the working tree for ".", else a snapshot of the
    commit's dashboard/ and .streamlit/ under bench/.cache/ (so edits made during the run do not change what is
    measured)."""
    if rev == ".":
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "dashboard"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        return REPO / "dashboard" / "app.py", "working tree" + (" (uncommitted changes in dashboard/)" if dirty else "")
    sha = subprocess.run(
        ["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    root = CACHE_DIR / f"tree-{sha[:12]}"
    if not root.exists():
        partial = root.with_suffix(".partial")
        partial.mkdir(parents=True, exist_ok=True)
        # .streamlit/ too: the app's config (runner options among them) is read from the server's folder.
        archive = subprocess.run(
            ["git", "archive", sha, "dashboard", ".streamlit"], cwd=REPO, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(partial)], input=archive.stdout, check=True)
        partial.rename(root)
    subject = subprocess.run(
        ["git", "log", "-1", "--format=%h %s", sha, "--", "dashboard"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()  # the last commit that changed it
    return root / "dashboard" / "app.py", f"commit {subject[:90]}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
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
    parser.add_argument("--apptest", help=argparse.SUPPRESS)  # internal: AppTest reruns of one app, as JSON
    parser.add_argument("--words", help=argparse.SUPPRESS)
    parser.add_argument("--budget", type=float, default=BUDGET_S, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.argv = argv
    if args.profile:
        return profile(source_of_ours(args.rev)[0], data_for(args.profile))
    if args.apptest:
        print(json.dumps(apptest_reruns(args.apptest, json.loads(args.words), args.budget)))
        return 0
    sizes = ["bundled", "1000", "10000"] if args.quick else args.sizes.split(",")
    if args.changes is None:
        args.changes = 5 if args.quick else 20
    budget_s = QUICK_BUDGET_S if args.quick else BUDGET_S
    apps = [app.strip() for app in args.apps.split(",") if app.strip()]
    if unknown := sorted(set(apps) - set(APPS)):
        parser.error(f"--apps: unknown app(s) {', '.join(unknown)}; choose from {', '.join(APPS)}")
    # A million events make events.csv ~270 MB and statements.csv ~340 MB, over the loader's default limit
    # of 200 MB per file; every server and child process of the run inherits this.
    os.environ.setdefault("DASHBOARD_MAX_FILE_MB", "1024")
    ours, args.ours_source = source_of_ours(args.rev)
    app_files = {"ours": ours, "floor": FLOOR_APP, "naive": NAIVE_APP}
    args.load_before = load_average()
    print(f"Machine: {machine()}; load average {args.load_before}\nOurs: {args.ours_source}", flush=True)

    from playwright.sync_api import sync_playwright

    began = time.monotonic()
    results: dict[str, dict[str, Result]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**LAUNCH_OPTIONS)
            for size in sizes:
                data = data_for(size)
                words = search_sequence(data, args.changes)
                for app in apps:
                    result = results.setdefault(size, {})[app] = Result(size, app)
                    if app == "naive" and size != "bundled" and int(size) > NAIVE_MAX_EVENTS:
                        result.notes.append(f"not run above {NAIVE_MAX_EVENTS:,} events (see NAIVE_MAX_EVENTS)")
                        continue
                    print(f"{size:>8} {app:<5} browser…", end=" ", flush=True)
                    if app == "ours":
                        warm_snapshot(app_files[app], data)
                    measure_in_browser(browser, result, app_files[app], data, words, budget_s)
                    print("AppTest…", end=" ", flush=True)
                    measure_reruns(result, app_files[app], data, words, budget_s)
                    print("protocol…", end=" ", flush=True)
                    measure_server_cpu(result, app_files[app], data, words, budget_s)
                    print(
                        f"cold {_fmt(result.cold_start_s, 1)} s, p50 {_fmt(result.p50_ms)} ms, "
                        f"rerun {_fmt(result.rerun_median, 1)} ms, CPU/change {_fmt(result.cpu_ms_per_change, 1)} ms, "
                        f"peak {_fmt(result.peak_mb)} MB " + "; ".join(result.notes),
                        flush=True,
                    )
            browser.close()
    except KeyboardInterrupt:  # measure_in_browser has stopped its server on the way out
        print("\ninterrupted; reporting what was measured", flush=True)
    text = report(results, args, time.monotonic() - began)
    print("\n" + text)
    if args.out:
        write_section(args.out, "quick" if args.quick else "full", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
