"""The app's pages, in navigation order: the one list the entry script, the tests, the load script and the docs
read. Adding a page is one line here (and its script in views/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Not "pages/": a folder of that name beside the entry script switches Streamlit
# into its legacy multipage mode, which can run a page without the entry script.
VIEWS_DIR = Path(__file__).resolve().parent / "views"


@dataclass(frozen=True)
class PageSpec:
    url_path: str  # the page's address under the app's root, e.g. /stances (the default page is served at /)
    title: str
    icon: str  # a Material Symbols name as Streamlit spells it
    file: str  # its script in dashboard/views/
    # Tables that must have rows for the page to show anything; without them the entry script says so instead of
    # running the page (a valid dataset may have, say, no issues).
    needs: tuple[str, ...] = ()

    @property
    def script(self) -> Path:
        return VIEWS_DIR / self.file


PAGES: tuple[PageSpec, ...] = (
    PageSpec("timeline", "Timeline", ":material/timeline:", "timeline.py"),  # the default page (served at /)
    PageSpec("story", "Story", ":material/auto_stories:", "story.py"),
    PageSpec("stances", "Stances", ":material/balance:", "stances.py", needs=("issues",)),
    PageSpec("statements", "Statements", ":material/format_quote:", "statements.py"),
    PageSpec("actors", "Actors", ":material/groups:", "actors.py"),
    PageSpec("sources", "Sources", ":material/menu_book:", "sources.py"),
    PageSpec("disagreements", "Disagreements", ":material/compare_arrows:", "disagreements.py"),
    PageSpec("map", "Map", ":material/map:", "map.py"),
    PageSpec("about", "About", ":material/info:", "about.py"),
)
DEFAULT_PAGE = PAGES[0]


def page_at(url_path: str) -> PageSpec:
    """The page Streamlit reports as `url_path` ("" for the default page)."""
    return next((spec for spec in PAGES if spec.url_path == url_path), DEFAULT_PAGE)


def address(spec: PageSpec) -> str:
    """Where a page is served, relative to the app's root: "" for the default page, else its url_path."""
    return "" if spec == DEFAULT_PAGE else spec.url_path
