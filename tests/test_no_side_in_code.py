"""The dashboard serves any negotiation recorded in its tables: no module outside ingest's word lists names the
two sides of the dispute it was built for (they come from the record's dataset.toml)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"
# ingest reads news articles: its vocabularies of titles and bodies name real ones, as examples and word lists.
WORD_LISTS = PACKAGE / "ingest"
SIDE_NAMES = re.compile(r"NATO|Russia", re.IGNORECASE)


def test_no_module_names_the_bundled_records_sides():
    modules = [path for path in PACKAGE.rglob("*.py") if WORD_LISTS not in path.parents]
    assert len(modules) > 50  # the whole package, not an empty glob
    naming = {
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in modules
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SIDE_NAMES.search(line)
    }
    assert naming == set()
