"""Figures known by name: "revenue ... €161.9m", "exports grew 17.6% to $27.7 billion".

A figure is named by a word when the word stands before it in its sentence with no other figure of
the same measure (kind and unit) between them, and the figure is not a bracketed prior-year value ("€8.1m (€6.8m)").
Checks that relate figures across an article (margins, trade balances) find their figures so.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Final

from consistency.checks import Context
from consistency.models import Claim

LOOK_BACK: Final = 200  # characters before a figure searched for its name: bounded, so long lines stay linear


def named(context: Context, claim: Claim, names: tuple[str, ...]) -> bool:
    """Whether the figure is the first of its kind after one of `names` in its sentence, not in brackets.

    "revenue for January to March rose 14.1% to €161.9m": the revenue is €161.9m, the first money
    after the word; "€8.1m (€6.8m)" is last year's figure, never the one named.
    """
    prose = context.document.prose
    start = max(context.document.sentence_starts[claim.sentence], claim.prose_start - LOOK_BACK)
    before = prose[start : claim.prose_start].lower()
    previous = _previous_of_kind(context, claim, start)
    if before.rstrip().endswith("(") and previous >= 0:
        return False  # "€8.1m (€6.8m)": last year's figure; "1,280 meters (4,199 ft)" is the same one
    at = max((before.rfind(name) for name in names), default=-1)
    return at >= 0 and previous < start + at


def first_named(
    context: Context, names: tuple[str, ...], *, kind: str, sentence: int | None = None
) -> Claim | None:
    """The first figure of `kind` named by one of `names` (in `sentence`, if given), outside tables."""
    for claim in context.claims if sentence is None else in_sentence(context, sentence):
        if (
            claim.kind == kind
            and not context.document.in_table(claim.prose_start)
            and named(context, claim, names)
        ):
            return claim
    return None


# How far back a figure may be looked for: sentences, and claims, so a huge one-line text stays linear.
LOOK_BACK_SENTENCES: Final = 12
LOOK_BACK_CLAIMS: Final = 200


def earlier(context: Context, claim: Claim, sentences: int = LOOK_BACK_SENTENCES) -> Iterator[Claim]:
    """The claims before `claim`, nearest first, within `sentences` sentences and a bounded count."""
    claims = context.claims
    index = bisect.bisect_left(claims, claim.start, key=lambda c: c.start)
    for step in range(1, min(index, LOOK_BACK_CLAIMS) + 1):
        candidate = claims[index - step]
        if candidate.sentence < claim.sentence - sentences:
            return
        yield candidate


def in_sentence(context: Context, sentence: int) -> list[Claim]:
    """The claims of one sentence, found by bisection (claims are in reading order)."""
    claims = context.claims
    low = bisect.bisect_left(claims, sentence, key=lambda c: c.sentence)
    high = bisect.bisect_right(claims, sentence, lo=low, key=lambda c: c.sentence)
    return claims[low:high]


def _previous_of_kind(context: Context, claim: Claim, since: int) -> int:
    """Where the figure of the same kind and unit before this one, from `since` on, starts (-1 when none)."""
    index = bisect.bisect_left(context.claims, claim.start, key=lambda c: c.start) - 1
    while index >= 0 and context.claims[index].prose_start >= since:
        if (context.claims[index].kind, context.claims[index].unit) == (claim.kind, claim.unit):
            return context.claims[index].prose_start
        index -= 1
    return -1
