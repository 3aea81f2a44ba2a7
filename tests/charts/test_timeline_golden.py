"""The timeline figures, pinned: each case's figure JSON compared with the golden file's hash and key fields.

The cases cover every label layout, lanes by affiliation, actor and kind, links on and off, a ringed event, a
date window, the WebGL marks (above SVG_EVENTS) and the weekly density (above MAX_DRAWN_EVENTS), on the bundled
data and on the synthetic dataset. A deliberate change to the figures rewrites the file:
`.venv/bin/python -m tests.charts.test_timeline_golden` (then read the diff of the key fields).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
import streamlit  # noqa: F401  makes Streamlit's Plotly template the default, as in the app and any pytest run

from dashboard.charts.spec import figure_spec
from dashboard.charts.timeline import timeline_figures
from dashboard.data.dataset import Dataset
from dashboard.model.event_links import links_between
from dashboard.model.filters import Filters, filter_events
from dashboard.model.timeline import MEDIUM, NARROW, WIDE
from tests.bundled import bundled_dataset
from tests.synthetic import build_dataset

GOLDEN = Path(__file__).parent / "golden" / "timeline.json"
LAYOUTS = (WIDE, MEDIUM, NARROW, None)


def _copies(events: pd.DataFrame, count: int) -> pd.DataFrame:
    frames = [events.assign(event_id=events["event_id"] + f"_{n}") for n in range(count)]
    return pd.concat(frames, ignore_index=True)


def _figures(ds: Dataset, events: pd.DataFrame, lane_by: str, **kwargs: object) -> list[go.Figure]:
    return timeline_figures(
        events,
        ds.phases,
        lane_by,
        ds.actors,
        layouts=LAYOUTS,
        turning_points=tuple(ds.story_steps["event_id"]),
        sides=ds.about.sides,  # as the app draws it: the record's sides colour and order the lanes
        **kwargs,  # type: ignore[arg-type]
    )


def _cases(name: str, ds: Dataset, picked: str) -> Iterator[tuple[str, Callable[[], list[go.Figure]]]]:
    events = filter_events(ds, Filters())
    links = links_between(ds, set(events["event_id"]))
    for lane_by in ("affiliation", "actor", "kind"):
        yield f"{name}/{lane_by}", lambda lane_by=lane_by: _figures(ds, events, lane_by)
        yield (
            f"{name}/{lane_by}/links+picked",
            lambda lane_by=lane_by: _figures(ds, events, lane_by, links=links, highlight=picked),
        )
    window = (date(2010, 6, 1), date(2011, 6, 30))
    windowed = filter_events(ds, Filters(start=window[0], end=window[1]))
    yield f"{name}/window", lambda: _figures(ds, windowed, "affiliation", window=window)
    yield f"{name}/webgl", lambda: _figures(ds, _copies(events, 2_001 // len(events) + 1), "affiliation")
    yield f"{name}/density", lambda: _figures(ds, _copies(events, 10_001 // len(events) + 1), "actor")[:1]
    yield f"{name}/density-kind", lambda: _figures(ds, _copies(events, 10_001 // len(events) + 1), "kind")[:1]


def all_cases() -> dict[str, Callable[[], list[go.Figure]]]:
    return dict(
        [
            *_cases("bundled", bundled_dataset(), "lisbon_nrc"),
            *_cases("synthetic", build_dataset(), "e_lisbon"),
        ]
    )


def summary(figures: list[go.Figure]) -> list[dict]:
    """Per figure: a hash of its JSON and the fields a reader checks when the hash changes."""
    found = []
    for figure in figures:
        spec = figure_spec(figure)
        text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
        layout = spec["layout"]
        found.append(
            {
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "traces": [f"{t['type']}:{t.get('name', '')}:{len(t.get('customdata') or [])}" for t in spec["data"]],
                "annotations": len(layout.get("annotations", [])),
                "shapes": len(layout.get("shapes", [])),
                "height": layout.get("height"),
                "xaxis": layout.get("xaxis", {}).get("range"),
            }
        )
    return found


CASES = all_cases()


@pytest.mark.parametrize("case", sorted(CASES))
def test_timeline_figures_match_the_golden_file(case):
    golden = json.loads(GOLDEN.read_text())
    assert summary(CASES[case]()) == golden[case]


def test_every_golden_case_is_checked():
    assert sorted(json.loads(GOLDEN.read_text())) == sorted(CASES)


if __name__ == "__main__":
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps({case: summary(build()) for case, build in CASES.items()}, indent=1) + "\n")
