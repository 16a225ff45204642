"""Check articles end to end: read, extract, run the rules, and gather the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from consistency.checking import check_document
from consistency.document import Document, parse_document, read_document
from consistency.errors import ConsistencyError
from consistency.extraction import extract_claims
from consistency.findings import FileReport, Report, Summary, finding, record
from consistency.fx import FxTable, csv_table, ecb_table
from consistency.rules import Rule, load_rules, select_rules
from consistency.units import vocabulary

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Settings:
    """What a run of the checker uses: rules, FX table, date, and what to report."""

    rules: list[Rule]
    fx: FxTable
    date: dt.date | None = None
    currency: str | None = None
    explain: bool = False


def settings(
    *,
    rule_folders: Iterable[Path] = (),
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    fx_table: Path | None = None,
    date: dt.date | None = None,
    currency: str | None = None,
    explain: bool = False,
) -> Settings:
    """Load rules and the FX table once for a run."""
    rules = select_rules(load_rules(rule_folders), select, ignore)
    fx = csv_table(fx_table) if fx_table else ecb_table()
    return Settings(rules, fx, date, currency, explain)


def check_document_report(document: Document, run: Settings) -> FileReport:
    """One article's report."""
    claims = extract_claims(document, vocabulary())
    results = check_document(document, claims, run.rules, run.fx, run.date)
    involved = {id(c) for r in results for c in r.claims}
    numbers = [c for c in claims if c.kind != "date"]
    return FileReport(
        path=document.path,
        findings=[finding(r) for r in results if r.status == "failed"],
        checks=[record(r) for r in results] if run.explain else None,
        claims=len(numbers) if run.explain else None,
        unchecked_claims=sum(1 for c in numbers if id(c) not in involved) if run.explain else None,
        relations=sum(1 for r in results if r.status != "unchecked"),
    )


def check_text(text: str, run: Settings, *, path: str = "<text>") -> FileReport:
    """Check article text given as a string."""
    return check_document_report(parse_document(text, path=path, date=run.date, currency=run.currency), run)


@dataclass
class Outcome:
    """Reports of the files that could be read, and one-line errors for those that could not."""

    reports: list[FileReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def report(self) -> Report:
        """The whole run as one report."""
        findings = sum(len(r.findings) for r in self.reports)
        checks = sum(r.relations for r in self.reports)
        return Report(
            files=self.reports,
            summary=Summary(
                files=len(self.reports), findings=findings, checks=checks, errors=len(self.errors)
            ),
        )


def iter_articles(paths: Iterable[str]) -> Iterator[str]:
    """Files to read, in the order given; folders are walked for articles in sorted order.

    A folder with no article yields its own name behind a NUL, for the caller to report.
    """
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
            )
            if not found:
                yield f"\0{name}"
            yield from found
        else:
            yield name


def documents(
    paths: Iterable[str], *, date: dt.date | None = None, currency: str | None = None
) -> Iterator[Document | str]:
    """Each article read and parsed, or the one-line error that says why it could not be."""
    for name in iter_articles(paths):
        if name.startswith("\0"):
            yield f"{name[1:]}: no articles (*.md, *.markdown, *.txt) in this folder"
            continue
        try:
            yield read_document(name, date=date, currency=currency)
        except ConsistencyError as exc:
            yield str(exc)


def check_paths(paths: Iterable[str], run: Settings) -> Outcome:
    """Check every article; a file that cannot be read is an error line, the rest still checked."""
    outcome = Outcome()
    for document in documents(paths, date=run.date, currency=run.currency):
        if isinstance(document, str):
            outcome.errors.append(document)
        else:
            outcome.reports.append(check_document_report(document, run))
    return outcome
