"""The Share box at the end of every page (dashboard/ui/share.py): this page's link with the view's parameters,
sorted by name, and the `<iframe>` snippet of the same view; and an embedded view (`?embed=true`, which the
browser reports through st.context): no sidebar, the link's filters still applied, an "Open full view" link."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.views.apptest import PAGE_PATHS, copied_texts, run_app
from tests.views.test_app import shown_count, url_values

EMBEDDED = {"is_embedded": True}
RECORD = "NATO–Russia missile defence talks, 2009–2012"


def share_codes(at) -> list[str]:
    """The Share box's link and snippet."""
    return copied_texts(at.main)


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def iframe_attrs(snippet: str) -> dict[str, str | None]:
    """The attributes of the snippet's one tag, an iframe, as a browser reads them."""
    parser = _StartTags()
    parser.feed(snippet)
    [(tag, attrs)] = parser.found
    assert tag == "iframe"
    return attrs


def full_view_buttons(at) -> list[str]:
    return [button.proto.url for button in at.get("link_button") if button.value == "Open full view"]


def test_the_share_link_on_the_home_page_carries_the_filters():
    at = run_app({"issue": "architecture", "actor": ["rasmussen", "lavrov"], "zz": "dropped"})
    link, snippet = share_codes(at)
    assert link == "http://localhost:8501/?actor=rasmussen&actor=lavrov&issue=architecture"
    attrs = iframe_attrs(snippet)
    assert attrs["src"] == link + "&embed=true"
    assert attrs["title"] == f"Timeline · {RECORD}"
    assert not copied_texts(at.sidebar) and not at.sidebar.code  # one place for the link: the Share box
    assert full_view_buttons(at) == []


def test_the_share_link_names_the_page():
    at = run_app({"q": "radar shield", "asof": "2011-06-30"}, page="about")
    link, snippet = share_codes(at)
    assert link == "http://localhost:8501/about?asof=2011-06-30&q=radar+shield"
    assert iframe_attrs(snippet)["title"] == f"About · {RECORD}"


def test_the_snippet_follows_a_filter_changed_on_the_page():
    at = run_app({"issue": "architecture"})
    at.multiselect(key="actor").select("rasmussen").run()
    link, snippet = share_codes(at)
    assert parse_qsl(urlsplit(link).query) == [("actor", "rasmussen"), ("issue", "architecture")]
    assert parse_qsl(urlsplit(iframe_attrs(snippet)["src"] or "").query) == [
        ("actor", "rasmussen"),
        ("issue", "architecture"),
        ("embed", "true"),
    ]


@pytest.mark.parametrize("page", PAGE_PATHS)
def test_every_page_embedded_has_no_sidebar_and_a_full_view_link(page):
    at = run_app({"issue": "architecture", "q": "shield"}, page=page, context=EMBEDDED)
    assert len(at.sidebar) == 0
    assert copied_texts(at.main) == []  # no Share box
    [url] = full_view_buttons(at)
    path = "" if page == PAGE_PATHS[0] else page
    assert url.startswith(f"http://localhost:8501/{path}?") and "embed" not in url
    # The link's filters, and any page control the page set (the story's step, the stances' issue).
    assert {("issue", "architecture"), ("q", "shield")} <= set(parse_qsl(urlsplit(url).query))


def test_an_embedded_view_applies_the_links_filters():
    query = {"actor": "rasmussen", "issue": "deployment", "from": "2010-01-01", "zz": "dropped"}
    full, embedded = run_app(query), run_app(query, context=EMBEDDED)
    everything = shown_count(run_app(context=EMBEDDED))
    assert shown_count(embedded) == shown_count(full) < everything
    [url] = full_view_buttons(embedded)
    assert url == "http://localhost:8501/?actor=rasmussen&from=2010-01-01&issue=deployment"


def test_an_embedded_views_bad_parameters_are_ignored_with_the_notice():
    at = run_app({"actor": "putin", "from": "2010-13-01"}, context=EMBEDDED)
    assert shown_count(at) == shown_count(run_app(context=EMBEDDED))
    notice = " ".join(w.value for w in at.warning)
    assert "putin" in notice and "is not a known value" in notice and "2010\\-13\\-01" in notice


def test_the_embedded_timelines_show_all_button_clears_the_window_in_the_link():
    at = run_app({"from": "2011-01-01", "to": "2011-12-31"}, context=EMBEDDED)
    windowed = shown_count(at)
    next(b for b in at.button if b.label.startswith("Window:")).click().run()
    assert url_values(at, "from") == [] and url_values(at, "to") == []
    assert shown_count(at) > windowed
    [url] = full_view_buttons(at)
    assert url == "http://localhost:8501/"


def test_the_embedded_story_steps_on_and_keeps_the_step_in_its_links():
    at = run_app({"step": "3"}, page="story", context=EMBEDDED)
    assert full_view_buttons(at) == ["http://localhost:8501/story?step=3"]
    next(b for b in at.button if b.label == "Next →").click().run()
    assert url_values(at, "step") == ["4"]
    assert at.header[0].value.startswith("Step 4 of")
    assert full_view_buttons(at) == ["http://localhost:8501/story?step=4"]


def download_buttons(at) -> list:
    return [button for button in at.get("download_button") if button.proto.label == "Download this view"]


def test_the_share_box_offers_the_view_as_a_file():
    at = run_app({"issue": "architecture"}, page="stances")
    [button] = download_buttons(at)
    assert not button.proto.disabled  # the file itself is made only on the click


def test_a_view_too_big_for_a_copy_says_why_and_disables_the_download(monkeypatch):
    monkeypatch.setattr("dashboard.model.standalone_view.MAX_STANDALONE_EVENTS", 5)
    at = run_app({"issue": "architecture"})
    [button] = download_buttons(at)
    assert button.proto.disabled
    assert any("a standalone copy holds at most 5" in caption.value for caption in at.caption)


def test_an_embedded_view_offers_no_download():
    assert download_buttons(run_app(context=EMBEDDED)) == []
