"""N concurrent headless browser sessions change filters against one server.

Bounded and loopback only:
- the server is one this script starts on 127.0.0.1 and a free port, or
  `--url`, which must point at a loopback address (anything else is refused);
- at most 50 sessions and 600 seconds; every wait has a timeout.

One Chromium, one browser context (its own Streamlit session) per simulated
viewer. Each session opens the app, then until time is up repeats: type a
search, clear it, pick an actor, remove it, set a date, switch the lanes, and
times each change from the input until the rerun has finished. Errors are
exceptions and timeouts in an action, uncaught page errors, console errors
(except Streamlit's two known base-path probes) and Streamlit exception boxes.
The server's resident memory (RSS, with any child processes) is sampled every
0.5 s: before the sessions open, its peak, at the end of the load, and again
`--settle` seconds after every session has closed.

Prints a summary and writes it as markdown (default docs/performance-load.md).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from harness.cli import bounded_int
from harness.processes import MemorySampler
from harness.server import REPO_ROOT, StreamlitServer, is_healthy
from loadtest.load import drive
from loadtest.memory import SAMPLE_EVERY_S
from loadtest.report import report

DEFAULT_OUTPUT = REPO_ROOT / "docs" / "performance-load.md"
MAX_SESSIONS = 50
MAX_SECONDS = 600
SERVER_START_TIMEOUT_S = 90


def loopback_url(text: str) -> str:
    """The URL if its host is a loopback address (127.0.0.0/8, ::1, localhost), else an error."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError("must be an http(s) URL")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    except OSError as error:
        raise argparse.ArgumentTypeError(f"cannot resolve {parts.hostname}: {error}") from None
    if not addresses or not all(ipaddress.ip_address(str(a).split("%")[0]).is_loopback for a in addresses):
        raise argparse.ArgumentTypeError(f"refusing {parts.hostname}: only loopback addresses may be loaded")
    return text if text.endswith("/") else text + "/"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sessions",
        type=bounded_int(1, MAX_SESSIONS),
        default=20,
        help=f"concurrent browser sessions (1-{MAX_SESSIONS}, default 20)",
    )
    parser.add_argument(
        "--seconds",
        type=bounded_int(1, MAX_SECONDS),
        default=60,
        help=f"how long the sessions change filters (1-{MAX_SECONDS}, default 60)",
    )
    parser.add_argument(
        "--url", type=loopback_url, help="a running app on a loopback address (default: start one on 127.0.0.1)"
    )
    parser.add_argument("--server-pid", type=int, help="with --url: the server's PID, to sample its memory")
    parser.add_argument("--data", type=Path, help="DASHBOARD_DATA for the server this script starts")
    parser.add_argument(
        "--settle",
        type=bounded_int(1, 120),
        default=10,
        help="seconds to wait after the sessions close before the last memory sample",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="markdown report to write")
    parser.add_argument("--no-write", action="store_true", help="print the summary only")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = "python -m loadtest " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    server = None
    if args.url:
        url, pid = args.url, args.server_pid
        if not is_healthy(url):
            raise SystemExit(f"no healthy Streamlit server at {url}")
    else:
        env = {"DASHBOARD_DATA": str(args.data.resolve())} if args.data else None
        server = StreamlitServer(env=env, start_timeout_s=SERVER_START_TIMEOUT_S).start()
        url, pid = server.url, server.pid
        print(f"server {url} (pid {pid}, log {server.log_path})", flush=True)
    memory = MemorySampler([pid] if pid is not None else [], every_s=SAMPLE_EVERY_S)
    try:
        results, figures, elapsed = asyncio.run(drive(args, url, memory))
    finally:
        if server is not None:
            server.stop()
    text = report(command, args.sessions, args.settle, results, figures, min(elapsed, args.seconds))
    print(text)
    if not args.no_write:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"written to {args.output}")
    return 1 if results.errors else 0
