"""The deployment recipe (deploy/): two replicas behind nginx under /md-talks/, on loopback.

Pages and share links work through the proxy; a reader whose replica dies reconnects through nginx to the
other one, keeps the view and the next change applies; the health check fails over.
"""

from __future__ import annotations

import re
import time
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from deploy.stack import AFFINITY_COOKIE, Replica, Stack, get
from tests.browser.helpers import (
    TIMEOUT_MS,
    event_count,
    open_app,
    pick_option,
    rerun,
    selected_tags,
    share_link,
    unexpected_errors,
)

pytestmark = pytest.mark.browser

ACTIVE_SESSIONS = re.compile(r"^active_sessions (\d+)$", re.MULTILINE)


@pytest.fixture
def stack() -> Iterator[Stack]:
    with Stack(replicas=2) as running:
        yield running


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def active_sessions(member: Replica) -> int:
    """Sessions the replica holds, from its own /_stcore/metrics (asked directly, not through nginx)."""
    status, body = get(member.url + "_stcore/metrics")
    assert status == 200, f"metrics of replica on {member.port}: {status}"
    match = ACTIVE_SESSIONS.search(body)
    assert match, "no active_sessions in /_stcore/metrics"
    return int(match[1])


def serving_replica(stack: Stack) -> Replica:
    """The one replica holding the (single) open page's session."""
    counts = [active_sessions(member) for member in stack.members]
    assert sorted(counts) == [0, 1], f"sessions per replica: {counts}"
    return stack.members[counts.index(1)]


def test_pages_and_share_links_through_the_proxy(stack: Stack, new_page):
    reader = new_page()
    open_app(reader, stack.url + "stances?issue=architecture&q=summit")
    assert urlsplit(reader.url).path == "/md-talks/stances"
    assert selected_tags(reader, "Issues") == ["System architecture"]
    pick_option(reader, "Actors", "Rasmussen", "Anders Fogh Rasmussen", press_enter=True)
    link = share_link(reader)
    # The share link names the proxy's address and path, not a replica's.
    assert link.startswith(stack.url + "stances?")
    assert query(link) == query(reader.url)
    assert {"actor": ["rasmussen"], "issue": ["architecture"], "q": ["summit"]}.items() <= query(link).items()

    colleague = new_page()  # another browser context: its own affinity cookie and session
    open_app(colleague, link)
    assert selected_tags(colleague, "Actors") == ["Anders Fogh Rasmussen"]
    assert selected_tags(colleague, "Issues") == ["System architecture"]
    assert colleague.get_by_role("textbox", name="Search text").input_value() == "summit"
    cookies = {cookie["name"]: cookie for cookie in colleague.context.cookies()}
    assert cookies[AFFINITY_COOKIE]["path"] == "/md-talks/"
    assert sum(active_sessions(member) for member in stack.members) == 2
    assert unexpected_errors(reader) == [] and unexpected_errors(colleague) == []


def test_static_bundles_are_cached_and_pages_may_be_framed(stack: Stack):
    status, index = get(stack.url)
    assert status == 200
    bundle = re.search(r'src="\./(static/js/[^"]+\.js)"', index)
    assert bundle, "no script bundle in index.html"
    headers = []
    for _ in range(2):
        with urllib.request.urlopen(stack.url + bundle[1], timeout=10) as response:
            headers.append(response.headers)
    assert "immutable" in headers[0]["Cache-Control"]
    assert [h["X-Cache-Status"] for h in headers] == ["MISS", "HIT"]
    # Health is never cached; a page is revalidated.
    with urllib.request.urlopen(stack.url + "_stcore/health", timeout=10) as response:
        assert response.headers["Cache-Control"] == "no-store"
    with urllib.request.urlopen(stack.url + "stances?issue=architecture", timeout=10) as response:
        assert response.headers["Cache-Control"] == "no-cache"
        # Any page may embed a view (deploy/README.md, Embedding): one frame-ancestors policy, no X-Frame-Options.
        assert response.headers.get_all("Content-Security-Policy") == ["frame-ancestors *"]
        assert response.headers["X-Frame-Options"] is None


def served_by(stack: Stack, affinity: str) -> list[str]:
    """The replicas that served the requests of one affinity key, from nginx's access log."""
    lines = (stack.prefix / "access.log").read_text().splitlines()
    return [m[1] for line in lines if (m := re.search(rf"replica=(\S+) affinity={affinity}$", line))]


def test_affinity_keeps_each_reader_on_one_replica(stack: Stack):
    keys = []
    for _ in range(20):  # 20 readers, each with its own cookie jar
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        with opener.open(stack.url, timeout=10) as response:
            cookie = response.headers["Set-Cookie"]
        assert cookie.startswith(f"{AFFINITY_COOKIE}=") and "Path=/md-talks/" in cookie
        keys.append(cookie.split(";")[0].split("=")[1])
        for _ in range(3):
            with opener.open(stack.url + "_stcore/host-config", timeout=10) as response:
                assert response.status == 200
                assert response.headers.get("Set-Cookie") is None  # set once, then kept
    replicas = {f"127.0.0.1:{member.port}" for member in stack.members}
    chosen = []
    for key in keys:
        served = served_by(stack, key)
        assert len(served) == 4 and len(set(served)) == 1, f"reader {key} served by {served}"
        chosen.append(served[0])
    # Readers are spread over both replicas (all on one: probability 2 in a million).
    assert set(chosen) == replicas


def test_reader_survives_losing_its_replica(stack: Stack, page: Page, new_page):
    link = stack.url + "?actor=rasmussen&q=summit"
    open_app(page, link)
    before = event_count(page)
    serving = serving_replica(stack)
    other = next(member for member in stack.members if member is not serving)
    assert unexpected_errors(page) == []

    with page.expect_websocket(timeout=TIMEOUT_MS * 2):
        stack.kill_replica(serving)
    expect(page.get_by_role("textbox", name="Search text")).to_be_enabled()
    outage_errors = len(unexpected_errors(page))
    # The page kept its view, and nginx moved it to the surviving replica.
    assert query(page.url) == {"actor": ["rasmussen"], "q": ["summit"]}
    assert selected_tags(page, "Actors") == ["Anders Fogh Rasmussen"]

    box = page.get_by_role("textbox", name="Search text")
    with rerun(page):
        box.fill("Lisbon")
        box.press("Enter")
    assert query(page.url) == {"actor": ["rasmussen"], "q": ["Lisbon"]}
    after = event_count(page)
    assert after != before
    assert active_sessions(other) == 1
    fresh = open_app(new_page(), stack.url + "?actor=rasmussen&q=Lisbon")
    assert event_count(fresh) == after
    assert unexpected_errors(page)[outage_errors:] == []


def test_health_check_fails_over(stack: Stack):
    health = stack.url + "_stcore/health"
    # No affinity cookie: each probe is hashed on its own request id, so both replicas are asked.
    assert [get(health) for _ in range(10)] == [(200, "ok")] * 10

    stack.kill_replica(stack.members[0])
    # Every probe still answers: those hashed to the dead replica are retried on the live one.
    assert [get(health) for _ in range(10)] == [(200, "ok")] * 10
    # A page still loads through the proxy.
    status, index = get(stack.url)
    assert status == 200 and '<div id="root">' in index

    stack.kill_replica(stack.members[1])
    # With no replica left, the proxy says so instead of hanging.
    assert get(health)[0] == 502

    # A replica back is used again once nginx retries it (fail_timeout, 10 s).
    stack.start_replica(stack.members[0])
    deadline = time.monotonic() + 30
    while get(health) != (200, "ok"):
        assert time.monotonic() < deadline, "no recovery 30 s after a replica came back"
        time.sleep(0.5)
