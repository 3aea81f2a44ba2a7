"""Relative dates resolved against the publication date (Wednesday 12 March 2031), with precision."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.ingest.dates import find_dates
from tests.ingest.helpers import PUBLISHED, by_quote, draft

D = dt.date


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        ("Kestrel spoke on Tuesday.", D(2031, 3, 11), D(2031, 3, 11), "day"),
        ("Kestrel spoke yesterday.", D(2031, 3, 11), D(2031, 3, 11), "day"),
        ("Kestrel spoke last week.", D(2031, 3, 3), D(2031, 3, 9), "week"),
        ("Kestrel spoke last month.", D(2031, 2, 1), D(2031, 2, 28), "month"),
        ("A deal is hoped for by next May.", D(2031, 5, 1), D(2031, 5, 31), "month"),
        ("They met last May.", D(2030, 5, 1), D(2030, 5, 31), "month"),
        ("The council will meet in March.", D(2031, 3, 1), D(2031, 3, 31), "month"),
        ("The council met in November.", D(2030, 11, 1), D(2030, 11, 30), "month"),
        ("The talks will resume in June.", D(2031, 6, 1), D(2031, 6, 30), "month"),
        ("The text is due by June.", D(2031, 6, 1), D(2031, 6, 30), "month"),
        ("The mediator has set the round for December.", D(2031, 12, 1), D(2031, 12, 31), "month"),
        ("Inspectors came earlier this month.", D(2031, 3, 1), D(2031, 3, 31), "month"),
        ("The boats left this month.", D(2031, 3, 1), D(2031, 3, 31), "month"),
        ("They signed last November.", D(2030, 11, 1), D(2030, 11, 30), "month"),
        ("A summit in May next year.", D(2032, 5, 1), D(2032, 5, 31), "month"),
        ("Halvorsen spoke after Monday's storm.", D(2031, 3, 10), D(2031, 3, 12), "approximate"),
        ("The ban began on 4 February 2029.", D(2029, 2, 4), D(2029, 2, 4), "day"),
        ("The 2027 war over the banks.", D(2027, 1, 1), D(2027, 12, 31), "year"),
        ("Varga, who has led the talks since 2029, spoke.", D(2029, 1, 1), D(2029, 12, 31), "year"),
        ("The ministers will meet on 20-21 May.", D(2031, 5, 20), D(2031, 5, 21), "day"),
        ("The round ran from February 2 to 4, officials said.", D(2031, 2, 2), D(2031, 2, 4), "day"),
        ("The joint board will publish its catch data from 1 January.", D(2032, 1, 1), D(2032, 1, 1), "day"),
        ("The last boats came home on 20 December.", D(2030, 12, 20), D(2030, 12, 20), "day"),
        ("The storm reached the coast two days ago.", D(2031, 3, 10), D(2031, 3, 10), "day"),
        ("Inspectors boarded the trawler a week ago.", D(2031, 3, 3), D(2031, 3, 9), "week"),
        ("Kestrel spoke to the crews last night.", D(2031, 3, 11), D(2031, 3, 11), "day"),
        ("The crews met over the weekend.", D(2031, 3, 8), D(2031, 3, 9), "approximate"),
    ],
)
def test_relative_dates(sentence, start, end, precision):
    [found] = find_dates(sentence, PUBLISHED)
    assert (found.start, found.end, found.precision) == (start, end, precision)
    assert PUBLISHED.isoformat() in found.note


def test_a_month_without_a_year_takes_the_tense_of_its_whole_sentence():
    sentence = "The round is due to close on 20 March, and the council has called a meeting of the ministers in April."
    months = [d for d in find_dates(sentence, PUBLISHED) if d.precision == "month"]
    assert [(d.start, d.end) for d in months] == [(D(2031, 4, 1), D(2031, 4, 30))]


def test_the_verb_may_is_not_the_month():
    assert find_dates("The council may meet again soon.", PUBLISHED) == []


def test_statement_date_from_its_own_sentence():
    text = '"We need more time," Kestrel said in a radio interview last week.\n'
    [candidate] = draft(text).statements
    assert (candidate.said.start, candidate.said.end, candidate.said.precision) == (
        D(2031, 3, 3),
        D(2031, 3, 9),
        "week",
    )
    assert "last week" in candidate.said.note


def test_statement_without_a_day_takes_the_lead_day_and_says_so():
    text = (
        "Valoria and Brenmark resumed their fisheries talks on Tuesday in the port of Ostrava.\n"
        "The delegations met for six hours behind closed doors at the harbour office.\n"
        '"We are not there yet," Halvorsen said.\n'
    )
    [candidate] = draft(text).statements
    assert (candidate.said.start, candidate.said.precision) == (D(2031, 3, 11), "day")
    assert candidate.said.note.startswith("No day of its own; takes the day of the lead")


def test_statement_without_any_date_is_undated_at_the_publication_date():
    text = 'Brenmark wants a bigger share of the cod quota.\n"We are not there yet," Halvorsen said.\n'
    [candidate] = draft(text).statements
    assert (candidate.said.start, candidate.said.end, candidate.said.precision) == (PUBLISHED, PUBLISHED, "undated")


def test_continued_words_keep_the_date_of_the_words_before():
    text = (
        '"The banks belong to all of us," Kestrel said at a forum in Ostrava last month.\n'
        '"And they will be fished by all of us," Kestrel added.\n'
    )
    quotes = by_quote(draft(text))
    continued = quotes["And they will be fished by all of us"].said
    assert (continued.start, continued.end, continued.precision) == (D(2031, 2, 1), D(2031, 2, 28), "month")
    assert continued.note.startswith("Continues")


def test_events_get_duration_and_status():
    text = (
        "The delegations opened a three-day round of talks on Monday in Ostrava.\n"
        "A final council meeting will be held in June, the mediator said.\n"
    )
    events = {(e.date.start, e.date.end): e for e in draft(text).events}
    assert events[(D(2031, 3, 10), D(2031, 3, 12))].status == "held"
    assert events[(D(2031, 3, 10), D(2031, 3, 12))].kind == "talks"
    assert events[(D(2031, 6, 1), D(2031, 6, 30))].status == "planned"


def _said(text: str, quote: str) -> tuple[dt.date, dt.date]:
    said = by_quote(draft(text))[quote].said
    return said.start, said.end


# A lead giving Tuesday 11 March 2031 as the day of the news, for the paragraphs after it.
LEAD = "Valoria and Brenmark ended a round of fisheries talks on Tuesday without an agreement on cod.\n"


@pytest.mark.parametrize(
    "dateline",
    [
        "Ostrava, 12 March (NORDPRESS). ",
        "OSTRAVA, March 12 (Harbour Wire) - ",
        "OSTRAVA (HW) \u2014 ",
        "OSTRAVA, March 12. /NORDPRESS/. ",
    ],
)
def test_a_dateline_is_the_day_of_filing_not_the_day_of_the_news(dateline):
    text = f'{dateline}Minister Tomas Halvorsen stressed on Tuesday that the quota stays.\n"It stays," he said.\n'
    assert _said(text, "It stays") == (D(2031, 3, 11), D(2031, 3, 11))


def test_a_relative_clause_in_the_lead_is_not_the_news_day():
    text = (
        "The quota commission, which opened its session on Monday, closed it on Tuesday without a figure.\n"
        '"We will try again," Halvorsen said.\n'
    )
    assert _said(text, "We will try again") == (D(2031, 3, 11), D(2031, 3, 11))


def test_a_relative_clause_about_speaking_dates_the_words():
    text = LEAD + 'According to Halvorsen, who spoke to radio on Monday, the quota will be "reviewed every spring."\n'
    assert _said(text, "reviewed every spring") == (D(2031, 3, 10), D(2031, 3, 10))


@pytest.mark.parametrize(
    "opening",
    [
        "Kestrel said at a briefing on Monday that the offer was weak.",
        "Kestrel said yesterday the offer was weak.",
        "Speaking to reporters on Monday, Kestrel said the offer was weak.",
        "Kestrel, in an interview with the Harbour Gazette published on Monday, said the offer was weak.",
        "Kestrel, speaking in Ostrava on Monday, said the offer was weak.",
    ],
)
def test_reported_words_earlier_in_the_paragraph_date_the_quote(opening):
    text = LEAD + f'{opening} "We want more," she said.\n'
    expected = D(2031, 3, 11) if "yesterday" in opening else D(2031, 3, 10)
    said = by_quote(draft(text))["We want more"].said
    assert (said.start, said.end) == (expected, expected)
    assert said.note.startswith("Reported words of the same speaker")


def test_a_participle_clause_about_the_speaker_dates_the_quote():
    text = LEAD + 'The minister, addressing fishermen on Monday, was firm. "No more boats," Halvorsen said.\n'
    assert _said(text, "No more boats") == (D(2031, 3, 10), D(2031, 3, 10))


def test_a_date_inside_the_reported_words_is_not_the_day_they_were_said():
    text = LEAD + (
        "Officials said the last clause, settled only on Monday night, was the hardest. "
        '"We counted every word," one said.\n'
    )
    assert _said(text, "We counted every word") == (D(2031, 3, 11), D(2031, 3, 11))


def test_another_speaker_in_between_stops_the_search_for_a_date():
    text = LEAD + 'Kestrel said on Monday the offer was weak. Halvorsen disagreed. "It is fair," he said.\n'
    assert _said(text, "It is fair") == (D(2031, 3, 11), D(2031, 3, 11))


def test_picture_captions_give_events_but_no_statements():
    text = (
        'Image caption, Kestrel: "We stay" - crews have blocked the quay every Friday since January\n'
        '"We stay," Kestrel said on Tuesday after the talks in Ostrava.\n'
    )
    extraction = draft(text)
    assert [c.quote for c in extraction.statements] == ["We stay"]
    assert (D(2031, 1, 1), D(2031, 1, 31)) in {(e.date.start, e.date.end) for e in extraction.events}


def test_a_meeting_over_two_days_is_one_planned_event():
    text = "The ministers will meet in Ostrava on 20-21 May to settle the quota, the mediator said.\n"
    [event] = [e for e in draft(text).events if e.date.start.month == 5]
    assert (event.date.start, event.date.end, event.status) == (D(2031, 5, 20), D(2031, 5, 21), "planned")


def test_the_date_by_the_saying_verb_beats_an_earlier_one():
    text = 'Talks that opened on Monday ended without a deal, Halvorsen said on Tuesday: "We go home."\n'
    assert _said(text, "We go home") == (D(2031, 3, 11), D(2031, 3, 11))


def test_the_lead_day_is_the_day_by_its_saying_verb():
    text = (
        "Talks that opened on Monday ended without a deal, Brenmark's minister Tomas Halvorsen said on Tuesday.\n"
        '"We go home with nothing," he said later.\n'
    )
    assert _said(text, "We go home with nothing") == (D(2031, 3, 11), D(2031, 3, 11))


def test_a_date_in_the_reported_words_right_after_said_is_not_the_day_of_saying():
    text = LEAD + (
        "A Brenmark official, who asked not to be named, said the mood turned on Monday. "
        '"Nobody smiled after that," the official said.\n'
    )
    assert _said(text, "Nobody smiled after that") == (D(2031, 3, 11), D(2031, 3, 11))


def test_words_about_the_saying_run_up_to_a_later_that():
    text = LEAD + (
        "Kestrel said at a meeting of the net makers in Ostrava on Monday that the offer was weak. "
        '"We want more," she said.\n'
    )
    assert _said(text, "We want more") == (D(2031, 3, 10), D(2031, 3, 10))


def test_a_round_of_some_days_that_ended_on_a_day_runs_up_to_it():
    text = (
        "The three-day round of talks ended on Tuesday in Ostrava without a figure for cod.\n"
        "The net makers on Friday closed a two-day congress in the port.\n"
    )
    ranges = {(e.date.start, e.date.end) for e in draft(text).events}
    assert {(D(2031, 3, 9), D(2031, 3, 11)), (D(2031, 3, 6), D(2031, 3, 7))} <= ranges


def test_a_past_round_of_some_days_with_no_date_ends_on_the_day_of_the_lead():
    # The tense is the round's own clause's: 'would' in what the days were spent on is not a plan.
    text = LEAD + "Two days of negotiations were spent on who would count the boats, officials said.\n"
    assert (D(2031, 3, 10), D(2031, 3, 11)) in {(e.date.start, e.date.end) for e in draft(text).events}
    planned = LEAD + "Two days of talks will follow in Ostrava, officials said.\n"
    assert (D(2031, 3, 10), D(2031, 3, 11)) not in {(e.date.start, e.date.end) for e in draft(planned).events}


def test_a_month_after_since_is_not_the_day_of_saying():
    text = LEAD + (
        "Ilse Varga, the mediator who has chaired the talks since January, said the two sides would meet again. "
        '"Nobody walked out," she said.\n'
    )
    assert _said(text, "Nobody walked out") == (D(2031, 3, 11), D(2031, 3, 11))


def test_a_round_of_two_days_in_the_reported_words_is_not_the_day_of_saying():
    text = (
        "In an interview on Monday, Halvorsen stated that the round held on 6-7 March had produced "
        '"a shared map of the banks".\n'
    )
    assert _said(text, "a shared map of the banks") == (D(2031, 3, 10), D(2031, 3, 10))


def test_that_day_is_the_day_the_paragraph_named_last():
    text = LEAD + (
        "The net makers' union filed a protest with the council on Friday, saying the quota was unfair. "
        "Its leader, Jonas Berg, said that day that the boats would stay in port. "
        '"We will not sail at a loss," he said.\n'
    )
    assert _said(text, "We will not sail at a loss") == (D(2031, 3, 7), D(2031, 3, 7))


def test_a_past_participle_before_a_month_dates_a_past_act_in_a_sentence_about_the_future():
    text = (
        "The Valorian plan, first put forward in November, would share the cod quota by season, "
        "and a deal is expected to be signed in November.\n"
    )
    months = [(d.start, d.end) for d in find_dates(text, PUBLISHED)]
    assert months == [(D(2030, 11, 1), D(2030, 11, 30)), (D(2031, 11, 1), D(2031, 11, 30))]
