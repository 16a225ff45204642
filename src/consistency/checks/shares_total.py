"""`shares_total`: shares of one whole, listed to the end, make 100%.

"a quarter of his time on phones, half on cars and a quarter on other things": the list closes with
a cue the rule file names ("other things", "the rest", "undecided"), so its shares must add up to a
whole. Percentages that are changes ("rose 5%") are not shares and are left out.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Final

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
    open_minimum = int(rule.option("min_open_shares", 3))
    for sentence, shares in by_sentence.items():
        if len(shares) < minimum or sentence in changes:
            continue
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(prose)
        total = Bounds(sum(c.low for c in shares), sum(c.high for c in shares), "percent")
        parts = " + ".join(figure(c.nominal) for c in shares)
        middle = sum(c.nominal for c in shares)
        if not cues or not _closes_list(cue, prose, shares, end):
            # No word says the list is complete: it may leave shares out, but a plain list of one
            # whole ("46 percent, 36 percent and 15 percent") can never pass 100%.
            if len(shares) >= open_minimum and _plain_list(prose, shares):
                arithmetic = f"{parts} = {figure(middle)}%; shares of one whole make at most 100%"
                expected = Bounds(0.0, 100.0, "percent")
                over = f"shares adding up to at most 100% ({figure(middle - 100)} points over)"
                results.append(judge(rule, tuple(shares), expected, total, arithmetic, over))
            continue
        arithmetic = f"{parts} = {figure(middle)}%; a complete list of shares makes 100%"
        missing = 100 - middle
        suggestion = (
            f"shares adding up to 100% ({figure(abs(missing))} points {'short' if missing > 0 else 'over'})"
        )
        results.append(
            judge(rule, tuple(shares), Bounds(100.0, 100.0, "percent"), total, arithmetic, suggestion)
        )
    return results


# What may stand between a share and the cue naming its part: "a quarter on other things", "11% not sure".
_SHARE_TO_CUE: Final = re.compile(
    r"[ \u00a0]*(?:(?:on|to|for|in|as|of|were|are|was|is|said|say|says)[ \u00a0]+)?"
)


def _closes_list(cue: re.Pattern[str], prose: str, shares: list[Claim], end: int) -> bool:
    """Whether a closing cue names the part of one of the shares, right after it or right before it.

    "the rest" on its own ("and the rest on the exchange") says the list is complete but gives no
    figure for the rest, so the shares stated need not make 100%.
    """
    for match in cue.finditer(prose, shares[1].prose_start - 12, end):
        for share in shares:
            between = prose[share.prose_end : match.start()]
            if share.prose_end <= match.start() and _SHARE_TO_CUE.fullmatch(between):
                return True
            if 0 <= share.prose_start - match.end() <= 2:
                return True
    return False


# What may stand between two shares of one list: a name, "on", "and", commas; never a word that
# names another whole ("of the broker", "in the south", "among women").
_BETWEEN_SHARES: Final = re.compile(
    r"(?:(?!\b(?:of|in|for|among|at|per|each|from|to|than)\b)[^.;:()%\d])*", re.I
)


def _plain_list(prose: str, shares: list[Claim]) -> bool:
    """Whether the shares stand as one list, with no word naming another whole nor bracket between them."""
    return all(
        _BETWEEN_SHARES.fullmatch(prose[left.prose_end : right.prose_start]) is not None
        and right.prose_start - left.prose_end <= 60
        for left, right in itertools.pairwise(shares)
    )
