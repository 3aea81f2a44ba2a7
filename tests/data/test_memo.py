"""Dataset.memo and Dataset.derived: one build per value (also when sessions ask at once), the memo bounded by
bytes per builder, and what a value is counted for."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pytest

from dashboard.data import memo
from dashboard.data.dataset import Dataset
from dashboard.data.memo import MB, VIEW_BYTES, SharedMemory, kept_bytes, shared_memory
from dashboard.model.filters import Filters, filter_events


def _count(ds, view):
    return {"view": view, "events": len(ds.events)}


def test_memo_builds_a_view_once_and_keys_by_builder_and_view(ds):
    calls = []

    def build(ds, view):
        calls.append(view)
        return [view]

    first = ds.memo(build, "a")
    assert ds.memo(build, "a") is first
    assert ds.memo(build, "b") == ["b"]
    assert ds.memo(_count, "a") == {"view": "a", "events": len(ds.events)}
    assert calls == ["a", "b"]


@pytest.fixture
def small_budget(ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> Dataset:
    """A fresh dataset whose memo keeps 1 MB per builder."""
    monkeypatch.setattr(memo, "MEMO_BYTES", MB)
    return replace(ds)


def _array_of(calls: list[object]) -> Callable[[Dataset, int], np.ndarray]:
    def build(ds: Dataset, view: int) -> np.ndarray:
        calls.append(view)
        return np.zeros(300_000, dtype=np.uint8)  # 0.29 MB: three fit in 1 MB, four do not

    return build


def test_memo_keeps_the_most_recent_views_that_fit_in_its_bytes(small_budget: Dataset) -> None:
    calls: list[object] = []
    build = _array_of(calls)
    for view in range(3):
        small_budget.memo(build, view)
    small_budget.memo(build, 0)  # used again: now the most recent
    small_budget.memo(build, 3)  # a fourth does not fit: the least recent (1) goes
    calls.clear()
    small_budget.memo(build, 0)
    small_budget.memo(build, 2)
    small_budget.memo(build, 3)
    assert calls == []
    small_budget.memo(build, 1)
    assert calls == [1]


def test_a_value_over_the_budget_is_kept_alone(small_budget: Dataset) -> None:
    calls: list[object] = []
    small = _array_of(calls)
    small_budget.memo(small, 0)

    def large(ds: Dataset, view: int) -> np.ndarray:
        calls.append(("large", view))
        return np.zeros(2 * MB, dtype=np.uint8)

    small_budget.memo(large, 0)
    small_budget.memo(large, 0)  # asked again in the same rerun: not rebuilt
    small_budget.memo(large, 1)  # the next view pushes it out
    small_budget.memo(large, 0)
    assert calls == [0, ("large", 0), ("large", 1), ("large", 0)]


def test_each_builder_keeps_its_own_bytes(small_budget: Dataset) -> None:
    """A page asks several builders for one view: filling one builder's budget must not push out another's."""
    first_calls: list[object] = []
    second_calls: list[object] = []
    first, second = _array_of(first_calls), _array_of(second_calls)
    for _ in range(2):
        for view in range(3):
            small_budget.memo(first, view)
            small_budget.memo(second, view)
    assert first_calls == second_calls == [0, 1, 2]  # the second round was kept, every view of both builders


def test_tiny_values_are_bounded_in_number_too(small_budget: Dataset) -> None:
    calls: list[object] = []

    def tiny(ds: Dataset, view: int) -> None:
        calls.append(view)

    views = MB // VIEW_BYTES
    for view in range(views + 1):
        small_budget.memo(tiny, view)
    small_budget.memo(tiny, 0)
    assert calls[-1] == 0 and len(calls) == views + 2  # the first went when the (views + 1)th came


def test_a_filtered_view_counts_its_copy_and_an_unfiltered_one_only_what_is_new(ds: Dataset) -> None:
    everything = filter_events(ds, Filters())
    assert len(everything) == len(ds.events)
    shared = shared_memory(ds)  # now with the events in date order, which filtering derived
    assert kept_bytes(everything, shared) < 1_000  # its columns are the table's (pandas copies on write)
    summits = filter_events(ds, Filters(kinds=("summit",)))
    assert 0 < len(summits) < len(ds.events)
    assert kept_bytes(summits, shared) == summits.memory_usage(deep=True).sum()  # a copy: all its own
    assert kept_bytes(ds.events.head(3), shared) < 1_000  # a slice of the table is the table's memory
    array = np.arange(1000)
    assert kept_bytes(array, shared) == array.nbytes
    assert kept_bytes(array, SharedMemory([(array.__array_interface__["data"][0], array.nbytes)])) == 0


def test_python_values_are_walked_and_shared_parts_counted_once() -> None:
    none = SharedMemory([])
    text = "x" * 10_000
    assert kept_bytes([text, text], none) < kept_bytes([text, "y" * 10_000], none)
    nested = {"spec": {"data": [{"x": list(range(1000))}]}}
    assert kept_bytes(nested, none) > 1000 * 28  # every int of the list counted (28 bytes each)


def test_memo_is_per_dataset_and_safe_across_threads(ds):
    other = replace(ds, events=ds.events.head(3))
    assert ds.memo(_count, "x")["events"] == len(ds.events)
    assert other.memo(_count, "x")["events"] == 3
    results = []
    threads = [threading.Thread(target=lambda v=v: results.append(ds.memo(_count, v % 5))) for v in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 40 and {r["view"] for r in results} == set(range(5))


class _Waits:
    """Counts the waits on the memo's conditions: a session that waits for another's build waits on one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = threading.Semaphore(0)
        waits = self.count

        class CountingCondition(threading.Condition):
            def wait(self, timeout: float | None = None) -> bool:
                waits.release()
                return super().wait(timeout)

        monkeypatch.setattr(memo, "Condition", CountingCondition)


def _ask_at_once(ask: Callable[[], object], waits: _Waits, sessions: int, release: threading.Event) -> list[object]:
    """`ask()` in `sessions` threads; the first build is held until all the others wait for it."""
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(ask())) for _ in range(sessions)]
    for thread in threads:
        thread.start()
    for _ in range(sessions - 1):
        assert waits.count.acquire(timeout=30), "a session built instead of waiting"
    release.set()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize("kept_by", ["derived", "memo"])
def test_concurrent_first_sessions_wait_for_one_build(
    kept_by: str, ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits = _Waits(monkeypatch)
    fresh = replace(ds)  # made after the patch: its conditions count
    release = threading.Event()
    builds: list[object] = []

    def build(ds: Dataset, *view: object) -> object:
        builds.append(view)
        assert release.wait(timeout=30)
        return object()

    ask = (lambda: fresh.derived(build)) if kept_by == "derived" else (lambda: fresh.memo(build, "view"))
    results = _ask_at_once(ask, waits, sessions=4, release=release)
    assert len(builds) == 1
    assert len(results) == 4 and all(result is results[0] for result in results)


def test_a_derived_builder_may_ask_for_another_while_sessions_wait(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits = _Waits(monkeypatch)
    fresh = replace(ds)
    release = threading.Event()
    builds: list[str] = []

    def inner(ds: Dataset) -> int:
        builds.append("inner")
        return len(ds.events)

    def outer(ds: Dataset) -> int:
        builds.append("outer")
        assert release.wait(timeout=30)
        return ds.derived(inner) + 1

    results = _ask_at_once(lambda: fresh.derived(outer), waits, sessions=3, release=release)
    assert results == [len(ds.events) + 1] * 3
    assert builds == ["outer", "inner"]
    assert fresh.derived(inner) == len(ds.events) and builds == ["outer", "inner"]


def test_a_failed_build_is_not_kept_and_the_next_ask_builds_again(ds: Dataset) -> None:
    attempts: list[int] = []

    def flaky(ds: Dataset) -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first build fails")
        return 7

    with pytest.raises(RuntimeError):
        ds.derived(flaky)
    assert ds.derived(flaky) == 7 and ds.derived(flaky) == 7 and len(attempts) == 2


def test_known_id_maps_what_a_client_sent_to_an_id_or_none(ds: Dataset) -> None:
    event_id = ds.events["event_id"].iloc[0]
    assert ds.known_id("events", event_id) == event_id
    assert ds.known_id("events", "no-such-event") is None
    assert ds.known_id("events", None) is None
    assert ds.known_id("events", ["a", "list"]) is None
    assert ds.known_id("actors", event_id) is None  # an id of another table


def test_a_dropped_dataset_and_its_kept_views_are_freed_without_the_cycle_collector(ds: Dataset) -> None:
    """The heap is frozen once, and the collector never looks at frozen objects: a reference cycle through a
    replaced dataset's memo would keep it and its views for the server's life."""
    fresh = replace(ds)
    view = fresh.memo(filter_events, Filters(kinds=("summit",)))
    fresh.derived(_count_events)
    dataset_ref, view_ref = weakref.ref(fresh), weakref.ref(view)
    gc.disable()
    try:
        del fresh, view
        assert dataset_ref() is None and view_ref() is None  # freed by reference counting alone
    finally:
        gc.enable()


def _count_events(ds: Dataset) -> int:
    return len(ds.events)
