"""Any text drafts without error, and every drafted quote is verbatim inside its evidence sentence."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.__main__ import main
from dashboard.ingest.article import parse_article
from dashboard.ingest.extract import extract_article

# Words and marks that exercise quotes, names, verbs and dates.
PIECES = [
    "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", ",", ".", ":", "\n", " ", "said", "told", "he", "she",
    "Mira Kestrel", "Kestrel", "an official", "according to", "Monday", "last week", "in March", "by June",
    "next May", "the envoy", "so-called", "We will sign", "not", "a", "quota", "Gen.", "U.S.", "2031", "12",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)))
def test_any_text_drafts_and_quotes_are_verbatim(pieces, published):
    text = " ".join(pieces)
    extraction = extract_article(parse_article(text), published, {"kestrel": "kestrel"})
    for candidate in extraction.statements:
        start, end = candidate.evidence
        assert 0 <= start < end <= len(text)
        assert candidate.quote in text[start:end]
        assert candidate.said.start <= candidate.said.end
    for event in extraction.events:
        assert event.date.start <= event.date.end


def test_an_article_of_furniture_only_gives_empty_files(tmp_path):
    article = tmp_path / "menu.txt"
    article.write_text("Home World Sport\nLast Update 12:5\n\u00a9 2031 Harbour Wire\n", encoding="utf-8")
    assert main(["ingest", str(article), "--published", "2031-01-01", "--out", str(tmp_path / "out")]) == 0
    lines = (tmp_path / "out" / "statements.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1  # the header only
