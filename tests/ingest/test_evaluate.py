"""The evaluation against the hand-built data, with the measured figures as floors (docs/ingest.md).

The seeds live beside the clone (../shared/seeds), as for tests/data/test_bundled_data.py.
The key is read as it is: rows recoded as not direct quotes leave it by themselves.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.ingest.evaluate import SeedScore, evaluate, main, table, total

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = (PROJECT_ROOT / ".." / "shared" / "seeds").resolve()
UNSEEN_DIR = Path(__file__).resolve().parent / "unseen"
HELDOUT_DIR = Path(__file__).resolve().parent / "heldout"
HELDOUT2_DIR = Path(__file__).resolve().parent / "heldout2"
HELDOUT3_DIR = Path(__file__).resolve().parent / "heldout3"


def _rates(score: SeedScore) -> dict[str, float]:
    return {
        "recall": score.found / score.key_quotes,
        "precision": score.drafted_right / score.drafted,
        "speakers": score.speakers_right / score.found,
        "dates_exact": score.dates_exact / score.found,
        "dates_covered": score.dates_cover / score.found,
        "events": score.events_found / score.key_events,
    }


def _assert_floors(rates: dict[str, float], floors: dict[str, float]) -> None:
    below = {name: round(rates[name], 3) for name, floor in floors.items() if rates[name] < floor}
    assert below == {}, f"below the floors {floors}"


def test_seed_articles_meet_the_measured_floors():
    assert SEEDS_DIR.is_dir(), f"seed articles not found at {SEEDS_DIR}"
    scores = evaluate(SEEDS_DIR)
    assert len(scores) == 5
    rates = _rates(total(scores))
    # Measured on the bundled data (after the audit's fixes): quotes 41/41, precision 41/41, speakers 41/41,
    # dates 35/41 exact and 39/41 covered, events 30/33 (docs/ingest.md lists every miss).
    floors = {"recall": 1.0, "precision": 1.0, "speakers": 1.0, "dates_exact": 0.85, "dates_covered": 0.95}
    _assert_floors(rates, {**floors, "events": 0.9})
    assert "| total |" in table(scores)


def test_unseen_invented_articles_meet_the_measured_floors():
    scores = evaluate(UNSEEN_DIR, UNSEEN_DIR)
    assert len(scores) == 14
    rates = _rates(total(scores))
    # Measured on the 14 invented articles (two of them saved pages): quotes 113/113, precision 113/113,
    # speakers 113/113, dates 113/113 exact, events 77/77. The blind run of the ten newest gave 84% recall, 93%
    # precision, 95% speakers and 85% dates (docs/ingest-corpus-blind-run.txt; docs/ingest.md, before and after).
    floors = {"recall": 1.0, "precision": 1.0, "speakers": 1.0, "dates_exact": 1.0, "dates_covered": 1.0}
    _assert_floors(rates, {**floors, "events": 1.0})


def test_the_held_out_articles_meet_the_measured_floors():
    scores = evaluate(HELDOUT_DIR, HELDOUT_DIR)
    assert len(scores) == 6
    rates = _rates(total(scores))
    # The 6 invented wire stories of tests/ingest/heldout, scored for the first time after the rules were tuned on
    # the seeds and tests/ingest/unseen: quotes 56/56, precision 56/57 (98.2%), speakers 51/56 (91.1%), dates 52/56
    # exact (92.9%), events 48/51. The rules were then tuned on these misses (docs/ingest.md, "The held-out set"),
    # so the figures below are a fit, no longer an estimate: quotes 56/56, precision 56/56, speakers 56/56, dates
    # 56/56 exact, events 51/51. How far the rules generalise is for a set they have not seen.
    floors = {"recall": 1.0, "precision": 1.0, "speakers": 1.0, "dates_exact": 1.0, "dates_covered": 1.0}
    _assert_floors(rates, {**floors, "events": 1.0})


def test_with_no_arguments_the_seeds_and_the_corpus_are_reported_apart(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    seeds, corpus = out.split("## Invented corpus")
    assert seeds.startswith("## Seeds") and "| 000_a9d569534e6f2b7a.txt |" in seeds and "| total |" in seeds
    assert "| reuters_2033_03_08.txt |" in corpus and "| total |" in corpus and "000_a9d" not in corpus


def test_a_key_row_recoded_as_not_direct_leaves_the_key(tmp_path):
    """So the audit's recoding of a scare quote counts as a right skip, not a miss."""
    for name in ("sources.csv", "actors.csv", "events.csv"):
        (tmp_path / name).write_text((UNSEEN_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    key = (UNSEEN_DIR / "statements.csv").read_text(encoding="utf-8")
    extra = "hw_corridor,kestrel,2031-06-18,2031-06-18,corridor,{flag},hw_2031_06_19\n"
    (tmp_path / "statements.csv").write_text(key + extra.format(flag="true"), encoding="utf-8")
    before = evaluate(UNSEEN_DIR, tmp_path)[0]
    assert (before.found, before.key_quotes) == (10, 11)
    (tmp_path / "statements.csv").write_text(key + extra.format(flag="false"), encoding="utf-8")
    after = evaluate(UNSEEN_DIR, tmp_path)[0]
    assert (after.found, after.key_quotes) == (10, 10)


def test_the_second_held_out_articles_meet_the_measured_floors():
    scores = evaluate(HELDOUT2_DIR, HELDOUT2_DIR)
    assert len(scores) == 6
    rates = _rates(total(scores))
    # The 6 invented wire stories of tests/ingest/heldout2, scored for the first time after the rules were tuned on
    # the seeds, tests/ingest/unseen and tests/ingest/heldout: quotes 55/55, precision 55/55, speakers 50/55 (90.9%),
    # dates 49/55 exact (89.1%), 51/55 covered, events 55/56. The rules were then tuned on these misses
    # (docs/ingest.md, "The second held-out set"), so the figures below are a fit, not an estimate: quotes 55/55,
    # precision 55/55, speakers 54/55 (98.2%; one miss left on purpose), dates 55/55 exact, events 56/56.
    floors = {"recall": 1.0, "precision": 1.0, "speakers": 0.98, "dates_exact": 1.0, "dates_covered": 1.0}
    _assert_floors(rates, {**floors, "events": 1.0})


def test_articles_the_rules_were_never_tuned_on_meet_the_targets():
    """The issue's targets on articles never seen (recall, precision, speakers >= 95%, dates >= 90%), on the 8 stories
    of tests/ingest/heldout3: written blind to the rules, and no rule was changed after their first score."""
    scores = evaluate(HELDOUT3_DIR, HELDOUT3_DIR)
    assert len(scores) == 8
    rates = _rates(total(scores))
    # Measured, first run: quotes 70/71 (98.6%), precision 70/71, speakers 68/70 (97.1%), dates 63/70 exact (90.0%),
    # events 79/82 (docs/ingest.md, "The third held-out set", lists each miss).
    floors = {"recall": 0.95, "precision": 0.95, "speakers": 0.95, "dates_exact": 0.90, "dates_covered": 0.90}
    _assert_floors(rates, {**floors, "events": 0.95})


def test_the_corpus_with_no_named_person_known_to_the_data(tmp_path):
    """Every named speaker left out of actors.csv: each must be found as a new person from the article alone (a
    surname as the subject of a saying verb, its fuller form elsewhere), with the id the key gives (the surname)."""
    folder = _without_named_people(UNSEEN_DIR, tmp_path)
    rates = _rates(total(evaluate(folder, folder)))
    # Measured: speakers 113/113, as with the people known.
    _assert_floors(rates, {"recall": 1.0, "precision": 1.0, "speakers": 1.0, "dates_exact": 1.0})


def test_the_held_out_set_with_no_named_person_known_to_the_data(tmp_path):
    folder = _without_named_people(HELDOUT_DIR, tmp_path)
    rates = _rates(total(evaluate(folder, folder)))
    # First run (rules as before the held-out set's misses): speakers 49/56, dates 52/56. After: 56/56 and 56/56,
    # as with the people known (a surname met before its full name, 'W was …', is the person named in full).
    _assert_floors(rates, {"recall": 1.0, "precision": 1.0, "speakers": 1.0, "dates_exact": 1.0})


def test_the_second_held_out_set_with_no_named_person_known_to_the_data(tmp_path):
    folder = _without_named_people(HELDOUT2_DIR, tmp_path)
    rates = _rates(total(evaluate(folder, folder)))
    # First run: speakers 50/55, dates 49/55, as with the people known. After: 54/55 and 55/55.
    _assert_floors(rates, {"recall": 1.0, "precision": 1.0, "speakers": 0.98, "dates_exact": 1.0})


def _without_named_people(source: Path, tmp_path: Path) -> Path:
    """A copy of a set whose actors.csv lists no named person: each must be found from the article alone."""
    for path in source.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    actors = (source / "actors.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in actors if ",person,false" not in line]
    (tmp_path / "actors.csv").write_text("".join(kept), encoding="utf-8")
    return tmp_path
