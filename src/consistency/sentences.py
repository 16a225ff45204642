"""Sentence boundaries in prose that survive "U.S.", "Mr.", "Feb.", "3.3" and "No. 5"."""

from __future__ import annotations

import operator
import re
from typing import Final

_ABBREVIATIONS: Final = [
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "jr",
    "sr",
    "inc",
    "corp",
    "ltd",
    "co",
    "plc",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "no",
    "nos",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "gov",
    "sen",
    "rep",
    "gen",
    "col",
    "lt",
    "mt",
    "ft",
    "approx",
    "est",
    "fig",
    "vol",
    "pp",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "rev",
    "hon",
    "dept",
    "univ",
    "assn",
    "bros",
    "ave",
    "blvd",
    "rd",
    "messrs",
    "mme",
    "mlle",
]
_FORMS: Final = sorted({form for word in _ABBREVIATIONS for form in (word, word.capitalize(), word.upper())})
# One look-behind per length: each must match a fixed width, and few of them keep the scan fast.
_NOT_AFTER: Final = "".join(
    rf"(?<!\b(?:{'|'.join(re.escape(f) for f in _FORMS if len(f) == size)})\.)"
    for size in sorted({len(f) for f in _FORMS})
)
# A sentence ends at terminal punctuation (closing quotes or brackets allowed) followed by space and
# no lower-case letter, unless the full stop closes an abbreviation or an initial ("J. Smith"); a
# blank line always ends one. `_END` is that rule; the split runs it as `_END_BY_MARK` below.
_CLOSE: Final = r"[.!?…]*[\"'”’)\]]*"
_END: Final = re.compile(
    r"[.!?…\n](?:"
    r"(?<=\n)[ \t]*\n\s*"
    rf"|(?<=[!?…]){_CLOSE}\s++(?![a-z])"
    rf"|(?<=\.)(?={_CLOSE}\s++(?![a-z])){_NOT_AFTER}(?<!\b[A-Z]\.){_CLOSE}\s+"
    r")"
)
# `_END` as one pattern per character a sentence end opens with. Each opens with that literal
# character, which sre skips to many times quicker than to a class of five: it tests a class by a
# call per character. Where `_END` matches, the pattern for its first character matches the same.
_END_BY_MARK: Final = (
    (".", re.compile(rf"\.(?={_CLOSE}\s++(?![a-z])){_NOT_AFTER}(?<!\b[A-Z]\.){_CLOSE}\s+")),
    ("\n", re.compile(r"\n[ \t]*\n\s*")),
    ("!", re.compile(rf"!{_CLOSE}\s++(?![a-z])")),
    ("?", re.compile(rf"\?{_CLOSE}\s++(?![a-z])")),
    ("…", re.compile(rf"…{_CLOSE}\s++(?![a-z])")),
)


def split_sentences(prose: str) -> list[int]:
    """Start offsets of the sentences in `prose`, beginning with 0, in increasing order.

    The ends are where `_END.finditer` finds them. Each character's matches are found apart; where
    one starts inside an end already taken, it ends where that one does (both run on to the end of
    the same white space), so dropping it skips nothing `_END` would have found.
    """
    size = len(prose)
    spans: list[tuple[int, int]] = []
    for mark, pattern in _END_BY_MARK:
        if mark in prose:
            spans.extend(match.span() for match in pattern.finditer(prose))
    spans.sort(key=operator.itemgetter(0))  # no two ends start at one character: an int key sorts quicker
    starts = [0]
    reached = 0
    for start, end in spans:
        if start >= reached:
            reached = end
            if end < size:
                starts.append(end)
    return starts
