"""The one error type users see: a one-line message naming the file and, where known, the line."""

from __future__ import annotations


class ConsistencyError(Exception):
    """Bad input or configuration, reported as `path:line: message` and exit status 2."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"
