"""A server restart under an open page: the page reconnects, keeps its view, and the next change applies.

The browser keeps the old page when its server goes away and opens a new
session only with the reader's next change (its rerun carries every widget's
value). That change used to be overwritten by the old link on the new session
(see dashboard/ui/url_widgets.py, _link_seeds_default).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

from harness.server import StreamlitServer
from tests.browser.helpers import (
    TIMEOUT_MS,
    event_count,
    open_app,
    pick_option,
    rerun,
    selected_tags,
    unexpected_errors,
)

pytestmark = pytest.mark.browser

# The bundled dataset, as the session's base_url server uses.
ENV = {"DASHBOARD_DATA": None}


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.fixture(scope="module")
def module_server() -> Iterator[StreamlitServer]:
    with StreamlitServer(env=ENV) as server:
        yield server


@pytest.fixture
def own_server(module_server: StreamlitServer) -> StreamlitServer:
    """A server of this module's own, running: each test kills and restarts it on the same port, so the next test
    meets a freshly started server either way, and the module starts one server per test instead of two (a start
    is 3-10 s on a loaded 2-core machine)."""
    if module_server.process is None or module_server.process.poll() is not None:
        module_server.start()
    return module_server


def reconnect_after_restart(page: Page, own_server: StreamlitServer) -> int:
    """Restart the server under `page` and wait until the page is connected again:
    a new WebSocket open and the sidebar's controls usable (they are disabled while
    the page is disconnected). Returns how many console errors the page has logged
    by then: while the server is down it logs its failed health probes, expected."""
    assert unexpected_errors(page) == []
    with page.expect_websocket(timeout=TIMEOUT_MS * 2):
        own_server.kill()
        own_server.start()
    expect(page.get_by_role("textbox", name="Search text")).to_be_enabled()
    return len(unexpected_errors(page))


def fresh_count(new_page, url: str) -> tuple[int, int]:
    """The events a brand-new reader of `url` sees."""
    return event_count(open_app(new_page(), url))


def test_first_search_after_a_restart_applies(page: Page, new_page, own_server: StreamlitServer):
    url = own_server.url
    # Filters of both kinds (id pickers, a bound date) and a selected event.
    view = {"actor": ["rasmussen"], "event": ["lisbon_nrc"], "from": ["2010-01-01"], "q": ["summit"]}
    open_app(page, url + "?" + urlencode(view, doseq=True))
    before = event_count(page)
    main = page.locator("[data-testid=stMain]")
    expect(main.get_by_role("heading", name="NATO–Russia Council summit in Lisbon")).to_be_visible()

    outage_errors = reconnect_after_restart(page, own_server)
    # The page kept its view through the restart.
    assert query(page.url) == view
    assert selected_tags(page, "Actors") == ["Anders Fogh Rasmussen"]

    box = page.get_by_role("textbox", name="Search text")
    with rerun(page):
        box.fill("Lisbon")
        box.press("Enter")
    # The first change after the restart is applied, on top of the kept view.
    changed = {**view, "q": ["Lisbon"]}
    assert query(page.url) == changed
    expect(main.get_by_role("heading", name="NATO–Russia Council summit in Lisbon")).to_be_visible()
    after = event_count(page)
    assert after != before
    assert after == fresh_count(new_page, url + "?" + urlencode(changed, doseq=True))
    assert unexpected_errors(page)[outage_errors:] == []


def test_first_pick_after_a_restart_applies(page: Page, new_page, own_server: StreamlitServer):
    url = own_server.url
    open_app(page, url + "?q=summit")
    before = event_count(page)

    outage_errors = reconnect_after_restart(page, own_server)
    pick_option(page, "Actors", "Medvedev", "Dmitry Medvedev", press_enter=True)
    assert query(page.url) == {"actor": ["medvedev"], "q": ["summit"]}
    assert selected_tags(page, "Actors") == ["Dmitry Medvedev"]
    after = event_count(page)
    assert after != before
    assert after == fresh_count(new_page, url + "?actor=medvedev&q=summit")

    # And the session goes on normally: the next change applies too.
    box = page.get_by_role("textbox", name="Search text")
    with rerun(page):
        box.fill("")
        box.press("Enter")
    assert query(page.url) == {"actor": ["medvedev"]}
    assert unexpected_errors(page)[outage_errors:] == []


def test_first_page_pick_after_a_restart_applies(page: Page, own_server: StreamlitServer):
    """A picker owned by one page (the actor profile), on a page other than the first."""
    url = own_server.url
    open_app(page, url + "actors?who=rasmussen&issue=architecture")
    main = page.locator("[data-testid=stMain]")
    expect(main.get_by_role("heading", name="Anders Fogh Rasmussen")).to_be_visible()

    outage_errors = reconnect_after_restart(page, own_server)
    pick_option(page, "Actor profile", "Medvedev", "Dmitry Medvedev")
    # Same page, the sidebar filter kept, the new profile shown and in the URL.
    assert urlsplit(page.url).path == "/actors"
    assert query(page.url) == {"issue": ["architecture"], "who": ["medvedev"]}
    expect(main.get_by_role("heading", name="Dmitry Medvedev")).to_be_visible()
    expect(main.get_by_role("heading", name="Anders Fogh Rasmussen")).to_have_count(0)
    assert unexpected_errors(page)[outage_errors:] == []
