"""What a client sends (an `?event=` id, a clicked event, the screen layout it reports) keys the views the app
keeps only as a known value: junk cannot grow the memo."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.data.cache import load_for_app
from dashboard.model.filters import Filters
from dashboard.model.tables import event_choices
from dashboard.ui.timeline import timeline_charts
from harness.server import APP
from tests.views.apptest import run_app


def test_junk_from_the_client_adds_no_kept_views() -> None:
    run_app()
    ds, _ = load_for_app()  # the dataset the app runs on (one per process and data state)
    assert ds is not None
    kept = {build: ds._memo.kept_views(build) for build in (event_choices, timeline_charts)}
    assert all(kept.values())
    event_id = ds.events["event_id"].iloc[0]
    for n in range(3):
        run_app({"event": f"no-such-event-{n}"})
    for n in range(3):
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.session_state["event"] = f"clicked-junk-{n}"
        at.session_state["screen"] = {"layout": f"layout-junk-{n}"}
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    assert {build: ds._memo.kept_views(build) for build in kept} == kept
    run_app({"event": event_id})  # a known id is a view of its own
    # The plain view's key with the known id in place of none (other tests in this process keep views too).
    plain = next(key for key in kept[event_choices] if key[0] == Filters() and key[-1] is None)
    assert (plain[:-1] + (event_id,)) in ds._memo.kept_views(event_choices)
