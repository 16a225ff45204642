"""Check articles end to end: read, extract, run the rules, and gather the report."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from consistency.checking import check_document
from consistency.config import Config, Level, config_for
from consistency.document import Document, parse_document, read_document
from consistency.errors import ConsistencyError
from consistency.extraction import extract_claims
from consistency.findings import FileReport, Report, Summary, finding, record
from consistency.fx import FxTable, csv_table, ecb_table
from consistency.rules import Rule, load_rules, select_rules
from consistency.units import vocabulary

ARTICLE_SUFFIXES: Final = (".md", ".markdown", ".txt")
LEVELS: Final = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Settings:
    """What a run of the checker uses: rules, FX table, date, and what to report."""

    rules: list[Rule]
    fx: FxTable
    date: dt.date | None = None
    currency: str | None = None
    explain: bool = False
    fail_level: Level = "error"


@dataclass(frozen=True)
class Options:
    """What the command line asks for; an option left empty takes the article's configuration."""

    rule_folders: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fx_table: Path | None = None
    date: dt.date | None = None
    currency: str | None = None
    explain: bool = False
    fail_level: Level | None = None


def settings(
    *,
    rule_folders: Iterable[Path] = (),
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    fx_table: Path | None = None,
    date: dt.date | None = None,
    currency: str | None = None,
    explain: bool = False,
    fail_level: Level = "error",
) -> Settings:
    """Load rules and the FX table once for a run."""
    rules = select_rules(load_rules(rule_folders), select, ignore)
    fx = _csv_table(fx_table.resolve()) if fx_table else ecb_table()
    return Settings(rules, fx, date, currency, explain, fail_level)


@functools.lru_cache(maxsize=32)
def _csv_table(path: Path) -> FxTable:
    """A newsroom's FX table, read once however many configurations name it."""
    return csv_table(path)


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
    runs: list[Settings] = field(default_factory=list)  # the settings each report was checked with

    def failing(self) -> bool:
        """Whether any finding is at or above the fail level of its article's settings."""
        return any(
            LEVELS[found.severity] >= LEVELS[run.fail_level]
            for report, run in zip(self.reports, self.runs, strict=True)
            for found in report.findings
        )

    def rules(self) -> list[Rule]:
        """Every rule any article was checked with, once each."""
        by_id = {rule.id: rule for run in self.runs for rule in run.rules}
        return list(by_id.values())

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


def check_paths(paths: Iterable[str], run: Settings | Options) -> Outcome:
    """Check every article; a file that cannot be read is an error line, the rest still checked.

    Given `Settings`, every article is checked with them; given `Options`, each article with its
    own configuration (the nearest `pyproject.toml` or `.consistency.toml`), the options winning.
    """
    outcome = Outcome()
    resolved: dict[tuple[Path | None, tuple[str, ...]], Settings] = {}
    configs: dict[Path, Config] = {}
    for name in iter_articles(paths):
        if name.startswith("\0"):
            outcome.errors.append(f"{name[1:]}: no articles (*.md, *.markdown, *.txt) in this folder")
            continue
        try:
            article_run = run if isinstance(run, Settings) else _configured(name, run, configs, resolved)
            document = read_document(name, date=article_run.date, currency=article_run.currency)
        except ConsistencyError as exc:
            if str(exc) not in outcome.errors:  # a broken config is one line, not one per article
                outcome.errors.append(str(exc))
            continue
        outcome.reports.append(check_document_report(document, article_run))
        outcome.runs.append(article_run)
    return outcome


def settings_for(config: Config, options: Options, article: str = "-") -> Settings:
    """The settings for one article: the options over its configuration over the defaults."""
    values = config.values
    ignore = options.ignore or (*values.ignore, *config.ignored_for(article))
    return settings(
        rule_folders=options.rule_folders or config.rule_folders(),
        select=options.select or values.select,
        ignore=ignore,
        fx_table=options.fx_table or config.fx_table(),
        date=options.date,
        currency=options.currency or values.currency,
        explain=options.explain,
        fail_level=options.fail_level or values.fail_level or "error",
    )


def _configured(
    article: str,
    options: Options,
    configs: dict[Path, Config],
    resolved: dict[tuple[Path | None, tuple[str, ...]], Settings],
) -> Settings:
    """An article's settings, built once per configuration file and set of ignored rules."""
    config = config_for(article, configs)
    key = (config.path, config.ignored_for(article))
    if key not in resolved:
        resolved[key] = settings_for(config, options, article)
    return resolved[key]
