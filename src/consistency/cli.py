"""The command line: `consistency check PATH...`, `consistency extract PATH...`, `consistency rules
[ID]` and `consistency audit SOURCE --out DIR`, in ruff's habits."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from consistency import __version__
from consistency.config import DEFAULTS, config_for
from consistency.errors import ConsistencyError
from consistency.extraction import extract_claims
from consistency.findings import FileReport, Finding, Report
from consistency.html_report import ArticleView, html_page
from consistency.models import Claim
from consistency.report import github, sarif
from consistency.rules import Rule, load_rules, select_rules
from consistency.runner import LEVELS, Options, Outcome, Settings, check_paths, documents, settings_for
from consistency.units import vocabulary

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return jobs


def _megabytes(text: str) -> float:
    try:
        size = float(text)
    except ValueError:
        size = 0.0
    if not 0.001 <= size <= 10_000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a partition size in MB (0.001 to 10000)")
    return size


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="consistency", description="Find numbers in news articles that contradict each other."
    )
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print every numeric claim with its interval and unit")
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files or folders; - reads standard input"
    )
    extract.add_argument("--format", choices=("text", "json"), default="text")
    extract.add_argument("--date", type=_date, help="the article date (overrides front matter)")
    extract.add_argument("--currency", help="what a bare $ or ¥ means (overrides front matter)")

    check = commands.add_parser("check", help="find numbers that contradict each other")
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files or folders; - reads standard input"
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github", "html"),
        default="text",
        help="html: one self-contained page showing the articles, for an editor",
    )
    check.add_argument("--explain", action="store_true", help="also list passed and unchecked relations")
    check.add_argument(
        "--fail-level", choices=tuple(LEVELS), help="lowest severity that fails (default: error)"
    )
    check.add_argument(
        "--no-config", action="store_true", help="ignore pyproject.toml and .consistency.toml files"
    )
    check.add_argument(
        "--select", action="append", default=[], metavar="RULE", help="only these rule ids or kinds"
    )
    check.add_argument(
        "--ignore", action="append", default=[], metavar="RULE", help="leave out these rule ids or kinds"
    )
    check.add_argument(
        "--rules", action="append", default=[], type=Path, metavar="DIR", help="another rules folder"
    )
    check.add_argument("--fx-table", type=Path, metavar="CSV", help="exchange rates: date,base,quote,rate")
    check.add_argument("--date", type=_date, help="the article date (overrides front matter)")
    check.add_argument("--currency", help="what a bare $ or ¥ means (overrides front matter)")
    check.add_argument(
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes for many articles (default: the machine's cores)",
    )

    audit = commands.add_parser(
        "audit",
        help="check a whole archive on a Dask cluster, into Parquet and a summary page",
        description="Check every article of SOURCE (a folder of articles, a JSON Lines file or Parquet) "
        "on Dask; findings and articles go to DIR as Parquet datasets, with DIR/summary.html. "
        "Run again with the same arguments to finish an audit that was stopped.",
    )
    audit.add_argument("source", metavar="SOURCE", type=Path, help="folder, .jsonl file, or Parquet")
    audit.add_argument("--out", required=True, type=Path, metavar="DIR", help="where the results go")
    audit.add_argument(
        "--workers", type=_jobs, metavar="N", help="local worker processes (default: the machine's cores)"
    )
    audit.add_argument(
        "--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786"
    )
    audit.add_argument(
        "--rules", action="append", default=[], type=Path, metavar="DIR", help="another rules folder"
    )
    audit.add_argument("--fx-table", type=Path, metavar="CSV", help="exchange rates: date,base,quote,rate")
    audit.add_argument(
        "--partition-mb",
        type=_megabytes,
        default=2.0,
        metavar="MB",
        help="about this much article text per partition (default: 2; Parquet goes by row group)",
    )

    rules = commands.add_parser("rules", help="list the rules, or show one rule's documentation")
    rules.add_argument("rule", nargs="?", metavar="ID", help="a rule id: print its docs and examples")
    rules.add_argument(
        "--rules", action="append", default=[], type=Path, metavar="DIR", help="another rules folder"
    )
    rules.add_argument(
        "--no-config", action="store_true", help="ignore pyproject.toml and .consistency.toml files"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "rules":
            return _rules(args)
        if args.command == "audit":
            return _audit(args)
        return _check(args) if args.command == "check" else _extract(args)
    except KeyboardInterrupt:
        print("consistency: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS
    except ConsistencyError as exc:
        print(f"{exc}", file=sys.stderr)
        return EXIT_ERROR


def _extract(args: argparse.Namespace) -> int:
    vocab = vocabulary()
    status = EXIT_CLEAN
    files: list[dict[str, object]] = []
    for document in documents(args.paths, date=args.date, currency=args.currency):
        if isinstance(document, str):
            print(document, file=sys.stderr)
            status = EXIT_ERROR
            continue
        claims = extract_claims(document, vocab)
        if args.format == "json":
            files.append({"path": document.path, "claims": [c.json_dict() for c in claims]})
        else:
            for claim in claims:
                print(format_claim(document.path, claim))
    if args.format == "json":
        json.dump({"files": files}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return status


def _check(args: argparse.Namespace) -> int:
    options = Options(
        rule_folders=tuple(args.rules),
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        fx_table=args.fx_table,
        date=args.date,
        currency=args.currency,
        explain=args.explain or args.format == "html",  # the page shows what passed too
        fail_level=args.fail_level,
    )
    run: Settings | Options = options
    if args.no_config:
        run = settings_for(DEFAULTS, options)
    with _progress_bar() as progress:
        outcome = check_paths(
            args.paths, run, keep_documents=args.format == "html", jobs=args.jobs, progress=progress
        )
    report = outcome.report()
    for error in outcome.errors:
        print(error, file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(exclude_none=True) + "\n")
    elif args.format == "sarif":
        # With no article checked, the rules the defaults would use still describe the run.
        rules = outcome.rules() or settings_for(DEFAULTS, options).rules
        sys.stdout.write(sarif(report, rules))
    elif args.format == "github":
        sys.stdout.write(github(report))
    elif args.format == "html":
        sys.stdout.write(_html(outcome, report))
    else:
        sys.stdout.write(format_report(report))
    if outcome.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if outcome.failing() else EXIT_CLEAN


def _audit(args: argparse.Namespace) -> int:
    try:
        from consistency.audit.driver import audit, progress_printer
        from consistency.audit.work import AuditSettings
    except ImportError as exc:
        raise ConsistencyError(
            f"the audit needs Dask and pyarrow ({exc.name} is missing): pip install 'consistency[archive]'"
        ) from None
    if args.workers is not None and args.scheduler is not None:
        raise ConsistencyError("--workers starts a local cluster; --scheduler uses a running one: give one")
    spec = AuditSettings(
        rule_folders=tuple(str(folder.resolve()) for folder in args.rules),
        fx_table=str(args.fx_table.resolve()) if args.fx_table else None,
    )
    outcome = audit(
        args.source,
        args.out,
        spec=spec,
        workers=args.workers,
        scheduler=args.scheduler,
        partition_size=round(args.partition_mb * 1e6),
        progress=progress_printer(),
    )
    if outcome.already_done == outcome.partitions:
        print(f"audit: all {outcome.partitions} partitions were already done; nothing to do", file=sys.stderr)
    else:
        print(
            f"audit: {_count(outcome.partitions - outcome.already_done, 'partition')}, {outcome.articles:,} articles, "
            f"{outcome.findings:,} findings, {outcome.errors:,} unreadable, in {outcome.seconds:.1f} s; "
            f"see {args.out / 'summary.html'}",
            file=sys.stderr,
        )
    return EXIT_CLEAN


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _rules(args: argparse.Namespace) -> int:
    config = DEFAULTS if args.no_config else config_for("-")
    folders = args.rules or config.rule_folders()
    rules = select_rules(load_rules(folders), config.values.select, config.values.ignore)
    if args.rule is None:
        sys.stdout.write(format_rule_list(rules))
        return EXIT_CLEAN
    chosen = next((rule for rule in rules if rule.id == args.rule), None)
    if chosen is None:
        near = difflib.get_close_matches(args.rule, [rule.id for rule in rules], n=3)
        hint = f"did you mean {' or '.join(near)}?" if near else "`consistency rules` lists them"
        print(f"consistency: no rule {args.rule!r}; {hint}", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(format_rule(chosen))
    return EXIT_CLEAN


def format_rule_list(rules: Sequence[Rule]) -> str:
    """One line per rule, sorted by id: id, kind, severity and what it checks, in aligned columns."""
    ordered = sorted(rules, key=lambda rule: rule.id)
    width = max((len(rule.id) for rule in ordered), default=0)
    kind_width = max((len(rule.spec.kind) for rule in ordered), default=0)
    return "".join(
        f"{rule.id:<{width}}  {rule.spec.kind:<{kind_width}}  {rule.spec.severity:<7}  {rule.spec.summary}\n"
        for rule in ordered
    )


def format_rule(rule: Rule) -> str:
    """A rule's documentation: summary, docs, patterns, options and the examples it must flag and pass."""
    spec = rule.spec
    parts = [f"{spec.id} ({spec.kind}, {spec.severity})", spec.summary]
    if spec.docs.strip():
        parts.append(spec.docs.strip())
    if spec.patterns:
        parts.append("Patterns:\n" + "".join(f"  {pattern}\n" for pattern in spec.patterns).rstrip())
    if spec.options:
        parts.append("Options:\n" + "".join(f"  {k}: {v}\n" for k, v in spec.options.items()).rstrip())
    for title, texts in (("Flags", spec.examples.flag), ("Passes", spec.examples.passes)):
        if texts:
            parts.append(f"{title}:\n" + "".join(f"  - {_one_line(text)}\n" for text in texts).rstrip())
    parts.append(f"Docs: {rule.docs_link}")
    return "\n\n".join(parts) + "\n"


def _one_line(text: str) -> str:
    """An example as one line: front matter and line breaks shown as \\n, as the rule file writes them."""
    return text.replace("\n", "\\n")


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int], None] | None]:
    """A progress bar on standard error when it is a terminal; nothing when output goes to a file or CI."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    # Shown only once a run lasts: a single article checks faster than the bar could draw.
    with tqdm(unit=" articles", file=sys.stderr, delay=0.5, leave=False) as bar:

        def advance(articles: int) -> None:
            bar.update(articles)

        yield advance


def _html(outcome: Outcome, report: Report) -> str:
    """The editor's page: each article with its claims, findings and passed checks."""
    vocab = vocabulary()
    articles = [
        ArticleView(document, tuple(extract_claims(document, vocab)), file)
        for document, file in zip(outcome.documents, report.files, strict=True)
    ]
    return html_page(articles, report.summary, outcome.errors)


def format_report(report: Report) -> str:
    """The report as text: `path:line:col: rule message`, then the arithmetic and the fix."""
    lines: list[str] = []
    for file in report.files:
        lines.extend(format_finding(file, f) for f in file.findings)
        for check in file.checks or []:
            if check.status != "failed":
                detail = check.arithmetic or check.reason
                lines.append(f"{file.path}:{check.line}: {check.status} {check.rule}: {detail}")
        if file.checks is not None:
            lines.append(
                f"{file.path}: {len(file.checks)} relations checked; "
                f"{file.unchecked_claims} of {file.claims} numbers took part in no check"
            )
    total = report.summary
    if total.findings or total.files > 1:
        lines.append(f"Found {total.findings} finding(s) in {total.files} file(s).")
    return "".join(line + "\n" for line in lines)


def format_finding(file: FileReport, found: Finding) -> str:
    """One finding in ruff's habit, with its arithmetic and the expected fix on the next lines."""
    arithmetic = f"    = {found.arithmetic}\n" if found.arithmetic else ""
    return f"{file.path}:{found.line}:{found.column}: {found.rule} {found.message}\n{arithmetic}    ? {found.suggestion}"


def format_claim(path: str, claim: Claim) -> str:
    """One claim as `path:line:col: kind unit nominal (low to high, qualifier) "text"`."""
    if claim.kind == "date":
        value = claim.iso or ""
    else:
        bounds = f"{_num(claim.low)} to {_num(claim.high)}"
        if claim.qualifier:
            bounds += f", {claim.qualifier}"
        value = f"{claim.unit or 'bare'} {_num(claim.nominal)} ({bounds})"
    return f'{path}:{claim.line}:{claim.column}: {claim.kind} {value} "{claim.text}"'


def _num(value: float) -> str:
    """A figure as an editor reads it: thousands grouped, no float noise."""
    return format(value, ",.15g")
