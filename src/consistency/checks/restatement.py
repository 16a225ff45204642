"""`restatement`: one figure said twice must have one value.

"an increase of 9.7 percent, or nearly 10 percent"; "215.9 billion won, a sum later rounded to nearly
216 billion won"; "$58,564,556 was virtually the same as the amended $58,590,515". A pattern binds
the figure as first stated (`first`) and as stated `again`; both must measure the same thing in
the same unit (a different unit is a conversion, another rule's business), and their intervals,
the first widened by the rule's tolerance, must meet.
"""

from __future__ import annotations

import re
from typing import Final

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.checks.naming import earlier
from consistency.models import Claim
from consistency.rules import Rule
from consistency.units import conversion_factor

_MEASURES: Final = frozenset(
    {"count", "currency", "physical", "percent", "percentage_point", "duration", "ratio"}
)


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the figure stated again with the figure first stated; None when they measure different things."""
    first, again = bound["first"], bound["again"]
    if first.kind != again.kind or first.unit != again.unit or first.kind not in _MEASURES:
        return None
    stated = Bounds.of(again)
    expected = Bounds.of(first)
    unit = first.unit.replace("_", " ") if first.kind != "currency" else first.unit
    arithmetic = f"{first.text} is {_span(first)} {unit}; {again.text} is {_span(again)}"
    suggestion = f"the same figure both times, about {figure(first.nominal, unit)}"
    return judge(rule, (again, first), expected, stated, arithmetic, suggestion)


def _span(claim: Claim) -> str:
    """A claim's interval with as many digits as it takes to tell its ends apart: "8.35 to 8.45"."""
    if claim.low == claim.high:
        return figure(claim.low)
    for digits in range(3, 16):
        low, high = f"{claim.low:,.{digits}g}", f"{claim.high:,.{digits}g}"
        if low != high:
            return f"{low} to {high}"
    return figure(claim.low)


# "Marketplace reported the savings as $1.87 billion": a figure given again, by another source.
_GIVEN_AS: Final = re.compile(
    r"\b(?:reported|described|gave|give|gives|listed|cited|quoted|recorded)\b[^.;:\d]{0,50}\bas[ \u00a0]*$",
    re.IGNORECASE,
)


def scan(rule: Rule, context: Context) -> list[Result]:
    """Figures given again ("reported the savings as ..."), against the nearest earlier figure like them.

    The earlier figure is the nearest one before, in this sentence or the one before, of the same
    kind and unit and within a factor of `max_factor`: a figure far off is another figure, not the
    same one misreported.
    """
    prose = context.document.prose
    max_factor = rule.option("max_factor", 1.5)
    results = []
    for again in context.claims:
        if again.kind not in _MEASURES or again.nominal <= 0:
            continue
        # "as" must stand right before the figure: a slice test spares the regex on nearly every figure.
        if prose[again.prose_start - 3 : again.prose_start].lower() not in ("as ", "as\u00a0"):
            continue
        if not _GIVEN_AS.search(prose, max(0, again.prose_start - 70), again.prose_start):
            continue
        first = _earlier_like(context, again)
        converted = _earlier_in_other_units(context, again)
        if converted is not None and (first is None or converted[0].start > first.start):
            results.append(_in_other_units(rule, *converted, again))  # the nearer of the two is restated
            continue
        if first is None and again.kind == "count" and not again.unit:
            age = _earlier_age(context, again)
            if age is not None:  # "a 70-year-old man ... described the runner as 71"
                results.append(_ages(rule, age, again))
            continue
        if first is None or max(first.nominal, again.nominal) > max_factor * min(
            first.nominal, again.nominal
        ):
            continue
        result = check(rule, {"first": first, "again": again}, context)
        if result is not None:
            results.append(result)
    return results


def _earlier_like(context: Context, again: Claim) -> Claim | None:
    for claim in earlier(context, again, sentences=1):
        if claim.sentence < again.sentence - 1:
            return None
        if (claim.kind, claim.unit) == (again.kind, again.unit) and claim.nominal > 0:
            return claim
    return None


def _earlier_age(context: Context, again: Claim) -> Claim | None:
    """An age in this sentence or the one before, which a bare number given "as" restates."""
    for claim in earlier(context, again, sentences=1):
        if claim.sentence < again.sentence - 1:
            return None
        if claim.unit == "year_of_age":
            return claim
    return None


def _ages(rule: Rule, age: Claim, again: Claim) -> Result:
    """Two ages of one person: whole years, so they must be the same number."""
    arithmetic = f"{age.text} is {figure(age.nominal)} years old; {again.text} is {figure(again.nominal)}"
    return judge(
        rule,
        (again, age),
        Bounds(age.nominal, age.nominal, "year_of_age"),
        Bounds(again.nominal, again.nominal, "year_of_age"),
        arithmetic,
        f"the same age both times, {figure(age.nominal)}",
    )


def _earlier_in_other_units(context: Context, again: Claim) -> tuple[Claim, float] | None:
    """ "a span of 1410 m; ... gave the planned span as 4,626 feet": the earlier figure and its factor.

    The nearest earlier measure of the same dimension in other units, in this sentence or the one
    before, with how many of the later figure's units one of its units makes.
    """
    if again.kind != "physical":
        return None
    for claim in earlier(context, again, sentences=1):
        if claim.sentence < again.sentence - 1:
            return None
        if claim.kind == "physical" and claim.unit != again.unit and claim.nominal > 0:
            factor = conversion_factor(claim.unit, again.unit)
            if factor is not None:
                return claim, factor
    return None


def _in_other_units(rule: Rule, first: Claim, factor: float, again: Claim) -> Result:
    """The earlier figure, converted, against the one given again."""
    expected = Bounds(first.low * factor, first.high * factor, again.unit)
    middle = first.nominal * factor
    unit = again.unit.replace("_", " ")
    arithmetic = f"{first.text} = {figure(middle)} {unit}; given again as {again.text}"
    return judge(
        rule,
        (again, first),
        expected,
        Bounds.of(again),
        arithmetic,
        f"about {figure(middle)} {unit}, as before",
    )
