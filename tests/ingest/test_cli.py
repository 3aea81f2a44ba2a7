"""`python -m dashboard ingest`: files written to OUTDIR only, and rows that validate once an editor fills them."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

from dashboard.__main__ import main
from dashboard.data.load import validate_dir
from dashboard.ingest.rows import REVIEW_COLUMNS, STATEMENT_COLUMNS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
ARTICLE = Path(__file__).resolve().parent / "unseen" / "harbour_wire_2031_06_19.txt"
SOURCE_ID = "hw_2031_06_19"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _append(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        columns = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)


def _ingest(data: Path, out: Path) -> int:
    argv = ["ingest", str(ARTICLE), "--published", "2031-06-19", "--data", str(data), "--source-id", SOURCE_ID]
    return main([*argv, "--out", str(out)])


def test_ingest_writes_the_four_files_to_outdir_and_leaves_the_data_alone(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = _digest(data)
    assert _ingest(data, tmp_path / "out") == 0
    assert _digest(data) == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "actors.csv",
        "events.csv",
        "report.md",
        "statements.csv",
    ]
    statements = _read(tmp_path / "out" / "statements.csv")
    assert list(statements[0]) == STATEMENT_COLUMNS
    article = ARTICLE.read_text(encoding="utf-8")
    for row in statements:  # the evidence offsets hold the sentence with the quote
        assert row["quote"] in article[int(row["evidence_start"]) : int(row["evidence_end"])]
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Nobody leaves the table" in report and "> " in report
    assert "> OSTRAVA, June 19 (Harbour Wire) -- Valoria and Brenmark failed on Wednesday" in report  # an event
    assert "10 statements" in capsys.readouterr().out


def test_ingest_refuses_to_write_into_the_data_folder(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = _digest(data)
    assert _ingest(data, data) == 2
    assert _digest(data) == before


def test_drafted_rows_validate_once_an_editor_fills_the_blanks(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    out = tmp_path / "out"
    assert _ingest(data, out) == 0
    issue_id = _read(data / "issues.csv")[0]["issue_id"]
    source = {"source_id": SOURCE_ID, "kind": "news", "outlet": "Harbour Wire", "title": "Fisheries talks stall"}
    source.update(published="2031-06-19", published_precision="day", confidence="M")
    _append(data / "sources.csv", [source])
    actors = _read(out / "actors.csv")
    assert {a["actor_id"] for a in actors} >= {"kestrel", "halvorsen", "varga"}
    for actor in actors:  # what the command cannot know
        actor.update(affiliation="Media", side="other", description="Invented test person.")
    _append(data / "actors.csv", actors)
    events = _read(out / "events.csv")
    for event in events:
        event["summary"] = "Invented test event."
    _append(data / "events.csv", events)
    statements = _read(out / "statements.csv")
    for statement in statements:
        statement["issue_id"] = issue_id
        for column in REVIEW_COLUMNS:
            del statement[column]
    _append(data / "statements.csv", statements)
    dataset, problems = validate_dir(data)
    assert [str(p) for p in problems] == []
    assert dataset is not None and len(dataset.statements) == len(_read(DATA_DIR / "statements.csv")) + 10
