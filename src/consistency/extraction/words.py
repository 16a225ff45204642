"""Small readings of the words around a figure: the word before it, a plural's singular."""

from __future__ import annotations

import re
from typing import Final

_WORD_SHAPE: Final = re.compile(r"[A-Za-z][A-Za-z&.'’-]*")


def word_before(prose: str, at: int) -> tuple[str, int] | None:
    """The word that stands, then spaces, right before `at` ("more than 5" -> "than"), and its start."""
    window = prose[at - 30 if at > 30 else 0 : at]
    if not window or window[-1] not in " \u00a0":
        return None
    parts = window.rsplit(None, 1)
    if not parts:
        return None
    token = parts[-1]
    word = token.lstrip("(\"“‘'[")
    if not word or _WORD_SHAPE.fullmatch(word) is None:
        return None
    return word, at - len(window) + window.rfind(token) + len(token) - len(word)


def singular(word: str) -> str:
    """A plural noun's singular by the regular English rules; other words unchanged."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s", "’s")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes", "uses")):
        return word[:-2]
    return word[:-1]


def token_end(prose: str, pos: int) -> int:
    """The end of the alphanumeric token running through `pos` (an identifier to skip whole)."""
    n = len(prose)
    while pos < n and (
        prose[pos].isalnum() or (prose[pos] in "-_." and pos + 1 < n and prose[pos + 1].isalnum())
    ):
        pos += 1
    return pos


def yen_by_context(prose: str) -> str:
    """CNY or JPY when the article's own words say which, else the ambiguous `¥`."""
    chinese = sum(
        prose.count(word) for word in ("yuan", "renminbi", "RMB", "CNY", "China", "Beijing", "Shanghai")
    )
    japanese = sum(prose.count(word) for word in (" yen", "JPY", "Japan", "Tokyo", "Osaka"))
    if chinese > 3 * japanese:
        return "CNY"
    if japanese > 3 * chinese:
        return "JPY"
    return "¥"
