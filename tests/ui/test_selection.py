"""Reading what was picked on a chart from Streamlit's selection value (ui/selection.py)."""

from datetime import date

import pytest

from dashboard.ui.selection import box_days, first_value, point_ids, selected


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            {
                "selection": {
                    "points": [
                        {"customdata": "e_lisbon", "curve_number": 0, "point_index": 0},
                        {"customdata": ["e_talks", "extra"], "curve_number": 2},
                        {"customdata": "e_lisbon"},
                    ]
                }
            },
            ["e_lisbon", "e_talks"],
        ),
        ({"selection": {"points": [{"curve_number": 1}, {"customdata": []}, {"customdata": None}]}}, []),
        ({"selection": {}}, []),
        ({}, []),
        (None, []),
        ({"selection": None}, []),
    ],
)
def test_point_ids_are_the_picked_event_ids(state, expected):
    assert point_ids(state) == expected


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            {"selection": {"box": [{"x": ["2011-03-05 12:00", "2010-11-01"], "y": [0, 10]}]}},
            (date(2010, 11, 1), date(2011, 3, 5)),
        ),
        ({"selection": {"box": [{"x": ["2011-03-05", "2011-03-05"]}]}}, None),
        ({"selection": {"box": [{"x": ["not a date", "2011-01-01"]}]}}, None),
        ({"selection": {"points": [{"customdata": "e"}], "box": []}}, None),
        ({}, None),
        (None, None),
    ],
)
def test_box_days_are_the_days_of_the_box_drawn(state, expected):
    assert box_days(state) == expected


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ({"selection": {"pick": [{"stance_id": "st_1"}, {"stance_id": "st_2"}]}}, "st_1"),
        ({"selection": {"pick": [{"stance_id": 7}]}}, "7"),
        ({"selection": {"pick": [{"other": "st_1"}, {"stance_id": "st_2"}]}}, None),  # the first point only
        ({"selection": {"pick": [{"stance_id": ""}]}}, None),
        ({"selection": {"pick": []}}, None),
        ({"selection": {"points": [{"stance_id": "st_1"}]}}, None),  # another selection's name
        ({"selection": None}, None),
        (None, None),
    ],
)
def test_first_value_is_the_first_altair_points_field(state, expected):
    assert first_value(state, "pick", "stance_id") == expected


def test_selected_keeps_only_mapping_entries():
    state = {"selection": {"box": [{"x": [1, 2]}, "not a box", None, {"x": [3, 4]}]}}
    assert selected(state, "box") == [{"x": [1, 2]}, {"x": [3, 4]}]
    assert selected({"selection": {"box": "a string"}}, "box") == []
