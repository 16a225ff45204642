"""Report formats besides text and JSON: SARIF 2.1.0 for code scanning, GitHub workflow annotations."""

from __future__ import annotations

import json
from typing import Any

from consistency import __version__
from consistency.findings import Report
from consistency.rules import Rule

_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def sarif(report: Report, rules: list[Rule]) -> str:
    """The report as SARIF 2.1.0: one run, the rules as its driver's rules, stable ids."""
    ordered = sorted(rules, key=lambda r: r.id)
    index = {rule.id: k for k, rule in enumerate(ordered)}
    results: list[dict[str, Any]] = []
    for file in report.files:
        for found in file.findings:
            results.append(
                {
                    "ruleId": found.rule,
                    "ruleIndex": index.get(found.rule, 0),
                    "level": _SARIF_LEVELS[found.severity],
                    "message": {"text": f"{found.message}. {found.arithmetic}. Fix: {found.suggestion}"},
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
                        ],
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
            text = f"{found.message}. {found.arithmetic}. Fix: {found.suggestion}"
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            lines.append(
                f"::{level} file={file.path},line={found.line},col={found.column},"
                f"endLine={found.end_line},endColumn={found.end_column},title={found.rule}::{text}"
            )
    return "".join(line + "\n" for line in lines)
