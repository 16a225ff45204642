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


def test_spelled_out_whitespace_is_what_backslash_s_matches() -> None:
    """The whitespace class the word patterns use is every character `\\s` matches, and no other."""
    from consistency.units import WHITESPACE

    spelled = re.compile(f"[{WHITESPACE}]")
    for code in range(0x110000):
        char = chr(code)
        assert bool(spelled.fullmatch(char)) == bool(re.fullmatch(r"\s", char)), hex(code)


def test_words_after_a_figure_are_the_words_of_the_plain_pattern() -> None:
    """Up to three words after a figure, read with a possessive spelled-out class, are the words the
    plain pattern reads, separators included."""
    import random

    from consistency.units import _TOKENS

    word = r"[^\s,;:!?()\[\]\"“”—–…+]+"
    plain = re.compile(
        rf"(?P<sep>[ \u00a0]?(?:-[ \u00a0]?)?)(?P<a>{word})(?:[ \u00a0]+(?P<b>{word}))?(?:[ \u00a0]+(?P<c>{word}))?"
    )
    assert _TOKENS.groupindex == {"sep": 1, "a": 2, "b": 3, "c": 4}  # the tables read groups by number
    pieces = [" ", "\u00a0", "-", "\t", "\n", "\u2009", ",", "“", "+", "km", "per", "hour", "e.g.", "é", "5"]
    rng = random.Random(0)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for pos in range(len(text) + 1):
            ours, theirs = _TOKENS.match(text, pos), plain.match(text, pos)
            assert (ours and (ours.span(), ours.groupdict())) == (
                theirs and (theirs.span(), theirs.groupdict())
            )
