"""Sentence boundaries in prose that survive "U.S.", "Mr.", "Feb.", "3.3" and "No. 5"."""

from __future__ import annotations

import re

# A candidate end: terminal punctuation, closing quotes or brackets, then space; or a blank line.
# It starts with one character class so the regex engine can skip to the next candidate quickly.
_END = re.compile(r"[.!?…\n](?:(?<=\n)[ \t]*\n\s*|(?<!\n)[.!?…]*[\"'”’)\]]*\s+)")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_ABBREVIATIONS = frozenset(
    [
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
)


def split_sentences(prose: str) -> list[int]:
    """Start offsets of the sentences in `prose`, beginning with 0, in increasing order."""
    starts = [0]
    for match in _END.finditer(prose):
        end = match.end()
        if end >= len(prose):
            break
        if "\n\n" not in match.group().replace(" ", "").replace("\t", "") and not _is_boundary(
            prose, match.start(), end
        ):
            continue
        starts.append(end)
    return starts


def _is_boundary(prose: str, punct_at: int, next_at: int) -> bool:
    """Whether the punctuation at `punct_at` ends a sentence, judged by its neighbours."""
    following = prose[next_at]
    if following.islower():
        return False
    if prose[punct_at] != ".":
        return True
    word = _LAST_WORD.search(prose, max(0, punct_at - 12), punct_at + 1)
    if word is None:
        return True
    token = word.group(1).lower()
    # A lone capital is an initial ("J. Smith"), and a listed abbreviation rarely ends a sentence.
    return not (len(token) == 1 or token in _ABBREVIATIONS)
