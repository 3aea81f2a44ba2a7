"""The app's loader: the heap frozen once per process, not on every data change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.data import cache
from dashboard.data.snapshot import SNAPSHOT_ENV

BUNDLED = Path(__file__).resolve().parents[2] / "data"


def test_the_heap_is_frozen_once_per_process_not_on_each_data_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(BUNDLED, data)
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    monkeypatch.setenv(SNAPSHOT_ENV, "off")
    freezes: list[int] = []
    monkeypatch.setattr(cache.gc, "freeze", lambda: freezes.append(1))
    cache.freeze_heap.cache_clear()
    try:
        first, problems = cache.load_for_app()
        assert first is not None and problems == []
        assert cache.load_for_app()[0] is first  # a rerun: the cached dataset
        events = data / "events.csv"
        events.write_bytes(events.read_bytes().replace(b"Prague", b"Praha", 1))
        second, problems = cache.load_for_app()
        assert second is not None and second is not first and problems == []  # the data changed: loaded again
        assert freezes == [1]
    finally:
        cache.freeze_heap.cache_clear()
