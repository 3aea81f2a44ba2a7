"""The one memory sampler (and CPU time) of bench, loadtest and deploy, on real processes of this machine."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from harness.processes import MemorySampler, cpu_seconds, rss_bytes

MB = 2**20
# A parent that starts a child holding 64 MB, then both wait to be ended.
PARENT = (
    "import subprocess, sys, time; "
    "subprocess.Popen([sys.executable, '-c', 'import time; held = b\"x\" * (64 * 2**20); "
    "print(1, flush=True); time.sleep(60)'], stdout=sys.stdout); time.sleep(60)"
)


@pytest.fixture
def parent_with_child() -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "1\n"  # the child holds its memory
        yield process
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def test_a_process_counts_with_its_children(parent_with_child: subprocess.Popen[str]):
    total = rss_bytes([parent_with_child.pid])
    assert total is not None and total > 64 * MB  # the child's 64 MB are the parent's too
    assert cpu_seconds([parent_with_child.pid]) > 0


def test_gone_processes_are_no_sample():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)
    assert rss_bytes([gone.pid]) is None
    assert cpu_seconds([gone.pid]) == 0.0
    memory = MemorySampler([gone.pid], every_s=0.05)
    assert memory.sample() is None and memory.samples == [] and memory.peak() is None


def test_the_sampler_samples_in_a_thread_until_stopped(parent_with_child: subprocess.Popen[str]):
    with MemorySampler([parent_with_child.pid], every_s=0.05) as memory:
        deadline = time.monotonic() + 30
        while len(memory.samples) < 3:  # bounded: the thread samples every 50 ms
            assert time.monotonic() < deadline, "fewer than 3 samples in 30 s"
            time.sleep(0.05)
    peak = memory.peak()
    assert peak is not None and peak > 64 * MB
    assert memory.last() == memory.samples[-1][1]
    assert memory.at(memory.samples[0][0]) == memory.samples[0][1] and memory.at(0.0) is None
