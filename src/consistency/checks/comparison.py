"""Comparisons with something named earlier: "a span of 4,260 feet is 60 feet longer than the Golden Gate's".

The difference is the figure before a comparative ("longer than", "more than", "higher than")
followed by a name; the figure compared is the one before the difference in its sentence, in the
same unit; the figure it is compared with is the nearest earlier one, in that unit, that the name
names ("the Golden Gate Bridge ... has a main span of 1,280 meters (4,199 ft)"). Larger minus
smaller must meet the difference, within the rounding of all three.
"""

from __future__ import annotations

import re
from typing import Final

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.checks.naming import earlier, in_sentence, named
from consistency.models import Claim
from consistency.rules import Rule

# "60 feet longer than the Golden Gate's": the comparative, and the capitalised name after it.
_THAN_NAME: Final = re.compile(
    r"[ \u00a0]+(?P<word>[a-z]+)[ \u00a0]+than[ \u00a0]+(?:that of[ \u00a0]+)?(?:the[ \u00a0]+)?"
    r"(?P<name>[A-Z][\w.&-]*(?:[ \u00a0]+[A-Z][\w.&-]*){0,3})"
)


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per difference stated against a figure named earlier."""
    prose = context.document.prose
    larger_words, smaller_words = set(rule.words("larger_words")), set(rule.words("smaller_words"))
    results = []
    for difference in context.claims:
        if difference.kind not in ("count", "currency", "physical") or not difference.unit:
            continue
        found = _THAN_NAME.match(prose, difference.prose_end)
        if found is None or found.group("word") not in larger_words | smaller_words:
            continue
        stated = _compared(context, difference)
        if stated is None:
            continue
        name = found.group("name").removesuffix("'s").lower()
        other = _named_earlier(context, stated, name)
        if other is None:
            continue
        sign = 1 if found.group("word") in larger_words else -1
        results.append(_judge(rule, difference, stated, other, sign))
    return results


def _compared(context: Context, difference: Claim) -> Claim | None:
    """The figure the difference is of: the one before it in its sentence, in the same unit."""
    before = [
        c
        for c in in_sentence(context, difference.sentence)
        if c.prose_start < difference.prose_start and (c.kind, c.unit) == (difference.kind, difference.unit)
    ]
    return before[-1] if before else None


def _named_earlier(context: Context, stated: Claim, name: str) -> Claim | None:
    """The nearest figure before the stated one's sentence, in its unit, that `name` names."""
    for claim in earlier(context, stated):
        same_measure = (claim.kind, claim.unit) == (stated.kind, stated.unit)
        if claim.sentence < stated.sentence and same_measure and named(context, claim, (name,)):
            return claim
    return None


def _judge(rule: Rule, difference: Claim, stated: Claim, other: Claim, sign: int) -> Result:
    """`stated` minus `other` (or the reverse, for "shorter than") against the difference."""
    high_side, low_side = (stated, other) if sign > 0 else (other, stated)
    expected = Bounds(high_side.low - low_side.high, high_side.high - low_side.low, difference.unit)
    middle = high_side.nominal - low_side.nominal
    arithmetic = f"{figure(high_side.nominal)} - {figure(low_side.nominal)} = {figure(middle)}; stated {difference.text}"
    return judge(
        rule,
        (difference, stated, other),
        expected,
        Bounds.of(difference),
        arithmetic,
        f"a difference of about {figure(middle)}",
    )
