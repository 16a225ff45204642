"""`shares_total`: shares of one whole, listed to the end, make 100%.

"a quarter of his time on phones, half on cars and a quarter on other things": the list closes with
a cue the rule file names ("other things", "the rest", "undecided"), so its shares must add up to a
whole. Percentages that are changes ("rose 5%") are not shares and are left out.
"""

from __future__ import annotations

import functools
import re

from consistency.checks import Bounds, Context, Result, figure, judge
from consistency.extraction.words import word_before
from consistency.models import Claim
from consistency.rules import Rule


@functools.lru_cache(maxsize=64)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """The closing cues as one whole-word pattern, compiled once per cue list."""
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![A-Za-z])", re.I)


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per sentence that lists shares up to a closing cue."""
    prose = context.document.prose
    starts = context.document.sentence_starts
    cues = rule.words("complete_cues")
    change_words = set(rule.words("change_words"))
    cue = _cue_pattern(cues)
    minimum = int(rule.option("min_shares", 3))
    percents: dict[int, list[Claim]] = {}
    for claim in context.claims:
        if claim.kind == "percent":
            percents.setdefault(claim.sentence, []).append(claim)
    by_sentence: dict[int, list[Claim]] = {}
    changes: set[int] = set()
    for sentence_claims in percents.values():
        if len(sentence_claims) < minimum:
            continue  # too few percentages for a list of shares, whatever the words around them
        for claim in sentence_claims:
            before = word_before(prose, claim.prose_start)
            near = prose[max(0, claim.prose_start - 25) : claim.prose_start].lower().rstrip(" :")
            if before is not None and before[0].lower() in change_words:
                changes.add(claim.sentence)  # "rose 5%": a sentence of changes, not of shares
            elif near.endswith(("+/-", "±", "margin of error", "margin of error of", "plus or minus")):
                continue  # a margin of error, not a share
            else:
                by_sentence.setdefault(claim.sentence, []).append(claim)
    results = []
    for sentence, shares in by_sentence.items():
        if len(shares) < minimum or sentence in changes:
            continue
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(prose)
        if not cues or cue.search(prose, shares[1].prose_start - 12, end) is None:
            continue  # no word says the list is complete: the shares may be of different wholes
        total = Bounds(sum(c.low for c in shares), sum(c.high for c in shares), "percent")
        parts = " + ".join(figure(c.nominal) for c in shares)
        middle = sum(c.nominal for c in shares)
        arithmetic = f"{parts} = {figure(middle)}%; a complete list of shares makes 100%"
        missing = 100 - middle
        suggestion = (
            f"shares adding up to 100% ({figure(abs(missing))} points {'short' if missing > 0 else 'over'})"
        )
        results.append(
            judge(rule, tuple(shares), Bounds(100.0, 100.0, "percent"), total, arithmetic, suggestion)
        )
    return results
