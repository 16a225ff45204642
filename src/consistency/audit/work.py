"""What a Dask worker runs: read one partition, check each article in it, return its rows.

Rules and the FX table are loaded once per worker process and kept for every partition after.
"""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from consistency.audit.sources import Partition, SourceRow, as_text, read_partition
from consistency.audit.tables import ARTICLE_RESULTS, FINDING_RESULTS, metadata_column, table
from consistency.document import parse_document
from consistency.errors import ConsistencyError
from consistency.findings import Finding
from consistency.runner import Settings, report_and_claims, settings


@dataclass(frozen=True)
class AuditSettings:
    """What every worker checks with: extra rule folders and an FX table, as paths."""

    rule_folders: tuple[str, ...] = ()
    fx_table: str | None = None

    def load(self) -> Settings:
        """The rules and FX table these name, read from disk."""
        folders = [Path(folder) for folder in self.rule_folders]
        return settings(rule_folders=folders, fx_table=Path(self.fx_table) if self.fx_table else None)


@dataclass(frozen=True)
class PartitionResult:
    """One partition's rows for `articles/` and `findings/`, and what the progress line shows."""

    index: int
    articles: pa.Table
    findings: pa.Table
    errors: int
    worker: int  # the process id of the worker that audited it
    settings_loads: int  # how often that process has read rules and FX table from disk so far
    worker_peak_mb: float  # that process's peak resident memory so far


# Per worker process: the settings of this audit, loaded on its first partition, and a count of loads.
_LOADED: dict[AuditSettings, Settings] = {}
_LOADS: list[int] = [0]


def worker_settings(spec: AuditSettings) -> Settings:
    """The settings `spec` names, loaded once in this process."""
    loaded = _LOADED.get(spec)
    if loaded is None:
        loaded = _LOADED[spec] = spec.load()
        _LOADS[0] += 1
    return loaded


def audit_partition(part: Partition, spec: AuditSettings) -> PartitionResult:
    """Check every article of one partition."""
    run = worker_settings(spec)
    articles: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for row in read_partition(part):
        article, found = audit_row(row, run)
        articles.append(article)
        findings.extend(found)
    errors = sum(1 for article in articles if article["error"] is not None)
    return PartitionResult(
        part.index,
        table(articles, ARTICLE_RESULTS),
        table(findings, FINDING_RESULTS),
        errors,
        os.getpid(),
        _LOADS[0],
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


def audit_row(row: SourceRow, run: Settings) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One article's row for `articles/` and its rows for `findings/`."""
    keys: dict[str, Any] = {"id": row.id, "date": row.date, "currency": row.currency}
    keys.update((metadata_column(key), value) for key, value in row.metadata.items())
    if row.text is None:
        return _failed(keys, row.error or f"{row.id}: no text"), []
    try:
        document = parse_document(
            row.text, path=row.id, date=row.date, currency=row.currency, markdown=row.markdown
        )
        report, claims = report_and_claims(document, run)
    except ConsistencyError as exc:
        return _failed(keys, str(exc)), []
    except Exception as exc:  # a checker bug costs one article its result, never the audit
        return _failed(keys, f"{row.id}: internal error: {type(exc).__name__}: {exc}"), []
    meta = document.meta
    keys["date"], keys["currency"] = meta.date, meta.currency
    for key, value in (meta.model_extra or {}).items():
        keys.setdefault(metadata_column(key), as_text(value))
    article = {**keys, "claims": claims, "checks": report.relations, "findings": len(report.findings)}
    article["error"] = None
    found = [
        {
            **keys,
            "rule": f.rule,
            "kind": f.kind,
            "severity": f.severity,
            "line": f.line,
            "column": f.column,
            "end_line": f.end_line,
            "end_column": f.end_column,
            "message": f.message,
            "expected_low": f.expected.low if f.expected else None,
            "expected_high": f.expected.high if f.expected else None,
            "stated_low": f.stated.low if f.stated else None,
            "stated_high": f.stated.high if f.stated else None,
            "unit": _unit(f),
            "arithmetic": f.arithmetic,
            "suggestion": f.suggestion,
        }
        for f in report.findings
    ]
    return article, found


def _unit(found: Finding) -> str | None:
    """The unit of the stated figure, or of the expected one when the figure has none."""
    interval = found.stated or found.expected
    return interval.unit if interval is not None else None


def _failed(keys: dict[str, Any], error: str) -> dict[str, Any]:
    return {**keys, "claims": None, "checks": None, "findings": None, "error": error}
