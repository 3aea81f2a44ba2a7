"""`python -m dashboard ingest ARTICLE [--published YYYY-MM-DD] [--data DIR] [--source-id ID] --out OUTDIR`.

ARTICLE is a plain-text article, or a page saved from a browser (.html, .htm), whose article text, title, date
and byline page.py extracts. The drafts' evidence offsets point into the text read: for a page, the extracted
text, which is written to OUTDIR/article.txt beside them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from dashboard.ingest.article import parse_article
from dashboard.ingest.extract import Extraction, extract_article
from dashboard.ingest.page import Page, PageError, is_page, looks_like_html, read_page
from dashboard.ingest.rows import Drafts, draft_rows, slug, write_drafts
from dashboard.ingest.speakers import known_names

# Where the text of a web page's article goes in OUTDIR: the drafts' evidence offsets point into it.
PAGE_TEXT_FILE = "article.txt"


@dataclass(frozen=True)
class Source:
    text: str  # the text the drafts' offsets point into
    page: Page | None  # the saved web page it was extracted from; None for a text article


def add_parser(commands: argparse._SubParsersAction, default_data: Path) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="draft candidate rows from a plain-text article or a saved web page",
        description="Draft statements, events and new actors from a news article, plain text or a page saved from "
        "a browser (.html, .htm), for an editor to review. Writes statements.csv, events.csv, actors.csv and "
        "report.md to OUTDIR (and, for a page, article.txt: the text the evidence offsets point into), never to "
        "the data folder.",
    )
    ingest.add_argument("article", type=Path, metavar="ARTICLE", help="ARTICLE.txt, or PAGE.html / PAGE.htm")
    ingest.add_argument(
        "--published",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="publication date; may be left out for a web page that states its date",
    )
    ingest.add_argument("--data", type=Path, default=default_data, metavar="DIR", help="known actors and sources")
    ingest.add_argument("--source-id", default="", metavar="ID", help="default: the source whose seed_file it is")
    ingest.add_argument("--out", required=True, type=Path, metavar="OUTDIR")


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def source_id_for(article: Path, data_dir: Path, given: str) -> str:
    """The given id, else the source whose seed_file is this article, else one made from the file name."""
    if given:
        return given
    for source in read_csv(data_dir / "sources.csv"):
        if source.get("seed_file") == article.name:
            return source["source_id"]
    return slug(article.stem)


def read_source(path: Path) -> Source:
    """The text to draft from: a page's extracted article, or a text file as it is. Raises PageError (a ValueError
    naming the file and the fault) on a file that cannot be read."""
    if is_page(path):
        page = read_page(path)
        return Source(page.text, page)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise PageError(f"{path}: byte {error.start} is not UTF-8; save the article as UTF-8 text") from error
    if looks_like_html(text):
        raise PageError(f"{path}: this is an HTML page; name it .html to read it as a saved web page")
    return Source(text, None)


def draft(article_path: Path, published: dt.date, data_dir: Path, source_id: str) -> tuple[Extraction, Drafts]:
    return draft_source(read_source(article_path), article_path, published, data_dir, source_id)


def draft_source(
    source: Source, article_path: Path, published: dt.date, data_dir: Path, source_id: str
) -> tuple[Extraction, Drafts]:
    actors = read_csv(data_dir / "actors.csv")
    extraction = extract_article(parse_article(source.text), published, known_names(actors))
    source_name = source_id_for(article_path, data_dir, source_id)
    return extraction, draft_rows(extraction, source_name, published, {a["actor_id"] for a in actors})


def publication_date(given: dt.date | None, page: Page | None, path: Path) -> dt.date | None:
    """--published, else the page's own date; says so when the two differ, and what is missing when neither is."""
    stated = page.published if page else None
    if given and stated and given != stated:
        print(f"note: the page says it was published {stated}; using --published {given}")
    if given or stated:
        return given or stated
    what = "the page states no publication date" if page else "a text article needs its publication date"
    print(f"error: {path}: {what}; give it with --published YYYY-MM-DD")
    return None


def page_notes(page: Page, published: dt.date, given: dt.date | None, article_name: str) -> list[str]:
    """What report.md says about a web page: what was read from it, and where the offsets point."""
    said = page.published.isoformat() if page.published else "none"
    return [
        f"Read from the saved web page {article_name}. Title: {page.title or '(none)'}. "
        f"Byline: {page.byline or '(none)'}. Date the page states: {said}.",
        f"Publication date used: {published} ({'from --published' if given else 'from the page'}).",
        f"Evidence offsets are characters in `{PAGE_TEXT_FILE}`, the article text extracted from the page "
        "(one paragraph per line), not in the HTML file.",
    ]


def run_ingest(args: argparse.Namespace) -> int:
    if args.out.resolve() == args.data.resolve():
        print(f"error: --out must not be the data folder {args.data}; drafts are reviewed before they go in")
        return 2
    if not args.article.is_file():
        print(f"error: no such article: {args.article}")
        return 2
    try:
        source = read_source(args.article)
    except PageError as error:
        print(f"error: {error}")
        return 2
    published = publication_date(args.published, source.page, args.article)
    if published is None:
        return 2
    _, drafts = draft_source(source, args.article, published, args.data, args.source_id)
    if source.page is None:
        write_drafts(args.out, drafts, source.text, args.article.name)
    else:
        notes = page_notes(source.page, published, args.published, args.article.name)
        write_drafts(args.out, drafts, source.text, args.article.name, notes, PAGE_TEXT_FILE)
    extra = f", and the page's article text as {PAGE_TEXT_FILE}" if source.page else ""
    print(
        f"ok: {len(drafts.statements)} statements, {len(drafts.events)} events, "
        f"{len(drafts.actors)} new actors written to {args.out}{extra}"
    )
    return 0
