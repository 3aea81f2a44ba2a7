"""The fourteen tables, declared column by column from the codebook (data/README.md).

Each table lists its columns in the CSV's order, each built from the column vocabulary (`columns.py`), and the
rules across one row's cells (`row_rules.py`). The declarations give the pandera schemas that check the RAW tables
(`validate.py`), the typed frames (`typed.py`) and the cross-table references (`crosscheck.py`).

The schemas check raw tables: every cell is the string the CSV holds ("" when empty), and the frame's index is
the spreadsheet row number (header = row 1, first data row = row 2), so that every failure pandera reports can be
turned into a :class:`Problem` pointing at a row and a column.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa

from dashboard.data.columns import (
    Field,
    choice,
    date,
    file_name,
    flag,
    id_field,
    id_list,
    integer,
    number,
    ref,
    step_number,
    text,
    url,
)
from dashboard.data.dataset import TABLE_FILES
from dashboard.data.row_rules import (
    RowRule,
    differs_from,
    ends_not_before,
    given_together,
    needed_when_true,
    one_of_needed,
)

# Value lists of the choice columns below.
CONFIDENCE = ("H", "M")
DATE_PRECISIONS = ("day", "week", "month", "year", "approximate", "undated")
COMMITMENT_KINDS = ("promise", "plan", "demand", "target")
COMMITMENT_STATUSES = ("pending", "met", "missed", "dropped", "unknown")
LINK_KINDS = ("follows_up", "responds_to", "ratifies", "deadline_for", "postponed_to", "cancels")


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[Field, ...]
    rules: tuple[RowRule, ...] = ()

    @property
    def file_name(self) -> str:
        return TABLE_FILES[self.name]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def schema(self) -> pa.DataFrameSchema:
        return pa.DataFrameSchema(
            {f.name: f.column() for f in self.fields},
            checks=[rule.check() for rule in self.rules],
            strict=True,
            ordered=True,
            name=self.name,
        )


def _table(name: str, *fields: Field, rules: tuple[RowRule, ...] = ()) -> Table:
    return Table(name, fields, rules)


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        _table(
            "sources",
            id_field("source_id"),
            choice("kind", ("news", "official", "reference", "analysis")),
            text("outlet", required=True),
            text("title", required=True),
            date("published"),
            choice("published_precision", ("day", "week", "month", "year", "unknown")),
            url("url"),
            text("wire_service"),
            file_name("seed_file"),
            choice("confidence", CONFIDENCE),
            text("note"),
        ),
        _table(
            "actors",
            id_field("actor_id"),
            text("name", required=True),
            choice("kind", ("person", "organisation", "state", "body")),
            text("affiliation", required=True),  # the body an actor belongs to; lanes group by it
            text("side", required=True),  # one of dataset.toml's sides, or "other" (checked in load.py)
            flag("anonymous"),
            text("description", required=True),
            id_list("source_ids", "sources", at_least_one=True),
        ),
        _table(
            "actor_roles",
            id_field("role_id"),
            ref("actor_id", "actors"),
            text("role", required=True),
            date("start_date"),
            date("end_date"),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(ends_not_before("start_date", "end_date"),),
        ),
        _table(
            "issues",
            id_field("issue_id"),
            text("title", required=True),
            choice("kind", ("dispute", "cooperation", "tracking")),
            integer("sort_order"),
            text("description", required=True),
            text("scale_note", required=True),
            ref("split_id", "issues"),
        ),
        _table(
            "positions",
            id_field("position_id"),
            ref("issue_id", "issues"),
            integer("rank", minimum=1),
            text("label", required=True),
            text("description", required=True),
        ),
        _table(
            "events",
            id_field("event_id"),
            text("title", required=True),
            choice(
                "kind",
                (
                    "summit",
                    "council_meeting",
                    "talks",
                    "seminar",
                    "treaty",
                    "ratification",
                    "statement",
                    "news_conference",
                    "speech",
                    "appointment",
                    "attack",
                    "deadline",
                    "announcement",
                    "conflict",
                    "working_group",
                ),
            ),
            choice("status", ("held", "planned", "did_not_happen")),
            date("start_date", required=True),
            date("end_date", required=True),
            choice("date_precision", DATE_PRECISIONS),
            text("date_note"),
            text("place"),
            number("latitude", -90, 90),
            number("longitude", -180, 180),
            id_list("participant_ids", "actors"),
            id_list("issue_ids", "issues"),
            text("summary", required=True),
            id_list("source_ids", "sources", at_least_one=True),
            date("first_public", required=True),
            choice("confidence", CONFIDENCE),
            rules=(
                ends_not_before("start_date", "end_date"),
                given_together("latitude", "longitude"),
                given_together("longitude", "latitude"),
            ),
        ),
        _table(
            "statements",
            id_field("statement_id"),
            ref("speaker_id", "actors"),
            date("said_start", required=True),
            date("said_end", required=True),
            choice("said_precision", DATE_PRECISIONS),
            date("reported_date"),
            ref("event_id", "events", required=False),
            text("quote"),
            text("paraphrase"),
            flag("is_direct_quote"),
            ref("issue_id", "issues"),
            ref("position_id", "positions", required=False),
            ref("via", "actors", required=False),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(
                ends_not_before("said_start", "said_end"),
                needed_when_true("is_direct_quote", "quote"),
                one_of_needed("quote", "paraphrase"),
            ),
        ),
        _table(
            "stances",
            id_field("stance_id"),
            ref("actor_id", "actors"),
            ref("issue_id", "issues"),
            ref("position_id", "positions"),
            date("as_of", required=True),
            choice("date_precision", DATE_PRECISIONS),
            ref("statement_id", "statements"),
            id_list("also_statement_ids", "statements"),
            text("basis", required=True),
            id_list("source_ids", "sources", at_least_one=True),
        ),
        _table(
            "phases",
            id_field("phase_id"),
            text("title", required=True),
            date("start_date", required=True),
            date("end_date", required=True),
            text("description", required=True),
            id_list("source_ids", "sources", at_least_one=True),
            rules=(ends_not_before("start_date", "end_date"),),
        ),
        # What was promised or demanded, and by when; its status over time.
        _table(
            "commitments",
            id_field("commitment_id"),
            text("title", required=True),
            choice("kind", COMMITMENT_KINDS),
            id_list("actor_ids", "actors", at_least_one=True),
            ref("issue_id", "issues"),
            date("due_start"),
            date("due_end"),
            choice("due_precision", DATE_PRECISIONS),
            ref("event_id", "events", required=False),
            id_list("statement_ids", "statements", at_least_one=True),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(ends_not_before("due_start", "due_end"), given_together("due_start", "due_end")),
        ),
        _table(
            "commitment_status",
            id_field("change_id"),
            ref("commitment_id", "commitments"),
            choice("status", COMMITMENT_STATUSES),
            date("as_of", required=True),
            date("reported_date", required=True),
            id_list("source_ids", "sources", at_least_one=True),
            text("note", required=True),
            rules=(ends_not_before("as_of", "reported_date"),),
        ),
        # Claims our sources give differently: one row per source's reading.
        _table(
            "disagreements",
            id_field("reading_id"),
            text("disagreement_id", required=True),
            text("topic", required=True),
            ref("source_id", "sources"),
            text("says", required=True),
            id_list("event_ids", "events"),
            id_list("statement_ids", "statements"),
            text("note"),
            rules=(one_of_needed("event_ids", "statement_ids"),),
        ),
        # Links between events, and the story's steps.
        _table(
            "event_links",
            id_field("link_id"),
            ref("from_event_id", "events"),
            ref("to_event_id", "events"),
            choice("kind", LINK_KINDS),
            id_list("source_ids", "sources", at_least_one=True),
            text("note"),
            rules=(differs_from("from_event_id", "to_event_id"),),
        ),
        _table(
            "story_steps",
            step_number("step"),
            text("title", required=True),
            text("text", required=True),
            ref("event_id", "events"),
            id_list("statement_ids", "statements"),
            date("gap_day"),
            id_list("source_ids", "sources", at_least_one=True),
        ),
    ]
}

if list(TABLES) != list(TABLE_FILES):  # a check that `python -O` keeps, unlike an assert
    raise RuntimeError("the tables must be declared in the order of dataset.TABLE_FILES")

SCHEMAS: dict[str, pa.DataFrameSchema] = {name: table.schema() for name, table in TABLES.items()}
