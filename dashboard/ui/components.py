"""Small pieces pages share: source links, downloads, paged tables, quotes, the actor profile."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.data.dataset import Dataset
from dashboard.data.description import Description
from dashboard.model.actors import actor_roles_on, events_attended, statements_by
from dashboard.model.dates import format_date_range
from dashboard.model.disagreements import topics_touching
from dashboard.model.quoting import quote_or_paraphrase
from dashboard.model.sources import download_frame, published_text, to_csv_bytes, to_json_bytes, with_citations
from dashboard.model.tables import role_span
from dashboard.ui.text import md_escape, md_link


def source_lines(ds: Dataset, source_ids: Iterable[str]) -> str:
    """A markdown bullet list of the sources, linked where they have an http(s) address."""
    by_id = {record["source_id"]: record for record in ds.sources.to_dict("records")}
    lines = []
    for source_id in source_ids:
        if source_id not in by_id:
            continue
        source = by_id[source_id]
        published = published_text(source["published"], source["published_precision"])
        label = f"{source['outlet']}: {source['title']} ({published})"
        wire = f" — via {md_escape(source['wire_service'])}" if source["wire_service"] else ""
        lines.append(f"- {md_link(label, source['url'])}{wire}")
    return "\n".join(lines)


def download_buttons(total: int, whole: Callable[[], pd.DataFrame], ds: Dataset, stem: str) -> None:
    """CSV and JSON downloads of the `total` rows `whole()` gives, each row with its citation; built only on
    click."""
    if not total:
        return

    def cited() -> pd.DataFrame:  # built on click only: citing 100,000 rows is not free
        return download_frame(with_citations(whole(), ds))

    left, right = st.columns(2)
    left.download_button(
        f"Download CSV ({total:,} rows)",
        data=lambda: to_csv_bytes(cited()),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{stem}_csv",
        on_click="ignore",
    )
    right.download_button(
        f"Download JSON ({total:,} rows)",
        data=lambda: to_json_bytes(cited()),
        file_name=f"{stem}.json",
        mime="application/json",
        key=f"{stem}_json",
        on_click="ignore",
    )


PAGE_ROWS = 1_000  # rows sent to the browser at once; the downloads hold them all


def page_start(total: int, key: str) -> int:
    """The first row (0-based) of the table page the reader chose among `total` rows, PAGE_ROWS a page; the
    page picker is drawn only when there is more than one page."""
    pages = max(1, -(-total // PAGE_ROWS))
    if pages == 1:
        return 0
    number = st.number_input(f"Table page (of {pages:,})", min_value=1, max_value=pages, value=1, key=key)
    first = (int(number) - 1) * PAGE_ROWS
    st.caption(f"Rows {first + 1:,}–{min(first + PAGE_ROWS, total):,} of {total:,}.")
    return first


@st.fragment
def table_with_downloads(
    total: int,
    whole: Callable[[], pd.DataFrame],
    ds: Dataset,
    stem: str,
    rows: Callable[[int], pd.DataFrame],
    **dataframe_args: Any,
) -> None:
    """`total` rows as a paged table (`rows(first)` gives the table of a page) and their downloads (of `whole()`,
    asked for only on a click), rerun on their own: turning a page reruns this part alone, so the page's charts
    are neither rebuilt nor sent again. The page picker's key is `{stem}_page`."""
    first = page_start(total, f"{stem}_page")
    st.dataframe(rows(first), hide_index=True, width="stretch", **dataframe_args)
    download_buttons(total, whole, ds, stem)


def described_as(about: Description) -> None:
    """The record's own words on itself (dataset.toml), as text, and its sides; says what was filled in when the
    record does not describe itself."""
    st.subheader(md_escape(about.title))
    if about.subtitle:
        st.caption(md_escape(about.subtitle))
    if about.description:
        st.markdown(md_escape(about.description))
    first, second = about.sides
    st.markdown(f"**Sides compared:** {md_escape(first.name)} and {md_escape(second.name)}.")
    if about.defaults:
        st.info(
            "This record has no dataset.toml, so its title is its folder's name and its sides are the two its "
            "actors are on most (see the codebook to describe a record)."
        )


def actor_names(ds: Dataset) -> dict[str, str]:
    return dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))


def quote_block(statement: pd.Series) -> str:
    """A statement as markdown: the quote in a block quote (with our paraphrase after it, if any), or our
    paraphrase, labelled so. Starts a block, so it must begin a line of its own."""
    quote, paraphrase = statement["quote"], statement["paraphrase"]
    words = quote_or_paraphrase(quote, paraphrase, escape=md_escape)
    if not quote:
        return f"*Paraphrase:* {words}"
    return f"> {words}" + (f"\n\n{md_escape(paraphrase)}" if paraphrase else "")


def actor_profile(ds: Dataset, actor_id: str, day: date | None) -> None:
    """Who the actor is, the roles held on `day` (all without one), the events attended and the statements made,
    each dated as precisely as known; in a bordered box."""
    actor = ds.actors.set_index("actor_id").loc[actor_id]
    with st.container(border=True):
        st.subheader(md_escape(actor["name"]))
        st.markdown(
            f"{md_escape(actor['description'])}  \n**Affiliation:** {md_escape(actor['affiliation'])} · "
            f"**Side:** {md_escape(actor['side'])} · **Kind:** {md_escape(actor['kind'])}"
        )
        for _, role in actor_roles_on(ds, actor_id, day).iterrows():
            st.markdown(
                f"- {md_escape(role['role'])} ({md_escape(role_span(role['start_date'], role['end_date']))})"
                + (f" — {md_escape(role['note'])}" if role["note"] else "")
            )
        attended = events_attended(ds, actor_id)
        st.markdown(f"**Events ({len(attended)})**")
        for _, event in attended.iterrows():
            when = format_date_range(event["start_date"], event["end_date"], event["date_precision"])
            st.markdown(f"- {md_escape(when)}: {md_escape(event['title'])}")
        said = statements_by(ds, actor_id)
        st.markdown(f"**Statements ({len(said)})**")
        for _, statement in said.iterrows():
            when = format_date_range(statement["said_start"], statement["said_end"], statement["said_precision"])
            st.markdown(f"*{md_escape(when)}*\n\n{quote_block(statement)}")


def disagreement_flags(ds: Dataset, column: str, row_ids: Iterable[str]) -> None:
    """A flag for each recorded disagreement whose `column` (event_ids or statement_ids) names one of `row_ids`."""
    topics = dict.fromkeys(topic for row_id in row_ids for topic in topics_touching(ds, column, row_id))
    for topic in topics:
        st.warning(f"Sources disagree: {md_escape(topic)} (see the Disagreements page)", icon="⚖️")
