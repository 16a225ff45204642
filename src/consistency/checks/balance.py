"""Balances: a deficit or surplus is the gap between the two flows it balances.

"the trade deficit hit $16.6 billion: exports grew 17.6% to $27.7 billion, but imports rose 21.3% to
$44.3 billion". A figure named by a balance word (`balance_words`) is checked against the first
figures named by the two sides (`inflow_words`, `outflow_words`) in its own sentence: the larger
side must be the smaller plus the balance, within the rounding of all three.
"""

from __future__ import annotations

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.checks.naming import first_named, named
from consistency.models import Claim
from consistency.rules import Rule


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per balance whose two sides its sentence states."""
    balance_words = rule.words("balance_words")
    inflow_words, outflow_words = rule.words("inflow_words"), rule.words("outflow_words")
    if not (balance_words and inflow_words and outflow_words):
        return []
    results = []
    for stated in context.claims:
        if stated.kind != "currency" or not named(context, stated, balance_words):
            continue
        inflow = first_named(context, inflow_words, kind="currency", sentence=stated.sentence)
        outflow = first_named(context, outflow_words, kind="currency", sentence=stated.sentence)
        if inflow is None or outflow is None or len({stated.unit, inflow.unit, outflow.unit}) > 1:
            continue
        if stated in (inflow, outflow):
            continue
        results.append(_judge(rule, stated, inflow, outflow))
    return results


def _judge(rule: Rule, stated: Claim, inflow: Claim, outflow: Claim) -> Result:
    larger, smaller = (outflow, inflow) if outflow.nominal >= inflow.nominal else (inflow, outflow)
    expected = Bounds(larger.low - smaller.high, larger.high - smaller.low, stated.unit)
    middle = larger.nominal - smaller.nominal
    arithmetic = (
        f"{figure(larger.nominal)} - {figure(smaller.nominal)} = {figure(middle)}; stated {stated.text}"
    )
    return judge(
        rule,
        (stated, inflow, outflow),
        expected,
        Bounds.of(stated),
        arithmetic,
        f"a balance of about {figure(middle)}",
    )
