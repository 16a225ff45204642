"""`date_span`: a stated span of time against the dates that bound it.

"the 13-year-old company, founded in 2011"; "Smith, 54, was born in 1970"; "in the past six months,
since March 2023"; "from 2015 to 2020, five years". A pattern binds the `span` (a duration or an
age) and the date it runs `since`, and optionally the date it runs `until`; without one the span
runs to the article's date (or up to `report_lag_days` before it, for a figure reported after its
period), and an article with no date leaves it unchecked. Dates are intervals
("2011" is the whole year), so the elapsed time is an interval too. An age counts whole years
completed: 54 is anything from 54 to just under 55.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Final

from consistency.checks import Bounds, Context, Result, judge
from consistency.models import Claim
from consistency.rules import Rule

# Days in each unit a span is stated in, on average over the Gregorian calendar.
DAYS_PER_UNIT: Final = {
    "year": 365.2425,
    "year_of_age": 365.2425,
    "month": 365.2425 / 12,
    "month_of_age": 365.2425 / 12,
    "week": 7.0,
    "day": 1.0,
}
AGE_UNITS: Final = frozenset({"year_of_age", "month_of_age"})
# "a 43-month high", "a five-year low": a span the figure is the highest or lowest of
_RECORD: Final = re.compile(r"[ \u00a0-]*(?:high|low|peak|record|highest|lowest)(?![A-Za-z])", re.IGNORECASE)
# "... the largest since November 2014": what a record runs back to, read before the date
_SUPERLATIVE_SINCE: Final = re.compile(
    r"(?<![A-Za-z])(?:largest|highest|widest|biggest|lowest|smallest|narrowest|deepest|strongest"
    r"|weakest|best|worst|most|least)[ \u00a0]+since[ \u00a0]+$",
    re.IGNORECASE,
)


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the stated span with the time elapsed between its dates; None when no span of time."""
    span, since, until = bound["span"], bound["since"], bound.get("until")
    allowed = rule.words("span_units") or tuple(DAYS_PER_UNIT)
    if span.kind != "duration" or span.unit not in allowed or since.kind != "date":
        return None
    if until is not None and until.kind != "date":
        return None
    end = _until(until, context.date)
    if end is None:
        return Result(rule, "unchecked", (span, since), reason="no article date to count the span to")
    end_low, end_high, end_text = end
    if until is None:
        # "a 43-month high": the figure is for a period the article reports some weeks after it ends
        end_low -= rule.option("report_lag_days", 0)
    per_unit = DAYS_PER_UNIT[span.unit]
    elapsed = Bounds((end_low - since.high) / per_unit, (end_high - since.low) / per_unit, span.unit)
    if elapsed.high < 0:
        return None  # the date is after the end: not the start of this span
    stated = _stated(span)
    unit = span.unit.removesuffix("_of_age")
    arithmetic = (
        f"from {since.text} to {end_text} is {_amount(elapsed.low)} to {_amount(elapsed.high)} {unit}s"
        f"; stated {span.text}"
    )
    suggestion = _suggestion(span, elapsed, unit)
    claims = (span, since) if until is None else (span, since, until)
    return judge(rule, claims, elapsed, stated, arithmetic, suggestion)


def scan(rule: Rule, context: Context) -> list[Result]:
    """ "A 43-month high ... the largest since November 2014": each record against the date it runs to.

    The date is the first one after the record, in its sentence or the next, that a superlative and
    "since" stand before.
    """
    prose = context.document.prose
    claims = context.claims
    results = []
    for index, span in enumerate(claims):
        if span.kind != "duration" or _RECORD.match(prose, span.prose_end) is None:
            continue
        for since in claims[index + 1 :]:
            if since.sentence > span.sentence + 1:
                break
            lead = prose[max(0, since.prose_start - 40) : since.prose_start]
            if since.kind == "date" and _SUPERLATIVE_SINCE.search(lead):
                if (result := check(rule, {"span": span, "since": since}, context)) is not None:
                    results.append(result)
                break
    return results


def _until(until: Claim | None, article_date: dt.date | None) -> tuple[float, float, str] | None:
    """The end of the span as ordinal days (low, high) and as words."""
    if until is not None:
        return until.low, until.high, until.text
    if article_date is None:
        return None
    day = float(article_date.toordinal())
    return day, day, f"the article's date, {article_date.isoformat()}"


def _stated(span: Claim) -> Bounds:
    """An age is whole units completed (54 is 54 to 55); other spans keep their rounding."""
    if span.unit in AGE_UNITS and span.qualifier is None:
        return Bounds(span.nominal, span.nominal + 1, span.unit)
    return Bounds.of(span)


def _suggestion(span: Claim, elapsed: Bounds, unit: str) -> str:
    """Ages as the whole years that fit ("53 or 54"), other spans as their middle ("about 5 years")."""
    if span.unit in AGE_UNITS:
        ages = sorted({math.floor(elapsed.low), math.floor(elapsed.high)})
        return f"an age of {' or '.join(str(age) for age in ages if age >= 0)}"
    return f"about {_amount((elapsed.low + elapsed.high) / 2)} {unit}s"


def _amount(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
