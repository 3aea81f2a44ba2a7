"""Read a saved web page: the article's text, title, publication date and byline, without the page's furniture.

trafilatura (the optional `ingest` extra) finds the article among the menus, adverts, related-story links,
cookie banners, comments and footers, and htmldate (its dependency) finds the date the page states. It is
imported only when a page is read, so the app and the text reader never load it (about half a second).

The text is one paragraph per line, the form `article.parse_article` reads, with quote marks as printed. The
drafts' evidence offsets point into this text, not into the HTML, so the command writes it next to them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.ingest.article import is_body

if TYPE_CHECKING:
    from trafilatura.settings import Document

PAGE_SUFFIXES = (".html", ".htm")
# trafilatura's own MAX_FILE_SIZE: it drops a larger page without a word. A news page saved as "HTML only" is far
# smaller; a page saved with its images inlined (one-file savers) can exceed it.
MAX_PAGE_BYTES = 20_000_000
# What trafilatura keeps: the article's paragraphs as plain text. No comment section, no tables (scoreboards and
# market data in sidebars), no link targets, no images, no markdown marks that would add characters to quotes.
# The balanced default (neither favor_precision nor favor_recall) keeps its fallback extractors for odd layouts,
# and deduplicate stays off so that a quote the article repeats is not dropped.
EXTRACT_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_links": False,
    "include_images": False,
    "include_formatting": False,
    "deduplicate": False,
}
# htmldate: the date of first publication, not of the last update. Only dates the page states in its markup
# (meta tags, JSON-LD, <time>, URL, a date line), never a guess from a date in the article's text. Its default
# latest date is today; the tests' invented negotiation is dated in the 2030s.
DATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# As browsers do (WHATWG encoding standard): a page declared Latin-1 or ASCII is read as Windows-1252, and a UTF-16
# declaration without a byte-order mark is ignored.
_BROWSER_CHARSET = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)
_ANY_TAG = re.compile(r"<[A-Za-z!/]")


class PageError(ValueError):
    """A page that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Page:
    text: str  # the article, one paragraph per line, ending with a newline
    title: str
    published: dt.date | None  # the date the page states, if any
    byline: str


def is_page(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES


def looks_like_html(text: str) -> bool:
    """Whether a text starts as an HTML document does (for a page saved under a .txt name)."""
    return bool(_HTML_START.match(text[:4096].lstrip("\ufeff")))


def read_page(path: Path) -> Page:
    html = decode_page(path)
    document = _extract(html, path)
    text = "\n".join(line.strip() for line in (document.text or "").splitlines() if line.strip())
    if not any(is_body(line) for line in text.splitlines()):
        found = f"; only {_one_line(text)[:60]!r}" if text else ""
        raise PageError(f"{path}: no article text found in the page (is it the article's own page?){found}")
    text = "\n".join([text, *captions(html)])
    return Page(text + "\n", _one_line(document.title), _date(document.date), _one_line(document.author))


_ARTICLE = re.compile(r"<article\b.*?</article\s*>", re.I | re.S)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_CAPTION_LABEL = re.compile(r"^\s*(?:image|photo|picture)?\s*caption\s*[,:]", re.I)


def captions(html: str) -> list[str]:
    """The article's picture captions (`<figcaption>`, inside `<article>` when the page has one), which
    trafilatura drops with the images, as 'Caption: …' lines: read for events only ('Members marched on
    Saturday'), after the body text so that its offsets stay as they are."""
    article = _ARTICLE.search(html)
    lines: list[str] = []
    for match in _FIGCAPTION.finditer(article.group() if article else html):
        caption = _one_line(unescape(_TAG.sub(" ", match.group(1))))
        line = caption if _CAPTION_LABEL.match(caption) else f"Caption: {caption}"
        if caption and line not in lines:
            lines.append(line)
    return lines


def decode_page(path: Path) -> str:
    """The page's HTML as text: by its byte-order mark, else the charset it declares, else UTF-8."""
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise PageError(
            f"{path}: the page is {size:,} bytes, over the limit of {MAX_PAGE_BYTES:,}; "
            "save it from the browser as HTML only, without its images"
        )
    data = path.read_bytes()
    if not data.strip():
        raise PageError(f"{path}: the page is empty")
    encoding = _encoding(data)
    try:
        html = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise PageError(
            f"{path}: byte {error.start} cannot be read as {encoding}; is it a web page saved as HTML?"
        ) from error
    if "\x00" in html:
        raise PageError(f"{path}: the file holds binary data, not a web page saved as HTML")
    if not _ANY_TAG.search(html):
        raise PageError(f"{path}: the file has no HTML tags; a plain-text article should be named .txt")
    return html


def _encoding(data: bytes) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    declared = _DECLARED_CHARSET.search(data[:65536])
    if declared is None:
        return "utf-8"
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
    except LookupError:
        return "utf-8"
    return _BROWSER_CHARSET.get(name, name)


def _extract(html: str, path: Path) -> Document:
    try:
        import trafilatura  # here, not at the top: only `ingest` on a page needs it
    except ImportError as error:
        raise PageError(
            f"{path}: reading a web page needs trafilatura, which is not installed; "
            "install it with: .venv/bin/pip install -e '.[ingest]'"
        ) from error
    document = trafilatura.bare_extraction(html, date_extraction_params=DATE_OPTIONS, **EXTRACT_OPTIONS)
    if document is None or isinstance(document, dict):
        raise PageError(f"{path}: no article text found in the page (is it the article's own page?)")
    return document


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())
