"""The check pipeline: a document's claims, matched by the rules, judged by the checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from consistency.checks import (
    Context,
    Result,
    balance,
    change,
    conversion,
    date_span,
    margin,
    parts,
    percent_change,
    percent_of,
    ratio,
    restatement,
    shares_total,
    table_change,
)
from consistency.document import Document
from consistency.errors import ConsistencyError
from consistency.fx import FxTable
from consistency.models import Claim
from consistency.patterns import contains_all, marked_sentence
from consistency.rules import Rule

# A pattern check reads the bound claims, the matched text and the few words before the match.
PairCheck = Callable[[Rule, dict[str, Claim], Context, str, str], Result | None]
Scan = Callable[[Rule, Context], list[Result]]
# Kinds whose rules bind claims with patterns, and kinds that scan the whole document.
PATTERN_CHECKS: dict[str, PairCheck] = {
    "conversion": conversion.check,
    "date_span": date_span.check,
    "percent_change": percent_change.check,
    "percent_of": percent_of.check,
    "ratio": ratio.check,
    "restatement": restatement.check,
    "sum": parts.check,
}
# Kinds whose patterns bind dates, and so read sentences with their dates marked as claims.
DATED_KINDS = frozenset({"date_span"})
DOCUMENT_CHECKS: dict[str, Scan] = {"shares_total": shares_total.scan, "change": change.scan}
# Rules whose `source` option names another source than sentences: results tables, margins.
SOURCE_CHECKS: dict[tuple[str, str], Scan] = {
    ("percent_change", "tables"): table_change.scan,
    ("percent_of", "margins"): margin.scan,
    ("sum", "balances"): balance.scan,
}


_LEAD = 24  # characters before a match a check may read: "more than doubled", "nearly tripled"


def check_document(
    document: Document, claims: list[Claim], rules: list[Rule], fx: FxTable, date: dt.date | None
) -> list[Result]:
    """Every relation the rules find in the document, judged, in reading order."""
    context = Context(document, claims, fx, date or document.meta.date)
    results: list[Result] = []
    sentences = _claims_by_sentence(document, claims)
    dated_sentences: list[tuple[int, str, str]] | None = None  # with dates marked, for date_span rules
    sentence_pairs: list[tuple[int, str, str]] | None = None  # two sentences at a time, for `reach: 2`
    for rule in rules:
        kind = rule.spec.kind
        if kind in DOCUMENT_CHECKS:
            results.extend(DOCUMENT_CHECKS[kind](rule, context))
        elif (source := rule.spec.options.get("source")) is not None:
            scan = SOURCE_CHECKS.get((kind, str(source)))
            if scan is None:
                raise ConsistencyError(
                    f"rule {rule.id}: {kind} rules cannot read {source}", path=str(rule.path)
                )
            results.extend(scan(rule, context))
        elif kind in PATTERN_CHECKS and kind in DATED_KINDS:
            if dated_sentences is None:
                dated_sentences = _claims_by_sentence(document, claims, dates=True)
            results.extend(_pattern_results(rule, PATTERN_CHECKS[kind], context, dated_sentences))
        elif kind in PATTERN_CHECKS and rule.option("reach", 1) >= 2:
            if sentence_pairs is None:
                sentence_pairs = _claims_by_sentence_pair(document, claims)
            results.extend(_pattern_results(rule, PATTERN_CHECKS[kind], context, sentence_pairs))
        elif kind in PATTERN_CHECKS:
            results.extend(_pattern_results(rule, PATTERN_CHECKS[kind], context, sentences))
    results.sort(key=lambda r: (r.claims[0].start, r.rule.id))
    return results


def _claims_by_sentence(
    document: Document, claims: list[Claim], *, dates: bool = False
) -> list[tuple[int, str, str]]:
    """Each sentence with two figures or more, as its claim count and its marked text (built once).

    Dates are left as words unless asked for, so "rose 5% in 2023 to $4m" reads as one phrase.
    """
    grouped: dict[int, list[tuple[int, Claim]]] = {}
    for index, claim in enumerate(claims):
        if dates or claim.kind != "date":
            grouped.setdefault(claim.sentence, []).append((index, claim))
    prose, starts = document.prose, document.sentence_starts
    marked = []
    for sentence, members in grouped.items():
        if len(members) >= 2:
            end = starts[sentence + 1] if sentence + 1 < len(starts) else len(prose)
            text = marked_sentence(prose, starts[sentence], end, members)
            marked.append((len(members), text, text.lower()))
    return marked


def _claims_by_sentence_pair(document: Document, claims: list[Claim]) -> list[tuple[int, str, str]]:
    """Each sentence with figures and the next one with figures, marked as one text.

    The first sentence's closing stop stands apart (" .") so a pattern can name the break: "{total}
    ~ . (of that|of which) ...". A total in one sentence and its parts in the next read as one.
    """
    grouped: dict[int, list[tuple[int, Claim]]] = {}
    for index, claim in enumerate(claims):
        if claim.kind != "date":
            grouped.setdefault(claim.sentence, []).append((index, claim))
    prose, starts = document.prose, document.sentence_starts
    marked = []
    for sentence, members in grouped.items():
        following = grouped.get(sentence + 1)
        if following is None:
            continue
        middle = starts[sentence + 1]
        end = starts[sentence + 2] if sentence + 2 < len(starts) else len(prose)
        first = marked_sentence(prose, starts[sentence], middle, members)
        if first.endswith(".") and not first.endswith(" ."):
            first = first[:-1] + " ."
        text = f"{first} {marked_sentence(prose, middle, end, following)}"
        marked.append((len(members) + len(following), text, text.lower()))
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
                before = text[max(0, match.start() - _LEAD) : match.start()]
                result = check(rule, bound, context, match.group(), before)
                if result is not None:
                    results.append(result)
    return results
