"""The guided story (data/story_steps.csv): steps, what was said then, and the day the gap is read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.data.dataset import Dataset


@dataclass(frozen=True)
class Step:
    number: int
    count: int
    title: str
    text: str
    event: pd.Series
    statements: pd.DataFrame
    gap_day: date
    source_ids: tuple[str, ...]

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None


def step_numbers(ds: Dataset) -> list[int]:
    return sorted(int(n) for n in ds.story_steps["step"])


def parse_step(value: str | None, ds: Dataset) -> int:
    """The step a link asks for (`?step=N`); step 1 when absent or not a step."""
    numbers = step_numbers(ds)
    if value is not None and value.isdigit() and int(value) in numbers:
        return int(value)
    return numbers[0] if numbers else 1


def story_step(ds: Dataset, number: int) -> Step | None:
    """Step `number` with its event, its statements (in the table's order) and
    the day its stance gap is read (gap_day, else the event's last day)."""
    steps = ds.story_steps
    found = steps[steps["step"] == number]
    events = ds.events.set_index("event_id", drop=False)
    if found.empty or found.iloc[0]["event_id"] not in events.index:
        return None
    row = found.iloc[0]
    event = events.loc[row["event_id"]]
    wanted = list(row["statement_ids"])
    said = ds.statements[ds.statements["statement_id"].isin(wanted)]
    said = said.set_index("statement_id", drop=False).loc[[s for s in wanted if s in set(said["statement_id"])]]
    day = row["gap_day"] if pd.notna(row["gap_day"]) else event["end_date"]
    return Step(
        number=number,
        count=len(steps),
        title=row["title"],
        text=row["text"],
        event=event,
        statements=said.reset_index(drop=True),
        gap_day=pd.Timestamp(day).date(),
        source_ids=tuple(row["source_ids"]),
    )
