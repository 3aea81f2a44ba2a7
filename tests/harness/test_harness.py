"""The shared harness: percentile's scale, and a server that fails to start says why."""

from pathlib import Path

import pytest

from harness.server import ServerError, StreamlitServer
from harness.stats import machine, percentile


def test_percentile_takes_q_from_0_to_1():
    values = [4.0, 1.0, 3.0, 2.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 0.5) == 2.5
    assert percentile(values, 1) == 4.0
    assert percentile([7.0], 0.95) == 7.0
    assert percentile([], 0.5) is None
    with pytest.raises(ValueError):
        percentile(values, 50)  # the other scale is a mistake, not a very high percentile


def test_machine_names_cores_and_versions():
    text = machine()
    assert "cores" in text and "Python" in text and "Streamlit" in text


def test_a_server_that_cannot_start_raises_with_its_log_tail(tmp_path: Path):
    server = StreamlitServer(tmp_path / "missing.py", start_timeout_s=30)
    try:
        with pytest.raises(ServerError, match="exited with") as failure:
            server.start()
    finally:
        server.stop()  # should it have started after all
    assert str(server.log_path) in str(failure.value)
    assert "missing.py" in str(failure.value).split("tail:", 1)[1]  # streamlit's own words, from the log
    assert server.process is not None and server.process.poll() is not None
