"""Property tests for claim extraction: what a user of `consistency.extract` relies on.

* Round trip: a figure written in any supported way (digits with or without western or Indian
  thousands separators, decimals, scale words, currency symbols, names and ISO codes, percent
  forms, physical units, qualifiers, ranges) inside a neutral sentence reads back as exactly one
  claim with the documented kind, unit, qualifier and interval.
* Position: that claim's `start`/`end` point at the figure in the source, and `line`/`column`
  agree with `start`, also when the sentence sits inside Markdown structure.
* Robustness: extraction never raises on arbitrary text or on Markdown mixing numbers, currency
  symbols, qualifiers, code, HTML, tables and links; every claim it returns is well formed and the
  result is deterministic.

Expected intervals are computed here, independently of the extractor, with exact fractions and
from the documented semantics (README "Rounding" and "Qualifiers", `rules/qualifiers.yaml`,
`rules/currencies.yaml`, `rules/units.yaml`):

* a plain figure is rounded: [v - step/2, v + step/2], step being the unit of its last significant
  digit (trailing zeros of a whole number from 100 up count as rounding, except in percentages,
  where a whole number has step 1; "40" and "10 billion" are to the unit);
* a scale multiplies value and step;
* a qualifier reaches `below` steps under and `above` steps over the printed value (`below: null`
  reaches down to zero);
* a range spans its two endpoints exactly, with the midpoint as nominal.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import consistency
from consistency.models import Claim
from consistency.rules import load_rules

KINDS = frozenset(
    {"count", "currency", "percent", "percentage_point", "physical", "date", "duration", "ratio"}
)
QUALIFIER_NAMES = frozenset(
    {"about", "more than", "at least", "or more", "nearly", "less than", "up to", "exactly"}
)
FRONT_MATTER_START = re.compile(r"\A\ufeff?---")

ROUND_TRIP = settings(max_examples=200, deadline=None)
ROBUSTNESS = settings(max_examples=300, deadline=None)

# Neutral sentences: what follows the figure is a stop word ("on", "was", "in") or punctuation, so
# no counted noun, identifier, age or year reading can attach to it.
TEMPLATES = (
    "The company reported {} on Tuesday.",
    "Officials said the total was {}.",
    "According to the filing, {} was recorded in the period.",
    "{} was recorded, officials said.",
    "The company reported {}—a record.",
    "The figure ({}) was a record.",
)


# -- printed numbers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    """A number as written, with its exact value and rounding steps."""

    text: str
    value: Fraction
    step: Fraction  # unit of the last significant digit; trailing zeros of a whole number count
    percent_step: Fraction  # the same, but a whole number has step 1


def indian_grouping(whole: int) -> str:
    """`whole` grouped the Indian way: 1234567 -> "12,34,567"."""
    digits = str(whole)
    head, tail = digits[:-3], digits[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join([*groups, tail])


@st.composite
def printed_numbers(draw: st.DrawFn, max_decimals: int = 3) -> Printed:
    """A positive number of random magnitude, decimals and grouping, as a reporter would print it."""
    decimals = draw(st.integers(0, max_decimals))
    whole = draw(
        st.one_of(
            st.integers(0 if decimals else 1, 99),
            st.integers(100, 10**9),
            st.builds(lambda m, z: m * 10**z, st.integers(1, 999), st.integers(1, 7)),
        )
    )
    fraction = draw(st.integers(0 if whole else 1, 10**decimals - 1)) if decimals else 0
    styles = ["plain"]
    if whole >= 1000:
        styles.append("western")
    if whole >= 100_000:
        styles.append("indian")
    style = draw(st.sampled_from(styles))
    if style == "western":
        whole_text = f"{whole:,}"
    elif style == "indian":
        whole_text = indian_grouping(whole)
    else:
        whole_text = str(whole)
    if decimals:
        step = Fraction(1, 10**decimals)
        text = f"{whole_text}.{fraction:0{decimals}d}"
        return Printed(text, whole + fraction * step, step, step)
    zeros = len(str(whole)) - len(str(whole).rstrip("0")) if whole >= 100 else 0
    return Printed(whole_text, Fraction(whole), Fraction(10**zeros), Fraction(1))


def year_like(text: str) -> bool:
    """A bare four-digit figure that the extractor (by design) reads as a year."""
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2200


# -- qualifiers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Qualifier:
    """A qualifier as written around a figure, and its documented reach in steps."""

    before: str  # written right before the figure, with its own spacing
    after: str  # written right after the figure (and its unit)
    name: str
    below: Fraction | None  # None: down to zero
    above: Fraction


# The canonical name, its reach in steps below and above, and phrases written before the figure
# (or after it, for "or more"), as rules/qualifiers.yaml defines them.
# fmt: off
HALF = Fraction(1, 2)
QUALIFIER_PHRASES: dict[str, tuple[Fraction | None, Fraction, tuple[str, ...]]] = {
    "about": (HALF, HALF, ("about ", "around ", "approximately ", "roughly ", "some ", "an estimated ",
                     "circa ", "~", "≈")),
    "more than": (Fraction(0), HALF, ("more than ", "over ", "in excess of ", "upwards of ", "north of ", "> ", ">")),
    "at least": (Fraction(0), HALF, ("at least ", "no less than ", "a minimum of ", "≥")),
    "or more": (Fraction(0), HALF, (" or more", " or above", " and above", " plus", "+")),
    "nearly": (HALF, Fraction(0), ("nearly ", "almost ", "just under ", "slightly less than ")),
    "less than": (None, Fraction(0), ("less than ", "fewer than ", "under ", "below ", "<")),
    "up to": (None, Fraction(0), ("up to ", "as many as ", "at most ", "no more than ", "≤")),
    "exactly": (Fraction(0), Fraction(0), ("exactly ", "precisely ")),
}
# fmt: on
QUALIFIERS = tuple(
    Qualifier("" if name == "or more" else phrase, phrase if name == "or more" else "", name, below, above)
    for name, (below, above, phrases) in QUALIFIER_PHRASES.items()
    for phrase in phrases
)
maybe_qualifier = st.one_of(st.none(), st.sampled_from(QUALIFIERS))


# -- expected claims ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A phrase to embed in a sentence, and the one claim it must read back as."""

    phrase: str
    kind: str
    unit: str
    qualifier: str | None
    low: Fraction
    nominal: Fraction
    high: Fraction
    digits: tuple[str, ...]  # the figures as written, which the claim's span must contain


def rounded(number: Printed, step: Fraction, scale: int, qualifier: Qualifier | None) -> tuple[Fraction, ...]:
    """The documented interval of a single figure: low, nominal, high."""
    value, step = number.value * scale, step * scale
    if qualifier is None:
        return value - step / 2, value, value + step / 2
    low = Fraction(0) if qualifier.below is None else value - qualifier.below * step
    return low, value, value + qualifier.above * step


def single(
    number: Printed,
    *,
    step: Fraction,
    scale: int,
    qualifier: Qualifier | None,
    core: str,
    kind: str,
    unit: str,
) -> Case:
    """A case for one figure: `core` is the figure with its currency, scale and unit written around it."""
    low, nominal, high = rounded(number, step, scale, qualifier)
    before = qualifier.before if qualifier else ""
    after = qualifier.after if qualifier else ""
    name = qualifier.name if qualifier else None
    return Case(f"{before}{core}{after}", kind, unit, name, low, nominal, high, (number.text,))


# fmt: off
COUNT_SCALES = (
    ("", 1), (" thousand", 10**3), (" million", 10**6), (" billion", 10**9), (" trillion", 10**12),
    (" crore", 10**7), (" lakh", 10**5), ("bn", 10**9), (" bn", 10**9), ("k", 10**3),
)
# "m" reads as a million only where it cannot be a metre: after a currency.
CURRENCY_SCALES = (*COUNT_SCALES, ("m", 10**6))
CURRENCY_PREFIXES = (
    ("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("HK$", "HKD"), ("A$", "AUD"),
    ("Rs ", "INR"), ("Rs. ", "INR"), ("₹", "INR"), ("RMB", "CNY"), ("RMB ", "CNY"),
    ("USD ", "USD"), ("EUR ", "EUR"), ("JPY ", "JPY"),
)
CURRENCY_NAMES = (
    (" yuan", "CNY"), (" euros", "EUR"), (" yen", "JPY"), (" won", "KRW"), (" rupees", "INR"),
    (" US dollars", "USD"),
)
CURRENCY_CODES_AFTER = ((" EUR", "EUR"), (" USD", "USD"), (" GBP", "GBP"), (" JPY", "JPY"))
PERCENT_FORMS = (
    ("%", "percent", "percent"), (" per cent", "percent", "percent"), (" percent", "percent", "percent"),
    (" percentage points", "percentage_point", "percentage_point"),
)
PHYSICAL_UNITS = (
    (" km", "kilometer"), ("km", "kilometer"), (" kilometres", "kilometer"), (" miles", "mile"),
    (" kg", "kilogram"), ("kg", "kilogram"), (" tonnes", "tonne"), (" hectares", "hectare"),
    (" mph", "mile_per_hour"),
)
PHYSICAL_SCALES = (("", 1), (" thousand", 10**3), (" million", 10**6))
# fmt: on


@st.composite
def count_cases(draw: st.DrawFn) -> Case:
    """A bare figure, maybe scaled and qualified: "more than 2,300", "3.3 billion", "5k"."""
    number = draw(printed_numbers())
    scale_text, scale = draw(st.sampled_from(COUNT_SCALES))
    assume(scale > 1 or not year_like(number.text))
    qualifier = draw(maybe_qualifier)
    return single(
        number,
        step=number.step,
        scale=scale,
        qualifier=qualifier,
        core=f"{number.text}{scale_text}",
        kind="count",
        unit="",
    )


@st.composite
def percent_cases(draw: st.DrawFn) -> Case:
    """A percentage or percentage-point figure: "30%", "nearly 2.5 per cent", "3 percentage points"."""
    number = draw(printed_numbers())
    suffix, kind, unit = draw(st.sampled_from(PERCENT_FORMS))
    qualifier = draw(maybe_qualifier)
    return single(
        number,
        step=number.percent_step,
        scale=1,
        qualifier=qualifier,
        core=f"{number.text}{suffix}",
        kind=kind,
        unit=unit,
    )


@st.composite
def currency_prefix_cases(draw: st.DrawFn) -> Case:
    """Money with a symbol or code before it: "$439 million", "€5m", "Rs 1,002 crore", "USD 5m"."""
    number = draw(printed_numbers())
    prefix, code = draw(st.sampled_from(CURRENCY_PREFIXES))
    scale_text, scale = draw(st.sampled_from(CURRENCY_SCALES))
    qualifier = draw(maybe_qualifier)
    return single(
        number,
        step=number.step,
        scale=scale,
        qualifier=qualifier,
        core=f"{prefix}{number.text}{scale_text}",
        kind="currency",
        unit=code,
    )


@st.composite
def currency_suffix_cases(draw: st.DrawFn) -> Case:
    """Money with a name or ISO code after it: "3.3 billion yuan", "5m EUR", "2.5 lakh rupees"."""
    number = draw(printed_numbers())
    suffix, code = draw(st.sampled_from(CURRENCY_NAMES + CURRENCY_CODES_AFTER))
    scale_text, scale = draw(st.sampled_from(CURRENCY_SCALES))
    qualifier = draw(maybe_qualifier)
    return single(
        number,
        step=number.step,
        scale=scale,
        qualifier=qualifier,
        core=f"{number.text}{scale_text}{suffix}",
        kind="currency",
        unit=code,
    )


@st.composite
def physical_cases(draw: st.DrawFn) -> Case:
    """A physical quantity: "1,600 km", "5kg", "3.3 million miles"."""
    number = draw(printed_numbers())
    unit_text, unit = draw(st.sampled_from(PHYSICAL_UNITS))
    scale_text, scale = draw(st.sampled_from(PHYSICAL_SCALES))
    if scale_text and not unit_text.startswith(" "):
        unit_text = " " + unit_text
    qualifier = draw(maybe_qualifier)
    return single(
        number,
        step=number.step,
        scale=scale,
        qualifier=qualifier,
        core=f"{number.text}{scale_text}{unit_text}",
        kind="physical",
        unit=unit,
    )


# Range shapes: what follows the second figure (shared by both), or what surrounds each figure.
# fmt: off
RANGE_SHARED = (  # (after the second figure, kind, unit, scale)
    ("", "count", "", 1), (" million", "count", "", 10**6), (" billion", "count", "", 10**9),
    (" years", "duration", "year", 1), (" days", "duration", "day", 1),
    ("%", "percent", "percent", 1), (" per cent", "percent", "percent", 1),
    (" km", "physical", "kilometer", 1), (" miles", "physical", "mile", 1),
    (" million yuan", "currency", "CNY", 10**6), (" billion euros", "currency", "EUR", 10**9),
    (" million EUR", "currency", "EUR", 10**6),
)
RANGE_BOTH = (  # (prefix and suffix on each figure, scale after the second only, kind, unit)
    ("$", "", " billion", "currency", "USD"), ("€", "m", "", "currency", "EUR"),
    ("£", "", " million", "currency", "GBP"), ("", "%", "", "percent", "percent"),
    ("", " km", "", "physical", "kilometer"),
)
# fmt: on
RANGE_JOINS = ("-", "–", " – ", " to ", "between")
PHONE_SHAPE = re.compile(r"\d{3}")  # "555" of "555-1234"
PHONE_TAIL = re.compile(r"\d{4}\b")  # "1234" of "555-1234"


@st.composite
def range_cases(draw: st.DrawFn) -> Case:
    """A range: "15-20 years", "between 3 and 4 million", "6 to 7%", "$3 to $4 billion"."""
    first, second = sorted((draw(printed_numbers(2)), draw(printed_numbers(2))), key=lambda n: n.value)
    assume(first.value < second.value)
    join = draw(st.sampled_from(RANGE_JOINS))
    if draw(st.booleans()):
        suffix, kind, unit, scale = draw(st.sampled_from(RANGE_SHARED))
        assume(not year_like(first.text))  # a bare four-digit first figure reads as a year
        # "555-1234" is a phone number; the same shape with a unit is checked on its own below.
        assume(not (join == "-" and PHONE_SHAPE.fullmatch(first.text) and PHONE_TAIL.match(second.text)))
        a, b = first.text, f"{second.text}{suffix}"
    else:
        prefix, each, tail, kind, unit = draw(st.sampled_from(RANGE_BOTH))
        scale = {"m": 10**6}.get(each, 1) * {" billion": 10**9, " million": 10**6}.get(tail, 1)
        a, b = f"{prefix}{first.text}{each}", f"{prefix}{second.text}{each}{tail}"
    phrase = f"between {a} and {b}" if join == "between" else f"{a}{join}{b}"
    low, high = first.value * scale, second.value * scale
    return Case(phrase, kind, unit, None, low, (low + high) / 2, high, (first.text, second.text))


@st.composite
def phone_shaped_ranges(draw: st.DrawFn) -> Case:
    """A rising hyphen range from three to four digits with a unit after it: "300-1200 km"."""
    first, second = draw(st.integers(100, 999)), draw(st.integers(1000, 9999))
    suffix, kind, unit, scale = draw(st.sampled_from(RANGE_SHARED[1:]))
    low, high = Fraction(first * scale), Fraction(second * scale)
    digits = (str(first), str(second))
    return Case(f"{first}-{second}{suffix}", kind, unit, None, low, (low + high) / 2, high, digits)


ALL_CASES = st.one_of(
    count_cases(),
    percent_cases(),
    currency_prefix_cases(),
    currency_suffix_cases(),
    physical_cases(),
    range_cases(),
)


# -- checks ---------------------------------------------------------------------------------------


def summary(claims: list[Claim]) -> list[tuple[object, ...]]:
    """Claims in a short form for assertion messages."""
    return [(c.text, c.kind, c.unit, c.qualifier, c.low, c.nominal, c.high) for c in claims]


def sentence(template: str, case: Case) -> str:
    """The case's phrase in a template; ">" cannot open a line, where Markdown reads a blockquote."""
    assume(not (template.startswith("{}") and case.phrase.startswith(">")))
    return template.format(case.phrase)


def the_claim(text: str) -> Claim:
    """The one non-date claim in `text` (dates such as "Tuesday" may come along)."""
    claims = [c for c in consistency.extract(text) if c.kind != "date"]
    assert len(claims) == 1, f"expected one claim in {text!r}, got {summary(claims)}"
    return claims[0]


def close(got: float, want: Fraction, width: Fraction) -> bool:
    """Equal up to float rounding: relative 1e-9, or absolute 1e-9 of the interval's width near 0."""
    return math.isclose(got, float(want), rel_tol=1e-9, abs_tol=1e-9 * float(width))


def assert_reads_as(text: str, case: Case) -> Claim:
    """The text holds exactly one claim, with the case's kind, unit, qualifier and interval."""
    claim = the_claim(text)
    got = (claim.kind, claim.unit, claim.qualifier, claim.low, claim.nominal, claim.high)
    want = (case.kind, case.unit, case.qualifier, float(case.low), float(case.nominal), float(case.high))
    width = case.high - case.low
    assert got[:3] == want[:3] and all(
        close(g, w, width) for g, w in zip(got[3:], (case.low, case.nominal, case.high), strict=True)
    ), f"{text!r}: got {got}, expected {want}"
    return claim


def assert_position(text: str, claim: Claim, case: Case) -> None:
    """The claim's span holds every figure as written, and line/column agree with `start`."""
    span = text[claim.start : claim.end]
    for digits in case.digits:
        assert digits in span, f"{text!r}: span {span!r} lacks {digits!r}"
    assert (claim.line, claim.column) == line_column(text, claim.start), f"{text!r}: start of {span!r}"
    assert (claim.end_line, claim.end_column) == line_column(text, claim.end), f"{text!r}: end of {span!r}"


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, lines ending at "\\n"."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def assert_well_formed(text: str, claims: list[Claim]) -> None:
    """Every claim has a known kind, a finite ordered interval and a span inside the text."""
    for c in claims:
        where = f"{text!r}: {summary([c])}"
        assert c.kind in KINDS, where
        assert c.qualifier is None or c.qualifier in QUALIFIER_NAMES, where
        assert all(math.isfinite(v) for v in (c.low, c.nominal, c.high)), where
        assert c.low <= c.nominal <= c.high, where
        assert c.line >= 1 and c.column >= 1, where
        assert c.end_line >= c.line and c.sentence >= 0, where
        assert 0 <= c.start < c.end <= len(text), where
        assert c.text, where
    starts = [c.start for c in claims]
    assert starts == sorted(starts), f"{text!r}: claims out of reading order {summary(claims)}"
    # Claims never share a start: extraction orders them by start alone.
    assert len(set(starts)) == len(starts), f"{text!r}: two claims at one place {summary(claims)}"


# -- round trips ----------------------------------------------------------------------------------


@ROUND_TRIP
@given(case=count_cases(), template=st.sampled_from(TEMPLATES))
def test_counts_read_back(case: Case, template: str) -> None:
    """A bare figure, scaled or not, with or without separators and qualifier, reads as its interval."""
    assert_reads_as(sentence(template, case), case)


@ROUND_TRIP
@given(case=percent_cases(), template=st.sampled_from(TEMPLATES))
def test_percentages_read_back(case: Case, template: str) -> None:
    """Percent ("%", "per cent", "percent") and percentage points: whole percentages have step 1."""
    assert_reads_as(sentence(template, case), case)


@ROUND_TRIP
@given(case=currency_prefix_cases(), template=st.sampled_from(TEMPLATES))
def test_currency_prefixes_read_back(case: Case, template: str) -> None:
    """Money after a symbol or ISO code is a currency claim in that ISO code, scale included."""
    assert_reads_as(sentence(template, case), case)


@ROUND_TRIP
@given(case=currency_suffix_cases(), template=st.sampled_from(TEMPLATES))
def test_currency_names_and_codes_after_read_back(case: Case, template: str) -> None:
    """Money before a currency name or ISO code ("5m EUR", "3.3 billion yuan") is a currency claim."""
    assert_reads_as(sentence(template, case), case)


@ROUND_TRIP
@given(case=physical_cases(), template=st.sampled_from(TEMPLATES))
def test_physical_quantities_read_back(case: Case, template: str) -> None:
    """A figure with a unit from rules/units.yaml is a physical claim in the unit's canonical name."""
    assert_reads_as(sentence(template, case), case)


@ROUND_TRIP
@given(case=range_cases(), template=st.sampled_from(TEMPLATES))
def test_ranges_read_back(case: Case, template: str) -> None:
    """A range is one claim from its first to its second figure exactly, nominal at the midpoint."""
    assert_reads_as(sentence(template, case), case)


@settings(max_examples=20, deadline=None)
@given(case=phone_shaped_ranges(), template=st.sampled_from(TEMPLATES))
def test_three_to_four_digit_ranges_with_a_unit_read_back(case: Case, template: str) -> None:
    """A range such as "300-1200 km" reads like "30-120 km": the unit rules out a phone number."""
    assert_reads_as(sentence(template, case), case)


# -- positions ------------------------------------------------------------------------------------


@ROUND_TRIP
@given(case=ALL_CASES, template=st.sampled_from(TEMPLATES))
def test_claim_span_covers_the_figure(case: Case, template: str) -> None:
    """`text[start:end]` holds the digits as written, and line/column are where the claim starts."""
    text = sentence(template, case)
    assert_position(text, the_claim(text), case)


MARKDOWN_CONTEXTS = (
    "# {}",
    "- {}",
    "> {}",
    "**{}**",
    "Intro.\n\n1. First item.\n2. {}\n",
    "| Item | Note |\n|---|---|\n| A | {} |\n",
    "The `code 42` line and `x = 7` are code.\n\n{}",
    "```\nrevenue = 12345\n```\n\n{}",
    "<div>Figure 99</div>\n\n{}",
    "See [the filing](https://example.com/report/4242) first. {}",
    "First line\r\nsecond line.\r\n\r\n{}",
    "Naïve café — “quoted” text.\n\n{}",
)


@ROUND_TRIP
@given(case=ALL_CASES, template=st.sampled_from(TEMPLATES), context=st.sampled_from(MARKDOWN_CONTEXTS))
def test_claim_position_inside_markdown(case: Case, template: str, context: str) -> None:
    """Inside Markdown, code, HTML and URLs add no claims and offsets still point into the source."""
    text = context.format(sentence(template, case))
    claim = assert_reads_as(text, case)
    assert_position(text, claim, case)


# -- robustness -----------------------------------------------------------------------------------

# fmt: off
WORDS = (
    "$", "US$", "HK$", "€", "£", "¥", "₹", "Rs ", "RMB", "USD ", " EUR", " yuan", " yen", " euros",
    " million", " billion", "bn", "m", "k", " crore", " lakh", " thousand", "%", " per cent",
    " percentage points", " bps", " km", "kg", " miles", " years", " people", " cars", "-fold", "x",
    "about ", "more than ", "nearly ", "up to ", "between ", " and ", " to ", "-", "–", "—", "+",
    "~", "<", ">", "≥", " or more", "half", "a third", "one in five", "twenty-five", "hundreds of ",
    "tens of thousands of ", "minus ", "−", "rose from ", "fell ", "Tuesday", "March 3, 2024",
    "in 2024", "last year", "2018-19", "10:30", "3 p.m.", "555-1234", "12/05/2023", "v1.2.3",
    "COVID-19", "Xiaomi 13", "Lei, 53, said", ".", ",", ";", ":", "(", ")", "'", '"', "“", "”",
    "/", "\\", "&amp;", "&#36;", "&", "*", "**", "_", "#", " ", "\u00a0", "\t", "\n", "\n\n",
    "\r\n", "> ", "- ", "1. ", "[^1]", "\n[^1]: note 5\n", "---", "***", "![", "](", "http://x.co/5",
    "a@b.co", "<br>", "<!--", "-->", "\ufeff", "\u200b", "é", "中文", "١٢٣",
)
# fmt: on
inner_text = st.lists(
    st.one_of(printed_numbers().map(lambda n: n.text), st.sampled_from(WORDS)), max_size=6
).map("".join)
MARKUP = st.one_of(
    inner_text.map(lambda s: f"`{s}`"),
    inner_text.map(lambda s: f"\n```\n{s}\n```\n"),
    inner_text.map(lambda s: f"\n    {s}\n"),
    inner_text.map(lambda s: f"<span>{s}</span>"),
    inner_text.map(lambda s: f"\n<div>\n{s}\n</div>\n"),
    st.tuples(inner_text, inner_text).map(
        lambda t: f"\n| {t[0]} | {t[1]} |\n|---|--:|\n| {t[1]} | {t[0]} |\n"
    ),
    st.tuples(inner_text, inner_text).map(lambda t: f"[{t[0]}](https://example.com/{t[1]})"),
    st.tuples(inner_text, inner_text).map(lambda t: f"![{t[0]}]({t[1]}.png)"),
    inner_text.map(lambda s: f"<https://example.com/{s}>"),
    inner_text.map(lambda s: f"\n# {s}\n"),
    inner_text.map(lambda s: f"*{s}*"),
    inner_text.map(lambda s: f"~~{s}~~"),
)
markdown_documents = st.lists(
    st.one_of(printed_numbers().map(lambda n: n.text), st.sampled_from(WORDS), MARKUP, st.text(max_size=3)),
    max_size=40,
).map("".join)


def check_robust(text: str, date: dt.date | None = None, currency: str | None = None) -> None:
    """Extraction succeeds, is deterministic, and every claim is well formed."""
    assume(FRONT_MATTER_START.match(text) is None)
    claims = consistency.extract(text, date=date, currency=currency)
    assert_well_formed(text, claims)
    again = consistency.extract(text, date=date, currency=currency)
    assert [c.model_dump() for c in again] == [c.model_dump() for c in claims], f"{text!r}: not deterministic"
    assert_checks_cleanly(text, date, currency)


def assert_checks_cleanly(text: str, date: dt.date | None = None, currency: str | None = None) -> None:
    """Every rule runs on the text without error, twice alike, with findings placed inside the text."""
    report = consistency.check(text, date=date, currency=currency, explain=True)
    lines = text.count("\n") + 1
    for finding in report.findings:
        assert 1 <= finding.line <= finding.end_line <= lines, finding
        assert finding.arithmetic and math.isfinite(finding.stated.low if finding.stated else 0.0)
    again = consistency.check(text, date=date, currency=currency, explain=True)
    assert again.model_dump() == report.model_dump(), f"{text!r}: check not deterministic"


@ROBUSTNESS
@given(text=st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    """Any string without front matter extracts without error into well-formed claims."""
    check_robust(text)


@ROBUSTNESS
@given(
    text=markdown_documents,
    date=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    currency=st.sampled_from((None, "USD", "AUD", "HKD", "CNY", "JPY", "EUR")),
)
def test_markdown_mixtures_give_well_formed_claims(
    text: str, date: dt.date | None, currency: str | None
) -> None:
    """Markdown mixing figures, currencies, qualifiers, code, HTML, tables and links extracts cleanly.

    Whatever the article's date and currency, no error, well-formed claims, the same result twice.
    """
    check_robust(text, date, currency)


@settings(max_examples=50, deadline=None)
@given(digits=st.integers(1, 1000), scale=st.sampled_from(("", " trillion", "bn", "%")))
def test_long_digit_runs_give_finite_claims(digits: int, scale: str) -> None:
    """However long a run of digits, its claim is finite: downstream arithmetic never meets inf or nan."""
    check_robust(f"The company reported {'9' * digits}{scale} on Tuesday.")


RULE_EXAMPLES = sorted(
    {
        text.split("---\n")[-1]
        for rule in load_rules()
        for text in (*rule.spec.examples.flag, *rule.spec.examples.passes)
    }
)


@ROBUSTNESS
@given(
    texts=st.lists(st.sampled_from(RULE_EXAMPLES), min_size=1, max_size=4),
    digits=st.lists(st.sampled_from("0123456789"), min_size=1, max_size=12),
    date=st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
)
def test_relations_with_any_figures_check_cleanly(
    texts: list[str], digits: list[str], date: dt.date | None
) -> None:
    """The rules' own example sentences, their digits replaced at random, never make a check fail.

    Random figures reach every check module's arithmetic: zeros, huge values, reversed ranges.
    """
    pool = iter(digits * 200)
    text = re.sub(r"\d", lambda _: next(pool), "\n\n".join(texts))
    assert_checks_cleanly(text, date)
