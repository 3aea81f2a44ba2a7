"""One problem found in the data, located as a spreadsheet would show it.

Kept in its own module so that the schema, the cross-table checks and the
loader can all create problems without importing each other;
``dashboard.data.load`` re-exports :class:`Problem`.
"""

from __future__ import annotations

from dataclasses import dataclass

# Longest cell value quoted in a message; longer values are cut with "…".
MAX_SHOWN_VALUE = 60


@dataclass(frozen=True)
class Problem:
    """A problem in one data file, printed as ``file:row:column: message``.

    - ``file`` is the bare file name (``events.csv``); for a problem with the
      data directory itself it is the directory path as given.
    - ``row`` is 1-based as a spreadsheet shows it: the header is row 1, the
      first data row is row 2. ``None`` when the problem is about the whole
      file (printed as an empty field).
    - ``column`` is the column name, ``None`` when the problem is about a whole
      row or file (printed as an empty field).

    So there are always three colons before the message::

        events.csv:7:end_date: '2011-02-01' is before start_date '2011-03-01'
        events.csv:1:place: missing column
        events.csv:9:: row has 18 fields, the header has 17
        events.csv::: file is missing
    """

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        row = "" if self.row is None else str(self.row)
        column = self.column or ""
        return f"{self.file}:{row}:{column}: {self.message}"


def show(value: object, limit: int = MAX_SHOWN_VALUE) -> str:
    """A value for a message: quoted, escaped (one line), cut to `limit` characters if longer."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)
