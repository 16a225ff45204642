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
    if "other_part" in bound:
        return _one_whole(rule, bound)
    part, whole, stated = bound["part"], bound["whole"], bound["stated"]
    measures = {(c.kind, c.unit) for c in (part, whole) if not (c.kind == "count" and not c.unit)}
    if len(measures) > 1 or whole.low <= 0 or part.kind not in ("count", "currency", "physical"):
        return None
    return share(rule, stated, part, whole)


def share(rule: Rule, stated: Claim, part: Claim, whole: Claim, *, as_written: bool = False) -> Result:
    """Part / whole × 100, with the rounding of both, against the stated percentage.

    The arithmetic names the figures by value, or `as_written` when they come from other sentences
    and the reader needs to find them ("€9.4m / €161.9m"). The whole must be positive.
    """
    low, high = sorted((part.low / whole.high * 100, part.high / whole.low * 100))
    middle = part.nominal / whole.nominal * 100
    terms = (
        f"{part.text} / {whole.text}" if as_written else f"{figure(part.nominal)} / {figure(whole.nominal)}"
    )
    return judge(
        rule,
        (stated, part, whole),
        Bounds(low, high, "percent"),
        Bounds(stated.low, stated.high, "percent"),
        f"{terms} × 100 = {figure(middle)}%; stated {stated.text}",
        f"about {figure(middle)}%",
    )


def _one_whole(rule: Rule, bound: dict[str, Claim]) -> Result | None:
    """Two shares of one whole, each with its part: "33 percent with 18,936 votes and 30 percent with 18,430".

    Each part over its share implies the whole; the two wholes must meet.
    """
    part, stated, other_part, other = bound["part"], bound["stated"], bound["other_part"], bound["other"]
    if part.kind != "count" or other_part.kind != "count" or min(stated.low, other.low) <= 0:
        return None
    if part.unit and other_part.unit and part.unit != other_part.unit:
        return None
    implied = Bounds(other_part.low / other.high * 100, other_part.high / other.low * 100, "count")
    whole = Bounds(part.low / stated.high * 100, part.high / stated.low * 100, "count")
    middle = part.nominal / stated.nominal * 100
    other_middle = other_part.nominal / other.nominal * 100
    arithmetic = (
        f"{figure(part.nominal)} / {stated.text} = a whole of {figure(middle)}; "
        f"{figure(other_part.nominal)} / {other.text} = a whole of {figure(other_middle)}"
    )
    share = other_part.nominal / middle * 100
    return judge(
        rule, (other, other_part, stated, part), whole, implied, arithmetic, f"about {figure(share)}%"
    )
