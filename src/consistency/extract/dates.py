"""Calendar dates in prose ("February 9", "August 11, last year", "in September last year"),
resolved against the article's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_RELATIVE = r"(?P<rel>last|this|next|previous|the previous|the following) year"
DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})[ \u00a0](?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d|\.\d|[-–]\d)"
    rf"(?:,?[ \u00a0](?:(?P<y1>1\d{{3}}|20\d{{2}})\b|{_RELATIVE.replace('rel', 'r1')}\b))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?(?P<m2>{_MONTH})(?![A-Za-z])"
    rf"(?:,?[ \u00a0](?P<y2>1\d{{3}}|20\d{{2}})\b)?"
    rf"|\b(?P<m3>{_MONTH})[ \u00a0](?:of[ \u00a0])?(?P<y3>1\d{{3}}|20\d{{2}})\b"
    rf"|\b(?P<m4>{_MONTH})[ \u00a0]{_RELATIVE.replace('rel', 'r4')}\b"
)
_SHIFT = {"last": -1, "previous": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written, with the first and last day it can mean."""

    start: int
    end: int
    iso: str
    first: dt.date | None
    last: dt.date | None


def find_dates(prose: str, anchor: dt.date | None) -> list[DateMention]:
    """Every calendar date in `prose`, with its year taken from the text or from `anchor`."""
    found = []
    for match in DATE.finditer(prose):
        mention = _resolve(match, anchor)
        if mention is not None:
            found.append(mention)
    return found


def year_mention(start: int, end: int, year: int) -> DateMention:
    """A bare year used as a date ("in 2024")."""
    return DateMention(start, end, f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _resolve(match: re.Match[str], anchor: dt.date | None) -> DateMention | None:
    groups = match.groupdict()
    month_word = groups["m1"] or groups["m2"] or groups["m3"] or groups["m4"] or ""
    month = MONTHS[month_word.rstrip(".").lower()]
    day_text = groups["d1"] or groups["d2"]
    day = int(day_text) if day_text else None
    if month_word.startswith("May") and day is None and not groups["y3"]:
        return None
    year_text = groups["y1"] or groups["y2"] or groups["y3"]
    relative = groups["r1"] or groups["r4"]
    year: int | None
    if year_text:
        year = int(year_text)
    elif relative and anchor:
        year = anchor.year + _SHIFT[relative]
    elif anchor:
        year = anchor.year
    else:
        year = None
    if day is not None and not 1 <= day <= (calendar.monthrange(year or 2024, month)[1]):
        return None
    if year is None:
        iso = f"--{month:02d}" + (f"-{day:02d}" if day else "")
        return DateMention(match.start(), match.end(), iso, None, None)
    if day is None:
        last_day = calendar.monthrange(year, month)[1]
        return DateMention(
            match.start(),
            match.end(),
            f"{year:04d}-{month:02d}",
            dt.date(year, month, 1),
            dt.date(year, month, last_day),
        )
    when = dt.date(year, month, day)
    return DateMention(match.start(), match.end(), when.isoformat(), when, when)
