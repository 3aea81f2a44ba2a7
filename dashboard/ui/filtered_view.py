"""`View`: the dataset with the sidebar's filters, which every page works from.

"View" means three things in this code base, apart by where they live:
- `View` (here): the dataset and the filters, handed from the entry script to the page that runs by `set_view`
  and `current_view`;
- `dashboard/views/`: the page scripts, one per page of `dashboard/pages.py`;
- the `view` of `Dataset.memo`: the filters and page controls a kept value depends on, its key.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.data.dataset import Dataset
from dashboard.model.filters import Filters, filter_events, filter_statements
from dashboard.model.selection import event_count

_VIEW = "_view"


@dataclass(frozen=True)
class View:
    """What every page works from."""

    ds: Dataset
    filters: Filters

    def events(self) -> pd.DataFrame:
        """The events the filters keep (`filter_events`), shared by every rerun of this view: read-only."""
        return self.ds.memo(filter_events, self.filters)

    def event_count(self) -> int:
        """How many events the filters keep, without fetching them from an archive (`event_count`)."""
        return self.ds.memo(event_count, self.filters)

    def statements(self) -> pd.DataFrame:
        """The statements the filters keep (`filter_statements`), shared likewise: read-only."""
        return self.ds.memo(filter_statements, self.filters)


def set_view(view: View) -> None:
    """Called by the entry script once the sidebar is drawn, before the page runs."""
    st.session_state[_VIEW] = view


def current_view() -> View:
    """The view the entry script set for this run."""
    view: View = st.session_state[_VIEW]
    return view
