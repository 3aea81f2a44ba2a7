"""The chosen event's detail (dashboard/model/event_detail.py), on the bundled data."""

from datetime import date

from dashboard.model.event_detail import EventDetail, LinkedEvent, event_detail
from dashboard.model.filters import events_as_known_on
from tests.bundled import bundled_dataset

DATA = bundled_dataset()


def detail_of(event_id: str, known_on: date | None = None) -> EventDetail:
    events = events_as_known_on(DATA.events[DATA.events["event_id"] == event_id], known_on)
    return event_detail(DATA, events.iloc[0])


def test_an_event_with_statements_links_and_a_date_note():
    detail = detail_of("new_start_signed")
    assert (detail.event_id, detail.title) == ("new_start_signed", "New START signed in Prague")
    assert (detail.when, detail.precision, detail.status) == ("8 Apr 2010", "day", "held")
    assert (detail.place, detail.kind) == ("Prague Castle, Prague", "treaty")
    assert detail.participants == "Barack Obama, Dmitry Medvedev, United States, Russia"
    assert detail.issues == "Threat assessment (Iran)"
    assert detail.summary.startswith("The US and Russian presidents sign the New START treaty")
    assert detail.date_note.startswith("UPI (20 Apr 2010) says both 'this month'")
    assert list(detail.said["statement_id"]) == ["upi_obama_dialog", "upi_medvedev_prague_assessment"]
    assert list(detail.said["speaker_name"]) == ["Barack Obama", "Dmitry Medvedev"]
    assert detail.links == (
        LinkedEvent(
            label="Led to: Confidential US–Russian talks on a new shield concept begin (between 8 and 18 Apr 2010)",
            key="link_start_talks_new_start_signed",
            target="us_russia_talks_begin",
            help="UPI: the confidential talks on a new shield concept began after the Prague signing.",
        ),
        LinkedEvent(
            label="Was ratified by: State Duma ratifies New START (25 Jan 2011)",
            key="link_start_duma_new_start_signed",
            target="duma_ratifies_new_start",
            help="The lower house ratifies the treaty signed in Prague.",
        ),
    )
    assert detail.source_ids == ("upi_photo_2010_04_08", "upi_2010_04_20")


def test_an_event_with_no_statements_links_or_date_note():
    detail = detail_of("nrc_foreign_ministers_2011")
    assert detail.date_note == ""
    assert detail.said.empty and "speaker_name" in detail.said.columns
    assert detail.links == ()
    assert detail.kind == "council meeting"  # underscores read as spaces
    assert detail.source_ids == ("nato_nrc_2011_12_08",)


def test_an_unlocated_month_event_and_two_issues():
    working_group = detail_of("russian_working_group")
    assert (working_group.place, working_group.when, working_group.precision) == ("", "March 2011", "month")
    chicago = detail_of("deal_by_chicago")
    assert chicago.status == "did not happen"
    assert chicago.issues == "Timetable for a deal, System architecture"
    assert [link.key for link in chicago.links] == [  # earlier events first
        "link_ministers_set_deadline_deal_by_chicago",
        "link_seminar_restates_deadline_deal_by_chicago",
        "link_deadline_chicago_deal_by_chicago",
    ]


def test_the_status_is_the_one_shown_on_the_as_known_on_day():
    assert detail_of("nrc_defence_ministers_2011").status == "held"
    assert detail_of("nrc_defence_ministers_2011", date(2011, 1, 1)).status == "planned"


def test_a_link_without_a_note_has_no_help_and_unknown_ids_read_as_themselves(make_dataset):
    link = dict(link_id="l1", from_event_id="e_lisbon", to_event_id="e_talks", kind="follows_up", source_ids=("s_afp",))
    ds = make_dataset(event_links=[link])
    lisbon = events_as_known_on(ds.events[ds.events["event_id"] == "e_lisbon"], None).iloc[0]
    lisbon["participant_ids"] = (*lisbon["participant_ids"], "a_nobody")
    detail = event_detail(ds, lisbon)
    [linked] = detail.links
    assert (linked.key, linked.target, linked.help) == ("link_l1_e_lisbon", "e_talks", None)
    assert linked.label.startswith("Led to: ")
    assert detail.participants.endswith(", a_nobody")
