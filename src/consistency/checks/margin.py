"""Margins: "an operating margin of 5.0%" is operating profit as a percentage of revenue.

In prose, a percentage right after a margin's name ("EBITDA margin of", "net profit margin stayed
at") is checked against the profit figure named in its own sentence or the one before, and the
article's revenue: the first figure after a revenue word, in the same currency. In a results table,
a row named "EBITDA margin" is checked column by column against the rows "EBITDA" and "Revenue".
Which profit each margin divides is rule data (`measures`); where either figure cannot be found
without guessing, nothing is checked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Final

from consistency.checks import Context, Result
from consistency.checks.naming import first_named, in_sentence, named
from consistency.checks.percent_of import share
from consistency.models import Claim
from consistency.rules import Rule

_NAME_WINDOW: Final = 40  # characters before a margin in which its name ("operating margin of") must stand


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per stated margin whose profit and revenue the article gives."""
    measures = _measures(rule.words("measures"))
    revenue_words = rule.words("revenue_words")
    if not measures or not revenue_words:
        return []
    results = list(_prose_margins(rule, context, measures, revenue_words))
    results.extend(_table_margins(rule, context, measures, revenue_words))
    return results


# Read once per rule, not once per article: the rule's words are the same for every article.
@functools.lru_cache(maxsize=64)
def _measures(entries: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each margin's name and the names its profit goes by: "operating" -> ("operating profit", ...)."""
    measures: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        margin, _, profits = entry.partition(":")
        names = tuple(p.strip() for p in profits.split("|") if p.strip())
        if margin.strip() and names:
            measures[margin.strip()] = names
    return measures


def _prose_margins(
    rule: Rule, context: Context, measures: dict[str, tuple[str, ...]], revenue_words: tuple[str, ...]
) -> Iterator[Result]:
    prose = context.document.prose
    margin_name = _margin_name(tuple(measures))
    # The revenue is looked for once a margin is found: most articles state none, and the search
    # reads the words before every currency figure.
    revenue: Claim | None = None
    for stated in context.claims:
        if stated.kind != "percent" or context.document.in_table(stated.prose_start):
            continue
        found = margin_name.search(prose, max(0, stated.prose_start - _NAME_WINDOW), stated.prose_start)
        if found is None:
            continue
        if revenue is None:
            revenue = first_named(context, revenue_words, kind="currency")
            if revenue is None:
                return
        profit = _profit_near(context, stated, measures[found.group(1).lower()])
        if profit is None or profit.unit != revenue.unit:
            continue
        yield _judge(rule, stated, profit, revenue)


@functools.lru_cache(maxsize=64)
def _margin_name(margins: tuple[str, ...]) -> re.Pattern[str]:
    """A margin's name ending where its figure starts: "operating margin of", "EBITDA margin stayed at"."""
    return re.compile(
        r"\b(" + "|".join(re.escape(m) for m in sorted(margins, key=len, reverse=True)) + r")\s+margins?"
        r"(?:\s+(?:of|was|is|at|stood at|stayed at|came to|rose to|fell to|reached|improved to|widened to|narrowed to))*\s*$",
        re.IGNORECASE,
    )


def _table_margins(
    rule: Rule, context: Context, measures: dict[str, tuple[str, ...]], revenue_words: tuple[str, ...]
) -> Iterator[Result]:
    cells = context.document.table_cells
    if not cells:
        return
    # Each table row's claims by column heading, and rows by their name, per table (its corner).
    rows: dict[tuple[str, str], dict[str, Claim]] = {}
    for claim in context.claims:
        cell = context.document.cell_at(claim.prose_start)
        if cell is not None and claim.kind in ("percent", "count", "currency"):
            rows.setdefault((cell.corner, cell.row.strip().lower()), {}).setdefault(cell.column, claim)
    for (corner, name), margin_row in rows.items():
        margin, _, suffix = name.rpartition(" ")
        if suffix not in ("margin", "margin (%)", "margin, %") or margin not in measures:
            continue
        profit_row = next(
            (rows[(corner, p)] for p in (margin, *measures[margin]) if (corner, p) in rows), None
        )
        revenue_row = next((rows[(corner, r)] for r in revenue_words if (corner, r) in rows), None)
        if profit_row is None or revenue_row is None:
            continue
        for column, stated in margin_row.items():
            profit, revenue = profit_row.get(column), revenue_row.get(column)
            if stated.kind == "percent" and profit is not None and revenue is not None:
                yield _judge(rule, stated, profit, revenue)


def _judge(rule: Rule, stated: Claim, profit: Claim, revenue: Claim) -> Result:
    """Profit / revenue × 100 against the stated margin."""
    if revenue.low <= 0:
        return Result(rule, "unchecked", (stated, profit, revenue), reason="revenue is not positive")
    return share(rule, stated, profit, revenue, as_written=True)


def _profit_near(context: Context, stated: Claim, names: tuple[str, ...]) -> Claim | None:
    """The profit the margin divides: the first currency figure named so in its sentence, else the one before."""
    for sentence in (stated.sentence, stated.sentence - 1):
        for claim in in_sentence(context, sentence):
            if (
                claim.kind == "currency"
                and claim.prose_start < stated.prose_start
                and named(context, claim, names)
            ):
                return claim
    return None
