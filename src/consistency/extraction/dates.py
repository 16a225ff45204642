"""Calendar dates in prose ("February 9", "August 11, last year", "in September last year"),
resolved against the article's date.

A date always names its month, so the scan looks for month names alone (a fast pass) and reads the
day and year around each one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import Final, final

from consistency.extraction.numbers import trie_pattern

MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Every branch starts with a capital letter, so the scan skips straight to capitals.
_MONTH: Final = re.compile(trie_pattern([m.capitalize() for m in MONTHS]) + r"(?![A-Za-z])\.?")
# Each capital a month name opens with as one marker byte, lower-case letters as they are, anything
# else a space; then a marker followed by the two letters after a month's capital.
_MONTH_CAPITALS: Final = bytes(
    1 if chr(byte) in "ADFJMNOS" else byte if 97 <= byte <= 122 else 32 for byte in range(256)
)
_MONTH_START: Final = re.compile(
    b"\x01(?:" + b"|".join(sorted({m[1:3].encode("ascii") for m in MONTHS})) + b")"
)
_YEAR: Final = r"1\d{3}|20\d{2}"
_RELATIVE: Final = r"last|this|next|previous|the previous|the following"
_AFTER: Final = re.compile(
    rf"[ \u00a0](?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:[-–](?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?\b(?!,\d|\.\d|[-–]\d)"
    rf"(?:,?[ \u00a0](?:(?P<year>{_YEAR})\b|(?P<rel>{_RELATIVE})[ \u00a0]year\b))?"
    rf"|[ \u00a0](?:of[ \u00a0])?(?P<year_only>{_YEAR})\b"
    rf"|[ \u00a0](?P<rel_only>{_RELATIVE})[ \u00a0]year\b"
)
_AFTER_GROUPS: Final = ("day", "day2", "year", "year_only", "rel", "rel_only")
_DAY_BEFORE: Final = re.compile(r"(?<![\d,.])(?P<day>\d{1,2})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?$")
# The letters an ordinal suffix ("st", "nd", "rd", "th") or "of" ends in, before _DAY_BEFORE's space.
_DAY_SUFFIX_ENDS: Final = frozenset("tdhf")
# A copy of claims' own: compiled code reads a set from another module through the module object.
_SPACES: Final = frozenset(" \u00a0")


def day_may_precede(prose: str, start: int) -> bool:
    """Whether _DAY_BEFORE may end at `start`: after a space that follows a digit, an ordinal suffix
    or "of" ("5 May", "5th May", "5 of May"). Most month names follow some other word."""
    if prose[start - 1 : start] == "\n":
        start -= 1  # `$` also matches before a line break that ends the text searched
    if start < 2 or prose[start - 1] not in _SPACES:
        return False
    last = prose[start - 2]
    return last in _DAY_SUFFIX_ENDS or last.isdecimal()


_YEAR_AFTER_DAY_FIRST: Final = re.compile(rf",?[ \u00a0](?P<year>{_YEAR})\b")
_SHIFT: Final = {"last": -1, "previous": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}


@final
class DateMention:
    """A date as written, with the first and last day it can mean.

    A plain class, not a frozen dataclass, so that mypyc compiles its constructor (see `_Quantity`).
    """

    def __init__(self, start: int, end: int, iso: str, first: dt.date | None, last: dt.date | None) -> None:
        self.start: Final = start
        self.end: Final = end
        self.iso: Final = iso
        self.first: Final = first
        self.last: Final = last


def find_dates(
    prose: str,
    anchor: dt.date | None,
    digit_runs: Sequence[tuple[int, int, str]] | None = None,
    ascii_prose: bytes | None = None,
) -> list[DateMention]:
    """Every calendar date in `prose`, with its year taken from the text or from `anchor`.

    `digit_runs` are the (start, end, tag) of every run of ASCII digits, when the caller has them:
    the written years are then read from them instead of from a pass of their own over the prose.
    `ascii_prose` is the prose one byte per character, "?" for any not ASCII, likewise.
    """
    found = []
    years = _Years(prose, digit_runs)
    if ascii_prose is None:
        ascii_prose = prose.encode("ascii", "replace")
    for month_match in _month_names(prose, ascii_prose):
        at = month_match.start()
        if at and prose[at - 1].isalpha():
            continue
        mention = _read_date(prose, month_match, anchor, years)
        if mention is not None:
            found.append(mention)
    return found


def _month_names(prose: str, ascii_prose: bytes) -> list[re.Match[str]]:
    """Where `_MONTH` matches in `prose`, tried only where a month's capital and next two letters
    stand: those are found on a byte copy of the prose where each of the eight capitals a month
    starts with is one marker byte, which sre skips to far quicker than to a class of capitals."""
    marked = ascii_prose.translate(_MONTH_CAPITALS)
    found = []
    for candidate in _MONTH_START.finditer(marked):
        month = _MONTH.match(prose, candidate.start())
        if month is not None:
            found.append(month)
    return found


def days_in_month(year: int, month: int) -> int:
    """How many days a month has (`calendar.monthrange`'s count, without its interpreted weekday)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_mention(start: int, end: int, year: int) -> DateMention:
    """A bare year used as a date ("in 2024")."""
    return DateMention(start, end, f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _read_date(
    prose: str, month_match: re.Match[str], anchor: dt.date | None, years: _Years
) -> DateMention | None:
    """The date around one month name, or None when the month stands alone."""
    word = month_match.group()
    start, end = month_match.start(), month_match.end()
    if word.endswith(".") and len(word) > 5:
        word, end = word[:-1], end - 1  # "September." ends a sentence; only "Sept." is abbreviated
    month = MONTHS[word.rstrip(".").lower()]
    day = year = last_day_of_range = None
    relative = None
    before = _DAY_BEFORE.search(prose, max(0, start - 10), start) if day_may_precede(prose, start) else None
    after = _AFTER.match(prose, end)
    if before is not None and (after is None or after.group("day") is None):
        day, start = int(before.group("day")), before.start()
        tail = _YEAR_AFTER_DAY_FIRST.match(prose, end)
        if tail is not None:
            year, end = int(tail.group("year")), tail.end()
    elif after is not None:
        day_text, day2_text, year_text, year_only, rel, rel_only = after.group(*_AFTER_GROUPS)
        day = int(day_text) if day_text else None
        last_day_of_range = int(day2_text) if day2_text else None
        year_text = year_text or year_only
        year = int(year_text) if year_text else None
        relative = rel or rel_only
        end = after.end()
    else:
        return None
    if word == "May" and day is None and year is None:
        return None  # "may" the verb, capitalised at a sentence start
    if year is None and not relative:
        year = years.before(start)  # "In December 2011 ... the December 6 packet"
    if year is None and anchor is not None:
        year = anchor.year + (_SHIFT[relative] if relative else 0)
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            year = None  # "next year" after an article dated 9999
    if day is not None and not 1 <= day <= days_in_month(year or 2024, month):
        return None
    if year is None:
        iso = f"--{month:02d}" + (f"-{day:02d}" if day else "")
        return DateMention(start, end, iso, None, None)
    if day is None:
        last_day = days_in_month(year, month)
        return DateMention(
            start, end, f"{year:04d}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, last_day)
        )
    when = dt.date(year, month, day)
    if last_day_of_range is not None and day < last_day_of_range <= days_in_month(year, month):
        until = dt.date(year, month, last_day_of_range)
        return DateMention(start, end, f"{when.isoformat()}/{until.isoformat()}", when, until)
    return DateMention(start, end, when.isoformat(), when, when)


# Starts with a literal digit so the scan skips ahead; the look-behind then checks the char before.
_EXPLICIT_YEAR: Final = re.compile(r"(?:1[89]|20)(?<![\d,.$€£¥]..)\d\d(?![\d,])")
_CENTURIES: Final = ("18", "19", "20")
_NOT_BEFORE_YEAR: Final = frozenset(",.$€£¥")
_PARAGRAPH_BREAK: Final = re.compile("\n\n")


def _year_at(prose: str, start: int) -> int | None:
    """The year `_EXPLICIT_YEAR` reads at the start of a digit run, or None.

    Every match of that regex starts a run, as the character before a match is no digit, comma or
    point, so it cannot continue an earlier run."""
    if not prose.startswith(_CENTURIES, start):
        return None
    before = prose[start - 1] if start else ""
    last_two = prose[start + 2 : start + 4]
    after = prose[start + 4 : start + 5]
    # `\d` is any decimal digit (str.isdecimal), not only ASCII: "19٤٥" is a year to the regex too.
    if (
        not (before.isdecimal() or before in _NOT_BEFORE_YEAR)
        and len(last_two) == 2
        and last_two.isdecimal()
        and not (after.isdecimal() or after == ",")
    ):
        return int(prose[start : start + 4])
    return None


class _Years:
    """The years written in a text, to date year-less mentions by their paragraph."""

    def __init__(self, prose: str, digit_runs: Sequence[tuple[int, int, str]] | None = None) -> None:
        self._prose = prose
        self._digit_runs = digit_runs
        self._found: tuple[list[int], list[int], list[int]] | None = None

    def before(self, at: int) -> int | None:
        """The last year written earlier in the same paragraph as `at`, or None."""
        prose = self._prose
        runs = self._digit_runs
        if runs is not None:
            # Walk back over the last few digit runs of this paragraph: a date's year is most often
            # close by, where reading every year and paragraph break of the text costs as much as
            # the rest of the dates. A longer walk is left to that reading, done once.
            k = bisect.bisect_left(runs, at, key=_run_start) - 1
            lowest = max(k - _WALK, -1)
            paragraph = prose.rfind("\n\n", runs[lowest][0] if lowest >= 0 else 0, at)
            while k > lowest and runs[k][0] > paragraph:
                year = _year_at(prose, runs[k][0])
                if year is not None:
                    return year
                k -= 1
            if k > lowest or lowest < 0:
                return None  # a paragraph break, or the start of the text, came first
        if self._found is None:
            if runs is not None:
                starts = [run[0] for run in runs if _year_at(prose, run[0]) is not None]
            else:
                starts = [m.start() for m in _EXPLICIT_YEAR.finditer(prose)]
            breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(prose)]
            self._found = (starts, [int(prose[s : s + 4]) for s in starts], breaks)
        starts, values, breaks = self._found
        k = bisect.bisect_left(starts, at) - 1
        if k < 0:
            return None
        paragraph = bisect.bisect_left(breaks, at) - 1
        if paragraph >= 0 and starts[k] < breaks[paragraph]:
            return None  # the last year is in an earlier paragraph
        return values[k]


# How many digit runs a date's year is looked for among before all the text's years are read.
_WALK: Final = 16


def _run_start(run: tuple[int, int, str]) -> int:
    return run[0]
