"""The URL's parameter registry and the share link (dashboard/model/url_params.py), without Streamlit."""

import pytest

from dashboard.model import url_params
from dashboard.model.url_params import (
    PAGE_PARAMS,
    other_pages_params,
    param_specs,
    share_link,
    sorted_query,
    unknown_params,
)
from dashboard.pages import PAGES
from tests.synthetic import build_dataset

# Every name the module gives a parameter (its upper-case string constants, bar the lane choices).
NAMES = {
    value
    for name, value in vars(url_params).items()
    if name.isupper() and isinstance(value, str) and name not in ("LANE_CHOICES",)
}


def test_every_named_parameter_is_registered_and_nothing_else():
    assert set(param_specs(build_dataset())) == NAMES


def test_page_controls_belong_to_real_pages():
    assert set(PAGE_PARAMS) <= {"", *(spec.url_path for spec in PAGES)}
    assert {name for names in PAGE_PARAMS.values() for name in names} <= NAMES


def test_other_pages_params_are_those_of_every_page_but_this_one():
    assert other_pages_params("actors") == ["event", "stance_issue", "stance", "source", "step"]
    assert "event" not in other_pages_params("")
    assert set(other_pages_params("about")) == {name for names in PAGE_PARAMS.values() for name in names}


def test_unknown_params_keeps_the_given_order():
    specs = param_specs(build_dataset())
    assert unknown_params(["zz", "actor", "utm_source", "q"], specs) == ["zz", "utm_source"]


def test_sorted_query_orders_names_and_keeps_repeated_values_as_given():
    query = sorted_query({"q": ["radar"], "actor": ["rasmussen", "lavrov"], "asof": ["2011-06-30"]})
    assert query == [("actor", "rasmussen"), ("actor", "lavrov"), ("asof", "2011-06-30"), ("q", "radar")]


@pytest.mark.parametrize(
    ("app_url", "base_path", "page", "query", "link"),
    [
        (None, None, "", [], "http://localhost:8501/"),
        (None, "", "stances", [("actor", "lavrov")], "http://localhost:8501/stances?actor=lavrov"),
        ("https://example.org/md-talks/actors?x=1", "/md-talks/", "actors", [], "https://example.org/md-talks/actors"),
        ("http://127.0.0.1:9000/", "md-talks", "", [("q", "a b&c")], "http://127.0.0.1:9000/md-talks?q=a+b%26c"),
        (
            "http://h:1/",
            None,
            "",
            [("actor", "rasmussen"), ("actor", "lavrov")],
            "http://h:1/?actor=rasmussen&actor=lavrov",
        ),
    ],
)
def test_share_link_is_the_page_under_the_base_path_with_the_query(app_url, base_path, page, query, link):
    assert share_link(app_url, base_path, page, query) == link
