"""Locust users that are readers of a shared link, speaking Streamlit's WebSocket protocol (no browser).

    locust -f loadtest/locustfile.py --headless --host http://127.0.0.1:8501/ -u 50 -r 10 -t 60s

Each user opens a session on one of loadtest/protocol.LINKS (request "open": the session's first run), then
every LOAD_CHANGE_EVERY seconds (default 10, paced: a slow run does not push the next one later) changes
its filters to another link's (request "change": one rerun, timed from the BackMsg to script_finished).
A change whose query string afterwards does not carry the new link's filters counts as a failure.
Only loopback hosts are accepted. `python -m loadtest.protocol_load` runs this against servers it starts
itself, bounded in users and seconds, and adds sessions held and server memory.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from locust import User, constant_pacing, task
from locust.exception import StopUser

# locust puts only this file's folder on sys.path; the loadtest package lives one up.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loadtest.protocol import (  # noqa: E402
    LINKS,
    ProtocolError,
    ReaderSession,
    RunResult,
    is_loopback,
    picker_labels,
    same_filters,
)

CHANGE_EVERY_S = float(os.environ.get("LOAD_CHANGE_EVERY", "10"))
CHANGES_FROM = float(os.environ.get("LOAD_CHANGES_FROM", "0"))
READERS = int(os.environ.get("LOAD_READERS", "0"))  # how many readers the run opens (0: do not wait for them)
OPEN_WAIT_S = 30.0  # past LOAD_CHANGES_FROM, how long changes wait at the most for the last readers to open
LABELS = picker_labels()
# Readers whose first run has returned (or failed). One locust process runs every user, so a module-level count
# is shared by all of them.
opened = 0


class Reader(User):
    wait_time = constant_pacing(CHANGE_EVERY_S)

    def on_start(self) -> None:
        if not self.host or not is_loopback(self.host):
            raise RuntimeError(f"refusing a non-loopback host: {self.host!r}")
        # Readers do not change filters in step: the first change comes at a random point of the period.
        self.link = random.choice(LINKS)
        self.session = ReaderSession(self.host, labels=LABELS)
        global opened
        try:
            self._timed("open", lambda: self._open())
        finally:
            opened += 1
        # Changes start once every reader is open, so that the burst of first runs while readers arrive is not
        # timed as changes: not before LOAD_CHANGES_FROM (a Unix time set by protocol_load: the ramp plus 5 s),
        # and, while first runs are still queued then, once the last reader's has returned (bounded).
        deadline = CHANGES_FROM + OPEN_WAIT_S
        while opened < READERS and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(max(0.0, CHANGES_FROM - time.time()) + random.uniform(0, CHANGE_EVERY_S))

    def _open(self) -> RunResult:
        self.session.connect()
        return self.session.open(self.link)

    @task
    def change(self) -> None:
        link = random.choice([other for other in LINKS if other != self.link])

        def rerun() -> RunResult:
            result = self.session.follow(link)
            if not same_filters(result.query_string, link):
                raise ProtocolError(f"change to {link!r} not applied: the page shows {result.query_string!r}")
            return result

        self._timed("change", rerun)
        self.link = link

    def on_stop(self) -> None:
        session = getattr(self, "session", None)
        if session is not None:
            session.close()

    def _timed(self, name: str, run: Callable[[], RunResult]) -> None:
        started = time.perf_counter()
        try:
            result = run()
        except Exception as error:  # every failure is counted, none ends the user
            self.environment.events.request.fire(
                request_type="ws",
                name=name,
                response_time=(time.perf_counter() - started) * 1000,
                response_length=0,
                exception=error,
                context={},
            )
            if name == "open":  # no session held: this reader leaves (counted as a failed open)
                self.session.close()
                raise StopUser() from error
            return
        self.environment.events.request.fire(
            request_type="ws",
            name=name,
            response_time=result.seconds * 1000,
            response_length=result.received_bytes,
            exception=None,
            context={},
        )
