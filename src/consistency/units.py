"""Units of measure: currencies, physical units, counted nouns and qualifiers, read from `rules/`.

All of it is data (`rules/currencies.yaml`, `units.yaml`, `nouns.yaml`, `qualifiers.yaml`), loaded
once per process and compiled into anchored regular expressions the extractor can try in one step.
Physical units resolve through one pint registry, built only when a conversion needs it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consistency.errors import ConsistencyError
from consistency.resources import builtin_rules_dir, load_yaml

if TYPE_CHECKING:
    import pint


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A qualifier's meaning: how many steps its interval reaches below and above the figure."""

    name: str
    below: float | None
    above: float


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """A physical unit or duration: its canonical name, pint expression and claim kind."""

    name: str
    pint: str
    kind: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Everything the extractor looks up around a number, compiled once."""

    currency_prefix: re.Pattern[str]
    currency_prefix_ahead: re.Pattern[str]
    currency_prefixes: dict[str, str]
    currency_suffix: re.Pattern[str]
    currency_suffixes: dict[str, str]
    default_dollar: str
    unit_suffix: re.Pattern[str]
    units: dict[str, UnitInfo]
    unit_words: dict[str, UnitInfo]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    qualifiers: dict[str, Qualifier]
    irregular_nouns: dict[str, str]
    noun_groups: dict[str, str]
    currency_codes: frozenset[str]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _mapping(raw: Any, key: str, path: Path) -> dict[str, Any]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, dict):
        raise ConsistencyError(f"expected a mapping under {key!r}", path=str(path))
    return value


@functools.cache
def vocabulary(rules_dir: Path | None = None) -> Vocabulary:
    """Load and compile the vocabulary files of a rules folder (the built-in one by default)."""
    folder = rules_dir or builtin_rules_dir()
    currencies = load_yaml(folder / "currencies.yaml")
    units_raw = load_yaml(folder / "units.yaml")
    nouns = load_yaml(folder / "nouns.yaml")
    qualifiers_raw = load_yaml(folder / "qualifiers.yaml")

    codes = frozenset(str(c) for c in currencies.get("codes", []))
    aliases = {str(k): str(v) for k, v in (currencies.get("aliases") or {}).items()}
    prefixes = {str(k): str(v) for k, v in _mapping(currencies, "prefixes", folder).items()}
    for code in codes:
        prefixes.setdefault(code, aliases.get(code, code))
    names = {str(k): str(v) for k, v in _mapping(currencies, "names", folder).items()}
    suffixes = {k.lower(): v for k, v in names.items()}
    for code in codes:
        suffixes.setdefault(code.lower(), aliases.get(code, code))

    # Symbols may be followed by a space ("US$ 5", "Rs 1,002"); a bare letter prefix may not.
    symbol_prefixes = [p for p in prefixes if len(p) > 1 or not p.isalpha()]
    letter_prefixes = [p for p in prefixes if len(p) == 1 and p.isalpha()]
    currency_prefix = re.compile(
        rf"(?<![A-Za-z])(?:(?P<sym>{_alternation(symbol_prefixes)})[ \u00a0]?-?"
        + (rf"|(?P<letter>{_alternation(letter_prefixes)})" if letter_prefixes else "")
        + r")$"
    )
    currency_suffix = re.compile(
        rf"[ \u00a0]+(?i:(?P<name>{_alternation(names)}))\b|[ \u00a0]?(?P<code>{_alternation(codes)})\b"
    )

    units: dict[str, UnitInfo] = {}
    unit_words: dict[str, str] = {}
    cased_words: list[str] = []
    loose_words: list[str] = []
    for name, spec in _mapping(units_raw, "units", folder).items():
        if not isinstance(spec, dict) or "pint" not in spec or "words" not in spec:
            raise ConsistencyError(f"unit {name!r} needs `pint` and `words`", path=str(folder / "units.yaml"))
        units[str(name)] = UnitInfo(str(name), str(spec["pint"]), str(spec.get("kind", "physical")))
        for word in spec["words"]:
            word = str(word)
            cased = bool(spec.get("case")) or len(word) <= 3
            unit_words[word if cased else word.lower()] = str(name)
            (cased_words if cased else loose_words).append(word)
    unit_suffix = re.compile(
        r"(?P<sep>[ \u00a0]?-?[ \u00a0]?)"
        rf"(?P<unit>(?i:{_alternation(loose_words)})|{_alternation(cased_words)})(?![A-Za-z0-9])"
    )

    qualifiers: dict[str, Qualifier] = {}
    before_words: list[str] = []
    after_words: list[str] = []
    for entry in qualifiers_raw.get("qualifiers", []):
        q = Qualifier(
            str(entry["name"]),
            None if entry.get("below") is None else float(entry["below"]),
            float(entry["above"]),
        )
        for phrase in entry["phrases"]:
            qualifiers[str(phrase).lower()] = q
            (after_words if entry.get("after") else before_words).append(str(phrase))
    qualifier_before = re.compile(rf"(?:^|(?<=[\s(\"“]))(?i:(?P<q>{_alternation(before_words)}))[ \u00a0]*$")
    qualifier_after = re.compile(
        rf"(?:[ \u00a0]+(?i:(?P<q>{_alternation(w for w in after_words if w.isalpha() or ' ' in w)}))\b|(?P<sym>\+))"
    )

    irregular = {str(k).lower(): str(v) for k, v in (nouns.get("irregular") or {}).items()}
    groups: dict[str, str] = {}
    for group, members in (nouns.get("groups") or {}).items():
        for member in members:
            groups[str(member).lower()] = str(group)

    return Vocabulary(
        currency_prefix=currency_prefix,
        currency_prefix_ahead=re.compile(rf"(?:{_alternation(symbol_prefixes)})[ \u00a0]?"),
        currency_prefixes=prefixes,
        currency_suffix=currency_suffix,
        currency_suffixes=suffixes,
        default_dollar=str(currencies.get("default_dollar", "USD")),
        unit_suffix=unit_suffix,
        units=units,
        unit_words={w: units[n] for w, n in unit_words.items()},
        qualifier_before=qualifier_before,
        qualifier_after=qualifier_after,
        qualifiers=qualifiers,
        irregular_nouns=irregular,
        noun_groups=groups,
        currency_codes=codes | frozenset(aliases),
    )


@functools.cache
def registry() -> pint.UnitRegistry[Any]:
    """The process's one pint registry; every physical unit resolves through it."""
    import pint

    return pint.UnitRegistry()
