"""`python -m dashboard merge DRAFTS --data DIR [--articles DIR] [--no-quote-check]`.

Adds an editor's reviewed draft rows to a record and loses nothing. `plan_merge` only reads: it takes every CSV in
DRAFTS named as a table of the record, sets aside the rows already in it, refuses a row whose id the record has with
other content, checks the WHOLE merged record (the validator, with the cross-table checks and the evidence rule, on a
scratch copy) and every new direct quote against its source's article. Only a plan with no problems is written, by
`merge_write.write_tables` (after a backup, all tables or none). A problem in a new row is given at its row of the
DRAFTS file. New rows are appended to each table's text as it is, in the record's column order and line endings,
quoted only where needed (as the bundled tables are), so a diff shows only added lines.
"""

from __future__ import annotations

import argparse
import csv
import io
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from dashboard.data.dataset import ID_COLUMNS, TABLE_FILES
from dashboard.data.load import read_table, validate_dir
from dashboard.data.problems import Problem, show
from dashboard.data.quotes import quote_in_text
from dashboard.ingest.merge_write import MergeInterrupted, scratch_record, write_tables
from dashboard.ingest.rows import REVIEW_COLUMNS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# The source articles (sources.csv's seed_file) live beside the project, or beside the folder of a git worktree of
# it: the nearest shared/seeds up, as tests/data/test_bundled_data.py finds them.
DEFAULT_ARTICLES = next(
    (folder / "shared" / "seeds" for folder in PROJECT_ROOT.parents if (folder / "shared" / "seeds").is_dir()),
    PROJECT_ROOT.parent / "shared" / "seeds",
)
# The title ingest gives an event (rows._event_row): an event still titled so has not been reviewed.
PLACEHOLDER_TITLE = "Draft:"
# The order tables are counted in on success: ingest's three first.
FIRST = ("statements", "events", "actors")
REPORT_ORDER = (*FIRST, *(table for table in TABLE_FILES if table not in FIRST))

Row = dict[str, str]


@dataclass(frozen=True)
class Sheet:
    """One CSV as read: its path, header, and data rows with their row numbers as a spreadsheet shows them."""

    path: Path
    header: list[str]
    rows: list[tuple[int, Row]]


@dataclass(frozen=True)
class Plan:
    texts: dict[str, str]  # file name -> the table's whole new text, for each table that gains rows
    bases: dict[str, bytes]  # file name -> the bytes of the table the plan was made from
    added: dict[str, list[tuple[int, Row]]]  # table -> its new rows, with their row numbers in DRAFTS
    skipped: int  # rows of DRAFTS already in the record
    notes: list[str]


def add_parser(commands: argparse._SubParsersAction) -> None:
    merge = commands.add_parser(
        "merge",
        help="add reviewed draft rows to a record, after checking the whole record",
        description="Append the rows of each CSV in DRAFTS named as a table of the record (statements.csv, "
        "events.csv, actors.csv, sources.csv, …) to the tables in DIR. The merged record is checked whole first "
        "(the validator, ids, direct quotes against their articles); any problem is printed as "
        "file:row:column: message and nothing is written. Rows already in the record are skipped.",
    )
    merge.add_argument("drafts", type=Path, metavar="DRAFTS", help="the folder of reviewed draft CSVs")
    merge.add_argument("--data", required=True, type=Path, metavar="DIR", help="the record to add them to")
    merge.add_argument(
        "--articles",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where sources' seed_file articles are, besides DRAFTS (default: {DEFAULT_ARTICLES})",
    )
    merge.add_argument(
        "--no-quote-check",
        action="store_true",
        help="merge direct quotes without checking them against their articles (when no text of the article is kept)",
    )


def run_merge(args: argparse.Namespace) -> int:
    articles = args.articles or DEFAULT_ARTICLES
    usage = usage_error(args.drafts, args.data, args.articles)
    if usage:
        print(f"error: {usage}")
        return 2
    plan, problems = plan_merge(args.drafts, args.data, None if args.no_quote_check else articles)
    for note in plan.notes:
        print(note)
    if problems:
        for problem in problems:
            print(problem)
        print(f"refused: {len(problems)} problem(s); nothing was written to {args.data}")
        return 1
    if not plan.texts:
        print(f"ok: 0 new rows ({plan.skipped} already in the record); nothing written to {args.data}")
        return 0
    try:
        backup = write_tables(args.data, plan.texts, plan.bases)
    except MergeInterrupted as err:
        print(f"error: {err}")
        return 1
    counts = ", ".join(f"{len(plan.added[t])} {t}" for t in REPORT_ORDER if t in plan.added)
    print(f"ok: merged {counts} into {args.data} (backup: {backup})")
    return 0


def usage_error(drafts: Path, data: Path, articles: Path | None) -> str | None:
    """What is wrong with the folders given, if anything."""
    for what, folder in (("DRAFTS", drafts), ("--data", data), ("--articles", articles)):
        if folder is not None and not folder.is_dir():
            return f"{what} {folder} is not a folder"
    if drafts.resolve() == data.resolve():
        return f"DRAFTS and --data are the same folder ({data}); drafts are merged from their own folder"
    if not any((drafts / name).is_file() for name in TABLE_FILES.values()):
        return f"{drafts} has no CSV named as a table of the record ({', '.join(TABLE_FILES.values())})"
    return None


def plan_merge(drafts_dir: Path, data_dir: Path, articles_dir: Path | None) -> tuple[Plan, list[Problem]]:
    """The merge to make and every problem that stops it; `articles_dir` None skips the quote check."""
    drafts, notes, problems = read_drafts(drafts_dir, data_dir)
    record: dict[str, Sheet] = {}
    added: dict[str, list[tuple[int, Row]]] = {}
    skipped = 0
    for table, draft in drafts.items():
        sheet, read_problems = read_sheet(data_dir / TABLE_FILES[table])
        column_problems, note = check_columns(draft, [] if sheet is None else sheet.header)
        problems += read_problems + column_problems
        notes += [note] if note else []
        if sheet is None or column_problems:
            continue
        record[table] = sheet
        added[table], row_problems, same = new_rows(table, draft, sheet)
        problems += row_problems
        skipped += same
    # Read as bytes: read_text would turn the tables' line endings into "\n".
    bases = {TABLE_FILES[table]: record[table].path.read_bytes() for table, rows in added.items() if rows}
    texts = {
        TABLE_FILES[table]: appended_text(bases[TABLE_FILES[table]].decode("utf-8"), record[table].header, rows)
        for table, rows in added.items()
        if rows
    }
    if texts:
        problems += check_record(data_dir, drafts_dir, texts, record, added)
    if articles_dir is None:
        notes.append("note: --no-quote-check: direct quotes were not checked against their articles")
    elif added.get("statements"):
        problems += quote_problems(drafts_dir, data_dir, added, articles_dir)
    return Plan(texts, bases, added, skipped, notes), problems


def read_sheet(path: Path) -> tuple[Sheet | None, list[Problem]]:
    """The CSV at `path`, or the problems that stop it being read (at `path`, as given)."""
    frame, problems = read_table(path)
    if frame is None:
        return None, [Problem(str(path), p.row, p.column, p.message) for p in problems]
    records = frame.to_dict("records")
    rows = [(int(n), {str(c): str(v) for c, v in r.items()}) for n, r in zip(frame.index, records, strict=True)]
    return Sheet(path, [str(c) for c in frame.columns], rows), []


def read_drafts(drafts_dir: Path, data_dir: Path) -> tuple[dict[str, Sheet], list[str], list[Problem]]:
    """table -> its sheet in DRAFTS (in the codebook's order), one-line notes, and the problems of the files."""
    tables = {file_name: table for table, file_name in TABLE_FILES.items()}
    drafts: dict[str, Sheet] = {}
    notes: list[str] = []
    problems: list[Problem] = []
    for path in sorted(drafts_dir.glob("*.csv")):
        table = tables.get(path.name)
        if table is None:
            notes.append(f"note: {path} is not a table of the record; not merged")
        elif not (data_dir / path.name).is_file():
            problems.append(Problem(str(path), None, None, f"{data_dir} has no {path.name}; add the table first"))
        else:
            sheet, read_problems = read_sheet(path)
            problems += read_problems
            if sheet is not None:
                drafts[table] = sheet
    order = list(TABLE_FILES)
    return dict(sorted(drafts.items(), key=lambda item: order.index(item[0]))), notes, problems


def check_columns(draft: Sheet, header: list[str]) -> tuple[list[Problem], str | None]:
    """Problems with a draft's header against the record's (an unknown or a missing column), and a note naming
    the review columns ingest adds, which are dropped."""
    if not header:
        return [], None  # the record's table cannot be read: reported as such
    extra = [column for column in draft.header if column not in header]
    review = [column for column in extra if column in REVIEW_COLUMNS]
    where = str(draft.path)
    problems = [
        Problem(where, 1, column, "the record's table has no such column; rename or delete it")
        for column in extra
        if column not in REVIEW_COLUMNS
    ]
    problems += [
        Problem(where, 1, column, "missing column (the record's table has it); add it, empty if unknown")
        for column in header
        if column not in draft.header
    ]
    note = f"note: {where}: review columns {', '.join(review)} ignored" if review else None
    return problems, note


def new_rows(table: str, draft: Sheet, record: Sheet) -> tuple[list[tuple[int, Row]], list[Problem], int]:
    """The draft's rows not yet in the record (in the record's column order, with their draft row numbers), the
    problems of its rows (an id the record has with other content, an id twice in the draft, a placeholder), and
    how many rows the record already has as they are."""
    id_column = ID_COLUMNS[table]
    existing = {row.get(id_column, ""): (number, row) for number, row in record.rows}
    seen: dict[str, int] = {}
    rows: list[tuple[int, Row]] = []
    problems: list[Problem] = []
    same = 0
    for number, cells in draft.rows:
        row = {column: cells.get(column, "") for column in record.header}
        key = row.get(id_column, "")
        if key in existing:
            at, old = existing[key]
            differ = [column for column in record.header if old.get(column, "") != row[column]]
            if differ:
                message = (
                    f"{id_column} {show(key)} is already in the record ({record.path} row {at}) with other content;"
                    f" these columns differ: {', '.join(differ)}"
                )
                problems.append(Problem(str(draft.path), number, id_column, message))
            same += not differ
            continue
        if key in seen:
            message = f"{id_column} {show(key)} is also on row {seen[key]} of this file"
            problems.append(Problem(str(draft.path), number, id_column, message))
            continue
        if key:
            seen[key] = number
        problems += placeholder_problems(table, draft.path, number, row)
        rows.append((number, row))
    return rows, problems, same


def placeholder_problems(table: str, path: Path, number: int, row: Row) -> list[Problem]:
    """An event still titled as ingest drafted it ("Draft: talks, 2031-06-19") has not been reviewed."""
    if table == "events" and row.get("title", "").startswith(PLACEHOLDER_TITLE):
        message = f"title {show(row['title'])} is the placeholder ingest wrote; give the event its title"
        return [Problem(str(path), number, "title", message)]
    return []


def appended_text(text: str, header: list[str], rows: list[tuple[int, Row]]) -> str:
    """`text` (a table's CSV, kept byte for byte) with `rows` appended in `header`'s order, in the text's line
    endings, each cell quoted only where it needs to be."""
    first_end = text.find("\n")
    newline = "\r\n" if first_end > 0 and text[first_end - 1] == "\r" else "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerows([row.get(column, "") for column in header] for _, row in rows)
    joint = newline if text and not text.endswith("\n") else ""
    return text + joint + buffer.getvalue()


def check_record(
    data_dir: Path,
    drafts_dir: Path,
    texts: dict[str, str],
    record: dict[str, Sheet],
    added: dict[str, list[tuple[int, Row]]],
) -> list[Problem]:
    """The validator's problems with the whole merged record: one in a new row at its row of the DRAFTS file,
    any other at the record's file."""
    with scratch_record(data_dir, texts) as scratch:
        _, problems = validate_dir(scratch)
    origin = {TABLE_FILES[table]: (len(record[table].rows), rows) for table, rows in added.items()}
    located = []
    for problem in problems:
        existing, rows = origin.get(problem.file, (None, []))
        if existing is not None and problem.row is not None and problem.row >= existing + 2:
            number = rows[problem.row - existing - 2][0]
            located.append(Problem(str(drafts_dir / problem.file), number, problem.column, problem.message))
        else:
            file = str(data_dir / Path(problem.file).name)
            located.append(Problem(file, problem.row, problem.column, problem.message))
    return located


def quote_problems(
    drafts_dir: Path, data_dir: Path, added: dict[str, list[tuple[int, Row]]], articles_dir: Path
) -> list[Problem]:
    """Each new direct quote not verbatim in the article (seed_file) of every source it cites that has one, looked
    for in `articles_dir` and DRAFTS; a direct quote none of whose sources has an article; once per source, an
    article in neither folder."""
    sources = _sources(drafts_dir, data_dir, added)
    search = list(dict.fromkeys([articles_dir, drafts_dir]))
    texts: dict[str, str | None] = {}  # source_id -> its article, read once, if found
    path = str(drafts_dir / TABLE_FILES["statements"])
    problems, unchecked = [], dict.fromkeys(sources, 0)
    for number, row in added["statements"]:
        if row.get("is_direct_quote") != "true" or not row.get("quote"):
            continue
        cited = [s for s in row.get("source_ids", "").split(";") if s]
        if not any(source_id in sources for source_id in cited):
            message = (
                f"a direct quote, but none of its sources ({', '.join(cited) or 'none'}) has a seed_file to check"
                " it against; give the source its article, or merge with --no-quote-check"
            )
            problems.append(Problem(path, number, "quote", message))
        for source_id in (s for s in cited if s in sources):
            if source_id not in texts:
                texts[source_id] = _article(sources[source_id][2], search)
            text = texts[source_id]
            unchecked[source_id] += text is None
            if text is not None and not quote_in_text(row["quote"], text):
                seed_file = show(sources[source_id][2])
                message = f"statement {show(row['statement_id'])}: not verbatim in {seed_file}: {show(row['quote'])}"
                problems.append(Problem(path, number, "quote", message))
    for source_id, count in unchecked.items():
        if count:
            file, number, seed_file = sources[source_id]
            where = " or ".join(str(folder) for folder in search)
            message = f"the article {show(seed_file)} is not in {where}, so {count} new direct quote(s) citing"
            message += f" source {show(source_id)} cannot be checked; give --articles DIR"
            problems.append(Problem(file, number, "seed_file", message))
    return problems


def _sources(
    drafts_dir: Path, data_dir: Path, added: dict[str, list[tuple[int, Row]]]
) -> dict[str, tuple[str, int, str]]:
    """source_id -> (its file, its row, its seed_file), for the record's and the new sources that name an article."""
    sheet, _ = read_sheet(data_dir / TABLE_FILES["sources"])  # a table that cannot be read is reported already
    rows = [(str(data_dir / TABLE_FILES["sources"]), n, r) for n, r in (sheet.rows if sheet is not None else [])]
    rows += [(str(drafts_dir / TABLE_FILES["sources"]), n, r) for n, r in added.get("sources", [])]
    return {row["source_id"]: (file, n, row["seed_file"]) for file, n, row in rows if row.get("seed_file")}


def _article(seed_file: str, search: list[Path]) -> str | None:
    """The text of the article `seed_file` (a bare file name) from the first folder of `search` that has it."""
    if Path(seed_file).name != seed_file:
        return None  # reported by the validator
    found = next((folder / seed_file for folder in search if (folder / seed_file).is_file()), None)
    return None if found is None else article_text(found)


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def article_text(path: Path) -> str:
    """The text of an article file; for a saved page (.html, .htm), its text with the tags dropped and the
    entities decoded, so that `"We <em>will</em> not"` and `&rsquo;` match the words as printed."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() not in (".html", ".htm"):
        return text
    parser = _PageText()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)
