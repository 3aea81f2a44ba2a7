"""Load test at the protocol level: locust readers (loadtest/locustfile.py) against servers started here.

    python -m loadtest.protocol_load --replicas 1 --users 20,50,100 --seconds 60
    python -m loadtest.protocol_load --replicas 2 --users 50,100,150 --seconds 60   # two replicas behind nginx

For each step of `--users`, a fresh locust run (`python -m locust --headless`) opens that many reader
sessions (spawned at `--spawn-rate` a second); once all are open (plus 5 s) they change filters, one change
every `--change-every` seconds each, for `--seconds`. Meanwhile every replica's `/_stcore/metrics`
(active_sessions) and resident memory (RSS, psutil) are sampled each second. Reported per step: sessions
held (the most open at once, summed over replicas), changes and changes per second, the change latency
p50/p95/p99 (BackMsg → script_finished, locust's percentiles), failed opens and changes, and memory:
before the step, with every session open, and `--settle` seconds after the sessions closed. The knee is the
first step whose p95 passes 1 s.

Bounded and loopback only: the replicas (and nginx, for 2+) are started here on 127.0.0.1 by deploy/stack.py
and stopped at the end; at most 400 users a step, 600 s a step, 8 steps.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from deploy.stack import Replica, Stack, get
from harness.cli import bounded_int
from harness.processes import MemorySampler, cpu_seconds, rss_bytes
from loadtest.protocol import ReaderSession

REPO_ROOT = Path(__file__).resolve().parents[1]
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
MAX_USERS = 400
MAX_SECONDS = 600
MAX_STEPS = 8
KNEE_P95_MS = 1000.0
SAMPLE_EVERY_S = 1.0


def replica_pids(stack: Stack) -> list[int]:
    return [member.pid for member in stack.members if member.process is not None]


def active_sessions(member: Replica) -> int:
    # Only the cheap family: the default also walks every session's state for cache_memory_bytes.
    status, body = get(member.url + "_stcore/metrics?families=active_sessions", timeout=5)
    if status != 200:
        return 0
    for line in body.splitlines():
        if line.startswith("active_sessions "):
            return int(float(line.split()[1]))
    return 0


@dataclass
class SessionPeak:
    """The most sessions the replicas held at once, asked each second in a thread."""

    stack: Stack
    sessions_max: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> SessionPeak:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY_S):
            self.sessions_max = max(self.sessions_max, sum(active_sessions(m) for m in self.stack.members))


@dataclass
class StepResult:
    users: int
    seconds: int
    sessions_held: int
    opens: int
    failed_opens: int
    changes: int
    failed_changes: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    rss_before: int
    rss_peak: int
    rss_after: int
    sessions_after: int
    errors: list[str]
    open_p95_ms: float = 0.0  # first runs, while the readers arrive (not counted in the changes' figures)
    server_cpu_s: float = 0.0  # the replicas' CPU time over the step (ramp, changes and closing)
    client_cpu_s: float = 0.0  # locust's, on the same machine

    @property
    def server_cpu_ms_per_run(self) -> float:
        """Server CPU per script run (first runs and changes alike): what one rerun costs the machine."""
        return 1000 * self.server_cpu_s / max(self.opens + self.changes, 1)

    @property
    def changes_per_s(self) -> float:
        return self.changes / self.seconds

    @property
    def mb_per_session(self) -> float:
        return (self.rss_peak - self.rss_before) / max(self.sessions_held, 1) / 1e6


def run_locust(host: str, users: int, spawn_rate: float, seconds: int, change_every: float, out: Path) -> Path:
    prefix = out / f"users{users}"
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--only-summary",
        "--host",
        host,
        "--users",
        str(users),
        "--spawn-rate",
        str(spawn_rate),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "30",
        "--csv",
        str(prefix),
        "--exit-code-on-error",
        "0",
    ]
    # Readers open during the ramp (users / spawn rate, plus a margin for their first runs); changes start
    # after it, and the measured window of `seconds` follows.
    ramp = users / spawn_rate + 5
    env = dict(
        os.environ,
        LOAD_CHANGE_EVERY=str(change_every),
        LOAD_CHANGES_FROM=str(time.time() + ramp),
        LOAD_READERS=str(users),
    )
    command[command.index("--run-time") + 1] = f"{int(seconds + ramp)}s"
    # The ramp, the run and the stop timeout, with room: locust is bounded by --run-time itself.
    subprocess.run(command, cwd=REPO_ROOT, env=env, check=True, timeout=seconds + ramp + 120)
    return prefix


def read_stats(prefix: Path) -> dict[str, dict[str, str]]:
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def read_failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with open(path, newline="") as handle:
        return [f"{row['Name']}: {row['Error']} (×{row['Occurrences']})" for row in csv.DictReader(handle)]


def warm_up(stack: Stack) -> None:
    """One session per replica, so the first data load and caches are not counted as load."""
    for member in stack.members:
        with ReaderSession(member.url) as reader:
            reader.open("")
            reader.follow("q=summit")


def run_step(stack: Stack, host: str, users: int, args: argparse.Namespace, out: Path) -> StepResult:
    pids = replica_pids(stack)
    rss_before, cpu_before = rss_bytes(pids) or 0, cpu_seconds(pids)
    client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with SessionPeak(stack) as sessions, MemorySampler(pids, every_s=SAMPLE_EVERY_S) as memory:
        prefix = run_locust(host, users, args.spawn_rate, args.seconds, args.change_every, out)
    server_cpu = cpu_seconds(pids) - cpu_before
    client = resource.getrusage(resource.RUSAGE_CHILDREN)
    client_cpu = client.ru_utime + client.ru_stime - client_before.ru_utime - client_before.ru_stime
    # The locust run has ended and closed its sessions; let the server let go of them.
    time.sleep(args.settle)
    stats = read_stats(prefix)
    change = stats.get("change", {})
    opened = stats.get("open", {})

    def number(row: dict[str, str], column: str) -> float:
        value = row.get(column) or "0"
        return float(value) if value not in ("N/A", "") else 0.0

    return StepResult(
        users=users,
        seconds=args.seconds,
        sessions_held=sessions.sessions_max,
        opens=int(number(opened, "Request Count")),
        failed_opens=int(number(opened, "Failure Count")),
        changes=int(number(change, "Request Count")),
        failed_changes=int(number(change, "Failure Count")),
        p50_ms=number(change, "50%"),
        p95_ms=number(change, "95%"),
        p99_ms=number(change, "99%"),
        max_ms=number(change, "Max Response Time"),
        rss_before=rss_before,
        rss_peak=memory.peak() or 0,
        rss_after=rss_bytes(pids) or 0,
        sessions_after=sum(active_sessions(member) for member in stack.members),
        errors=read_failures(prefix),
        open_p95_ms=number(opened, "95%"),
        server_cpu_s=server_cpu,
        client_cpu_s=client_cpu,
    )


def report(results: list[StepResult], args: argparse.Namespace, target: str) -> str:
    load = os.getloadavg()
    lines = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: `python -m loadtest.protocol_load --replicas {args.replicas} "
        f"--users {args.users} --seconds {args.seconds} --change-every {args.change_every:g}` ({target}).",
        "",
        f"Machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end, "
        f"Python {platform.python_version()}.",
        "",
        "| readers | sessions held | changes (/s) | p50 | p95 | p99 | max | failed opens / changes "
        "| RSS before → peak → after | per session | sessions left after | server CPU per run | locust CPU "
        "| first runs p95 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.users} | {r.sessions_held} | {r.changes} ({r.changes_per_s:.1f}) | {r.p50_ms / 1000:.2f} s "
            f"| {r.p95_ms / 1000:.2f} s | {r.p99_ms / 1000:.2f} s | {r.max_ms / 1000:.2f} s "
            f"| {r.failed_opens} / {r.failed_changes} | {r.rss_before / 1e6:.0f} → {r.rss_peak / 1e6:.0f} → "
            f"{r.rss_after / 1e6:.0f} MB | {r.mb_per_session:.2f} MB | {r.sessions_after} "
            f"| {r.server_cpu_ms_per_run:.0f} ms | {r.client_cpu_s:.0f} s | {r.open_p95_ms / 1000:.2f} s |"
        )
    knee = next((r.users for r in results if r.p95_ms > KNEE_P95_MS), None)
    lines += [
        "",
        f"Knee (first step with p95 > 1 s): {knee} readers."
        if knee
        else "Knee: not reached (p95 ≤ 1 s at every step).",
    ]
    errors = [error for r in results for error in r.errors]
    if errors:
        lines += ["", "Failures:", *[f"- {error}" for error in errors[:20]]]
    return "\n".join(lines)


def user_steps(text: str) -> list[int]:
    steps = [bounded_int(1, MAX_USERS)(part) for part in text.split(",") if part.strip()]
    if not 1 <= len(steps) <= MAX_STEPS:
        raise argparse.ArgumentTypeError(f"between 1 and {MAX_STEPS} steps")
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtest.protocol_load", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--replicas", type=bounded_int(1, 4), default=1, help="1: one replica, direct; 2+: behind nginx"
    )
    parser.add_argument("--users", default="20", help=f"readers per step, comma-separated (≤ {MAX_USERS} each)")
    parser.add_argument("--seconds", type=bounded_int(5, MAX_SECONDS), default=60, help="length of each step")
    parser.add_argument("--change-every", type=float, default=10.0, help="seconds between one reader's changes")
    parser.add_argument("--spawn-rate", type=float, default=10.0, help="readers opened per second")
    parser.add_argument(
        "--settle",
        type=bounded_int(0, 300),
        default=10,
        help="seconds after a step before memory (past 120, the session TTL, closed sessions are gone)",
    )
    parser.add_argument("--via-nginx", action="store_true", help="with one replica, still go through nginx")
    parser.add_argument("--output", type=Path, default=None, help="also write the markdown report here")
    args = parser.parse_args(argv)
    steps = user_steps(args.users)
    if not 1 <= args.change_every <= 600 or not 0.1 <= args.spawn_rate <= 100:
        parser.error("--change-every must be 1–600 s and --spawn-rate 0.1–100 per second")

    peak = max(steps)
    # Every simulated reader comes from 127.0.0.1: lift the per-address limits meant for real readers.
    with Stack(replicas=args.replicas, conn_per_address=4 * peak + 50, req_per_s=10 * peak + 50) as stack:
        via_nginx = args.replicas > 1 or args.via_nginx
        host = stack.url if via_nginx else stack.members[0].url
        target = f"{args.replicas} replica(s) behind nginx" if via_nginx else "one replica, direct"
        warm_up(stack)
        results = []
        with tempfile.TemporaryDirectory(prefix="protocol-load-") as out:
            for users in steps:
                result = run_step(stack, host, users, args, Path(out))
                results.append(result)
                print(
                    f"{users} readers: held {result.sessions_held}, {result.changes} changes, "
                    f"p95 {result.p95_ms / 1000:.2f} s, failures {result.failed_opens}/{result.failed_changes}",
                    flush=True,
                )
        text = report(results, args, target)
    print(text)
    if args.output is not None:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
