"""The embedded view's link and `<iframe>` snippet (dashboard/model/embed.py), without Streamlit."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest

from dashboard.model.embed import embed_link, embed_snippet, frame_title, full_view_link
from dashboard.model.url_params import PAGE_PARAMS, share_link
from dashboard.pages import PAGES, address

RECORD_TITLE = "Talks <b>&</b> \"quoted\" 'titles'"
# The sidebar's filters, with characters a query must encode, and each page's own controls.
FILTERS = [
    ("actor", "rasmussen"),
    ("actor", "lavrov"),
    ("asof", "2011-06-30"),
    ("from", "2010-01-01"),
    ("issue", "architecture"),
    ("q", 'a b&c=d "<x>"'),
    ("to", "2012-05-21"),
]
PAGE_VALUES = {
    "event": "lisbon",
    "stance_issue": "guarantees",
    "stance": "s1",
    "who": "lavrov",
    "source": "s2",
    "step": "3",
}


def page_query(url_path: str) -> list[tuple[str, str]]:
    owner = "" if url_path == PAGES[0].url_path else url_path
    return FILTERS + [(name, PAGE_VALUES[name]) for name in PAGE_PARAMS.get(owner, ())]


class Tags(HTMLParser):
    """Every start and end tag of a fragment, with its attributes as a browser reads them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.ends: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.ends.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(snippet: str) -> Tags:
    tags = Tags()
    tags.feed(snippet)
    tags.close()
    return tags


@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_every_pages_snippet_is_one_iframe_of_the_view_with_embed_true(spec):
    query = page_query(spec.url_path)
    link = share_link("https://example.org/", "md-talks", address(spec), query)
    title = frame_title(spec.title, RECORD_TITLE)
    snippet = embed_snippet(link, title, width="100%", height=640)

    tags = parsed(snippet)
    assert [tag for tag, _ in tags.starts] == ["iframe"] and tags.ends == ["iframe"] and "".join(tags.text) == ""
    attrs = tags.starts[0][1]
    assert attrs["title"] == f"{spec.title} · {RECORD_TITLE}"  # escaped in the text, intact once read
    assert attrs["width"] == "100%" and attrs["height"] == "640"
    assert "allow" not in attrs and "sandbox" not in attrs  # asks for no permissions
    src = urlsplit(attrs["src"] or "")
    assert (src.scheme, src.netloc, src.path) == (
        "https",
        "example.org",
        "/" + "/".join(filter(None, ("md-talks", address(spec)))),
    )
    assert parse_qsl(src.query) == query + [("embed", "true")]  # every parameter of the view, in order
    assert "<" not in snippet.split('title="', 1)[1].split('"', 1)[0]


def test_the_story_step_stays_in_the_embedded_link():
    link = share_link("http://127.0.0.1:8501/", None, "story", [("step", "4")])
    assert embed_link(link) == "http://127.0.0.1:8501/story?step=4&embed=true"
    assert full_view_link(embed_link(link)) == link


@pytest.mark.parametrize(
    ("link", "embedded"),
    [
        ("http://h:1/", "http://h:1/?embed=true"),
        ("https://h/md-talks", "https://h/md-talks?embed=true"),
        ("https://h/?q=a+b%26c&Embed=false&embed_options=show_toolbar", "https://h/?q=a+b%26c&embed=true"),
        ("HTTPS://h/x?a=1#part", "https://h/x?a=1&embed=true"),
        ("http://h/?q=", "http://h/?q=&embed=true"),  # an empty value is kept as given
    ],
)
def test_embed_link_adds_embed_true_once_and_keeps_the_rest(link, embedded):
    assert embed_link(link) == embedded
    assert embed_link(embedded) == embedded


def test_embed_options_follow_embed_true():
    assert embed_link("http://h/?a=1", ("show_padding", "light_theme")) == (
        "http://h/?a=1&embed=true&embed_options=show_padding&embed_options=light_theme"
    )


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        " JavaScript:alert(document.cookie)//http://h/",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://h/x",
        "//example.org/x",
        "/stances?actor=lavrov",
        "http:///no-host",
        "",
    ],
)
def test_anything_but_an_http_link_is_refused(link):
    with pytest.raises(ValueError, match="http"):
        embed_link(link)
    with pytest.raises(ValueError, match="http"):
        embed_snippet(link, "A title")


@pytest.mark.parametrize(("width", "height"), [("100px", 600), (0, 600), ("101%", 600), ('100%" onload="x', 600)])
def test_sizes_are_pixels_or_percentages_only(width, height):
    with pytest.raises(ValueError, match="width"):
        embed_snippet("http://h/", "A title", width=width, height=height)


@pytest.mark.parametrize("height", [0, -5, 10_000, True])
def test_heights_are_pixels(height):
    with pytest.raises(ValueError, match="height"):
        embed_snippet("http://h/", "A title", height=height)


def test_pixel_widths_and_an_empty_title_still_make_a_named_frame():
    attrs = parsed(embed_snippet("http://h/", "  ", width=800, height=450)).starts[0][1]
    assert (attrs["width"], attrs["height"], attrs["title"]) == ("800", "450", "Embedded view")


def test_frame_title_names_the_page_then_the_record():
    assert frame_title("Stances", "NATO–Russia talks") == "Stances · NATO–Russia talks"
    assert frame_title("Stances", " ") == "Stances"
