"""Synthetic datasets in the real schema, for the benchmark.

`generate(n_events, seed)` returns the nine RAW tables (every cell a str, the
columns of `dashboard.data.schema.TABLES` in order), shaped like the real data
but as large as asked:

- events: kinds with skewed frequencies; precision mostly ``day`` with some
  week / month / year / approximate / undated; ~10% planned, ~3%
  did_not_happen; ~15% of day-dated events last several days; 1–4
  participants (popular actors take part more often); 0–3 issues; dates over
  2009-09 .. 2012-05; ~10% unlocated;
- actors: n/100 (at least 40, at most 2,000) across every affiliation and side;
- statements: ~2 per event, quotes and paraphrases, most tied to an event;
- stances: ~n/20; sources: ~n/10; actor roles: one per two actors;
- issues, positions and phases: the bundled tables (phases cite synthetic sources).

The same (n_events, seed) always gives the same tables. `dataset_dir(n, seed)`
writes them once under ``bench/.cache/`` (git-ignored) and reuses them;
`write_dataset(directory, n, seed)` writes them anywhere. Every dataset passes
`dashboard.data.load.validate_dir`.

    python -m bench.generate 10000 [--seed 0] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from bench import CACHE_DIR
from bench.generate_ledger import ledger_and_disagreements
from bench.vocabulary import (
    ACTOR_KINDS,
    AFFILIATIONS,
    EVENT_KINDS,
    FIRST_NAMES,
    LAST_NAMES,
    OUTLETS,
    PLACES,
    PRECISIONS,
    SOURCE_KINDS,
    STATUSES,
    TOPICS,
    VERBS,
)
from dashboard.data.dataset import TABLE_FILES
from dashboard.data.load import read_table
from dashboard.data.schema import TABLES
from dashboard.paths import BUNDLED_DATA

VERSION = 3  # bump when the output changes, so cached datasets are rebuilt

FIRST_DAY, LAST_DAY = dt.date(2009, 9, 1), dt.date(2012, 5, 31)
# Events generated at once: a million take ~3.4 GB and ~5 minutes. Larger datasets are written a chunk at a time
# (bench/generate.py `_write_in_chunks`), so 5,000,000 events fit in the memory of one million.
CHUNK_EVENTS = 1_000_000


def _pick(rng: np.random.Generator, weights: dict, size: int) -> np.ndarray:
    """`size` keys of `weights` drawn with their relative frequencies."""
    keys = list(weights)
    p = np.array([w[1] if isinstance(w, tuple) else w for w in weights.values()], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=p / p.sum())]


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _days(rng: np.random.Generator, size: int) -> list[dt.date]:
    offsets = rng.integers(0, (LAST_DAY - FIRST_DAY).days + 1, size=size)
    return [FIRST_DAY + dt.timedelta(days=int(o)) for o in offsets]


def _id_lists(rng: np.random.Generator, ids: list[str], counts: np.ndarray, zipf: bool) -> list[str]:
    """A ';'-joined list of up to `count` distinct ids per row; with `zipf`, early ids are picked more often."""
    p = 1.0 / np.arange(1, len(ids) + 1) ** (0.8 if zipf else 0.0)
    candidates = rng.choice(len(ids), size=(len(counts), 8), p=p / p.sum())  # repeats dropped below
    return [
        ";".join(ids[i] for i in list(dict.fromkeys(row))[:count])
        for row, count in zip(candidates.tolist(), counts, strict=True)
    ]


def _event_dates(rng: np.random.Generator, precision: str, start: dt.date) -> tuple[dt.date, dt.date, str]:
    """(start, end, date_note) covering every day an event of this precision may have been on."""
    if precision == "day":
        length = int(rng.integers(1, 5)) if rng.random() < 0.15 else 0
        return start, start + dt.timedelta(days=length), ""
    if precision == "week":
        monday = start - dt.timedelta(days=start.weekday())
        return monday, monday + dt.timedelta(days=6), "'last week' resolved against the report's date"
    if precision == "month":
        first = start.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first, last, "'in the month' resolved against the report's date"
    if precision == "year":
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "the source gives only the year"
    if precision == "approximate":
        return start, start + dt.timedelta(days=int(rng.integers(2, 11))), "a window around the report"
    return start, start, "no date given; the date of the report"  # undated


def _sources(rng: np.random.Generator, n: int) -> pd.DataFrame:
    ids = [f"src_{i:06d}" for i in range(n)]
    kinds = _pick(rng, SOURCE_KINDS, n)
    outlets = rng.choice(OUTLETS, size=n)
    days = _days(rng, n)
    precision = np.where(rng.random(n) < 0.9, "day", rng.choice(["week", "month", "year", "unknown"], size=n))
    return pd.DataFrame(
        {
            "source_id": ids,
            "kind": kinds,
            "outlet": outlets,
            "title": [f"{o} on {t} ({i})" for o, t, i in zip(outlets, rng.choice(TOPICS, size=n), ids, strict=True)],
            "published": ["" if p == "unknown" else _iso(d) for p, d in zip(precision, days, strict=True)],
            "published_precision": precision,
            "url": [f"https://example.org/{i}" if rng.random() < 0.85 else "" for i in ids],
            "wire_service": rng.choice(["", "", "", "Reuters", "AFP"], size=n),
            "seed_file": "",
            "confidence": rng.choice(["H", "M"], size=n, p=[0.6, 0.4]),
            "note": "",
        }
    )


def _one_source_each(rng: np.random.Generator, source_ids: list[str], n: int, most: int = 3) -> list[str]:
    return _id_lists(rng, source_ids, rng.integers(1, most + 1, size=n), zipf=False)


def _actors(rng: np.random.Generator, n: int, source_ids: list[str]) -> pd.DataFrame:
    ids = [f"actor_{i:05d}" for i in range(n)]
    affiliations = _pick(rng, AFFILIATIONS, n)
    affiliations[: len(AFFILIATIONS)] = list(AFFILIATIONS)  # every affiliation at least once
    kinds = _pick(rng, ACTOR_KINDS, n)
    names = [
        f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" if k == "person" else f"{a} {k} {i}"
        for i, (k, a) in enumerate(zip(kinds, affiliations, strict=True))
    ]
    return pd.DataFrame(
        {
            "actor_id": ids,
            "name": names,
            "kind": kinds,
            "affiliation": affiliations,
            "side": [AFFILIATIONS[a][0] for a in affiliations],
            "anonymous": np.where(rng.random(n) < 0.03, "true", "false"),
            "description": [f"A {k} of {a} (synthetic)." for k, a in zip(kinds, affiliations, strict=True)],
            "source_ids": _one_source_each(rng, source_ids, n, 2),
        }
    )


def _actor_roles(rng: np.random.Generator, actor_ids: list[str], source_ids: list[str]) -> pd.DataFrame:
    holders = actor_ids[::2]
    n = len(holders)
    starts = _days(rng, n)
    ends = [s + dt.timedelta(days=int(d)) for s, d in zip(starts, rng.integers(30, 900, size=n), strict=True)]
    open_start, open_end = rng.random(n) < 0.3, rng.random(n) < 0.5
    return pd.DataFrame(
        {
            "role_id": [f"role_{i:05d}" for i in range(n)],
            "actor_id": holders,
            "role": rng.choice(["Minister", "Ambassador", "Spokesman", "Envoy", "Chief of staff"], size=n),
            "start_date": ["" if o else _iso(s) for o, s in zip(open_start, starts, strict=True)],
            "end_date": ["" if o else _iso(e) for o, e in zip(open_end, ends, strict=True)],
            "source_ids": _one_source_each(rng, source_ids, n, 2),
            "note": "",
        }
    )


def _events(
    rng: np.random.Generator, n: int, actor_ids: list[str], issue_ids: list[str], source_ids: list[str], first: int = 0
) -> pd.DataFrame:
    kinds = _pick(rng, EVENT_KINDS, n)
    statuses = _pick(rng, STATUSES, n)
    precisions = _pick(rng, PRECISIONS, n)
    dates = [_event_dates(rng, p, d) for p, d in zip(precisions, _days(rng, n), strict=True)]
    places = [PLACES[i] for i in rng.integers(0, len(PLACES), size=n)]
    first_public = []
    for status, precision, (start, end, _) in zip(statuses, precisions, dates, strict=True):
        if status == "planned" or status == "did_not_happen":
            first_public.append(start - dt.timedelta(days=int(rng.integers(7, 120))))
        else:
            first_public.append(start if precision == "day" else end)
    ids = [f"ev_{i:06d}" for i in range(first, first + n)]
    topics = rng.choice(TOPICS, size=n)
    return pd.DataFrame(
        {
            "event_id": ids,
            "title": [
                f"{k.replace('_', ' ').capitalize()} on {t}" + (f" in {p[0]}" if p[0] else "")
                for k, t, p in zip(kinds, topics, places, strict=True)
            ],
            "kind": kinds,
            "status": statuses,
            "start_date": [_iso(d[0]) for d in dates],
            "end_date": [_iso(d[1]) for d in dates],
            "date_precision": precisions,
            "date_note": [d[2] for d in dates],
            "place": [p[0] for p in places],
            "latitude": [p[1] for p in places],
            "longitude": [p[2] for p in places],
            "participant_ids": _id_lists(rng, actor_ids, rng.integers(1, 5, size=n), zipf=True),
            "issue_ids": _id_lists(rng, issue_ids, rng.choice(4, size=n, p=[0.2, 0.45, 0.25, 0.1]), zipf=False),
            "summary": [
                f"Officials {v} {t} (synthetic event {i})."
                for v, t, i in zip(rng.choice(VERBS, size=n), topics, ids, strict=True)
            ],
            "source_ids": _one_source_each(rng, source_ids, n),
            "first_public": [_iso(d) for d in first_public],
            "confidence": rng.choice(["H", "M"], size=n, p=[0.7, 0.3]),
        }
    )


def _statements(
    rng: np.random.Generator,
    n: int,
    events: pd.DataFrame,
    actor_ids: list[str],
    positions: pd.DataFrame,
    source_ids: list[str],
    first: int = 0,
) -> pd.DataFrame:
    at_event = rng.random(n) < 0.7
    event_rows = rng.integers(0, len(events), size=n)
    own_days = _days(rng, n)
    said, event_ids = [], []
    for tied, row, day in zip(at_event, event_rows, own_days, strict=True):
        if tied:
            said.append(dt.date.fromisoformat(str(events["start_date"].iat[row])))
            event_ids.append(events["event_id"].iat[row])
        else:
            said.append(day)
            event_ids.append("")
    position_of = {str(issue): list(ids) for issue, ids in positions.groupby("issue_id")["position_id"]}
    issues = rng.choice(sorted(position_of), size=n)
    quoted = rng.random(n) < 0.6
    topics, verbs = rng.choice(TOPICS, size=n), rng.choice(VERBS, size=n)
    return pd.DataFrame(
        {
            "statement_id": [f"st_{i:07d}" for i in range(first, first + n)],
            "speaker_id": rng.choice(actor_ids, size=n),
            "said_start": [_iso(d) for d in said],
            "said_end": [_iso(d) for d in said],
            "said_precision": np.where(rng.random(n) < 0.9, "day", "undated"),
            "reported_date": [
                _iso(d + dt.timedelta(days=int(k))) for d, k in zip(said, rng.integers(0, 3, size=n), strict=True)
            ],
            "event_id": event_ids,
            "quote": [
                f"We {v} {t}, and we will keep saying so." if q else ""
                for q, v, t in zip(quoted, verbs, topics, strict=True)
            ],
            "paraphrase": [
                "" if q else f"Says the other side must {v} {t}." for q, v, t in zip(quoted, verbs, topics, strict=True)
            ],
            "is_direct_quote": np.where(quoted, "true", "false"),
            "issue_id": issues,
            "position_id": [rng.choice(position_of[i]) if rng.random() < 0.7 else "" for i in issues],
            "via": [rng.choice(actor_ids) if rng.random() < 0.05 else "" for _ in range(n)],
            "source_ids": _one_source_each(rng, source_ids, n, 2),
            "note": "",
        }
    )


def _stances(
    rng: np.random.Generator, n: int, statements: pd.DataFrame, source_ids: list[str], first: int = 0
) -> pd.DataFrame:
    backed = statements[statements["position_id"] != ""]
    rows = backed.iloc[rng.choice(len(backed), size=min(n, len(backed)), replace=False)]
    m = len(rows)
    return pd.DataFrame(
        {
            "stance_id": [f"sn_{i:06d}" for i in range(first, first + m)],
            "actor_id": rows["speaker_id"].to_numpy(),
            "issue_id": rows["issue_id"].to_numpy(),
            "position_id": rows["position_id"].to_numpy(),
            "as_of": rows["said_start"].to_numpy(),
            "date_precision": rows["said_precision"].to_numpy(),
            "statement_id": rows["statement_id"].to_numpy(),  # the evidence rule: every stance cites one
            "also_statement_ids": "",
            "basis": "Coded from the speaker's statement (synthetic).",
            "source_ids": _one_source_each(rng, source_ids, m, 2),
        }
    )


def _bundled_table(name: str) -> pd.DataFrame:
    frame, problems = read_table(BUNDLED_DATA / TABLE_FILES[name])
    if frame is None:
        raise ValueError(f"the bundled {TABLE_FILES[name]} cannot be read: {problems}")
    return frame


def generate(n_events: int, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The nine raw tables (str cells, schema column order) of a synthetic dataset of `n_events` events."""
    rng = np.random.default_rng([seed, n_events])
    bundled = {name: _bundled_table(name) for name in ("issues", "positions", "phases")}
    sources = _sources(rng, max(20, n_events // 10))
    source_ids = list(sources["source_id"])
    actors = _actors(rng, int(np.clip(n_events // 100, 40, 2000)), source_ids)
    actor_ids = list(actors["actor_id"])
    issue_ids = list(bundled["issues"]["issue_id"])
    events = _events(rng, n_events, actor_ids, issue_ids, source_ids)
    statements = _statements(rng, 2 * n_events, events, actor_ids, bundled["positions"], source_ids)
    phases = bundled["phases"].copy()
    phases["source_ids"] = source_ids[: len(phases)]
    tables = {
        "sources": sources,
        "actors": actors,
        "actor_roles": _actor_roles(rng, actor_ids, source_ids),
        "issues": bundled["issues"],
        "positions": bundled["positions"],
        "events": events,
        "statements": statements,
        "stances": _stances(rng, max(10, n_events // 20), statements, source_ids),
        "phases": phases,
        **ledger_and_disagreements(statements, events, source_ids),
    }
    # Tables added after the generator (event links, story steps): written empty.
    tables.update({name: pd.DataFrame(columns=TABLES[name].columns) for name in TABLES if name not in tables})
    return {name: tables[name][TABLES[name].columns].astype(str).reset_index(drop=True) for name in TABLES}


def write_dataset(directory: str | Path, n_events: int, seed: int = 0) -> Path:
    """Write the dataset's CSV files into `directory` (created if needed): above CHUNK_EVENTS events, a chunk
    at a time."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if n_events > CHUNK_EVENTS:
        _write_in_chunks(directory, n_events, seed)
        return directory
    for name, frame in generate(n_events, seed).items():
        _write_csv(frame, directory / TABLE_FILES[name])
    return directory


def _write_csv(frame: pd.DataFrame, path: Path, append: bool = False) -> None:
    frame.to_csv(path, mode="a" if append else "w", header=not append, index=False, lineterminator="\n")


def _write_in_chunks(directory: Path, n_events: int, seed: int) -> None:
    """A dataset of more than CHUNK_EVENTS events, written CHUNK_EVENTS at a time: each chunk's events, their
    statements (tied to events of the same chunk) and stances are appended to the files, so memory holds one
    chunk and the small tables. Deterministic for (n_events, seed), like `generate`."""
    rng = np.random.default_rng([seed, n_events])
    bundled = {name: _bundled_table(name) for name in ("issues", "positions", "phases")}
    sources = _sources(rng, n_events // 10)
    source_ids = list(sources["source_id"])
    actors = _actors(rng, 2000, source_ids)
    actor_ids, issue_ids = list(actors["actor_id"]), list(bundled["issues"]["issue_id"])
    tables = {"sources": sources, "actors": actors, "actor_roles": _actor_roles(rng, actor_ids, source_ids)}
    for chunk, first in enumerate(range(0, n_events, CHUNK_EVENTS)):
        size, chunk_rng = min(CHUNK_EVENTS, n_events - first), np.random.default_rng([seed, n_events, chunk])
        events = _events(chunk_rng, size, actor_ids, issue_ids, source_ids, first)
        statements = _statements(chunk_rng, 2 * size, events, actor_ids, bundled["positions"], source_ids, 2 * first)
        stances = _stances(chunk_rng, size // 20, statements, source_ids, first // 20)
        for name, frame in (("events", events), ("statements", statements), ("stances", stances)):
            _write_csv(frame[TABLES[name].columns].astype(str), directory / TABLE_FILES[name], append=chunk > 0)
        if chunk == 0:
            tables.update(ledger_and_disagreements(statements, events, source_ids))
    phases = bundled["phases"].copy()
    phases["source_ids"] = source_ids[: len(phases)]
    tables.update(issues=bundled["issues"], positions=bundled["positions"], phases=phases)
    for name in TABLES:
        if name not in ("events", "statements", "stances"):
            frame = tables.get(name, pd.DataFrame(columns=TABLES[name].columns))
            _write_csv(frame[TABLES[name].columns].astype(str), directory / TABLE_FILES[name])


def dataset_dir(n_events: int, seed: int = 0) -> Path:
    """The cached dataset directory for (n_events, seed), generated on first use."""
    directory = CACHE_DIR / f"v{VERSION}-{n_events}-seed{seed}"
    done = directory / ".complete"
    if not done.exists():
        write_dataset(directory, n_events, seed)
        done.touch()
    return directory


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic dataset in the real schema.")
    parser.add_argument("n_events", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", help="directory (default: the cache under bench/.cache/)")
    args = parser.parse_args(argv)
    path = write_dataset(args.out, args.n_events, args.seed) if args.out else dataset_dir(args.n_events, args.seed)
    print(path)


if __name__ == "__main__":
    main()
