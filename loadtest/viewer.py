"""One simulated viewer of the browser load test: its filter changes, each timed to the end of the rerun it causes.

Each action makes one change that causes a rerun and returns a JavaScript test of the URL's `params` that holds
once the change applied; `timed` runs an action on a settled page and records how long its rerun took.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from playwright.async_api import Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from dashboard.model.url_params import LANE_CHOICES
from harness.browser import IDLE, RUNS_AT_LEAST, RUNS_DONE, SKELETON

ACTION_TIMEOUT_MS = 60_000  # one filter change, rerun included, on a loaded 2-core machine
SEARCH_WORDS = ["Lisbon", "guarantee", "radar", "Rogozin", "Chicago", "shield", "sectoral", "Medvedev"]
ACTORS = [
    ("Rasmussen", "Anders Fogh Rasmussen"),
    ("Lavrov", "Sergei Lavrov"),
    ("Rogozin", "Dmitry Rogozin"),
    ("Medvedev", "Dmitry Medvedev"),
]
DATES = ["2010-06-01", "2011-01-01", "2011-06-30", "2010-11-19"]


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
