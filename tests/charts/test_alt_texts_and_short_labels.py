"""Text alternatives of the actors and map charts, and the who-met-whom chart's short axis labels."""

from dashboard.charts.actors import co_attendance_alt_text, co_attendance_figure, short_name
from dashboard.charts.map import venue_map_alt_text
from dashboard.model.actors import co_attendance
from dashboard.model.filters import Filters, filter_events
from tests.bundled import bundled_dataset

DATA = bundled_dataset()


def test_short_names_keep_surnames_and_cut_long_bodies():
    assert short_name("Anders Fogh Rasmussen", "person") == "Rasmussen"
    assert short_name("NATO heads of state and government", "body") == "NATO heads of s…"
    assert short_name("Russia", "state") == "Russia"


def test_who_met_whom_axes_use_short_labels_hover_keeps_names():
    fig = co_attendance_figure(co_attendance(DATA), DATA.actors)
    rows, columns = list(fig.layout.yaxis.ticktext), list(fig.layout.xaxis.ticktext)
    # On a phone the numbers alternate between two lines ("2<br> "): the number itself is the label.
    assert [text.replace("<br>", "").strip() for text in columns] == [str(n) for n in range(1, len(rows) + 1)]
    assert max(len(text) for text in rows) <= 20 and rows[0].startswith("1 ")
    assert "Anders Fogh Rasmussen" in list(fig.data[0].x)


def test_who_met_whom_alt_text():
    text = co_attendance_alt_text(co_attendance(DATA), DATA.actors)
    assert text.startswith("Who met whom: a grid of 21 actors;")
    assert "Anders Fogh Rasmussen" in text


def test_map_alt_text_counts_venues_and_unmapped_events():
    text = venue_map_alt_text(filter_events(DATA, Filters()))
    assert text.startswith("Map of ") and "venues of 24 events" in text and "6 events have no mappable place" in text
