"""N concurrent headless browser sessions change filters against one server.

Bounded and loopback only:
- the server is one this script starts on 127.0.0.1 and a free port, or
  `--url`, which must point at a loopback address (anything else is refused);
- at most 50 sessions and 600 seconds; every wait has a timeout.

One Chromium, one browser context (its own Streamlit session) per simulated
viewer. Each session opens the app, then until time is up repeats: type a
search, clear it, pick an actor, remove it, set a date, switch the lanes, and
times each change from the input until the rerun has finished. Errors are
exceptions and timeouts in an action, uncaught page errors, console errors
(except Streamlit's two known base-path probes) and Streamlit exception boxes.
The server's resident memory (RSS, with any child processes) is sampled every
0.5 s: before the sessions open, its peak, at the end of the load, and again
`--settle` seconds after every session has closed.

Prints a summary and writes it as markdown (default docs/performance-load.md).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import random
import shlex
import socket
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import psutil
from playwright.async_api import Browser, Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from dashboard.model.url_params import LANE_CHOICES
from dashboard.pages import PAGES, address
from harness.browser import IDLE, KNOWN_PROBE, LAUNCH_OPTIONS, RUN_COUNTER, RUNS_AT_LEAST, RUNS_DONE, SKELETON, VIEWPORT
from harness.cli import bounded_int
from harness.server import StreamlitServer, is_healthy
from harness.stats import load_average, machine, percentile

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO_ROOT / "docs" / "performance-load.md"
MAX_SESSIONS = 50
MAX_SECONDS = 600
RAMP_S = 1.0  # one new viewer a second while the sessions open
FIRST_CHANGE_SPREAD_MS = 5_000
ACTION_TIMEOUT_MS = 60_000  # one filter change, rerun included, on a loaded 2-core machine
OPEN_TIMEOUT_MS = 120_000
SERVER_START_TIMEOUT_S = 90
SAMPLE_EVERY_S = 0.5
SEARCH_WORDS = ["Lisbon", "guarantee", "radar", "Rogozin", "Chicago", "shield", "sectoral", "Medvedev"]
ACTORS = [
    ("Rasmussen", "Anders Fogh Rasmussen"),
    ("Lavrov", "Sergei Lavrov"),
    ("Rogozin", "Dmitry Rogozin"),
    ("Medvedev", "Dmitry Medvedev"),
]
DATES = ["2010-06-01", "2011-01-01", "2011-06-30", "2010-11-19"]


# --------------------------------------------------------------------------- arguments


def loopback_url(text: str) -> str:
    """The URL if its host is a loopback address (127.0.0.0/8, ::1, localhost), else an error."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError("must be an http(s) URL")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    except OSError as error:
        raise argparse.ArgumentTypeError(f"cannot resolve {parts.hostname}: {error}") from None
    if not addresses or not all(ipaddress.ip_address(str(a).split("%")[0]).is_loopback for a in addresses):
        raise argparse.ArgumentTypeError(f"refusing {parts.hostname}: only loopback addresses may be loaded")
    return text if text.endswith("/") else text + "/"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sessions",
        type=bounded_int(1, MAX_SESSIONS),
        default=20,
        help=f"concurrent browser sessions (1-{MAX_SESSIONS}, default 20)",
    )
    parser.add_argument(
        "--seconds",
        type=bounded_int(1, MAX_SECONDS),
        default=60,
        help=f"how long the sessions change filters (1-{MAX_SECONDS}, default 60)",
    )
    parser.add_argument(
        "--url", type=loopback_url, help="a running app on a loopback address (default: start one on 127.0.0.1)"
    )
    parser.add_argument("--server-pid", type=int, help="with --url: the server's PID, to sample its memory")
    parser.add_argument("--data", type=Path, help="DASHBOARD_DATA for the server this script starts")
    parser.add_argument(
        "--settle",
        type=bounded_int(1, 120),
        default=10,
        help="seconds to wait after the sessions close before the last memory sample",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="markdown report to write")
    parser.add_argument("--no-write", action="store_true", help="print the summary only")
    return parser


# --------------------------------------------------------------------------- server and memory


def rss_bytes(pid: int) -> int | None:
    """Resident memory of `pid` and its children, None if gone."""
    try:
        process = psutil.Process(pid)
        return process.memory_info().rss + sum(child.memory_info().rss for child in process.children(True))
    except psutil.Error:
        return None


@dataclass
class Memory:
    pid: int | None
    samples: list[tuple[float, int]] = field(default_factory=list)

    def sample(self) -> int | None:
        if self.pid is None:
            return None
        value = rss_bytes(self.pid)
        if value is not None:
            self.samples.append((time.monotonic(), value))
        return value

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.sample()
            try:
                await asyncio.wait_for(stop.wait(), timeout=SAMPLE_EVERY_S)
            except TimeoutError:
                pass

    def peak(self) -> int | None:
        return max((value for _, value in self.samples), default=None)


# --------------------------------------------------------------------------- sessions


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    unobserved_runs: int = 0  # changes applied (URL shows them) whose run the counter missed
    open_times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def all_latencies(self) -> list[float]:
        return [value for values in self.latencies.values() for value in values]


async def runs_done(page: Page) -> int:
    done: int = await page.evaluate(RUNS_DONE)
    return done


RUN_SEEN_TIMEOUT_MS = 15_000
APPLIED = (
    f"(check) => !!document.querySelector({IDLE!r}) && "
    "new Function('params', 'return ' + check)(new URLSearchParams(location.search))"
)


async def wait_rerun(page: Page, before: int, applied: str, results: Results) -> None:
    """Until a new run has finished. A very quick run can slip past the run
    counter (the page may never render the "running" state); then the change
    counts once the page is idle and its URL shows it (`applied`, a JS
    expression over `params`), and is reported as an unobserved run."""
    try:
        await page.wait_for_function(RUNS_AT_LEAST, arg=before + 1, timeout=RUN_SEEN_TIMEOUT_MS)
    except PlaywrightTimeout:
        await page.wait_for_function(APPLIED, arg=applied, timeout=ACTION_TIMEOUT_MS - RUN_SEEN_TIMEOUT_MS)
        results.unobserved_runs += 1


Action = Callable[[], Awaitable[str]]


async def timed(page: Page, results: Results, name: str, action: Action) -> None:
    """Run `action` (a coroutine function causing one rerun and returning a JS
    test of the URL's `params` that holds once it applied), time it to the end
    of the rerun."""
    # A viewer acts on a settled page: input typed while a run is still
    # redrawing the sidebar can be lost, which is not what is measured here.
    await page.wait_for_selector(IDLE, timeout=ACTION_TIMEOUT_MS)
    await page.locator(SKELETON).first.wait_for(state="detached", timeout=ACTION_TIMEOUT_MS)
    before = await runs_done(page)
    start = time.perf_counter()
    applied = await action()
    await wait_rerun(page, before, applied, results)
    results.latencies.setdefault(name, []).append(time.perf_counter() - start)
    if await page.locator("[data-testid=stException]").count():
        results.errors.append(f"{name}: the page shows an exception")


# Viewers spread over every page; the default page is opened at the root.
PAGE_PATHS = [address(spec) for spec in PAGES]


@dataclass
class Phase:
    """Sessions open first (ramped), then all change filters for the same window."""

    sessions: int
    seconds: int
    opened: int = 0
    all_open: asyncio.Event = field(default_factory=asyncio.Event)
    deadline: float = 0.0
    started: float = 0.0

    def one_open(self) -> None:
        self.opened += 1
        if self.opened == self.sessions:
            self.started = time.monotonic()
            self.deadline = self.started + self.seconds
            self.all_open.set()


class Viewer:
    """One simulated viewer's filter changes on its page. Each action makes one change that causes a rerun and
    returns a JS test of the URL's `params` that holds once the change applied."""

    def __init__(self, page: Page, rng: random.Random) -> None:
        self.page = page
        self.rng = rng
        # The current values: choosing the same value again causes no rerun.
        self.word = ""
        self.day = ""
        self.lane = "affiliation"
        self.picked_actors: list[str] = []  # ids, which are the lower-cased surnames

    def _another(self, choices: list[str], current: str) -> str:
        return self.rng.choice([choice for choice in choices if choice != current])

    async def search(self) -> str:
        box = self.page.get_by_role("textbox", name="Search text")
        self.word = self._another(SEARCH_WORDS, self.word)
        await box.fill(self.word)
        await box.press("Enter")
        return f"params.get('q') === {self.word!r}"

    async def clear_search(self) -> str:
        box = self.page.get_by_role("textbox", name="Search text")
        await box.fill("")
        self.word = ""
        await box.press("Enter")
        return "!params.has('q')"

    async def pick_actor(self) -> str:
        typed, option = self.rng.choice([a for a in ACTORS if a[0].lower() not in self.picked_actors])
        box = self.page.get_by_role("combobox", name="Actors", exact=True)
        await box.click()
        await box.fill(typed)
        await self.page.get_by_role("option", name=option, exact=True).click()
        self.picked_actors.append(typed.lower())
        return f"params.getAll('actor').includes({typed.lower()!r})"

    async def remove_actor(self) -> str:
        box = self.page.get_by_role("combobox", name="Actors", exact=True)
        await box.click()
        await box.fill("")
        await box.press("Backspace")
        removed = self.picked_actors.pop() if self.picked_actors else ""
        return f"!params.getAll('actor').includes({removed!r})"

    async def set_date(self) -> str:
        year = self.page.get_by_role("spinbutton", name="year, From", exact=True)
        await year.click()
        self.day = self._another(DATES, self.day)
        await self.page.keyboard.type(self.day.replace("-", ""))
        await self.page.keyboard.press("Enter")
        await self.page.locator("[data-testid=stSidebar]").get_by_role("heading", name="Filters").click()
        return f"params.get('from') === {self.day!r}"

    async def switch_lanes(self) -> str:
        lanes = self.page.locator("[data-testid=stButtonGroup]")
        if not await lanes.count():
            return await self.search()  # only the timeline has lanes
        self.lane = self._another(list(LANE_CHOICES), self.lane)
        await lanes.get_by_text(self.lane, exact=True).click()
        return f"(params.get('lanes') || 'affiliation') === {self.lane!r}"

    def actions(self) -> list[tuple[str, Action]]:
        """The changes, in the order each viewer repeats them."""
        return [
            ("search", self.search),
            ("clear search", self.clear_search),
            ("pick actor", self.pick_actor),
            ("remove actor", self.remove_actor),
            ("set date", self.set_date),
            ("lanes", self.switch_lanes),
        ]


async def session(number: int, browser: Browser, url: str, phase: Phase, results: Results) -> None:
    rng = random.Random(number)
    context = await browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    await context.add_init_script(RUN_COUNTER)
    page = await context.new_page()
    page.on("pageerror", lambda error: results.errors.append(f"session {number}: page error: {error}"))
    page.on(
        "console",
        lambda message: (
            results.errors.append(f"session {number}: console error: {message.text[:200]}")
            if message.type == "error" and not KNOWN_PROBE.match(message.location.get("url") or "")
            else None
        ),
    )
    steps = Viewer(page, rng).actions()
    url = url + PAGE_PATHS[number % len(PAGE_PATHS)]
    opened = False
    try:
        await asyncio.sleep(number * RAMP_S)  # viewers arrive one after another
        start = time.perf_counter()
        await page.goto(url, timeout=OPEN_TIMEOUT_MS)
        await page.wait_for_function(RUNS_AT_LEAST, arg=1, timeout=OPEN_TIMEOUT_MS)
        await page.locator(SKELETON).first.wait_for(state="detached", timeout=OPEN_TIMEOUT_MS)
        results.open_times.append(time.perf_counter() - start)
        opened = True
        phase.one_open()
        await asyncio.wait_for(phase.all_open.wait(), timeout=OPEN_TIMEOUT_MS / 1000 + phase.sessions * RAMP_S)
        # Real viewers do not all act in the same second: spread the first changes.
        await page.wait_for_timeout(rng.uniform(0, FIRST_CHANGE_SPREAD_MS))
        step = 0
        while time.monotonic() < phase.deadline:
            name, action = steps[step % len(steps)]
            try:
                await timed(page, results, name, action)
                if name == "remove actor":  # leave the pick-list closed for the next step
                    await page.keyboard.press("Escape")
            except Exception as error:  # noqa: BLE001 - every failure is counted, then the session recovers
                results.errors.append(f"session {number}: {name}: {type(error).__name__}: {str(error)[:200]}")
                await page.goto(url, timeout=OPEN_TIMEOUT_MS)
                await page.wait_for_selector(IDLE, timeout=OPEN_TIMEOUT_MS)
            step += 1
    except Exception as error:  # noqa: BLE001
        results.errors.append(f"session {number}: {type(error).__name__}: {str(error)[:200]}")
        if not opened:
            phase.one_open()  # counted as an error; the others do not wait for it
    finally:
        await context.close()


# --------------------------------------------------------------------------- report


def mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 2**20:,.0f} MB"


def secs(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


@dataclass(frozen=True)
class MemoryReport:
    """Server RSS in bytes (None where no sample was taken) at the moments the report names."""

    start: int | None  # a warmed-up server, before the sessions
    peak: int | None
    open: int | None  # every session open, before the filter changes
    during: tuple[int | None, ...]  # at 25, 50, 75 and 100 % of the filter changes
    end: int | None  # the end of the load
    after: int | None  # `--settle` seconds after every session closed


def report(args: argparse.Namespace, command: str, results: Results, memory: MemoryReport, seconds: float) -> str:
    all_latencies = results.all_latencies()
    rows = [("all filter changes", all_latencies)] + sorted(results.latencies.items())
    lines = [
        "# Load test: concurrent viewers",
        "",
        f"Run {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} with:",
        "",
        f"    {command}",
        "",
        f"Machine: {machine()}, load average {load_average()} at the end. "
        "Other jobs (benchmarks) may have been running at the same time; "
        "the figures are an upper bound for an idle machine.",
        "",
        f"{args.sessions} headless Chromium sessions (one browser, one context each, so one Streamlit session each) "
        f"opened the app one a second, spread over the {len(PAGES)} pages; once all were open they changed sidebar "
        f"filters for {seconds:.0f} s against one server on the bundled data, each waiting for its "
        "rerun to finish before the next change (search text, clear it, pick an actor, remove it, set a date, "
        "switch the lanes where the page has them). The browsers run on the same 2 cores as the server, so "
        "latency includes drawing the page in the browser.",
        "",
        "| | value |",
        "|---|---|",
        f"| errors | {len(results.errors)} |",
        f"| changes whose run the page counter missed (counted once the URL showed them) | {results.unobserved_runs} |",
        f"| filter changes | {len(all_latencies):,} ({len(all_latencies) / max(seconds, 1):.1f}/s) |",
        f"| first page load p50 / max (viewers arriving one a second) | {secs(percentile(results.open_times, 0.5))} / "
        f"{secs(max(results.open_times, default=None))} |",
        f"| server RSS before the sessions | {mb(memory.start)} |",
        f"| server RSS peak | {mb(memory.peak)} |",
        f"| server RSS with every session open, before the filter changes | {mb(memory.open)} |",
        f"| server RSS at 25 / 50 / 75 / 100 % of the filter changes | {' / '.join(mb(v) for v in memory.during)} |",
        f"| server RSS at the end of the load | {mb(memory.end)} |",
        f"| server RSS {args.settle} s after all sessions closed | {mb(memory.after)} |",
    ]
    if memory.start is not None and memory.peak is not None:
        lines.append(
            "| peak growth per session (peak − before) / sessions | "
            f"{mb((memory.peak - memory.start) // args.sessions)} |"
        )
    lines += [
        "",
        "Filter-change latency (from the input to the end of the rerun it causes):",
        "",
        "| change | count | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, values in rows:
        if values:
            lines.append(
                f"| {name} | {len(values):,} | {secs(percentile(values, 0.5))} | "
                f"{secs(percentile(values, 0.95))} | {secs(max(values))} |"
            )
    if results.errors:
        lines += ["", "Errors (first 20):", ""] + [f"- {error}" for error in results.errors[:20]]
    lines += [
        "",
        "Streamlit keeps a closed session's state for `server.disconnectedSessionTTL` (120 s by default) "
        "in case the viewer reconnects, and Python rarely hands freed memory back to the system, so the "
        "last figure falls only partly; what matters is that the peak does not keep growing with the "
        "number of sessions served.",
        "",
    ]
    return "\n".join(lines)


async def drive(args: argparse.Namespace, url: str, memory: Memory) -> tuple[Results, MemoryReport, float]:
    from playwright.async_api import async_playwright

    results = Results()
    stop = asyncio.Event()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**LAUNCH_OPTIONS)
        try:
            # Warm-up: one session loads the dataset and the chart libraries, so
            # "start" is the memory of a ready server, not of an idle one.
            warm = await browser.new_context()
            warm_page = await warm.new_page()
            await warm_page.goto(url, timeout=OPEN_TIMEOUT_MS)
            await warm_page.wait_for_selector(IDLE, timeout=OPEN_TIMEOUT_MS)
            await warm_page.wait_for_timeout(2_000)
            await warm.close()
            start_rss = memory.sample()
            sampler = asyncio.create_task(memory.run(stop))
            phase = Phase(args.sessions, args.seconds)
            # Each session ends within one action timeout after the deadline; the
            # overall wait is bounded too.
            tasks = [asyncio.create_task(session(n, browser, url, phase, results)) for n in range(args.sessions)]
            limit = args.sessions * RAMP_S + 2 * OPEN_TIMEOUT_MS / 1000 + args.seconds + ACTION_TIMEOUT_MS / 1000
            done, pending = await asyncio.wait(tasks, timeout=limit)
            for task in pending:
                task.cancel()
                results.errors.append("a session did not finish in time and was cancelled")
            await asyncio.gather(*pending, return_exceptions=True)
            started = phase.started or time.monotonic()
            elapsed = time.monotonic() - started
            end_rss = memory.samples[-1][1] if memory.samples else None
        finally:
            await browser.close()
    await asyncio.sleep(args.settle)
    after_rss = memory.sample()
    stop.set()
    await sampler
    during = tuple(rss_at(memory, started + args.seconds * q) for q in (0.25, 0.5, 0.75, 1.0))
    report = MemoryReport(
        start=start_rss, peak=memory.peak(), open=rss_at(memory, started), during=during, end=end_rss, after=after_rss
    )
    return results, report, elapsed


def rss_at(memory: Memory, moment: float) -> int | None:
    """The last sample taken at or before `moment`."""
    earlier = [value for when, value in memory.samples if when <= moment]
    return earlier[-1] if earlier else None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = "python -m loadtest " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    server = None
    if args.url:
        url, pid = args.url, args.server_pid
        if not is_healthy(url):
            raise SystemExit(f"no healthy Streamlit server at {url}")
    else:
        env = {"DASHBOARD_DATA": str(args.data.resolve())} if args.data else None
        server = StreamlitServer(env=env, start_timeout_s=SERVER_START_TIMEOUT_S).start()
        url, pid = server.url, server.pid
        print(f"server {url} (pid {pid}, log {server.log_path})", flush=True)
    try:
        results, memory, elapsed = asyncio.run(drive(args, url, Memory(pid)))
    finally:
        if server is not None:
            server.stop()
    text = report(args, command, results, memory, min(elapsed, args.seconds))
    print(text)
    if not args.no_write:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"written to {args.output}")
    return 1 if results.errors else 0
