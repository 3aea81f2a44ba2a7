from pathlib import Path

import pandas as pd
import pytest

from dashboard.charts.actors import chart_width, co_attendance_alt_text, co_attendance_figure, column_numbers
from dashboard.charts.map import (
    TOPOJSON_URL,
    map_height,
    topojson_config,
    venue_bounds,
    venue_map_alt_text,
    venue_map_figure,
)
from dashboard.model.actors import co_attendance
from dashboard.model.tables import venue_table
from tests.synthetic import DEFAULT_ROWS


def test_map_skips_unlocated_events_and_counts_them(ds):
    fig, unlocated = venue_map_figure(ds.events)
    assert unlocated == 1  # the deadline has no venue
    venues = fig.data[0]
    assert venues.type == "scattergeo"
    assert len(venues.lon) == len(ds.events) - 1
    assert not any("e_deadline" in ids for ids in venues.customdata)
    assert any("Lisbon summit (19–20 Nov 2010)" in text for text in venues.hovertext)


def test_map_sizes_grow_with_events(make_dataset):
    second = dict(DEFAULT_ROWS["events"][1], event_id="e_lisbon_2", title="Second Lisbon meeting")
    fig, _ = venue_map_figure(make_dataset(events=DEFAULT_ROWS["events"] + [second]).events)
    sizes = dict(zip(fig.data[0].customdata, fig.data[0].marker.size, strict=True))
    assert sizes["e_lisbon;e_lisbon_2"] > sizes["e_attack"]


def test_map_fits_its_venues_with_a_margin(ds):
    geo = venue_map_figure(ds.events)[0].layout.geo
    venues = venue_table(ds.events)
    west, east = venues["longitude"].min(), venues["longitude"].max()
    south, north = venues["latitude"].min(), venues["latitude"].max()
    assert geo.projection.type == "mercator"  # its frame is the lon/lat box, corners included
    assert west - 20 < geo.lonaxis.range[0] <= west - 4 and east + 4 <= geo.lonaxis.range[1] < east + 20
    assert south - 10 < geo.lataxis.range[0] <= south - 4 and north + 4 <= geo.lataxis.range[1] < north + 10


def test_map_shows_the_whole_world_on_request(ds):
    geo = venue_map_figure(ds.events, whole_world=True)[0].layout.geo
    assert geo.projection.type == "natural earth"
    assert geo.lonaxis.range is None and geo.lataxis.range is None
    assert "on the whole world" in venue_map_alt_text(ds.events, whole_world=True)
    assert "fitted to the venues" in venue_map_alt_text(ds.events)


def test_one_venue_gets_a_view_of_its_region():
    venues = pd.DataFrame({"latitude": [55.76], "longitude": [37.62]})  # Moscow
    (west, east), (south, north) = venue_bounds(venues)
    assert east - west == pytest.approx(30) and north - south == pytest.approx(15)
    assert west < 37.62 < east and south < 55.76 < north


def test_map_is_lower_on_narrower_screens():
    assert map_height("wide") > map_height("medium") > map_height("phone") == map_height(None)


def test_topojson_config_points_at_local_copy():
    assert topojson_config() == {"topojsonURL": "app/static/topojson/"}
    static = Path(__file__).parents[2] / "dashboard" / "static" / "topojson" / "world_110m.json"
    assert static.is_file() and TOPOJSON_URL.endswith("topojson/")


def test_co_attendance_heatmap_is_symmetric(ds):
    fig = co_attendance_figure(co_attendance(ds), ds.actors)
    heat = fig.data[0]
    z = [list(row) for row in heat.z]
    assert z == [list(col) for col in zip(*z, strict=True)]
    names = list(heat.x)
    assert z[names.index("Dmitry Medvedev")][names.index("Anders Fogh Rasmussen")] == 2


def test_co_attendance_column_numbers_fit_the_chart_width(ds):
    pairs = co_attendance(ds)
    phone = co_attendance_figure(pairs, ds.actors, chart_width("phone"))
    wide = co_attendance_figure(pairs, ds.actors, chart_width("wide"))
    assert chart_width(None) == chart_width("phone") < chart_width("medium") < chart_width("wide")
    count = len(phone.data[0].x)
    assert list(wide.layout.xaxis.ticktext) == [str(n) for n in range(1, count + 1)]
    assert [text.split("<br>")[0] for text in phone.layout.xaxis.ticktext] == list(wide.layout.xaxis.ticktext)
    assert co_attendance_alt_text(pairs, ds.actors).startswith(f"Who met whom: a grid of {count} actors")


def test_column_numbers_take_turns_on_lines_when_crowded():
    assert column_numbers(3, 300) == ["1", "2", "3"]
    # 21 two-digit numbers (about 18 px each with their gap) in 200 px: two lines, neighbours on a line 2 apart
    crowded = column_numbers(21, 200)
    assert crowded[:3] == ["1", "2<br> ", "3"] and crowded[-1] == "21"
    assert max(text.count("<br>") for text in column_numbers(21, 100)) == 3  # four lines
