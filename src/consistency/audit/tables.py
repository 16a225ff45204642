"""The audit's two Parquet datasets, `articles/` and `findings/`: their columns, and how a
partition's file is written (whole or not at all) and how the datasets are read back."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

# Every row starts with the article's id and the fields the checker reads; metadata columns follow.
ARTICLE_KEYS: Final = [("id", pa.string()), ("date", pa.date32()), ("currency", pa.string())]
ARTICLE_RESULTS: Final = [
    ("claims", pa.int32()),
    ("checks", pa.int32()),
    ("findings", pa.int32()),
    ("error", pa.string()),
]
FINDING_RESULTS: Final = [
    ("rule", pa.string()),
    ("kind", pa.string()),
    ("severity", pa.string()),
    ("line", pa.int32()),
    ("column", pa.int32()),
    ("end_line", pa.int32()),
    ("end_column", pa.int32()),
    ("message", pa.string()),
    ("expected_low", pa.float64()),
    ("expected_high", pa.float64()),
    ("stated_low", pa.float64()),
    ("stated_high", pa.float64()),
    ("unit", pa.string()),
    ("arithmetic", pa.string()),
    ("suggestion", pa.string()),
]
RESERVED: Final = frozenset(name for name, _ in [*ARTICLE_KEYS, *ARTICLE_RESULTS, *FINDING_RESULTS])


def metadata_column(key: str) -> str:
    """The column a source's metadata field is kept in: its own name, unless the audit uses that."""
    return f"source_{key}" if key in RESERVED else key


def table(rows: list[dict[str, Any]], results: list[tuple[str, pa.DataType]]) -> pa.Table:
    """Rows as a table: key columns, the metadata columns these rows have (as text), then results."""
    fixed = {name for name, _ in ARTICLE_KEYS} | {name for name, _ in results}
    metadata = sorted({key for row in rows for key in row} - fixed)
    schema = pa.schema([*ARTICLE_KEYS, *((key, pa.string()) for key in metadata), *results])
    return pa.Table.from_pylist(rows, schema=schema)


def part_name(index: int) -> str:
    """The file name of partition `index` in either dataset."""
    return f"part-{index:06d}.parquet"


def write_whole(frame: pa.Table, path: Path) -> None:
    """Write `frame` under a hidden temporary name, then rename it: the file on disk is always whole."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(frame, temporary)
    os.replace(temporary, path)


def write_whole_text(text: str, path: Path) -> None:
    """Write a text file the same way: whole, or not at all."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def dataset(folder: Path) -> ds.Dataset:
    """A dataset over every partition file in `folder`, with the union of their columns."""
    files = sorted(str(path) for path in folder.glob("part-*.parquet"))
    if not files:
        return ds.dataset(pa.table({}), schema=pa.schema([]))
    schema = pa.unify_schemas([pq.read_schema(name) for name in files])
    return ds.dataset(files, schema=schema, format="parquet")


def read_table(folder: Path, columns: Iterable[str] | None = None) -> pa.Table:
    """A whole dataset as one table (for tests and small archives; the summary streams it)."""
    found = dataset(folder)
    wanted = None if columns is None else [name for name in columns if name in found.schema.names]
    return found.to_table(columns=wanted)
