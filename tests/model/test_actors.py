from datetime import date

from dashboard.model.actors import actor_roles_on, co_attendance, events_attended, statements_by


def test_actor_roles_on_a_day(ds):
    assert actor_roles_on(ds, "rogozin")["role"].tolist() == ["Ambassador to NATO", "Deputy Prime Minister"]
    assert actor_roles_on(ds, "rogozin", date(2011, 12, 22))["role"].tolist() == ["Ambassador to NATO"]
    assert actor_roles_on(ds, "rogozin", date(2011, 12, 23))["role"].tolist() == ["Deputy Prime Minister"]
    assert actor_roles_on(ds, "rasmussen", date(2009, 1, 1)).empty


def test_events_attended_include_every_status(ds):
    assert events_attended(ds, "rasmussen")["event_id"].tolist() == ["e_lisbon", "e_council", "e_chicago"]


def test_statements_by(ds):
    statements = statements_by(ds, "medvedev")
    assert statements["statement_id"].tolist() == ["st_medv"]
    assert statements["speaker_name"].tolist() == ["Dmitry Medvedev"]


def test_co_attendance_counts_held_events_only(ds):
    pairs = co_attendance(ds)
    assert list(pairs.columns) == ["actor_a", "actor_b", "events", "event_ids"]
    assert (pairs["actor_a"] < pairs["actor_b"]).all()
    top = pairs.iloc[0]
    # the planned Chicago summit does not count as a meeting
    assert (top["actor_a"], top["actor_b"], top["events"], top["event_ids"]) == (
        "medvedev",
        "rasmussen",
        2,
        ("e_lisbon", "e_council"),
    )
    as_pairs = set(zip(pairs["actor_a"], pairs["actor_b"], strict=True))
    assert ("nato_official", "rogozin") in as_pairs
    assert len(pairs) == 7
    assert not any("iran" in pair for pair in as_pairs)
