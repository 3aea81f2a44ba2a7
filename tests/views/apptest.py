"""Running the real entry script in Streamlit's AppTest, optionally with a link's parameters."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from dashboard.pages import DEFAULT_PAGE, PAGES
from dashboard.ui.copy_field import COMPONENT as COPY_FIELD
from harness.server import APP

PAGE_PATHS = [spec.url_path for spec in PAGES]


def run_app(query: dict | None = None, page: str | None = None, context: dict | None = None) -> AppTest:
    """The app after its first run with `query` as the URL's parameters, on `page` (a url_path), with what the
    browser would tell `st.context` (e.g. {"is_embedded": True} for a link with ?embed=true)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query or {})
    at.context.update(context or {})
    if page and page != DEFAULT_PAGE.url_path:
        # Opened directly, as a shared link would be.
        spec = next(spec for spec in PAGES if spec.url_path == page)
        at.switch_page(f"views/{spec.file}")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def copied_texts(block) -> list[str]:
    """The texts of the copy fields (dashboard/ui/copy_field) in `block` (e.g. `at.main`), in page order: on every
    page, the Share box's link and then its embed code."""
    return [
        json.loads(element.proto.json)["text"]
        for element in block.get("bidi_component")
        if element.proto.component_name == COPY_FIELD
    ]
