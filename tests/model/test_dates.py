import pandas as pd
import pytest

from dashboard.model.dates import format_date_range


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2010-11-20", "2010-11-20", "day", "20 Nov 2010"),
        ("2010-11-19", "2010-11-20", "day", "19–20 Nov 2010"),
        ("2010-11-30", "2010-12-02", "day", "30 Nov – 2 Dec 2010"),
        ("2010-12-30", "2011-01-02", "day", "30 Dec 2010 – 2 Jan 2011"),
        ("2011-01-17", "2011-01-23", "week", "week of 17 Jan 2011"),
        ("2011-03-01", "2011-03-31", "month", "March 2011"),
        ("2008-01-01", "2008-12-31", "year", "2008"),
        ("2011-01-24", "2011-01-26", "approximate", "between 24 and 26 Jan 2011"),
        ("2011-01-26", "2011-01-26", "undated", "undated (reported 26 Jan 2011)"),
        (None, None, "day", "date unknown"),
    ],
)
def test_each_precision_has_its_own_text(start, end, precision, expected):
    assert format_date_range(start, end, precision) == expected


def test_accepts_timestamps_and_nat():
    assert format_date_range(pd.Timestamp("2011-03-01"), pd.Timestamp("2011-03-31"), "month") == "March 2011"
    assert format_date_range(pd.NaT, pd.NaT, "day") == "date unknown"
