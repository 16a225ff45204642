"""The command line: `consistency extract PATH...` (and, as the project grows, `check`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from consistency import __version__
from consistency.document import read_document
from consistency.errors import ConsistencyError
from consistency.extraction import extract_claims
from consistency.models import Claim
from consistency.units import vocabulary

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


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
    return parser


def iter_articles(paths: Sequence[str]) -> Iterator[str]:
    """Files to read, in the order given; folders are walked for articles in sorted order."""
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _extract(args)
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
    for name in iter_articles(args.paths):
        if name.startswith("\0"):
            print(f"{name[1:]}: no articles (*.md, *.markdown, *.txt) in this folder", file=sys.stderr)
            status = EXIT_ERROR
            continue
        try:
            document = read_document(name, date=args.date, currency=args.currency)
            claims = extract_claims(document, vocab)
        except ConsistencyError as exc:
            print(f"{exc}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        if args.format == "json":
            files.append({"path": name, "claims": [c.json_dict() for c in claims]})
        else:
            for claim in claims:
                print(format_claim(name, claim))
    if args.format == "json":
        json.dump({"files": files}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return status


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
