"""The browser load test's report and memory figures, from given results (no browser, no server)."""

from harness.processes import MemorySampler
from loadtest.memory import MemoryReport, memory_report
from loadtest.report import report
from loadtest.viewer import Results

MB = 2**20


def test_the_report_gives_errors_memory_and_latency_per_change():
    results = Results(
        latencies={"search": [0.5, 1.5], "lanes": [0.25]},
        unobserved_runs=1,
        open_times=[2.0, 4.0],
        errors=["session 3: search: TimeoutError: slow"],
    )
    during = (260 * MB, None, 280 * MB, 290 * MB)
    memory = MemoryReport(start=200 * MB, peak=300 * MB, open=250 * MB, during=during, end=290 * MB, after=None)
    text = report("python -m loadtest --sessions 5", 5, 10, results, memory, 30.0)
    assert text.startswith("# Load test: concurrent viewers\n")
    assert "\n    python -m loadtest --sessions 5\n" in text
    assert "| errors | 1 |" in text
    assert "| changes whose run the page counter missed (counted once the URL showed them) | 1 |" in text
    assert "| filter changes | 3 (0.1/s) |" in text
    assert "| first page load p50 / max (viewers arriving one a second) | 3.00 s / 4.00 s |" in text
    assert "| server RSS at 25 / 50 / 75 / 100 % of the filter changes | 260 MB / n/a / 280 MB / 290 MB |" in text
    assert "| server RSS 10 s after all sessions closed | n/a |" in text
    assert "| peak growth per session (peak − before) / sessions | 20 MB |" in text
    assert "| all filter changes | 3 | 0.50 s | 1.40 s | 1.50 s |" in text
    assert "| lanes | 1 | 0.25 s | 0.25 s | 0.25 s |" in text
    assert "- session 3: search: TimeoutError: slow" in text


def test_memory_figures_are_the_last_samples_before_each_moment():
    memory = MemorySampler([], every_s=1)
    memory.samples = [(100.0, 10), (102.0, 40), (105.0, 20), (110.0, 30)]
    figures = memory_report(memory, start=5, started=101.0, seconds=8, end=30, after=25)
    # During the changes from 101 s for 8 s: at 103, 105, 107 and 109 s.
    assert figures.during == (40, 20, 20, 20)
    assert (figures.start, figures.open, figures.peak, figures.end, figures.after) == (5, 10, 40, 30, 25)
