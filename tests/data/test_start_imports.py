"""A server on a validated snapshot starts without importing the validator's libraries (pandera: ~0.35 s)."""

import subprocess
import sys

from dashboard.pages import PAGES
from harness.server import REPO_ROOT

ENTRY_SCRIPT = REPO_ROOT / "dashboard" / "app.py"


def test_the_pages_and_the_loader_do_not_import_pandera():
    # Every module the entry script and the pages import, in a fresh interpreter.
    modules = set()
    for script in [ENTRY_SCRIPT, *(spec.script for spec in PAGES)]:
        for line in script.read_text().splitlines():
            if line.startswith("from dashboard."):
                modules.add(line.split()[1])
    assert {"dashboard.data.cache", "dashboard.pages", "dashboard.ui.sidebar"} <= modules
    code = "import sys\n" + "".join(f"import {name}\n" for name in sorted(modules))
    code += "print('pandera' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False", shown.stderr
