"""`conversion`: a figure and its conversion, "3 billion yuan ($439 million)", "100 km (62 miles)".

Money converts through the FX table at the article's date; physical units through pint. The figure
converted is taken at its printed value unless a qualifier widens it ("more than 3 billion"), since
a conversion is computed from the number as written.
"""

from __future__ import annotations

import itertools
import re
from typing import Any, Final

from consistency.checks import Bounds, Context, Result, figure, judge, range_ends
from consistency.fx import FxRate
from consistency.models import Claim
from consistency.rules import Rule
from consistency.units import registry, vocabulary

_EQUALS: Final = re.compile(r"[ \u00a0]*=[ \u00a0]*")
_SYMBOLS: Final = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "Rs ", "HKD": "HK$", "AUD": "A$"}


def money(value: float, code: str) -> str:
    """An amount as copy writes it: $440.3 million, €2.4 billion, 3.3 billion CNY."""
    symbol = _SYMBOLS.get(code)
    return f"{symbol}{figure(value)}" if symbol else figure(value, code)


def check(
    rule: Rule, bound: dict[str, Claim], context: Context, matched: str = "", before: str = ""
) -> Result | None:
    """Compare the converted figure with the first one converted; None when it is no conversion."""
    amount, converted = bound["amount"], bound["converted"]
    if amount.unit == converted.unit or amount.kind != converted.kind:
        return None  # "€8.1m (€6.8m)": last year's figure in brackets, not a conversion
    source = _source_bounds(amount)
    if amount.kind == "currency":
        return _currency(rule, amount, converted, source, context)
    if amount.kind == "physical":
        return _physical(rule, amount, converted, source, bound.get("upper"))
    return None


def _source_bounds(claim: Claim) -> tuple[float, float]:
    return (claim.low, claim.high) if claim.qualifier else (claim.nominal, claim.nominal)


def _currency(
    rule: Rule, amount: Claim, converted: Claim, source: tuple[float, float], context: Context
) -> Result:
    claims = (converted, amount)
    codes = (amount.unit, converted.unit)
    if any(len(code) != 3 or not code.isalpha() or not code.isupper() for code in codes):
        return Result(
            rule,
            "unchecked",
            claims,
            reason=f"{amount.unit}/{converted.unit}: a currency is not known for sure",
        )
    # Without a date any recent rate could be the reporter's: judge on all of them, never one guess.
    dated = context.date is not None
    window = int(rule.option("rate_window_days" if dated else "undated_window_days", 3 if dated else 2557))
    rate = printed_rate(context, amount.unit, converted.unit)
    if rate is not None:
        dated = True  # the article says which rate it used: no window, no guess
    else:
        rate = context.fx.rate(amount.unit, converted.unit, context.date, window)
    if rate is None:
        when = context.date.isoformat() if context.date else "the newest date"
        return Result(
            rule, "unchecked", claims, reason=f"no {converted.unit}/{amount.unit} rate around {when}"
        )
    expected = Bounds(source[0] * rate.low, source[1] * rate.high, converted.unit)
    stated = Bounds.of(converted)
    middle = amount.nominal * rate.rate
    operator = "÷" if rate.inverted else "×"
    arithmetic = (
        f"{money(amount.nominal, amount.unit)} {operator} {rate.describe()} = {money(middle, converted.unit)}"
        f"; stated {converted.text}"
    )
    suggestion = f"expected about {money(middle, converted.unit)} at {rate.describe()}"
    if not dated:
        arithmetic += (
            f"; no article date, so any rate of the {window // 365} years to {rate.on} ({rate.span()})"
        )
        suggestion += ", the newest rate (give the article a `date` to check at its own)"
    return judge(rule, (converted, amount), expected, stated, arithmetic, suggestion)


def _same_nature(from_unit: str, to_unit: str) -> tuple[str, str]:
    """Both units as temperature changes when either is one: a conversion shares its figure's nature."""
    delta = "delta_"
    if from_unit.startswith(delta) != to_unit.startswith(delta) and "degree" in from_unit + to_unit:
        return delta + from_unit.removeprefix(delta), delta + to_unit.removeprefix(delta)
    return from_unit, to_unit


def printed_rate(context: Context, base: str, quote: str) -> FxRate | None:
    """The rate the article prints for the pair, "($1 = 7.7598 Hong Kong dollars)", with its rounding."""
    prose = context.document.prose
    money_claims = [c for c in context.claims if c.kind == "currency"]
    for one, other in itertools.pairwise(money_claims):
        if one.nominal != 1 or one.unit == other.unit or other.low <= 0:
            continue
        if _EQUALS.fullmatch(prose[one.prose_end : other.prose_start]) is None:
            continue
        rate = FxRate(
            one.unit,
            other.unit,
            other.low,
            other.high,
            other.nominal,
            None,
            f"the article's rate, line {one.line}",
        )
        if (one.unit, other.unit) == (base, quote):
            return rate
        if (one.unit, other.unit) == (quote, base):
            return rate.reversed()
    return None


def _physical(
    rule: Rule, amount: Claim, converted: Claim, source: tuple[float, float], upper: Claim | None
) -> Result | None:
    units = vocabulary().units
    from_name, to_name = _same_nature(amount.unit, converted.unit)
    if from_name not in units or to_name not in units:
        return None
    ureg = registry()
    try:
        # Units from the expression, then quantities built directly: offset units (°C, °F) allow it.
        from_unit = ureg.parse_expression(units[from_name].pint).units
        to_unit = ureg.parse_expression(units[to_name].pint).units
        if rule.option("power", 1) != 1:
            return _side(rule, amount, converted, (from_unit, to_unit))
        middle = ureg.Quantity(amount.nominal, from_unit).to(to_unit).magnitude
    except Exception:  # pint: units of different dimensions are no conversion of each other
        return None
    # "(2.1 million to 2 million hectares)": a range written high to low is read as its two figures.
    stated_ends = range_ends(converted) if upper is None else (Bounds.of(converted), Bounds.of(upper))
    if stated_ends is not None and range_ends(amount) is not None:
        figures = (converted,) if upper is None else (converted, upper)
        return _physical_range(rule, amount, figures, stated_ends, (from_unit, to_unit))
    low, high = (ureg.Quantity(value, from_unit).to(to_unit).magnitude for value in source)
    unit = converted.unit.replace("_", " ")
    expected = Bounds(min(low, high), max(low, high), converted.unit)
    stated = Bounds.of(converted)
    arithmetic = f"{amount.text} = {figure(middle)} {unit}; stated {converted.text}"
    return judge(rule, (converted, amount), expected, stated, arithmetic, f"expected about {figure(middle)}")


def _physical_range(
    rule: Rule,
    amount: Claim,
    stated: tuple[Claim, ...],
    stated_ends: tuple[Bounds, Bounds],
    units: tuple[Any, Any],
) -> Result:
    """ "4 million to 5 million acres (1.6 million to 2 million hectares)": each end converts to its end."""
    ureg = registry()
    unit_name = stated[0].unit
    ends = [ureg.Quantity(value, units[0]).to(units[1]).magnitude for value in (amount.low, amount.high)]
    tolerance = rule.option("tolerance", 0.0)
    holds = all(
        Bounds(end, end, unit_name).widened(tolerance).overlaps(stated_end)
        for end, stated_end in zip(ends, stated_ends, strict=True)
    )
    unit = unit_name.replace("_", " ")
    stated_text = " to ".join(claim.text for claim in stated)
    arithmetic = f"{amount.text} = {figure(ends[0])} to {figure(ends[1])} {unit}; stated {stated_text}"
    return Result(
        rule,
        "passed" if holds else "failed",
        (*stated, amount),
        Bounds(ends[0], ends[1], unit_name),
        Bounds(min(c.low for c in stated), max(c.high for c in stated), unit_name),
        arithmetic,
        f"expected about {figure(ends[0])} to {figure(ends[1])}",
    )


def _side(rule: Rule, area: Claim, side: Claim, units: tuple[Any, Any]) -> Result:
    """ "328 square miles, about a square 18 miles on a side": the side is the area's root."""
    power = rule.option("power", 2)
    ureg = registry()
    lengths = [
        ureg.Quantity(value, units[0]).to(units[1] ** power).magnitude ** (1 / power)
        for value in (area.low, area.nominal, area.high)
    ]
    unit = side.unit.replace("_", " ")
    expected = Bounds(lengths[0], lengths[2], side.unit)
    stated = Bounds.of(side)
    arithmetic = f"{area.text} is a square {figure(lengths[1])} {unit} on a side; stated {side.text}"
    return judge(
        rule, (side, area), expected, stated, arithmetic, f"expected about {figure(lengths[1])} {unit}"
    )
