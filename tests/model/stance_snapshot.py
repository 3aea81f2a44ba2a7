"""A snapshot of everything the stance model and the stance panels chart produce for one dataset, as plain JSON
values, so that moving code between modules can be checked against a stored golden file.

Regenerate a golden file (after a deliberate change of behaviour) with
`python -m tests.model.stance_snapshot NAME`, NAME one of CASES; it writes tests/model/golden/stances_NAME.json.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dashboard.charts.stances import stance_panels_alt_text, stance_panels_chart
from dashboard.data.dataset import Dataset
from dashboard.model.stance_changes import position_changes
from dashboard.model.stance_detail import stance_detail
from dashboard.model.stance_gaps import gap_series, gap_summary, split_totals
from dashboard.model.stance_panels import stance_panels
from dashboard.model.stances import stance_history, stances_as_of
from tests.synthetic import DEFAULT_ROWS, build_dataset

GOLDEN = Path(__file__).parent / "golden"
# Days around the synthetic story's turns: before any stance, NATO alone, stances held but not yet printed (20 Nov
# 2010), printed (21 Nov), Rogozin's unprinted stance (22 Jan 2011), one year and a day later (stale), the end.
DAYS: list[date | None] = [
    None,
    date(2010, 1, 1),
    date(2010, 6, 15),
    date(2010, 11, 20),
    date(2010, 11, 21),
    date(2011, 1, 22),
    date(2011, 1, 26),
    date(2011, 11, 21),
    date(2012, 5, 31),
]


def plain(value: Any) -> Any:
    """A JSON value for a cell: dates as ISO text, NaN and NaT as None, tuples as lists."""
    if isinstance(value, pd.DataFrame):
        return {
            "columns": [str(c) for c in value.columns],
            "dtypes": [str(t) for t in value.dtypes],
            "rows": [[plain(v) for v in row] for row in value.itertuples(index=False)],
        }
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [plain(v) for v in value]
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp | date):
        return value.isoformat()
    if isinstance(value, np.generic):
        return plain(value.item())
    return value


def _key(day: date | None) -> str:
    return "latest" if day is None else day.isoformat()


def snapshot(ds: Dataset) -> dict[str, Any]:
    """The model's tables per issue and day, the panels and the chart's Vega-Lite spec, as JSON values."""
    issues = list(ds.issues.sort_values("sort_order")["issue_id"])
    titles = list(ds.issues.sort_values("sort_order")["title"])
    found: dict[str, Any] = {}
    for issue in issues:
        for day in DAYS:
            found[f"history/{issue}/{_key(day)}"] = plain(stance_history(ds, issue, known_on=day))
            found[f"as_of/{issue}/{_key(day)}"] = plain(stances_as_of(ds, issue, day))
            found[f"changes/{issue}/{_key(day)}"] = plain(position_changes(ds, issue, day))
    for day in DAYS:
        summary = gap_summary(ds, day)
        found[f"summary/{_key(day)}"] = plain(summary)
        found[f"totals/{_key(day)}"] = split_totals(summary)
        found[f"gaps/{_key(day)}"] = plain(gap_series(ds, end=day))
    found["gaps/2010-09-01..2012-05-31"] = plain(gap_series(ds, start=date(2010, 9, 1), end=date(2012, 5, 31)))
    for stance_id in ds.stances["stance_id"]:
        detail = stance_detail(ds, stance_id)
        found[f"detail/{stance_id}"] = plain(dataclasses.asdict(detail)) if detail else None
    first = str(ds.stances["stance_id"].iloc[0]) if len(ds.stances) else None
    for day in DAYS[1:]:
        assert day is not None
        panels = stance_panels(ds, day, selected=first)
        found[f"panels/{_key(day)}"] = plain(panels)
        found[f"alt_text/{_key(day)}"] = stance_panels_alt_text(panels)
    panels = stance_panels(ds, date(2012, 5, 31), issues[:2], selected=first)
    found["panels/2012-05-31/first two"] = plain(panels)
    for columns, width in ((1, 270), (2, 370)):
        chart = stance_panels_chart(panels, titles[:2], ds.about.sides, columns, width)
        found[f"chart/{columns}x{width}"] = plain(json.loads(chart.to_json()))
    return found


def _one_sided_and_tracking() -> Dataset:
    """Guarantees with the NATO side only, and architecture as a tracking issue (not measured)."""
    issues = [dict(row) for row in DEFAULT_ROWS["issues"]]
    next(row for row in issues if row["issue_id"] == "architecture")["kind"] = "tracking"
    stances = [row for row in DEFAULT_ROWS["stances"] if row["actor_id"] != "rogozin"]
    return build_dataset(issues=issues, stances=stances)


CASES: dict[str, Callable[[], Dataset]] = {"synthetic": build_dataset, "one_sided": _one_sided_and_tracking}


def golden_path(name: str) -> Path:
    return GOLDEN / f"stances_{name}.json"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        text = json.dumps(snapshot(CASES[name]()), indent=1, ensure_ascii=False, sort_keys=True)
        golden_path(name).write_text(text + "\n", encoding="utf-8")
