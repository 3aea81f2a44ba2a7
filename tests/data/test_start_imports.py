"""A server on a validated snapshot starts without importing what only some actions need: the validator's
libraries (pandera: ~0.35 s), and, for the timeline page readers open first, Altair (the stance charts and the
standalone copy's builder: ~0.4 s)."""

import subprocess
import sys
from pathlib import Path

from dashboard.pages import DEFAULT_PAGE, PAGES
from harness.server import REPO_ROOT

ENTRY_SCRIPT = REPO_ROOT / "dashboard" / "app.py"


def imported(scripts: list[Path], libraries: list[str]) -> dict[str, bool]:
    """Whether importing every `from dashboard.` module the scripts import, in a fresh interpreter, imports each
    of `libraries`."""
    modules = {
        line.split()[1]
        for script in scripts
        for line in script.read_text().splitlines()
        if line.startswith("from dashboard.")
    }
    assert {"dashboard.data.cache", "dashboard.pages", "dashboard.ui.share"} <= modules
    code = "import sys\n" + "".join(f"import {name}\n" for name in sorted(modules))
    code += f"print(*[name in sys.modules for name in {libraries!r}])"
    shown = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    return dict(zip(libraries, [word == "True" for word in shown.stdout.split()], strict=True))


def test_the_pages_and_the_loader_do_not_import_pandera():
    assert imported([ENTRY_SCRIPT, *(spec.script for spec in PAGES)], ["pandera"]) == {"pandera": False}


def test_the_first_page_does_not_import_altair():
    assert imported([ENTRY_SCRIPT, DEFAULT_PAGE.script], ["altair", "plotly"]) == {"altair": False, "plotly": True}
