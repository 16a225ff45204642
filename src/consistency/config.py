"""Configuration: `[tool.consistency]` in `pyproject.toml`, or a `.consistency.toml`, found by walking up.

The nearest folder above an article that holds either file configures it (`.consistency.toml` wins
in a folder that has both; a `pyproject.toml` without the table is passed over). Paths in the file
are relative to the file's folder. Keys are written as on the command line (`fail-level`); an
unknown key or a value of the wrong type is a one-line error naming the file, the line and the key.

```toml
[tool.consistency]
rules = ["house-rules"]          # more rule folders
select = ["conversion"]          # rule ids or kinds
ignore = ["shares-total"]
fail-level = "warning"
fx-table = "rates/desk.csv"
currency = "AUD"                 # what a bare $ means
per-file-ignores = {"archive/**" = ["fx-conversion"]}
```

Command-line options win over the file, the file over the built-in defaults.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from consistency.errors import ConsistencyError

CONFIG_FILES = (".consistency.toml", "pyproject.toml")
Level = Literal["error", "warning", "info"]


class ConfigValues(BaseModel):
    """The keys a configuration may set, as written in the file."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        alias_generator=lambda name: name.replace("_", "-"),
        populate_by_name=True,
    )

    rules: list[str] = []
    select: list[str] = []
    ignore: list[str] = []
    fail_level: Level | None = None
    fx_table: str | None = None
    currency: str | None = None
    per_file_ignores: dict[str, list[str]] = {}


@dataclass(frozen=True)
class Config:
    """A configuration and the file it came from (None for the built-in defaults)."""

    values: ConfigValues
    path: Path | None = None

    @property
    def folder(self) -> Path:
        """The folder the file's relative paths start from."""
        return self.path.parent if self.path is not None else Path.cwd()

    def rule_folders(self) -> list[Path]:
        """The extra rule folders, resolved against the file's folder."""
        return [self.folder / folder for folder in self.values.rules]

    def fx_table(self) -> Path | None:
        """The FX table, resolved against the file's folder."""
        return self.folder / self.values.fx_table if self.values.fx_table else None

    def ignored_for(self, article: str) -> tuple[str, ...]:
        """Rules `per-file-ignores` leaves out for one article, by globs relative to the file's folder."""
        if not self.values.per_file_ignores or article == "-":
            return ()
        try:
            relative = PurePath(Path(article).resolve().relative_to(self.folder.resolve()))
        except ValueError:
            return ()
        ignored: list[str] = []
        for pattern, rules in self.values.per_file_ignores.items():
            if _glob_match(relative, pattern):
                ignored.extend(rules)
        return tuple(ignored)


DEFAULTS = Config(ConfigValues())


def config_for(article: str, seen: dict[Path, Config] | None = None) -> Config:
    """The configuration of an article: the nearest file above it (the working folder's, for stdin).

    `seen` remembers each folder's answer for one run, so a thousand articles in one folder read
    its configuration once; a new run reads the files afresh.
    """
    start = Path.cwd() if article == "-" else Path(article).resolve().parent
    seen = {} if seen is None else seen
    if start not in seen:
        seen[start] = _config_in(start)
    return seen[start]


def _config_in(folder: Path) -> Config:
    """The configuration found in `folder` or the nearest folder above it."""
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file():
                config = load_config(path)
                if config is not None:
                    return config
    return DEFAULTS


def load_config(path: Path) -> Config | None:
    """Read one configuration file; None for a `pyproject.toml` with no `[tool.consistency]` table."""
    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except OSError as exc:
        raise ConsistencyError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConsistencyError(f"invalid TOML: {exc}", path=str(path), line=_error_line(str(exc))) from None
    if path.name == "pyproject.toml":
        table: Any = document.get("tool", {}).get("consistency")
        if table is None:
            return None
        where = "[tool.consistency] "
    else:
        table, where = document, ""
    if not isinstance(table, dict):
        raise ConsistencyError(f"{where}must be a table of keys", path=str(path))
    try:
        return Config(ConfigValues.model_validate(table), path)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else ""
        problem = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
        raise ConsistencyError(
            f"{where}{key}: {problem}", path=str(path), line=_key_line(text, key)
        ) from None


def _key_line(text: str, key: str) -> int | None:
    """The line where `key` is set, for the error message."""
    found = re.search(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _error_line(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def _glob_match(path: PurePath, pattern: str) -> bool:
    """A relative path against a glob: `*` within a folder, `**` across folders (as ruff reads them)."""
    regex = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
    return re.fullmatch(regex.replace(r"\?", "[^/]"), path.as_posix()) is not None
