"""AppTest helpers: run the real entry script, optionally with a link's parameters."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
PAGES = ["timeline", "story", "stances", "statements", "actors", "sources", "map", "about"]


def run_app(query: dict | None = None, page: str | None = None) -> AppTest:
    """The app after its first run with `query` as the URL's parameters, on `page`."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query or {})
    if page and page != "timeline":
        # Opened directly, as a shared link would be (url_path = file name).
        at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def app():
    return run_app
