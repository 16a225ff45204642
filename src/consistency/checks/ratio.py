"""`ratio`: "doubled", "tripled", "halved", "three times", "2.5-fold" against the figures before and after.

A pattern binds the figure before (`from`) and after (`to`), and either a `factor` claim ("three
times", "2.5-fold") or a factor word the rule's `factors` option names ("doubled: 2"). The ratio
after / before is recomputed with the rounding of both figures and must meet the factor, widened
by the rule's tolerance since "doubled" is said of 1.9 times as readily as of 2.1.
"""

from __future__ import annotations

import re
from typing import Final

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.models import Claim
from consistency.rules import Rule

_WORD: Final = re.compile(r"[a-z]+(?:-[a-z]+)?")
# A claim marker, a few words, then "and" or a comma: what comes next is the last item of a list.
_LISTED: Final = re.compile(r"\x03[^\x02\x03]{0,30}(?:\band|,)\s*$")
_HEDGE: Final = re.compile(
    r"\b(?:more than|over|nearly|almost|about|roughly|around|some|at least|close to)\s*$", re.I
)


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the stated factor with after / before; None when no factor or no common measure."""
    if "price" in bound:
        return _per_unit(rule, bound, before)
    start, end = bound["from"], bound["to"]
    if not _same_measure(start, end) or start.low <= 0:
        return None
    if _HEDGE.search(before):
        return None  # "more than doubled", "nearly tripled": a bound, not a factor
    stated = _stated_factor(rule, bound.get("factor"), matched)
    if stated is None:
        return None
    factor, said = stated
    expected = Bounds(end.low / start.high, end.high / start.low, "times")
    middle = end.nominal / start.nominal
    arithmetic = (
        f"{figure(end.nominal)} / {figure(start.nominal)} = {middle:.3g}×; stated {said} ({factor.low:.3g}×)"
    )
    if factor.high != factor.low:
        arithmetic = f"{figure(end.nominal)} / {figure(start.nominal)} = {middle:.3g}×; stated {said}"
    suggestion = f"about {figure(start.nominal * factor.low)} ({factor.low:.3g} × {figure(start.nominal)}), or a factor of {middle:.2g}"
    claims = (end, start) if bound.get("factor") is None else (bound["factor"], end, start)
    return judge(rule, claims, expected, factor, arithmetic, suggestion)


def _same_measure(start: Claim, end: Claim) -> bool:
    units = {c.unit for c in (start, end) if c.unit}
    kinds = {c.kind for c in (start, end)}
    return len(units) <= 1 and len(kinds) == 1 and kinds <= {"count", "currency", "physical"}


def _stated_factor(rule: Rule, claim: Claim | None, matched: str) -> tuple[Bounds, str] | None:
    """The factor said: a ratio claim's value, or the factor of the first factor word matched."""
    if claim is not None:
        if claim.kind != "ratio":
            return None
        # "three times" means 3, as "tripled" does; only a qualifier ("nearly three times") widens it
        low, high = (claim.low, claim.high) if claim.qualifier else (claim.nominal, claim.nominal)
        return Bounds(low, high, "times"), claim.text
    factors = rule.numbers("factors")
    for word in _WORD.findall(matched.lower()):
        if word in factors:
            return Bounds(factors[word], factors[word], "times"), f'"{word}"'
    return None


def _per_unit(rule: Rule, bound: dict[str, Claim], before: str) -> Result | None:
    """ "1,307 shares at Rs 3,82,492 apiece, raising Rs 50 crore": count × price = total."""
    count, price, total = bound["count"], bound["price"], bound["total"]
    if (
        count.kind != "count"
        or price.kind != "currency"
        or total.kind != "currency"
        or price.unit != total.unit
    ):
        return None
    if _LISTED.search(before):
        return None  # "10 equity shares, 95,479 Series E and 95,489 ...": the count is one item of a list
    expected = Bounds(count.low * price.low, count.high * price.high, total.unit)
    middle = count.nominal * price.nominal
    arithmetic = f"{figure(count.nominal)} × {price.text} = {figure(middle, total.unit)}; stated {total.text}"
    return judge(
        rule,
        (total, count, price),
        expected,
        Bounds.of(total),
        arithmetic,
        f"a total of about {figure(middle, total.unit)}",
    )
