"""The typed frames (dashboard/data/typed.py) have the column kinds dataset.py promises; a left-out optional table
reads as an empty typed table; and the dataset module stands alone (no import cycle with the schema)."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from dashboard.data.arrow_frames import to_frame
from dashboard.data.arrow_typed import to_arrow_typed
from dashboard.data.dataset import OPTIONAL_TABLES, TABLE_FILES, Dataset
from dashboard.data.load import read_table, validate_dir
from dashboard.data.schema import TABLES
from dashboard.data.typed import empty_table, to_typed
from dashboard.paths import BUNDLED_DATA
from harness.server import REPO_ROOT
from tests.data.csv_tools import read_rows, write_rows

# The dtype each declared kind of column has after loading (dataset.py's docstring).
DTYPES = {"date": "datetime64[ns]", "id_list": "object", "bool": "bool", "int": "int64", "float": "float64"}


@pytest.fixture(scope="module")
def minimal():
    dataset, problems = validate_dir(REPO_ROOT / "tests" / "fixtures" / "minimal")
    assert problems == []
    return dataset


@pytest.mark.parametrize("table", list(TABLE_FILES))
def test_each_column_has_the_dtype_of_its_kind(minimal, table):
    frame = minimal.tables()[table]
    assert list(frame.columns) == TABLES[table].columns
    assert isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
    for field in TABLES[table].fields:
        column = frame[field.name]
        if field.converts_to == "str":
            assert pd.api.types.is_string_dtype(column.dtype) and column.dtype != object, field.name
        else:
            assert str(column.dtype) == DTYPES[field.converts_to], field.name
        if field.converts_to == "id_list":
            assert all(isinstance(ids, tuple) for ids in column), field.name


@pytest.mark.parametrize("table", sorted(OPTIONAL_TABLES))
def test_a_left_out_optional_table_is_empty_with_its_columns_and_kinds(minimal_dir, table):
    header_only = minimal_dir / TABLE_FILES[table]
    write_rows(header_only, read_rows(header_only)[:1])
    from_header, problems = validate_dir(minimal_dir)
    assert problems == []
    header_only.unlink()
    left_out, problems = validate_dir(minimal_dir)
    assert problems == []
    assert_frame_equal(left_out.tables()[table], from_header.tables()[table])
    assert_frame_equal(left_out.tables()[table], empty_table(table))


def test_a_dataset_is_built_from_every_table():
    nine = {table: empty_table(table) for table in list(TABLE_FILES)[:9]}
    with pytest.raises(TypeError, match="missing"):
        Dataset(**nine)  # type: ignore[call-arg]
    assert Dataset(**{table: empty_table(table) for table in TABLE_FILES}).counts() == dict.fromkeys(TABLE_FILES, 0)


def test_the_dataset_module_imports_neither_the_schema_nor_pandera():
    # dataset.py needs its memo (data/memo.py, cachetools) and the record's description (data/description.py,
    # the standard library); the schema and pandera come with validation.
    code = "import sys\nimport dashboard.data.dataset\n"
    code += "print(sorted(m for m in sys.modules if m == 'pandera' or m.startswith('dashboard.data.')))"
    shown = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    expected = [
        "dashboard.data.dataset",
        "dashboard.data.description",
        "dashboard.data.memo",
        "dashboard.data.problems",
    ]
    assert shown.stdout.strip() == str(expected), shown.stderr


@pytest.mark.parametrize("table", ["events", "statements"])
def test_typing_in_arrow_gives_the_values_typing_in_pandas_gives(table):
    """The archive is written from tables typed in Arrow (data/arrow_typed.py); the pages then read them as the
    dataset's frames, so both ways of typing must agree on every cell."""
    raw, problems = read_table(BUNDLED_DATA / TABLE_FILES[table])
    assert problems == []
    in_arrow = to_frame(to_arrow_typed(table, raw))
    pd.testing.assert_frame_equal(in_arrow, to_typed(table, raw), check_dtype=False)
    assert in_arrow["said_start" if table == "statements" else "start_date"].dtype == "datetime64[ns]"
