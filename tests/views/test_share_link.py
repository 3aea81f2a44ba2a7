"""The share link in the sidebar: this page's address with the view's parameters, sorted by name."""

from tests.views.apptest import run_app


def test_the_share_link_on_the_home_page_carries_the_filters():
    at = run_app({"issue": "architecture", "actor": ["rasmussen", "lavrov"], "zz": "dropped"})
    assert [code.value for code in at.sidebar.code] == [
        "http://localhost:8501/?actor=rasmussen&actor=lavrov&issue=architecture"
    ]


def test_the_share_link_names_the_page():
    at = run_app({"q": "radar shield", "asof": "2011-06-30"}, page="about")
    assert [code.value for code in at.sidebar.code] == ["http://localhost:8501/about?asof=2011-06-30&q=radar+shield"]
