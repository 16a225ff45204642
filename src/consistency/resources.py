"""Where the built-in data lives, and the one safe way to read a YAML data file."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from consistency.errors import ConsistencyError

# libyaml's safe loader when PyYAML was built with it: the same safe schema, faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def builtin_rules_dir() -> Path:
    """The shipped `rules/` folder: inside the wheel, or the checkout's top level when editable."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise ConsistencyError("built-in rules folder not found; reinstall consistency")


def read_yaml(path: Path, what: str = "data file") -> tuple[str, Any]:
    """A YAML file's text and content, parsed with the safe loader so a file can never run code.

    Errors are one line naming the file and, where YAML knows it, the line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConsistencyError(f"cannot read {what}: {exc}", path=str(path)) from None
    try:
        return text, yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConsistencyError(f"invalid {what}: {problem}", path=str(path), line=line) from None


def load_yaml(path: Path) -> Any:
    """The content of a YAML data file (see `read_yaml`)."""
    return read_yaml(path)[1]
