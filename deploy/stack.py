"""Several replicas of the dashboard behind nginx, on loopback: the deployment recipe, runnable and testable.

`Stack` starts N `streamlit run dashboard/app.py` replicas through `harness.StreamlitServer` (one shared cookie
secret, through the environment) and Debian's nginx as a foreground process with its own temporary prefix
(config, pid, logs, temp and cache paths; nothing under /etc or /var), in front of them under /md-talks/.
Everything binds to 127.0.0.1, and everything is stopped on exit.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from harness.server import APP, ServerError, StreamlitServer, free_port, is_healthy, log_tail

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
BASE = "md-talks"
AFFINITY_COOKIE = "md_talks_replica"
START_TIMEOUT_S = 60
# Generous defaults for readers sharing an address (an office NAT); the load test raises them, since all of
# its simulated readers come from 127.0.0.1.
CONN_PER_ADDRESS = 100
REQ_PER_S = 20
REQ_BURST = 100
# Which pages may show the app in a frame: nginx sends `Content-Security-Policy: frame-ancestors <this>` with every
# page. Any page, by default, so a view can be embedded where its readers are (README: Embedding a view): the app
# has no sign-in and a click changes nothing but the reader's own view, so a framing page has nothing to trick a
# reader into. "'self' https://example.org" allows only the app's own pages and that site; "'none'" forbids it.
FRAME_ANCESTORS = "*"
# One source of a frame-ancestors list: 'self', *, a scheme ("https:"), or a host with optional scheme, port, path.
_FRAME_SOURCE = re.compile(
    r"'self'|\*|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"(?::(?:[0-9]{1,5}|\*))?(?:/[a-z0-9._~%/-]*)?",
    re.IGNORECASE,
)


class StackError(RuntimeError):
    """A part of the stack did not start or answer."""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        raise StackError("nginx not found: apt-get install -y nginx")
    return found


def frame_ancestors_policy(sources: str) -> str:
    """The `frame-ancestors` source list, checked: 'none' alone, or 'self', *, schemes and hosts. Nothing else gets
    into the configuration (a quote or semicolon would end nginx's directive)."""
    listed = sources.split()
    if listed == ["'none'"] or (listed and all(_FRAME_SOURCE.fullmatch(source) for source in listed)):
        return " ".join(listed)
    raise StackError(f"not a frame-ancestors source list: {sources[:80]!r} (e.g. \"'self' https://example.org\")")


def render_nginx_conf(
    replica_addresses: list[str],
    *,
    listen: str,
    prefix: str,
    base: str = BASE,
    conn_per_address: int = CONN_PER_ADDRESS,
    req_per_s: int = REQ_PER_S,
    req_burst: int = REQ_BURST,
    frame_ancestors: str = FRAME_ANCESTORS,
) -> str:
    """The nginx configuration for replicas at `replica_addresses` ("127.0.0.1:8601"), listening on `listen`,
    letting the pages of `frame_ancestors` (a CSP source list) embed the app."""
    servers = "\n".join(f"        server {address} max_fails=1 fail_timeout=10s;" for address in replica_addresses)
    values = {
        "UPSTREAM_SERVERS": servers,
        "LISTEN": listen,
        "PREFIX": prefix.rstrip("/"),
        "BASE": base.strip("/"),
        "AFFINITY_COOKIE": AFFINITY_COOKIE,
        "CONN_PER_ADDRESS": str(conn_per_address),
        "REQ_PER_S": str(req_per_s),
        "REQ_BURST": str(req_burst),
        "FRAME_ANCESTORS": frame_ancestors_policy(frame_ancestors),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    unfilled = set(re.findall(r"@([A-Z_]+)@", text)) - {"NAME"}
    if unfilled:
        raise StackError(f"unfilled placeholders {sorted(unfilled)} in {TEMPLATE}")
    return text


def get(url: str, timeout: float = 5) -> tuple[int, str]:
    """(status, body) of a GET; status 0 if nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError:
        return 0, ""


def _wait_nginx(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StackError(f"nginx exited with {process.returncode}; log tail:\n{log_tail(log, 30)}")
        if is_healthy(url):
            return
        time.sleep(0.25)
    raise StackError(f"nginx not healthy at {url} after {START_TIMEOUT_S} s; log tail:\n{log_tail(log, 30)}")


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


class Replica(StreamlitServer):
    """One replica: dashboard/app.py under /md-talks/ on its own port, logging into the stack's folder. Its `url`
    reaches it directly, bypassing nginx (for tests and measurements)."""

    def __init__(self, log_path: Path, env: Mapping[str, str | None]) -> None:
        super().__init__(APP, env=env, base_path=BASE, log_path=log_path, start_timeout_s=START_TIMEOUT_S)


@dataclass
class Stack:
    """N replicas behind nginx on loopback; use as a context manager, or start()/stop()."""

    replicas: int = 2
    port: int = 0
    data_dir: str | None = None
    conn_per_address: int = CONN_PER_ADDRESS
    req_per_s: int = REQ_PER_S
    req_burst: int = REQ_BURST
    frame_ancestors: str = FRAME_ANCESTORS
    prefix: Path = field(init=False)
    members: list[Replica] = field(init=False, default_factory=list)
    nginx: subprocess.Popen[bytes] | None = field(init=False, default=None)
    _secret: str = field(init=False, repr=False, default="")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{BASE}/"

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self.prefix = Path(tempfile.mkdtemp(prefix="md-talks-stack-"))
        # nginx started as root runs its workers as `nobody`: they must reach the temp and cache paths.
        self.prefix.chmod(0o755)
        (self.prefix / "tmp").mkdir()
        self.port = self.port or free_port()
        # One secret for every replica (server.cookieSecret, through the environment, never a CLI flag).
        self._secret = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
        try:
            self.members = [Replica(self.prefix / f"replica-{n}.log", self.replica_env()) for n in range(self.replicas)]
            for member in self.members:  # side by side: each one's start is mostly importing
                member.launch()
            for number, member in enumerate(self.members):
                try:
                    member.wait_healthy()
                except ServerError as error:
                    raise StackError(f"replica {number}: {error}") from error
            self._start_nginx()
        except BaseException:
            self.stop()
            raise

    def replica_env(self) -> dict[str, str | None]:
        """Laid over os.environ for every replica: the shared cookie secret, and the dataset (None: bundled)."""
        return {"STREAMLIT_SERVER_COOKIE_SECRET": self._secret, "DASHBOARD_DATA": self.data_dir}

    def start_replica(self, member: Replica) -> None:
        """(Re)start one replica on its port and wait until it is healthy."""
        try:
            member.start()
        except ServerError as error:
            raise StackError(f"replica on {member.port}: {error}") from error

    def kill_replica(self, member: Replica) -> None:
        """Kill a replica outright, as a crash or a lost machine would."""
        member.kill()

    def _start_nginx(self) -> None:
        conf = self.prefix / "nginx.conf"
        conf.write_text(
            render_nginx_conf(
                [f"127.0.0.1:{member.port}" for member in self.members],
                listen=f"127.0.0.1:{self.port}",
                prefix=str(self.prefix),
                conn_per_address=self.conn_per_address,
                req_per_s=self.req_per_s,
                req_burst=self.req_burst,
                frame_ancestors=self.frame_ancestors,
            ),
            encoding="utf-8",
        )
        # `-g "daemon off;"`: nginx stays in the foreground as our child, so stopping it is stopping a process.
        # `-e`: the startup error log goes to the prefix too, not to /var/log/nginx (unwritable without root).
        command = [
            nginx_binary(),
            "-p",
            str(self.prefix),
            "-c",
            str(conf),
            "-e",
            str(self.prefix / "error.log"),
            "-g",
            "daemon off;",
        ]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise StackError("nginx rejected its configuration:\n" + checked.stderr)
        log = self.prefix / "nginx.out"
        with open(log, "ab") as out:
            self.nginx = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        _wait_nginx(self.url, self.nginx, self.prefix / "error.log")

    def stop(self) -> None:
        # SIGQUIT would wait for open WebSockets to close; SIGTERM stops nginx at once.
        _stop(self.nginx)
        for member in self.members:
            member.stop()
        if getattr(self, "prefix", None) is not None and os.environ.get("DEPLOY_KEEP_LOGS") is None:
            shutil.rmtree(self.prefix, ignore_errors=True)

    def logs(self) -> str:
        """The tails of every log, for a failing test's message."""
        parts = [f"--- {path.name}\n{log_tail(path, 30)}" for path in sorted(self.prefix.glob("*.log"))]
        return "\n".join(parts)
