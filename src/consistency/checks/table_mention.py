"""A change stated in prose for a figure a results table gives, against the table's own change.

"| Revenue | 1,941.9 | 2,084.0 | +7.3% |" and, below it, "revenue of ¥2,084.0 billion, a 7.3%
decrease": the prose and the table give the same figure, so they must give the same change, sign
included. The figure is the nearest before the percentage in its sentence; the table's row is the
one holding a figure of the same value and unit, with a percentage under a change heading.
"""

from __future__ import annotations

import re
from typing import Final

from consistency.checks import Bounds, Context, Result, judge
from consistency.checks.naming import in_sentence
from consistency.models import Claim
from consistency.rules import Rule

# "a 7.3% decrease", "7.3% higher": the word after a percentage that says which way it went.
_DIRECTION: Final = re.compile(r"[ \u00a0]+(?P<word>[a-z]+)\b", re.IGNORECASE)


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per prose change of a figure the table also changes."""
    changes = _table_changes(rule, context)
    if not changes:
        return []
    rises, falls = set(rule.words("rise_words")), set(rule.words("fall_words"))
    prose = context.document.prose
    results = []
    for stated in context.claims:
        if stated.kind != "percent" or context.document.in_table(stated.prose_start):
            continue
        word = _DIRECTION.match(prose, stated.prose_end)
        direction = word.group("word").lower() if word else ""
        if direction not in rises and direction not in falls:
            continue
        figure_before = [
            c
            for c in in_sentence(context, stated.sentence)
            if c.prose_start < stated.prose_start and c.kind in ("currency", "count")
        ]
        if not figure_before:
            continue
        subject = figure_before[-1]
        table_change = changes.get((subject.unit, round(subject.nominal, 6)))
        if table_change is None:
            continue
        sign = -1.0 if direction in falls else 1.0
        table_sign = -1.0 if table_change.text.lstrip().startswith(("-", "−")) else 1.0
        expected = _signed(table_change, table_sign)
        said = _signed(stated, sign)
        arithmetic = f"the table gives {table_change.text.strip()} for {subject.text}; the text says {stated.text} {direction}"
        suggestion = f"{'a rise' if table_sign > 0 else 'a fall'} of {table_change.text.strip().lstrip('+-−')}, as the table says"
        results.append(judge(rule, (stated, subject, table_change), expected, said, arithmetic, suggestion))
    return results


def _signed(claim: Claim, sign: float) -> Bounds:
    low, high = sorted((abs(claim.low) * sign, abs(claim.high) * sign))
    return Bounds(low, high, "percent")


def _table_changes(rule: Rule, context: Context) -> dict[tuple[str, float], Claim]:
    """Each table figure, by unit and value, with the change its row gives under a change heading."""
    headings = rule.words("change_headings")
    rows: dict[int, list[tuple[str, Claim]]] = {}
    for claim in context.claims:
        cell = context.document.cell_at(claim.prose_start)
        if cell is not None and claim.kind != "date":
            rows.setdefault(cell.row_id, []).append((cell.column.lower(), claim))
    changes: dict[tuple[str, float], Claim] = {}
    for row in rows.values():
        change = next(
            (c for column, c in row if c.kind == "percent" and any(h in column for h in headings)), None
        )
        if change is None:
            continue
        for _, claim in row:
            if claim.kind in ("currency", "count") and claim is not change:
                changes.setdefault((claim.unit, round(claim.nominal, 6)), change)
    return changes
