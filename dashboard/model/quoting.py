"""A statement's words as every page shows them: its quote, verbatim and in quote marks, when it has one; else our
paraphrase. Plain Python: markdown is made by passing the page's escaping (`ui/text.md_escape`) as `escape`."""

from __future__ import annotations

from collections.abc import Callable

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


def quote_or_paraphrase(
    quote: object, paraphrase: object, *, marks: bool = True, escape: Callable[[object], str] = str
) -> str:
    """The quote (in quote marks unless `marks` is False), else the paraphrase (our words), else "".

    `escape` is applied to the data's text, not to the marks: `md_escape` for markdown, `str` for plain text."""
    if quote:
        words = escape(quote)
        return f"{OPEN_QUOTE}{words}{CLOSE_QUOTE}" if marks else words
    return escape(paraphrase) if paraphrase else ""
