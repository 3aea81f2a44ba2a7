"""Event links as the detail reads them, and the story steps (bundled data)."""

from datetime import date

import pytest

from dashboard.model.event_links import links_between, links_of
from dashboard.model.story import parse_step, step_numbers, story_step
from tests.bundled import bundled_dataset

DATA = bundled_dataset()


def test_new_start_chain_reads_both_ways():
    duma = links_of(DATA, "duma_ratifies_new_start")
    assert list(zip(duma["phrase"], duma["other_event_id"], strict=True)) == [
        ("ratified", "new_start_signed"),
        ("led to", "federation_council_new_start"),
    ]


def test_deadline_reads_as_a_deadline():
    chicago = links_of(DATA, "chicago_summit")
    assert ("was the deadline of", "deal_by_chicago") in set(
        zip(chicago["phrase"], chicago["other_event_id"], strict=True)
    )
    assert links_of(DATA, "domodedovo_bombing").empty


def test_links_between_keeps_only_links_with_both_ends_in_view():
    shown = links_between(DATA, {"new_start_signed", "duma_ratifies_new_start", "chicago_summit"})
    assert list(shown["link_id"]) == ["start_duma"]


def test_every_link_and_step_cites_a_source():
    assert DATA.event_links["source_ids"].map(len).min() >= 1
    assert DATA.story_steps["source_ids"].map(len).min() >= 1


def test_story_has_8_to_15_steps_numbered_from_1():
    numbers = step_numbers(DATA)
    assert 8 <= len(numbers) <= 15 and numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize(("value", "expected"), [("3", 3), (None, 1), ("0", 1), ("99", 1), ("x", 1), ("-2", 1)])
def test_parse_step(value, expected):
    assert parse_step(value, DATA) == expected


def test_step_has_its_event_quotes_and_gap_day():
    step = story_step(DATA, 7)
    assert step.event["event_id"] == "nrc_defence_ministers_2011"
    assert list(step.statements["statement_id"]) == ["re_not_sectoral", "re_serdyukov_fundamental", "re_time_horizon"]
    assert step.gap_day == date(2011, 6, 8)  # the event's last day when gap_day is empty
    assert (step.previous, step.next) == (6, 8)
    last = story_step(DATA, len(step_numbers(DATA)))
    assert last.next is None and story_step(DATA, 1).previous is None
    assert story_step(DATA, 99) is None
