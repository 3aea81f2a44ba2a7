"""`python -m dashboard ingest ARTICLE.txt --published YYYY-MM-DD [--data DIR] [--source-id ID] --out OUTDIR`."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
from pathlib import Path

from dashboard.ingest.article import read_article
from dashboard.ingest.extract import Extraction, extract_article
from dashboard.ingest.rows import Drafts, draft_rows, slug, write_drafts
from dashboard.ingest.speakers import known_names


def add_parser(commands: argparse._SubParsersAction, default_data: Path) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="draft candidate rows from a plain-text article",
        description="Draft statements, events and new actors from a plain-text news article, for an editor to "
        "review. Writes statements.csv, events.csv, actors.csv and report.md to OUTDIR, never to the data folder.",
    )
    ingest.add_argument("article", type=Path, metavar="ARTICLE.txt")
    ingest.add_argument("--published", required=True, type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    ingest.add_argument("--data", type=Path, default=default_data, metavar="DIR", help="known actors and sources")
    ingest.add_argument("--source-id", default="", metavar="ID", help="default: the source whose seed_file it is")
    ingest.add_argument("--out", required=True, type=Path, metavar="OUTDIR")


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def source_id_for(article: Path, data_dir: Path, given: str) -> str:
    """The given id, else the source whose seed_file is this article, else one made from the file name."""
    if given:
        return given
    for source in read_csv(data_dir / "sources.csv"):
        if source.get("seed_file") == article.name:
            return source["source_id"]
    return slug(article.stem)


def draft(article_path: Path, published: dt.date, data_dir: Path, source_id: str) -> tuple[Extraction, Drafts]:
    actors = read_csv(data_dir / "actors.csv")
    extraction = extract_article(read_article(article_path), published, known_names(actors))
    source = source_id_for(article_path, data_dir, source_id)
    return extraction, draft_rows(extraction, source, published, {a["actor_id"] for a in actors})


def run_ingest(args: argparse.Namespace) -> int:
    if args.out.resolve() == args.data.resolve():
        print(f"error: --out must not be the data folder {args.data}; drafts are reviewed before they go in")
        return 2
    if not args.article.is_file():
        print(f"error: no such article: {args.article}")
        return 2
    _, drafts = draft(args.article, args.published, args.data, args.source_id)
    write_drafts(args.out, drafts, args.article.read_text(encoding="utf-8"), args.article.name)
    print(
        f"ok: {len(drafts.statements)} statements, {len(drafts.events)} events, "
        f"{len(drafts.actors)} new actors written to {args.out}"
    )
    return 0
