"""Check articles end to end: read, extract, run the rules, and gather the report."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from consistency.checking import check_document
from consistency.config import Config, Level, config_for
from consistency.document import Document, parse_document, read_document
from consistency.errors import ConsistencyError
from consistency.extraction import extract_claims
from consistency.findings import FileReport, Finding, Report, Summary, finding, record
from consistency.fx import FxTable, csv_table, ecb_table
from consistency.rules import Rule, load_rules, select_rules
from consistency.suppressions import UNUSED, Suppression, apply_suppressions, read_suppressions
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
    # Ids and kinds of every rule loaded (for suppressions naming a rule that does not exist), and
    # whether a suppression that silences nothing is reported.
    known_rules: frozenset[str] = frozenset()
    unused_suppressions: bool = True
    # Bad rule files and FX rows left out of these settings, as one-line errors for the run to report.
    problems: tuple[str, ...] = ()


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
    select, ignore = tuple(select), tuple(ignore)
    problems: list[ConsistencyError] = []
    loaded = load_rules(rule_folders, problems)
    rules = select_rules(loaded, select, ignore)
    fx, table_problems = _csv_table(fx_table) if fx_table else (ecb_table(), ())
    known = frozenset(name for rule in loaded for name in (rule.id, rule.spec.kind))
    unused = UNUSED not in ignore and (not select or UNUSED in select)
    shown = tuple(str(problem) for problem in (*problems, *table_problems))
    return Settings(rules, fx, date, currency, explain, fail_level, known, unused, shown)


@functools.lru_cache(maxsize=32)
def _csv_table(path: Path) -> tuple[FxTable, tuple[ConsistencyError, ...]]:
    """A newsroom's FX table and its bad rows, read once however many configurations name it."""
    problems: list[ConsistencyError] = []
    return csv_table(path, problems), tuple(problems)


def check_document_report(document: Document, run: Settings) -> FileReport:
    """One article's report."""
    return report_and_claims(document, run)[0]


def report_and_claims(document: Document, run: Settings) -> tuple[FileReport, int]:
    """One article's report, and how many numbers (claims other than dates) it holds."""
    claims = extract_claims(document, vocabulary())
    results = check_document(document, claims, run.rules, run.fx, run.date)
    involved = {id(c) for r in results for c in r.claims}
    numbers = [c for c in claims if c.kind != "date"]
    findings = [finding(r) for r in results if r.status == "failed"]
    if suppressions := read_suppressions(document.source):
        findings = _suppressed(findings, suppressions, run)
    report = FileReport(
        path=document.path,
        findings=findings,
        checks=[record(r) for r in results] if run.explain else None,
        claims=len(numbers) if run.explain else None,
        unchecked_claims=sum(1 for c in numbers if id(c) not in involved) if run.explain else None,
        relations=sum(1 for r in results if r.status != "unchecked"),
    )
    return report, len(numbers)


def _suppressed(findings: list[Finding], suppressions: list[Suppression], run: Settings) -> list[Finding]:
    """The findings the article's comments leave, in reading order, and its unused suppressions."""
    active = frozenset(name for rule in run.rules for name in (rule.id, rule.spec.kind))
    kept = apply_suppressions(findings, suppressions, active, run.known_rules)
    if not run.unused_suppressions:
        kept = [found for found in kept if found.rule != UNUSED]
    return sorted(kept, key=lambda found: (found.line, found.column))


def check_text(text: str, run: Settings, *, path: str = "<text>") -> FileReport:
    """Check article text given as a string."""
    return check_document_report(parse_document(text, path=path, date=run.date, currency=run.currency), run)


@dataclass
class Outcome:
    """Reports of the files that could be read, and one-line errors for those that could not."""

    reports: list[FileReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    runs: list[Settings] = field(default_factory=list)  # the settings each report was checked with
    documents: list[Document] = field(default_factory=list)  # each article read, when asked to keep them

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


def check_paths(
    paths: Iterable[str],
    run: Settings | Options,
    *,
    keep_documents: bool = False,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Check every article; a file that cannot be read is an error line, the rest still checked.

    Given `Settings`, every article is checked with them; given `Options`, each article with its
    own configuration (the nearest `pyproject.toml` or `.consistency.toml`), the options winning.
    `keep_documents` keeps each article read, for a report that shows the articles themselves.
    With `jobs` above 1 the articles are checked by that many worker processes; the outcome is the
    same as one process gives, in the same order. `progress` is told how many articles each step
    finished.
    """
    outcome = Outcome()
    articles = Articles(run)
    names = list(iter_articles(paths))
    if jobs > 1 and len(names) > jobs * _CHUNK:
        checked = _in_parallel(names, run, keep_documents, jobs)
    else:
        checked = (articles.check(name, keep_documents) for name in names)
    for name, (report, error, document) in zip(names, checked, strict=True):
        if progress is not None:
            progress(1)
        # A broken config, a bad rule file or FX row is one line, not one per article.
        for problem in (*articles.problems(name), *([] if error is None else [error])):
            if problem not in outcome.errors:
                outcome.errors.append(problem)
        if error is not None:
            continue
        assert report is not None
        outcome.reports.append(report)
        outcome.runs.append(articles.settings(name))
        if document is not None:
            outcome.documents.append(document)
    return outcome


# One article's result: its report, or the one-line error that says why it has none; and the
# article itself when asked to keep it.
Checked = tuple[FileReport | None, str | None, Document | None]
_CHUNK = 16  # articles a worker takes at a time: few enough to balance, enough to cost little to send


class Articles:
    """Checks articles one by one with their settings, each configuration read once."""

    def __init__(self, run: Settings | Options) -> None:
        self.run = run
        self.configs: dict[Path, Config] = {}
        self.resolved: dict[tuple[Path | None, tuple[str, ...]], Settings] = {}

    def settings(self, name: str) -> Settings:
        """The settings an article is checked with."""
        if isinstance(self.run, Settings):
            return self.run
        return _configured(name, self.run, self.configs, self.resolved)

    def problems(self, name: str) -> tuple[str, ...]:
        """What the article's settings had to leave out (bad rule files, bad FX rows)."""
        if name.startswith("\0"):
            return ()
        try:
            return self.settings(name).problems
        except ConsistencyError:
            return ()  # the settings could not be made at all: the article's own error says why

    def check(self, name: str, keep_document: bool = False) -> Checked:
        """One article's report, or why it has none."""
        if name.startswith("\0"):
            return None, f"{name[1:]}: no articles (*.md, *.markdown, *.txt) in this folder", None
        try:
            article_run = self.settings(name)
            document = read_document(name, date=article_run.date, currency=article_run.currency)
        except ConsistencyError as exc:
            return None, str(exc), None
        return check_document_report(document, article_run), None, document if keep_document else None


# The worker processes' own checker, made once per process by `_start_worker`.
_WORKER: list[Articles] = []


def _start_worker(run: Settings | Options) -> None:
    """A worker leaves Ctrl-C to the parent, which stops the pool, and checks with its own caches."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER[:] = [Articles(run)]


def _check_chunk(chunk: tuple[list[str], bool]) -> list[Checked]:
    names, keep_documents = chunk
    articles = _WORKER[0]
    return [articles.check(name, keep_documents) for name in names]


def _in_parallel(
    names: list[str], run: Settings | Options, keep_documents: bool, jobs: int
) -> Iterator[Checked]:
    """Each article's result, in the order given, from a pool of `jobs` worker processes."""
    methods = multiprocessing.get_all_start_methods()
    # fork hands each worker the rules and FX table already loaded; elsewhere they load their own
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunks = [(names[at : at + _CHUNK], keep_documents) for at in range(0, len(names), _CHUNK)]
    pool = context.Pool(jobs, initializer=_start_worker, initargs=(run,))
    try:
        for results in pool.imap(_check_chunk, chunks):
            yield from results
        pool.close()
    except BaseException:
        pool.terminate()  # Ctrl-C or an error: stop the workers now, not after their chunks
        raise
    finally:
        pool.join()


def settings_for(config: Config, options: Options, article: str = "-") -> Settings:
    """The settings for one article: the options over its configuration over the defaults."""
    values = config.values
    # A rule the command line selects by name is checked even where the configuration ignores it.
    configured = (*values.ignore, *config.ignored_for(article))
    ignore = options.ignore or tuple(name for name in configured if name not in options.select)
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
