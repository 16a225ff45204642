"""`percent_of`: a part stated as a share of its whole, "35,887 of 276,568 voters, about 13 percent".

A pattern binds the `part`, the `whole` and the `stated` percentage; the share is recomputed from
the part and the whole with their rounding.
"""

from __future__ import annotations

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.models import Claim
from consistency.rules import Rule


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the stated share with part / whole; None when part and whole measure different things."""
    part, whole, stated = bound["part"], bound["whole"], bound["stated"]
    measures = {(c.kind, c.unit) for c in (part, whole) if not (c.kind == "count" and not c.unit)}
    if len(measures) > 1 or whole.low <= 0 or part.kind not in ("count", "currency", "physical"):
        return None
    expected = Bounds(part.low / whole.high * 100, part.high / whole.low * 100, "percent")
    middle = part.nominal / whole.nominal * 100
    arithmetic = (
        f"{figure(part.nominal)} / {figure(whole.nominal)} × 100 = {figure(middle)}%; stated {stated.text}"
    )
    return judge(
        rule,
        (stated, part, whole),
        expected,
        Bounds(stated.low, stated.high, "percent"),
        arithmetic,
        f"about {figure(middle)}%",
    )
