"""The HTML of a standalone copy's tables and source list: every data text escaped (`html.escape`), only http(s)
addresses made links, each row's sources as links to their entry in the list below."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from html import escape

import pandas as pd

from dashboard.model.tables import EVENT_COLUMNS

# (column of model/standalone_view.view_events, heading); the event's title heads its row.
EVENT_HEADINGS = [*EVENT_COLUMNS.items(), ("summary", "Summary")]
STATEMENT_HEADINGS = [
    ("said", "Said"),
    ("speaker_name", "Speaker"),
    ("words", "Words"),
    ("kind", "Quote or paraphrase"),
    ("issue_title", "Issue"),
    ("position_label", "Position"),
    ("event_title", "Event"),
    ("disputed", "Disputed"),
]
ROW_HEADER = {"events": "title", "statements": "words"}


def text(value: object) -> str:
    """Data text for HTML: every <, >, &, " and ' escaped."""
    return escape(str(value), quote=True)


def link_or_text(url: str | None, shown: str) -> str:
    """A link when `url` is http(s) (model/links.safe_url said so), else `shown` as plain text."""
    if url is None:
        return text(shown)
    return f'<a href="{text(url)}">{text(shown)}</a>'


def source_refs(ids: Sequence[str], numbers: Mapping[str, int]) -> str:
    """A row's sources as links to their entries ("[3], [7]")."""
    refs = [numbers[source] for source in ids if source in numbers]
    return ", ".join(f'<a href="#source-{n}" aria-label="source {n}">[{n}]</a>' for n in refs)


def _cell(column: str, value: object, row_header: str) -> str:
    tag = "th" if column == row_header else "td"
    scope = ' scope="row"' if tag == "th" else ""
    return f"<{tag}{scope}>{text(value)}</{tag}>"


def rows_table(
    kind: str, caption: str, rows: pd.DataFrame, headings: Sequence[tuple[str, str]], numbers: Mapping[str, int]
) -> str:
    """A table of `rows` (text columns named by `headings`, and source_ids), captioned `caption`; `kind`
    ("events" or "statements") names the column that heads each row."""
    row_header = ROW_HEADER[kind]
    head = "".join(f'<th scope="col">{text(heading)}</th>' for _, heading in headings)
    body = []
    columns = [rows[column].tolist() for column, _ in headings]
    for index, ids in enumerate(rows["source_ids"]):
        cells = "".join(
            _cell(column, values[index], row_header) for (column, _), values in zip(headings, columns, strict=True)
        )
        body.append(f"<tr>{cells}<td>{source_refs(ids, numbers)}</td></tr>")
    return (
        f'<div class="scroll" tabindex="0" role="region" aria-label="{text(caption)}"><table id="{kind}-table">'
        f"<caption>{text(caption)}</caption>"
        f'<thead><tr>{head}<th scope="col">Sources</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def source_entry(source: Mapping[Hashable, object]) -> str:
    """One cited source: outlet, “title” (a bracketed title is a description, not quoted), date, wire service,
    and its address as a link (http(s)) or as text."""
    title = str(source["title"])
    parts = [
        text(source["outlet"]),
        text(title) if title.startswith("[") else f"“{text(title)}”",
        text(source["published"]),
        f"via {text(source['wire_service'])}" if source["wire_service"] else "",
    ]
    said = ", ".join(part for part in parts if part)
    address, link = str(source["url"]), source["link"]
    where = f" {link_or_text(link if isinstance(link, str) else None, address)}" if address else ""
    return f'<li id="source-{source["number"]}" value="{source["number"]}">{said}.{where}</li>'


def sources_list(sources: pd.DataFrame) -> str:
    """The cited sources (model/standalone_view.cited_sources) as a numbered list."""
    if sources.empty:
        return "<p>No source is cited by the rows of this view.</p>"
    entries: Iterable[str] = (source_entry(row) for row in sources.to_dict("records"))
    return f'<ol class="sources">{"".join(entries)}</ol>'
