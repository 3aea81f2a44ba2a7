"""The browser load test's report, as markdown (docs/performance-load.md by default)."""

from __future__ import annotations

from datetime import UTC, datetime

from dashboard.pages import PAGES
from harness.stats import load_average, machine, percentile
from loadtest.memory import MemoryReport
from loadtest.viewer import Results


def mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 2**20:,.0f} MB"


def secs(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def _summary(sessions: int, settle_s: int, results: Results, memory: MemoryReport, seconds: float) -> list[str]:
    all_latencies = results.all_latencies()
    lines = [
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
        f"| server RSS {settle_s} s after all sessions closed | {mb(memory.after)} |",
    ]
    if memory.start is not None and memory.peak is not None:
        lines.append(
            f"| peak growth per session (peak − before) / sessions | {mb((memory.peak - memory.start) // sessions)} |"
        )
    return lines


def _latencies(results: Results) -> list[str]:
    lines = [
        "Filter-change latency (from the input to the end of the rerun it causes):",
        "",
        "| change | count | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, values in [("all filter changes", results.all_latencies()), *sorted(results.latencies.items())]:
        if values:
            lines.append(
                f"| {name} | {len(values):,} | {secs(percentile(values, 0.5))} | "
                f"{secs(percentile(values, 0.95))} | {secs(max(values))} |"
            )
    return lines


def report(command: str, sessions: int, settle_s: int, results: Results, memory: MemoryReport, seconds: float) -> str:
    """The run of `command`: `sessions` viewers changing filters for `seconds`, memory again `settle_s` after."""
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
        f"{sessions} headless Chromium sessions (one browser, one context each, so one Streamlit session each) "
        f"opened the app one a second, spread over the {len(PAGES)} pages; once all were open they changed sidebar "
        f"filters for {seconds:.0f} s against one server on the bundled data, each waiting for its "
        "rerun to finish before the next change (search text, clear it, pick an actor, remove it, set a date, "
        "switch the lanes where the page has them). The browsers run on the same 2 cores as the server, so "
        "latency includes drawing the page in the browser.",
        "",
        *_summary(sessions, settle_s, results, memory, seconds),
        "",
        *_latencies(results),
    ]
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
