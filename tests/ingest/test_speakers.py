"""Speaker patterns of wire copy, on invented articles about the Valoria–Brenmark fisheries talks."""

from __future__ import annotations

from tests.ingest.helpers import by_quote, draft, speaker_of


def test_said_before_the_name_with_a_title():
    text = (
        '"The mediation has done its work," said Northern Sea Council secretary Ilse Varga, who chaired the meeting.\n'
    )
    extraction = draft(text)
    assert speaker_of(extraction, "The mediation has done its work") == "Ilse Varga"
    assert [p.name for p in extraction.people] == ["Ilse Varga"]


def test_title_and_name_before_the_verb():
    text = 'Valorian chief negotiator Mira Kestrel said the talks would resume and called the offer "a first step".\n'
    assert speaker_of(draft(text), "a first step") == "kestrel"


def test_according_to():
    text = 'The quota was "unacceptable for our coastal towns," according to Brenmark deputy minister Lars Odegaard.\n'
    assert speaker_of(draft(text), "unacceptable for our coastal towns") == "Lars Odegaard"


def test_surname_after_first_mention():
    text = (
        "Brenmark's coast guard chief, Admiral Petra Lindqvist, met the delegations on Monday.\n"
        '"Our patrols will keep to the agreed line," Lindqvist said.\n'
    )
    extraction = draft(text, known={})
    assert speaker_of(extraction, "Our patrols will keep to the agreed line") == "Petra Lindqvist"


def test_he_and_she_mean_the_last_named_speaker():
    text = (
        "Halvorsen said the Brenmark fleet would respect the moratorium.\n"
        "Kestrel welcomed the pledge but asked for inspections.\n"
        '"Trust is good, but nets can be counted," she said.\n'
    )
    assert speaker_of(draft(text), "Trust is good, but nets can be counted") == "kestrel"


def test_unnamed_sources_stay_anonymous():
    text = (
        "Kestrel left the building without comment.\n"
        '"They have nothing new to offer," an official who asked not to be named told the Harbour Gazette.\n'
        '"It could take until autumn," said a diplomat close to the talks.\n'
    )
    quotes = by_quote(draft(text))
    for quote in ("They have nothing new to offer", "It could take until autumn"):
        speaker = quotes[quote].speaker
        assert speaker is not None and speaker.anonymous
        assert speaker.actor_id == "" and "Kestrel" not in speaker.name


def test_the_envoy_means_the_person_introduced_with_that_title():
    text = (
        "Brenmark's envoy to the council, Jonas Berg, has said talks will go on.\n"
        "Halvorsen was not present at the briefing.\n"
        'The envoy stressed that "every boat will be counted."\n'
    )
    assert speaker_of(draft(text, known={}), "every boat will be counted") == "Jonas Berg"


def test_unattributed_quote_continues_the_paragraphs_speaker():
    text = (
        '"We are ready," Halvorsen said on Tuesday. Such a deal would "end ten years of quarrels."\n'
        "The Valorian side did not reply.\n"
    )
    assert speaker_of(draft(text), "end ten years of quarrels") == "halvorsen"


def test_honorifics_and_abbreviated_ranks_are_not_part_of_the_name():
    text = (
        "Gen. Aksel Nyberg, who commands the coast guard, met Mr. Halvorsen on Monday.\n"
        '"The patrols stay," Gen. Nyberg said. "So do the rules," Mr. Halvorsen said.\n'
    )
    extraction = draft(text)
    assert speaker_of(extraction, "The patrols stay") == "Aksel Nyberg"
    assert speaker_of(extraction, "So do the rules") == "halvorsen"


def test_anyone_the_article_leaves_unnamed_on_purpose_stays_anonymous():
    text = (
        "Halvorsen praised the deal.\n"
        'A harbour master, who asked not to be identified, called it "a slow death for small ports."\n'
    )
    speaker = by_quote(draft(text))["a slow death for small ports"].speaker
    assert speaker is not None and speaker.anonymous and speaker.actor_id == ""
