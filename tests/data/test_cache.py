"""The app's loader: the heap frozen once per process, not on every data change."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.data import cache
from dashboard.data.snapshot import SNAPSHOT_ENV

BUNDLED = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def new_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the bundled data as the app's data, never seen before: its snapshots go to a folder of their own,
    and the loader's caches start empty (and are emptied after)."""
    data = tmp_path / "data"
    shutil.copytree(BUNDLED, data)
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    monkeypatch.setenv(SNAPSHOT_ENV, str(tmp_path / "snapshots"))
    cache._validated.clear()
    cache._loaded.clear()
    yield data
    cache._validated.clear()
    cache._loaded.clear()


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


def test_a_first_start_shows_how_far_validating_is_and_a_restart_does_not(
    new_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.delta_generator import DeltaGenerator
    from streamlit.testing.v1 import AppTest

    shown: list[tuple[float, str]] = []
    progress = DeltaGenerator.progress

    def recording(self, value, text=None):
        shown.append((value, text))
        return progress(self, value, text=text)

    monkeypatch.setattr(DeltaGenerator, "progress", recording)
    app = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
    first = AppTest.from_file(app, default_timeout=60).run()
    assert not first.exception
    assert "Checking the data: checking events.csv" in [text for _, text in shown]
    assert shown[-1] == (1.0, "Checking the data: done")
    assert first.get("progress") == []  # emptied once done
    shown.clear()
    cache._validated.clear()
    cache._loaded.clear()
    assert not AppTest.from_file(app, default_timeout=60).run().exception
    assert shown == []  # a restart reads the snapshot


def test_two_readers_opening_new_files_at_once_validate_them_once(
    new_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    from dashboard.data import load

    validations: list[Path] = []
    validate = load.validate_dir

    def slow_validation(directory: Path, **options):
        validations.append(directory)
        time.sleep(0.5)  # long enough for the second reader to arrive while the first validates
        return validate(directory, **options)

    monkeypatch.setattr(load, "validate_dir", slow_validation)
    found: list[object] = []
    readers = [threading.Thread(target=lambda: found.append(cache.load_for_app()[0])) for _ in range(2)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(timeout=60)
    assert len(found) == 2 and all(dataset is not None for dataset in found)
    assert validations == [new_files]
