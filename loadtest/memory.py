"""The browser load test's memory figures: the server's resident memory at the moments its report names."""

from __future__ import annotations

from dataclasses import dataclass

from harness.processes import MemorySampler

SAMPLE_EVERY_S = 0.5
DURING = (0.25, 0.5, 0.75, 1.0)  # of the filter-change window


@dataclass(frozen=True)
class MemoryReport:
    """Server RSS in bytes (None where no sample was taken) at the moments the report names."""

    start: int | None  # a warmed-up server, before the sessions
    peak: int | None
    open: int | None  # every session open, before the filter changes
    during: tuple[int | None, ...]  # at 25, 50, 75 and 100 % of the filter changes
    end: int | None  # the end of the load
    after: int | None  # `--settle` seconds after every session closed


def memory_report(
    memory: MemorySampler, start: int | None, started: float, seconds: float, end: int | None, after: int | None
) -> MemoryReport:
    """The figures from `memory`'s samples, for filter changes from `started` (time.monotonic()) for `seconds`."""
    during = tuple(memory.at(started + seconds * q) for q in DURING)
    return MemoryReport(start=start, peak=memory.peak(), open=memory.at(started), during=during, end=end, after=after)
