"""`python -m dashboard validate [DIR]`: what it prints and how it exits."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

from dashboard.__main__ import main
from tests.data.csv_tools import set_cell

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROBLEM_LINE = re.compile(r"^[^:]+:\d*:[a-z_]*: \S.*$")


def run(*args: str) -> subprocess.CompletedProcess:
    """The command in this process, as a finished process would report it: a subprocess costs ~2 s of
    imports per call, and one test below runs the real `python -m dashboard` from another folder."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's usage errors and --help
            code = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(["python", "-m", "dashboard", *args], code, out.getvalue(), err.getvalue())


def run_as_a_process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_valid_data_prints_one_summary_line(minimal_dir):
    result = run("validate", str(minimal_dir))

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "ok: 14 tables — 2 sources, 3 actors, 2 actor_roles, 2 issues, 3 positions,"
        " 2 events, 3 statements, 2 stances, 1 phases, 1 commitments, 2 commitment_status, 2 disagreements,"
        " 1 event_links, 2 story_steps"
    ]


def test_problems_are_printed_one_per_line_and_exit_1(minimal_dir):
    set_cell(minimal_dir, "events.csv", 2, "end_date", "2011-01-02")
    set_cell(minimal_dir, "statements.csv", 3, "speaker_id", "actor_z")
    (minimal_dir / "phases.csv").unlink()

    result = run("validate", str(minimal_dir))

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "events.csv:2:end_date: '2011-01-02' is before start_date '2011-01-03'",
        "statements.csv:3:speaker_id: unknown actor_id 'actor_z': not in actors.csv",
        "phases.csv::: file is missing",
    ]
    assert all(PROBLEM_LINE.match(line) for line in result.stdout.splitlines())


def test_missing_directory_exits_1(tmp_path):
    result = run("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'nowhere'}::: data directory does not exist\n"


def test_default_directory_is_found_from_the_package_not_the_cwd(tmp_path):
    from_elsewhere = run_as_a_process("validate", cwd=tmp_path)
    explicit = run("validate", str(PROJECT_ROOT / "data"))

    assert from_elsewhere.returncode == explicit.returncode
    assert from_elsewhere.stdout == explicit.stdout


def test_help():
    result = run("--help")
    assert result.returncode == 0
    assert "validate" in result.stdout
    assert run("validate", "--help").returncode == 0


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("validate", "a", "b").returncode == 2
