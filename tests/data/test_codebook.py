"""The codebook (data/README.md) and the schemas describe the same columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.data.dataset import TABLE_FILES
from dashboard.data.schema import TABLES

CODEBOOK = Path(__file__).resolve().parents[2] / "data" / "README.md"


def codebook_tables() -> dict[str, dict[str, str]]:
    """file name -> {column: its 'allowed values / meaning' cell}, in order."""
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in CODEBOOK.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"^###\s+(\S+\.csv)\b", line):
            current = tables.setdefault(heading.group(1), {})
        elif line.startswith("#"):
            current = None
        elif current is not None and (row := re.match(r"^\|\s*`([^`]+)`\s*\|([^|]*)\|(.*)\|\s*$", line)):
            current[row.group(1)] = row.group(3).strip()
    return tables


def test_codebook_documents_every_table():
    assert sorted(codebook_tables()) == sorted(TABLE_FILES.values())


@pytest.mark.parametrize("table", list(TABLES.values()), ids=list(TABLES))
def test_codebook_columns_are_the_schema_columns(table):
    documented = list(codebook_tables()[table.file_name])
    assert [c for c in table.columns if c not in documented] == [], "columns missing from the codebook"
    assert [c for c in documented if c not in table.columns] == [], "codebook columns not in the schema"
    assert documented == table.columns, "the codebook lists the columns in another order"


def allowed_values(table_name: str, column: str) -> set[str]:
    field = next(f for f in TABLES[table_name].fields if f.name == column)
    [isin] = [c for c in field.checks if c.name == "allowed values"]
    return set(isin.statistics["allowed_values"])


CHOICE_COLUMNS = [
    (table.name, field.name)
    for table in TABLES.values()
    for field in table.fields
    if any(check.name == "allowed values" for check in field.checks)
]


@pytest.mark.parametrize(("table_name", "column"), CHOICE_COLUMNS, ids=[f"{t}.{c}" for t, c in CHOICE_COLUMNS])
def test_codebook_allowed_values_are_the_schema_values(table_name, column):
    cell = codebook_tables()[TABLE_FILES[table_name]][column]
    if cell.startswith("as `"):  # "as `date_precision`": the same list as another column
        referenced = re.match(r"as `([^`]+)`", cell).group(1)
        cell = codebook_tables()["events.csv"][referenced]
    assert set(re.findall(r"`([^`]+)`", cell)) == allowed_values(table_name, column)
