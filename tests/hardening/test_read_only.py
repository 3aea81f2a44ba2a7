"""The app never writes to its data directory: a browser session that opens
every page, changes filters, picks things and downloads leaves every file's
bytes the same and adds no file."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.pages import PAGES, address
from harness.server import BUNDLED_DATA, REPO_ROOT, StreamlitServer
from tests.browser.helpers import (
    download_json,
    open_app,
    pick_option,
    rerun,
    set_date,
    unexpected_errors,
)


def snapshot(directory: Path) -> dict[str, str]:
    """sha256 of every file under `directory` (relative path -> hex digest)."""
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, target)
    return target


@pytest.mark.browser
def test_a_browser_session_changes_nothing_in_the_data_directory(data_copy, page):
    before = snapshot(data_copy)
    assert len(before) >= 9
    with StreamlitServer(env={"DASHBOARD_DATA": str(data_copy)}) as server:
        url = server.url
        for spec in PAGES:
            open_app(page, url + address(spec))
        open_app(page, url)
        pick_option(page, "Actors", "Rasmussen", "Anders Fogh Rasmussen")
        set_date(page, "From", "2010-06-01")
        with rerun(page):  # the "Lanes by" control
            page.locator("[data-testid=stButtonGroup]").get_by_text("kind", exact=True).click()
        assert download_json(page)  # the events download is built on click
        open_app(page, url + "actors?who=rogozin")
        open_app(page, url + "sources?source=rt_2011_02_22")
        page.get_by_role("button", name="Download bibliography (text)").click()
        open_app(page, url + "statements?q=guarantee")
        assert unexpected_errors(page) == []
    assert snapshot(data_copy) == before


def test_the_validator_changes_nothing_in_the_data_directory(data_copy):
    before = snapshot(data_copy)
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(data_copy)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert snapshot(data_copy) == before
