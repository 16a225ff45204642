"""Percent changes in results tables: "| Net profit | 9.4 | 4.4 | 114% |" under a "Growth" column.

A row whose cell under a change heading ("Growth", "Change", "y/y") holds a percentage, with two
figures before it in the row, states the change between those two. Tables list periods newest first
or oldest first, so either order may hold; neither holding is a finding.
"""

from __future__ import annotations

import bisect

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.models import Claim
from consistency.rules import Rule


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per table row with a stated change and two figures before it."""
    cells = context.document.table_cells
    if not cells:
        return []
    headings = rule.words("change_headings")
    starts = [cell.start for cell in cells]
    rows: dict[int, list[tuple[str, Claim]]] = {}
    for claim in context.claims:
        k = bisect.bisect_right(starts, claim.prose_start) - 1
        if k >= 0 and claim.prose_start < cells[k].end and claim.kind != "date":
            rows.setdefault(cells[k].row_id, []).append((cells[k].column.lower(), claim))
    results = []
    for row in rows.values():
        for index, (column, stated) in enumerate(row):
            if stated.kind != "percent" or not any(h in column for h in headings):
                continue
            # A row may hold each figure twice ("$29.3 billion (Rs130,338 crore)"): pair like with like.
            groups: dict[tuple[str, str], list[Claim]] = {}
            for _, claim in row[:index]:
                if claim.kind in ("count", "currency"):
                    groups.setdefault((claim.kind, claim.unit), []).append(claim)
            pairs = [values for values in groups.values() if len(values) == 2]
            if pairs:
                results.append(_judge_row(rule, stated, pairs))
    return results


def _judge_row(rule: Rule, stated: Claim, pairs: list[list[Claim]]) -> Result:
    """Passed when any pair of figures, in either order, gives the stated change."""
    signed = stated.text.lstrip().startswith(("+", "-", "−"))
    falling = stated.text.lstrip().startswith(("-", "−"))
    magnitude = Bounds(abs(stated.low), abs(stated.high), "percent")
    tolerance = rule.option("tolerance", 0.0)
    best: tuple[Bounds, float, str, tuple[Claim, ...]] | None = None
    for first, second in pairs:
        for new, old in ((first, second), (second, first)):
            if old.low <= 0:
                continue
            middle = (new.nominal / old.nominal - 1) * 100
            if (middle < 0) != falling and (signed or middle < 0):
                continue  # the stated sign, or an unsigned rise, says which way round the periods go
            low, high = (new.low / old.high - 1) * 100, (new.high / old.low - 1) * 100
            expected = Bounds(min(abs(low), abs(high)), max(abs(low), abs(high)), "percent")
            formula = f"({figure(new.nominal)} / {figure(old.nominal)} - 1) × 100 = {figure(middle)}%"
            if best is None or expected.widened(tolerance).overlaps(magnitude):
                best = (expected, middle, formula, (stated, new, old))
    if best is None:
        return Result(rule, "unchecked", (stated,), reason="no pair of figures changes the way stated")
    expected, middle, formula, claims = best
    return judge(
        rule, claims, expected, magnitude, f"{formula}; stated {stated.text}", f"about {figure(abs(middle))}%"
    )
