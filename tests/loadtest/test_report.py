"""The browser load test's report and memory figures, from given results (no browser, no server)."""

import argparse

from loadtest.run import Memory, MemoryReport, Results, report, rss_at

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
    args = argparse.Namespace(sessions=5, settle=10)
    text = report(args, "python -m loadtest --sessions 5", results, memory, 30.0)
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


def test_memory_at_a_moment_is_the_last_sample_before_it():
    memory = Memory(pid=None, samples=[(1.0, 10), (2.0, 20), (3.0, 30)])
    assert [rss_at(memory, t) for t in (0.5, 1.0, 2.5, 9.0)] == [None, 10, 20, 30]
    assert memory.peak() == 30
