"""The timeline's data, shaped column-wise: the lanes each event is drawn in, and how (a marker on one day or a
bar over its days), and the weekly counts the aggregated view draws.

Built with numpy and pandas, not row by row: a row-by-row walk cost half a second at 1,000 events, and the
weekly counts run on up to 1,000,000 events. Lane names are returned as the data has them; the charts escape
them for Plotly."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd

NO_PARTICIPANT = "(no participant)"
OTHER_LANES = "(other lanes)"
MAX_DENSITY_LANES = 40
IMPRECISE = frozenset({"week", "month", "year", "approximate"})


def event_lanes(events: pd.DataFrame, lane_by: str, actors: pd.DataFrame | None) -> pd.DataFrame:
    """(row, event_id, lane, group): the lanes each event is drawn in, once
    per lane. By event kind; or by each participant's name (actor) or
    affiliation, an unknown actor under its id with no group, and events
    without participants in the "(no participant)" lane. `row` is the event's
    position in `events`; `lane` is categorical."""
    count = len(events)
    if lane_by == "kind":
        return pd.DataFrame(
            {
                "row": np.arange(count),
                "event_id": events["event_id"].to_numpy(),
                "lane": pd.Categorical([str(kind) for kind in events["kind"]]),
                "group": "",
            }
        )
    id_lists = events["participant_ids"].to_numpy()
    sizes = np.fromiter((len(ids) for ids in id_lists), dtype=np.int64, count=count)
    actor_ids = np.fromiter(chain.from_iterable(id_lists), dtype=object, count=int(sizes.sum()))
    # Look names and affiliations up once per distinct actor, not once per pair.
    actor_codes, distinct = pd.factorize(actor_ids)
    known = actors if actors is not None else pd.DataFrame({"actor_id": [], "name": [], "affiliation": []})
    position = pd.Index(known["actor_id"]).get_indexer(distinct)  # -1: unknown actor → the extra "" slot
    affiliation = np.append(known["affiliation"].to_numpy(dtype=object), "")[position]
    if lane_by == "affiliation":
        lane = np.where(affiliation != "", affiliation, distinct)
    else:
        lane = np.where(position >= 0, np.append(known["name"].to_numpy(dtype=object), "")[position], distinct)
    lane_of_actor, labels = pd.factorize(np.append(lane, NO_PARTICIPANT))
    group_of_lane = np.empty(len(labels), dtype=object)
    group_of_lane[lane_of_actor] = np.append(affiliation, "")  # one group per lane
    alone = np.flatnonzero(sizes == 0)  # events without participants
    rows = np.concatenate([np.repeat(np.arange(count), sizes), alone])
    codes = np.concatenate([lane_of_actor[actor_codes], np.full(len(alone), lane_of_actor[-1])])
    # An event once per lane (first occurrences, in order): np.unique sorts the 2,500,000 keys of 1,000,000
    # events in 0.2 s, where Series.duplicated's hash table took 0.8 s.
    once = np.zeros(len(rows), dtype=bool)
    once[np.unique(rows * len(labels) + codes, return_index=True)[1]] = True
    rows, codes = rows[once], codes[once]
    return pd.DataFrame(
        {
            "row": rows,
            # taken as it is stored (Arrow): to_numpy() made a Python str per event, ~1 s at 1,000,000
            "event_id": events["event_id"].array.take(rows),
            "lane": pd.Categorical.from_codes(codes, categories=pd.Index([str(label) for label in labels])),
            # object, as built: pandas would otherwise convert 2,500,000 strs to Arrow (0.5 s at 1,000,000 events)
            "group": pd.Series(group_of_lane[codes], dtype=object),
        }
    )


def event_marks(events: pd.DataFrame, lanes: pd.DataFrame) -> pd.DataFrame:
    """One row per row of `lanes` (from `event_lanes`) with how to draw it.

    Columns: event_id, lane, group (affiliation for colour, "" if none),
    shape ("marker" for a one-day event dated to the day, else "bar"),
    imprecise (bool), status_shown, start, end_excl (day after the last day)."""
    row = lanes["row"].to_numpy()
    start, end = events["start_date"].to_numpy(), events["end_date"].to_numpy()
    imprecise = np.isin(events["date_precision"].to_numpy(dtype=object), list(IMPRECISE))
    status = events["status_shown" if "status_shown" in events else "status"].to_numpy(dtype=object)
    return pd.DataFrame(
        {
            "event_id": lanes["event_id"].to_numpy(),
            "lane": lanes["lane"].astype(str).to_numpy(),
            "group": lanes["group"].to_numpy(),
            "shape": np.where((start == end) & ~imprecise, "marker", "bar")[row],
            "imprecise": imprecise[row],
            "status_shown": status[row],
            "start": start[row],
            "end_excl": (end + np.timedelta64(1, "D"))[row],
        }
    )


def fold_lanes(marks: pd.DataFrame, order: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """At most MAX_DENSITY_LANES lanes (in `order`): the busiest keep theirs, the rest share
    OTHER_LANES (an event drawn there once)."""
    if len(order) <= MAX_DENSITY_LANES:
        return marks, order
    busiest = set(marks["lane"].value_counts(sort=True).index[: MAX_DENSITY_LANES - 1])
    kept = [lane for lane in order if lane in busiest]
    folded = marks.assign(lane=np.where(marks["lane"].isin(busiest), marks["lane"], OTHER_LANES))
    folded = folded.drop_duplicates(["event_id", "lane"])
    return folded, [*kept, OTHER_LANES]


def week_starts(days: pd.Series) -> np.ndarray:
    """The Monday of each day's calendar week."""
    return (days.dt.normalize() - pd.to_timedelta(days.dt.day_of_week, unit="D")).to_numpy()


def weekly_counts(events: pd.DataFrame, lanes: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Events per lane (rows, str) and calendar week of their start date (columns), 0 where none; and each
    lane's group."""
    lanes = lanes.assign(week=week_starts(events["start_date"])[lanes["row"].to_numpy()])
    counts = lanes.groupby(["lane", "week"], observed=True).size().unstack("week", fill_value=0)
    counts.index = counts.index.astype(str)
    groups = lanes.groupby("lane", observed=True)["group"].first()
    return counts, groups.reindex(counts.index)


def fold_weekly_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """At most MAX_DENSITY_LANES lanes of `counts` (rows in their order): the busiest keep theirs, the rest
    are summed into OTHER_LANES."""
    if len(counts) <= MAX_DENSITY_LANES:
        return counts
    busiest = set(counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[: MAX_DENSITY_LANES - 1])
    kept = [lane for lane in counts.index if lane in busiest]
    rest = counts.drop(index=kept).sum().rename(OTHER_LANES)
    return pd.concat([counts.loc[kept], rest.to_frame().T])
