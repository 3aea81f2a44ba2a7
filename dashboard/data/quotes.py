"""Compare a quote with the article it comes from, ignoring typography only.

Quotes are stored exactly as printed, but the same words can reach us with
different quote marks, dashes or line breaks. For matching, only those are
normalised: runs of whitespace become one space, every kind of quote mark and
apostrophe becomes ``"`` (single and double marks are treated as the same),
and dashes become ``-``. Nothing else (case, ellipses, spelling) is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from dashboard.data.dataset import Dataset

# Typographic and ASCII quote marks, primes and accents used as apostrophes.
QUOTE_MARKS = "\u201c\u201d\u201e\u2018\u2019\u2032\u2033\u00ab\u00bb`\u00b4'\""
# en dash, em dash, non-breaking hyphen, minus sign.
DASHES = "\u2013\u2014\u2011\u2212"

_TYPOGRAPHY = str.maketrans({**dict.fromkeys(QUOTE_MARKS, '"'), **dict.fromkeys(DASHES, "-")})
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """`text` with whitespace, quote marks and dashes made uniform, for matching."""
    return _WHITESPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


def quote_in_text(quote: str, text: str) -> bool:
    """Whether `quote` appears in `text`, up to whitespace, quote marks, dashes."""
    wanted = normalise(quote)
    return bool(wanted) and wanted in normalise(text)


def misquotes(statements: Iterable[tuple[str, str, Iterable[str]]], seed_texts: dict[str, str]) -> list[str]:
    """Messages for quotes not found in their seed articles.

    `statements` are (statement_id, quote, seed file names); `seed_texts` maps
    a seed file name to its text. A seed file that is not there is reported.
    """
    messages = []
    for statement_id, quote, seed_files in statements:
        for seed_file in seed_files:
            if seed_file not in seed_texts:
                messages.append(f"{statement_id}: seed file {seed_file!r} not found")
            elif not quote_in_text(quote, seed_texts[seed_file]):
                messages.append(f"{statement_id}: quote not in {seed_file}: {quote!r}")
    return messages


def direct_quotes_with_seeds(dataset: Dataset) -> list[tuple[str, str, list[str]]]:
    """(statement_id, quote, seed files of its sources) of every direct quote."""
    seed_of_source = {
        source_id: seed
        for source_id, seed in zip(dataset.sources["source_id"], dataset.sources["seed_file"], strict=True)
        if seed
    }
    rows = dataset.statements[dataset.statements["is_direct_quote"]]
    return [
        (statement_id, quote, [seed_of_source[s] for s in source_ids if s in seed_of_source])
        for statement_id, quote, source_ids in zip(rows["statement_id"], rows["quote"], rows["source_ids"], strict=True)
    ]


def read_seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Every seed article in `seeds_dir`, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.iterdir()) if p.is_file()}
