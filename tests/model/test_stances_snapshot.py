"""The stance model and the stance panels chart give what they gave before their code was split into modules: every
table per issue and day, the panels and the Vega-Lite spec, against golden files (tests/model/stance_snapshot.py
says how to regenerate one after a deliberate change)."""

from __future__ import annotations

import json

import pytest

from tests.model.stance_snapshot import CASES, golden_path, snapshot


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_stance_model_and_chart_match_the_golden_file(name):
    golden = json.loads(golden_path(name).read_text(encoding="utf-8"))
    found = json.loads(json.dumps(snapshot(CASES[name]()), ensure_ascii=False))
    assert sorted(found) == sorted(golden)
    for key, value in golden.items():
        assert found[key] == value, key
