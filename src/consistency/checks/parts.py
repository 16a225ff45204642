"""`sum`: parts listed against their total, "Of the 41 sectors, 35 earned more, one was flat and five
earned less"; "1,786 adults, split into 893 and 893".

A pattern binds `total` and the parts `a`, `b` and, where written, `c` and `d` (and an `offset`
that counts the other way); or two figures `x` and `y` and the `difference` between them. The parts of an exhaustive list must meet the total
within their rounding.
"""

from __future__ import annotations

import math
import re
from typing import Final

from consistency.checks import Bounds, Context, Result, figure, judge, range_ends
from consistency.models import Claim
from consistency.rules import Rule
from consistency.trusted import trusted_claim

_PARTS: Final = ("a", "b", "c", "d")
# "51 percent to 60 percent": each figure carries its own percent sign, as a tally does
_TALLY: Final = re.compile(r"\d\s*(?:%|per\s?cent)\s+to\s+\d", re.IGNORECASE)
_ADDABLE: Final = frozenset({"count", "currency", "physical", "percent", "percentage_point"})


def _measure(claim: Claim) -> tuple[str, str]:
    """What a figure measures; a difference of percentages is in points, and adds to them."""
    if claim.kind == "percentage_point" and claim.unit == "percentage_point":
        return "percent", "percent"
    return claim.kind, claim.unit


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the total with the sum of its parts; None when the figures measure different things."""
    if "difference" in bound:
        # "3,359 votes, 57 ahead of 3,302", "58 percent to 42 percent, a 16-point win": the larger
        # figure is the total of the smaller one and the difference
        pair = tally(bound["tally"]) if "tally" in bound else (bound["x"], bound["y"])
        if pair is None:
            return None
        larger, smaller = sorted(pair, key=lambda c: c.nominal, reverse=True)
        total, parts = larger, [smaller, bound["difference"]]
    else:
        total = bound["total"]
        parts = [bound[name] for name in _PARTS if name in bound]
    offset = bound.get("offset")  # "... against a 5.0 billion yen gain elsewhere": it counts the other way
    figures = (total, *parts) if offset is None else (total, *parts, offset)
    measures = {_measure(c) for c in figures if not (c.kind == "count" and not c.unit)}
    if len(measures) > 1 or any(c.kind not in _ADDABLE for c in figures):
        return None
    if ("percent", "percent") in measures and len({_measure(c) for c in figures}) > 1:
        return None  # "17.0 million, still 44% below 7B": a bare figure never adds to a percentage
    expected = Bounds(sum(p.low for p in parts), sum(p.high for p in parts), total.unit)
    if offset is not None:
        expected = Bounds(expected.low - offset.high, expected.high - offset.low, total.unit)
    exhaustive = rule.flag("exhaustive", True)
    if not exhaustive:
        # "Of that, €900 million goes to schools": a list that may leave parts out never exceeds its total
        expected = Bounds(expected.low, math.inf, total.unit)
    middle = sum(p.nominal for p in parts) - (offset.nominal if offset is not None else 0.0)
    terms = " + ".join(figure(p.nominal) for p in parts) + (f" - {figure(offset.nominal)}" if offset else "")
    arithmetic = f"{terms} = {figure(middle)}; stated total {total.text}"
    return judge(
        rule,
        figures,
        expected,
        Bounds.of(total),
        arithmetic,
        f"a total of about {figure(middle)}" if exhaustive else f"a total of at least {figure(middle)}",
    )


def tally(claim: Claim) -> tuple[Claim, Claim] | None:
    """ "with 51 percent to 60 percent, a lead of five points": the two shares extraction read as a range.

    Two shares written low to high, each with its own sign, look like a range; followed by a lead
    they are a tally. None unless each figure carries its own sign.
    """
    ends = range_ends(claim) if _TALLY.search(claim.text) else None
    if ends is None:
        return None
    low, high = (
        trusted_claim({**claim.__dict__, "low": end.low, "nominal": value, "high": end.high})
        for end, value in zip(ends, (claim.low, claim.high), strict=True)
    )
    return low, high
