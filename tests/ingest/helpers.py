"""Draft an invented article in memory, for the unit tests of the ingest patterns.

The people and the negotiation are invented: the Valoria–Brenmark fisheries talks.
"""

from __future__ import annotations

import datetime as dt

from dashboard.ingest.article import parse_article
from dashboard.ingest.extract import Candidate, Extraction, extract_article

# Known to the data of these tests, as actors.csv would list them.
KNOWN = {"mira kestrel": "kestrel", "kestrel": "kestrel", "tomas halvorsen": "halvorsen", "halvorsen": "halvorsen"}
# A Wednesday.
PUBLISHED = dt.date(2031, 3, 12)


def draft(text: str, published: dt.date = PUBLISHED, known: dict[str, str] | None = None) -> Extraction:
    return extract_article(parse_article(text), published, KNOWN if known is None else known)


def by_quote(extraction: Extraction) -> dict[str, Candidate]:
    return {c.quote.rstrip(".,"): c for c in extraction.statements}


def speaker_of(extraction: Extraction, quote: str) -> str:
    speaker = by_quote(extraction)[quote].speaker
    assert speaker is not None, f"no speaker for {quote!r}"
    return speaker.actor_id or speaker.name
