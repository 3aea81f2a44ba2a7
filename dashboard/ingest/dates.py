"""Dates in article text, resolved against the publication date, with a note on how.

Handles: explicit dates ('April 20', '22 September', '26 Jan 2011', 'March 2010', '2008'), day ranges
('20-21 May'), weekdays ('on Tuesday', "Monday's blast"), yesterday/today/tomorrow, last night, tonight,
'two days ago', 'a week ago', the weekend,
last/this/next week, month and year, 'last November', 'next May', 'May next
year', 'in March', 'by June' (past or future by the tense around them), seasons
('last fall'), and "after Monday's" as a window up to the publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
# Words before a month name that make it a date (so the verb 'may' or a name 'March' is not one).
_MONTH_LEAD = (
    r"(?P<lead>\b(?:in|by|for|since|until|till|from|of|early|late|mid|mid-|last|next|this|before|after|on)\s+)"
)
# Tense around a month or weekday with no year: future words make it the next one, not the last one.
FUTURE = re.compile(
    r"\b(?:will|would|could|should|shall|might|may|plans?|planned|expects?|expected|hopes?|hoped|due|intends?|"
    r"aims?|scheduled|to be held|upcoming|next|by)\b"
)

_RANGE_DASH = r"\s*(?:-|\u2013|\u2014|to)\s*"
_OPTIONAL_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # '20-21 May 2033', '20-21 May', 'May 20-21': a meeting over several days.
    (
        "day_range",
        re.compile(r"\b(?P<day>\d{1,2})" + _RANGE_DASH + r"(?P<last>\d{1,2})\s+" + _MONTH + _OPTIONAL_YEAR + r"\b"),
    ),
    (
        "day_range",
        re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})" + _RANGE_DASH + r"(?P<last>\d{1,2})\b" + _OPTIONAL_YEAR),
    ),
    ("day_month_year", re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("month_day_year", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"(?!\w)(?!,?\s*\d)")),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})\b(?!,?\s*\d)")),
    ("month_year", re.compile(r"\b" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("month_rel_year", re.compile(r"\b" + _MONTH + r"\s+(?P<rel>next|last|this)\s+year\b")),
    ("rel_month", re.compile(r"\b(?P<rel>last|next|this)\s+" + _MONTH + r"(?!\w)")),
    ("after_weekday", re.compile(r"\bafter\s+" + _WEEKDAY + r"['\u2019]s\b")),
    ("rel_weekday", re.compile(r"\b(?P<rel>last|next|this)\s+" + _WEEKDAY + r"\b")),
    ("weekday", re.compile(r"\b" + _WEEKDAY + r"(?:['\u2019]s)?\b")),
    (
        "rel_day",
        re.compile(
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b", re.I
        ),
    ),
    ("ago", re.compile(r"\b(?P<count>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>day|week)s?\s+ago\b", re.I)),
    ("weekend", re.compile(r"\b(?P<rel>last|this|next|over the|at the)\s+weekend\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<rel>last|this|next|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I)),
    ("season", re.compile(r"\b(?P<rel>last|this|next)\s+(?P<season>spring|summer|fall|autumn|winter)\b", re.I)),
    ("month", re.compile(_MONTH_LEAD + _MONTH + r"(?!\w)")),
    ("year", re.compile(r"(?<![\d,.])(?P<year>(?:19|20)\d{2})(?!\d|,\d)(?!\s+(?:characters|words|people))")),
]


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date
    precision: str  # day, week, month, year, approximate
    phrase: str
    note: str
    at: int  # offset of the phrase in the text searched
    lead: str = ""  # the word before the phrase ('by', 'since'), which tells a deadline from a past date


def find_dates(text: str, published: dt.date, offset: int = 0) -> list[DateRange]:
    """Every date expression in `text`, resolved; overlapping matches keep the earlier, longer pattern."""
    taken: list[tuple[int, int]] = []
    found: list[DateRange] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            resolved = _resolve(kind, match, published, _tense(text, match.start(), kind))
            if resolved is None:
                continue
            start, end, precision, how = resolved
            phrase = match.group().strip().rstrip(".")  # "in June." at a sentence end
            # 'since February': a month's lead word is inside its match; any other date's is the word before it.
            lead = [(match.groupdict().get("lead") or "").strip()] if kind == "month" else []
            lead = [w for w in lead if w] or text[max(0, match.start() - 12) : match.start()].split()[-1:] or [""]
            note = f"'{phrase}' resolved against the publication date {published.isoformat()} ({how})"
            found.append(DateRange(start, end, precision, phrase, note, offset + match.start(), lead[0].lower()))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.at)


Resolved = tuple[dt.date, dt.date, str, str] | None
# Dates printed without a year whose year the tense of their sentence decides.
_YEARLESS = ("month", "month_day", "day_month", "day_range")
_NEAR = 100


def _tense(text: str, at: int, kind: str) -> bool:
    """Whether the words before a date speak of the future. A weekday reads the words just before it; a date
    without a year reads its whole sentence so far ('is due to end …, and a meeting … in May')."""
    start = max(0, at - _NEAR)
    if kind in _YEARLESS:
        boundary = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z\"\u201c])|\n", text[:at])), default=0)
        start = min(start, boundary)
    if kind in _YEARLESS and _PAST_PARTICIPLE.search(text[max(0, at - _NEAR) : at]):
        return False
    return bool(FUTURE.search(text[start:at]))


# 'the plan, first put forward in December, would …': a past participle right before a date dates a past act, whatever
# the tense around it (not after 'be': 'will be signed in May'; not a participle of the future: 'expected in May').
_PAST_PARTICIPLE = re.compile(
    r"(?<!\bbe )(?<!\bbeing )\b(?!(?:planned|expected|scheduled|hoped|intended|aimed|due)\b)"
    r"(?:\w{3,}ed|put forward|set out|laid out|drawn up|made|given|held|sent|begun|written|struck|won)"
    r"(?:\s+(?:in|on))?\s*$"
)


def _resolve(kind: str, match: re.Match[str], published: dt.date, future: bool) -> Resolved:
    groups = match.groupdict()
    month = MONTHS.get((groups.get("month") or "").lower().rstrip("."), 0)
    if kind in ("day_month_year", "month_day_year"):
        return _day(int(groups["year"]), month, int(groups["day"]), "as printed")
    if kind in ("month_day", "day_month", "day_range"):
        return _yearless_days(groups, month, published, future)
    if kind == "month_year":
        return (*month_range(int(groups["year"]), month), "month", "as printed")
    if kind == "month_rel_year":
        year = published.year + {"next": 1, "last": -1, "this": 0}[groups["rel"]]
        return (*month_range(year, month), "month", f"{groups['rel']} year is {year}")
    if kind == "rel_month":
        return _relative_month(groups["rel"], month, published)
    if kind in ("weekday", "rel_weekday", "after_weekday"):
        return _weekday(kind, groups, published, future)
    if kind == "rel_day":
        shift = _DAY_SHIFT.get(groups["word"].lower().split()[0], 0)
        day = published + dt.timedelta(days=shift)
        return day, day, "day", f"{shift:+d} day"
    if kind == "ago":
        return _ago(groups["count"].lower(), groups["unit"].lower(), published)
    if kind == "weekend":
        return _weekend(groups["rel"].lower(), published, future)
    if kind == "rel_unit":
        return _relative_unit(groups["rel"].lower().split()[-1], groups["unit"].lower(), published)
    if kind == "season":
        return _season(groups["rel"].lower(), groups["season"].lower(), published)
    if kind == "month":
        return _bare_month(groups["lead"].strip().lower(), month, published, future)
    return _year(int(groups["year"]), published)


# 'last night' is yesterday's; 'tonight', 'this morning' are the publication day's.
_DAY_SHIFT = {"yesterday": -1, "last": -1, "today": 0, "tonight": 0, "this": 0, "tomorrow": 1}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_HALF_YEAR = 183


def _yearless_days(groups: dict[str, str], month: int, published: dt.date, future: bool) -> Resolved:
    """'on 1 January', '20-21 May' with no year: the year of publication, unless the tense puts it in the next year
    (a future date already past this year) or the last (a past date more than half a year ahead)."""
    first, last = int(groups["day"]), int(groups.get("last") or groups["day"])
    year, how = (int(groups["year"]), "as printed") if groups.get("year") else (published.year, "year of publication")
    start, end = _day(year, month, first, how), _day(year, month, last, how)
    if start is None or end is None or end[0] < start[0]:
        return None
    shift = 0
    if not groups.get("year") and future and start[0] < published:
        shift, how = 1, "future tense: the next such day"
    elif not groups.get("year") and not future and (start[0] - published).days > _HALF_YEAR:
        shift, how = -1, "past tense: the last such day"
    try:
        return start[0].replace(year=year + shift), end[0].replace(year=year + shift), "day", how
    except ValueError:  # 29 February
        return None


def _ago(count: str, unit: str, published: dt.date) -> Resolved:
    """'two days ago' is a day; 'a week ago' the Monday-Sunday week it falls in."""
    number = int(count) if count.isdigit() else _COUNTS[count]
    if unit == "day":
        day = published - dt.timedelta(days=number)
        return day, day, "day", f"{number} day(s) before it"
    start, end = week_of(published - dt.timedelta(weeks=number))
    return start, end, "week", f"the week {number} week(s) before it, Monday to Sunday"


def _weekend(rel: str, published: dt.date, future: bool) -> Resolved:
    """'last weekend', 'over the weekend': the Saturday and Sunday before (or, in the future tense, after)."""
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    if rel == "last" and published.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    if rel == "next" or (rel != "last" and future and saturday + dt.timedelta(days=1) < published):
        saturday += dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1), "approximate", f"{rel} weekend, Saturday and Sunday"


def _day(year: int, month: int, day: int, how: str) -> Resolved:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date, "day", how


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative_month(rel: str, month: int, published: dt.date) -> Resolved:
    if rel == "this":
        year = published.year
    elif rel == "last":  # the latest such month before the month of publication
        year = published.year if month < published.month else published.year - 1
    else:  # the first such month after the month of publication
        year = published.year if month > published.month else published.year + 1
    return (*month_range(year, month), "month", f"{rel} {calendar.month_name[month]} is {year}")


def _bare_month(lead: str, month: int, published: dt.date, future: bool) -> Resolved:
    """'in March': the next March if the sentence speaks of the future ('will', 'by'), else the last one."""
    if lead in ("last", "next", "this"):
        return _relative_month(lead, month, published)
    if future or lead in ("by", "until", "till", "for"):
        year = published.year if month >= published.month else published.year + 1
        how = "future tense: the next such month"
    else:
        year = published.year if month <= published.month else published.year - 1
        how = "past tense: the last such month"
    return (*month_range(year, month), "month", how)


def _weekday(kind: str, groups: dict[str, str], published: dt.date, future: bool) -> Resolved:
    weekday = WEEKDAYS[groups["weekday"].lower()]
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    rel = groups.get("rel") or ""
    if rel == "next" or (kind == "weekday" and future and ahead and not back == 0):
        day = published + dt.timedelta(days=ahead or 7)
        return day, day, "day", f"the next {groups['weekday']}"
    if rel == "last" and back == 0:
        back = 7
    day = published - dt.timedelta(days=back)
    if kind == "after_weekday":
        return day, published, "approximate", f"from {groups['weekday']} to the publication day"
    how = "the publication day" if back == 0 else f"the last {groups['weekday']} before it"
    return day, day, "day", how


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _relative_unit(rel: str, unit: str, published: dt.date) -> Resolved:
    shift = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        start, end = week_of(published + dt.timedelta(weeks=shift))
        return start, end, "week", f"{rel} week, Monday to Sunday"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(index, 12)
        return (*month_range(year, month + 1), "month", f"{rel} month")
    year = published.year + shift
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{rel} year"


def _season(rel: str, season: str, published: dt.date) -> Resolved:
    first, last = _SEASONS[season]
    starts = [dt.date(published.year + k, first, 1) for k in (-2, -1, 0, 1)]
    ranges = [(s, _season_end(s, last)) for s in starts]
    current = [r for r in ranges if r[0] <= published <= r[1]]
    past = [r for r in ranges if r[1] < published]
    coming = [r for r in ranges if r[0] > published]
    if rel == "this":
        chosen = current[0] if current else coming[0]
    elif rel == "last":
        chosen = past[-1]
    else:
        chosen = coming[0]
    return chosen[0], chosen[1], "approximate", f"{rel} {season}, as a three-month season"


def _season_end(start: dt.date, last_month: int) -> dt.date:
    year = start.year + (1 if last_month < start.month else 0)
    return month_range(year, last_month)[1]


def _year(year: int, published: dt.date) -> Resolved:
    if year > published.year + 10:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "as printed"
