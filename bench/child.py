"""What the benchmark runs in a child process, in the folder of the code it measures.

    python -m bench.child warm APP DATA                 # validate DATA with APP's code, open its first view once
    python -m bench.child reruns APP WORDS BUDGET_S     # AppTest: a first run, then one timed run per word; JSON
    python -m bench.child profile APP TOP               # cProfile of two warm AppTest reruns; the top functions

bench.measure starts it with APP's grandparent (the working tree, or a snapshot of `--rev` under bench/.cache/)
as working directory and first on sys.path, so `dashboard` is imported from the measured code, never from the
working tree: this module imports nothing of the project's (`bench` itself comes through PYTHONPATH), and
`reruns` reports the folder `dashboard` came from. A fresh process also starts each app and size with no
cache, and frees its memory afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import threading
import time
from pathlib import Path
from typing import TypedDict


class Reruns(TypedDict):
    """What `reruns` prints, as one line of JSON."""

    rerun_ms: list[float]
    notes: list[str]
    dashboard: str | None  # the folder `dashboard` was imported from


def measured_root(app: Path) -> Path:
    """The folder holding APP's package (dashboard/app.py -> the folder of dashboard/), put first on sys.path."""
    root = app.resolve().parents[1]
    sys.path.insert(0, str(root))
    return root


def dashboard_folder() -> str | None:
    """The folder `dashboard` was imported from in this process, None if it was not imported."""
    module = sys.modules.get("dashboard")
    return str(Path(module.__path__[0]).resolve()) if module is not None else None


def warm(app: Path, data: Path, timeout_s: float) -> int:
    """Validate `data` with the measured code, writing its validated snapshot, then open the app's first view
    once (AppTest), as a server does before it restarts; 0 if the data is valid and the view opened. A large
    record's archive keeps the first view's answers beside it (data/archive.py), which the measured restart reads."""
    measured_root(app)
    from streamlit.testing.v1 import AppTest

    from dashboard.data.cache import load_validated

    if load_validated(data)[0] is None:
        return 1
    at = AppTest.from_file(str(app.resolve()), default_timeout=timeout_s).run()
    return 1 if at.exception else 0


def reruns(app: Path, words: list[str], budget_s: float, timeout_s: float) -> Reruns:
    """The first run, then one timed run per search value (until `budget_s` is spent)."""
    from streamlit.testing.v1 import AppTest

    measured_root(app)
    at = AppTest.from_file(str(app), default_timeout=timeout_s)
    at.run()
    if at.exception:
        return Reruns(
            rerun_ms=[], notes=[f"first run raised: {at.exception[0].value[:120]}"], dashboard=dashboard_folder()
        )
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
    return Reruns(rerun_ms=times, notes=notes, dashboard=dashboard_folder())


def profile(app: Path, top: int, timeout_s: float) -> None:
    """Print where two warm reruns' time goes (a search word, then clearing it), by cumulative time."""
    from streamlit.testing.v1 import AppTest

    measured_root(app)
    profiles: list[cProfile.Profile] = []

    def per_thread(*_: object) -> None:  # AppTest runs the script in a new thread each run: profile those
        sys.setprofile(None)
        profiles.append(cProfile.Profile())
        profiles[-1].enable()

    at = AppTest.from_file(str(app), default_timeout=timeout_s)
    at.run()
    at.text_input(key="q").set_value("missile")
    at.run()
    at.text_input(key="q").set_value("")
    threading.setprofile(per_thread)
    at.text_input(key="q").set_value("summit").run()
    at.text_input(key="q").set_value("").run()
    threading.setprofile(None)
    pstats.Stats(*profiles).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.child", description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300, help="AppTest's limit for one run, s")
    commands = parser.add_subparsers(dest="command", required=True)
    warm_parser = commands.add_parser("warm")
    warm_parser.add_argument("app", type=Path)
    warm_parser.add_argument("data", type=Path)
    reruns_parser = commands.add_parser("reruns")
    reruns_parser.add_argument("app", type=Path)
    reruns_parser.add_argument("words", type=json.loads, help="a JSON list of search values")
    reruns_parser.add_argument("budget_s", type=float)
    profile_parser = commands.add_parser("profile")
    profile_parser.add_argument("app", type=Path)
    profile_parser.add_argument("top", type=int)
    args = parser.parse_args(argv)
    if args.command == "warm":
        return warm(args.app, args.data, args.timeout)
    if args.command == "reruns":
        print(json.dumps(reruns(args.app, args.words, args.budget_s, args.timeout)))
    else:
        profile(args.app, args.top, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
