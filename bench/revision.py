"""The code measured as "ours": the working tree, or a snapshot of a commit's dashboard/ and .streamlit/."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench import CACHE_DIR
from harness.server import REPO_ROOT


def snapshot(sha: str) -> Path:
    """The commit's dashboard/ and .streamlit/ under bench/.cache/tree-SHA/ (made once), so that edits made
    during the run do not change what is measured."""
    root = CACHE_DIR / f"tree-{sha[:12]}"
    if not root.exists():
        partial = root.with_suffix(".partial")
        partial.mkdir(parents=True, exist_ok=True)
        # .streamlit/ too: the app's config (runner options among them) is read from the server's folder.
        archive = subprocess.run(
            ["git", "archive", sha, "dashboard", ".streamlit"], cwd=REPO_ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(partial)], input=archive.stdout, check=True)
        partial.rename(root)
    return root


def source_of_ours(rev: str) -> tuple[Path, str]:
    """(dashboard/app.py to run, description): the working tree for ".", else the app of the commit's snapshot.
    Everything measured of ours (browser, protocol and AppTest) runs from that app's folder."""
    if rev == ".":
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "dashboard"], cwd=REPO_ROOT, capture_output=True, text=True
        ).stdout.strip()
        where = "working tree" + (" (uncommitted changes in dashboard/)" if dirty else "")
        return REPO_ROOT / "dashboard" / "app.py", where
    sha = subprocess.run(
        ["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    # The last commit that changed dashboard/, to name what is measured.
    subject = subprocess.run(
        ["git", "log", "-1", "--format=%h %s", sha, "--", "dashboard"], cwd=REPO_ROOT, capture_output=True, text=True
    ).stdout.strip()
    return snapshot(sha) / "dashboard" / "app.py", f"commit {subject[:90]}"
