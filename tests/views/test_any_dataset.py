"""Any valid dataset renders every page; an invalid one shows the validator's messages, never a traceback.

The datasets are variants of tests/fixtures/minimal, cut down so that every reference stays valid: empty tables,
one row, every date undated, one side only (or no actors), sides under generated names (declared in dataset.toml),
no issues, stances or statements, and odd text (long words, markdown, HTML, right-to-left, line breaks) in every
free-text column. Examples are few and bounded (each runs seven pages in AppTest), so this stays under two minutes.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.data import archive
from dashboard.data.archive import ENGINE_ENV, ArchivedDataset
from dashboard.data.cache import load_validated
from dashboard.data.dataset import TABLE_FILES
from dashboard.data.description import DESCRIPTION_FILE
from dashboard.data.load import validate_dir
from dashboard.pages import DEFAULT_PAGE, PAGES
from dashboard.paths import BUNDLED_DATA
from harness.server import APP, REPO_ROOT
from tests.views.apptest import run_app

MINIMAL = REPO_ROOT / "tests" / "fixtures" / "minimal"
Rows = dict[str, list[dict[str, str]]]

# Columns of our own words or names, where any text is valid.
FREE_TEXT = {
    "sources": ("outlet", "title", "note"),
    "actors": ("name", "description"),
    "actor_roles": ("role", "note"),
    "issues": ("title", "description", "scale_note"),
    "positions": ("label", "description"),
    "events": ("title", "summary", "place", "date_note"),
    "statements": ("quote", "paraphrase", "note"),
    "stances": ("basis",),
    "phases": ("title", "description"),
    "commitments": ("title", "note"),
    "commitment_status": ("note",),
    "disagreements": ("topic", "says", "note"),
    "event_links": ("note",),
    "story_steps": ("title", "text"),
}
ODD_TEXTS = [
    "x" * 5_000,
    "[a link](javascript:alert(1)) **bold** $x^2$ :red[red]",
    '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "\u202eright-to-left\u202c and \u05e2\u05d1\u05e8\u05d9\u05ea",
    'two\nlines, a "quote" and a comma',
    "🚀 emoji ~~~ ``` |table| ",
]


def read_minimal() -> tuple[dict[str, list[str]], Rows]:
    headers, rows = {}, {}
    for table, file_name in TABLE_FILES.items():
        with open(MINIMAL / file_name, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            headers[table] = list(reader.fieldnames or [])
            rows[table] = list(reader)
    return headers, rows


HEADERS, BASE = read_minimal()


@dataclass(frozen=True)
class Variant:
    """Which parts of the minimal dataset to keep, and how to change them."""

    events: frozenset[str] = frozenset({"event_a", "event_b"})
    statements: frozenset[str] = frozenset({"stmt_a", "stmt_b"})
    stances: frozenset[str] = frozenset({"stance_a", "stance_b"})
    issues: bool = True
    side: Literal["both", "NATO", "Russia", "none"] = "both"
    roles: bool = True
    phases: bool = True
    undated: bool = False
    text: str | None = None  # put into every free-text cell
    # The two sides' names, in actors.csv (side and affiliation) and, when both have actors, in dataset.toml.
    side_names: tuple[str, str] = ("NATO", "Russia")


def _ids(cell: str) -> list[str]:
    return [part for part in cell.split(";") if part]


def build(variant: Variant) -> Rows:
    """The minimal dataset cut down as `variant` says, with every reference kept valid."""
    rows = {table: [dict(row) for row in table_rows] for table, table_rows in BASE.items()}
    dropped_actors = {
        "both": set(),
        "NATO": {"actor_b"},
        "Russia": {"actor_a"},
        "none": {row["actor_id"] for row in rows["actors"]},
    }[variant.side]
    rows["actors"] = [row for row in rows["actors"] if row["actor_id"] not in dropped_actors]
    renamed = dict(zip(("NATO", "Russia"), variant.side_names, strict=True))
    for row in rows["actors"]:
        row["side"] = renamed.get(row["side"], row["side"])
        row["affiliation"] = renamed.get(row["affiliation"], row["affiliation"])
    rows["actor_roles"] = [
        row for row in rows["actor_roles"] if variant.roles and row["actor_id"] not in dropped_actors
    ]
    rows["events"] = [row for row in rows["events"] if row["event_id"] in variant.events]
    rows["statements"] = [
        row
        for row in rows["statements"]
        if row["statement_id"] in variant.statements and variant.issues and row["speaker_id"] not in dropped_actors
    ]
    rows["stances"] = [
        row
        for row in rows["stances"]
        if row["stance_id"] in variant.stances and variant.issues and row["actor_id"] not in dropped_actors
    ]
    if not variant.issues:
        rows["issues"], rows["positions"] = [], []
    if not variant.phases:
        rows["phases"] = []
    events = {row["event_id"] for row in rows["events"]}
    statements = {row["statement_id"] for row in rows["statements"]}
    for row in rows["events"]:
        row["participant_ids"] = ";".join(a for a in _ids(row["participant_ids"]) if a not in dropped_actors)
        if not variant.issues:
            row["issue_ids"] = ""
    for row in rows["statements"]:
        row["event_id"] = row["event_id"] if row["event_id"] in events else ""
        row["via"] = "" if row["via"] in dropped_actors else row["via"]
    # The evidence rule: a stance stands only with a statement that expresses it.
    rows["stances"] = [row for row in rows["stances"] if row["statement_id"] in statements]
    for row in rows["stances"]:
        row["also_statement_ids"] = ";".join(s for s in _ids(row["also_statement_ids"]) if s in statements)
    _cut_ledger(rows, events, statements, {row["issue_id"] for row in rows["issues"]})
    _cut_story(rows, events, statements)
    if variant.undated:
        for table, column in (
            ("events", "date_precision"),
            ("statements", "said_precision"),
            ("stances", "date_precision"),
        ):
            for row in rows[table]:
                row[column] = "undated"
    if variant.text is not None:
        for table, columns in FREE_TEXT.items():
            for row in rows[table]:
                for column in columns:
                    row[column] = variant.text
    # A source nothing cites can go: with every other table empty, so can sources.
    cited = {
        s
        for table_rows in rows.values()
        for row in table_rows
        for s in (*_ids(row.get("source_ids", "")), *_ids(row.get("source_id", "")))
    }
    rows["sources"] = [row for row in rows["sources"] if row["source_id"] in cited]
    return rows


def _cut_ledger(rows: Rows, events: set[str], statements: set[str], issues: set[str]) -> None:
    """Commitments whose actors, issue and a statement are kept (with their status changes), and readings that touch
    a kept event or statement, in disagreements still read by two sources."""
    actors = {row["actor_id"] for row in rows["actors"]}
    rows["commitments"] = [
        row
        for row in rows["commitments"]
        if set(_ids(row["actor_ids"])) <= actors
        and (not row["issue_id"] or row["issue_id"] in issues)
        and set(_ids(row["statement_ids"])) & statements  # a commitment rests on at least one statement
    ]
    for row in rows["commitments"]:
        row["event_id"] = row["event_id"] if row["event_id"] in events else ""
        row["statement_ids"] = ";".join(s for s in _ids(row["statement_ids"]) if s in statements)
    kept = {row["commitment_id"] for row in rows["commitments"]}
    rows["commitment_status"] = [row for row in rows["commitment_status"] if row["commitment_id"] in kept]
    for row in rows["disagreements"]:
        row["event_ids"] = ";".join(e for e in _ids(row["event_ids"]) if e in events)
        row["statement_ids"] = ";".join(s for s in _ids(row["statement_ids"]) if s in statements)
    readings = [row for row in rows["disagreements"] if row["event_ids"] or row["statement_ids"]]
    sources_per_topic: dict[str, set[str]] = {}
    for row in readings:
        sources_per_topic.setdefault(row["disagreement_id"], set()).add(row["source_id"])
    rows["disagreements"] = [row for row in readings if len(sources_per_topic[row["disagreement_id"]]) >= 2]


def _cut_story(rows: Rows, events: set[str], statements: set[str]) -> None:
    """Links between kept events; story steps on kept events, renumbered 1..n, quoting kept statements."""
    rows["event_links"] = [
        row for row in rows["event_links"] if row["from_event_id"] in events and row["to_event_id"] in events
    ]
    rows["story_steps"] = [row for row in rows["story_steps"] if row["event_id"] in events]
    for number, row in enumerate(rows["story_steps"], start=1):
        row["step"] = str(number)
        row["statement_ids"] = ";".join(s for s in _ids(row["statement_ids"]) if s in statements)


def described(variant: Variant) -> tuple[str, str] | None:
    """The sides a generated record declares: both names when both sides have actors (a declared side must have
    one); otherwise none, and the record takes its sides from its actors."""
    return variant.side_names if variant.side == "both" else None


def write(rows: Rows, directory: Path, sides: tuple[str, str] | None = None) -> Path:
    """The tables as CSV files in `directory`, and a dataset.toml declaring `sides` when given."""
    directory.mkdir(parents=True, exist_ok=True)
    if sides is not None:
        declared = "".join(f"\n[[sides]]\nid = {json.dumps(side)}\nname = {json.dumps(side)}\n" for side in sides)
        (directory / DESCRIPTION_FILE).write_text(f'title = "A generated record"\n{declared}', encoding="utf-8")
    for table, file_name in TABLE_FILES.items():
        with open(directory / file_name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=HEADERS[table], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows[table])
    return directory


def run_every_page(data: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """Every page in one AppTest session on `data`; fails on the first exception."""
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for spec in PAGES:
        if spec != DEFAULT_PAGE:
            at.switch_page(f"views/{spec.file}").run()
            assert not at.exception, (spec.url_path, [e.value for e in at.exception])
    return at


odd_text = st.one_of(
    st.sampled_from(ODD_TEXTS),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=300).map(lambda t: "x" + t),
)
# A side's name as actors.csv and dataset.toml write it: letters, digits, spaces, _ . - (not "other").
side_name = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z0-9][a-z0-9.-]{0,6})?", fullmatch=True)
variants = st.builds(
    Variant,
    events=st.frozensets(st.sampled_from(["event_a", "event_b"])),
    statements=st.frozensets(st.sampled_from(["stmt_a", "stmt_b"])),
    stances=st.frozensets(st.sampled_from(["stance_a", "stance_b"])),
    issues=st.booleans(),
    side=st.sampled_from(["both", "NATO", "Russia", "none"]),
    roles=st.booleans(),
    phases=st.booleans(),
    undated=st.booleans(),
    text=st.none() | odd_text,
    side_names=st.tuples(side_name, side_name).filter(lambda names: names[0] != names[1]),
)
EMPTY = Variant(frozenset(), frozenset(), frozenset(), issues=False, side="none", roles=False, phases=False)
BOUNDED = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure here is reproducible, not flaky
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@BOUNDED
@given(variant=variants)
@example(variant=EMPTY)  # every table empty
@example(variant=replace(EMPTY, events=frozenset({"event_a"})))  # one event, nobody in it
@example(variant=Variant(undated=True))  # every date undated
@example(variant=Variant(side="NATO"))  # one side only
@example(variant=Variant(stances=frozenset()))  # no stances
@example(variant=Variant(statements=frozenset(), stances=frozenset()))  # no statements
@example(variant=Variant(issues=False))  # no issues, hence no positions, statements or stances
@example(variant=Variant(text=ODD_TEXTS[0]))  # a 5,000-character word everywhere
def test_any_valid_dataset_renders_every_page(variant, tmp_path_factory, monkeypatch):
    data = write(build(variant), tmp_path_factory.mktemp("data"), described(variant))
    dataset, problems = validate_dir(data)
    assert problems == [] and dataset is not None, problems
    run_every_page(data, monkeypatch)


# A broken cell: a required value emptied, an unknown id, a bad date, a bad choice.
BREAKAGES = [
    ("events", "start_date", "2011-02-30"),
    ("events", "participant_ids", "nobody"),
    ("statements", "speaker_id", ""),
    ("stances", "date_precision", "someday"),
    ("sources", "url", "not a url"),
    ("actors", "side", "neither"),
]


@BOUNDED
@given(variant=variants, breakage=st.sampled_from(BREAKAGES))
def test_a_rejected_dataset_shows_its_messages_not_a_traceback(variant, breakage, tmp_path_factory, monkeypatch):
    rows = build(variant)
    table, column, value = breakage
    if rows[table]:
        rows[table][0][column] = value
    data = write(rows, tmp_path_factory.mktemp("data"), described(variant))
    _, problems = validate_dir(data)
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    if problems:
        assert [t.value for t in at.title] == ["The dataset cannot be shown"]
        shown = at.code[0].value
        assert all(str(problem) in shown for problem in problems)
    else:  # the broken row was not there: the dataset is valid and its pages render
        run_every_page(data, monkeypatch)


def test_a_page_whose_tables_are_empty_says_so(tmp_path, monkeypatch):
    data = write(build(Variant(issues=False)), tmp_path / "data")
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("views/stances.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Stances"]
    assert at.info[0].value == "This dataset has no issues, so there is nothing to show here."


def test_every_page_renders_from_the_archive(monkeypatch):
    """The bundled record served from its archive (DuckDB over Parquet): every page renders, and the data the
    app loaded is the archived kind, so the pages above really read SQL results."""
    monkeypatch.setenv(ENGINE_ENV, "duckdb")
    run_every_page(BUNDLED_DATA, monkeypatch)
    served, problems = load_validated(BUNDLED_DATA)
    assert problems == [] and isinstance(served, ArchivedDataset)


@pytest.mark.parametrize("query", [{"q": "summit"}, {"actor": "rogozin", "from": "2010-06-01", "asof": "2011-06-01"}])
def test_the_timeline_and_statements_pages_read_the_same_on_both_engines(query, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(BUNDLED_DATA))
    seen = []
    for engine in ("pandas", "duckdb"):
        monkeypatch.setenv(ENGINE_ENV, engine)
        timeline = run_app(query)
        statements = run_app(query, page="statements")
        assert not timeline.exception and not statements.exception
        seen.append(
            (
                [caption.value for caption in [*timeline.caption, *statements.caption]],
                timeline.dataframe[0].value.to_dict("records") if timeline.dataframe else [],
                statements.dataframe[0].value.to_dict("records") if statements.dataframe else [],
                timeline.get("plotly_chart")[0].proto.spec,
            )
        )
    assert seen[0] == seen[1]


def test_the_timeline_and_statements_pages_never_read_an_archived_table_whole(monkeypatch):
    """What keeps a million-event record out of memory: the pages readers open first ask the archive for counts,
    pages and weekly counts only (a search, an actor, a picked event with its statements, a second table page)."""

    def refuse(dataset):
        raise AssertionError("an archived table was read whole")

    monkeypatch.setattr(archive, "_events_whole", refuse)
    monkeypatch.setattr(archive, "_statements_whole", refuse)
    monkeypatch.setenv(ENGINE_ENV, "duckdb")
    monkeypatch.setenv("DASHBOARD_DATA", str(BUNDLED_DATA))
    at = run_app({"q": "missile", "event": "lisbon_summit"})
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="q").set_value("").run()
    at.multiselect(key="actor").set_value(["rogozin"]).run()
    assert not at.exception, [e.value for e in at.exception]
    statements = run_app({"q": "radar"}, page="statements")
    assert not statements.exception, [e.value for e in statements.exception]
    assert "statements match" in statements.caption[0].value
