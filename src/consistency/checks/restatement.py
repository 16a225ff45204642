"""`restatement`: one figure said twice must have one value.

"an increase of 9.7 percent, or nearly 10 percent"; "215.9 billion won, a sum later rounded to nearly
216 billion won"; "$58,564,556 was virtually the same as the amended $58,590,515". A pattern binds
the figure as first stated (`first`) and as stated `again`; both must measure the same thing in
the same unit (a different unit is a conversion, another rule's business), and their intervals,
the first widened by the rule's tolerance, must meet.
"""

from __future__ import annotations

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.models import Claim
from consistency.rules import Rule

_MEASURES = frozenset({"count", "currency", "physical", "percent", "percentage_point", "duration", "ratio"})


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the figure stated again with the figure first stated; None when they measure different things."""
    first, again = bound["first"], bound["again"]
    if first.kind != again.kind or first.unit != again.unit or first.kind not in _MEASURES:
        return None
    stated = Bounds(again.low, again.high, again.unit)
    expected = Bounds(first.low, first.high, first.unit)
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
