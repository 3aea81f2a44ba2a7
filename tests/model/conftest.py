"""Every model test runs on both engines: the dataset in pandas, and the same dataset served from its archive
(events and statements as Parquet, queried with DuckDB: dashboard/data/archive.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.data.archive import archived
from dashboard.data.dataset import Dataset
from tests.synthetic import build_dataset

ENGINES = ("pandas", "duckdb")


def on_engine(engine: str, folder: Path) -> Callable[[Dataset], Dataset]:
    """A function giving a dataset on `engine`: as it is, or archived into a new subfolder of `folder`."""
    counter = itertools.count()

    def served(dataset: Dataset) -> Dataset:
        if engine == "pandas":
            return dataset
        target = folder / f"archive-{next(counter)}"
        target.mkdir()
        return archived(dataset, target)

    return served


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def serve(engine: str, tmp_path: Path) -> Callable[[Dataset], Dataset]:
    return on_engine(engine, tmp_path)


@pytest.fixture
def make_dataset(serve):
    return lambda **tables: serve(build_dataset(**tables))


@pytest.fixture
def ds(serve) -> Dataset:
    return serve(build_dataset())
