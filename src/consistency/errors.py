"""The one error type users see: a one-line message naming the file and, where known, the line."""

from __future__ import annotations

import os


class ConsistencyError(Exception):
    """Bad input or configuration, reported as `path:line: message` (`consistency: message` where no
    file is to blame) and exit status 2."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = shown_path(self.path) if self.path else "consistency"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


def shown_path(path: str) -> str:
    """A path as one would type it from the working folder: relative below it, absolute elsewhere."""
    if not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return path
    return path if relative.startswith("..") else relative
