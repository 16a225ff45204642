"""Claim extraction: one cheap pass finds candidate numbers, then a few words on each side decide
scale, currency, unit, qualifier and counted noun.

The pass over the prose is a single regular expression for digit runs and number words; everything
else is an anchored match at a known offset, so the work grows with the number of figures, not with
the number of patterns.
"""

from __future__ import annotations

import bisect
import math
import operator
import re
from collections.abc import Iterable
from typing import Final, final

from consistency.document import Document
from consistency.extraction.build import Row, build_claims, date_row
from consistency.extraction.dates import MONTHS as MONTH_NAMES
from consistency.extraction.dates import DateMention, find_dates, year_mention
from consistency.extraction.numbers import (
    FRACTIONS,
    MULTIPLIERS,
    SCALES,
    SMALL,
    VAGUE,
    Literal,
    read_digits,
    step_of,
    trie_pattern,
    words_value,
)
from consistency.extraction.words import singular, token_end, word_before, yen_by_context
from consistency.models import Claim, ClaimKind
from consistency.units import Following, Qualifier, Vocabulary, words_after

_WORD: Final = "|".join(sorted([*SMALL, *MULTIPLIERS, "dozen"], key=len, reverse=True))
_FRACTION: Final = "|".join(sorted(FRACTIONS, key=len, reverse=True))
# "two-thirds", "three quarters": a number word followed by a fraction word.
_FRACTION_AFTER: Final = re.compile(rf"[ \u00a0-](?P<f>{_FRACTION})\b", re.I)
# "hundreds of thousands of": a second order of magnitude.
_VAGUE_MORE: Final = re.compile(r"[ \u00a0](thousands|millions)[ \u00a0]of\b", re.I)
# At most eight more words: no number is written longer ("two hundred and fifty-five thousand").
_NUMBER_WORD_RUN: Final = re.compile(
    rf"(?:{_WORD})(?:(?:[ \u00a0-]|[ \u00a0]and[ \u00a0])(?:{_WORD})){{0,8}}\b"
)


# _NUMBER_WORD_RUN on the scan's text (see `scan_bytes`), where "?" stands for any character not
# ASCII: taken as a no-break space, so that a run found without one is the run the prose holds.
_SCANNED_RUN: Final = re.compile(_NUMBER_WORD_RUN.pattern.replace(r"\u00a0", "?"))
# A run of number words in any case, where a join ("two or three") says one must follow.
_SPELLED_RUN: Final = re.compile(_NUMBER_WORD_RUN.pattern, re.I)
# What separates the words of a run: "twenty-five", "two hundred and fifty".
_WORD_GAPS: Final = re.compile(r"[\s\u00a0-]+")
# A run of digits, as the candidate scan finds it and as the second figure of a range is read.
# Possessive repeats: a run such as "1,1,1,..." keeps no backtracking state, so scanning stays linear.
DIGITS: Final = re.compile(r"[0-9][0-9]*+(?:[.,][0-9]++)*+")
NUMBER_WORD: Final = re.compile(
    trie_pattern(sorted({*SMALL, *MULTIPLIERS, "dozen", *FRACTIONS, *VAGUE})) + r"(?![a-z])"
)
# Candidates are found in two fast passes over the lower-cased prose, as bytes: one byte per
# character (a "?" for any but ASCII), with every byte a pass does not look at blanked. A pattern
# that opens with one literal byte is searched many times quicker than one that opens with a class
# of characters, which sre tests by a call per character.
_LETTERS_ONLY: Final = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))
_DIGITS_ONLY: Final = bytes(48 if 48 <= byte <= 57 else byte if byte in b".," else 32 for byte in range(256))
# DIGITS with every digit a "0".
_DIGIT_RUN: Final = re.compile(rb"00*+(?:[.,]0++)*+")
# A number word after any character but a letter a-z, every one of them now a space. Trying the
# words only there (a fifth of the text) is quicker than trying them at every letter.
_NUMBER_WORD_START: Final = re.compile(b" (" + NUMBER_WORD.pattern.encode("ascii") + b")")
# Shapes that hold digits but state no quantity: times, phone numbers, slashed dates, versions.
NOT_QUANTITY: Final = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \u00a0]?[ap]\.?m\.?)?"
    r"|\d{1,2}[ \u00a0]?(?:[ap]\.m\.|[ap]m\b)"
    r"|\d{3}[-.\u00a0 ]\d{3}[-.]\d{4}\b"
    r"|\d{1,4}/\d{1,2}(?:/\d{2,4})?\b"
    r"|\d+(?:\.\d+){2,}"
    r"|\d+(?:\.\d+)?[×x]10"
    r"|\d+[ \u00a0]?⁄[ \u00a0]?\d+"
)
_SYMBOLS_AFTER: Final = frozenset("€£₹")
_SPACED_SYMBOLS_AFTER: Final = frozenset({" €", " £", "\u00a0€", "\u00a0£"})
# What follows a digit run that NOT_QUANTITY may read: a mark ("5:30", "1/2", "555-1234", "2.5.1",
# "3×10", "1⁄2"), a digit after a space ("555 123-4567"), or am or pm ("5pm", "5 a.m.").
_SHAPE_MARKS: Final = frozenset(":/-.×x⁄")
_SPACES: Final = frozenset(" \u00a0")
_MERIDIEM: Final = frozenset("ap")
_MERIDIEM_NEXT: Final = frozenset(".m")
# The first letter and the first two letters of every scale word _SCALE_AFTER reads.
_SCALE_INITIALS: Final = frozenset("htmbcltHTMBCLT")
_SCALE_STARTS: Final = frozenset({"hu", "th", "mi", "bi", "tr", "cr", "la", "bn", "mn", "ml", "tn"})
_ATTACHED: Final = re.compile(r"[A-Za-z°ºµμ]+[²³23]?(?:/[A-Za-z]+)?|[′″]")
_SCALE_AFTER: Final = re.compile(
    r"[ \u00a0]?-?[ \u00a0]?(?P<s>hundred|thousand|millions?|billions?|trillion|crores?|lakhs?|lac)\b"
    r"|[ \u00a0](?P<a>bn|mn|mln|tn|cr)\b",
    re.I,
)
_PERCENT: Final = re.compile(
    r"[ \u00a0]?(?:(?P<pct>%|per[ \u00a0]?cent\b|percent\b|pct\b|pc\b)"
    r"|(?P<pp>percentage[ \u00a0]points?\b|ppts?\b|pp\b)|(?P<bp>basis[ \u00a0]points?\b|bps\b))",
    re.I,
)
_RATIO_STARTS: Final = frozenset({"-f", " t", " T"})
_RATIO: Final = re.compile(r"(?:-fold|[ \u00a0]times)\b", re.I)
# Words or marks that can join two figures: "15-20", "6 to 7", "3 and 4", "two or three", "8 of 10".
_JOIN_CUES: Final = ("-", "–", "—", "to", "and", "or", "of", "out")
_RANGE_JOIN: Final = re.compile(r"[ \u00a0]*(?P<j>-|–|—|to|and|or|of|out of)[ \u00a0]*(?=\S)")
# A word after a figure: dotted abbreviations ("U.S.") whole, other words without a final stop.
_WORD_SHAPE: Final = r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z&'’-]*[A-Za-z]|[A-Za-z]"
_NOUN: Final = re.compile(rf"[ \u00a0]+(?P<w>{_WORD_SHAPE})")
_W: Final = f"({_WORD_SHAPE})"
# Up to four words after a figure, in one match: the counted noun is among the first three.
_NOUN_RUN: Final = re.compile(rf"[ \u00a0]+{_W}(?:[ \u00a0]+{_W}(?:[ \u00a0]+{_W}(?:[ \u00a0]+{_W})?)?)?")
_OUT_OF: Final = re.compile(
    rf"[ \u00a0](?:in|out[ \u00a0]of)[ \u00a0](?:every[ \u00a0])?(?P<d>\d+|{_WORD})\b", re.I
)
_AND_A_HALF: Final = re.compile(r"[ \u00a0]and[ \u00a0]a[ \u00a0]half\b", re.I)
_ARTICLE_BEFORE: Final = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<a>[Aa]n?|[Oo]ne)[ \u00a0]$")
_MINUS_BEFORE: Final = re.compile(r"(?:^|(?<=[\s(\"“,]))(?:minus|negative)[ \u00a0-]$", re.I)
# The letters "minus" and "negative" end in, in any case ("ſ" is an "s" to re.I): a figure after
# any other is no negative one, and the words before it need not be looked at.
_MINUS_LAST_LETTERS: Final = "sSeEſ"
_OR_MORE: Final = re.compile(r"[ \u00a0]+((?:or|and)[ \u00a0]+(?:more|above)|plus)\b", re.I)
# How _OR_MORE's words start after their one space, lower-cased: "or more", "and above", "plus".
_OR_MORE_STARTS: Final = frozenset({"or ", "or\u00a0", "and", "plu"})
_YEAR_TAIL: Final = re.compile(r"[-–/](?:\d{4}|\d{2})\b")
_AGE_APPOSITION: Final = re.compile(r"\b[A-Z][A-Za-z'’-]+,[ \u00a0]*$")
_STOP: Final = frozenset(
    """a an the of in on at to for from by with and or but nor as than that which who whom whose
    this these those is are was were be been being has have had do does did will would could
    should may might must can its it their his her our my your they he she we you i per each
    every more less most least about over under after before during since until into onto upon
    out up down off not no so such also only just even still yet all both some any other another
    last next ago later earlier said says according while when where if because there here then
    now against between among through via including compared versus vs plus minus times a.m p.m
    am pm percent per cent ahead behind away back around nearly almost across beyond toward
    towards without within along near like unlike inside outside above below beneath besides
    despite except way thing things time""".split()
)
# Words that end the search for a counted noun: function words and number words.
_NOT_COUNTED: Final = _STOP | frozenset(SMALL) | frozenset(MULTIPLIERS)
# "a 16-point lead": in election and poll copy a margin in points is percentage points.
_POINT_MARGIN: Final = re.compile(
    r"(?P<point>-point)[ \u00a0](?:lead|margin|win|gap|swing|deficit|advantage|victory|drop|rise|jump|fall|"
    r"increase|decrease)s?\b"
)
# A duration's next smaller unit and how many of it make one: "4 hours and 48 minutes".
_SMALLER_UNIT: Final = {"hour": ("minute", 60.0), "minute": ("second", 60.0), "year": ("month", 12.0)}
_DURATION_TAIL: Final = re.compile(
    r"(?:,?[ \u00a0]and[ \u00a0]|,[ \u00a0]|[ \u00a0])(?P<value>\d{1,2})[ \u00a0](?P<unit>minutes?|seconds?|months?)\b"
)
# Table headings name a currency, a scale or percent: "€ millions", "JPY billion", "US$m", "(%)".
_HEADING_TOKEN: Final = re.compile(r"[A-Za-z]+\$|[A-Za-z]+|[$€£¥₹%]")
_HEADING_SCALES: Final = frozenset(word for word in SCALES if word.islower() and word != "b")
# Nouns after which "a third" or "a fifth" is a position in a series, not a share of a whole.
_ORDINAL_NOUNS: Final = frozenset(
    """term terms time place round party parties straight consecutive successive season year day week
    month generation wave stage phase attempt try person option way quarter largest biggest
    richest world rail runway reading vote ballot game match set title""".split()
)
# Verbs after which a lone "one" in a list is a count: "35 rose, one was flat and five fell".
_LIST_VERBS: Final = frozenset(
    {"was", "were", "is", "are", "has", "had", "remained", "stayed", "voted", "abstained"}
)
# Temperatures and their units as changes; the words that make a temperature a change.
_TEMPERATURE_CHANGE: Final = {
    "degree_Celsius": "delta_degree_Celsius",
    "degree_Fahrenheit": "delta_degree_Fahrenheit",
}
_CLOSING_CONVERSION: Final = re.compile(r"^[ \u00a0]*\([^)]{0,40}\)")
_TEMPERATURE_RISE_AFTER: Final = re.compile(
    r"[ \u00a0]*(?:-|[ \u00a0])?(?:rise|rises|increase|increases|drop|drops|fall|falls|decline|jump|"
    r"warming|cooling|warmer|cooler|hotter|colder|higher|lower|above|below|more|less)\b",
    re.I,
)
_TEMPERATURE_RISE_BEFORE: Final = re.compile(
    r"(?:by|rise of|increase of|drop of|fall of|warming of|cooling of|up|down)[ \u00a0]+(?:about |some |nearly |almost |more than )?$"
)
# Units whose whole figures are exact: a trailing zero is no rounding ("a 70-year-old").
_EXACT_UNITS: Final = frozenset({"year_of_age", "month_of_age"})
_NEGATIONS: Final = frozenset({"not", "never", "cannot"})
_COMPARATIVES: Final = frozenset({"more", "fewer", "additional", "extra", "other"})
_IDENTIFIER_WORDS: Final = frozenset(
    """no no. number nos. page section article route flight room gate level grade form category
    type class stage phase unit zone chapter episode channel platform terminal district precinct
    ward pylon suite tier version model game question questions item items pages sections""".split()
)
# Words before "from" that make "from X to Y" a change (two figures) rather than a range.
_CHANGE_VERB: Final = re.compile(
    r"(?:rose|rise|rising|risen|fell|fall|increas|decreas|climb|jump|drop|grow|grew|declin|slip|"
    r"slid|plummet|soar|surg|rais|lower|cut|revis|shr[iu]nk|expand|widen|narrow|went|moved|improv|"
    r"worsen|boost|reduc|chang|creep|swung|tumbl|sank|sink|dip|edg|advanc|gain|lost|slump|rebound|"
    r"recover|up|down|slow|doubl|tripl|quadrupl|halv|\S*fold)\w*$",
    re.I,
)
_DOLLAR_CURRENCIES: Final = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD"})
# A fraction word ("half", "a third") is approximate: its interval is this share of its value.
FRACTION_SPREAD: Final = 0.05


@final
class _Quantity:
    """A number read with its context, before it becomes a claim.

    A plain class, not a dataclass: mypyc compiles this constructor, where a dataclass's generated
    `__init__` stays interpreted and is called with its arguments boxed in a tuple and a dict.
    """

    def __init__(
        self,
        start: int,
        end: int,
        value: float,
        step: float,
        kind: ClaimKind,
        unit: str,
        qualifier: Qualifier | None,
        bounds: tuple[float, float] | None = None,
        scale: float = 1.0,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.step = step
        self.kind = kind
        self.unit = unit
        self.qualifier = qualifier
        self.bounds = bounds
        self.scale = scale
        self.printed = 0.0  # the figure as printed, before its scale: the reader sets it


def scan_bytes(ascii_prose: bytes) -> bytes:
    """The prose as the candidate scans read it, from its bytes one per character ("?" for any
    character not ASCII): ASCII letters lower-cased, after a space that lets a word at the very
    start be found like the others."""
    # Lower-casing the bytes, not the text: str.lower reads every character of non-ASCII text
    # through the Unicode tables, and changes the length of a text holding "İ".
    return b" " + ascii_prose.lower()


def digit_runs(scan: bytes) -> list[tuple[int, int, str]]:
    """Where DIGITS matches in the text `scan` holds (see `scan_bytes`), each run tagged "d"."""
    runs = []
    for match in _DIGIT_RUN.finditer(scan.translate(_DIGITS_ONLY)):
        start, end = match.span()  # one call to the match, not two
        runs.append((start - 1, end - 1, "d"))
    return runs


def number_words(scan: bytes) -> list[tuple[int, int]]:
    """Where a number word stands in the text `scan` holds, after any character but a letter a-z."""
    return [
        (match.start(1) - 1, match.end(1) - 1)
        for match in _NUMBER_WORD_START.finditer(scan.translate(_LETTERS_ONLY))
    ]


def _shape_may_follow(prose: str, end: int) -> bool:
    """Whether what follows the digit run ending at `end` may make NOT_QUANTITY match at its start.

    Within the run itself only dotted groups can match ("1.2.3", "555.123.4567"), and such a run
    reads as no number either way; so the regex is worth running only for a mark with a digit after
    it ("5:30", but not the full stop of "in 2027."), a digit (after a space or not), or am/pm.
    """
    first = prose[end : end + 1]
    if first in _SHAPE_MARKS:
        return first == "⁄" or prose[end + 1 : end + 2].isdecimal()
    if first in _MERIDIEM:
        return prose[end + 1 : end + 2] in _MERIDIEM_NEXT
    if first not in _SPACES:
        return first.isdecimal()  # a digit beyond ASCII, which the run leaves out: "3٣:30"
    second = prose[end + 1 : end + 2]
    if second.isdecimal() or second == "⁄":
        return True
    return second in _MERIDIEM and prose[end + 2 : end + 3] in _MERIDIEM_NEXT


def _scale_may_follow(prose: str, pos: int) -> bool:
    """Whether a scale word ("million", "bn") may start after at most one space or hyphen at `pos`."""
    head = prose[pos : pos + 2].lstrip(" \u00a0-")
    if head[:1] not in _SCALE_INITIALS:
        return False
    start = pos + 2 - len(head)
    letters = prose[start : start + 2]
    # Case-blind matching also takes "ı" and "ſ" for ASCII letters: other text goes to the regex.
    return not letters.isascii() or letters.lower() in _SCALE_STARTS


@final
class Openings:
    """How a pattern's matches open, lower-cased: looked up before the pattern is tried (`opens`)."""

    def __init__(self, heads: Iterable[str]) -> None:
        self.heads: Final = frozenset(heads)
        self.sizes: Final = tuple(sorted({len(head) for head in self.heads}))


def opens(prose: str, pos: int, openings: Openings) -> bool:
    """Whether the text at `pos`, lower-cased, opens with one of `openings`: a cheap test that turns
    most figures away before a pattern that must open so is tried. Characters beyond ASCII always
    go on to the pattern, which may read them case-blind ("ſ" as "s")."""
    head = prose[pos : pos + openings.sizes[-1]]
    if not head.isascii():
        return True
    head = head.lower()
    return any(head[:size] in openings.heads for size in openings.sizes)


# How the patterns above open, lower-cased: a space or no-break space (not ASCII, so always let
# through) before the first letters of their words.
_PERCENT_OPENINGS: Final = Openings(
    f"{space}{head}" for space in ("", " ") for head in ("%", "pe", "pc", "pp", "ba", "bp")
)
_FRACTION_OPENINGS: Final = Openings(f"{gap}{word[:2]}" for gap in " -" for word in FRACTIONS)
_OUT_OF_OPENINGS: Final = Openings([" in", " ou"])
_AND_A_HALF_OPENINGS: Final = Openings([" and"])
_SPELLED_OPENINGS: Final = Openings(word[:2] for word in [*SMALL, *MULTIPLIERS, "dozen"])


def article_before(prose: str, start: int) -> re.Match[str] | None:
    """ "a", "an" or "one" and a space right before `start` ("a dozen", "a third")."""
    # The pattern ends in a space after the article's last letter (`$` also before a line break
    # that ends the text searched): most words fail that here.
    end = start - 1 if prose[start - 1 : start] == "\n" else start
    if end < 2 or prose[end - 1] not in _SPACES or prose[end - 2] not in "aAne":
        return None
    return _ARTICLE_BEFORE.search(prose, max(0, start - 5), start)


def spelled_run_end(prose: str, scanned: str, start: int, end: int) -> int:
    """Where the run of number words whose first word is `prose[start:end]` ends in the lower-cased
    prose; `end` where the run cannot be lower-cased in place. `scanned` is the scan as text."""
    run = _SCANNED_RUN.match(scanned, start + 1)
    if run is not None and scanned.find("?", start + 1, run.end() + 1) < 0:
        return run.end() - 1  # all ASCII up to the character after it, which decides the last \b
    # Not _SPELLED_RUN alone: ignoring case, sre also takes "ſ", "ı", "İ" and "K" for letters.
    spelled = _SPELLED_RUN.match(prose, start)
    if spelled is None:
        return end
    piece = prose[start : spelled.end() + 1]  # and the character after it, for the last \b
    lower = piece.lower()
    run = _NUMBER_WORD_RUN.match(lower) if len(lower) == len(piece) else None
    return start + run.end() if run else end


def extract_claims(document: Document, vocabulary: Vocabulary) -> list[Claim]:
    """Every numeric claim in the document's prose, in reading order."""
    return _Reader(document, vocabulary).read()


class _Reader:
    """One pass over a document's prose, reading each candidate number in its context."""

    def __init__(self, document: Document, vocabulary: Vocabulary) -> None:
        self.doc = document
        self.vocab = vocabulary
        self.prose = prose = document.prose
        # One byte per character, read by the scans for figures, number words and month names.
        ascii_prose = prose.encode("ascii", "replace")
        self._scan = scan_bytes(ascii_prose)
        # Digit runs are found once: candidates for figures, and where the written years are.
        self._digit_runs = digit_runs(self._scan)
        self.dates = find_dates(prose, document.meta.date, self._digit_runs, ascii_prose)
        self.date_starts = [d.start for d in self.dates]
        self.cell_starts = [cell.start for cell in document.table_cells]
        self._yen: str | None = None

    # -- the pass ------------------------------------------------------------------------------

    def read(self) -> list[Claim]:
        """Claims for every candidate that reads as a quantity or a date."""
        quantities: list[_Quantity] = []
        dates = list(self.dates)
        prose = self.prose
        date_starts = self.date_starts
        pos = 0
        for start, end, sort in self._candidates():
            if start < pos:
                continue
            if date_starts:
                k = bisect.bisect_right(date_starts, start) - 1
                if k >= 0 and start < self.dates[k].end:
                    pos = self.dates[k].end
                    continue
            found: _Quantity | DateMention | None
            if sort == "d":
                # ".001 per cent": a leading decimal point belongs to the number
                if start and prose[start - 1] == "." and (start < 2 or not prose[start - 2].isalnum()):
                    start -= 1
                found, pos = self._digits(start, end)
            elif sort == "w":
                found, pos = self._words(start, end)
            elif sort == "f":
                found, pos = self._fraction(start, end)
            else:
                found, pos = self._vague(start, end)
            pos = max(pos, end)
            if isinstance(found, _Quantity) and found.kind == "duration" and found.bounds is None:
                found, pos = self._compound_duration(found, pos)
            if isinstance(found, _Quantity):
                joined, pos = self._range(found, pos)
                for quantity in joined:
                    # After the range is joined: "fell by 1 to 1.5 degrees" is a change as a whole.
                    if quantity.unit in _TEMPERATURE_CHANGE:
                        quantity.unit = self._temperature_unit(quantity)
                quantities.extend(joined)
            elif isinstance(found, DateMention):
                dates.append(found)
        rows = [row for q in quantities if (row := self._claim_row(q)) is not None]
        rows.extend(date_row(d) for d in dates)
        # By start alone: no two figures start at one place (a figure inside a date or a range is
        # not read again), and an int key is many times quicker to sort by than a tuple.
        rows.sort(key=operator.itemgetter(0))
        return build_claims(self.doc, rows)

    def _candidates(self) -> list[tuple[int, int, str]]:
        """Every digit run ("d") and number word: runs ("w"), fractions ("f"), "hundreds of" ("v")."""
        prose = self.prose
        # The scan as text, one character later than the prose: lower-cased ASCII, "?" for the rest.
        scanned = self._scan.decode("ascii")
        found = list(self._digit_runs)
        run_end = 0
        for start, end in number_words(self._scan):
            if start < run_end or (start and prose[start - 1].isalpha()):
                continue  # inside a run already read ("twenty-five"), or inside a word
            word = scanned[start + 1 : end + 1]
            if word in FRACTIONS:
                found.append((start, end, "f"))
            elif word in VAGUE:
                if scanned.startswith(" of", end + 1):
                    found.append((start, end + 3, "v"))
            else:
                run_end = spelled_run_end(prose, scanned, start, end)
                found.append((start, run_end, "w"))
        found.sort(key=operator.itemgetter(0))  # a digit run and a word never start at one place
        return found

    # -- digits ----------------------------------------------------------------------------------

    def _digits(
        self, start: int, end: int, *, in_range: bool = False
    ) -> tuple[_Quantity | DateMention | None, int]:
        """A digit literal and its context; None (and where to go on) when it is no quantity."""
        prose = self.prose
        following = prose[end : end + 2]
        # Times, phone numbers, slashed dates and versions all continue with one of these.
        if _shape_may_follow(prose, end):
            shape = NOT_QUANTITY.match(prose, start)
            if shape is not None:
                return None, shape.end()
        token = prose[start:end]
        literal = read_digits(token)
        if literal is None:
            # A malformed grouping such as "1,2,3": read the first run of digits alone.
            end = start + len(token.split(",", 1)[0])
            token = prose[start:end]
            literal = read_digits(token)
            if literal is None:
                return None, end
        currency, begin = self._currency_before(start)
        before = prose[start - 1] if start else " "
        value = literal.value
        sign_before = begin > 0 and prose[begin - 1] in "-−" and not prose[begin - 2 : begin - 1].isalnum()
        if currency is not None and (prose[begin:start].endswith("-") or sign_before):
            value = -value  # "$-50.8bn", "-$5m"
            begin -= sign_before
        elif before == "+" and (start < 2 or not prose[start - 2].isalnum()):
            begin = start - 1  # "+14.1%": the sign is part of what was written
        elif before in "-−" and prose[max(0, start - 15) : start - 1].lower().endswith(
            ("plus or minus", "+/")
        ):
            pass  # "+/-3": a margin of error, not a negative figure
        elif not in_range and before in "-−" and start >= 2 and prose[start - 2] in " \t\n([":
            if self._capitalized_before(start - 1):
                return None, token_end(prose, end)  # "COVID -19"
            value, begin = -value, start - 1
        elif (
            not in_range
            and before in " -\u00a0"
            and prose[start - 2 : start - 1] in _MINUS_LAST_LETTERS
            and ("minus" in (near := prose[max(0, start - 10) : start].lower()) or "negative" in near)
            and not prose[max(0, start - 20) : start].lower().rstrip(" -").endswith("plus or minus")
            and (minus := _MINUS_BEFORE.search(prose, max(0, start - 10), start)) is not None
        ):
            value, begin, in_range = -value, minus.start(), True
        glued = (
            currency is None
            and not in_range
            and (
                before.isalpha()
                or before in "#_@&"
                or (before in "-/." and start >= 2 and prose[start - 2].isalnum())
            )
        )
        pos = end
        scale = 1.0
        kind: ClaimKind = "count"
        unit = ""
        step = literal.step
        next_char = following[:1]
        if (
            currency is None
            and (next_char in "%pPbB" or (next_char in " \u00a0" and following[1:] in "%pPbB"))
            and (percent := _PERCENT.match(prose, pos)) is not None
        ):
            kind, unit, pos, step, scale = self._percent(percent, literal)
        elif currency is None and next_char in _SYMBOLS_AFTER:
            # "1,200€", "5 €": European copy puts the symbol after the figure
            kind, unit, pos = "currency", self.vocab.currency_prefixes[next_char], pos + 1
        elif (
            currency is None and following in _SPACED_SYMBOLS_AFTER and not prose[pos + 2 : pos + 3].isalnum()
        ):
            kind, unit, pos = "currency", self.vocab.currency_prefixes[following[1]], pos + 2
        elif (next_char.isalpha() or (next_char in "′″" and not following[1:].isalpha())) and (
            attached := _ATTACHED.match(prose, pos)
        ) is not None:
            word = attached.group()
            lower = word.lower()
            if lower in ("st", "nd", "rd", "th") or (word == "s" and len(token) == 4):
                return None, attached.end()
            if lower in ("pt", "pts", "ppt"):
                # "+0.3pt" in results tables: percentage points
                kind, unit, pos, step = (
                    "percentage_point",
                    "percentage_point",
                    attached.end(),
                    literal.integer_step,
                )
            elif word in SCALES and (
                currency is not None or glued or word != "m" or self._million(attached.end())
            ):
                scale = SCALES[word]
                pos = attached.end()
            elif (info := self.vocab.unit_names.get(word)) is not None:
                kind, unit, pos = info.kind, info.name, attached.end()  # type: ignore[assignment]
            elif currency is None and (code := self.vocab.currency_names.get(word)) is not None:
                kind, unit, pos = "currency", code, attached.end()
            elif lower in ("x",) and currency is None:
                kind, unit, pos = "ratio", "times", attached.end()
            else:
                return None, token_end(prose, attached.end())
        if glued and scale == 1.0:
            return None, token_end(prose, pos)
        if kind == "count" and scale == 1.0 and _scale_may_follow(prose, pos):
            found = _SCALE_AFTER.match(prose, pos)
            if found is not None:
                scale = SCALES.get((found.group("s") or found.group("a")).lower(), 100.0)
                pos = found.end()
                extra = _SCALE_AFTER.match(prose, pos)
                if extra is not None and extra.group("s") and extra.group("s").lower() != "hundred":
                    scale *= SCALES[extra.group("s").lower()]
                    pos = extra.end()
        if (
            kind == "count"
            and currency is None
            and scale == 1.0
            and len(token) == 4
            and token.isdigit()
            and not in_range
        ):
            year = self._year(start, pos, int(token))
            if year is not None:
                return year, year.end
        if currency is not None:
            kind, unit = "currency", currency
        quantity = self._after(begin, start, pos, value, step, scale, kind, unit)
        if quantity is not None:
            quantity.printed = literal.value
        return quantity, quantity.end if quantity is not None else pos

    def _percent(self, match: re.Match[str], literal: Literal) -> tuple[ClaimKind, str, int, float, float]:
        """Kind, unit, end, step and scale of a percent or percentage-point figure."""
        if match.group("pct"):
            return "percent", "percent", match.end(), literal.integer_step, 1.0
        if match.group("pp"):
            return "percentage_point", "percentage_point", match.end(), literal.integer_step, 1.0
        return "percentage_point", "basis_point", match.end(), literal.integer_step, 1.0

    def _after(
        self,
        begin: int,
        start: int,
        pos: int,
        value: float,
        step: float,
        scale: float,
        kind: ClaimKind,
        unit: str,
        *,
        from_words: bool = False,
    ) -> _Quantity | None:
        """Read percent, currency name, unit or counted noun after a number, and its qualifier."""
        prose = self.prose
        if (
            kind == "count"
            and not unit
            and from_words
            and opens(prose, pos, _PERCENT_OPENINGS)
            and (percent := _PERCENT.match(prose, pos)) is not None
        ):
            literal = Literal(value, step, 1.0 if step >= 1 else step)
            kind, unit, pos, step, _ = self._percent(percent, literal)
        tokens: Following | None = None
        named: tuple[str, int] | None = None
        if kind == "count" or (kind == "currency" and unit in ("$", "¥")):
            # The words after are read once for both the currency and the unit table (a count only);
            # most are ordinary words, which neither table's first-word test lets through.
            tokens = words_after(prose, pos)
            if tokens is not None and self.vocab.currency_names.may_start(tokens.first):
                named = self._currency_name(pos, tokens)
            if named is not None:
                code, named_end = named
                if kind == "count" or code not in ("$", "¥", "cent", "GBX"):
                    pos = named_end
                    if code == "cent":
                        code, scale = "$", scale * 0.01
                    kind, unit = "currency", code
        if kind == "count" and tokens is not None and self.vocab.unit_names.may_start(tokens.first):
            found = self.vocab.unit_names.after(prose, pos, tokens)
            if found is not None:
                info, unit_end, _ = found
                if not (info.name == "pound" and scale > 1):
                    kind, unit, pos = info.kind, info.name, unit_end  # type: ignore[assignment]
        if kind == "count" and prose[pos : pos + 2] in _RATIO_STARTS and (ratio := _RATIO.match(prose, pos)):
            kind, unit, pos = "ratio", "times", ratio.end()
        if kind == "currency":
            unit = self._resolve_currency(unit)
        qualifier = None
        left = self._qualifier_before(begin)
        if left is not None:
            qualifier, begin = left
        else:
            right = self._qualifier_after(pos)
            if right is not None:
                qualifier, pos = right
        if (
            kind == "count"
            and prose.startswith("-point", pos)
            and (margin := _POINT_MARGIN.match(prose, pos)) is not None
        ):
            kind, unit, pos = "percentage_point", "percentage_point", margin.end("point")  # "a 16-point win"
        if kind == "count":
            if scale == 1.0 and self._named_before(start, step):
                return None
            noun, noun_end = self._counted_noun(pos, value * scale)
            if noun:
                unit, pos = noun, noun_end
            elif scale == 1.0 and self._identifier(start, pos):
                return None
            elif scale == 1.0 and self._age(start, pos):
                kind, unit = "duration", "year_of_age"
            elif (
                scale == 1.0 and self.cell_starts and (heading := self._table_heading(begin, pos)) is not None
            ):
                # "| Revenue | 161.9 |" under "€ millions": the heading says what the cell counts
                cell_code, scale, cell_percent = heading
                if cell_percent:
                    kind, unit = "percent", "percent"
                elif cell_code is not None:
                    kind, unit = "currency", self._resolve_currency(cell_code)
        if unit in _EXACT_UNITS and step > 1.0:
            step = 1.0  # "a 70-year-old": ages are stated exactly, trailing zero or not
        return _Quantity(begin, pos, value * scale, step * scale, kind, unit, qualifier, scale=scale)

    def _range(self, first: _Quantity, pos: int) -> tuple[list[_Quantity], int]:
        """Join "15-20 years", "between 3 and 4 million", "6 to 7%" into one claim with both bounds.

        "Rose from 40 to 50%" stays two claims, the bare one taking the other's unit. A hyphen
        between two bare numbers that do not rise ("2-0", "89-89") is a score: no claim.
        """
        prose = self.prose
        # A join must start within five characters: those after leading spaces open with one.
        if not prose[first.end : first.end + 5].lstrip(" \u00a0").startswith(_JOIN_CUES):
            return [first], pos
        join = _RANGE_JOIN.match(prose, first.end)
        if join is None:
            return [first], pos
        word = join.group("j")
        if word == "-" and join.group() != "-":
            return [first], pos
        following = DIGITS.match(prose, join.end())
        if following is None:
            # "$3 to $4 billion": a currency symbol may stand between the join and the figure.
            currency = self.vocab.currency_prefix_ahead.match(prose, join.end())
            following = DIGITS.match(prose, currency.end()) if currency else None
        second: _Quantity | DateMention | None
        if following is not None:
            second, _ = self._digits(following.start(), following.end(), in_range=True)
        elif (
            opens(prose, join.end(), _SPELLED_OPENINGS)
            and (spelled := _SPELLED_RUN.match(prose, join.end())) is not None
            and spelled.start() > 0
        ):
            second, _ = self._words(spelled.start(), spelled.end())  # "two or three days"
        else:
            return [first], pos
        if not isinstance(second, _Quantity):
            return ([], following.end()) if word == "-" and following else ([first], pos)
        # The word before the first figure matters only now that a second one follows the join.
        left = word_before(prose, first.start)
        left_word = left[0].lower() if left else ""
        listed = word == "or" or (word == "and" and left_word != "between")
        bare_first = first.kind == "count" and not first.unit
        bare_second = second.kind == "count" and not second.unit
        if listed:
            # "8,563 and 14,845 votes", "two or three days": the first shares the second's noun
            if bare_first and second.kind == "count" and second.unit:
                first.unit = second.unit
                return [first, second], second.end
            if bare_first and second.kind == "duration" and word == "or":
                first.kind, first.unit = second.kind, second.unit
                return [first, second], second.end
            return [first], pos
        if word in ("of", "out of"):
            # "26,677 of 35,887 votes": a part counts what its whole counts
            if bare_first and second.kind == "count" and second.unit:
                first.unit = second.unit
                return [first, second], second.end
            return [first], pos
        if not (bare_first or bare_second or (first.kind, first.unit) == (second.kind, second.unit)):
            return [first], pos
        if first.kind == "percent" and bare_second:
            return [first], pos  # "rose 12.5% to 1.8 million": the level it rose to, not "5% to 10%"
        if first.scale == 1.0 and second.scale > 1.0 and 0 < first.value < second.printed:
            first.value, first.step, first.scale = (
                first.value * second.scale,
                first.step * second.scale,
                second.scale,
            )
        change = word == "to" and (
            left_word in ("up", "down")
            or (left_word == "by" and not bare_first)
            or (left_word == "from" and self._change_before(left))
        )
        if not change and first.value < second.value:
            kind, unit = (first.kind, first.unit) if bare_second else (second.kind, second.unit)
            bounds = (first.value, second.value)
            middle = (first.value + second.value) / 2
            begin = left[1] if left is not None and left_word == "between" else first.start
            return [
                _Quantity(begin, second.end, middle, second.step, kind, unit, first.qualifier, bounds)
            ], second.end
        if word == "-":
            return ([], second.end) if bare_first and bare_second else ([first], pos)
        if word != "to":
            return [first], pos
        # Two figures of one measure, "from 208 pounds to 193": the bare one shares the other's unit.
        if bare_first:
            first.kind, first.unit = second.kind, second.unit
        elif bare_second:
            second.kind, second.unit = first.kind, first.unit
            second.value, second.step = second.value * first.scale, second.step * first.scale
        return [first, second], second.end

    def _compound_duration(self, first: _Quantity, pos: int) -> tuple[_Quantity, int]:
        """ "4 hours and 48 minutes" is one duration of 288 minutes, "2 years, 3 months" of 27."""
        smaller = _SMALLER_UNIT.get(first.unit)
        if smaller is None:
            return first, pos
        name, factor = smaller
        tail = _DURATION_TAIL.match(self.prose, first.end)
        if tail is None or singular(tail.group("unit").lower()) != name:
            return first, pos
        value = first.value * factor + float(tail.group("value"))
        return _Quantity(first.start, tail.end(), value, 1.0, "duration", name, first.qualifier), tail.end()

    def _temperature_unit(self, quantity: _Quantity) -> str:
        """A temperature that rises or falls by an amount is a change of temperature, not a reading.

        "a 2 degree Celsius (3.6 degree Fahrenheit) rise", "warmed by 1.5°C": the degree's size
        converts (2 °C is 3.6 °F), not the point on the scale (2 °C is 35.6 °F).
        """
        prose = self.prose
        # Look past the conversion in brackets, or out of the brackets when this is the conversion.
        after = _CLOSING_CONVERSION.sub("", prose[quantity.end : quantity.end + 60], count=1).lstrip(")")
        before = prose[max(0, quantity.start - 30) : quantity.start].lower()
        if _TEMPERATURE_RISE_AFTER.match(after) or _TEMPERATURE_RISE_BEFORE.search(before):
            return _TEMPERATURE_CHANGE[quantity.unit]
        return quantity.unit

    def _change_before(self, from_word: tuple[str, int] | None) -> bool:
        """Whether the word before "from" is a verb of change ("rose from 40 to 50")."""
        if from_word is None:
            return False
        verb = word_before(self.prose, from_word[1])
        if verb is None:  # "grew 2.5-fold from 40 to 100": a factor, not a word, before "from"
            return self.prose[max(0, from_word[1] - 6) : from_word[1]].rstrip().endswith("fold")
        return _CHANGE_VERB.search(verb[0]) is not None

    # -- number words ----------------------------------------------------------------------------

    def _words(self, start: int, end: int) -> tuple[_Quantity | None, int]:
        """Number words: "six", "twenty-five", "a dozen", "two-thirds", "one in five"."""
        prose = self.prose
        words = [w for w in _WORD_GAPS.split(prose[start:end].lower()) if w]
        value = words_value(words)
        if value is None:
            return None, end
        if prose[start].isupper() and not self._sentence_initial(start):
            return None, end  # "Formula One", "Chapter Two"
        if start >= 2 and prose[start - 1] == "-" and prose[start - 2].isalpha():
            return None, end  # "top-five", "a Group-of-Seven summit": part of a compound word
        begin = start
        if all(w in MULTIPLIERS or w == "dozen" for w in words):
            article = article_before(prose, start)
            if article is None:
                return None, end
            begin = article.start()
        fraction = _FRACTION_AFTER.match(prose, end) if opens(prose, end, _FRACTION_OPENINGS) else None
        if fraction is not None and value <= 20:
            share = value / FRACTIONS[fraction.group("f").lower()] * 100
            spread = share * FRACTION_SPREAD
            found = _Quantity(
                begin,
                fraction.end(),
                share,
                0.0,
                "percent",
                "percent",
                None,
                (share - spread, share + spread),
            )
            return self._with_qualifier(found), found.end
        out_of = _OUT_OF.match(prose, end) if opens(prose, end, _OUT_OF_OPENINGS) else None
        if out_of is not None:
            return self._out_of(begin, value, out_of), out_of.end()
        half = _AND_A_HALF.match(prose, end) if opens(prose, end, _AND_A_HALF_OPENINGS) else None
        if half is not None:
            value += 0.5
            end = half.end()
        previous = word_before(prose, start)
        if (
            previous is not None
            and previous[0].lower() in ("top", "bottom")
            and not self._counted_noun(end, value)[0]
        ):
            return None, end  # "the bottom three": a rank, not a count
        if words == ["one"]:
            after = _NOUN.match(prose, end)
            if after is None or after.group("w")[0].isupper():
                return None, end
            if after.group("w").lower() in _STOP and not self._listed_one(start, after.group("w")):
                return None, end
        step = 1.0 if value < 100 or half else step_of(value)
        quantity = self._after(begin, start, end, value, step, 1.0, "count", "", from_words=True)
        if quantity is not None:
            quantity.printed = value
        return quantity, quantity.end if quantity is not None else end

    def _listed_one(self, start: int, verb: str) -> bool:
        """ "35 earned more, one was flat and five earned less": "one" as an item of a list of counts."""
        before = self.prose[max(0, start - 2) : start]
        previous = word_before(self.prose, start)
        listed = before.endswith(", ") or (previous is not None and previous[0].lower() == "and")
        return listed and verb.lower() in _LIST_VERBS

    def _fraction(self, start: int, end: int) -> tuple[_Quantity | None, int]:
        """ "half", "a quarter", "a third" as shares; "the first half" and "quarters" are not."""
        prose = self.prose
        word = prose[start:end].lower()
        if prose[end : end + 1] == "-" or (
            start >= 2 and prose[start - 1] == "-" and prose[start - 2].isalpha()
        ):
            return None, end  # "half-year", "first-half": part of a compound word
        if word == "half":
            previous = word_before(prose, start)
            if previous is not None and previous[0].lower() in (
                "first",
                "second",
                "last",
                "next",
                "the",
                "a",
                "and",
                "this",
                "that",
                "latter",
                "former",
            ):
                return None, end
            begin = start
        elif (
            (article := article_before(prose, start)) is not None
            and not word.endswith("s")
            and not self._noun_follows(end)
        ):
            begin = article.start()  # "a third of", but not "a third term"
        else:
            return None, end
        share = 100.0 / FRACTIONS[word]
        spread = share * FRACTION_SPREAD
        quantity = _Quantity(
            begin, end, share, 0.0, "percent", "percent", None, (share - spread, share + spread)
        )
        return self._with_qualifier(quantity), end

    def _vague(self, start: int, end: int) -> tuple[_Quantity | None, int]:
        """ "hundreds of", "tens of thousands of": a count known only to its order of magnitude."""
        prose = self.prose
        base = VAGUE[prose[start : end - 3].lower()]
        low, high = base, base * 10
        if prose[max(0, start - 8) : start].lower() == "tens of ":
            start -= 8
            low, high = base * 10, base * 100
        more = _VAGUE_MORE.match(prose, end)
        if more is not None:
            factor = VAGUE[more.group(1).lower()]
            low, high, end = low * factor, high * factor, more.end()
        kind: ClaimKind = "count"
        unit, noun_end = self._counted_noun(end, high)
        named = self._currency_name(end)
        if named is not None and named[0] != "cent":
            kind, unit, noun_end = "currency", self._resolve_currency(named[0]), named[1]
        quantity = _Quantity(
            start, noun_end if unit else end, (low + high) / 2, 0.0, kind, unit, None, (low, high)
        )
        return quantity, quantity.end

    def _out_of(self, begin: int, value: float, out_of: re.Match[str]) -> _Quantity | None:
        """ "one in five", "3 out of 4" as a share."""
        text = out_of.group("d").lower()
        whole = float(text) if text.isdigit() else float(SMALL.get(text, 0))
        if whole <= 0 or value > whole:
            return None
        share = value / whole * 100
        return _Quantity(begin, out_of.end(), share, 0.0, "percent", "percent", None, (share, share))

    def _with_qualifier(self, quantity: _Quantity) -> _Quantity:
        left = self._qualifier_before(quantity.start)
        if left is not None:
            quantity.qualifier, quantity.start = left
        return quantity

    def _qualifier_before(self, begin: int) -> tuple[Qualifier, int] | None:
        """The qualifier ending right before a figure ("more than", "~"), and where it starts."""
        prose = self.prose
        # The 40 characters before the figure, without the spaces that end them: read in place,
        # as most figures have no qualifier and the word before is turned away by one set lookup.
        start = max(0, begin - 40)
        end = begin
        while end > start and prose[end - 1] in _SPACES:
            end -= 1
        if end == start:
            return None
        qualifiers = self.vocab.qualifiers
        if not prose[end - 1].isalpha():
            for size in (2, 1):
                if end - start < size:
                    continue
                symbol = qualifiers.get(prose[end - size : end])
                if symbol is not None and not prose[end - size : end].isalpha():
                    return symbol, end - size
        if end == begin:
            return None
        cut = max(prose.rfind(" ", start, end), prose.rfind("\n", start, end))
        last = prose[cut + 1 if cut >= 0 else start : end]
        if last.lstrip("(\"“‘'").lower() not in self.vocab.qualifier_last_words:
            return None
        stripped = prose[start:end]
        parts = stripped.rsplit(None, 4)
        last_word = parts[-1].lower()
        for size in range(min(4, len(parts) - (begin > 40)), 0, -1):
            if size > 1 and (last_word, size) not in self.vocab.qualifier_shapes:
                continue  # no phrase of this many words ends in this word
            phrase = " ".join(parts[-size:]).lstrip("(\"“‘'")
            found = qualifiers.get(phrase.lower())
            if found is not None:
                at = len(stripped)
                for token in reversed(parts[-size:]):
                    at = stripped.rfind(token, 0, at)
                lead = len(parts[-size]) - len(parts[-size].lstrip("(\"“‘'"))
                negation = parts[-size - 2 : -size]
                if found.negated is not None and any(
                    w.lower() in _NEGATIONS or w.endswith("n't") for w in negation
                ):
                    found = self.vocab.qualifiers_by_name[found.negated]
                return found, start + at + lead
        return None

    def _qualifier_after(self, pos: int) -> tuple[Qualifier, int] | None:
        """A qualifier that follows its figure ("40 or more", "500+")."""
        prose = self.prose
        after = self.vocab.qualifiers_after
        following = prose[pos : pos + 2]
        if following[:1] == "+":
            return after["+"], pos + 1
        if prose[pos + 1 : pos + 4].lower() not in _OR_MORE_STARTS:
            return None
        found = _OR_MORE.match(prose, pos)
        if found is not None and found.group(1).lower() in after:
            return after[found.group(1).lower()], found.end()
        return None

    def _currency_name(self, pos: int, tokens: Following | None = None) -> tuple[str, int] | None:
        """A currency named after a figure ("3 billion yuan", "5m EUR"), and where it ends."""
        found = self.vocab.currency_names.after(self.prose, pos, tokens)
        if found is None or "-" in found[2] or (not found[2] and not self.prose[pos : found[1]].isupper()):
            return None
        return found[0], found[1]

    # -- context ---------------------------------------------------------------------------------

    def _currency_before(self, start: int) -> tuple[str | None, int]:
        """The currency prefix right before a figure ("US$", "Rs ", "€"), and where it starts."""
        prose = self.prose
        before = prose[max(0, start - 2) : start].rstrip(" \u00a0-")
        if not before:
            return None, start
        prefixes = self.vocab.currency_prefixes_by_end.get(before[-1])
        # A whole prefix must end there before the regex is worth running: "was 5" ends in "s", not "Rs".
        if prefixes is None or not prose[max(0, start - 7) : start].rstrip(" \u00a0-").endswith(prefixes):
            return None, start
        found = self.vocab.currency_prefix.search(prose, max(0, start - 7), start)
        if found is None:
            return None, start
        symbol = found.group("sym") or found.group("letter") or ""
        return self.vocab.currency_prefixes[symbol.strip()], found.start()

    def _resolve_currency(self, unit: str) -> str:
        """A bare `$` or `¥` as the front matter or the article's own words decide."""
        declared = self.doc.meta.currency
        if unit == "$":
            return declared if declared in _DOLLAR_CURRENCIES else self.vocab.default_dollar
        if unit == "¥":
            if declared in ("CNY", "JPY"):
                return declared
            if self._yen is None:
                self._yen = yen_by_context(self.prose)
            return self._yen
        return unit

    def _million(self, pos: int) -> bool:
        """Whether an attached "m" is a million ("5m people", "5m EUR") rather than a metre ("37m")."""
        noun, _ = self._counted_noun(pos, 2.0)
        return bool(noun) or self._currency_name(pos) is not None

    def _noun_follows(self, pos: int) -> bool:
        """Whether an ordinal's noun follows: "a third term" is a position, "a quarter goes" a share."""
        found = _NOUN.match(self.prose, pos)
        return found is not None and found.group("w").lower() in _ORDINAL_NOUNS

    def _counted_noun(self, pos: int, value: float) -> tuple[str, int]:
        """The thing counted after a number ("2,300 R&D personnel" -> people), and where it ends."""
        prose = self.prose
        run = _NOUN_RUN.match(prose, pos)
        if run is None:
            return "", pos
        words: list[tuple[str, int]] = []
        spans = run.regs  # every group's span at once: one attribute, not two calls a word
        for group in (1, 2, 3, 4):
            word_start, word_end = spans[group]
            if word_start < 0:
                break
            word = prose[word_start:word_end]
            lower = word.lower()
            if lower in _COMPARATIVES and not words and not prose.startswith(" than", word_end):
                continue  # "500 more people": the comparative is not the thing counted
            if lower in _NOT_COUNTED:
                break
            words.append((word, word_end))
        if not words:
            return "", pos
        irregular = self.vocab.irregular_nouns
        groups = self.vocab.noun_groups
        head: tuple[str, int] | None = None
        for k, (word, word_end) in enumerate(words):
            lower = word.lower()
            if lower.endswith(("ing", "ed", "ly")) and lower not in irregular:
                continue
            if word[0].isupper() and (
                not lower.endswith("s") or (k + 1 < len(words) and words[k + 1][0][0].isupper())
            ):
                continue  # a name ("3 Downing Street", "Series E") or a capitalised adjective ("Chinese")
            lemma = irregular.get(lower) or singular(lower)
            if lemma != lower or lower in irregular or lemma in groups or value == 1:
                # The head of a noun phrase is its last noun: "start-up rounds", "test vehicles"
                head = (groups.get(lemma, lemma), word_end)
                if value == 1:
                    break
        return head if head is not None else ("", pos)

    def _table_heading(self, begin: int, end: int) -> tuple[str | None, float, bool] | None:
        """What a table cell holding only this figure measures, from its row, column or corner."""
        k = bisect.bisect_right(self.cell_starts, begin) - 1
        if k < 0:
            return None
        cell = self.doc.table_cells[k]
        if (
            not cell.start <= begin < end <= cell.end
            or self.prose[cell.start : cell.end].strip() != self.prose[begin:end]
        ):
            return None
        groups = self.vocab.noun_groups
        if any(singular(word.lower()) in groups for word in cell.row.split()):
            return None  # a row of staff or stores in a money table counts people or things
        for heading in (cell.row, cell.column, cell.corner):
            found = self._heading_unit(heading)
            if found is not None:
                return found
        return None

    def _heading_unit(self, heading: str) -> tuple[str | None, float, bool] | None:
        """Currency, scale and percent named in a table heading ("€ millions", "JPY billion", "%")."""
        code: str | None = None
        scale = 1.0
        percent = False
        for token in _HEADING_TOKEN.findall(heading):
            lower = token.lower()
            if lower in _HEADING_SCALES:
                scale = SCALES[lower]
            elif token == "%" or lower in ("percent", "pct"):
                percent = True
            elif code is None:
                code = self.vocab.currency_prefixes.get(token) or self.vocab.currency_names.get(token)
        if code == "cent":
            code = None
        return (code, scale, percent) if code is not None or percent else None

    def _named_before(self, start: int, step: float) -> bool:
        """A short plain number right after a name is part of it: Xiaomi 13, Boeing 737, iPhone 11."""
        prose = self.prose
        if not prose[start : start + 4].isdigit() and not (step >= 1 and prose[start : start + 1].isdigit()):
            return False
        previous = word_before(prose, start)
        if previous is None:
            return False
        word = previous[0]
        lower = word.lower()
        if lower in _IDENTIFIER_WORDS:
            return True
        return (
            lower != word  # a capital somewhere: the word is ASCII letters and marks only
            and lower not in _STOP
            and lower not in self.vocab.qualifiers
            and not word.endswith(("'s", "’s"))
            and lower not in MONTH_NAMES
        )

    def _identifier(self, start: int, end: int) -> bool:
        """A bare number before a name is part of it: "787 Dreamliner", "9 E 71st St"."""
        prose = self.prose
        if not prose[start:end].isdigit():
            return False
        following = _NOUN.match(prose, end)
        return following is not None and following.group("w")[0].isupper() and prose[end] == " "

    def _capitalized_before(self, at: int) -> bool:
        previous = word_before(self.prose, at)
        return previous is not None and previous[0][0].isupper()

    def _age(self, start: int, end: int) -> bool:
        """ "Lei, 53, said", "aged 66", "over the age of 21": a bare number that is an age."""
        prose = self.prose
        before = prose[max(0, start - 12) : start].lower()
        if before.endswith(("aged ", "age of ", "ages of ")):
            return True
        if not prose.startswith(",", end):
            return False
        return _AGE_APPOSITION.search(prose, max(0, start - 30), start) is not None

    def _sentence_initial(self, at: int) -> bool:
        sentence = self.doc.sentence_starts[self.doc.sentence_of(at)]
        return self.prose[sentence:at].strip(" \t\n\"“'‘(*#-") == ""

    def _year(self, start: int, pos: int, year: int) -> DateMention | None:
        """A four-digit number used as a year ("in 2024", "2018-19") rather than a count."""
        if not 1000 <= year <= 2200:
            return None
        prose = self.prose
        tokens = words_after(prose, pos)  # read once for both tables
        if tokens is not None and (
            self.vocab.unit_names.after(prose, pos, tokens) or self._currency_name(pos, tokens)
        ):
            return None
        noun, _ = self._counted_noun(pos, 2.0)
        if noun and (noun in self.vocab.noun_groups.values() or not 1900 <= year <= 2100):
            return None
        tail = _YEAR_TAIL.match(prose, pos) if prose.startswith(("-", "–", "/"), pos) else None
        if tail is not None:
            last = tail.group()[1:]
            last_year = int(last) if len(last) == 4 else year // 100 * 100 + int(last)
            if last_year > year:
                return DateMention(
                    start,
                    tail.end(),
                    f"{year:04d}/{last_year:04d}",
                    year_mention(0, 0, year).first,
                    year_mention(0, 0, last_year).last,
                )
        return year_mention(start, pos, year)

    # -- claims ----------------------------------------------------------------------------------

    def _claim_row(self, q: _Quantity) -> Row | None:
        """A quantity's interval from its rounding step and qualifier, as a row to build a claim from."""
        if q.bounds is not None:
            low, high = q.bounds
        else:
            below = 0.5 if q.qualifier is None else q.qualifier.below
            above = 0.5 if q.qualifier is None else q.qualifier.above
            low = min(0.0, q.value - q.step) if below is None else q.value - below * q.step
            high = q.value + above * q.step
        if q.value < 0 and q.bounds is None and q.qualifier is not None:
            # "more than -5" and "nearly -5" reach away from zero the other way round.
            low, high = 2 * q.value - high, 2 * q.value - low
        low, high = min(low, q.value), max(high, q.value)
        if not (math.isfinite(low) and math.isfinite(high)):
            return None  # a run of hundreds of digits is no figure a reporter states
        qualifier = q.qualifier.name if q.qualifier else None
        return (q.start, q.end, q.kind, q.unit, qualifier, low, q.value, high, None)
