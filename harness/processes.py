"""What a server's processes use, through psutil: resident memory (one sampler, in a thread) and CPU time.

    with MemorySampler([server.pid], every_s=0.1) as memory:
        ...                         # the load
    memory.peak(), memory.at(moment)

Used by the benchmark (the peak of one server), the browser load test (memory over the load) and the protocol
load test (the replicas of a stack). A process counts with its children, so a server that starts helpers is
measured whole.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from types import TracebackType

import psutil


def _with_children(pid: int) -> list[psutil.Process]:
    process = psutil.Process(pid)
    return [process, *process.children(recursive=True)]


def rss_bytes(pids: Iterable[int]) -> int | None:
    """Resident memory of these processes and their children, in bytes; None if none of them is alive."""
    total, alive = 0, False
    for pid in pids:
        try:
            total += sum(process.memory_info().rss for process in _with_children(pid))
            alive = True
        except psutil.Error:  # gone, or gone while its children were read
            continue
    return total if alive else None


def cpu_seconds(pids: Iterable[int]) -> float:
    """User and system CPU time of these processes and their children so far (0 for one that is gone)."""
    total = 0.0
    for pid in pids:
        try:
            total += sum(sum(process.cpu_times()[:2]) for process in _with_children(pid))
        except psutil.Error:
            continue
    return total


class MemorySampler:
    """Samples the resident memory of `pids` (with their children) every `every_s` seconds in a thread, from
    `start()` to `stop()`. `samples` holds (time.monotonic(), bytes); a moment with no live process adds none.
    `sample()` also takes one at once, started or not."""

    def __init__(self, pids: Iterable[int], every_s: float) -> None:
        self.pids = tuple(pids)
        self.every_s = every_s
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sample(self) -> int | None:
        value = rss_bytes(self.pids)
        if value is not None:
            self.samples.append((time.monotonic(), value))
        return value

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.every_s)

    def start(self) -> MemorySampler:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def peak(self) -> int | None:
        return max((value for _, value in self.samples), default=None)

    def at(self, moment: float) -> int | None:
        """The last sample taken at or before `moment` (time.monotonic()), None if there is none."""
        earlier = [value for when, value in self.samples if when <= moment]
        return earlier[-1] if earlier else None

    def last(self) -> int | None:
        return self.samples[-1][1] if self.samples else None

    def __enter__(self) -> MemorySampler:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()
