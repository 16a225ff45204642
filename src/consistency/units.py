"""Units of measure: currencies, physical units, counted nouns and qualifiers, read from `rules/`.

All of it is data (`rules/currencies.yaml`, `units.yaml`, `nouns.yaml`, `qualifiers.yaml`), loaded
once per process and compiled into anchored regular expressions the extractor can try in one step.
Physical units resolve through one pint registry, built only when a conversion needs it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, final

from consistency.errors import ConsistencyError
from consistency.resources import builtin_rules_dir, load_yaml

if TYPE_CHECKING:
    import pint

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A qualifier's meaning: how many steps its interval reaches below and above the figure."""

    name: str
    below: float | None
    above: float
    negated: str | None = None


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """A physical unit or duration: its canonical name, pint expression and claim kind."""

    name: str
    pint: str
    kind: str


# Every character `\s` matches, spelled out for a class: sre tests a class of characters alone
# with one table lookup, and one holding a category with a call per character besides.
WHITESPACE: Final = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WORD_CHARS: Final = rf"[^{WHITESPACE},;:!?()\[\]\"“”—–…+]++"  # possessive: a space must follow
# Up to three words after a figure: where unit and currency names are looked up in tables.
_TOKENS: Final = re.compile(
    rf"(?P<sep>[ \u00a0]?(?:-[ \u00a0]?)?)(?P<a>{_WORD_CHARS})"
    rf"(?:[ \u00a0]+(?P<b>{_WORD_CHARS}))?(?:[ \u00a0]+(?P<c>{_WORD_CHARS}))?"
)


_TAIL: Final = re.compile(r"[-/’']")


@final
class Following:
    """Up to three words after a figure, read once for several phrase tables, with the first word
    as every table's first test takes it: lower-cased, without a final full stop."""

    __slots__ = ("first", "words")

    def __init__(self, words: re.Match[str]) -> None:
        self.words = words
        self.first = words.group(2).lower().rstrip(".")  # group a


def words_after(prose: str, pos: int) -> Following | None:
    """Up to three words after `pos`, to look up in several phrase tables at once."""
    found = _TOKENS.match(prose, pos)
    return Following(found) if found is not None else None


class PhraseTable(Generic[T]):
    """Phrases to values: symbols match as written ("m", "GW", "USD"), words in any case.

    A plain class, not a frozen dataclass: mypyc cannot compile a generic dataclass (mypyc issue
    827), and this lookup runs after every figure.
    """

    __slots__ = ("cased", "first_words", "loose")

    def __init__(self, cased: dict[str, T], loose: dict[str, T], first_words: frozenset[str]) -> None:
        self.cased = cased
        self.loose = loose
        self.first_words = first_words

    @classmethod
    def build(cls, entries: Iterable[tuple[str, T]], *, cased: Callable[[str], bool]) -> PhraseTable[T]:
        """A table from (phrase, value) pairs; `cased` says which phrases match only as written."""
        exact: dict[str, T] = {}
        loose: dict[str, T] = {}
        for phrase, value in entries:
            if cased(phrase):
                exact.setdefault(phrase, value)
            else:
                loose.setdefault(phrase.lower(), value)
        firsts = [phrase.split()[0].lower() for phrase in [*exact, *loose]]
        # "U.S. dollars": the word is looked up without a final full stop too
        first_words = frozenset(firsts + [word.rstrip(".") for word in firsts])
        return cls(exact, loose, first_words)

    def get(self, phrase: str) -> T | None:
        """The value of one phrase, or None."""
        found = self.cased.get(phrase)
        return found if found is not None else self.loose.get(phrase.lower())

    def may_start(self, first: str) -> bool:
        """Whether a phrase of this table may start with `first` (see `Following.first`)."""
        return first in self.first_words or ("-" in first and first.partition("-")[0] in self.first_words)

    def after(self, prose: str, pos: int, following: Following | None = None) -> tuple[T, int, str] | None:
        """The longest phrase of up to three words starting at `pos`: value, end, and separator.

        `following` is `words_after(prose, pos)` when the caller already has it.
        """
        if following is None:
            following = words_after(prose, pos)
        # Most figures are followed by an ordinary word: one set lookup turns those away.
        if following is None or not self.may_start(following.first):
            return None
        tokens = following.words
        begin = tokens.end(1)  # groups by number, not by name: sep, a, b, c are 1 to 4
        cased, loose = self.cased, self.loose
        for group in (4, 3, 2):
            end = tokens.end(group)
            if end < 0:
                continue
            phrase = prose[begin:end]
            if phrase[-1] == ".":
                phrase, end = phrase[:-1], end - 1
            found = cased.get(phrase)
            if found is None:
                found = loose.get(phrase.lower())
            if found is None and group == 2:
                # "kilometre-long", "km/day", "yuan’s": the unit before a hyphen, slash or apostrophe
                cut = _TAIL.search(phrase, 1)
                if cut is not None:
                    head = phrase[: cut.start()]
                    found = cased.get(head) or loose.get(head.lower())
                    end = begin + len(head)
            if found is not None:
                return found, end, tokens.group(1)
        return None


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Everything the extractor looks up around a number, compiled once."""

    currency_prefix: re.Pattern[str]
    currency_prefix_ahead: re.Pattern[str]
    currency_prefixes_by_end: dict[str, tuple[str, ...]]  # each prefix under its last character
    currency_prefixes: dict[str, str]
    currency_names: PhraseTable[str]
    default_dollar: str
    units: dict[str, UnitInfo]
    unit_names: PhraseTable[UnitInfo]
    qualifiers: dict[str, Qualifier]
    qualifiers_after: dict[str, Qualifier]
    qualifier_last_words: frozenset[str]
    qualifier_shapes: frozenset[tuple[str, int]]  # (last word, number of words) of each phrase
    qualifiers_by_name: dict[str, Qualifier]
    irregular_nouns: dict[str, str]
    noun_groups: dict[str, str]


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
    names = [(str(k), str(v)) for k, v in _mapping(currencies, "names", folder).items()]
    names += [(code, aliases.get(code, code)) for code in codes]
    currency_names = PhraseTable.build(names, cased=lambda phrase: phrase.isupper())

    # Symbols may be followed by a space ("US$ 5", "Rs 1,002"); a bare letter prefix may not.
    symbol_prefixes = [p for p in prefixes if len(p) > 1 or not p.isalpha()]
    letter_prefixes = [p for p in prefixes if len(p) == 1 and p.isalpha()]
    currency_prefix = re.compile(
        rf"(?<![A-Za-z])(?:(?P<sym>{_alternation(symbol_prefixes)})[ \u00a0]?-?"
        + (rf"|(?P<letter>{_alternation(letter_prefixes)})" if letter_prefixes else "")
        + r")$"
    )

    units: dict[str, UnitInfo] = {}
    unit_entries: list[tuple[str, UnitInfo]] = []
    cased_words: set[str] = set()
    for name, spec in _mapping(units_raw, "units", folder).items():
        if not isinstance(spec, dict) or "pint" not in spec or "words" not in spec:
            raise ConsistencyError(f"unit {name!r} needs `pint` and `words`", path=str(folder / "units.yaml"))
        info = UnitInfo(str(name), str(spec["pint"]), str(spec.get("kind", "physical")))
        units[info.name] = info
        for word in map(str, spec["words"]):
            unit_entries.append((word, info))
            if spec.get("case") or len(word) <= 3:
                cased_words.add(word)
    unit_names = PhraseTable.build(unit_entries, cased=cased_words.__contains__)

    qualifiers: dict[str, Qualifier] = {}
    qualifiers_after: dict[str, Qualifier] = {}
    by_name: dict[str, Qualifier] = {}
    for entry in qualifiers_raw.get("qualifiers", []):
        q = Qualifier(
            str(entry["name"]),
            None if entry.get("below") is None else float(entry["below"]),
            float(entry["above"]),
            None if entry.get("negated") is None else str(entry["negated"]),
        )
        by_name[q.name] = q
        for phrase in entry["phrases"]:
            (qualifiers_after if entry.get("after") else qualifiers)[str(phrase).lower()] = q
    for q in by_name.values():
        if q.negated is not None and q.negated not in by_name:
            raise ConsistencyError(
                f"qualifier {q.name!r}: negated meaning {q.negated!r} is not a qualifier",
                path=str(folder / "qualifiers.yaml"),
            )

    irregular = {str(k).lower(): str(v) for k, v in (nouns.get("irregular") or {}).items()}
    groups: dict[str, str] = {}
    for group, members in (nouns.get("groups") or {}).items():
        for member in members:
            groups[str(member).lower()] = str(group)

    return Vocabulary(
        currency_prefix=currency_prefix,
        currency_prefixes_by_end={
            end: tuple(p for p in prefixes if p.endswith(end)) for end in {p[-1] for p in prefixes}
        },
        currency_prefix_ahead=re.compile(rf"(?:{_alternation(symbol_prefixes)})[ \u00a0]?"),
        currency_prefixes=prefixes,
        currency_names=currency_names,
        default_dollar=str(currencies.get("default_dollar", "USD")),
        units=units,
        unit_names=unit_names,
        qualifiers=qualifiers,
        qualifiers_after=qualifiers_after,
        qualifier_last_words=frozenset(phrase.split()[-1] for phrase in qualifiers),
        qualifier_shapes=frozenset((words[-1], len(words)) for words in (p.split(" ") for p in qualifiers)),
        qualifiers_by_name=by_name,
        irregular_nouns=irregular,
        noun_groups=groups,
    )


@functools.cache
def registry() -> pint.UnitRegistry[Any]:
    """The process's one pint registry; every physical unit resolves through it."""
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=1024)
def conversion_factor(from_name: str, to_name: str) -> float | None:
    """How many `to_name` one `from_name` is (metre to foot: 3.2808), or None when they do not convert.

    For units without an offset only: temperatures on a scale convert in the conversion check itself.
    """
    units = vocabulary().units
    if from_name not in units or to_name not in units or "degree" in from_name + to_name:
        return None
    ureg = registry()
    try:
        quantity = ureg.Quantity(1.0, ureg.parse_expression(units[from_name].pint).units)
        return float(quantity.to(ureg.parse_expression(units[to_name].pint).units).magnitude)
    except Exception:  # pint: different dimensions, or an offset unit that has no factor
        return None
