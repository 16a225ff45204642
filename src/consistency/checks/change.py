"""`change`: a figure before, the change stated, and the figure after must agree.

"a team of over 500" ... "expanded by nearly 1,800" ... "more than 2,300 R&D personnel": the change
is the figure after a growth or fall cue ("expanded by", "added", "fell by"); the before and after
are the other figures of the same counted unit in the article. With other than exactly two such
figures the relation is unclear and is left unchecked.
"""

from __future__ import annotations

import functools

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.models import Claim
from consistency.rules import Rule


# Read once per rule, not once per article: the rule's cues are the same for every article.
@functools.lru_cache(maxsize=64)
def _last_letters(cues: tuple[str, ...]) -> frozenset[str] | None:
    """The letters the cues end in (a figure after any other needs no closer look); None if one is empty."""
    return None if "" in cues else frozenset(cue[-1] for cue in cues)


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per stated change with a before and an after of the same unit."""
    prose = context.document.prose
    rises, falls = rule.words("rise_cues"), rule.words("fall_cues")
    cue_ends = _last_letters(rises + falls)
    results = []
    # Claims by kind and unit, gathered once at the first cue: the before and after of every change.
    by_unit: dict[tuple[str, str], list[Claim]] | None = None
    for change in context.claims:
        if change.kind not in ("count", "currency") or not change.unit:
            continue
        window = prose[max(0, change.prose_start - 30) : change.prose_start].lower()
        if cue_ends is not None and window.rstrip()[-1:] not in cue_ends:
            continue
        before_text = " ".join(window.split())
        sign = 1 if before_text.endswith(rises) else -1 if before_text.endswith(falls) else 0
        if sign == 0:
            continue
        if by_unit is None:
            by_unit = {}
            for claim in context.claims:
                if claim.qualifier != "up to":
                    by_unit.setdefault((claim.kind, claim.unit), []).append(claim)
        same = by_unit.get((change.kind, change.unit), [])
        count = len(same) - (change.qualifier != "up to")  # the others: without the change itself
        if count != 2:
            if count > 0:
                results.append(
                    Result(
                        rule,
                        "unchecked",
                        (change,),
                        reason=f"{count} other {change.unit} figures: which are before and after is unclear",
                    )
                )
            continue
        others = [c for c in same if c is not change]  # three figures at most: built only here
        start, end = sorted(others, key=lambda c: c.nominal * sign)
        if sign > 0:
            expected = Bounds(start.low + change.low, start.high + change.high, change.unit)
        else:
            expected = Bounds(start.low - change.high, start.high - change.low, change.unit)
        stated = Bounds.of(end)
        word = "+" if sign > 0 else "-"
        middle = start.nominal + sign * change.nominal
        arithmetic = f"{start.text} {word} {change.text} = {figure(middle)} {change.unit}; stated {end.text}"
        change_needed = (end.nominal - start.nominal) * sign
        suggestion = f"a change of about {figure(change_needed)} {change.unit}, or an end figure of about {figure(middle)}"
        results.append(judge(rule, (change, start, end), expected, stated, arithmetic, suggestion))
    return results
