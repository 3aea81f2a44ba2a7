"""A small synthetic Dataset built in code, typed as dashboard.data.dataset says.

`make_dataset(**tables)` builds the default dataset; pass a list of row dicts
for any table to replace it (missing columns get empty values). The default
story:
- architecture: the sides converge (gap 2 -> 0, "narrowed");
- guarantees: they diverge (gap 1 -> 2, "widened");
- cooperation: no stances ("no comparison").
Events cover each date precision and status: a year-precision context event,
a multi-day summit, a week-precision talk, an approximate seminar, a one-day
attack, a month-precision council (public only from 2011-02-22), a missed
deadline (did_not_happen, unlocated) and a planned future summit.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.schema import TABLES

# table -> column -> kind (str, date, ids, bool, int, float), read from the schema so the two cannot drift.
COLUMNS: dict[str, dict[str, str]] = {
    table: {f.name: "ids" if f.converts_to == "id_list" else f.converts_to for f in TABLES[table].fields}
    for table in TABLES
}

EMPTY = {"str": "", "date": None, "ids": (), "bool": False, "int": 0, "float": float("nan")}


def typed_frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as a frame with the column kinds of dataset.py; unknown columns raise."""
    kinds = COLUMNS[table]
    for row in rows:
        if unknown := set(row) - set(kinds):
            raise KeyError(f"{table}: unknown columns {unknown}")
    data = {}
    for column, kind in kinds.items():
        values = [row.get(column, EMPTY[kind]) for row in rows]
        if kind == "date":
            data[column] = pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]")
        elif kind == "ids":
            data[column] = pd.Series([tuple(v) for v in values], dtype=object)
        elif kind == "str":
            data[column] = pd.Series(values, dtype="str")
        else:
            data[column] = pd.Series(values, dtype={"bool": "bool", "int": "int64", "float": "float64"}[kind])
    return pd.DataFrame(data)


S = ("s_afp",)

DEFAULT_ROWS: dict[str, list[dict]] = {
    "sources": [
        dict(
            source_id="s_afp",
            kind="news",
            outlet="defenceWeb",
            title="Russia wants guarantees",
            published="2011-01-26",
            published_precision="day",
            url="https://example.org/afp",
            wire_service="AFP",
            confidence="M",
        ),
        dict(
            source_id="s_mt",
            kind="news",
            outlet="The Moscow Times",
            title="Lisbon deal",
            published="2010-11-21",
            published_precision="day",
            url="https://example.org/mt",
            confidence="H",
        ),
        dict(
            source_id="s_nato",
            kind="official",
            outlet="NATO",
            title="Council communiqué",
            published="2011-03-01",
            published_precision="month",
            confidence="H",
        ),
        dict(
            source_id="s_ref",
            kind="reference",
            outlet="Fact sheet",
            title="[Background on the 2008 war]",
            published_precision="unknown",
            confidence="H",
        ),
    ],
    "actors": [
        dict(
            actor_id="rasmussen",
            name="Anders Fogh Rasmussen",
            kind="person",
            affiliation="NATO",
            side="NATO",
            source_ids=("s_mt",),
        ),
        dict(
            actor_id="medvedev",
            name="Dmitry Medvedev",
            kind="person",
            affiliation="Russia",
            side="Russia",
            source_ids=("s_mt",),
        ),
        dict(
            actor_id="clinton",
            name="Hillary Clinton",
            kind="person",
            affiliation="United States",
            side="NATO",
            source_ids=S,
        ),
        dict(actor_id="lavrov", name="Sergei Lavrov", kind="person", affiliation="Russia", side="Russia", source_ids=S),
        dict(
            actor_id="rogozin", name="Dmitry Rogozin", kind="person", affiliation="Russia", side="Russia", source_ids=S
        ),
        dict(
            actor_id="nato_official",
            name="A NATO official",
            kind="person",
            affiliation="NATO",
            side="NATO",
            anonymous=True,
            source_ids=S,
        ),
        dict(actor_id="iran", name="Iran", kind="state", affiliation="Iran", side="other", source_ids=S),
    ],
    "actor_roles": [
        dict(
            role_id="r_rasm", actor_id="rasmussen", role="NATO Secretary General", start_date="2009-08-01", source_ids=S
        ),
        dict(role_id="r_rog_amb", actor_id="rogozin", role="Ambassador to NATO", end_date="2011-12-22", source_ids=S),
        dict(
            role_id="r_rog_dpm", actor_id="rogozin", role="Deputy Prime Minister", start_date="2011-12-23", source_ids=S
        ),
    ],
    "issues": [
        dict(issue_id="guarantees", title="Guarantees", kind="dispute", sort_order=2),
        dict(issue_id="architecture", title="Architecture", kind="dispute", sort_order=1),
        dict(issue_id="cooperation", title="Cooperation", kind="cooperation", sort_order=3),
    ],
    "positions": [
        dict(position_id="arch_joint", issue_id="architecture", rank=1, label="Joint system"),
        dict(position_id="arch_sectoral", issue_id="architecture", rank=2, label="Sectoral system"),
        dict(position_id="arch_separate", issue_id="architecture", rank=3, label="Separate systems"),
        dict(position_id="g_binding", issue_id="guarantees", rank=1, label="Legally binding"),
        dict(position_id="g_political", issue_id="guarantees", rank=2, label="Political assurance"),
        dict(position_id="g_none", issue_id="guarantees", rank=3, label="No guarantee"),
        dict(position_id="c_full", issue_id="cooperation", rank=1, label="Full cooperation"),
    ],
    "events": [
        dict(
            event_id="e_georgia",
            title="Russia's war with Georgia",
            kind="conflict",
            status="held",
            start_date="2008-01-01",
            end_date="2008-12-31",
            date_precision="year",
            place="Georgia",
            latitude=42.0,
            longitude=43.5,
            participant_ids=("medvedev",),
            summary="Context for the talks.",
            source_ids=("s_ref",),
            first_public="2008-08-08",
        ),
        dict(
            event_id="e_lisbon",
            title="Lisbon summit",
            kind="summit",
            status="held",
            start_date="2010-11-19",
            end_date="2010-11-20",
            date_precision="day",
            place="Lisbon",
            latitude=38.72,
            longitude=-9.14,
            participant_ids=("rasmussen", "medvedev", "clinton"),
            issue_ids=("architecture",),
            summary="Leaders agree to study cooperation.",
            source_ids=("s_mt",),
            first_public="2010-06-01",
        ),
        dict(
            event_id="e_talks",
            title="Talks at NATO headquarters",
            kind="talks",
            status="held",
            start_date="2011-01-17",
            end_date="2011-01-23",
            date_precision="week",
            date_note="'last week' in AFP of 2011-01-26",
            place="NATO headquarters, Brussels",
            latitude=50.88,
            longitude=4.42,
            participant_ids=("rogozin", "nato_official"),
            issue_ids=("architecture", "guarantees"),
            summary="Guarantees discussed.",
            source_ids=S,
            first_public="2011-01-26",
        ),
        dict(
            event_id="e_seminar",
            title="Seminar on missile defence",
            kind="seminar",
            status="held",
            start_date="2011-01-24",
            end_date="2011-01-26",
            date_precision="approximate",
            place="Moscow",
            latitude=55.75,
            longitude=37.62,
            participant_ids=("lavrov", "clinton"),
            summary="Experts met.",
            source_ids=S,
            first_public="2011-01-26",
        ),
        dict(
            event_id="e_attack",
            title="Airport bombing (Domodedovo)",
            kind="attack",
            status="held",
            start_date="2011-01-24",
            end_date="2011-01-24",
            date_precision="day",
            place="Domodedovo airport, Moscow",
            latitude=55.41,
            longitude=37.90,
            summary="A blast at the airport.",
            source_ids=S,
            first_public="2011-01-24",
        ),
        dict(
            event_id="e_council",
            title="NATO-Russia Council in spring",
            kind="council_meeting",
            status="held",
            start_date="2011-03-01",
            end_date="2011-03-31",
            date_precision="month",
            place="Brussels",
            latitude=50.85,
            longitude=4.35,
            participant_ids=("rasmussen", "lavrov", "medvedev"),
            issue_ids=("cooperation",),
            summary="Ministers met.",
            source_ids=("s_nato",),
            first_public="2011-02-22",
        ),
        dict(
            event_id="e_deadline",
            title="Deadline for a deal",
            kind="deadline",
            status="did_not_happen",
            start_date="2011-06-30",
            end_date="2011-06-30",
            date_precision="day",
            participant_ids=(),
            issue_ids=("guarantees",),
            summary="No deal by the deadline.",
            source_ids=S,
            first_public="2011-02-01",
        ),
        dict(
            event_id="e_chicago",
            title="Chicago summit",
            kind="summit",
            status="planned",
            start_date="2012-05-20",
            end_date="2012-05-21",
            date_precision="day",
            place="Chicago",
            latitude=41.88,
            longitude=-87.63,
            participant_ids=("rasmussen", "medvedev"),
            summary="Planned summit.",
            source_ids=S,
            first_public="2011-06-01",
        ),
    ],
    "statements": [
        dict(
            statement_id="st_rasm",
            speaker_id="rasmussen",
            said_start="2010-11-20",
            said_end="2010-11-20",
            said_precision="day",
            reported_date="2010-11-21",
            event_id="e_lisbon",
            quote="We agreed to work on a sectoral system.",
            is_direct_quote=True,
            issue_id="architecture",
            position_id="arch_sectoral",
            source_ids=("s_mt",),
        ),
        dict(
            statement_id="st_medv",
            speaker_id="medvedev",
            said_start="2010-11-20",
            said_end="2010-11-20",
            said_precision="day",
            reported_date="2010-11-21",
            event_id="e_lisbon",
            quote="Either full partnership... or nothing.",
            is_direct_quote=True,
            issue_id="architecture",
            position_id="arch_sectoral",
            source_ids=("s_mt",),
        ),
        dict(
            statement_id="st_rog",
            speaker_id="rogozin",
            said_start="2011-01-17",
            said_end="2011-01-23",
            said_precision="week",
            reported_date="2011-01-26",
            event_id="e_talks",
            paraphrase="Demands a legally binding guarantee.",
            issue_id="guarantees",
            position_id="g_binding",
            source_ids=S,
        ),
        dict(
            statement_id="st_official",
            speaker_id="nato_official",
            said_start="2011-01-26",
            said_end="2011-01-26",
            said_precision="undated",
            reported_date="2011-01-26",
            quote="No legal guarantees are possible.",
            is_direct_quote=True,
            issue_id="guarantees",
            position_id="g_none",
            source_ids=S,
        ),
        dict(
            statement_id="st_lavrov",
            speaker_id="lavrov",
            said_start="2011-03-15",
            said_end="2011-03-15",
            said_precision="day",
            reported_date="2011-03-16",
            event_id="e_council",
            paraphrase="Cooperation should widen.",
            issue_id="cooperation",
            source_ids=("s_nato",),
        ),
    ],
    "stances": [
        dict(
            stance_id="sn_a1",
            actor_id="rasmussen",
            issue_id="architecture",
            position_id="arch_separate",
            as_of="2010-06-01",
            date_precision="day",
            basis="Separate systems in early statements.",
            source_ids=("s_mt",),
        ),
        dict(
            stance_id="sr_a1",
            actor_id="medvedev",
            issue_id="architecture",
            position_id="arch_joint",
            as_of="2010-07-01",
            date_precision="day",
            basis="Joint system demanded.",
            source_ids=("s_mt",),
        ),
        dict(
            stance_id="sn_a2",
            actor_id="rasmussen",
            issue_id="architecture",
            position_id="arch_sectoral",
            as_of="2010-11-20",
            date_precision="day",
            statement_id="st_rasm",
            source_ids=("s_mt",),
        ),
        dict(
            stance_id="sr_a2",
            actor_id="medvedev",
            issue_id="architecture",
            position_id="arch_sectoral",
            as_of="2010-11-20",
            date_precision="day",
            statement_id="st_medv",
            source_ids=("s_mt",),
        ),
        dict(
            stance_id="sn_g1",
            actor_id="clinton",
            issue_id="guarantees",
            position_id="g_political",
            as_of="2011-01-10",
            date_precision="day",
            basis="Political assurances offered.",
            source_ids=S,
        ),
        dict(
            stance_id="sr_g1",
            actor_id="rogozin",
            issue_id="guarantees",
            position_id="g_binding",
            as_of="2011-01-20",
            date_precision="week",
            statement_id="st_rog",
            source_ids=S,
        ),
        dict(
            stance_id="sn_g2",
            actor_id="nato_official",
            issue_id="guarantees",
            position_id="g_none",
            as_of="2011-01-26",
            date_precision="undated",
            statement_id="st_official",
            source_ids=S,
        ),
    ],
    "phases": [
        dict(phase_id="ph_reset", title="Reset", start_date="2009-09-17", end_date="2010-11-20", source_ids=S),
        dict(
            phase_id="ph_after_lisbon",
            title="After Lisbon",
            start_date="2010-11-21",
            end_date="2012-05-21",
            source_ids=S,
        ),
    ],
}


def build_dataset(**tables: list[dict]) -> Dataset:
    """The default dataset, with any table replaced by the given rows."""
    rows = {**DEFAULT_ROWS, **tables}
    return Dataset(**{table: typed_frame(table, rows.get(table, [])) for table in COLUMNS})
