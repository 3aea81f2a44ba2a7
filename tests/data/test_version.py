"""data_version: a short hash of a dataset's contents, the same for the same contents, changed by any cell."""

from __future__ import annotations

import dataclasses

from dashboard.data.load import load_dataset
from dashboard.data.version import VERSION_LENGTH, data_version
from dashboard.paths import BUNDLED_DATA
from tests.bundled import bundled_dataset


def test_same_contents_same_version_any_change_another():
    ds = bundled_dataset()
    version = data_version(ds)
    assert len(version) == VERSION_LENGTH and int(version, 16) >= 0
    assert data_version(load_dataset(BUNDLED_DATA)) == version  # loaded again: a new object, the same data
    events = ds.events.copy()
    events.loc[3, "title"] += "."
    assert data_version(dataclasses.replace(ds, events=events)) != version
    ids = ds.events.copy()
    ids.at[0, "participant_ids"] = ids.at[0, "participant_ids"][:-1]
    assert data_version(dataclasses.replace(ds, events=ids)) != version
    about = dataclasses.replace(ds.about, title="Another title")
    assert data_version(dataclasses.replace(ds, description=about)) != version
