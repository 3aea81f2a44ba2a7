"""The archive keeps its answers to an unfiltered view beside it (data/archive.py, `Archive._answer`): a restarted
server or another replica reads them instead of scanning every row; a filtered view is always asked."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data.archive import ANSWERS, Archive, Where, archived
from dashboard.model.selection import NO_PARTICIPANT, lane_map
from tests.synthetic import build_dataset


def plain(frame: pd.DataFrame) -> list[dict[str, object]]:
    """A frame's rows as dicts, a missing value as None (NaN is not equal to itself), with its dtypes."""
    return [
        {"dtypes": frame.dtypes.astype(str).to_dict()},
        *frame.astype(object).where(frame.notna(), None).to_dict("records"),
    ]


def first_view(archive: Archive, actors: pd.DataFrame) -> list[object]:
    """What an unfiltered first view asks the archive, as plain values."""
    return [
        archive.count("events"),
        archive.count("statements", flags=("is_direct_quote",)),
        archive.summary(Where()),
        plain(archive.weekly_lane_counts(Where(), "affiliation", lane_map(actors, "affiliation"), NO_PARTICIPANT)),
        plain(archive.weekly_lane_counts(Where(), "kind", lane_map(actors, "kind"), NO_PARTICIPANT)),
        plain(archive.rows("events", limit=50)),
        plain(archive.rows("statements", limit=50)),
        archive.distinct("events", "kind"),
        archive.span("events"),
    ]


@contextlib.contextmanager
def no_queries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any query that reaches DuckDB fails."""

    def refused(self: Archive) -> Iterator[None]:
        raise AssertionError("the archive was queried")

    with monkeypatch.context() as patch:
        patch.setattr(Archive, "_cursor", contextlib.contextmanager(refused))
        yield


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "snapshot"
    target.mkdir()
    return target


def test_a_second_server_reads_the_first_views_answers_without_querying(folder, monkeypatch):
    ds = archived(build_dataset(), folder)
    assert ds.archive is not None
    asked = first_view(ds.archive, ds.actors)
    kept = sorted((folder / ANSWERS).glob("*.arrow"))
    assert len(kept) == len(asked)

    with no_queries(monkeypatch):
        assert first_view(Archive(folder), ds.actors) == asked
    assert sorted((folder / ANSWERS).glob("*.arrow")) == kept


def test_a_filtered_view_or_a_later_page_is_asked_every_time_and_not_kept(folder, monkeypatch):
    ds = archived(build_dataset(), folder)
    assert ds.archive is not None
    window = Where(start=pd.Timestamp("2010-06-01"))
    counted = ds.archive.count("events", window)
    assert counted[0] < ds.archive.row_counts["events"]
    ds.archive.rows("events", first=50, limit=50)
    ds.archive.rows("events", window, limit=50)
    ds.archive.has("events", "event_id", "nothing")
    assert not (folder / ANSWERS).exists()

    with no_queries(monkeypatch), pytest.raises(AssertionError, match="queried"):
        Archive(folder).count("events", window)


def test_a_damaged_answer_is_asked_again_and_rewritten(folder):
    ds = archived(build_dataset(), folder)
    assert ds.archive is not None
    counted = ds.archive.count("events")
    (kept,) = (folder / ANSWERS).glob("*.arrow")
    kept.write_bytes(kept.read_bytes()[:20])

    assert Archive(folder).count("events") == counted
    assert Archive(folder).count("events") == counted
    assert kept.stat().st_size > 20


def test_a_folder_that_cannot_keep_answers_still_answers(folder):
    ds = archived(build_dataset(), folder)
    assert ds.archive is not None
    (folder / ANSWERS).write_text("a file where the answers' folder would be")

    assert ds.archive.count("events") == (ds.archive.row_counts["events"],)
    assert ds.archive.distinct("events", "kind") == sorted(set(ds.events["kind"]))
    assert [path.name for path in folder.iterdir() if path.name.endswith(".part")] == []
