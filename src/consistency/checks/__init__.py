"""Checks: one module per rule kind, each turning bound claims into a passed, failed or unchecked result.

A check computes the interval the other claims imply for the stated one, compares it with the
stated interval widened by the rule's tolerance, and says why in arithmetic an editor can redo.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Literal

from consistency.document import Document
from consistency.extraction.numbers import read_digits
from consistency.fx import FxTable
from consistency.models import Claim
from consistency.rules import Rule

# A range as written: two figures joined by "to", "and" or a dash, with scale words and units around.
_RANGE = re.compile(
    r"\D*?(?P<low>\d[\d,]*(?:\.\d+)?)\D*?\s*(?:to|and|-|–)\s*\D*?(?P<high>\d[\d,]*(?:\.\d+)?)\D*"
)

Status = Literal["passed", "failed", "unchecked"]


@dataclass(frozen=True, slots=True)
class Bounds:
    """An interval in a unit: what a claim states, or what the other claims imply."""

    low: float
    high: float
    unit: str

    @staticmethod
    def of(claim: Claim) -> Bounds:
        """What a claim states: its interval, in its unit."""
        return Bounds(claim.low, claim.high, claim.unit)

    def overlaps(self, other: Bounds) -> bool:
        """Whether the two intervals share a value (units are the caller's to match)."""
        return self.low <= other.high and other.low <= self.high

    def widened(self, tolerance: float) -> Bounds:
        """The interval widened by a relative tolerance on each side (an open end stays open)."""
        if tolerance == 0:
            return self
        low = self.low if math.isinf(self.low) else self.low - abs(self.low) * tolerance
        high = self.high if math.isinf(self.high) else self.high + abs(self.high) * tolerance
        return Bounds(low, high, self.unit)


@dataclass(frozen=True, slots=True)
class Result:
    """One relation a rule looked at, and what became of it."""

    rule: Rule
    status: Status
    claims: tuple[Claim, ...]  # the stated claim first: the finding points at it
    expected: Bounds | None = None
    stated: Bounds | None = None
    arithmetic: str = ""
    suggestion: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    """What every check may read: the document, its claims, the FX table and the article date."""

    document: Document
    claims: list[Claim]
    fx: FxTable
    date: dt.date | None


def judge(
    rule: Rule, claims: tuple[Claim, ...], expected: Bounds, stated: Bounds, arithmetic: str, suggestion: str
) -> Result:
    """Passed when the expected interval, widened by the rule's tolerance, meets the stated one."""
    tolerance = rule.option("tolerance", 0.0)
    status: Status = "passed" if expected.widened(tolerance).overlaps(stated) else "failed"
    return Result(rule, status, claims, expected, stated, arithmetic, suggestion)


def figure(value: float, unit: str = "") -> str:
    """A number as an editor writes it: 440.3 million, 2,300, 25.4."""
    size = abs(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if size >= scale:
            text = f"{value / scale:,.4g} {word}"
            break
    else:
        text = f"{value:,.4g}" if size < 1e4 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def range_ends(claim: Claim) -> tuple[Bounds, Bounds] | None:
    """A range's two ends, each with the rounding of its printed figure; None for a single figure."""
    if claim.qualifier is not None:
        return None
    tokens = _RANGE.fullmatch(claim.text)
    if tokens is None:
        return None
    ends = []
    for token, value in ((tokens.group("low"), claim.low), (tokens.group("high"), claim.high)):
        literal = read_digits(token)
        if literal is None or literal.value <= 0:
            return None
        half = literal.step / 2 / literal.value  # the printed rounding, relative to the figure
        ends.append(Bounds(value * (1 - half), value * (1 + half), claim.unit))
    return ends[0], ends[1]
