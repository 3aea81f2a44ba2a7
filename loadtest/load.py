"""The browser load: one Chromium, one context (so one Streamlit session) per viewer, opened one a second over
every page; once all are open each repeats its filter changes until time is up. The server's memory is sampled
throughout.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from dataclasses import dataclass, field

from playwright.async_api import Browser, Page

from dashboard.pages import PAGES, address
from harness.browser import IDLE, KNOWN_PROBE, LAUNCH_OPTIONS, RUN_COUNTER, RUNS_AT_LEAST, SKELETON, VIEWPORT
from harness.processes import MemorySampler
from loadtest.memory import MemoryReport, memory_report
from loadtest.viewer import ACTION_TIMEOUT_MS, Results, Viewer, timed

RAMP_S = 1.0  # one new viewer a second while the sessions open
FIRST_CHANGE_SPREAD_MS = 5_000
OPEN_TIMEOUT_MS = 120_000
WARM_UP_MS = 2_000

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


def record_page_errors(page: Page, number: int, results: Results) -> None:
    """Uncaught page errors and console errors (except Streamlit's known base-path probes) count as errors."""
    page.on("pageerror", lambda error: results.errors.append(f"session {number}: page error: {error}"))
    page.on(
        "console",
        lambda message: (
            results.errors.append(f"session {number}: console error: {message.text[:200]}")
            if message.type == "error" and not KNOWN_PROBE.match(message.location.get("url") or "")
            else None
        ),
    )


async def open_page(page: Page, url: str, results: Results) -> None:
    """Open `url` and wait for its first run to finish and the page to be drawn; the time goes to `open_times`."""
    start = time.perf_counter()
    await page.goto(url, timeout=OPEN_TIMEOUT_MS)
    await page.wait_for_function(RUNS_AT_LEAST, arg=1, timeout=OPEN_TIMEOUT_MS)
    await page.locator(SKELETON).first.wait_for(state="detached", timeout=OPEN_TIMEOUT_MS)
    results.open_times.append(time.perf_counter() - start)


async def change_filters(number: int, viewer: Viewer, url: str, phase: Phase, results: Results) -> None:
    """The viewer's changes in turn until the deadline; a failed one is counted and the page reopened."""
    page, steps = viewer.page, viewer.actions()
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


async def session(number: int, browser: Browser, url: str, phase: Phase, results: Results) -> None:
    """One viewer: arrive in turn, open a page, wait for the others, then change filters until time is up."""
    rng = random.Random(number)
    context = await browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    await context.add_init_script(RUN_COUNTER)
    page = await context.new_page()
    record_page_errors(page, number, results)
    url = url + PAGE_PATHS[number % len(PAGE_PATHS)]
    opened = False
    try:
        await asyncio.sleep(number * RAMP_S)  # viewers arrive one after another
        await open_page(page, url, results)
        opened = True
        phase.one_open()
        await asyncio.wait_for(phase.all_open.wait(), timeout=OPEN_TIMEOUT_MS / 1000 + phase.sessions * RAMP_S)
        # Real viewers do not all act in the same second: spread the first changes.
        await page.wait_for_timeout(rng.uniform(0, FIRST_CHANGE_SPREAD_MS))
        await change_filters(number, Viewer(page, rng), url, phase, results)
    except Exception as error:  # noqa: BLE001
        results.errors.append(f"session {number}: {type(error).__name__}: {str(error)[:200]}")
        if not opened:
            phase.one_open()  # counted as an error; the others do not wait for it
    finally:
        await context.close()


async def warm_up(browser: Browser, url: str) -> None:
    """One session loads the dataset and the chart libraries, so "before" is the memory of a ready server, not of
    an idle one."""
    warm = await browser.new_context()
    warm_page = await warm.new_page()
    await warm_page.goto(url, timeout=OPEN_TIMEOUT_MS)
    await warm_page.wait_for_selector(IDLE, timeout=OPEN_TIMEOUT_MS)
    await warm_page.wait_for_timeout(WARM_UP_MS)
    await warm.close()


async def run_sessions(browser: Browser, url: str, phase: Phase, results: Results) -> None:
    """Every session; each ends within one action timeout after the deadline, and the overall wait is bounded."""
    tasks = [asyncio.create_task(session(n, browser, url, phase, results)) for n in range(phase.sessions)]
    limit = phase.sessions * RAMP_S + 2 * OPEN_TIMEOUT_MS / 1000 + phase.seconds + ACTION_TIMEOUT_MS / 1000
    _, pending = await asyncio.wait(tasks, timeout=limit)
    for task in pending:
        task.cancel()
        results.errors.append("a session did not finish in time and was cancelled")
    await asyncio.gather(*pending, return_exceptions=True)


async def drive(args: argparse.Namespace, url: str, memory: MemorySampler) -> tuple[Results, MemoryReport, float]:
    """The load of `args.sessions` viewers for `args.seconds` against `url`: results, memory, seconds of changes."""
    from playwright.async_api import async_playwright

    results = Results()
    phase = Phase(args.sessions, args.seconds)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**LAUNCH_OPTIONS)
            try:
                await warm_up(browser, url)
                start_rss = memory.sample()
                memory.start()
                await run_sessions(browser, url, phase, results)
                started = phase.started or time.monotonic()
                elapsed = time.monotonic() - started
                end_rss = memory.last()
            finally:
                await browser.close()
        await asyncio.sleep(args.settle)
        after_rss = memory.sample()
    finally:
        memory.stop()
    return results, memory_report(memory, start_rss, started, args.seconds, end_rss, after_rss), elapsed
