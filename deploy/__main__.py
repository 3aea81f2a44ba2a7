"""`python -m deploy`: run N replicas behind nginx on loopback until Ctrl-C (or --seconds).

`python -m deploy render --replica 10.0.0.5:8501 --replica 10.0.0.6:8501 --listen 80 --prefix /var/lib/md-talks-nginx`
prints the nginx configuration for a real host instead.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time

from deploy.stack import (
    BASE,
    CONN_PER_ADDRESS,
    FRAME_ANCESTORS,
    REQ_BURST,
    REQ_PER_S,
    Stack,
    StackError,
    render_nginx_conf,
)
from harness.cli import bounded_int


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _limit_options(parser: argparse.ArgumentParser) -> None:
    """nginx's per-address limits, for both commands."""
    parser.add_argument("--conn-per-address", type=bounded_int(1, 100_000), default=CONN_PER_ADDRESS)
    parser.add_argument("--req-per-s", type=bounded_int(1, 100_000), default=REQ_PER_S)
    parser.add_argument("--req-burst", type=bounded_int(0, 100_000), default=REQ_BURST)
    parser.add_argument(
        "--frame-ancestors",
        default=FRAME_ANCESTORS,
        help="pages that may embed the app, a CSP source list (default *: any; \"'self' https://example.org\"; "
        "\"'none'\" forbids embedding)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m deploy", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", help="start the stack on loopback (the default)")
    render = commands.add_parser("render", help="print the nginx configuration for given replica addresses")
    for sub in (parser, run):
        sub.add_argument("--replicas", type=bounded_int(1, 8), default=2, help="Streamlit replicas (default 2)")
        sub.add_argument("--port", type=bounded_int(0, 65535), default=8500, help="nginx port on 127.0.0.1 (0: any)")
        sub.add_argument("--seconds", type=bounded_int(0, 86_400), default=0, help="stop after this long (0: Ctrl-C)")
        sub.add_argument("--data", default=None, help="dataset directory (DASHBOARD_DATA); default the bundled data")
        _limit_options(sub)
    render.add_argument("--replica", action="append", required=True, help="host:port of a replica (repeat)")
    render.add_argument("--listen", default="80", help="nginx listen directive value (default 80)")
    render.add_argument("--prefix", required=True, help="directory for nginx's pid, logs, temp files and cache")
    _limit_options(render)
    return parser


def run_stack(args: argparse.Namespace) -> int:
    """Start the stack, say where it is, and keep it until Ctrl-C, SIGTERM or `--seconds`."""
    # SIGTERM ends the stack like Ctrl-C does, so every process is stopped.
    signal.signal(signal.SIGTERM, _interrupt)
    stack = Stack(
        replicas=args.replicas,
        port=args.port,
        data_dir=args.data,
        conn_per_address=args.conn_per_address,
        req_per_s=args.req_per_s,
        req_burst=args.req_burst,
        frame_ancestors=args.frame_ancestors,
    )
    try:
        stack.start()
    except StackError as error:
        print(f"could not start the stack: {error}", file=sys.stderr)
        return 1
    try:
        print(f"{stack.url}  ({args.replicas} replicas behind nginx under /{BASE}/; Ctrl-C stops everything)")
        for number, member in enumerate(stack.members):
            print(f"  replica {number}: {member.url} (pid {member.pid})")
        print(f"  nginx: pid {stack.nginx.pid if stack.nginx else '-'}, prefix {stack.prefix}", flush=True)
        deadline = time.monotonic() + args.seconds if args.seconds else None
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
        print("stopped", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "render":
        limits = {"conn_per_address": args.conn_per_address, "req_per_s": args.req_per_s, "req_burst": args.req_burst}
        try:
            conf = render_nginx_conf(
                args.replica, listen=args.listen, prefix=args.prefix, frame_ancestors=args.frame_ancestors, **limits
            )
        except StackError as error:
            print(f"cannot render the configuration: {error}", file=sys.stderr)
            return 2
        print(conf)
        return 0
    return run_stack(args)


if __name__ == "__main__":
    sys.exit(main())
