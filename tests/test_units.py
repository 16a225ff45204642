"""The vocabulary in rules/: every unit resolves through the one pint registry."""

from __future__ import annotations

import re

from consistency.units import registry, vocabulary


def test_every_unit_resolves_in_pint() -> None:
    """Each unit's pint expression parses, and durations measure time."""
    ureg = registry()
    for info in vocabulary().units.values():
        quantity = ureg.parse_expression(info.pint)
        if info.kind == "duration":
            assert quantity.dimensionality == ureg.parse_expression("second").dimensionality, info


def test_conversions_through_pint_are_right() -> None:
    """pint converts the units newsrooms write: 100 km is about 62 miles, 41 °C is about 106 °F."""
    ureg = registry()
    units = vocabulary().units
    km = ureg.Quantity(100, ureg.parse_expression(units["kilometer"].pint).units)
    assert round(km.to(ureg.parse_expression(units["mile"].pint).units).magnitude) == 62
    celsius = ureg.Quantity(41, units["degree_Celsius"].pint)
    assert round(celsius.to(units["degree_Fahrenheit"].pint).magnitude) == 106


def test_currency_codes_are_iso_shaped() -> None:
    """Every currency the vocabulary names is a three-letter code (or an ambiguous symbol)."""
    vocab = vocabulary()
    names = vocab.currency_names
    targets = set(vocab.currency_prefixes.values()) | set(names.cased.values()) | set(names.loose.values())
    assert {t for t in targets if not re.fullmatch(r"[A-Z]{3}", t)} <= {"$", "¥", "cent"}
    assert "GBX" in targets  # pence, as exchanges quote them
