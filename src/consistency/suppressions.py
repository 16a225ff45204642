"""Suppressions: HTML comments in the article, invisible once it is published, that silence a rule.

    <!-- consistency: ignore fx-conversion -->      the next paragraph
    <!-- consistency: disable fx-conversion -->     from here ...
    <!-- consistency: enable fx-conversion -->      ... to here (or to the end of the article)

A comment names rule ids or kinds, separated by spaces or commas; naming none silences every rule.
A suppression that silences nothing, or names no rule there is, is itself reported, as a warning: a
stale one would hide the next real slip in its paragraph. Comments inside fenced code are text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from consistency.findings import Finding

UNUSED = "unused-suppression"
_COMMENT = re.compile(
    r"<!--[ \t]*consistency[ \t]*:[ \t]*(?P<action>ignore|disable|enable)(?![\w-])(?P<names>.*?)-->",
    re.IGNORECASE,
)
_NAMES = re.compile(r"[^\s,]+")
_FENCE = re.compile(r"[ ]{0,3}(?:```|~~~)")

Action = Literal["ignore", "disable", "enable"]


@dataclass(frozen=True, slots=True)
class Suppression:
    """One comment and the lines it covers; `names` empty means every rule."""

    action: Action
    names: frozenset[str]
    text: str
    line: int
    column: int
    first_line: int
    last_line: int

    def covers(self, found: Finding) -> bool:
        """Whether the finding stands in the covered lines and is of a rule (or kind) named."""
        if not self.first_line <= found.line <= self.last_line:
            return False
        return not self.names or found.rule in self.names or found.kind in self.names


def read_suppressions(source: str) -> list[Suppression]:
    """Every suppression comment in the article source, with the lines it covers."""
    if "consistency" not in source:  # nearly every article: no comment to look for
        return []
    lines = source.split("\n")
    found: list[Suppression] = []
    open_ranges: dict[frozenset[str], tuple[re.Match[str], int]] = {}
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or "<!--" not in line:
            continue
        for comment in _COMMENT.finditer(line):
            action = comment.group("action").lower()
            names = frozenset(_NAMES.findall(comment.group("names")))
            number = index + 1
            if action == "ignore":
                first, last = _paragraph(lines, index, comment.start(), comment.end())
                found.append(_suppression(comment, "ignore", names, number, first, last))
            elif action == "disable":
                open_ranges[names] = (comment, number)
            elif names in open_ranges:
                start, start_line = open_ranges.pop(names)
                found.append(_suppression(start, "disable", names, start_line, start_line, number))
            else:  # an enable with no disable before it silences nothing: reported as unused
                found.append(_suppression(comment, "enable", names, number, number, number - 1))
    for names, (start, start_line) in open_ranges.items():
        found.append(_suppression(start, "disable", names, start_line, start_line, len(lines)))
    return sorted(found, key=lambda s: (s.line, s.column))


def _suppression(
    comment: re.Match[str], action: Action, names: frozenset[str], line: int, first: int, last: int
) -> Suppression:
    text = " ".join(comment.group().split())
    return Suppression(action, names, text, line, comment.start() + 1, first, last)


def _paragraph(lines: Sequence[str], index: int, start: int, end: int) -> tuple[int, int]:
    """The 1-based lines an `ignore` covers: the paragraph the comment ends or opens, else the next one."""
    line = lines[index]
    if line[:start].strip():  # "... (80 miles). <!-- consistency: ignore -->": the paragraph it closes
        first = index
        while first > 0 and lines[first - 1].strip():
            first -= 1
    else:
        first = index if line[end:].strip() else index + 1
        while first < len(lines) and not lines[first].strip():
            first += 1
    if first >= len(lines):
        return len(lines) + 1, len(lines)  # nothing after the comment: it covers no line
    last = max(first, index)
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return first + 1, last + 1


def apply_suppressions(
    findings: Iterable[Finding],
    suppressions: Sequence[Suppression],
    active: frozenset[str],
    known: frozenset[str],
) -> list[Finding]:
    """The findings no suppression covers, then a warning for each suppression that silenced nothing.

    `active` holds the ids and kinds of the rules that ran, `known` those of every rule loaded: a
    suppression of a rule left out by `--select` is not judged, one of a rule that does not exist is.
    """
    kept: list[Finding] = []
    used: set[int] = set()
    for found in findings:
        covering = [k for k, suppression in enumerate(suppressions) if suppression.covers(found)]
        used.update(covering)
        if not covering:
            kept.append(found)
    for k, suppression in enumerate(suppressions):
        if k in used:
            continue
        unknown = sorted(suppression.names - known)
        if unknown:
            kept.append(_unused(suppression, f"names no rule: {', '.join(unknown)}"))
        elif suppression.action == "enable":
            kept.append(_unused(suppression, "enables what was never disabled"))
        elif not suppression.names or suppression.names & active:
            kept.append(_unused(suppression, "suppresses nothing"))
    return kept


def _unused(suppression: Suppression, why: str) -> Finding:
    """A suppression that did nothing, as a warning on its comment."""
    return Finding(
        rule=UNUSED,
        kind="suppression",
        severity="warning",
        line=suppression.line,
        column=suppression.column,
        end_line=suppression.line,
        end_column=suppression.column + len(suppression.text),
        message=f"{suppression.text} {why}",
        claims=[],
        expected=None,
        stated=None,
        arithmetic="",
        suggestion="remove the comment",
    )
