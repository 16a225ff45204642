"""Sentence boundaries in prose that survive "U.S.", "Mr.", "Feb.", "3.3" and "No. 5"."""

from __future__ import annotations

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
# blank line always ends one. The pattern starts with one character class so the scan is quick,
# and the whole decision is the regex's, with no Python call per candidate.
_END: Final = re.compile(
    r"[.!?…\n](?:"
    r"(?<=\n)[ \t]*\n\s*"
    r"|(?<=[!?…])[.!?…]*[\"'”’)\]]*\s++(?![a-z])"
    rf"|(?<=\.)(?=[.!?…]*[\"'”’)\]]*\s++(?![a-z])){_NOT_AFTER}(?<!\b[A-Z]\.)[.!?…]*[\"'”’)\]]*\s+"
    r")"
)


def split_sentences(prose: str) -> list[int]:
    """Start offsets of the sentences in `prose`, beginning with 0, in increasing order."""
    size = len(prose)
    starts = [0]
    for match in _END.finditer(prose):
        end = match.end()
        if end < size:
            starts.append(end)
    return starts
