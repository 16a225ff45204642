"""Numbers as written: digit literals with their precision, number words, fractions and scales."""

from __future__ import annotations

import re
from typing import Any, Final, final

SMALL: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS: Final = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FRACTIONS: Final = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
VAGUE: Final = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
SCALES: Final = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "millions": 1e6, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "B": 1e9, "bil": 1e9,
    "trillion": 1e12, "tn": 1e12, "tr": 1e12,
    "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
}  # fmt: skip

# Thousands grouping: western (2,300,000) or Indian (3,82,492); anything else is not one number.
_GROUPED: Final = re.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")


@final
class Literal:
    """A number as printed: its value and the unit of its last significant digit.

    A plain class, not a frozen dataclass: mypyc compiles this constructor, where a frozen
    dataclass sets each field through `object.__setattr__`, and one is built for every figure.
    """

    def __init__(self, value: float, step: float, integer_step: float) -> None:
        self.value: Final = value
        self.step: Final = step
        self.integer_step: Final = integer_step


def read_digits(token: str) -> Literal | None:
    """Value and precision of a digit token such as "2,300", "3.3" or "3,82,492"; None if malformed.

    `step` reads trailing zeros of a whole number from 100 up as rounding ("2,300" is to the
    hundred, "40" and "$10 billion" to the unit, as `step_of` reads number words);
    `integer_step` never does (percentages: "30 percent" is 29.5-30.5).
    """
    if "," not in token:
        plain = token
    elif _GROUPED.fullmatch(token):
        plain = token.replace(",", "")
    else:
        return None
    point = plain.find(".")
    whole = plain
    if point >= 0:
        if plain.find(".", point + 1) >= 0:
            return None
        if point + 1 < len(plain):
            step = 10.0 ** (point + 1 - len(plain))  # one tenth per decimal place
            return Literal(float(plain), step, step)
        whole = plain[:point]
    stripped = whole.rstrip("0")
    zeros = len(whole) - len(stripped) if stripped else 0
    value = float(whole)
    return Literal(value, 10.0**zeros if value >= 100 else 1.0, 1.0)


def words_value(words: list[str]) -> float | None:
    """The value of a run of number words ("twenty-five", "two hundred and fifty", "six million")."""
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word == "and":
            continue
        if word in SMALL:
            current += SMALL[word]
            seen = True
        elif word == "dozen":
            current = (current or 1) * 12
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[word]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def step_of(value: float) -> float:
    """The rounding step of a whole value read from words: a hundred for "two hundred" and so on."""
    step = 1.0
    v = abs(value)
    while v >= step * 10 and v % (step * 10) == 0:
        step *= 10
    return step if v >= 100 else 1.0


def trie_pattern(words: list[str]) -> str:
    """A regex for a set of words whose every branch starts with a letter, so the scan can skip
    straight to the letters that may begin one (a plain alternation is tried at every offset)."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return emit(root)
