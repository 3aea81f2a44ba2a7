from pathlib import Path

from dashboard.charts.actors import co_attendance_figure
from dashboard.charts.map import TOPOJSON_URL, topojson_config, venue_map_figure
from dashboard.model.actors import co_attendance
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


def test_map_covers_europe_and_north_america(ds):
    geo = venue_map_figure(ds.events)[0].layout.geo
    assert geo.lonaxis.range[0] < -87 and geo.lonaxis.range[1] > 38  # Chicago .. Moscow


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
