"""Shares of a whole named elsewhere: "its general fund, 44% of the total budget, stands at $109.1 million".

The whole is not in the sentence but named by a noun ("of the total budget"); it is the nearest
figure before, in the same unit as the part, that the same noun names: "a record $251.7 million
budget", "the budget of $251.7 million". The part is the one other figure of the sentence; with
none, or several, the share is left alone rather than guessed.
"""

from __future__ import annotations

import re
from typing import Final

from consistency.checks import Context, Result
from consistency.checks.naming import earlier, in_sentence, named
from consistency.checks.percent_of import share
from consistency.models import Claim
from consistency.rules import Rule

# "44% of the total budget", "10.8% of the operating budget": the noun naming the whole is the last
# word of a phrase of one or two words, ended by punctuation or a word that is no part of it.
_OF_WHOLE: Final = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|his|her|this|that)[ \u00a0]+"
    r"(?:[a-z][a-z-]+[ \u00a0]+)?(?P<noun>[a-z][a-z-]{2,})(?=[ \u00a0]*(?:[,.;:)]|$|and\b|in\b|for\b|at\b|on\b))",
    re.IGNORECASE,
)
# The share stands in a clause describing what follows: "which accounts for", "that makes up".
_CLAUSE: Final = re.compile(
    r"\b(?:which|that)[ \u00a0]+(?:accounts?|accounted|makes?|made|represents?|represented)"
    r"(?:[ \u00a0]+(?:for|up))?[ \u00a0]*$",
    re.IGNORECASE,
)
# What names the votes cast: "35,887 voted", "35,887 ballots were cast", "a turnout of 35,887".
_VOTED: Final = re.compile(
    r"[ \u00a0]+(?:people[ \u00a0]+|voters[ \u00a0]+)?(?:voted|cast[ \u00a0]+(?:their[ \u00a0]+)?ballots|"
    r"(?:votes|ballots)[ \u00a0]+(?:were|had been)[ \u00a0]+cast)\b",
    re.IGNORECASE,
)
_TURNOUT: Final = re.compile(
    r"\b(?:turnout|votes cast|ballots cast)[ \u00a0]+(?:of|was|reached|stood at)[ \u00a0]+$", re.IGNORECASE
)
_NAMED_AFTER: Final = 30  # characters after a figure in which the noun may name it: "$251.7 million budget"


def scan(rule: Rule, context: Context) -> list[Result]:
    """One result per percentage of a named whole, with one part beside it and the whole found before."""
    prose = context.document.prose
    results = []
    for stated in context.claims:
        if stated.kind != "percent":
            continue
        whole_name = _OF_WHOLE.match(prose, stated.prose_end)
        if whole_name is None or whole_name.group("noun").lower() in rule.words("ignore_nouns"):
            continue
        noun = whole_name.group("noun").lower()
        part = _part(context, stated)
        if part is None:
            continue
        whole = _named_before(context, part, noun)
        if whole is None and noun in rule.words("vote_nouns") and part.unit in ("vote", ""):
            whole = _votes_cast(context, part)
        if whole is None or whole.low <= 0 or whole is part:
            continue
        results.append(share(rule, stated, part, whole, as_written=True))
    return results


def _part(context: Context, stated: Claim) -> Claim | None:
    """The figure the share is of: the sentence's only amount, else the first one right after the share.

    "Its general fund, which accounts for 44% of the total budget, stands at $109.1 million, down
    from $110.2 million": the clause holding the share describes the figure that follows it.
    """
    amounts = [c for c in in_sentence(context, stated.sentence) if c.kind in ("currency", "count") and c.unit]
    if len(amounts) == 1:
        return amounts[0]
    following = [c for c in amounts if c.prose_start > stated.prose_end]
    clause = _CLAUSE.search(context.document.prose, max(0, stated.prose_start - 40), stated.prose_start)
    return following[0] if following and clause else None


def _votes_cast(context: Context, part: Claim) -> Claim | None:
    """The votes cast, stated near a candidate's share "of the total": "only 35,887 voted".

    The one count, within two sentences either side, followed by a verb of voting or introduced
    as a turnout; none, or several, and the share is left alone.
    """
    prose = context.document.prose
    found = []
    for sentence in range(part.sentence - 2, part.sentence + 3):
        if sentence < 0:
            continue
        for claim in in_sentence(context, sentence):
            if claim.kind != "count" or claim is part:
                continue
            after = _VOTED.match(prose, claim.prose_end)
            before = _TURNOUT.search(prose, max(0, claim.prose_start - 30), claim.prose_start)
            if after is not None or before is not None:
                found.append(claim)
    return found[0] if len(found) == 1 else None


def _named_before(context: Context, part: Claim, noun: str) -> Claim | None:
    """The nearest figure before the part's sentence, in the part's unit, that `noun` names."""
    prose = context.document.prose
    after = re.compile(rf"[ \u00a0]+(?:[a-z-]+[ \u00a0]+)?{re.escape(noun)}s?\b", re.IGNORECASE)
    for claim in earlier(context, part):
        if claim.sentence >= part.sentence or (claim.kind, claim.unit) != (part.kind, part.unit):
            continue
        if after.match(prose, claim.prose_end, claim.prose_end + _NAMED_AFTER) or named(
            context, claim, (noun,)
        ):
            return claim
    return None
