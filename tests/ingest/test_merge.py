"""`python -m dashboard merge DRAFTS --data DIR`: reviewed drafts go in whole, or nothing is written.

Each test drafts the invented Harbour Wire article into a copy of data/ with `ingest` and fills the blanks as an
editor would (tests/ingest/test_cli.py does the same by hand), then merges.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.data.load import validate_dir
from dashboard.data.quotes import quote_in_text
from dashboard.ingest import merge_write
from dashboard.ingest.merge import article_text, plan_merge
from dashboard.ingest.rows import csv_text
from tests.ingest.test_cli import ARTICLE, DATA_DIR, SOURCE_ID, _ingest, _read

SOURCE = {"source_id": SOURCE_ID, "kind": "news", "outlet": "Harbour Wire", "title": "Fisheries talks stall"}
SOURCE.update(published="2031-06-19", published_precision="day", seed_file=ARTICLE.name, confidence="M")


def _files(folder: Path) -> dict[str, str]:
    """The folder's files (not its folders), by name: their SHA-256."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def _write(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    path.write_text(csv_text(columns or list(rows[0]), rows), encoding="utf-8", newline="")


@pytest.fixture
def record(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    return data


@pytest.fixture
def drafts(record: Path, tmp_path: Path) -> Path:
    """Ingest's drafts with the blanks filled; statements.csv keeps ingest's review columns."""
    out = tmp_path / "drafts"
    assert _ingest(record, out) == 0
    issue_id = _read(record / "issues.csv")[0]["issue_id"]
    _write(out / "sources.csv", [SOURCE], _header(record / "sources.csv"))
    actors = _read(out / "actors.csv")
    for actor in actors:
        actor.update(affiliation="Media", side="other", description="Invented test person.")
    _write(out / "actors.csv", actors)
    events = _read(out / "events.csv")
    for number, event in enumerate(events, start=1):
        event.update(title=f"Invented test event {number}", summary="Invented test event.")
    _write(out / "events.csv", events)
    statements = _read(out / "statements.csv")
    for statement in statements:
        statement["issue_id"] = issue_id
    _write(out / "statements.csv", statements)
    shutil.copyfile(ARTICLE, out / ARTICLE.name)  # the article kept beside the drafts
    return out


def _merge(drafts: Path, record: Path, *more: str) -> int:
    return main(["merge", str(drafts), "--data", str(record), *more])


def _edit(path: Path, row: int, **cells: str) -> None:
    """Set cells of one data row (0 = the first) of a CSV, keeping its columns."""
    rows = _read(path)
    rows[row].update(cells)
    _write(path, rows, _header(path))


def test_a_reviewed_draft_merges_and_the_record_validates(drafts, record, capsys):
    before = {name: (record / name).read_bytes() for name in ("statements.csv", "events.csv", "actors.csv")}
    assert _merge(drafts, record) == 0
    out = capsys.readouterr().out
    assert "review columns speaker_name, evidence_start, evidence_end, confidence ignored" in out
    counts = {name: len(_read(drafts / f"{name}.csv")) for name in ("statements", "events", "actors")}
    summary = "ok: merged {statements} statements, {events} events, {actors} actors, 1 sources into ".format(**counts)
    merged = re.search(rf"^{re.escape(summary + str(record))} \(backup: (.+)\)$", out, re.M)
    assert merged, out
    dataset, problems = validate_dir(record)
    assert [str(p) for p in problems] == [] and dataset is not None
    assert {r["statement_id"] for r in _read(drafts / "statements.csv")} <= set(dataset.statements["statement_id"])
    assert SOURCE_ID in set(dataset.sources["source_id"])
    for name, old in before.items():  # existing lines byte-identical, new lines only appended, same dialect
        new = (record / name).read_bytes()
        assert new.startswith(old) and new.endswith(b"\n") and b"\r" not in new
        assert len(new.splitlines()) == len(old.splitlines()) + len(_read(drafts / name))
    backup = Path(merged.group(1))
    assert backup.parent == record / ".backup" and backup.name.startswith("merge-")
    assert {name: (backup / name).read_bytes() for name in before} == before  # the previous tables
    assert not list(record.glob(".*.merge-tmp"))
    untouched = set(_files(DATA_DIR)) - {*before, "sources.csv"}
    assert {n: _files(record)[n] for n in untouched} == {n: _files(DATA_DIR)[n] for n in untouched}


def test_a_second_run_adds_nothing(drafts, record, capsys):
    assert _merge(drafts, record) == 0
    after_first = _files(record)
    assert _merge(drafts, record) == 0
    assert "ok: 0 new rows" in capsys.readouterr().out
    assert _files(record) == after_first


def test_an_id_with_other_content_is_refused_and_nothing_is_written(drafts, record, capsys):
    existing = _read(record / "actors.csv")[0]
    drafted = _read(drafts / "actors.csv")
    _write(drafts / "actors.csv", [*drafted, {**existing, "description": "Someone else."}])
    before = _files(record)
    assert _merge(drafts, record) == 1
    out = capsys.readouterr().out
    actors_at = f"{drafts / 'actors.csv'}:{len(drafted) + 2}:actor_id:"
    assert f"{actors_at} actor_id '{existing['actor_id']}' is already in the record" in out
    assert "these columns differ: description" in out
    assert f"refused: 1 problem(s); nothing was written to {record}" in out
    assert _files(record) == before and not (record / ".backup").exists()


def test_an_identical_existing_row_is_skipped_silently(drafts, record, capsys):
    existing = _read(record / "actors.csv")[0]
    _write(drafts / "actors.csv", [*_read(drafts / "actors.csv"), existing])
    assert _merge(drafts, record) == 0
    assert f", {len(_read(drafts / 'actors.csv')) - 1} actors," in capsys.readouterr().out


def test_a_quote_not_verbatim_in_its_article_is_refused_naming_the_row(drafts, record, capsys):
    _edit(drafts / "statements.csv", 2, quote="Words the article never printed.")
    statement_id = _read(drafts / "statements.csv")[2]["statement_id"]
    before = _files(record)
    assert _merge(drafts, record, "--articles", str(ARTICLE.parent)) == 1
    out = capsys.readouterr().out
    assert f"{drafts / 'statements.csv'}:4:quote: statement '{statement_id}': not verbatim in '{ARTICLE.name}'" in out
    assert _files(record) == before


def test_a_quote_whose_article_cannot_be_found_is_refused_saying_where_it_looked(drafts, record, capsys):
    (drafts / ARTICLE.name).unlink()
    assert _merge(drafts, record, "--articles", str(record)) == 1
    out = capsys.readouterr().out
    where = f"{drafts / 'sources.csv'}:2:seed_file: the article '{ARTICLE.name}' is not in {record} or {drafts}"
    count = len(_read(drafts / "statements.csv"))
    assert f"{where}, so {count} new direct quote(s) citing source '{SOURCE_ID}' cannot be checked" in out
    assert out.count(":seed_file:") == 1
    assert _merge(drafts, record, "--articles", str(record), "--no-quote-check") == 0


def test_a_draft_that_breaks_the_evidence_rule_or_a_reference_is_refused(drafts, record, capsys):
    stance = _read(record / "stances.csv")[0]
    statement = _read(drafts / "statements.csv")[0]  # by an actor on side "other", on another issue
    stance.update(stance_id="hw_stance", statement_id=statement["statement_id"], also_statement_ids="")
    _write(drafts / "stances.csv", [stance])
    _edit(drafts / "statements.csv", 1, speaker_id="nobody_known")
    before = _files(record)
    assert _merge(drafts, record) == 1
    out = capsys.readouterr().out
    stances_at = f"{drafts / 'stances.csv'}:2:statement_id: statement '{statement['statement_id']}'"
    assert f"{stances_at} is by '{statement['speaker_id']}' of side 'other'" in out
    assert f"{drafts / 'statements.csv'}:3:speaker_id:" in out and "nobody_known" in out
    assert _files(record) == before


def test_blank_required_cells_and_placeholders_are_refused_at_their_draft_rows(drafts, record, capsys):
    _edit(drafts / "statements.csv", 0, issue_id="")
    _edit(drafts / "events.csv", 0, title="Draft: talks, 2031-06-19")
    assert _merge(drafts, record) == 1
    out = capsys.readouterr().out
    assert f"{drafts / 'statements.csv'}:2:issue_id:" in out
    assert f"{drafts / 'events.csv'}:2:title: title 'Draft: talks, 2031-06-19' is the placeholder" in out


def test_an_interrupted_write_leaves_the_record_as_it_was(drafts, record, monkeypatch, capsys):
    before = _files(record)
    real_replace, calls = os.replace, []

    def replace_failing_on_the_second_table(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("disk gone")
        real_replace(src, dst)

    monkeypatch.setattr(merge_write.os, "replace", replace_failing_on_the_second_table)
    assert _merge(drafts, record) == 1
    out = capsys.readouterr().out
    assert "OSError: disk gone" in out and f"{record} is as it was (backup: " in out
    assert len(calls) == 3  # the first table moved, the second failed, the first put back
    assert _files(record) == before  # no table changed, no temporary file left


def test_usage_errors_exit_2(drafts, record, tmp_path, capsys):
    assert _merge(tmp_path / "missing", record) == 2
    assert _merge(drafts, tmp_path / "missing") == 2
    assert _merge(record, record) == 2
    assert _merge(tmp_path, record) == 2  # no table CSV in it
    out = capsys.readouterr().out
    assert "is not a folder" in out and "the same folder" in out and "has no CSV named as a table" in out


def test_unknown_and_missing_columns_are_refused(drafts, record, capsys):
    rows = _read(drafts / "events.csv")
    for row in rows:
        row["summry"] = row.pop("summary")
    _write(drafts / "events.csv", rows)
    assert _merge(drafts, record) == 1
    out = capsys.readouterr().out
    assert f"{drafts / 'events.csv'}:1:summry: the record's table has no such column" in out
    assert f"{drafts / 'events.csv'}:1:summary: missing column" in out


def test_a_table_keeps_its_line_endings_and_its_lines_without_a_final_newline(drafts, record):
    crlf = (record / "actors.csv").read_bytes().replace(b"\n", b"\r\n").removesuffix(b"\r\n")
    (record / "actors.csv").write_bytes(crlf)
    assert _merge(drafts, record) == 0
    merged = (record / "actors.csv").read_bytes()
    assert merged.startswith(crlf + b"\r\n") and merged.endswith(b"\r\n")
    assert b"\n" not in merged.replace(b"\r\n", b"")
    assert len(merged.splitlines()) == len(crlf.splitlines()) + len(_read(drafts / "actors.csv"))


def test_a_table_edited_after_the_check_is_not_overwritten(drafts, record):
    plan, problems = plan_merge(drafts, record, ARTICLE.parent)
    assert problems == [] and "events.csv" in plan.texts
    edited = (record / "events.csv").read_bytes() + b"an editor's line\n"
    (record / "events.csv").write_bytes(edited)
    before = _files(record)
    with pytest.raises(merge_write.MergeInterrupted, match="events.csv changed in .* since the merge was checked"):
        merge_write.write_tables(record, plan.texts, plan.bases)
    assert _files(record) == before and (record / "events.csv").read_bytes() == edited


def test_a_saved_page_is_read_as_its_text_for_the_quote_check(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>&ldquo;We <em>will</em> not sign,&rdquo; she said. Rock &amp; roll.</p>", encoding="utf-8")
    text = article_text(page)
    assert quote_in_text("We will not sign,", text) and "Rock & roll." in text and "<em>" not in text
