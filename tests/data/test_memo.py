"""Dataset.memo: one build per view while it is kept, the least recently used view dropped past MEMO_VIEWS."""

import threading
from dataclasses import replace

from dashboard.data.dataset import MEMO_VIEWS


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


def test_memo_keeps_the_most_recent_views(ds):
    calls = []

    def build(ds, view):
        calls.append(view)
        return view

    for view in range(MEMO_VIEWS):
        ds.memo(build, view)
    ds.memo(build, 0)  # used again: now the most recent
    ds.memo(build, MEMO_VIEWS)  # one more: the least recent (1) goes
    calls.clear()
    ds.memo(build, 0)
    ds.memo(build, MEMO_VIEWS)
    assert calls == []
    ds.memo(build, 1)
    assert calls == [1]


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


def test_each_builder_keeps_its_own_views(ds):
    """A page asks several builders for one view: cycling through MEMO_VIEWS views must not push them out."""
    calls = []

    def first(ds, view):
        calls.append(("first", view))

    def second(ds, view):
        calls.append(("second", view))

    for _ in range(2):
        for view in range(MEMO_VIEWS):
            ds.memo(first, view)
            ds.memo(second, view)
    assert len(calls) == 2 * MEMO_VIEWS  # the second round was kept, every view of both builders
