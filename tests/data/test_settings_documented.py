"""Every environment variable the app reads is documented in the README (datasette's docs test, for settings)."""

from __future__ import annotations

import re

from dashboard.paths import BUNDLED_DATA

REPO = BUNDLED_DATA.parent

SETTING_RE = re.compile(r"\b(DASHBOARD_[A-Z_]+)\b")


def settings_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for path in (REPO / "dashboard").rglob("*.py"):
        names |= set(SETTING_RE.findall(path.read_text(encoding="utf-8")))
    return names


def test_the_code_reads_the_settings_this_test_knows_of():
    # guards the scan itself: if it found nothing, the test below would pass vacuously
    assert {"DASHBOARD_DATA", "DASHBOARD_SNAPSHOT_DIR", "DASHBOARD_MAX_FILE_MB"} <= settings_read_by_the_code()


def test_every_setting_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = sorted(name for name in settings_read_by_the_code() if f"`{name}`" not in readme)
    assert not missing, f"README.md does not document {', '.join(missing)}"
