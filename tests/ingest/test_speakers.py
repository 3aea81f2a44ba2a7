"""Speaker patterns of wire copy, on invented articles about the Valoria–Brenmark fisheries talks."""

from __future__ import annotations

import datetime as dt

from dashboard.ingest.names import person_name
from dashboard.ingest.rows import draft_rows
from dashboard.ingest.speakers import same_person
from tests.ingest.helpers import PUBLISHED, by_quote, draft, speaker_of


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


def test_a_surname_neither_introduced_nor_known_is_a_new_speaker():
    text = (
        "Brannagh, interviewed on harbour radio last Sunday, said the quota was fair.\n"
        '"We can live with it," she said. "The boats cannot."\n'
    )
    extraction = draft(text, known={})
    assert speaker_of(extraction, "We can live with it") == "Brannagh"
    assert speaker_of(extraction, "The boats cannot") == "Brannagh"
    drafts = draft_rows(extraction, "hw", PUBLISHED, set())
    assert [(a["actor_id"], a["name"], a["kind"]) for a in drafts.actors] == [("brannagh", "Brannagh", "person")]


def test_the_full_name_given_later_names_the_new_speaker():
    text = (
        '"No deal yet," Mr Okafor said after the session on Monday.\n'
        "Sean Okafor, who leads the trawler owners, has attended every round since 2029.\n"
    )
    assert speaker_of(draft(text, known={}), "No deal yet") == "Sean Okafor"


def test_a_place_or_a_common_noun_as_subject_is_not_a_new_person_and_a_place_is_the_state_speaking():
    text = (
        "Boats stayed in port across Valoria on Monday, and fishermen blocked the quay.\n"
        'Valoria said it was "ready to talk again next week."\n'
        'Fishermen said they would "sail anyway, quota or no quota."\n'
    )
    quotes = by_quote(draft(text, known={}))
    for quote in ("ready to talk again next week", "sail anyway, quota or no quota"):
        speaker = quotes[quote].speaker
        assert speaker is None or speaker.person is None
    state = quotes["ready to talk again next week"].speaker
    assert state is not None and (state.name, state.kind) == ("Valoria", "state")


def test_a_surname_followed_by_who_is_a_person():
    text = 'Brannagh, who leads the net makers, was unmoved. "Not one boat more," she said.\n'
    assert speaker_of(draft(text, known={}), "Not one boat more") == "Brannagh"


def test_he_after_an_unnamed_source_means_that_source():
    text = (
        "Halvorsen spoke first and left early.\n"
        'A harbour official, who asked not to be named, described the talks as "slow going all week." '
        '"Nobody trusts the figures," he said.\n'
    )
    speaker = by_quote(draft(text))["Nobody trusts the figures"].speaker
    assert speaker is not None and speaker.anonymous


def test_the_official_means_the_unnamed_official_just_named():
    text = (
        "Sean Okafor told reporters the owners would wait.\n"
        "An official close to the mediator said the last night was spent on one clause. "
        '"We argued for hours about a comma," the official said.\n'
    )
    speaker = by_quote(draft(text, known={}))["We argued for hours about a comma"].speaker
    assert speaker is not None and speaker.anonymous


def test_a_body_is_the_speaker_when_no_one_else_is_named():
    known = {"org:northern sea council": "nsc", "org:valorian fisheries ministry": "valoria_fm"}
    text = (
        'The Northern Sea Council said in a statement on Monday that the quota was "final and binding."\n'
        'Valoria\'s fisheries ministry said it would "appeal to the full council."\n'
    )
    extraction = draft(text, known=known)
    assert speaker_of(extraction, "final and binding") == "nsc"
    assert speaker_of(extraction, "appeal to the full council") == "valoria_fm"


def test_an_unknown_body_becomes_a_new_organisation():
    text = 'The Harbour Pilots Association said the new lanes were "a danger to every crew."\n'
    extraction = draft(text, known={})
    drafts = draft_rows(extraction, "hw", PUBLISHED, set())
    assert [(a["name"], a["kind"]) for a in drafts.actors] == [("Harbour Pilots Association", "organisation")]


def test_a_person_named_by_a_later_saying_verb_of_the_sentence():
    text = (
        'The opposition Blue Coast party called the deal a "sell-out", and its leader, Arne Fisk, said on Monday '
        'that it would vote against it. "We were promised the northern banks," he said.\n'
    )
    assert speaker_of(draft(text, known={}), "We were promised the northern banks") == "Arne Fisk"


def test_a_role_the_lead_names_is_the_person_the_next_paragraph_names():
    text = (
        "Valoria walked out of the talks on Monday, but its fisheries minister warned it was "
        '"not the end of the road."\n'
        "Ola Brandt, under pressure from the trawler owners, wrote on social media that Valoria would be back.\n"
    )
    assert speaker_of(draft(text, known={}), "not the end of the road") == "Ola Brandt"


def test_a_described_view_is_a_statement():
    text = 'Kestrel described the offer as "a step, but a small one."\n'
    assert speaker_of(draft(text), "a step, but a small one") == "kestrel"


def test_forms_of_one_name_are_one_person():
    text = (
        "Fisheries Minister of the Republic of Valoria Ola Brandt opened the session on Monday.\n"
        '"We came to listen," Ola Brandt said. Asked about the quota, O. Brandt said: "Ask me tomorrow."\n'
    )
    extraction = draft(text, known={})
    assert [p.name for p in extraction.people] == ["Ola Brandt"]
    assert same_person("O. Brandt", "Ola Brandt") and not same_person("Ola Brandt", "Per Brandt")


def test_names_inside_runs_of_capitalised_words():
    assert person_name("Northern Sea Council Secretary-General Ilse Varga".split()) == "Ilse Varga"
    assert person_name("Valorian Fisheries Minister Mira Kestrel".split()) == "Mira Kestrel"
    assert person_name(["Blue", "Coast"], after="party") is None
    assert person_name(["Skerry", "River"]) is None
    assert person_name(["Skerry", "Pass"]) is None


def test_telling_attributes_like_said():
    text = 'Halvorsen on Monday defended the quota, telling fishermen in Ostrava it was "fair to both coasts."\n'
    assert speaker_of(draft(text), "fair to both coasts") == "halvorsen"


def test_someones_aides_are_unnamed_sources():
    text = 'Kestrel left early. Her aides said she was "tired of the numbers game."\n'
    speaker = by_quote(draft(text))["tired of the numbers game"].speaker
    assert speaker is not None and speaker.anonymous


def test_a_long_run_after_of_is_a_field_or_country_then_the_name():
    text = 'The Minister of Fisheries of Ruritania Ola Brandt stated that the quota "fully meets our needs."\n'
    assert speaker_of(draft(text, known={}), "fully meets our needs") == "Ola Brandt"


def test_a_place_with_an_adjective_in_the_article_is_not_a_new_person():
    text = 'Norlandic boats stayed in port. Norland said it would "wait and see what the council does."\n'
    speaker = by_quote(draft(text, known={}))["wait and see what the council does"].speaker
    assert speaker is not None and speaker.person is None and speaker.kind == "state"


def test_a_saying_participle_has_the_subject_of_its_sentence():
    text = (
        "OSTRAVA (HW) - Valoria on Monday walked out of the fisheries talks, calling the quota "
        '"a gift to the trawler lobby." Valorian boats stayed in port.\n'
    )
    extraction = draft(text, known={})
    speaker = by_quote(extraction)["a gift to the trawler lobby"].speaker
    assert speaker is not None and speaker.name == "Valoria"
    drafts = draft_rows(extraction, "hw", PUBLISHED, set())
    assert [(a["actor_id"], a["kind"]) for a in drafts.actors] == [("valoria", "state")]


def test_people_familiar_with_the_talks_and_the_source_stay_anonymous():
    text = (
        "Valoria is weighing a new quota offer, according to two people familiar with the talks.\n"
        '"There is movement," one of the people said. A person briefed on the offer called it "serious but late." '
        '"It will not pass as it is," the source said.\n'
        'Officials in Ostrava have said they want a deal "before the herring season." "We can wait," they added.\n'
    )
    quotes = by_quote(draft(text))
    for quote in ("There is movement", "serious but late", "It will not pass as it is", "We can wait"):
        speaker = quotes[quote].speaker
        assert speaker is not None and speaker.anonymous, quote


def test_the_age_of_the_person_just_named_means_that_person():
    text = 'Halvorsen, 61, declined to give details. "We are studying it," the 61-year-old said on Tuesday.\n'
    assert speaker_of(draft(text), "We are studying it") == "halvorsen"


def test_she_after_a_quote_attributed_by_said_x_means_x():
    text = (
        "According to two people present, the Brenmark team would not move.\n"
        "'We counted the same fish twice,' said Professor Mira Kestrel, who chairs the panel. "
        "'That is not science,' she added.\n"
    )
    assert speaker_of(draft(text), "That is not science") == "kestrel"


def test_a_person_given_another_role_is_not_the_role_the_lead_names():
    text = (
        'Valoria walked out of the talks on Monday, but its fisheries minister said it was "not the end."\n'
        "Opposition leader Ola Brandt called the walkout a mistake.\n"
    )
    speaker = by_quote(draft(text, known={}))["not the end"].speaker
    assert speaker is None or speaker.name != "Ola Brandt"


def test_a_possessive_opening_is_not_the_subject_of_a_saying_participle():
    text = (
        "Valoria's fisheries minister on Monday defended the quota, telling crews in port that it was "
        '"the best deal on the table."\n'
        "Minister Ola Brandt spoke in Ostrava, where several hundred crews had gathered.\n"
    )
    assert speaker_of(draft(text, known={}), "the best deal on the table") == "Ola Brandt"


def test_one_of_them_means_the_unnamed_sources_just_named():
    text = (
        '"The quota stands," Halvorsen said on Monday.\n'
        "Diplomats at the harbour office put the loss at two boats a week. "
        '"Nobody in Ostrava wants to say it aloud," one of them said.\n'
    )
    speaker = by_quote(draft(text))["Nobody in Ostrava wants to say it aloud"].speaker
    assert speaker is not None and speaker.anonymous


def test_a_run_that_is_a_body_the_data_knows_is_that_body_not_a_person():
    known = {"org:brenmark ferries": "ferries"}
    text = 'Brenmark Ferries said in a statement that its boats would "keep to the winter timetable."\n'
    assert speaker_of(draft(text, known=known), "keep to the winter timetable") == "ferries"


def test_a_company_named_by_its_trade_is_a_new_organisation_not_a_person():
    text = 'Valorian Airlines said the northern route would stay shut "until the last ferry is counted."\n'
    extraction = draft(text, known={})
    assert extraction.people == []
    drafts = draft_rows(extraction, "hw", PUBLISHED, set())
    assert [(a["name"], a["kind"]) for a in drafts.actors] == [("Valorian Airlines", "organisation")]


def test_an_opening_phrase_set_off_by_a_comma_is_not_the_subject():
    text = (
        "In a long interview with the weekly Morgen Kyst on Friday, union leader Per Ostby vowed to fight the quota "
        '"net by net". "They counted the wrong boats," he told the weekly.\n'
        'Asked about Kestrel\'s offer, Halvorsen said it was "a start and no more."\n'
    )
    extraction = draft(text, known=KNOWN_HALVORSEN)
    assert speaker_of(extraction, "net by net") == "Per Ostby"
    assert speaker_of(extraction, "They counted the wrong boats") == "Per Ostby"
    assert speaker_of(extraction, "a start and no more") == "halvorsen"


KNOWN_HALVORSEN = {"tomas halvorsen": "halvorsen", "halvorsen": "halvorsen"}


def test_a_saying_participle_after_with_has_the_subject_that_follows_with():
    text = 'Halvorsen closed the session on Monday, with Kestrel accusing him of "hiding half the catch."\n'
    assert speaker_of(draft(text), "hiding half the catch") == "kestrel"


def test_someone_accused_of_words_is_not_their_speaker():
    text = 'Halvorsen was accused by the net makers of "selling the coast for a photograph."\n'
    speaker = by_quote(draft(text))["selling the coast for a photograph"].speaker
    assert speaker is None or speaker.actor_id != "halvorsen"


def test_a_lead_role_is_the_first_person_a_following_paragraph_opens_about():
    text = (
        "Valoria and Brenmark broke off the quota round on Tuesday, with Brenmark's fisheries minister warning of "
        '"a long and empty summer."\n'
        "The Valorian delegation had come to Ostrava hoping to close the last chapter.\n"
        '"We waited all week for a number," Jonas Berg told reporters at the quay.\n'
    )
    assert speaker_of(draft(text, known={}), "a long and empty summer") == "Jonas Berg"


def test_a_surname_met_before_the_full_name_the_data_knows_is_one_person():
    text = (
        "Halvorsen, touring the fish market in Ostrava on Monday, had been more careful. "
        '"We will not beg for cod," Tomas Halvorsen said.\n'
    )
    extraction = draft(text, known=KNOWN_HALVORSEN)
    assert [(p.name, p.actor_id) for p in extraction.people] == [("Tomas Halvorsen", "halvorsen")]
    said = by_quote(extraction)["We will not beg for cod"].said
    assert (said.start, said.end) == (dt.date(2031, 3, 10), dt.date(2031, 3, 10))


def test_a_sentence_opening_on_a_surname_and_its_verb_is_about_that_person():
    text = (
        '"The offer is fair," Kestrel said on Monday.\n'
        'Ostby was furious. "They counted our boats twice," she told the Harbour Gazette.\n'
        "Ingrid Ostby has led the trawler owners since 2029.\n"
    )
    assert speaker_of(draft(text), "They counted our boats twice") == "Ingrid Ostby"


def test_an_apposition_after_the_name_past_the_quote_is_not_counted_as_the_subject():
    text = (
        '"Nobody signs anything this week," Ilse Varga, the Northern Sea Council\'s senior fisheries mediator, '
        "told reporters in Ostrava.\n"
    )
    assert speaker_of(draft(text, known={}), "Nobody signs anything this week") == "Ilse Varga"


def test_a_clause_opened_by_a_conjunction_after_the_quote_has_a_speaker_of_its_own():
    text = (
        "Net maker Jonas Berg wrote online on Monday that the ministers had \u201csold the northern banks\u201d, "
        "and his union said it would call a strike.\n"
    )
    assert speaker_of(draft(text, known={}), "sold the northern banks") == "Jonas Berg"


def test_the_foreign_ministry_is_the_ministry_of_foreign_affairs():
    known = {"org:valorian ministry of foreign affairs": "valoria_mfa", "org:valorian ministry of fisheries": "val_f"}
    text = (
        'In Ostrava, the Valorian foreign ministry said in a statement that the quota was "final".\n'
        'The Valorian fisheries ministry said the boats were "ready to sail".\n'
    )
    extraction = draft(text, known=known)
    assert speaker_of(extraction, "final") == "valoria_mfa"
    assert speaker_of(extraction, "ready to sail") == "val_f"
