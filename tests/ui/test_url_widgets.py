"""The URL-kept pickers send their current value with every run, not only the first.

The browser shows a widget's default whenever it mounts the widget afresh (a run that first drew it cut short
by a rerun before the browser drew it); a default left empty after the first run showed an empty picker over
a filter still applied, and a new session after a restart then dropped the filter.
"""

from __future__ import annotations

from tests.views.apptest import run_app

LINK = {"actor": "rasmussen", "issue": "architecture", "q": "summit"}


def _defaults(element) -> list[str]:
    return [element.options[i] for i in element.proto.default]


def test_every_run_sends_the_sidebar_pickers_current_values_as_their_defaults():
    at = run_app(LINK)
    first = (_defaults(at.multiselect(key="actor")), _defaults(at.multiselect(key="issue")))
    at.run()  # a later run: the session, not the link, holds the values now
    assert not at.exception
    later = (_defaults(at.multiselect(key="actor")), _defaults(at.multiselect(key="issue")))
    assert first == later == (["Anders Fogh Rasmussen"], ["System architecture"])
    assert at.text_input(key="q").proto.default == "summit"
    # A change in the session becomes the next run's default.
    at.multiselect(key="actor").select("medvedev").run()
    assert _defaults(at.multiselect(key="actor")) == ["Anders Fogh Rasmussen", "Dmitry Medvedev"]
    at.text_input(key="q").input("Lisbon").run()
    at.run()
    assert at.text_input(key="q").proto.default == "Lisbon"


def test_a_page_pickers_later_runs_keep_its_value_as_the_default():
    at = run_app({"who": "rasmussen"}, page="actors")
    at.run()
    picker = at.selectbox(key="who")
    assert picker.options[picker.proto.default] == "Anders Fogh Rasmussen"
