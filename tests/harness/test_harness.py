"""The shared harness: percentile's scale, and a server that fails to start says why."""

import socket
from pathlib import Path

import pytest

from harness.server import ServerError, StreamlitServer, free_port, is_healthy
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


def test_a_picked_port_taken_before_streamlit_binds_it_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """free_port() closes its socket, so another process can take the port before Streamlit binds it; the server
    then exits saying "Port N is not available", and a port the harness picked is picked again."""
    app = tmp_path / "app.py"
    app.write_text("import streamlit as st\nst.write('up')\n", encoding="utf-8")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        taken_port = taken.getsockname()[1]
        ports = iter([taken_port, free_port()])
        monkeypatch.setattr("harness.server.free_port", lambda: next(ports))
        with StreamlitServer(app, start_timeout_s=60) as server:
            assert server.port != taken_port and is_healthy(server.url)
        assert f"Port {taken_port} is not available" in server.log_path.read_text()


def test_a_given_port_that_is_taken_is_not_replaced(tmp_path: Path):
    """A port the caller chose (a deployment's replica) stays as given: the failure is reported, not worked around."""
    app = tmp_path / "app.py"
    app.write_text("import streamlit as st\n", encoding="utf-8")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = StreamlitServer(app, port=taken.getsockname()[1], start_timeout_s=60)
        try:
            with pytest.raises(ServerError, match="is not available"):
                server.start()
        finally:
            server.stop()
