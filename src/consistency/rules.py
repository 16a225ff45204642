"""Rules: one YAML file each, validated, with patterns compiled and examples kept for the tests.

A rule file is data. It is read with YAML's safe loader (no tags, no code), checked by a strict
pydantic model (an unknown key is an error), and its patterns are compiled by the project. A bad
file is a one-line error that names the file and the line.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from consistency.errors import ConsistencyError
from consistency.patterns import Pattern, compile_pattern
from consistency.resources import builtin_rules_dir, read_yaml

CheckKind = Literal[
    "sum",
    "change",
    "percent_change",
    "percent_of",
    "shares_total",
    "conversion",
    "ratio",
    "restatement",
    "date_span",
]
Severity = Literal["error", "warning", "info"]
# Files of the rules folder that hold vocabulary, not rules.
VOCABULARY_FILES = frozenset({"qualifiers.yaml", "nouns.yaml", "currencies.yaml", "units.yaml"})
Option = float | int | str | bool | list[str] | dict[str, float]
# The claims each pattern kind's check reads: a pattern must bind one of these sets of roles.
PATTERN_ROLES: dict[str, tuple[frozenset[str], ...]] = {
    "conversion": (frozenset({"amount", "converted"}),),
    "date_span": (frozenset({"span", "since"}),),
    "percent_change": (frozenset({"stated"}),),
    "percent_of": (
        frozenset({"part", "whole", "stated"}),
        frozenset({"part", "stated", "other", "other_part"}),
    ),
    "ratio": (frozenset({"from", "to"}), frozenset({"count", "price", "total"})),
    "restatement": (frozenset({"first", "again"}),),
    "sum": (
        frozenset({"total", "a"}),
        frozenset({"x", "y", "difference"}),
        frozenset({"tally", "difference"}),
    ),
}
# What a rule's message may name: filled in from each finding.
MESSAGE_FIELDS = frozenset({"stated", "expected", "claims"})


class Examples(BaseModel):
    """Texts a rule must flag and texts it must pass: the rule's own specification."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    flag: list[str] = []
    passes: list[str] = Field(default=[], alias="pass")


class RuleSpec(BaseModel):
    """One rule file, as written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]{1,63}$")
    kind: CheckKind
    severity: Severity = "error"
    summary: str
    message: str
    patterns: list[str] = []
    options: dict[str, Option] = {}
    docs: str = ""
    link: str = Field(default="", pattern=r"^(https?://\S+)?$")
    examples: Examples = Examples()

    @field_validator("message")
    @classmethod
    def _plain_placeholders(cls, message: str) -> str:
        """A message names only the finding's own fields, so filling it in can never fail or reach further."""
        try:
            fields = [part[1:] for part in string.Formatter().parse(message) if part[1] is not None]
        except ValueError as exc:
            raise ValueError(f"message is not a valid template: {exc}") from None
        for name, spec, conversion in fields:
            if name not in MESSAGE_FIELDS or spec or conversion:
                raise ValueError(
                    f"message may use only {{stated}}, {{expected}} and {{claims}}, not {{{name}}}"
                )
        return message


@dataclass(frozen=True, slots=True)
class Rule:
    """A loaded rule: its spec, its compiled patterns and the file it came from."""

    spec: RuleSpec
    patterns: tuple[Pattern, ...]
    path: Path
    # What every pattern needs, and the fewest claims any binds: tested once per sentence, not per pattern.
    shared_kinds: frozenset[str] = field(init=False, repr=False, compare=False)  # claim kinds typed
    shared_runs: frozenset[str] = field(init=False, repr=False, compare=False)  # words of literal text
    fewest_roles: int = field(init=False, repr=False, compare=False)
    # What the checker dispatches on, read once rather than from the spec for every article.
    kind: CheckKind = field(init=False, repr=False, compare=False)
    source: str | None = field(init=False, repr=False, compare=False)  # the `source` option, if any
    reach: float = field(init=False, repr=False, compare=False)  # sentences a pattern may span
    # Word options read once: checks ask for them for every article.
    _words: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = self.patterns
        kinds = frozenset.intersection(*(p.kinds for p in patterns)) if patterns else frozenset()
        runs = frozenset.intersection(*(p.words for p in patterns)) if patterns else frozenset()
        object.__setattr__(self, "shared_kinds", kinds)
        object.__setattr__(self, "shared_runs", runs)
        object.__setattr__(self, "fewest_roles", min((len(p.roles) for p in patterns), default=0))
        source = self.spec.options.get("source")
        object.__setattr__(self, "kind", self.spec.kind)
        object.__setattr__(self, "source", None if source is None else str(source))
        object.__setattr__(self, "reach", self.option("reach", 1))

    @property
    def id(self) -> str:
        """The rule's id, as findings and `--select` name it."""
        return self.spec.id

    @property
    def docs_link(self) -> str:
        """Where the rule is documented: its `link`, else its own file, which holds its docs and examples."""
        return self.spec.link or self.path.resolve().as_uri()

    def flag(self, name: str, default: bool) -> bool:
        """A yes/no option, or its default."""
        value = self.spec.options.get(name, default)
        return value if isinstance(value, bool) else default

    def option(self, name: str, default: float) -> float:
        """A numeric option, or its default."""
        value = self.spec.options.get(name, default)
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else default

    def numbers(self, name: str) -> dict[str, float]:
        """A mapping option of words to numbers ("doubled: 2"), keys lower-cased."""
        value = self.spec.options.get(name, {})
        return {str(k).lower(): float(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def words(self, name: str) -> tuple[str, ...]:
        """A list-of-words option (cue words), lower-cased."""
        found = self._words.get(name)
        if found is None:
            value = self.spec.options.get(name, [])
            found = tuple(str(v).lower() for v in value) if isinstance(value, list) else ()
            self._words[name] = found
        return found


def load_rule(path: Path) -> Rule:
    """Read, validate and compile one rule file."""
    text, raw = read_yaml(path, "rule file")
    if not isinstance(raw, dict):
        raise ConsistencyError("a rule file is a mapping of keys to values", path=str(path), line=1)
    try:
        spec = RuleSpec.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        key = str(error["loc"][0]) if error["loc"] else ""
        raise ConsistencyError(f"{where}: {error['msg']}", path=str(path), line=_line_of(text, key)) from None
    patterns = tuple(
        compile_pattern(template, path=str(path), line=_line_of(text, "patterns"))
        for template in spec.patterns
    )
    accepted = PATTERN_ROLES.get(spec.kind)
    for pattern in patterns:
        if accepted is not None and not any(roles <= set(pattern.roles) for roles in accepted):
            wanted = " or ".join("{" + ", ".join(sorted(roles)) + "}" for roles in accepted)
            raise ConsistencyError(
                f"pattern {pattern.template!r}: a {spec.kind} rule binds {wanted}",
                path=str(path),
                line=_line_of(text, "patterns"),
            )
    return Rule(spec, patterns, path)


def _line_of(text: str, key: str) -> int | None:
    """The line of a top-level key in a YAML file, for error messages."""
    found = re.search(rf"(?m)^{re.escape(key)}\s*:", text) if key else None
    return text.count("\n", 0, found.start()) + 1 if found else None


def rule_files(folder: Path) -> list[Path]:
    """The rule files of a folder, in name order, leaving out the vocabulary files."""
    if not folder.is_dir():
        raise ConsistencyError("rules folder not found", path=str(folder))
    return sorted(p for p in folder.glob("*.yaml") if p.name not in VOCABULARY_FILES)


def _load_folder(folder: Path) -> tuple[tuple[Rule, ...], tuple[ConsistencyError, ...]]:
    """A folder's rules and the errors of its bad files, read again only when a file in it has changed
    (a long-running process sees edits)."""
    files = rule_files(folder)
    state = tuple((path.name, stat.st_mtime_ns, stat.st_size) for path in files for stat in (path.stat(),))
    return _load_files(folder, state)


@functools.lru_cache(maxsize=64)
def _load_files(
    folder: Path, state: tuple[tuple[str, int, int], ...]
) -> tuple[tuple[Rule, ...], tuple[ConsistencyError, ...]]:
    rules: list[Rule] = []
    errors: list[ConsistencyError] = []
    for name, _, _ in state:
        try:
            rules.append(load_rule(folder / name))
        except ConsistencyError as error:
            errors.append(error)
    return tuple(rules), tuple(errors)


def load_rules(
    extra_folders: Iterable[Path] = (), problems: list[ConsistencyError] | None = None
) -> list[Rule]:
    """The built-in rules and those of extra folders; a later rule with the same id replaces one.

    A bad rule file (or a missing folder) raises its error; given a `problems` list, the error goes
    there instead and the other rules are loaded, so one bad file costs only its own rule.
    """
    by_id: dict[str, Rule] = {}
    for folder in (builtin_rules_dir(), *extra_folders):
        try:
            rules, errors = _load_folder(Path(folder))
        except ConsistencyError as error:
            rules, errors = (), (error,)
        if errors and problems is None:
            raise errors[0]
        if problems is not None:
            problems.extend(errors)
        for rule in rules:
            by_id[rule.id] = rule
    return list(by_id.values())


def select_rules(rules: list[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules whose id or kind is selected (all when none is) and not ignored."""
    chosen, dropped = set(select), set(ignore)
    return [
        r
        for r in rules
        if (not chosen or r.id in chosen or r.spec.kind in chosen)
        and r.id not in dropped
        and r.spec.kind not in dropped
    ]
