"""The check pipeline: a document's claims, matched by the rules, judged by the checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final, final

from consistency.checks import (
    Context,
    Result,
    balance,
    change,
    comparison,
    conversion,
    date_span,
    margin,
    named_share,
    parts,
    percent_change,
    percent_of,
    ratio,
    restatement,
    shares_total,
    table_change,
    table_mention,
)
from consistency.document import Document
from consistency.errors import ConsistencyError
from consistency.fx import FxTable
from consistency.models import Claim
from consistency.patterns import contains_all, folded, marked_sentence, word_runs
from consistency.rules import Rule

# A pattern check reads the bound claims, the matched text and the few words before the match.
PairCheck = Callable[[Rule, dict[str, Claim], Context, str, str], Result | None]
Scan = Callable[[Rule, Context], list[Result]]
# Kinds whose rules bind claims with patterns, and kinds that scan the whole document.
PATTERN_CHECKS: Final[dict[str, PairCheck]] = {
    "conversion": conversion.check,
    "date_span": date_span.check,
    "percent_change": percent_change.check,
    "percent_of": percent_of.check,
    "ratio": ratio.check,
    "restatement": restatement.check,
    "sum": parts.check,
}
# Kinds whose patterns bind dates, and so read sentences with their dates marked as claims.
DATED_KINDS: Final = frozenset({"date_span"})
DOCUMENT_CHECKS: Final[dict[str, Scan]] = {"shares_total": shares_total.scan, "change": change.scan}
# Rules whose `source` option names another source than sentences: results tables, margins.
SOURCE_CHECKS: Final[dict[tuple[str, str], Scan]] = {
    ("percent_change", "tables"): table_change.scan,
    ("percent_change", "table_mentions"): table_mention.scan,
    ("percent_of", "margins"): margin.scan,
    ("percent_of", "named_wholes"): named_share.scan,
    ("sum", "balances"): balance.scan,
    ("restatement", "reports"): restatement.scan,
    ("change", "comparisons"): comparison.scan,
    ("date_span", "records"): date_span.scan,
}


_LEAD: Final = 24  # characters before a match a check may read: "more than doubled", "nearly tripled"


def check_document(
    document: Document, claims: list[Claim], rules: list[Rule], fx: FxTable, date: dt.date | None
) -> list[Result]:
    """Every relation the rules find in the document, judged, in reading order."""
    context = Context(document, claims, fx, date or document.meta.date)
    results: list[Result] = []
    # Sentences (with or without their dates marked) and pairs of sentences, built once when needed.
    spans: dict[str, dict[frozenset[str], list[_Span]]] = {}
    cache = _SentenceCache(document, claims)
    for rule in rules:
        kind = rule.kind
        if rule.source is not None:
            scan = SOURCE_CHECKS.get((kind, rule.source))
            if scan is None:
                raise ConsistencyError(
                    f"rule {rule.id}: {kind} rules cannot read {rule.source}", path=str(rule.path)
                )
            results.extend(scan(rule, context))
        elif kind in DOCUMENT_CHECKS:
            results.extend(DOCUMENT_CHECKS[kind](rule, context))
        elif kind in PATTERN_CHECKS:
            reading = "dated" if kind in DATED_KINDS else "pairs" if rule.reach >= 2 else "plain"
            if reading not in spans:
                spans[reading] = _by_kinds(_spans(reading, cache))
            results.extend(_pattern_results(rule, PATTERN_CHECKS[kind], context, spans[reading]))
    results.sort(key=lambda r: (r.claims[0].start, r.rule.id))
    return results


@final
class _Piece:
    """One sentence's claims as a pattern rule reads them: with or without the dates."""

    def __init__(self, sentence: int, start: int, end: int, dates: bool) -> None:
        self.sentence = sentence
        self.start = start  # prose offsets of the sentence
        self.end = end
        self.dates = dates  # whether its dates are marked as claims
        self.members: list[tuple[int, Claim]] = []  # each claim with its index in the document's list
        self.kinds: frozenset[str] = frozenset()


class _SentenceCache:
    """What the readings of one document share: the sentences' claims, word runs and marked text."""

    __slots__ = ("_pieces", "claims", "marked", "prose", "runs", "starts")

    def __init__(self, document: Document, claims: list[Claim]) -> None:
        self.prose = document.prose
        self.starts = document.sentence_starts
        self.claims = claims
        self.runs: dict[int, frozenset[str]] = {}
        self.marked: dict[tuple[int, bool], str] = {}
        self._pieces: dict[bool, dict[int, _Piece]] = {}

    def pieces(self, dates: bool) -> dict[int, _Piece]:
        """Each sentence holding claims (dates counted or not), by index in reading order; built once."""
        found = self._pieces.get(dates)
        if found is None:
            found = self._pieces[dates] = {}
            starts, size = self.starts, len(self.prose)
            kinds: dict[int, set[str]] = {}
            for index, claim in enumerate(self.claims):
                kind = claim.kind
                if dates or kind != "date":
                    sentence = claim.sentence
                    piece = found.get(sentence)
                    if piece is None:
                        end = starts[sentence + 1] if sentence + 1 < len(starts) else size
                        piece = found[sentence] = _Piece(sentence, starts[sentence], end, dates)
                        kinds[sentence] = set()
                    piece.members.append((index, claim))
                    kinds[sentence].add(kind)
            for sentence, piece in found.items():
                piece.kinds = frozenset(kinds[sentence])
        return found


class _Span:
    """A sentence (or two) with two figures or more: what a pattern rule reads, marked only on demand.

    `kinds` names the kinds of its claims, and `words` the runs of letters and digits of its prose:
    a rule whose claim kinds or words are missing is skipped before any text is marked.
    """

    __slots__ = ("_marked", "_words", "cache", "count", "kinds", "pieces")

    def __init__(self, pieces: list[_Piece], cache: _SentenceCache, kinds: frozenset[str]) -> None:
        self.pieces = pieces  # its sentences, in order
        self.cache = cache
        self.count = sum(len(piece.members) for piece in pieces)
        self.kinds = kinds
        self._words: frozenset[str] | None = None
        self._marked: tuple[str, str] | None = None

    def words(self) -> frozenset[str]:
        """The runs of letters and digits of the span's prose, lower-cased (see `word_runs`)."""
        if self._words is None:
            runs = self.cache.runs
            words: frozenset[str] = frozenset()
            for piece in self.pieces:
                found = runs.get(piece.sentence)
                if found is None:
                    found = runs[piece.sentence] = frozenset(
                        word_runs(self.cache.prose[piece.start : piece.end])
                    )
                words = words | found if words else found
            self._words = words
        return self._words

    def marked(self) -> tuple[str, str]:
        """The marked text and its lower-cased form; a break between two sentences stands as " . "."""
        if self._marked is None:
            texts = []
            for piece in self.pieces:
                key = (piece.sentence, piece.dates)
                if key not in self.cache.marked:
                    self.cache.marked[key] = marked_sentence(
                        self.cache.prose, piece.start, piece.end, piece.members
                    )
                texts.append(self.cache.marked[key])
            if len(texts) == 2 and texts[0].endswith(".") and not texts[0].endswith(" ."):
                texts[0] = texts[0][:-1] + " ."
            text = " ".join(texts)
            self._marked = (text, folded(text))  # folded as the regex reads it, for the literal pre-test
        return self._marked


def _spans(reading: str, cache: _SentenceCache) -> list[_Span]:
    """The spans a pattern rule reads: sentences, sentences with dates marked, or adjacent pairs.

    Dates are left as words unless asked for, so "rose 5% in 2023 to $4m" reads as one phrase.
    """
    pieces = cache.pieces(reading == "dated")
    spans = []
    for sentence, piece in pieces.items():
        if reading == "pairs":
            following = pieces.get(sentence + 1)
            if following is not None:
                spans.append(_Span([piece, following], cache, piece.kinds | following.kinds))
        elif len(piece.members) >= 2:
            spans.append(_Span([piece], cache, piece.kinds))
    return spans


def _by_kinds(spans: list[_Span]) -> dict[frozenset[str], list[_Span]]:
    """Spans grouped by the kinds of claims they hold: a rule skips whole groups at once."""
    groups: dict[frozenset[str], list[_Span]] = {}
    for span in spans:
        groups.setdefault(span.kinds, []).append(span)
    return groups


def _pattern_results(
    rule: Rule, check: PairCheck, context: Context, groups: dict[frozenset[str], list[_Span]]
) -> list[Result]:
    if not rule.patterns:
        return []
    fewest, kinds, shared_runs = rule.fewest_roles, rule.shared_kinds, rule.shared_runs
    results = []
    seen: set[tuple[int, ...]] = set()
    spans = [span for held, group in groups.items() if kinds <= held for span in group]
    for span in spans:
        if span.count < fewest:
            continue
        runs = span.words()
        if not shared_runs <= runs:
            continue
        text = lowered = ""
        for pattern in rule.patterns:
            # Set tests first (kinds, words, one cue of each set), then the text, then the regex.
            if not (pattern.kinds <= span.kinds and pattern.may_match(runs)):
                continue
            if not text:
                text, lowered = span.marked()
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
