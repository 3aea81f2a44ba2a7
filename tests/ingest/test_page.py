"""`ingest` on a saved web page: the article without the page's furniture, its title, date and byline, and drafts
whose evidence offsets point into the extracted text written beside them (dashboard/ingest/page.py).

The page is invented (the Corvale–Ostmark rail corridor talks), with the furniture of a news site around the
article: a cookie banner, a menu, an advert, a share line and related stories inside the article, comments and
a footer with whole sentences.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import sys
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.ingest import cli, page
from dashboard.ingest.page import read_page

PROJECT_ROOT = Path(__file__).resolve().parents[2]

TITLE = "Rail corridor talks resume in Ostmark"
BODY = [
    "Negotiators from Corvale and Ostmark resumed talks on the northern rail corridor on Wednesday, after a pause of "
    "four months.",
    "\u201cWe are closer than we have ever been,\u201d Anneke Dovrin said.",
    "Her counterpart struck a more cautious note about the corridor\u2019s timetable for the first freight trains.",
    '"Nothing is agreed until everything is agreed," Piet Larsbeck said.',
    "The next round is due to open in Corvale in the autumn, officials from both sides told reporters.",
]
FURNITURE = [
    "We use cookies to improve your experience on our website.",
    "Accept all cookies to continue reading.",
    "Subscribe today and save half on your first year of the Courier.",
    "Share this article with your friends and family today.",
    "Ministers agree on new border checks for freight trains.",
    "Ostmark harbour strike enters its second week of talks.",
    "This is the best news I have read all week, honestly speaking.",
    "Our journalists follow the editors' code of practice at all times.",
    "All rights reserved.",
    "Business",
]
DATE_META = '<meta property="article:published_time" content="2031-06-19T08:30:00+00:00">'
DATE_TIME = '<time datetime="2031-06-19T08:30:00+00:00">19 June 2031</time>'


def page_html(dated: bool = True) -> str:
    paragraphs = [f"<p>{text}</p>" for text in BODY]
    paragraphs.insert(2, '<div class="advert ad-slot"><p>Subscribe today and save half on your first year of the '
                      "Courier.</p></div>")  # fmt: skip
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Corvale Courier</title>
<meta property="og:title" content="{TITLE}">
{DATE_META if dated else ""}
<meta name="author" content="Hanna Ellery">
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience on our website.
Accept all cookies to continue reading.</p><button>Accept</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li></ul></nav></header>
<main><article>
<h1>{TITLE}</h1>
<p class="byline">By <span class="author">Hanna Ellery</span></p>
{DATE_TIME if dated else ""}
{"".join(paragraphs)}
<div class="share">Share this article with your friends and family today.</div>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Ministers agree on new border checks for freight trains.</a></li>
<li><a href="/b">Ostmark harbour strike enters its second week of talks.</a></li></ul></aside>
</article>
<section class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p>This is the best news I have read all week, honestly speaking.</p></div></section>
</main>
<footer><p>Our journalists follow the editors' code of practice at all times.</p>
<p>\u00a9 2031 Corvale Courier. All rights reserved.</p></footer>
</body></html>
"""


def _write(tmp_path: Path, html: str | bytes, name: str = "courier.html") -> Path:
    path = tmp_path / name
    if isinstance(html, str):
        path.write_text(html, encoding="utf-8")
    else:
        path.write_bytes(html)
    return path


def _ingest(path: Path, out: Path, *published: str) -> int:
    argv = ["ingest", str(path), "--data", str(PROJECT_ROOT / "data"), "--out", str(out)]
    return main([*argv, *(["--published", *published] if published else [])])


def _statements(out: Path) -> list[dict[str, str]]:
    with (out / "statements.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_page_gives_every_body_paragraph_and_none_of_its_furniture(tmp_path):
    text = read_page(_write(tmp_path, page_html())).text
    lines = text.splitlines()
    for paragraph in BODY:  # one paragraph per line, quote marks and apostrophes as printed
        assert paragraph in lines
    for furniture in FURNITURE:
        assert furniture not in text
    assert text.endswith("\n")


def test_the_page_gives_its_title_date_and_byline(tmp_path):
    found = read_page(_write(tmp_path, page_html()))
    assert (found.title, found.published.isoformat() if found.published else None) == (TITLE, "2031-06-19")
    assert found.byline == "Hanna Ellery"


def test_ingest_drafts_the_quotes_with_their_speakers_and_the_page_date(tmp_path, capsys):
    out = tmp_path / "out"
    assert _ingest(_write(tmp_path, page_html()), out) == 0
    assert "note:" not in capsys.readouterr().out
    rows = _statements(out)
    assert {row["quote"]: row["speaker_name"] for row in rows} == {
        "We are closer than we have ever been": "Anneke Dovrin",
        "Nothing is agreed until everything is agreed": "Piet Larsbeck",
    }
    assert {row["reported_date"] for row in rows} == {"2031-06-19"}
    article = (out / "article.txt").read_text(encoding="utf-8")
    assert article == read_page(tmp_path / "courier.html").text
    for row in rows:  # the offsets point into the text written beside the drafts
        assert row["quote"] in article[int(row["evidence_start"]) : int(row["evidence_end"])]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "`article.txt`" in report and "Hanna Ellery" in report and "from the page" in report


def test_published_given_and_different_is_used_and_the_page_date_is_noted(tmp_path, capsys):
    out = tmp_path / "out"
    assert _ingest(_write(tmp_path, page_html()), out, "2031-06-20") == 0
    printed = capsys.readouterr().out.splitlines()
    assert "note: the page says it was published 2031-06-19; using --published 2031-06-20" in printed
    assert {row["reported_date"] for row in _statements(out)} == {"2031-06-20"}


def test_a_page_without_a_date_needs_published(tmp_path, capsys):
    path = _write(tmp_path, page_html(dated=False))
    assert read_page(path).published is None
    assert _ingest(path, tmp_path / "out") == 2
    assert (
        capsys.readouterr().out
        == f"error: {path}: the page states no publication date; give it with --published YYYY-MM-DD\n"
    )
    assert not (tmp_path / "out").exists()
    assert _ingest(path, tmp_path / "out", "2031-06-19") == 0


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "the page is empty"),
        (b"  \n\t\n", "the page is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<html>", "cannot be read as utf-8"),
        (b"<html><body><p>Caf\xe9 prices rose sharply again this week, traders said.</p></body></html>", "byte 18 "),
        (b"<p>\x00\x01\x02</p>", "binary data"),
        (b"Plain words without a single tag, saved under the wrong name.", "no HTML tags"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
        (b"<<<>>> </// <!-- <p", "no article text found"),
    ],
)
def test_a_bad_page_gives_a_clear_message_naming_the_file(tmp_path, capsys, content, says):
    path = _write(tmp_path, content)
    assert _ingest(path, tmp_path / "out", "2031-06-19") == 2
    printed = capsys.readouterr().out
    assert printed.startswith(f"error: {path}: ") and says in printed and printed.count("\n") == 1


def test_a_page_over_the_size_limit_is_refused(tmp_path, capsys, monkeypatch):
    path = _write(tmp_path, page_html())
    size = path.stat().st_size
    monkeypatch.setattr(page, "MAX_PAGE_BYTES", size - 1)
    assert _ingest(path, tmp_path / "out", "2031-06-19") == 2
    assert capsys.readouterr().out.startswith(
        f"error: {path}: the page is {size:,} bytes, over the limit of {size - 1:,};"
    )
    monkeypatch.setattr(page, "MAX_PAGE_BYTES", size)
    assert read_page(path).title == TITLE


def test_a_page_in_the_charset_it_declares_keeps_its_quote_marks(tmp_path):
    html = page_html().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; '
                               'charset=windows-1252">')  # fmt: skip
    text = read_page(_write(tmp_path, html.encode("cp1252"))).text
    assert BODY[1] in text.splitlines() and BODY[2] in text.splitlines()


def test_a_txt_file_holding_a_web_page_is_refused_with_a_hint(tmp_path, capsys):
    path = _write(tmp_path, page_html(), name="courier.txt")
    assert _ingest(path, tmp_path / "out", "2031-06-19") == 2
    assert (
        capsys.readouterr().out
        == f"error: {path}: this is an HTML page; name it .html to read it as a saved web page\n"
    )


def test_a_text_article_still_needs_published(tmp_path, capsys):
    path = _write(tmp_path, "\n".join(BODY) + "\n", name="courier.txt")
    assert _ingest(path, tmp_path / "out") == 2
    assert "a text article needs its publication date" in capsys.readouterr().out
    assert _ingest(path, tmp_path / "out", "2031-06-19") == 0
    assert not (tmp_path / "out" / "article.txt").exists()


def test_without_trafilatura_the_command_says_to_install_the_ingest_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` raises ImportError
    path = _write(tmp_path, page_html())
    assert _ingest(path, tmp_path / "out", "2031-06-19") == 2
    assert "pip install -e '.[ingest]'" in capsys.readouterr().out


def test_draft_reads_a_page_as_the_evaluation_calls_it(tmp_path):
    path = _write(tmp_path, page_html())
    extraction, drafts = cli.draft(path, dt.date(2031, 6, 19), PROJECT_ROOT / "data", "cc_2031_06_19")
    assert [c.quote for c in extraction.statements] == [
        "We are closer than we have ever been",
        "Nothing is agreed until everything is agreed",
    ]
    assert {row["source_ids"] for row in drafts.statements} == {"cc_2031_06_19"}


def test_trafilatura_is_imported_only_when_a_page_is_read():
    # No module of the package imports it when it is itself imported (the app and the text reader never pay for
    # its import, about half a second); page.py imports it inside the function that extracts a page.
    inside: list[str] = []
    for module in sorted((PROJECT_ROOT / "dashboard").rglob("*.py")):
        code = module.read_text(encoding="utf-8")
        if "trafilatura" not in code:
            continue
        tree = ast.parse(code)
        eager = {id(node) for statement in tree.body if not _lazy(statement) for node in ast.walk(statement)}
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name.split(".")[0] == "trafilatura" for name in names):
                assert id(node) not in eager, f"{module} imports trafilatura when it is imported"
                inside.append(module.name)
    assert "page.py" in inside


def _lazy(statement: ast.stmt) -> bool:
    """A function's body, or an `if TYPE_CHECKING:` block: not run when the module is imported."""
    if isinstance(statement, ast.If):
        return isinstance(statement.test, ast.Name) and statement.test.id == "TYPE_CHECKING"
    return isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)


def test_the_articles_picture_captions_are_read_for_events_after_the_body(tmp_path):
    figure = (
        "<figure><img src='quay.jpg' alt=''><figcaption>Crews blocked the <b>Ostmark</b> quay on Saturday &amp; "
        "Sunday</figcaption></figure>"
    )
    sidebar = "<aside><figure><figcaption>Trains crossed the bridge on Monday</figcaption></figure></aside>"
    html = page_html().replace("</article>", f"{figure}</article>{sidebar}")
    text = read_page(_write(tmp_path, html)).text
    assert text.endswith("\nCaption: Crews blocked the Ostmark quay on Saturday & Sunday\n")
    assert "bridge" not in text  # a caption outside the article is not the article's
    extraction, _ = cli.draft(tmp_path / "courier.html", dt.date(2031, 6, 19), PROJECT_ROOT / "data", "cc")
    assert len(extraction.statements) == 2  # a caption is no statement
    assert dt.date(2031, 6, 14) in {e.date.start for e in extraction.events}
