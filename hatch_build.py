"""Wheel build hook: compile the hot modules with mypyc through hatch-mypyc.

Three changes to hatch-mypyc's own hook, which is configured under
`[tool.hatch.build.targets.wheel.hooks.custom]` in pyproject.toml:

* an editable install (`pip install -e .`) stays pure Python, so an edit to a module takes effect;
* the extension files that mypyc builds in place under `src/` are removed once the wheel holds them,
  so no stale compiled module shadows the sources that tests and `PYTHONPATH=src` import;
* pyproject.toml is left where it is, so mypy type-checks with the project's `[tool.mypy]`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from hatch_mypyc.plugin import MypycBuildHook


class CompiledWheelHook(MypycBuildHook):  # type: ignore[misc]
    """hatch-mypyc's hook for regular wheels only, leaving the source tree as it found it."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        super().initialize(version, build_data)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version != "editable":
            self.clean([version])

    @contextlib.contextmanager
    def hide_project_file(self) -> Iterator[None]:
        yield


def get_build_hook() -> type[MypycBuildHook]:
    return CompiledWheelHook
