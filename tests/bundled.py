"""The bundled dataset, validated once per test process: several test modules read it when they are imported,
and under pytest-xdist every worker imports every module (each validation ~1 s on the bundled data)."""

from __future__ import annotations

from functools import cache

from dashboard.data.dataset import Dataset
from dashboard.data.load import load_dataset
from dashboard.paths import BUNDLED_DATA


@cache
def bundled_dataset() -> Dataset:
    """The validated bundled dataset (shared: read it, never change it)."""
    return load_dataset(BUNDLED_DATA)
