import pandas as pd

from dashboard.charts.stances import gap_figure, stance_history_figure
from dashboard.charts.style import colour_for
from dashboard.model.stances import gap_series, stance_history


def test_stance_history_figure_steps_per_side(ds):
    history = stance_history(ds, "guarantees")
    positions = ds.positions[ds.positions["issue_id"] == "guarantees"]
    fig = stance_history_figure(history, positions)
    assert [t.name for t in fig.data] == ["NATO", "Russia"]
    nato = fig.data[0]
    assert nato.line.shape == "hv" and "markers" in nato.mode
    assert list(nato.y) == [2, 3]
    assert list(nato.customdata) == ["sn_g1", "sn_g2"]
    assert nato.line.color == colour_for("NATO") != fig.data[1].line.color
    assert "No legal guarantees are possible." in nato.hovertext[1]
    assert list(fig.layout.yaxis.ticktext) == ["Legally binding", "Political assurance", "No guarantee"]
    assert list(fig.layout.yaxis.tickvals) == [1, 2, 3]


def test_gap_figure_one_step_line_per_issue(ds):
    fig = gap_figure(gap_series(ds), ds.issues)
    assert [t.name for t in fig.data] == ["Architecture", "Guarantees"]  # cooperation: no stances
    architecture = fig.data[0]
    assert architecture.line.shape == "hv"
    assert list(architecture.y)[1:] == [2, 0]
    assert pd.Timestamp(architecture.x[-1]) == pd.Timestamp("2010-11-20")
