"""`percent_change`: a stated percentage change against the figures before and after it.

"rose 14.1% to €161.9m, compared with €141.9m"; "fall 100.6 billion yen, or 6.4%, to 1,480 billion
yen"; "up $5.173 billion (13.78 per cent) from $37.519 billion". A pattern binds the stated percent
and two of: `from` (before), `to` (after), `change` (the absolute change); the words of the match
say whether it rose or fell.
"""

from __future__ import annotations

import re
from typing import Final

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.models import Claim
from consistency.rules import Rule

_FALL: Final = re.compile(
    r"\b(?:down|fell|fall|falling|fallen|drop|dropped|dropping|decrease|decreased|decline|declined|"
    r"less|lower|cut|haircut|shrank|lost|loss|slid|slump|slumped|plunged|tumbled)\b",
    re.IGNORECASE,
)


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the stated percentage with the one the other figures imply."""
    stated = bound["stated"]
    start, end, change = bound.get("from"), bound.get("to"), bound.get("change")
    figures = [c for c in (start, end, change) if c is not None]
    if len(figures) != 2 or not _same_measure(figures):
        return None
    # "falling by 47.3 billion yen, or 82.6%": the word of falling may stand just before the match
    sign = -1.0 if _FALL.search(matched) or _FALL.search(before[-12:]) else 1.0
    implied = _implied(start, end, change, sign)
    if implied is None:
        return None
    low, high, middle = implied
    expected = Bounds(min(abs(low), abs(high)), max(abs(low), abs(high)), "percent")
    if low < 0 < high:
        expected = Bounds(0.0, expected.high, "percent")
    claims = (stated, *figures)
    arithmetic = f"{_formula(start, end, change, sign)} = {figure(middle)}%; stated {stated.text}"
    return judge(
        rule,
        claims,
        expected,
        Bounds(stated.low, stated.high, "percent"),
        arithmetic,
        f"about {figure(abs(middle))}%",
    )


def _same_measure(figures: list[Claim]) -> bool:
    measures = {(c.kind, c.unit) for c in figures if not (c.kind == "count" and not c.unit)}
    return len(measures) <= 1 and all(c.kind in ("count", "currency", "physical") for c in figures)


def _implied(
    start: Claim | None, end: Claim | None, change: Claim | None, sign: float
) -> tuple[float, float, float] | None:
    """The implied change in percent, as (low, high, middle), from any two of the three figures."""
    if start is not None and end is not None:
        if start.low <= 0:
            return None
        return (
            (end.low / start.high - 1) * 100,
            (end.high / start.low - 1) * 100,
            (end.nominal / start.nominal - 1) * 100,
        )
    if change is not None and start is not None:
        if start.low <= 0:
            return None
        return (
            change.low / start.high * 100 * sign,
            change.high / start.low * 100 * sign,
            change.nominal / start.nominal * 100 * sign,
        )
    if change is not None and end is not None:
        base_low, base_high = end.low - sign * change.high, end.high - sign * change.low
        base = end.nominal - sign * change.nominal
        if min(base_low, base_high, base) <= 0:
            return None
        low = change.low / max(base_low, base_high) * 100 * sign
        high = change.high / min(base_low, base_high) * 100 * sign
        return min(low, high), max(low, high), change.nominal / base * 100 * sign
    return None


def _formula(start: Claim | None, end: Claim | None, change: Claim | None, sign: float) -> str:
    if start is not None and end is not None:
        return f"({figure(end.nominal)} / {figure(start.nominal)} - 1) × 100"
    if change is not None and start is not None:
        return f"{'-' if sign < 0 else ''}{figure(change.nominal)} / {figure(start.nominal)} × 100"
    assert change is not None and end is not None
    base = end.nominal - sign * change.nominal
    return f"{'-' if sign < 0 else ''}{figure(change.nominal)} / {figure(base)} × 100"
