"""Report formats besides text and JSON: SARIF 2.1.0 for code scanning, GitHub workflow annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from consistency import __version__, suppressions
from consistency.findings import Finding, Report
from consistency.rules import Rule
from consistency.suppressions import UNUSED

_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# The one finding no rule file makes: a suppression comment that silenced nothing.
_UNUSED_RULE = {
    "id": UNUSED,
    "name": UNUSED,
    "shortDescription": {"text": "A suppression comment silences nothing."},
    "fullDescription": {"text": "A <!-- consistency: ignore/disable --> comment that silences no finding."},
    "helpUri": Path(suppressions.__file__).resolve().as_uri(),  # its docstring documents the comments
    "defaultConfiguration": {"level": "warning"},
    "properties": {"kind": "suppression"},
}


def _text(found: Finding) -> str:
    """A finding in one line: message, arithmetic where there is some, and the fix."""
    parts = [found.message, found.arithmetic, f"Fix: {found.suggestion}"]
    return ". ".join(part for part in parts if part)


def sarif(report: Report, rules: list[Rule]) -> str:
    """The report as SARIF 2.1.0: one run, the rules as its driver's rules, stable ids."""
    ordered = sorted(rules, key=lambda r: r.id)
    index = {rule.id: k for k, rule in enumerate(ordered)}
    index[UNUSED] = len(ordered)
    results: list[dict[str, Any]] = []
    for file in report.files:
        for found in file.findings:
            results.append(
                {
                    "ruleId": found.rule,
                    "ruleIndex": index[found.rule],
                    "level": _SARIF_LEVELS[found.severity],
                    "message": {"text": _text(found)},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": file.path},
                                "region": {
                                    "startLine": found.line,
                                    "startColumn": found.column,
                                    "endLine": found.end_line,
                                    "endColumn": found.end_column,
                                },
                            }
                        }
                    ],
                }
            )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "consistency",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": rule.id,
                                "shortDescription": {"text": rule.spec.summary},
                                "fullDescription": {"text": rule.spec.docs.strip() or rule.spec.summary},
                                "helpUri": rule.docs_link,
                                "defaultConfiguration": {"level": _SARIF_LEVELS[rule.spec.severity]},
                                "properties": {"kind": rule.spec.kind},
                            }
                            for rule in ordered
                        ]
                        + [_UNUSED_RULE],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def github(report: Report) -> str:
    """One GitHub Actions workflow command per finding (`::error file=...,line=...::message`)."""
    lines = []
    for file in report.files:
        for found in file.findings:
            level = "notice" if found.severity == "info" else found.severity
            text = _text(found).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            lines.append(
                f"::{level} file={file.path},line={found.line},col={found.column},"
                f"endLine={found.end_line},endColumn={found.end_column},title={found.rule}::{text}"
            )
    return "".join(line + "\n" for line in lines)
