"""`bench --rev` measures the revision it names in every column: the AppTest child imports `dashboard` from the
measured code's folder, never from the working tree."""

from pathlib import Path

import pytest

from bench.measure import apptest_reruns, measure_reruns, profile
from bench.report import Result
from bench.revision import source_of_ours
from harness.server import BUNDLED_DATA, REPO_ROOT

# A dashboard that only a snapshot has: its app imports a module the working tree's dashboard lacks.
SNAPSHOT_APP = """
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st

from dashboard.only_in_this_snapshot import WORDS

st.text_input("Search text", key="q")
st.write(WORDS)
"""


def snapshot_tree(root: Path) -> Path:
    package = root / "dashboard"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "only_in_this_snapshot.py").write_text("WORDS = 'measured from the snapshot'\n")
    (package / "app.py").write_text(SNAPSHOT_APP)
    return package / "app.py"


def test_apptest_runs_the_snapshots_dashboard(tmp_path: Path):
    app = snapshot_tree(tmp_path / "tree")
    found = apptest_reruns(app, BUNDLED_DATA, ["summit", ""], budget_s=120)
    assert found["notes"] == []  # the first run found dashboard.only_in_this_snapshot
    assert len(found["rerun_ms"]) == 2
    assert found["dashboard"] == str((tmp_path / "tree" / "dashboard").resolve())

    result = Result("bundled", "ours")
    measure_reruns(result, app, BUNDLED_DATA, ["summit"], budget_s=120)
    assert len(result.rerun_ms) == 1 and result.notes == []


def test_the_profile_runs_the_snapshots_dashboard(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    app = snapshot_tree(tmp_path / "tree")
    assert profile(app, BUNDLED_DATA, top=30) == 0
    printed = capfd.readouterr().out
    assert "Ordered by: cumulative time" in printed
    assert f"{app.resolve()}:1(<module>)" in printed  # the two profiled reruns ran the snapshot's app


def test_a_revision_is_measured_from_its_snapshot():
    app, description = source_of_ours("HEAD")
    root = app.parents[1]
    assert root != REPO_ROOT and (root / ".streamlit" / "config.toml").exists()
    assert description.startswith("commit ")
    found = apptest_reruns(app, BUNDLED_DATA, ["summit"], budget_s=120)
    assert found["notes"] == [] and len(found["rerun_ms"]) == 1
    assert found["dashboard"] == str((root / "dashboard").resolve())


def test_the_working_tree_is_measured_in_place():
    app, description = source_of_ours(".")
    assert app == REPO_ROOT / "dashboard" / "app.py"
    assert description.startswith("working tree")
