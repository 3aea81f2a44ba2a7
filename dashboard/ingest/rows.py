"""Candidate rows in the shape of the data tables, and a review report next to the evidence.

The statements, events and actors files have the columns of data/ (schema.TABLES),
so an editor can fill the blanks (issue, summary, affiliation…) and append them;
statements.csv has four review columns more, to be dropped on appending.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dashboard.data.schema import TABLES
from dashboard.ingest.extract import Candidate, EventCandidate, Extraction

REVIEW_COLUMNS = ["speaker_name", "evidence_start", "evidence_end", "confidence"]
STATEMENT_COLUMNS = TABLES["statements"].columns + REVIEW_COLUMNS
EVENT_COLUMNS = TABLES["events"].columns
ACTOR_COLUMNS = TABLES["actors"].columns


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


@dataclass(frozen=True)
class Drafts:
    statements: list[dict[str, str]]
    events: list[dict[str, str]]
    actors: list[dict[str, str]]
    # Character offsets of the sentence each event rests on; events.csv has no column for them.
    event_evidence: list[tuple[int, int]]


def draft_rows(extraction: Extraction, source_id: str, published: dt.date, known_ids: set[str]) -> Drafts:
    new_actor_ids = _new_actor_ids(extraction.statements, known_ids)
    statements = [
        _statement_row(c, f"{slug(source_id)}_q{i:02d}", source_id, published, new_actor_ids)
        for i, c in enumerate(extraction.statements, start=1)
    ]
    events = [
        _event_row(e, f"{slug(source_id)}_e{i:02d}", source_id, published)
        for i, e in enumerate(extraction.events, start=1)
    ]
    actors = [_actor_row(name, *new, source_id) for name, new in new_actor_ids.items()]
    return Drafts(statements, events, actors, [e.evidence for e in extraction.events])


def _new_actor_ids(statements: list[Candidate], known_ids: set[str]) -> dict[str, tuple[str, bool, str]]:
    """Speakers the data does not know yet -> (new actor id, anonymous, kind). Unnamed sources get an
    'unnamed_' id from their description, never a name; a person the surname, a body its whole name."""
    new: dict[str, tuple[str, bool, str]] = {}
    taken = set(known_ids)
    for candidate in statements:
        speaker = candidate.speaker
        if speaker is None or speaker.actor_id or speaker.name in new:
            continue
        if speaker.anonymous:
            actor_id = "unnamed_" + slug(re.sub(r"^(?:an?|one|the)\s+", "", speaker.name, flags=re.I))[:40]
        elif speaker.kind != "person":
            actor_id = slug(speaker.name)
        else:
            actor_id = slug(speaker.name.split()[-1])
            actor_id = actor_id if actor_id not in taken else slug(speaker.name)
        taken.add(actor_id)
        new[speaker.name] = (actor_id, speaker.anonymous, speaker.kind)
    return new


def _statement_row(
    candidate: Candidate,
    statement_id: str,
    source_id: str,
    published: dt.date,
    new_ids: dict[str, tuple[str, bool, str]],
) -> dict[str, str]:
    speaker = candidate.speaker
    speaker_id = ""
    if speaker is not None:
        speaker_id = speaker.actor_id or new_ids[speaker.name][0]
    how = f"Speaker found by: {candidate.how} ({candidate.mention or 'none'})."
    row = dict.fromkeys(STATEMENT_COLUMNS, "")
    row.update(
        statement_id=statement_id,
        speaker_id=speaker_id,
        said_start=candidate.said.start.isoformat(),
        said_end=candidate.said.end.isoformat(),
        said_precision=candidate.said.precision,
        reported_date=published.isoformat(),
        quote=candidate.quote,
        is_direct_quote="true",
        source_ids=source_id,
        note=f"{how} Date: {candidate.said.note}",
        speaker_name=speaker.name if speaker else "",
        evidence_start=str(candidate.evidence[0]),
        evidence_end=str(candidate.evidence[1]),
        confidence=f"{candidate.confidence:.2f}",
    )
    return row


def _event_row(event: EventCandidate, event_id: str, source_id: str, published: dt.date) -> dict[str, str]:
    date = event.date
    if event.status == "planned":
        first_public = published  # first reported by this article
    else:
        first_public = date.start if date.precision == "day" else date.end
    row = dict.fromkeys(EVENT_COLUMNS, "")
    row.update(
        event_id=event_id,
        title=f"Draft: {event.kind.replace('_', ' ')}, {date.start.isoformat()}",
        kind=event.kind,
        status=event.status,
        start_date=date.start.isoformat(),
        end_date=date.end.isoformat(),
        date_precision=date.precision,
        date_note=date.note,
        source_ids=source_id,
        first_public=first_public.isoformat(),
        confidence="M",
    )
    return row


def _actor_row(name: str, actor_id: str, anonymous: bool, kind: str, source_id: str) -> dict[str, str]:
    row = dict.fromkeys(ACTOR_COLUMNS, "")
    display = f"Unnamed: {name}" if anonymous else name
    row.update(actor_id=actor_id, name=display, kind=kind, anonymous=str(anonymous).lower(), source_ids=source_id)
    return row


def csv_text(columns: list[str], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def draft_files(
    drafts: Drafts, article_text: str, article_name: str, about: Sequence[str] = (), text_file: str = ""
) -> dict[str, str]:
    """File name -> content of the files the command writes: the four drafts, and with `text_file` the article
    text itself, when the evidence offsets point into text that is not the input file (a web page's article)."""
    files = {
        "statements.csv": csv_text(STATEMENT_COLUMNS, drafts.statements),
        "events.csv": csv_text(EVENT_COLUMNS, drafts.events),
        "actors.csv": csv_text(ACTOR_COLUMNS, drafts.actors),
        "report.md": report(drafts, article_text, article_name, about),
    }
    if text_file:
        files[text_file] = article_text
    return files


def write_drafts(
    out_dir: Path, drafts: Drafts, article_text: str, article_name: str, about: Sequence[str] = (), text_file: str = ""
) -> None:
    """The one place the package writes files: the command's OUTDIR (the app itself never writes)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in draft_files(drafts, article_text, article_name, about, text_file).items():
        (out_dir / name).write_text(text, encoding="utf-8", newline="")


def report(drafts: Drafts, article_text: str, article_name: str, about: Sequence[str] = ()) -> str:
    """Markdown for review: each candidate next to the sentence it rests on. `about`: lines on what was read."""
    counts = f"{len(drafts.statements)} statements, {len(drafts.events)} events, {len(drafts.actors)} new actors."
    lines = [f"# Draft rows from {article_name}", "", *[f"- {line}" for line in about], *([""] if about else [])]
    lines += [counts, "", "## Statements", ""]
    for row in drafts.statements:
        lines += _statement_section(row, article_text)
    lines += ["## Events", ""]
    for row, evidence in zip(drafts.events, drafts.event_evidence, strict=True):
        lines += _event_section(row, evidence, article_text)
    lines += ["## New actors", ""]
    lines += [f"- `{row['actor_id']}`: {row['name']}" for row in drafts.actors] or ["(none)"]
    return "\n".join(lines) + "\n"


def _statement_section(row: dict[str, str], article_text: str) -> list[str]:
    start, end = int(row["evidence_start"]), int(row["evidence_end"])
    return [
        f"### {row['statement_id']}: {row['speaker_name'] or '(speaker unknown)'} "
        f"→ `{row['speaker_id'] or '?'}` (confidence {row['confidence']})",
        "",
        f"- Quote: {_one_line(row['quote'])}",
        f"- Said: {row['said_start']}..{row['said_end']} ({row['said_precision']})",
        f"- {row['note']}",
        *_evidence(start, end, article_text),
    ]


def _event_section(row: dict[str, str], evidence: tuple[int, int], article_text: str) -> list[str]:
    return [
        f"### {row['event_id']}: {row['kind']}, {row['status']}, {row['start_date']}..{row['end_date']} "
        f"({row['date_precision']})",
        "",
        f"- {row['date_note']}",
        *_evidence(*evidence, article_text),
    ]


def _evidence(start: int, end: int, article_text: str) -> list[str]:
    return [f"- Evidence, characters {start}–{end}:", "", f"  > {_one_line(article_text[start:end])}", ""]


def _one_line(text: str) -> str:
    return " ".join(text.split())
