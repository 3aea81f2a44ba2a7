"""The validated snapshot: same tables as validating, missed on any change, never in the way."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from dashboard.__main__ import main as cli_main
from dashboard.data import cache, snapshot
from dashboard.data.arrow_frames import id_tuples
from dashboard.data.dataset import TABLE_FILES
from dashboard.data.load import load_dataset
from dashboard.data.snapshot import (
    SNAPSHOT_ENV,
    read_snapshot,
    snapshot_key,
    snapshot_root,
    write_snapshot,
)

BUNDLED = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target)
    return target


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "snapshots"
    monkeypatch.setenv(SNAPSHOT_ENV, str(folder))
    return folder


def test_a_snapshot_reads_back_the_same_typed_tables(data_copy: Path, root: Path) -> None:
    validated = load_dataset(data_copy)
    assert write_snapshot(data_copy, validated) is not None
    restored = read_snapshot(data_copy)
    assert restored is not None
    for name in TABLE_FILES:
        pd.testing.assert_frame_equal(getattr(restored, name), getattr(validated, name))
    # id lists keep the dataset's contract: tuples of str, () when empty
    for name in TABLE_FILES:
        frame = getattr(restored, name)
        for column in (column for column in frame.columns if column.endswith("_ids")):
            assert {type(ids) for ids in frame[column]} == {tuple}, (name, column)
    assert () in set(restored.events["participant_ids"]) or () in set(restored.events["issue_ids"])


def test_any_change_to_a_table_misses_the_snapshot(data_copy: Path, root: Path) -> None:
    write_snapshot(data_copy, load_dataset(data_copy))
    before = snapshot_key(data_copy)
    events = data_copy / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"Prague", b"Praha", 1))
    assert snapshot_key(data_copy) != before
    assert read_snapshot(data_copy) is None


def test_every_module_of_the_data_package_keys_the_snapshot(data_copy: Path, tmp_path: Path) -> None:
    code = tmp_path / "code"
    shutil.copytree(snapshot.CODE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    modules = snapshot.code_files(code)
    assert {"cells.py", "quotes.py", "schema.py", "load.py", "dataset.py", "snapshot.py"} <= {p.name for p in modules}
    assert [p.name for p in modules] == [p.name for p in snapshot.code_files()]  # the copy is the package
    assert snapshot_key(data_copy, code) == snapshot_key(data_copy)
    keys = {snapshot_key(data_copy, code)}
    for module in modules:
        original = module.read_bytes()
        module.write_bytes(original + b"\n")
        keys.add(snapshot_key(data_copy, code))
        module.write_bytes(original)
    assert len(keys) == len(modules) + 1  # each module's change gave a key of its own
    (code / "new_rules.py").write_text("RULES = ()\n")
    assert snapshot_key(data_copy, code) not in keys  # a module added later is covered too


@pytest.mark.parametrize("library", snapshot.LIBRARIES)
def test_a_library_upgrade_misses_the_snapshot(
    library: str, data_copy: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert {"pandas", "pandera", "pyarrow", "numpy"} <= set(snapshot.LIBRARIES)
    write_snapshot(data_copy, load_dataset(data_copy))
    before = snapshot_key(data_copy)
    installed = snapshot.version
    monkeypatch.setattr(
        snapshot, "version", lambda name: installed(name) + ".post1" if name == library else installed(name)
    )
    assert snapshot_key(data_copy) != before
    assert read_snapshot(data_copy) is None


def test_a_missing_table_has_no_key(data_copy: Path) -> None:
    (data_copy / "phases.csv").unlink()
    assert snapshot_key(data_copy) is None


def test_off_turns_snapshots_off(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SNAPSHOT_ENV, "off")
    assert snapshot_root() is None
    assert write_snapshot(data_copy, load_dataset(data_copy)) is None
    assert read_snapshot(data_copy) is None


def test_a_corrupt_snapshot_is_passed_over(data_copy: Path, root: Path) -> None:
    folder = write_snapshot(data_copy, load_dataset(data_copy))
    assert folder is not None
    (folder / "events.arrow").write_bytes(b"not arrow")
    assert read_snapshot(data_copy) is None
    dataset, problems = cache.load_validated(data_copy)  # validates again
    assert dataset is not None and problems == []


def test_an_unwritable_cache_is_passed_over(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(SNAPSHOT_ENV, str(blocker / "snapshots"))
    assert write_snapshot(data_copy, load_dataset(data_copy)) is None
    dataset, problems = cache.load_validated(data_copy)
    assert dataset is not None and problems == []


def test_the_app_validates_once_then_reads_the_snapshot(
    data_copy: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, problems = cache.load_validated(data_copy)
    assert first is not None and problems == []

    def must_not_validate(directory: object) -> None:
        raise AssertionError("validated although a snapshot of these files exists")

    monkeypatch.setattr("dashboard.data.load.validate_dir", must_not_validate)
    second, problems = cache.load_validated(data_copy)
    assert second is not None and problems == []
    pd.testing.assert_frame_equal(second.stances, first.stances)


def test_broken_data_is_never_snapshotted(data_copy: Path, root: Path) -> None:
    events = data_copy / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("2010-04-08", "2010-13-08", 1), encoding="utf-8")
    dataset, problems = cache.load_validated(data_copy)
    assert dataset is None and problems
    # no snapshot, and no folder begun for one (the files' digests may be remembered: they are not data)
    assert not root.exists() or not [path for path in root.iterdir() if path.is_dir()]


def test_only_a_few_snapshots_are_kept(data_copy: Path, root: Path) -> None:
    dataset = load_dataset(data_copy)
    notes = data_copy / "phases.csv"
    original = notes.read_text(encoding="utf-8")
    for n in range(snapshot.KEEP + 3):
        notes.write_text(original + "\n" * n, encoding="utf-8")  # blank lines: same rows, new bytes
        write_snapshot(data_copy, dataset)
    assert len([path for path in root.iterdir() if path.is_dir()]) == snapshot.KEEP


def test_the_validate_command_never_reads_a_snapshot(
    data_copy: Path, root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_snapshot(data_copy, load_dataset(data_copy))

    def must_not_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the validate command read a snapshot")

    monkeypatch.setattr(snapshot, "read_snapshot", must_not_read)
    monkeypatch.setattr(cache, "read_snapshot", must_not_read)
    assert cli_main(["validate", str(data_copy)]) == 0
    assert capsys.readouterr().out.startswith("ok:")


@pytest.mark.parametrize(
    "lists",
    [[("a", "b"), (), ("a",)], [(), ()], [("x",)], [], [("b", "a", "c"), ("c",), ("a", "b", "c", "d"), ()]],
    ids=["mixed", "all-empty", "one", "none", "lengths-0-to-4"],
)
def test_id_lists_come_back_as_tuples_of_str(lists):
    column = pa.Table.from_pandas(pd.DataFrame({"ids": pd.Series(lists, dtype=object)})).column("ids")
    if not (pa.types.is_list(column.type) or pa.types.is_large_list(column.type)):
        column = pa.chunked_array([pa.array(lists, type=pa.list_(pa.string()))])
    back = id_tuples(column.combine_chunks())
    assert list(back) == lists and all(type(ids) is tuple for ids in back)


def test_id_lists_from_a_slice_with_nulls_and_each_id_one_shared_str():
    column = pa.array([["z"], ["a", "b"], None, ["b", "a"], ["a"]], type=pa.list_(pa.string())).slice(1)
    back = id_tuples(column)
    assert list(back) == [("a", "b"), (), ("b", "a"), ("a",)]
    assert back[0][0] is back[2][1] is back[3][0]  # one "a" for every row: memory at a million events


def test_id_lists_are_stored_dictionary_encoded(data_copy: Path, root: Path) -> None:
    folder = write_snapshot(data_copy, load_dataset(data_copy))
    assert folder is not None
    schema = pa.ipc.open_file(folder / "events.arrow").schema
    for name in ("participant_ids", "issue_ids", "source_ids"):
        assert pa.types.is_dictionary(schema.field(name).type.value_type), name  # read without re-hashing ids


def test_unchanged_files_are_not_hashed_again_and_a_changed_one_is(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(BUNDLED, data)
    root = tmp_path / "snapshots"
    monkeypatch.setenv(SNAPSHOT_ENV, str(root))
    old = time.time() - 60  # older than the two seconds within which a file is hashed every time
    for path in data.iterdir():
        os.utime(path, (old, old))
    first = snapshot_key(data)
    hashed = []
    real = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda handle, name: hashed.append(handle.name) or real(handle, name))
    assert snapshot_key(data) == first and hashed == []  # remembered by their stat
    events = data / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"Lisbon", b"Lisboa", 1))
    assert snapshot_key(data) != first and hashed == [str(events)]
