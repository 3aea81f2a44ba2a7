"""Citations and downloads: every fact shown can be traced to its sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import orjson
import pandas as pd

from dashboard.data.dataset import ID_COLUMNS, Dataset
from dashboard.model.dates import DateLike, format_date_range, to_timestamp

CITATION_SEPARATOR = " | "  # citations themselves contain commas and semicolons


def cite(source_row: Mapping | pd.Series) -> str:
    """Plain-text citation: outlet, "title", date (as precise as known), URL,
    wire service. A bracketed title (a description, not a headline) is not quoted.

    e.g. 'The Moscow Times, "Title", 26 Jan 2011, https://…, via AFP.'"""
    title = source_row["title"]
    parts = [
        source_row["outlet"],
        title if title.startswith("[") else f'"{title}"',
        published_text(source_row["published"], source_row["published_precision"], unknown="n.d."),
        source_row["url"],
        f"via {source_row['wire_service']}" if source_row["wire_service"] else "",
    ]
    text = ", ".join(part for part in parts if part)
    return text if text.endswith(".") else text + "."


def published_text(published: DateLike, precision: str, unknown: str = "date unknown") -> str:
    """A source's publication date as precisely as known ("March 2011"); `unknown` when it is not known."""
    if precision == "unknown" or to_timestamp(published) is None:
        return unknown
    return format_date_range(published, published, precision)


def source_usage(ds: Dataset) -> pd.DataFrame:
    """Every row of every table that names a source in its source_ids.
    Columns: source_id, table, row_id; sorted by source_id, table, row_id."""
    uses = []
    for table, frame in ds.tables().items():
        if "source_ids" not in frame.columns:
            continue
        ids = frame[[ID_COLUMNS[table], "source_ids"]].explode("source_ids").dropna()
        uses.append(
            pd.DataFrame({"source_id": ids["source_ids"], "table": table, "row_id": ids[ID_COLUMNS[table]].astype(str)})
        )
    usage = pd.concat(uses, ignore_index=True) if uses else pd.DataFrame(columns=["source_id", "table", "row_id"])
    return usage.sort_values(["source_id", "table", "row_id"], ignore_index=True)


def _citations_by_id(ds: Dataset) -> dict[str, str]:
    return {row["source_id"]: cite(row) for _, row in ds.sources.iterrows()}


def bibliography_text(ds: Dataset, source_ids: Iterable[str] | None = None) -> str:
    """One citation per line, alphabetically; all sources or only `source_ids`
    (unknown ids are skipped)."""
    citations = _citations_by_id(ds)
    wanted = citations if source_ids is None else set(source_ids) & set(citations)
    return "\n".join(sorted((citations[source_id] for source_id in wanted), key=str.casefold))


def with_citations(frame: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """A copy of `frame` (which has source_ids) with a `citation` column: the
    citations of the row's sources joined by CITATION_SEPARATOR."""
    citations = _citations_by_id(ds)
    cited = frame.copy()
    cited["citation"] = frame["source_ids"].map(lambda ids: CITATION_SEPARATOR.join(citations.get(i, i) for i in ids))
    return cited


def _is_id_list(column: pd.Series) -> bool:
    return bool(column.map(lambda value: isinstance(value, (tuple, list))).any())


def download_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as plain text-friendly values: dates as ISO `YYYY-MM-DD`
    (None when empty), id lists joined with ";" as in the CSV tables."""
    plain = frame.copy()
    for name in plain.columns:
        column = plain[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            plain[name] = column.dt.strftime("%Y-%m-%d").astype(object).where(column.notna(), None)
        elif column.dtype == object and _is_id_list(column):
            plain[name] = column.map(lambda ids: ";".join(ids) if isinstance(ids, (tuple, list)) else ids)
    return plain


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of `download_frame(frame)` without the index."""
    return download_frame(frame).to_csv(index=False).encode("utf-8")


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """JSON list of records of `download_frame(frame)`; NaN becomes null."""
    records = download_frame(frame).astype(object).where(lambda f: f.notna(), None).to_dict("records")
    return orjson.dumps(records, option=orjson.OPT_SERIALIZE_NUMPY)
