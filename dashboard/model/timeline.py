"""Timeline layout, pure and testable: which events get a label and where,
how tall each lane is, the date range the axis covers, and the chart's text
alternative.

Labels are placed greedily: the most important events first (summits,
treaties, turning points), each into the first label row of its lane where its
text box, estimated from the characters at the font size, touches no other
label. Label rows lie below the lane's marker row, so a label never covers a
marker. A title that does not fit is shortened with an ellipsis; one that
still does not fit stays unlabelled (hover and the table carry every title).

The layout is computed for an assumed plot width in pixels. Zooming in only
spreads labels apart; the page shows a layout computed for a phone's width on
narrow screens (see views/timeline.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard.model.dates import format_day

ELLIPSIS = "…"
# The Timeline page's event picker offers at most this many events (plus the
# one chosen): its options travel to the browser on every rerun.
PICKER_EVENTS = 2_000
LABEL_FONT = 11  # px
LABEL_GAP = 8  # px of free space kept between two labels in one row
# Kinds labelled first; then events that are story steps; then the rest by kind.
KIND_PRIORITY = {
    "summit": 0,
    "treaty": 0,
    "ratification": 1,
    "deadline": 1,
    "conflict": 1,
    "council_meeting": 2,
    "announcement": 2,
    "speech": 3,
    "news_conference": 3,
    "statement": 3,
    "appointment": 3,
    "talks": 3,
    "seminar": 4,
    "working_group": 4,
    "attack": 4,
}

# Rough advance widths of a sans-serif font as a share of the font size; a
# little wider than Open Sans / Source Sans so estimates err on the safe side.
_NARROW = set("iljtf.,;:'!|()[] ")
_WIDE = set("mwMWQGOD@%&—–")


def text_width(text: str, font_size: float = LABEL_FONT) -> float:
    """Estimated pixel width of `text` at `font_size`."""
    units = 0.0
    for char in text:
        if char in _NARROW:
            units += 0.33
        elif char in _WIDE:
            units += 0.9
        elif char.isupper() or char.isdigit():
            units += 0.68
        else:
            units += 0.56
    return units * font_size


def shorten(text: str, max_chars: int) -> str:
    """`text` cut to at most `max_chars` characters, at a word if one is near, with an ellipsis."""
    if len(text) <= max_chars:
        return text
    if max_chars < 2:
        return ""
    cut = text[: max_chars - 1]
    space = cut.rfind(" ")
    if text[max_chars - 1] != " " and space >= max_chars // 2:  # don't end mid-word
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + ELLIPSIS


@dataclass(frozen=True)
class LabelSettings:
    """How labels are laid out for one assumed plot width."""

    plot_width: float  # px between the axis ends
    max_rows: int = 3  # label rows per lane
    max_chars: int = 34  # titles are shortened to this at most
    min_chars: int = 14  # shorter than this a label says too little: leave it out
    font_size: float = LABEL_FONT


# The plot widths the layouts are made for: the narrowest plot each is shown on
# (see ui/timeline.py for the screen widths; measured in Chromium).
WIDE = LabelSettings(plot_width=900, max_rows=3, max_chars=34)
MEDIUM = LabelSettings(plot_width=540, max_rows=3, max_chars=28)
NARROW = LabelSettings(plot_width=290, max_rows=3, max_chars=22)


def label_priority(events: pd.DataFrame, turning_points: Iterable[str] = ()) -> pd.Series:
    """Lower comes first: summits and treaties, then story-step events
    (turning points), then the rest by kind; ties by date."""
    by_kind = events["kind"].map(KIND_PRIORITY).fillna(5).to_numpy(dtype=float)
    in_story = events["event_id"].isin(set(turning_points)).to_numpy()
    return pd.Series(np.where(in_story, np.minimum(by_kind, 0.5), by_kind), index=events.index)


def _free(row: list[tuple[float, float]], left: float, right: float) -> bool:
    return all(right + LABEL_GAP <= a or left >= b + LABEL_GAP for a, b in row)


def place_labels(
    items: pd.DataFrame,
    x_range: tuple[pd.Timestamp, pd.Timestamp],
    settings: LabelSettings,
    axis_break: AxisBreak | None = None,
) -> pd.DataFrame:
    """Labels for `items` (columns event_id, lane, start, title, priority; one
    row per event and lane it is drawn in), laid out at `settings.plot_width`.

    Each event is labelled at most once, in its first lane. A label starts at
    its event's x and runs right, or ends there and runs left when that is the
    only room. Returns one row per labelled event: event_id, lane, text, row
    (0 = the first label row under the lane's markers), x (the event's start),
    anchor ("left" or "right"), left and right (px from the plot's left edge).
    With `axis_break`, x is placed on its two parts.
    """
    columns = ["event_id", "lane", "text", "row", "x", "anchor", "left", "right"]
    first, last = pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])
    span = (last - first) / pd.Timedelta(milliseconds=1)
    if items.empty or span <= 0:
        return pd.DataFrame(columns=columns)
    px_per_ms = settings.plot_width / span
    ordered = items.assign(_order=np.arange(len(items))).sort_values(["priority", "start", "_order"], kind="stable")
    rows: dict[tuple[str, int], list[tuple[float, float]]] = {}
    placed, seen = [], set()
    for item in ordered.to_dict("records"):
        event_id, lane, start = str(item["event_id"]), str(item["lane"]), pd.Timestamp(item["start"])
        if event_id in seen:
            continue
        seen.add(event_id)
        if axis_break is None:
            x_px = (start - first) / pd.Timedelta(milliseconds=1) * px_per_ms
        else:
            x_px = axis_break.share(start) * settings.plot_width
        if not 0 <= x_px <= settings.plot_width:
            continue  # starts outside the window: its marker is not in view
        spot = _find_spot(str(item["title"]), x_px, lane, rows, settings)
        if spot is None:
            continue
        text, row, anchor, left, right = spot
        rows.setdefault((lane, row), []).append((left, right))
        placed.append((event_id, lane, text, row, start, anchor, left, right))
    return pd.DataFrame(placed, columns=columns)


def _find_spot(
    title: str, x_px: float, lane: str, rows: dict, settings: LabelSettings
) -> tuple[str, int, str, float, float] | None:
    """The longest version of `title` that fits in a free place: (text, row, anchor, left, right)."""
    candidates = [shorten(title, settings.max_chars)]
    for chars in range(settings.max_chars - 4, settings.min_chars - 1, -4):
        shorter = shorten(title, chars)
        if shorter != candidates[-1] and len(shorter) >= settings.min_chars:
            candidates.append(shorter)
    for text in candidates:
        width = text_width(text, settings.font_size)
        for row in range(settings.max_rows):
            taken = rows.get((lane, row), [])
            if x_px + width <= settings.plot_width and _free(taken, x_px, x_px + width):
                return text, row, "left", x_px, x_px + width
            if x_px - width >= 0 and _free(taken, x_px - width, x_px):
                return text, row, "right", x_px - width, x_px
    return None


def place_centred(
    texts: Sequence[str], centres_px: Sequence[float], plot_width: float, max_rows: int = 2, font_size: float = 11
) -> list[tuple[str, int] | None]:
    """Titles centred over their x (px), in the first of `max_rows` rows where
    they touch no other; shortened with an ellipsis when nothing else fits,
    None when even that fails. For the phase titles above the lanes."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(max_rows)]
    result: list[tuple[str, int] | None] = []
    for title, centre in zip(texts, centres_px, strict=True):
        spot = None
        for chars in [len(title), *range(len(title) - 1, 5, -1)]:
            text = shorten(title, chars)
            half = text_width(text, font_size) / 2
            left, right = max(0.0, centre - half), min(plot_width, centre + half)
            if right - left < 2 * half - 0.5:
                left, right = (0.0, 2 * half) if centre - half < 0 else (plot_width - 2 * half, plot_width)
            free_row = next((r for r in range(max_rows) if _free(taken[r], left, right)), None)
            if free_row is not None:
                taken[free_row].append((left, right))
                spot = (text, free_row)
                break
        result.append(spot)
    return result


# --- the axis -----------------------------------------------------------------

AXIS_MARGIN_SHARE = 0.05
MIN_AXIS_MARGIN = pd.Timedelta(days=30)


def axis_range(
    events: pd.DataFrame, window: tuple[date | None, date | None] = (None, None)
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The x range: the chosen window when both ends are set; otherwise from
    the first day to the end of the last day of every event in view (year-
    precision ones too), with a margin at both ends (5 %, at least 30 days,
    so a marker at either end is not cut off)."""
    if events.empty:
        return span_range(None, None, window)
    return span_range(pd.Timestamp(events["start_date"].min()), pd.Timestamp(events["end_date"].max()), window)


def span_range(
    first_start: pd.Timestamp | None,
    last_end: pd.Timestamp | None,
    window: tuple[date | None, date | None] = (None, None),
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """`axis_range` of events whose first start and last end are given (None: no events)."""
    start, end = window
    if start is not None and end is not None:
        return pd.Timestamp(start), pd.Timestamp(end) + pd.Timedelta(days=1)
    if first_start is None or last_end is None or pd.isna(first_start) or pd.isna(last_end):
        return None
    first = pd.Timestamp(first_start) if start is None else pd.Timestamp(start)
    last = pd.Timestamp(last_end) + pd.Timedelta(days=1)
    if end is not None:
        last = pd.Timestamp(end) + pd.Timedelta(days=1)
    margin = max((last - first) * AXIS_MARGIN_SHARE, MIN_AXIS_MARGIN)
    return first - (margin if start is None else pd.Timedelta(0)), last + (margin if end is None else pd.Timedelta(0))


# --- early context compressed ---------------------------------------------------

# Early context (before the story's first event) takes at most CONTEXT_SHARE of the plot's width: a strip of
# STRIP_SHARE at the left, on its own scale, then a break. On the bundled data the 2008 Georgia war and the
# empty months after it took 39 % of a linear axis.
CONTEXT_SHARE = 0.15
STRIP_SHARE = 0.12


@dataclass(frozen=True)
class AxisBreak:
    """The x axis in two parts: early `context` (a date range) in a strip at the left, then `main` from
    `cutoff` on; events starting before `cutoff` are drawn in the strip."""

    context: tuple[pd.Timestamp, pd.Timestamp]
    main: tuple[pd.Timestamp, pd.Timestamp]
    cutoff: pd.Timestamp

    def share(self, day: pd.Timestamp) -> float:
        """Where `day` sits, as a share of the plot's width from its left edge."""
        (first, last), width = (self.context, STRIP_SHARE) if day < self.cutoff else (self.main, 1 - CONTEXT_SHARE)
        return (CONTEXT_SHARE if day >= self.cutoff else 0.0) + float((day - first) / (last - first)) * width


def context_cutoff(
    events: pd.DataFrame, turning_points: Iterable[str] = (), phase_starts: Iterable[pd.Timestamp] = ()
) -> pd.Timestamp | None:
    """Where the story starts: its first event in view, or the first phase that begins after the first event
    if that is earlier (a phase's title needs its band in the main part). Without a story event in view, the
    first event after the longest quiet spell among the earliest tenth of the events (at least one event
    before it): a general dataset's background comes first and then a gap, and the rule never hides the bulk
    of the record."""
    story = events[events["event_id"].isin(set(turning_points))]
    cutoff = pd.Timestamp(story["start_date"].min()) if len(story) else _after_longest_early_gap(events)
    if cutoff is None or events.empty:
        return cutoff
    first = pd.Timestamp(events["start_date"].min())
    return min([cutoff, *(pd.Timestamp(day) for day in phase_starts if first < pd.Timestamp(day) < cutoff)])


def _after_longest_early_gap(events: pd.DataFrame) -> pd.Timestamp | None:
    ordered = events.sort_values("start_date", kind="stable")
    starts = ordered["start_date"].reset_index(drop=True)
    ends = (ordered["end_date"] + pd.Timedelta(days=1)).cummax().reset_index(drop=True)
    gaps = (starts.shift(-1) - ends).iloc[: max(1, len(events) // 10)].dropna()
    if gaps.empty or gaps.max() <= pd.Timedelta(0):
        return None
    return pd.Timestamp(starts.iloc[int(np.argmax(gaps.to_numpy())) + 1])


def axis_break(
    events: pd.DataFrame,
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None,
    turning_points: Iterable[str] = (),
    phase_starts: Iterable[pd.Timestamp] = (),
) -> AxisBreak | None:
    """The broken axis for `events` on `x_range`, or None when early context (before `context_cutoff`) would
    take no more than CONTEXT_SHARE of a plain axis (or there is none, or no gap to break at)."""
    cutoff = context_cutoff(events, turning_points, phase_starts)
    if x_range is None or cutoff is None:
        return None
    first, last = x_range
    main_start = cutoff - max((last - cutoff) * AXIS_MARGIN_SHARE / 2, MIN_AXIS_MARGIN)
    early = events[events["start_date"] < cutoff]
    if early.empty or main_start <= first or (main_start - first) / (last - first) <= CONTEXT_SHARE:
        return None
    early_end = pd.Timestamp(early["end_date"].max()) + pd.Timedelta(days=1)
    context_end = early_end + max(pd.Timestamp(early["start_date"].min()) - first, MIN_AXIS_MARGIN)
    if context_end >= main_start:
        return None  # the early events run into the story: no gap to break at
    return AxisBreak(context=(first, context_end), main=(main_start, last), cutoff=cutoff)


# --- the text alternative --------------------------------------------------------


def month_year(day: pd.Timestamp) -> str:
    return f"{day:%b %Y}"


def timeline_alt_text(
    events: pd.DataFrame, lane_count: int, *, labelled: int | None = None, aggregated: bool = False
) -> str:
    """What the timeline shows, for screen readers (Streamlit's `alt=`), e.g.
    "Timeline of 30 events, Sep 2009 – May 2012, on 6 lanes; planned events: 2"."""
    status = events["status_shown" if "status_shown" in events else "status"]
    first, last = events["start_date"].min(), events["end_date"].max()
    counts = (len(events), int((status == "planned").sum()), int((status == "did_not_happen").sum()))
    return summary_alt_text(first, last, counts, lane_count, labelled=labelled, aggregated=aggregated)


def summary_alt_text(
    first: pd.Timestamp | None,
    last: pd.Timestamp | None,
    counts: tuple[int, int, int],
    lane_count: int,
    *,
    labelled: int | None = None,
    aggregated: bool = False,
) -> str:
    """`timeline_alt_text` of events known by their first start, last end and `counts` (events, planned, did not
    happen): what an archived view knows without holding its events."""
    events, planned, not_held = counts
    if not events:
        return "Timeline with no events in view."
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        span = "undated"
    else:
        first, last = pd.Timestamp(first), pd.Timestamp(last)
        span = (
            month_year(first) if month_year(first) == month_year(last) else f"{month_year(first)} – {month_year(last)}"
        )
    lanes = f"{lane_count} lane" + ("" if lane_count == 1 else "s")
    noun = "event" if events == 1 else "events"
    text = f"Timeline of {events:,} {noun}, {span}, on {lanes}; planned events: {planned:,}"
    if not_held:
        text += f"; did not happen: {not_held:,}"
    if aggregated:
        text += ". Shown as counts per week; the table below lists each event."
    elif labelled is not None:
        text += f". {labelled} of them labelled on the chart; the table below lists every one."
    return text


def window_caption(window: tuple[date | None, date | None]) -> str:
    start, end = window
    if start is None and end is None:
        return "the whole record"
    left = format_day(pd.Timestamp(start)) if start else "the start"
    right = format_day(pd.Timestamp(end)) if end else "the end"
    return f"{left} – {right}"
