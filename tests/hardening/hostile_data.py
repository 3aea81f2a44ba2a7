"""The hostile fixture dataset (tests/fixtures/hostile/): valid, but every text
field a reader sees carries an attack or an awkward string.

The CSVs are generated from here; `python -m tests.hardening.hostile_data`
rewrites them, and a test checks the committed files match this module.

Every payload that would do something if it were interpreted as HTML sets
`window.__pwned`, opens a dialog or creates an element with id `pwned`, so the
browser tests can tell. The validator rejects source URLs that are not
http(s), so javascript: and data: links live in the text fields as markdown
and raw HTML; the one URL attack is an http address full of `) " < > '`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HOSTILE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"

SCRIPT = '<script>window.__pwned=1;alert("script")</script>'
IMG = '<img src=x id="pwned" onerror="window.__pwned=1;alert(1)">'
SVG = '<svg id="pwned" onload="window.__pwned=1"></svg>'
RAW_A = '<a id="pwned" href="javascript:window.__pwned=1">raw js link</a>'
DATA_A = '<a href="data:text/html,<script>alert(2)</script>">raw data link</a>'
IFRAME = '<iframe id="pwned" src="javascript:alert(3)"></iframe>'
STYLE = "<style>body{display:none !important}</style>"
MD_LINK = "[md js link](javascript:window.__pwned=1)"
MD_DATA = "[md data link](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)"
MD_IMG = "![md image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDUpIi8+)"
MD_REF = "[ref link][x]\n\n[x]: javascript:alert(6)"
AUTOLINK = "<javascript:alert(7)> www.evil.example evil@example.com mailto:evil@example.com http://evil.example/bare"
DIRECTIVES = ":red[red text] :material/warning: $\\alpha$ **bold** `code` # heading"
PLOTLY = '<b>bold</b><br><a href="javascript:alert(8)">plotly js link</a> <a href="https://evil.example/plotly">plotly http link</a>'  # noqa: E501 (a literal kept whole)
RTL = "\u202eRTL override gpj.exe\u202c مرحبا بالعالم שלום עולם"
EMOJI = "🚀 👨‍👩‍👧 🇷🇺🇺🇸 ⚠️"
CONTROL = "bell\x07 backspace\x08 escape\x1b[31m zero-width\u200b joiner\u200d vt\x0b"
LONG_WORD = "W" * 5000  # one unbreakable word
LONG_TEXT = ("long text " * 500).strip()

ALL_HTML = " ".join([SCRIPT, IMG, SVG, RAW_A, DATA_A, IFRAME, STYLE])
ALL_MD = " ".join([MD_LINK, MD_DATA, MD_IMG, AUTOLINK, DIRECTIVES])


def hostile(label: str) -> str:
    """A short field mixing every kind of attack, with `label` so it can be found."""
    return f"{label} {SCRIPT} {IMG} {RAW_A} {MD_LINK} {MD_IMG} {DIRECTIVES} {PLOTLY} {RTL} {EMOJI} {CONTROL}"


# An http(s) URL the validator accepts, with every character that could end a
# markdown link or an HTML attribute early.
NASTY_URL = "https://example.org/a)b\"c<d>'e/[x](javascript:alert(9))?q=<script>alert(1)</script>&r=\"'>)"
LONG_URL = "https://example.org/" + "p" * 5000

# Ids used by the tests to open the detail views.
EVENT = "ev_xss"
LONG_EVENT = "ev_long"
ACTOR = "ac_xss"
LONG_ACTOR = "ac_long"
SOURCE = "src_xss"
ISSUE = "issue_xss"

TABLES: dict[str, list[dict[str, str]]] = {
    "sources": [
        dict(
            source_id=SOURCE,
            kind="news",
            outlet=hostile("OUTLET"),
            title=hostile("SOURCE-TITLE") + " " + MD_REF,
            published="2011-01-05",
            published_precision="day",
            url=NASTY_URL,
            wire_service=hostile("WIRE"),
            seed_file="",
            confidence="H",
            note=hostile("SOURCE-NOTE") + " " + ALL_HTML + " " + ALL_MD,
        ),
        dict(
            source_id="src_long",
            kind="analysis",
            outlet=LONG_WORD,
            title=LONG_TEXT,
            published="",
            published_precision="unknown",
            url=LONG_URL,
            wire_service="",
            seed_file="",
            confidence="M",
            note=LONG_WORD,
        ),
        dict(
            source_id="src_plain",
            kind="official",
            outlet="Plain outlet",
            title="Plain title",
            published="2011-02-01",
            published_precision="month",
            url="https://example.org/plain",
            wire_service="",
            seed_file="",
            confidence="H",
            note="",
        ),
    ],
    "actors": [
        dict(
            actor_id=ACTOR,
            name=hostile("ACTOR"),
            kind="person",
            affiliation="NATO",
            side="NATO",
            anonymous="false",
            description=hostile("ACTOR-DESC") + " " + ALL_HTML + " " + ALL_MD,
            source_ids=SOURCE,
        ),
        dict(
            actor_id="ac_rtl",
            name=RTL + " " + EMOJI,
            kind="body",
            affiliation="Russia",
            side="Russia",
            anonymous="false",
            description=CONTROL,
            source_ids="src_plain",
        ),
        dict(
            actor_id=LONG_ACTOR,
            name=LONG_WORD,
            kind="state",
            affiliation="Iran",
            side="other",
            anonymous="true",
            description=LONG_TEXT + " " + LONG_WORD,
            source_ids="src_long",
        ),
    ],
    "actor_roles": [
        dict(
            role_id="role_xss",
            actor_id=ACTOR,
            role=hostile("ROLE"),
            start_date="2010-01-01",
            end_date="2011-12-31",
            source_ids=SOURCE,
            note=hostile("ROLE-NOTE"),
        ),
        dict(
            role_id="role_long",
            actor_id=LONG_ACTOR,
            role=LONG_WORD,
            start_date="",
            end_date="",
            source_ids="src_long",
            note=LONG_TEXT,
        ),
    ],
    "issues": [
        dict(
            issue_id=ISSUE,
            title=hostile("ISSUE"),
            kind="dispute",
            sort_order="1",
            description=hostile("ISSUE-DESC") + " " + ALL_HTML,
            scale_note=hostile("SCALE") + " " + ALL_MD,
        ),
        dict(
            issue_id="issue_long",
            title=LONG_WORD,
            kind="cooperation",
            sort_order="2",
            description=LONG_TEXT,
            scale_note=LONG_WORD,
        ),
    ],
    "positions": [
        dict(position_id="pos_low", issue_id=ISSUE, rank="1", label=hostile("POS-LOW"), description=ALL_HTML),
        dict(position_id="pos_high", issue_id=ISSUE, rank="2", label=PLOTLY + " " + SCRIPT, description=ALL_MD),
        dict(position_id="pos_long", issue_id="issue_long", rank="1", label=LONG_WORD, description=LONG_TEXT),
    ],
    "events": [
        dict(
            event_id=EVENT,
            title=hostile("EVENT-TITLE"),
            kind="talks",
            status="held",
            start_date="2011-01-03",
            end_date="2011-01-03",
            date_precision="day",
            date_note=hostile("DATE-NOTE") + " " + ALL_MD,
            place=hostile("PLACE") + " " + ALL_HTML,
            latitude="50.85",
            longitude="4.35",
            participant_ids=f"{ACTOR};ac_rtl;{LONG_ACTOR}",
            issue_ids=f"{ISSUE};issue_long",
            summary=hostile("SUMMARY") + " " + ALL_HTML + " " + ALL_MD,
            source_ids=f"{SOURCE};src_long;src_plain",
            first_public="2011-01-01",
            confidence="H",
        ),
        dict(
            event_id=LONG_EVENT,
            title=LONG_WORD,
            kind="summit",
            status="planned",
            start_date="2011-03-01",
            end_date="2011-03-31",
            date_precision="month",
            date_note=LONG_TEXT,
            place=LONG_WORD,
            latitude="55.75",
            longitude="37.62",
            participant_ids=LONG_ACTOR,
            issue_ids="issue_long",
            summary=LONG_TEXT + " " + LONG_WORD,
            source_ids="src_long",
            first_public="2011-01-05",
            confidence="M",
        ),
        dict(
            event_id="ev_rtl",
            title=RTL + " " + EMOJI,
            kind="statement",
            status="did_not_happen",
            start_date="2011-02-01",
            end_date="2011-02-07",
            date_precision="week",
            date_note=CONTROL,
            place=RTL,
            latitude="",
            longitude="",
            participant_ids="ac_rtl",
            issue_ids="",
            summary=EMOJI + " " + CONTROL,
            source_ids="src_plain",
            first_public="2011-02-07",
            confidence="M",
        ),
    ],
    "statements": [
        dict(
            statement_id="st_xss",
            speaker_id=ACTOR,
            said_start="2011-01-03",
            said_end="2011-01-03",
            said_precision="day",
            reported_date="2011-01-05",
            event_id=EVENT,
            quote=hostile("QUOTE") + " " + ALL_HTML + " " + ALL_MD,
            paraphrase=hostile("PARAPHRASE"),
            is_direct_quote="true",
            issue_id=ISSUE,
            position_id="pos_high",
            via="",
            source_ids=SOURCE,
            note=hostile("STATEMENT-NOTE"),
        ),
        dict(
            statement_id="st_rtl",
            speaker_id="ac_rtl",
            said_start="2011-01-03",
            said_end="2011-01-03",
            said_precision="day",
            reported_date="2011-01-05",
            event_id=EVENT,
            quote="",
            paraphrase=RTL + " " + EMOJI + " " + ALL_MD,
            is_direct_quote="false",
            issue_id=ISSUE,
            position_id="pos_low",
            via=ACTOR,
            source_ids="src_plain",
            note="",
        ),
        dict(
            statement_id="st_long",
            speaker_id=LONG_ACTOR,
            said_start="2011-03-01",
            said_end="2011-03-31",
            said_precision="month",
            reported_date="2011-04-01",
            event_id=LONG_EVENT,
            quote=LONG_WORD,
            paraphrase=LONG_TEXT,
            is_direct_quote="true",
            issue_id="issue_long",
            position_id="pos_long",
            via="",
            source_ids="src_long",
            note=LONG_WORD,
        ),
    ],
    "stances": [
        dict(
            stance_id="sn_xss",
            actor_id=ACTOR,
            issue_id=ISSUE,
            position_id="pos_high",
            as_of="2011-01-03",
            date_precision="day",
            statement_id="st_xss",
            basis=hostile("BASIS") + " " + ALL_HTML,
            source_ids=f"{SOURCE};src_long",
        ),
        dict(
            stance_id="sr_rtl",
            actor_id="ac_rtl",
            issue_id=ISSUE,
            position_id="pos_low",
            as_of="2011-01-03",
            date_precision="day",
            statement_id="st_rtl",
            basis=RTL + " " + ALL_MD,
            source_ids="src_plain",
        ),
    ],
    "phases": [
        dict(
            phase_id="ph_xss",
            title=PLOTLY + " " + SCRIPT + " " + IMG,
            start_date="2010-12-01",
            end_date="2011-02-15",
            description=hostile("PHASE-DESC"),
            source_ids=SOURCE,
        ),
        dict(
            phase_id="ph_long",
            title=LONG_WORD,
            start_date="2011-02-16",
            end_date="2011-04-30",
            description=LONG_TEXT,
            source_ids="src_long",
        ),
    ],
}


# --- the evidence rule's column, the issue split, and the three new tables ---


def _with_column_after(rows: list[dict[str, str]], after: str, column: str, value: str) -> list[dict[str, str]]:
    """Rows with `column` inserted right after `after` (the schema checks column order)."""
    out = []
    for row in rows:
        new: dict[str, str] = {}
        for key, cell in row.items():
            new[key] = cell
            if key == after:
                new[column] = value
        out.append(new)
    return out


TABLES["issues"] = [{**row, "split_id": row["issue_id"]} for row in TABLES["issues"]]
TABLES["stances"] = _with_column_after(TABLES["stances"], "statement_id", "also_statement_ids", "")
TABLES["commitments"] = [
    dict(
        commitment_id="cm_xss",
        title=hostile("COMMITMENT"),
        kind="promise",
        actor_ids=ACTOR,
        issue_id=ISSUE,
        due_start="2011-03-01",
        due_end="2011-03-31",
        due_precision="month",
        event_id=EVENT,
        statement_ids="st_xss",
        source_ids=SOURCE,
        note=hostile("COMMITMENT-NOTE") + " " + ALL_HTML + " " + ALL_MD,
    )
]
TABLES["commitment_status"] = [
    dict(
        change_id="cs_xss",
        commitment_id="cm_xss",
        status="pending",
        as_of="2011-01-03",
        reported_date="2011-01-05",
        source_ids=SOURCE,
        note=hostile("STATUS-NOTE"),
    ),
    dict(
        change_id="cs_long",
        commitment_id="cm_xss",
        status="missed",
        as_of="2011-04-01",
        reported_date="2011-04-01",
        source_ids="src_long",
        note=LONG_TEXT,
    ),
]
TABLES["disagreements"] = [
    dict(
        reading_id="rd_xss",
        disagreement_id="dis_xss",
        topic=hostile("DISAGREEMENT"),
        source_id=SOURCE,
        says=hostile("SAYS") + " " + ALL_MD,
        event_ids=EVENT,
        statement_ids="st_xss",
        note=hostile("READING-NOTE"),
    ),
    dict(
        reading_id="rd_rtl",
        disagreement_id="dis_xss",
        topic=hostile("DISAGREEMENT"),
        source_id="src_plain",
        says=RTL + " " + EMOJI,
        event_ids=EVENT,
        statement_ids="",
        note=LONG_WORD,
    ),
]


def csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write(directory: Path = HOSTILE_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for table, rows in TABLES.items():
        (directory / f"{table}.csv").write_text(csv_text(rows), encoding="utf-8", newline="")


if __name__ == "__main__":
    write()
