"""Sidebar filters: they change the URL, a copied URL reproduces the view, they
survive page switches, bad links are reported, and the share link follows."""

from __future__ import annotations

import csv
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    REPO_ROOT,
    download_json,
    event_count,
    open_app,
    pick_option,
    plotted_event_ids,
    rerun,
    selected_tags,
    set_date,
    share_link,
    unexpected_errors,
)

pytestmark = pytest.mark.browser


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def bundled_events() -> list[dict[str, str]]:
    with open(REPO_ROOT / "data" / "events.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_choosing_filters_changes_url_and_narrows_events(page: Page, base_url: str):
    open_app(page, base_url)
    shown, total = event_count(page)
    assert shown == total == 30

    pick_option(page, "Actors", "Rasmussen", "Anders Fogh Rasmussen", press_enter=True)
    assert query(page.url).get("actor") == ["rasmussen"]
    assert selected_tags(page, "Actors") == ["Anders Fogh Rasmussen"]
    by_actor, _ = event_count(page)
    assert 0 < by_actor < shown

    pick_option(page, "Issues", "architecture", "System architecture")
    assert query(page.url).get("issue") == ["architecture"]
    assert query(page.url).get("actor") == ["rasmussen"]
    by_issue, _ = event_count(page)
    assert 0 < by_issue < by_actor

    set_date(page, "From", "2011-01-01")
    assert query(page.url).get("from") == ["2011-01-01"]
    by_date, _ = event_count(page)
    assert 0 < by_date < by_issue

    # The chart shows exactly the events the filters describe, worked out from the CSV.
    expected = {
        row["event_id"]
        for row in bundled_events()
        if "rasmussen" in row["participant_ids"].split(";")
        and "architecture" in row["issue_ids"].split(";")
        and row["end_date"] >= "2011-01-01"
    }
    assert plotted_event_ids(page) == expected
    assert len(expected) == by_date
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert unexpected_errors(page) == []


def test_copied_url_reproduces_the_view_in_a_new_context(new_page, base_url: str):
    first = new_page()
    open_app(first, base_url)
    pick_option(first, "Actors", "Rasmussen", "Anders Fogh Rasmussen")
    pick_option(first, "Issues", "architecture", "System architecture")
    link = first.url
    assert query(link) == {"actor": ["rasmussen"], "issue": ["architecture"]}
    first_count = event_count(first)
    first_ids = plotted_event_ids(first)
    first_rows = download_json(first)

    second = new_page()  # new context: no cookies, no session shared with the first
    assert second.context is not first.context
    open_app(second, link)
    assert selected_tags(second, "Actors") == ["Anders Fogh Rasmussen"]
    assert selected_tags(second, "Issues") == ["System architecture"]
    assert query(second.url) == query(link)
    assert event_count(second) == first_count
    assert plotted_event_ids(second) == first_ids
    second_rows = download_json(second)
    # The "Events in view" table (as its JSON download): same events, same order.
    assert [(r["event_id"], r["title"]) for r in second_rows] == [(r["event_id"], r["title"]) for r in first_rows]
    assert {r["event_id"] for r in second_rows} == first_ids
    assert len(second_rows) == first_count[0]
    for current in (first, second):
        assert unexpected_errors(current) == []


def test_page_switch_keeps_sidebar_filters(page: Page, base_url: str):
    open_app(page, base_url + "?actor=rasmussen")
    assert selected_tags(page, "Actors") == ["Anders Fogh Rasmussen"]
    with rerun(page):
        page.locator("[data-testid=stSidebarNav]").get_by_role("link", name="Stances").click()
    expect(page.locator("[data-testid=stMain] h1")).to_have_text("Stances")
    assert urlsplit(page.url).path == "/stances"
    assert query(page.url).get("actor") == ["rasmussen"]
    assert selected_tags(page, "Actors") == ["Anders Fogh Rasmussen"]
    assert unexpected_errors(page) == []


def test_bad_link_parameters_give_a_notice_and_the_page_still_works(page: Page, base_url: str):
    open_app(page, base_url + "?actor=nobody&from=2011-13-45&foo=bar")
    notice = page.locator("[data-testid=stAlert]").filter(has_text="ignored")
    expect(notice).to_have_count(1)
    expect(notice).to_be_visible()
    text = notice.inner_text()
    assert "'nobody'" in text and "not a known value" in text
    assert "'2011-13-45'" in text and "not a date" in text
    assert "unknown parameter 'foo'" in text
    # Nothing was applied: the timeline draws every event.
    expect(page.locator("[data-testid=stMain] .js-plotly-plot .scatterlayer .points path").first).to_be_attached()
    assert event_count(page) == (30, 30)
    assert selected_tags(page, "Actors") == []
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert unexpected_errors(page) == []


def test_share_link_follows_the_filters(page: Page, base_url: str):
    open_app(page, base_url)
    assert share_link(page) == base_url
    pick_option(page, "Actors", "Rasmussen", "Anders Fogh Rasmussen")
    link = share_link(page)
    assert link.startswith(base_url)
    assert query(link) == {"actor": ["rasmussen"]}
    set_date(page, "From", "2011-01-01")
    link = share_link(page)
    assert link.startswith(base_url)
    assert query(link) == {"actor": ["rasmussen"], "from": ["2011-01-01"]}
    assert query(link) == query(page.url)
    # The link works: opened elsewhere it shows the same number of events.
    shown = event_count(page)
    with rerun(page):
        page.locator("[data-testid=stSidebarNav]").get_by_role("link", name="Stances").click()
    link = share_link(page)
    assert link.startswith(base_url + "stances?")
    assert query(link).get("actor") == ["rasmussen"] and query(link).get("from") == ["2011-01-01"]
    open_app(page, share_link(page).replace("stances?", "?"))
    assert event_count(page) == shown
    # Copied by keyboard (the field, then Tab to its button): the link is on the clipboard and the field says so.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    box = page.locator(".st-key-share_box")
    box.get_by_role("textbox", name="Link to this view").focus()
    page.keyboard.press("Tab")
    expect(box.get_by_role("button", name="Copy link to this view")).to_be_focused()
    page.keyboard.press("Enter")
    expect(box.get_by_role("status").first).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == share_link(page)
    assert unexpected_errors(page) == []
