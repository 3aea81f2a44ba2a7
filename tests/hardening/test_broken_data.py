"""Every kind of broken data directory gives the validator's file:row:column
message, on the command line and on the page, with the offending text shown
literally (never rendered as HTML)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.data.load import MAX_FILE_BYTES
from tests.browser.helpers import open_app, opened_dialogs, unexpected_errors
from tests.data.csv_tools import add_column, append_copy, copy_minimal, drop_column, set_cell
from tests.views.apptest import run_app

IMG = '<img src=x id="pwned" onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"


def _wrong_encoding(data: Path) -> None:
    raw = (data / "actors.csv").read_bytes()
    (data / "actors.csv").write_bytes(raw.replace(b"an invented test body", f"caf\xe9 {SCRIPT}".encode("latin-1")))


def _huge(data: Path) -> None:
    with open(data / "statements.csv", "r+b") as handle:  # sparse: no 200 MB written
        handle.truncate(MAX_FILE_BYTES + 1)


# kind -> (how to break the minimal dataset, the exact lines the validator prints)
BROKEN: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "missing_file": (lambda d: (d / "phases.csv").unlink(), ["phases.csv::: file is missing"]),
    "empty_file": (
        lambda d: (d / "issues.csv").write_bytes(b""),
        ["issues.csv::: file is empty; it needs at least the header row"],
    ),
    "wrong_encoding": (
        _wrong_encoding,
        [f"actors.csv:3:description: not valid UTF-8 (byte 0xE9 in 'caf\ufffd {SCRIPT}'); save as UTF-8"],
    ),
    "missing_column": (lambda d: drop_column(d, "events.csv", "place"), ["events.csv:1:place: missing column"]),
    "extra_column": (
        lambda d: add_column(d, "sources.csv", SCRIPT, "x"),
        [f"sources.csv:1:{SCRIPT}: unexpected column: the codebook has no such column here"],
    ),
    "bad_date": (
        lambda d: set_cell(d, "events.csv", 3, "start_date", IMG),
        [f"events.csv:3:start_date: must be a real date written YYYY-MM-DD; got {IMG!r}"],
    ),
    "impossible_date": (
        lambda d: set_cell(d, "events.csv", 3, "start_date", "2011-02-30"),
        ["events.csv:3:start_date: must be a real date written YYYY-MM-DD; got '2011-02-30'"],
    ),
    "dangling_id": (
        lambda d: set_cell(d, "statements.csv", 2, "speaker_id", "nobody"),
        ["statements.csv:2:speaker_id: unknown actor_id 'nobody': not in actors.csv"],
    ),
    "duplicate_id": (
        lambda d: append_copy(d, "actors.csv", 2),
        [
            "actors.csv:2:actor_id: duplicate 'actor_a' (rows 2, 5)",
            "actors.csv:5:actor_id: duplicate 'actor_a' (rows 2, 5)",
        ],
    ),
    "huge_file": (
        _huge,
        [
            f"statements.csv::: file is {MAX_FILE_BYTES + 1:,} bytes, over the limit of "
            f"{MAX_FILE_BYTES:,} bytes; not read (set DASHBOARD_MAX_FILE_MB to raise the limit)"
        ],
    ),
}
KINDS = list(BROKEN)


def broken_dir(tmp_path: Path, kind: str) -> Path:
    data = copy_minimal(tmp_path)
    BROKEN[kind][0](data)
    return data


@pytest.mark.parametrize("kind", KINDS)
def test_command_line_prints_the_exact_problem(tmp_path, capsys, kind):
    # The command's entry point in this process: tests/data/test_cli.py runs `python -m dashboard` as a user
    # would (exit codes, output, the directory found from anywhere); nine more interpreters would add ~20 s of CPU.
    data = broken_dir(tmp_path, kind)
    code = main(["validate", str(data)])
    out = capsys.readouterr().out
    assert code == 1, out
    assert out.splitlines() == BROKEN[kind][1]


@pytest.mark.parametrize("kind", KINDS)
def test_page_shows_the_same_problem_as_text(tmp_path, monkeypatch, kind):
    data = broken_dir(tmp_path, kind)
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    at = run_app()
    assert [title.value for title in at.title] == ["The dataset cannot be shown"]
    assert at.code[0].value.splitlines() == BROKEN[kind][1]
    # The offending text appears only in the code block (shown as text), never
    # in markdown, which could interpret it.
    for element in [*at.markdown, *at.caption, *at.error]:
        assert "<script" not in element.value and "<img" not in element.value
    assert not at.sidebar.multiselect  # nothing else of the app is drawn


@pytest.mark.browser
def test_broken_data_page_shows_html_in_cells_literally(tmp_path, server_factory, page):
    data = copy_minimal(tmp_path)
    add_column(data, "sources.csv", SCRIPT, "x")
    set_cell(data, "events.csv", 3, "start_date", IMG)
    url = server_factory({"DASHBOARD_DATA": str(data)})
    open_app(page, url)
    code = page.locator("[data-testid=stCode] code").first.inner_text()
    assert f"sources.csv:1:{SCRIPT}: unexpected column" in code
    assert "events.csv:3:start_date: must be a real date written YYYY-MM-DD; got '<img src=x" in code
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#pwned").count() == 0 and opened_dialogs(page) == []
    assert page.get_by_role("heading", name="The dataset cannot be shown").is_visible()
    assert unexpected_errors(page) == []
