"""Findings and the report: what `consistency check` says, in the JSON shape other tools read."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from consistency.checks import Bounds, Result


class ClaimRef(BaseModel):
    """A claim a finding involves, by its text and place."""

    model_config = ConfigDict(frozen=True)

    text: str
    line: int
    column: int


class Interval(BaseModel):
    """An interval in a unit."""

    model_config = ConfigDict(frozen=True)

    low: float
    high: float
    unit: str


class Finding(BaseModel):
    """A relation between figures that cannot hold, with its arithmetic and the fix expected."""

    model_config = ConfigDict(frozen=True)

    rule: str
    kind: str
    severity: Literal["error", "warning", "info"]
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    claims: list[ClaimRef]
    expected: Interval | None
    stated: Interval | None
    arithmetic: str
    suggestion: str


class CheckRecord(BaseModel):
    """Any relation a rule looked at, passed, failed or unchecked (`--explain`)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    kind: str
    status: Literal["passed", "failed", "unchecked"]
    line: int
    arithmetic: str
    reason: str


class FileReport(BaseModel):
    """One article's findings, and with `--explain` every relation looked at."""

    model_config = ConfigDict(frozen=True)

    path: str
    findings: list[Finding]
    checks: list[CheckRecord] | None = None
    # With `--explain`: how many numbers the article holds, and how many took part in no check.
    claims: int | None = None
    unchecked_claims: int | None = None
    relations: int = Field(default=0, exclude=True)  # relations judged, summed in the run's summary


class Summary(BaseModel):
    """Counts over the run."""

    model_config = ConfigDict(frozen=True)

    files: int
    findings: int
    checks: int
    errors: int


class Report(BaseModel):
    """The whole run, as `--format json` prints it."""

    model_config = ConfigDict(frozen=True)

    files: list[FileReport]
    summary: Summary


def _interval(bounds: Bounds | None) -> Interval | None:
    return None if bounds is None else Interval(low=bounds.low, high=bounds.high, unit=bounds.unit)


def finding(result: Result) -> Finding:
    """A failed result as a finding, placed on the claim it says is wrong."""
    stated = result.claims[0]
    spec = result.rule.spec
    message = spec.message.format(
        stated=stated.text,
        expected=result.suggestion,
        claims=", ".join(c.text for c in result.claims),
    )
    return Finding(
        rule=spec.id,
        kind=spec.kind,
        severity=spec.severity,
        line=stated.line,
        column=stated.column,
        end_line=stated.end_line,
        end_column=stated.end_column,
        message=message,
        claims=[ClaimRef(text=c.text, line=c.line, column=c.column) for c in result.claims],
        expected=_interval(result.expected),
        stated=_interval(result.stated),
        arithmetic=result.arithmetic,
        suggestion=result.suggestion,
    )


def record(result: Result) -> CheckRecord:
    """Any result as `--explain` lists it."""
    return CheckRecord(
        rule=result.rule.id,
        kind=result.rule.spec.kind,
        status=result.status,
        line=result.claims[0].line,
        arithmetic=result.arithmetic,
        reason=result.reason,
    )
