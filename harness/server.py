"""A Streamlit server on loopback, for tests, benchmarks and load tests.

    with StreamlitServer(env={"DASHBOARD_DATA": "/tmp/data"}) as server:
        page.goto(server.url)

Started the way Streamlit tests itself: `streamlit run` headless on a free port of 127.0.0.1 (or a given port and
base path, as the replicas of deploy/ are), ready once `/_stcore/health` answers `ok`. Its output goes to a log
file; it runs in its own process group, which `stop()` ends as a whole (terminate, then kill after 10 s). Every
failure to start is a `ServerError` carrying the log tail.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from dashboard.paths import BUNDLED_DATA

__all__ = ["APP", "BUNDLED_DATA", "REPO_ROOT", "ServerError", "StreamlitServer"]

REPO_ROOT = Path(__file__).resolve().parents[1]
APP = REPO_ROOT / "dashboard" / "app.py"
START_TIMEOUT_S = 60.0  # until /_stcore/health answers, on a loaded 2-core machine
STOP_TIMEOUT_S = 10.0
PORT_TRIES = 3  # new free ports to try when the picked one is taken before Streamlit binds it

# Headless, no usage statistics, no file watcher (nothing changes under a test).
STREAMLIT_FLAGS = (
    "--server.headless",
    "true",
    "--browser.gatherUsageStats",
    "false",
    "--server.fileWatcherType",
    "none",
)


class ServerError(RuntimeError):
    """The server exited or did not become healthy in time; the message ends with its log tail."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "".join(path.read_text(errors="replace").splitlines(keepends=True)[-lines:])
    except OSError as error:
        return f"(no log: {error})"


def is_healthy(url: str) -> bool:
    """Whether `url` (ending in "/") answers `ok` at `_stcore/health`."""
    try:
        with urllib.request.urlopen(url + "_stcore/health", timeout=2) as response:
            return bool(response.read().decode().strip() == "ok")
    except OSError:
        return False


class StreamlitServer:
    """`streamlit run APP` on 127.0.0.1 and a free port (or `port`).

    `env` is laid over os.environ (a None value removes the variable, e.g. {"DASHBOARD_DATA": None} for the
    bundled data). `cwd` is where the server runs (the repository by default). `base_path` serves the app under
    a path (`--server.baseUrlPath`, as behind a proxy). `log_path` is written on the first start and appended to
    on restarts. After `start()`: `url` (ending in "/"), `process`, `pid` and `log_path`.
    """

    def __init__(
        self,
        app: Path = APP,
        *,
        env: Mapping[str, str | None] | None = None,
        cwd: Path | None = None,
        port: int | None = None,
        base_path: str = "",
        log_path: Path | None = None,
        start_timeout_s: float = START_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.cwd = cwd or REPO_ROOT
        self.start_timeout_s = start_timeout_s
        self.env = dict(os.environ)
        for key, value in (env or {}).items():
            if value is None:
                self.env.pop(key, None)
            else:
                self.env[key] = value
        # A port we picked may be taken by another process between free_port() and Streamlit's bind (seen once in
        # a full suite run: "Port N is not available", exit 1); only then is it ours to change.
        self.picked_port = port is None
        self.base_path = base_path.strip("/")
        self._use_port(port or free_port())
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = log_path or Path(tempfile.gettempdir()) / f"streamlit-{self.port}-{os.getpid()}.log"

    def _use_port(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}/" + (f"{self.base_path}/" if self.base_path else "")

    @property
    def pid(self) -> int:
        if self.process is None:
            raise ServerError("the server is not started")
        return self.process.pid

    def start(self) -> StreamlitServer:
        """Start the server and wait (bounded) until it is healthy; a ServerError otherwise."""
        return self.launch().wait_healthy()

    def launch(self) -> StreamlitServer:
        """Start the server without waiting for it (several servers then start side by side)."""
        if self.process is not None and self.process.poll() is None:
            raise ServerError(f"the server at {self.url} is already running (pid {self.process.pid})")
        command = [sys.executable, "-m", "streamlit", "run", str(self.app), "--server.address", "127.0.0.1"]
        command += ["--server.port", str(self.port), *STREAMLIT_FLAGS]
        if self.base_path:
            command += ["--server.baseUrlPath", self.base_path]
        with self.log_path.open("ab" if self.process is not None else "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def wait_healthy(self) -> StreamlitServer:
        """Wait (bounded) until the launched server is healthy; a ServerError if it exits or times out."""
        process = self.process
        if process is None:
            raise ServerError("the server is not started")
        deadline = time.monotonic() + self.start_timeout_s
        tries_left = PORT_TRIES
        while not is_healthy(self.url):
            if process.poll() is not None:
                if tries_left and self._lost_its_port():
                    tries_left -= 1
                    self._use_port(free_port())
                    process = self.launch().process
                    assert process is not None
                    continue
                self._fail(f"streamlit exited with {process.returncode} before it was healthy")
            if time.monotonic() > deadline:
                self.stop()
                self._fail(f"streamlit not healthy at {self.url} after {self.start_timeout_s:g} s")
            time.sleep(0.1)
        return self

    def _lost_its_port(self) -> bool:
        """Whether the server exited because another process took the port picked for it."""
        return self.picked_port and f"Port {self.port} is not available" in log_tail(self.log_path)

    def _fail(self, what: str) -> NoReturn:
        raise ServerError(f"{what}; log {self.log_path}, tail:\n{log_tail(self.log_path)}")

    def stop(self) -> None:
        """End the server's whole process group: terminate, then kill after 10 s."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                return
            try:
                process.wait(timeout=STOP_TIMEOUT_S)
                return
            except subprocess.TimeoutExpired:
                continue

    def kill(self) -> None:
        """End the server at once, as a crash, a redeploy or a cloud reboot would (SIGKILL to its group).
        `start()` afterwards brings it back on the same port."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        process.wait(timeout=STOP_TIMEOUT_S)

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()
