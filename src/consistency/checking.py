"""The check pipeline: a document's claims, matched by the rules, judged by the checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from consistency.checks import (
    Context,
    Result,
    change,
    conversion,
    parts,
    percent_change,
    percent_of,
    shares_total,
    table_change,
)
from consistency.document import Document
from consistency.errors import ConsistencyError
from consistency.fx import FxTable
from consistency.models import Claim
from consistency.patterns import contains_all, marked_sentence
from consistency.rules import Rule

PairCheck = Callable[[Rule, dict[str, Claim], Context, str], Result | None]
Scan = Callable[[Rule, Context], list[Result]]
# Kinds whose rules bind claims with patterns, and kinds that scan the whole document.
PATTERN_CHECKS: dict[str, PairCheck] = {
    "conversion": conversion.check,
    "percent_change": percent_change.check,
    "percent_of": percent_of.check,
    "sum": parts.check,
}
DOCUMENT_CHECKS: dict[str, Scan] = {"shares_total": shares_total.scan, "change": change.scan}
# Rules whose `source` option is `tables` read results tables instead of sentences.
TABLE_CHECKS: dict[str, Scan] = {"percent_change": table_change.scan}


def check_document(
    document: Document, claims: list[Claim], rules: list[Rule], fx: FxTable, date: dt.date | None
) -> list[Result]:
    """Every relation the rules find in the document, judged, in reading order."""
    context = Context(document, claims, fx, date or document.meta.date)
    results: list[Result] = []
    sentences = _claims_by_sentence(document, claims)
    for rule in rules:
        kind = rule.spec.kind
        if kind in DOCUMENT_CHECKS:
            results.extend(DOCUMENT_CHECKS[kind](rule, context))
        elif rule.spec.options.get("source") == "tables":
            if kind not in TABLE_CHECKS:
                raise ConsistencyError(
                    f"rule {rule.id}: {kind} rules cannot read tables", path=str(rule.path)
                )
            results.extend(TABLE_CHECKS[kind](rule, context))
        elif kind in PATTERN_CHECKS:
            results.extend(_pattern_results(rule, PATTERN_CHECKS[kind], context, sentences))
    results.sort(key=lambda r: (r.claims[0].start, r.rule.id))
    return results


def _claims_by_sentence(document: Document, claims: list[Claim]) -> list[tuple[int, str, str]]:
    """Each sentence with two figures or more, as its claim count and its marked text (built once)."""
    grouped: dict[int, list[tuple[int, Claim]]] = {}
    for index, claim in enumerate(claims):
        if claim.kind != "date":
            grouped.setdefault(claim.sentence, []).append((index, claim))
    prose, starts = document.prose, document.sentence_starts
    marked = []
    for sentence, members in grouped.items():
        if len(members) >= 2:
            end = starts[sentence + 1] if sentence + 1 < len(starts) else len(prose)
            text = marked_sentence(prose, starts[sentence], end, members)
            marked.append((len(members), text, text.lower()))
    return marked


def _pattern_results(
    rule: Rule, check: PairCheck, context: Context, sentences: list[tuple[int, str, str]]
) -> list[Result]:
    if not rule.patterns:
        return []
    fewest, shared = rule.fewest_roles, rule.shared_requires
    results = []
    seen: set[tuple[int, ...]] = set()
    for count, text, lowered in sentences:
        if count < fewest or not contains_all(lowered, shared):
            continue
        for pattern in rule.patterns:
            if not contains_all(lowered, pattern.requires):
                continue
            for match in pattern.regex.finditer(text):
                bound = {role: context.claims[int(match.group(role))] for role in pattern.roles}
                key = tuple(sorted(int(match.group(role)) for role in pattern.roles))
                if key in seen:
                    continue
                seen.add(key)
                result = check(rule, bound, context, match.group())
                if result is not None:
                    results.append(result)
    return results
