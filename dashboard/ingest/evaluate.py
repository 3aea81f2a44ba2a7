"""Score the drafts of the seed articles against the hand-built data: `python -m dashboard.ingest.evaluate`.

With no arguments it scores two sets apart, each with its table and every miss: the seed articles
(../shared/seeds against data/) and the invented corpus (tests/ingest/unseen, articles and key in
one folder). `--seeds DIR [--data DIR]` scores one set; --data defaults to --seeds itself.

For each seed article (sources.csv `seed_file`), the quotes to find are the statements with
is_direct_quote = true whose source_ids include that source: a row recoded as not direct
(a scare quote, a saying) drops out of the key by itself. Quotes match verbatim up to
whitespace, quote marks, dashes and the punctuation at their ends.

- recall: key quotes drafted; precision: drafted quotes that are key quotes;
- speakers: matched quotes with the key's speaker (an anonymous key speaker needs an anonymous draft);
- dates: matched quotes whose said range equals the key's ("exact"), or covers it and is at most a
  month wide ("covers": the article gave only the month, the key has the day from another source);
- events: the key's events of that source that a drafted event covers, at most a month wide
  (or as wide as the key's own range).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.data.quotes import normalise
from dashboard.ingest.cli import draft, read_csv
from dashboard.ingest.rows import Drafts

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS = (PROJECT_ROOT / ".." / "shared" / "seeds").resolve()
DEFAULT_DATA = PROJECT_ROOT / "data"
# The invented wire stories with their hand-marked key (articles, sources and key in one folder).
CORPUS = PROJECT_ROOT / "tests" / "ingest" / "unseen"
_MONTH_DAYS = 31


@dataclass
class SeedScore:
    seed: str
    source_id: str
    key_quotes: int = 0
    found: int = 0
    drafted: int = 0
    drafted_right: int = 0
    speakers_right: int = 0
    dates_exact: int = 0
    dates_cover: int = 0
    key_events: int = 0
    events_found: int = 0
    drafted_events: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: SeedScore) -> None:
        for name in ("key_quotes", "found", "drafted", "drafted_right", "speakers_right", "dates_exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("dates_cover", "key_events", "events_found", "drafted_events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses


def match_key(quote: str) -> str:
    return normalise(quote).strip(' .,;:!?"-\u2026')


def score_seed(seed: Path, source: dict[str, str], data_dir: Path) -> SeedScore:
    published = dt.date.fromisoformat(source["published"])
    _, drafts = draft(seed, published, data_dir, source["source_id"])
    score = SeedScore(seed.name, source["source_id"])
    key = [s for s in read_csv(data_dir / "statements.csv") if _is_key_quote(s, source["source_id"])]
    _score_quotes(score, key, drafts, _anonymous_ids(data_dir))
    _score_events(score, data_dir, drafts)
    return score


def _is_key_quote(statement: dict[str, str], source_id: str) -> bool:
    return statement["is_direct_quote"] == "true" and source_id in statement["source_ids"].split(";")


def _anonymous_ids(data_dir: Path) -> set[str]:
    return {a["actor_id"] for a in read_csv(data_dir / "actors.csv") if a["anonymous"] == "true"}


def _score_quotes(score: SeedScore, key: list[dict[str, str]], drafts: Drafts, anonymous: set[str]) -> None:
    drafted = {match_key(row["quote"]): row for row in drafts.statements}
    anonymous |= {a["actor_id"] for a in drafts.actors if a["anonymous"] == "true"}
    keyed = {match_key(row["quote"]) for row in key}
    score.key_quotes, score.drafted = len(key), len(drafts.statements)
    score.drafted_right = sum(1 for quote in drafted if quote in keyed)
    for row in key:
        got = drafted.get(match_key(row["quote"]))
        if got is None:
            score.misses.append(f"recall: {row['statement_id']} not drafted")
            continue
        score.found += 1
        same = got["speaker_id"] == row["speaker_id"]
        if same or (row["speaker_id"] in anonymous and got["speaker_id"] in anonymous):
            score.speakers_right += 1
        else:
            score.misses.append(f"speaker: {row['statement_id']} is {row['speaker_id']}, drafted {got['speaker_id']}")
        _score_date(score, row, got)
    for quote, row in drafted.items():
        if quote not in keyed:
            score.misses.append(f"precision: {row['statement_id']} is not a key quote: {row['quote'][:60]!r}")


def _score_date(score: SeedScore, key: dict[str, str], got: dict[str, str]) -> None:
    key_range = (key["said_start"], key["said_end"])
    got_range = (got["said_start"], got["said_end"])
    if got_range == key_range:
        score.dates_exact += 1
        score.dates_cover += 1
        return
    if covers(got_range, key_range, _MONTH_DAYS):
        score.dates_cover += 1
        score.misses.append(f"date (covers only): {key['statement_id']} is {key_range}, drafted {got_range}")
    else:
        score.misses.append(f"date: {key['statement_id']} is {key_range}, drafted {got_range}")


def covers(got: tuple[str, str], key: tuple[str, str], widest_days: int) -> bool:
    start, end = dt.date.fromisoformat(got[0]), dt.date.fromisoformat(got[1])
    return got[0] <= key[0] and key[1] <= got[1] and (end - start).days < widest_days


def _score_events(score: SeedScore, data_dir: Path, drafts: Drafts) -> None:
    ranges = [(e["start_date"], e["end_date"]) for e in drafts.events]
    score.drafted_events = len(ranges)
    for event in read_csv(data_dir / "events.csv"):
        if score.source_id not in event["source_ids"].split(";"):
            continue
        score.key_events += 1
        key_range = (event["start_date"], event["end_date"])
        key_days = (dt.date.fromisoformat(key_range[1]) - dt.date.fromisoformat(key_range[0])).days + 1
        if any(covers(got, key_range, max(_MONTH_DAYS, key_days)) for got in ranges):
            score.events_found += 1
        else:
            score.misses.append(f"event: {event['event_id']} {key_range} not drafted")


def evaluate(seeds_dir: Path = DEFAULT_SEEDS, data_dir: Path = DEFAULT_DATA) -> list[SeedScore]:
    sources = [s for s in read_csv(data_dir / "sources.csv") if s["seed_file"]]
    return [score_seed(seeds_dir / s["seed_file"], s, data_dir) for s in sources]


def total(scores: list[SeedScore]) -> SeedScore:
    result = SeedScore("total", "")
    for score in scores:
        result.add(score)
    return result


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "n/a"


def table(scores: list[SeedScore]) -> str:
    columns = ["seed", "source", "recall", "precision", "speakers", "dates exact", "dates covered", "events found"]
    header = "| " + " | ".join([*columns, "events drafted"]) + " |"
    lines = [header, "|---|---|---|---|---|---|---|---|---|"]
    for s in [*scores, total(scores)]:
        lines.append(
            f"| {s.seed} | {s.source_id} | {_percent(s.found, s.key_quotes)} | {_percent(s.drafted_right, s.drafted)} "
            f"| {_percent(s.speakers_right, s.found)} | {_percent(s.dates_exact, s.found)} "
            f"| {_percent(s.dates_cover, s.found)} | {_percent(s.events_found, s.key_events)} | {s.drafted_events} |"
        )
    return "\n".join(lines)


def report(scores: list[SeedScore]) -> str:
    """The table, then every miss."""
    misses = [f"- {score.seed}: {miss}" for score in scores for miss in score.misses]
    return "\n".join([table(scores), "", *misses])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.ingest.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, help=f"one set of articles only (default: {DEFAULT_SEEDS} and {CORPUS})")
    parser.add_argument("--data", type=Path, help=f"its key (default: {DEFAULT_DATA}, or --seeds itself)")
    args = parser.parse_args(argv)
    if args.seeds or args.data:
        seeds = args.seeds or DEFAULT_SEEDS
        print(report(evaluate(seeds, args.data or (seeds if args.seeds else DEFAULT_DATA))))
        return 0
    # With no arguments, both sets, each scored apart: the seeds against data/, and the invented corpus.
    print(f"## Seeds\n\n{report(evaluate(DEFAULT_SEEDS, DEFAULT_DATA))}\n")
    print(f"## Invented corpus\n\n{report(evaluate(CORPUS, CORPUS))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
