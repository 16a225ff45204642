"""An archive as partitions: a folder tree of articles, a JSON Lines file, or Parquet.

The client only plans: it lists files, finds line starts in a JSON Lines file and reads Parquet
footers. Each partition is then read where it is audited, so no process ever holds the archive.
A plan depends only on the source as it is on disk, so a resumed audit sees the same partitions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from consistency.errors import ConsistencyError

ARTICLE_SUFFIXES: Final = (".md", ".markdown", ".txt")
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson", ".json")
# Fields the audit reads itself; every other field of a record is kept as metadata.
KNOWN_FIELDS: Final = frozenset({"id", "text", "date", "currency"})
# About this many bytes of articles per partition (Parquet goes by row group): a few thousand
# articles, a second or so of work, small against a worker's memory and large against Dask's overhead.
BYTES_PER_PARTITION: Final = 2_000_000
_CURRENCY: Final = re.compile("[A-Z]{3}")


@dataclass(frozen=True)
class Partition:
    """One piece of the source, read and audited as a unit; `index` names its output files."""

    index: int
    kind: Literal["files", "jsonl", "parquet"]
    path: str  # the folder the files are relative to, the JSON Lines file, or the Parquet file
    files: tuple[str, ...] = ()  # "files": paths relative to `path`
    start: int = 0  # "jsonl": the byte range of whole lines, and the number of its first line
    end: int = 0
    first_line: int = 1
    row_group: int = 0  # "parquet": one row group


@dataclass(frozen=True)
class SourceRow:
    """One article as the source gives it, or the one-line error that stops it being read."""

    id: str
    text: str | None
    date: dt.date | None = None
    currency: str | None = None
    metadata: dict[str, str | None] = field(default_factory=dict)
    error: str | None = None
    markdown: bool = True


def plan(source: Path, size: int = BYTES_PER_PARTITION) -> list[Partition]:
    """The partitions of `source`, about `size` bytes each, in a fixed order; a one-line error
    when it is no archive."""
    if source.is_dir():
        parquet = sorted(p for p in source.rglob("*.parquet") if not _hidden(p.relative_to(source)))
        return _parquet_plan(parquet) if parquet else _files_plan(source, size)
    if not source.exists():
        raise ConsistencyError("no such file or folder", path=str(source))
    if source.suffix.lower() == ".parquet":
        return _parquet_plan([source])
    if source.suffix.lower() in JSONL_SUFFIXES:
        return _jsonl_plan(source, size)
    raise ConsistencyError(
        "not an archive: give a folder of articles, a JSON Lines file (.jsonl) or Parquet", path=str(source)
    )


def fingerprint(source: Path, partitions: list[Partition]) -> str:
    """A digest of the source as planned: its partitions and the size and time of every file."""
    digest = hashlib.sha256(str(source.resolve()).encode())
    for part in partitions:
        digest.update(repr(part).encode())
    paths = {Path(p.path) for p in partitions if p.kind != "files"}
    paths |= {Path(p.path, name) for p in partitions for name in p.files}
    for path in sorted(paths):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def read_partition(part: Partition) -> Iterator[SourceRow]:
    """The rows of one partition, in source order; rows that cannot be read carry their error."""
    if part.kind == "files":
        yield from _read_files(part)
    elif part.kind == "jsonl":
        yield from _read_jsonl(part)
    else:
        yield from _read_parquet(part)


# -- a folder tree of articles ------------------------------------------------------------------


def _hidden(relative: Path) -> bool:
    return any(name.startswith((".", "_")) for name in relative.parts)


def _files_plan(root: Path, size: int) -> list[Partition]:
    parts: list[Partition] = []
    names: list[str] = []
    gathered = 0
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                path = Path(folder, name)
                names.append(path.relative_to(root).as_posix())
                gathered += _size(path)
                if gathered >= size:
                    parts.append(Partition(len(parts), "files", str(root), files=tuple(names)))
                    names, gathered = [], 0
    if names:
        parts.append(Partition(len(parts), "files", str(root), files=tuple(names)))
    if not parts:
        raise ConsistencyError("no articles (*.md, *.markdown, *.txt) in this folder", path=str(root))
    return parts


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # unreadable: its partition reports the error


def _read_files(part: Partition) -> Iterator[SourceRow]:
    from consistency.document import PLAIN_TEXT_SUFFIXES, decode_article, read_bytes

    for name in part.files:
        path = os.path.join(part.path, name)
        try:
            text = decode_article(read_bytes(path), path)
        except ConsistencyError as exc:
            # Named by its id, relative to the source folder: the same on every worker, wherever it runs.
            yield SourceRow(name, None, error=str(ConsistencyError(exc.message, path=name, line=exc.line)))
            continue
        yield SourceRow(name, text, markdown=Path(name).suffix.lower() not in PLAIN_TEXT_SUFFIXES)


# -- JSON Lines ---------------------------------------------------------------------------------


def _jsonl_plan(path: Path, size: int) -> list[Partition]:
    """Byte ranges of whole lines, about `size` each, found in one streaming pass."""
    parts: list[Partition] = []
    start = offset = 0
    line = first_line = 1
    with path.open("rb") as source:
        while chunk := source.read(1 << 20):
            at = 0
            while (newline := chunk.find(b"\n", at)) >= 0:
                at = newline + 1
                line += 1
                if offset + at - start >= size:
                    parts.append(_lines(len(parts), path, start, offset + at, first_line))
                    start, first_line = offset + at, line
            offset += len(chunk)
    if offset > start:
        parts.append(_lines(len(parts), path, start, offset, first_line))
    if not parts:
        raise ConsistencyError("empty archive: no lines", path=str(path))
    return parts


def _lines(index: int, path: Path, start: int, end: int, first_line: int) -> Partition:
    return Partition(index, "jsonl", str(path), start=start, end=end, first_line=first_line)


def _read_jsonl(part: Partition) -> Iterator[SourceRow]:
    with open(part.path, "rb") as source:
        source.seek(part.start)
        block = source.read(part.end - part.start)
    name = os.path.basename(part.path)
    for number, line in enumerate(block.split(b"\n"), part.first_line):
        if line.strip():
            yield _jsonl_row(line, f"{name}:{number}")


def _jsonl_row(line: bytes, where: str) -> SourceRow:
    """One JSON Lines record; `where` (file:line) stands for the id until the record gives one."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return SourceRow(
            where, None, error=f"{where}: not UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})"
        )
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return SourceRow(where, None, error=f"{where}: not JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return SourceRow(where, None, error=f"{where}: not a JSON object")
    return _record_row(record, where)


def _record_row(record: dict[str, Any], where: str) -> SourceRow:
    """A record's article, or its error, with every field but id, text, date and currency as metadata."""
    raw_id = record.get("id")
    ident = where if raw_id is None or raw_id == "" else str(raw_id)
    metadata = {str(key): as_text(value) for key, value in record.items() if key not in KNOWN_FIELDS}
    text = record.get("text")
    date, currency = record.get("date"), record.get("currency")
    error = None
    if text is None or text == "":
        error = "no text"
    elif not isinstance(text, str):
        error = f"text is a {type(text).__name__}, not a string"
    try:
        when = _as_date(date)
    except ValueError:
        when, error = None, error or f"date {date!r} is not a date (YYYY-MM-DD)"
    code = str(currency).strip().upper() if currency not in (None, "") else None
    if code is not None and not _CURRENCY.fullmatch(code):
        code, error = None, error or f"currency {currency!r} is not an ISO 4217 code"
    if error is not None:
        return SourceRow(ident, None, when, code, metadata, error=f"{where}: {error}")
    return SourceRow(ident, str(text), when, code, metadata)


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    return dt.date.fromisoformat(value.strip()[:10])


def as_text(value: Any) -> str | None:
    """Metadata as text: strings as they are, other JSON values as JSON, so every partition agrees."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, default=str)


# -- Parquet ------------------------------------------------------------------------------------


def _parquet_plan(files: list[Path]) -> list[Partition]:
    import pyarrow.parquet as pq

    parts: list[Partition] = []
    for path in files:
        try:
            metadata = pq.ParquetFile(path).metadata
        except Exception as exc:  # pyarrow reports a broken footer with several error types
            raise ConsistencyError(f"not a readable Parquet file: {exc}", path=str(path)) from None
        columns = set(metadata.schema.names)
        if not {"id", "text"} <= columns:
            raise ConsistencyError("a Parquet archive needs `id` and `text` columns", path=str(path))
        parts.extend(
            Partition(len(parts) + group, "parquet", str(path), row_group=group)
            for group in range(metadata.num_row_groups)
        )
    if not parts:
        raise ConsistencyError("empty archive: no row groups", path=str(files[0]))
    return parts


def _read_parquet(part: Partition) -> Iterator[SourceRow]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(part.path).read_row_group(part.row_group)
    name = os.path.basename(part.path)
    for number, record in enumerate(table.to_pylist()):
        where = f"{name}:group {part.row_group}:row {number + 1}"
        text = record.get("text")
        if isinstance(text, bytes):
            try:
                record["text"] = text.decode("utf-8")
            except UnicodeDecodeError as exc:
                ident = str(record.get("id") or where)
                yield SourceRow(
                    ident,
                    None,
                    error=f"{where}: not UTF-8 (byte 0x{text[exc.start]:02x} at offset {exc.start})",
                )
                continue
        yield _record_row(record, where)
