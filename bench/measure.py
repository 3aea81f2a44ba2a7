"""The benchmark's measurements of one app at one size: in the browser, over the protocol, and through AppTest.

Every wait has a timeout and every measurement a time budget: what times out is written into the result's notes
(with how many changes were done), never hangs the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from playwright.sync_api import Browser, Locator, Page

from bench.child import Reruns
from bench.report import Result
from harness.browser import IDLE, VIEWPORT
from harness.processes import MemorySampler, cpu_seconds
from harness.server import REPO_ROOT, StreamlitServer

SERVER_START_S = 60  # until /_stcore/health answers
FIRST_DRAW_S = 300  # until the first page is fully drawn; also AppTest's limit for one run
CHANGE_S = 120  # one filter change
BUDGET_S = 300  # all filter changes of one app and size; likewise all AppTest reruns
WARM_S = 1800  # the first validation, which writes the snapshot: ~80 s at 1,000,000 events, ~8 min at 5,000,000
QUICK_BUDGET_S = 5
MEMORY_EVERY_S = 0.1

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


def search_sequence(data: Path, changes: int) -> list[str]:
    """`changes` values for the search box: a word that matches some events, then empty, and so on."""
    events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    text = (events["title"] + " " + events["summary"] + " " + events["place"]).str.casefold()
    words = [w for w in SEARCH_WORDS if text.str.contains(w.casefold(), regex=False).any()]
    return [words[(i // 2) % len(words)] if i % 2 == 0 else "" for i in range(changes)]


def _server(app: Path, data: Path) -> StreamlitServer:
    """A server of `app` run from its own folder (the working tree or a snapshot), on `data`."""
    return StreamlitServer(app, env={"DASHBOARD_DATA": str(data)}, cwd=app.parents[1], start_timeout_s=SERVER_START_S)


def _failure(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"


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


def count_received_bytes(page: Page) -> list[int]:
    """A one-item list that counts the WebSocket bytes the page receives over sockets it opens from now on (so
    before it opens the app), reset by assigning."""
    received = [0]

    def add(payload: str | bytes) -> None:
        received[0] += len(payload if isinstance(payload, bytes) else payload.encode())

    page.on("websocket", lambda ws: ws.on("framereceived", add))
    return received


def filter_changes(page: Page, received: list[int], result: Result, words: list[str], budget_s: float) -> None:
    """Each word typed and committed with Enter: the time until the chart holds new data, and the bytes received
    (counted into `received`, from count_received_bytes)."""
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


def measure_in_browser(
    browser: Browser, result: Result, app: Path, data: Path, words: list[str], budget_s: float
) -> None:
    """Cold start, filter changes, bytes per change and peak memory of one server."""
    started = time.monotonic()
    server = _server(app, data)
    memory: MemorySampler | None = None
    context = browser.new_context(viewport=VIEWPORT)
    try:
        url = server.start().url
        memory = MemorySampler([server.pid], every_s=MEMORY_EVERY_S).start()
        context.add_init_script(INIT_JS)
        page = context.new_page()
        received = count_received_bytes(page)
        page.goto(url, timeout=FIRST_DRAW_S * 1000)
        page.wait_for_function(DRAWN_JS, timeout=(FIRST_DRAW_S - (time.monotonic() - started)) * 1000, polling=50)
        result.cold_start_s = time.monotonic() - started
        wait_settled(page)
        filter_changes(page, received, result, words, budget_s)
    except Exception as error:  # a timeout or a dead server: report it, go on with the next
        what = "first draw" if result.cold_start_s is None else f"filter change {len(result.change_ms) + 1}"
        result.notes.append(f"{what}: {_failure(error)}")
    finally:
        context.close()
        server.stop()
        if memory is not None:
            memory.stop()
            result.peak_mb = (memory.peak() or 0) / 2**20


# --------------------------------------------------------------------------- protocol


def measure_server_cpu(result: Result, app: Path, data: Path, words: list[str], budget_s: float) -> None:
    """The filter changes over Streamlit's protocol (no browser): the server's CPU time per change."""
    from loadtest.protocol import ReaderSession, picker_labels

    server = _server(app, data)
    try:
        pid = server.start().pid
        with ReaderSession(server.url, labels=picker_labels(data), timeout=CHANGE_S) as reader:
            reader.open("")
            before, done = cpu_seconds([pid]), 0
            budget_end = time.monotonic() + budget_s
            for word in words:
                if time.monotonic() > budget_end:
                    break
                reader.follow(f"q={word}" if word else "")
                done += 1
            if done:
                result.cpu_ms_per_change = 1000 * (cpu_seconds([pid]) - before) / done
    except Exception as error:  # reported, the run goes on
        result.notes.append(f"protocol changes: {_failure(error)}")
    finally:
        server.stop()


# --------------------------------------------------------------------------- children (bench/child.py)


def child_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bench.child", "--timeout", str(FIRST_DRAW_S), *args]


def child_env(data: Path) -> dict[str, str]:
    """The child's environment: `bench` found in this repository (after the child's own folder), and the data."""
    path = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "DASHBOARD_DATA": str(data)}


def warm_snapshot(app: Path, data: Path) -> None:
    """Validate `data` once with the code of `app` (writing its snapshot) and open its first view once, so that
    the cold start measured next is a restart on data seen and shown before, as on a server that restarts or
    scales out (a large record keeps its first view's answers with the snapshot: data/archive.py)."""
    command = child_command("warm", str(app), str(data))
    subprocess.run(command, cwd=app.parents[1], env=child_env(data), check=True, timeout=WARM_S)


def apptest_reruns(app: Path, data: Path, words: list[str], budget_s: float) -> Reruns:
    """AppTest reruns in a child process in `app`'s folder (bench/child.py `reruns`): its answer.
    A ValueError, with the child's last error line, if it gave none."""
    command = child_command("reruns", str(app), json.dumps(words), str(budget_s))
    timeout = FIRST_DRAW_S + 2 * budget_s
    done = subprocess.run(
        command, cwd=app.parents[1], env=child_env(data), capture_output=True, text=True, timeout=timeout
    )
    try:
        found: Reruns = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise ValueError(f"AppTest failed: {done.stderr.strip().splitlines()[-1:]}") from None
    return found


def measure_reruns(result: Result, app: Path, data: Path, words: list[str], budget_s: float) -> None:
    """The server rerun times through AppTest, measured on `app`'s own `dashboard` (checked)."""
    try:
        found = apptest_reruns(app, data, words, budget_s)
    except subprocess.TimeoutExpired:
        result.notes.append(f"AppTest timed out after {FIRST_DRAW_S + 2 * budget_s:g} s")
        return
    except ValueError as error:
        result.notes.append(str(error))
        return
    expected = str((app.parents[1] / "dashboard").resolve())
    if found["dashboard"] not in (None, expected):
        result.notes.append(f"AppTest ran the dashboard at {found['dashboard']}, not {expected}: not counted")
        return
    result.rerun_ms = found["rerun_ms"]
    result.notes += found["notes"]


def profile(app: Path, data: Path, top: int = 25) -> int:
    """Where a rerun's time goes: cProfile of two warm AppTest reruns, in a child process (printed)."""
    command = child_command("profile", str(app), str(top))
    return subprocess.run(
        command, cwd=app.parents[1], env=child_env(data), timeout=FIRST_DRAW_S + 2 * BUDGET_S
    ).returncode
