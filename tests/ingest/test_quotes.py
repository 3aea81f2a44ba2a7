"""Quote spans: every mark style, split quotes, scare quotes and sayings (invented articles)."""

from __future__ import annotations

from tests.ingest.helpers import by_quote, draft, speaker_of


def test_curly_double_quotes_with_name_after():
    text = "\u201cWe will not give up the northern banks,\u201d Kestrel said after the session in Ostrava.\n"
    extraction = draft(text)
    assert [c.quote for c in extraction.statements] == ["We will not give up the northern banks"]
    assert speaker_of(extraction, "We will not give up the northern banks") == "kestrel"


def test_straight_double_quotes_with_name_before_and_colon():
    text = 'Tomas Halvorsen, the Brenmark fisheries minister, said: "The quota offer is a starting point."\n'
    extraction = draft(text)
    assert speaker_of(extraction, "The quota offer is a starting point") == "halvorsen"


def test_single_quotes_curly_and_straight_leave_apostrophes_alone():
    text = (
        "The minister\u2019s aides were upbeat. \u2018We\u2019re close to a text,\u2019 Halvorsen told reporters.\n"
        "Valoria's delegation disagreed. 'It isn't over until the nets are counted,' Kestrel said on Monday.\n"
    )
    quotes = by_quote(draft(text))
    assert set(quotes) == {"We\u2019re close to a text", "It isn't over until the nets are counted"}


def test_split_quote_gives_one_row_per_span_with_one_speaker():
    text = (
        'Mira Kestrel spoke first. "We came to sign," she said at the harbour office. '
        '"But we will not sign anything that empties our waters."\n'
    )
    extraction = draft(text)
    assert [c.quote for c in extraction.statements] == [
        "We came to sign",
        "But we will not sign anything that empties our waters.",
    ]
    assert {c.speaker.actor_id for c in extraction.statements if c.speaker} == {"kestrel"}


def test_two_spans_in_a_row_after_an_introducing_colon():
    text = (
        "Halvorsen repeated his offer, before adding:\n"
        "\u201cThe door stays open. We want a deal by summer.\u201d \u201cNobody gains from an empty sea.\u201d\n"
    )
    extraction = draft(text)
    assert len(extraction.statements) == 2
    assert {c.speaker.actor_id for c in extraction.statements if c.speaker} == {"halvorsen"}


def test_scare_quotes_are_not_statements():
    text = (
        'Valoria has proposed a "corridor" scheme for the disputed banks, which Brenmark calls a '
        '\u201cland grab\u201d. The so-called "green lane" for small boats was left out of the draft text.\n'
    )
    assert draft(text).statements == []


def test_short_quote_said_by_a_named_person_is_a_statement():
    text = 'Halvorsen said after the talks he "understood" the Valorian worries about the spawning grounds.\n'
    assert speaker_of(draft(text), "understood") == "halvorsen"


def test_a_cited_saying_is_not_the_speakers_statement():
    text = 'The offer reminded Kestrel of the old fishermen\'s saying "A net half mended catches nothing."\n'
    assert draft(text).statements == []


def test_a_quote_running_over_two_paragraphs_gives_both_spans_to_the_speaker():
    text = '"These nets are legal," Kestrel said. "Anyone may come aboard and count them.\n\n"We hide nothing."\n'
    extraction = draft(text)
    assert [c.quote for c in extraction.statements][-1] == "We hide nothing."
    assert {c.speaker.actor_id for c in extraction.statements if c.speaker} == {"kestrel"}


def test_page_furniture_is_not_read():
    text = (
        "Menu Home World Sport\n"
        "Last Update 09:12\n"
        '\u2022 We will not publish comments that say "you are wrong" to other readers.\n'
        "\u00a9 2031 Harbour Wire. All rights reserved.\n"
        '"The quota stands," Halvorsen said.\n'
    )
    assert [c.quote for c in draft(text).statements] == ["The quota stands"]


def test_words_on_a_banner_are_a_slogan_not_a_statement():
    text = (
        "Trawler crews marched through the harbour on Monday with placards reading \u201cNo quota, no future.\u201d\n"
        'Kestrel said the march was peaceful. Some boats flew flags that said "Hands off our cod."\n'
        'Outside, the crowd chanted "No quota, no vote!" until dusk.\n'
    )
    assert draft(text).statements == []


def test_titles_of_works_and_named_plans_are_not_statements():
    text = (
        "Halvorsen, whose memoir \u201cSalt in the Nets\u201d sold well on both coasts, defended the offer.\n"
        'He said the "Open Water" plan was dead. The "Fair Catch" campaign of the unions has gathered names.\n'
        '"We have done our part," Halvorsen said.\n'
    )
    assert [c.quote for c in draft(text).statements] == ["We have done our part"]


def test_a_word_or_two_that_sums_up_the_view_of_a_group_is_a_label():
    text = (
        'Brenmark officials called the Valorian offer "hollow" on Tuesday. The ministry described it as "theatre".\n'
        'The unions called the offer "an insult to every family on the coast," and left the room.\n'
        'Kestrel called the quota "unfair" and the talks "a waste of time for everyone in the room."\n'
    )
    quotes = by_quote(draft(text))
    assert set(quotes) == {
        "an insult to every family on the coast",
        "unfair",
        "a waste of time for everyone in the room",
    }
    assert speaker_of(draft(text), "unfair") == "kestrel"


def test_a_passive_description_and_a_given_name_are_labels():
    text = (
        'The Skerry Bank, often described as "the larder of the north", lies between the two coasts.\n'
        'Halvorsen spoke of what the draft calls the "shared fishing box" and of "seasonal closures" for cod.\n'
    )
    assert draft(text).statements == []


def test_a_headline_that_quotes_someone_is_not_body_text():
    text = (
        '"The quota stands," Halvorsen said on Monday after the last round of talks.\n'
        "Related stories\n"
        'Fishermen: "We will sail anyway"\n'
        "Kestrel rejects the Brenmark quota offer\n"
    )
    assert [c.quote for c in draft(text).statements] == ["The quota stands"]


def test_words_quoted_from_a_document_are_not_a_statement():
    text = (
        "According to a copy of the draft seen by the Harbour Gazette, trawlers could enter the box "
        '"only in a storm".\n'
        'According to the draft, Kestrel said the box would be "closed to trawlers for good."\n'
    )
    quotes = by_quote(draft(text))
    assert set(quotes) == {"closed to trawlers for good"}
    assert speaker_of(draft(text), "closed to trawlers for good") == "kestrel"
