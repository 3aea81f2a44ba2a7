"""Bad files of any kind give problems, never an exception."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.data import load
from dashboard.data.load import validate_dir
from dashboard.paths import BUNDLED_DATA
from tests.data.csv_tools import copy_minimal, read_rows, write_rows


def problem_lines(directory) -> list[str]:
    dataset, problems = validate_dir(directory)
    assert (dataset is None) == bool(problems)
    return [str(p) for p in problems]


def test_minimal_fixture_is_valid(minimal_dir):
    assert problem_lines(minimal_dir) == []


def test_missing_directory(tmp_path):
    missing = tmp_path / "nowhere"
    assert problem_lines(missing) == [f"{missing}::: data directory does not exist"]


def test_path_is_a_file(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("x\n")
    assert problem_lines(path) == [f"{path}::: is not a directory"]


def test_missing_file(minimal_dir):
    (minimal_dir / "phases.csv").unlink()
    assert problem_lines(minimal_dir) == ["phases.csv::: file is missing"]


def test_missing_referenced_table_is_one_problem(minimal_dir):
    # No cascade of "unknown source" problems from every other table.
    (minimal_dir / "sources.csv").unlink()
    assert problem_lines(minimal_dir) == ["sources.csv::: file is missing"]


def test_directory_instead_of_file(minimal_dir):
    (minimal_dir / "phases.csv").unlink()
    (minimal_dir / "phases.csv").mkdir()
    assert problem_lines(minimal_dir) == ["phases.csv::: is not a regular file"]


def test_empty_file(minimal_dir):
    (minimal_dir / "phases.csv").write_bytes(b"")
    assert problem_lines(minimal_dir) == ["phases.csv::: file is empty; it needs at least the header row"]


def test_header_only_is_zero_rows(minimal_dir):
    header = read_rows(minimal_dir / "phases.csv")[0]
    write_rows(minimal_dir / "phases.csv", [header])

    dataset, problems = validate_dir(minimal_dir)

    assert problems == []
    assert len(dataset.phases) == 0
    assert list(dataset.phases.columns) == header
    assert str(dataset.phases["start_date"].dtype) == "datetime64[ns]"


def test_blank_lines_only(minimal_dir):
    (minimal_dir / "phases.csv").write_text("\n\n")
    assert problem_lines(minimal_dir) == ["phases.csv:1:: no header row"]


def test_non_utf8_cell_is_located(minimal_dir):
    path = minimal_dir / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b"Test Body B", "Test B\xf6dy".encode("latin-1")))

    assert problem_lines(minimal_dir) == [
        "actors.csv:3:name: not valid UTF-8 (byte 0xF6 in 'Test B\ufffddy'); save as UTF-8"
    ]


def test_non_utf8_in_unparseable_file(minimal_dir):
    (minimal_dir / "phases.csv").write_bytes(b'phase_id,title\nphase_a,"caf\xe9\n')
    assert problem_lines(minimal_dir) == [
        "phases.csv::: not valid UTF-8 (byte 0xE9 on line 2)",
        "phases.csv:2:: cannot parse CSV: unexpected end of data; is a quote left open? (the row starts on line 2 of the file)",  # noqa: E501 (a literal kept whole)
    ]


def test_utf8_bom_is_stripped(minimal_dir):
    path = minimal_dir / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problem_lines(minimal_dir) == []


def test_windows_line_endings(minimal_dir):
    path = minimal_dir / "events.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert problem_lines(minimal_dir) == []


def test_ragged_rows(minimal_dir):
    path = minimal_dir / "positions.csv"
    lines = path.read_text().splitlines()
    lines[1] += ",surplus"
    lines[3] = lines[3].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n")

    assert problem_lines(minimal_dir) == [
        "positions.csv:2:: row has 6 fields, the header has 5",
        "positions.csv:4:: row has 4 fields, the header has 5",
    ]


def test_unclosed_quote(minimal_dir):
    path = minimal_dir / "issues.csv"
    path.write_text(path.read_text().replace("an invented dispute", '"an invented dispute'))

    assert problem_lines(minimal_dir) == [
        "issues.csv:2:: cannot parse CSV: unexpected end of data; is a quote left open?"
        " (the row starts on line 2 of the file)"
    ]


def test_text_after_closing_quote(minimal_dir):
    path = minimal_dir / "issues.csv"
    path.write_text(path.read_text().replace("an invented dispute", '"an invented" dispute'))

    [line] = problem_lines(minimal_dir)
    assert line.startswith("issues.csv:2:: cannot parse CSV:")


def test_blank_row(minimal_dir):
    path = minimal_dir / "phases.csv"
    path.write_text(path.read_text() + "\n")
    assert problem_lines(minimal_dir) == ["phases.csv:3:: blank row; delete it"]


def test_duplicate_header(minimal_dir):
    path = minimal_dir / "phases.csv"
    rows = read_rows(path)
    write_rows(path, [rows[0] + ["title"]] + [r + ["x"] for r in rows[1:]])
    assert problem_lines(minimal_dir) == ["phases.csv:1:title: column appears twice in the header"]


def test_extra_column(minimal_dir):
    path = minimal_dir / "phases.csv"
    rows = read_rows(path)
    write_rows(path, [rows[0] + ["colour"]] + [r + ["blue"] for r in rows[1:]])
    assert problem_lines(minimal_dir) == [
        "phases.csv:1:colour: unexpected column: the codebook has no such column here"
    ]


def test_file_over_the_size_limit_is_not_read(minimal_dir, monkeypatch):
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 300)
    size = (minimal_dir / "events.csv").stat().st_size
    assert size > 300

    lines = problem_lines(minimal_dir)

    assert (
        f"events.csv::: file is {size:,} bytes, over the limit of 300 bytes; not read"
        " (set DASHBOARD_MAX_FILE_MB to raise the limit)"
    ) in lines
    assert all(line.split(":")[1:3] == ["", ""] for line in lines)


def test_the_size_limit_is_raised_by_its_variable(minimal_dir, monkeypatch):
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 300)
    monkeypatch.setenv("DASHBOARD_MAX_FILE_MB", "1")
    assert not [line for line in problem_lines(minimal_dir) if "over the limit" in line]


@pytest.mark.parametrize("setting", ["lots", "0", "-5", "1.5"])
def test_a_bad_size_limit_setting_keeps_the_default_and_says_so(minimal_dir, monkeypatch, setting):
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 300)
    monkeypatch.setenv("DASHBOARD_MAX_FILE_MB", setting)
    size = (minimal_dir / "events.csv").stat().st_size

    lines = problem_lines(minimal_dir)

    assert (
        f"events.csv::: file is {size:,} bytes, over the limit of 300 bytes; not read"
        f" (DASHBOARD_MAX_FILE_MB='{setting}' is not a whole number of megabytes above 0)"
    ) in lines


def test_nothing_is_written_into_the_data_directory(minimal_dir):
    def snapshot():
        return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in minimal_dir.iterdir()}

    before = snapshot()
    validate_dir(minimal_dir)
    (minimal_dir / "events.csv").write_text("broken")
    before_broken = snapshot()
    validate_dir(minimal_dir)

    assert before_broken == snapshot()
    assert set(before) == set(snapshot())


def test_unreadable_file(minimal_dir, monkeypatch):
    # chmod cannot stop root (CI runs as root), so the read error is simulated.
    real_read_bytes = Path.read_bytes

    def read_bytes(path):
        if path.name == "phases.csv":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    [line] = problem_lines(minimal_dir)
    assert line == "phases.csv::: cannot read file: Permission denied"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=300), st.text(alphabet=',"\n\r;ab-\u00e9\ufeff', max_size=200)))
def test_any_bytes_give_problems_not_exceptions(tmp_path_factory, content):
    directory = copy_minimal(tmp_path_factory.mktemp("fuzz"))
    raw = content if isinstance(content, bytes) else content.encode("utf-8")
    (directory / "events.csv").write_bytes(raw)

    dataset, problems = validate_dir(directory)

    assert dataset is None and problems
    assert all(str(p).count(":") >= 3 for p in problems)


def test_rows_are_counted_as_records_not_lines(minimal_dir):
    # A cell may hold a line break; the spreadsheet row stays the same.
    from tests.data.csv_tools import set_cell

    set_cell(minimal_dir, "events.csv", 2, "date_note", "first line\nsecond line")
    set_cell(minimal_dir, "events.csv", 3, "status", "maybe")

    assert [line.split(": ")[0] for line in problem_lines(minimal_dir)] == ["events.csv:3:status"]


def _strict_frame(path):
    """The raw table as the CSV module reads it, for comparing with the fast reader."""
    text = path.read_bytes().decode("utf-8").removeprefix(load.UTF8_BOM)
    records, problem = load._parse_csv(path.name, text)
    assert problem is None
    frame, problems = load._to_frame(path.name, records, False)
    assert problems == []
    return frame


def test_the_fast_reader_reads_every_bundled_table_as_the_strict_reader_does():
    for path in sorted(BUNDLED_DATA.glob("*.csv")):
        header = load._plain_header(path.read_bytes())
        fast = load._read_fast(path, header) if header is not None else None
        assert fast is not None, path.name  # plain files: read the fast way
        pd.testing.assert_frame_equal(fast, _strict_frame(path))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('id,title\na,"x"y\n', "cannot parse CSV"),  # text after a closing quote: pyarrow would read "xy"
        ("id,title\na,b\n\nc,d\n", "blank row"),
        ("id,title\na,b,c\n", "row has 3 fields"),
        ('id,title\na,"open\n', "cannot parse CSV"),
        ("id,id\na,b\n", "column appears twice"),
    ],
)
def test_what_the_fast_reader_would_misread_goes_the_strict_way(tmp_path, content, expected):
    path = tmp_path / "sources.csv"
    path.write_text(content, encoding="utf-8")
    frame, problems = load.read_table(path)
    assert frame is None and any(expected in problem.message for problem in problems), problems


def test_a_quote_inside_a_bare_cell_reads_alike_both_ways(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text('id,title\na,5" gun\nb,"say ""no"""\n', encoding="utf-8")
    frame, problems = load.read_table(path)
    assert problems == [] and frame["title"].tolist() == ['5" gun', 'say "no"']
    pd.testing.assert_frame_equal(frame, _strict_frame(path))
