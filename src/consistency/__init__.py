"""consistency: find the numbers in a news article that contradict each other.

The Python API mirrors the command line: `extract` turns text into claims, `check` runs the rules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from consistency.document import parse_document
from consistency.extraction import extract_claims
from consistency.findings import FileReport
from consistency.models import Claim, FrontMatter
from consistency.units import vocabulary

__all__ = ["Claim", "FileReport", "FrontMatter", "__version__", "check", "extract"]
__version__ = "0.1.0"


def extract(text: str, *, date: dt.date | str | None = None, currency: str | None = None) -> list[Claim]:
    """Every numeric claim in Markdown `text` (front matter allowed), in reading order.

    `date` anchors "last year" and FX rates and overrides the front matter's; `currency` says
    what a bare `$` or `¥` means.
    """
    when = dt.date.fromisoformat(date) if isinstance(date, str) else date
    document = parse_document(text, date=when, currency=currency)
    return extract_claims(document, vocabulary())


def check(
    path_or_text: str | Path,
    *,
    date: dt.date | str | None = None,
    currency: str | None = None,
    rules: list[Path] | None = None,
    explain: bool = False,
) -> FileReport:
    """Check one article, given as a `Path` to read or as Markdown text, and return its report.

    A `Path` is checked with its configuration (the nearest `pyproject.toml` or `.consistency.toml`
    above it), text with the defaults; the arguments given here win over either. `rules` replaces
    the configured extra rule folders; `explain` lists every relation looked at.
    """
    from consistency.config import DEFAULTS, config_for
    from consistency.document import read_document
    from consistency.runner import Options, check_document_report, settings_for

    when = dt.date.fromisoformat(date) if isinstance(date, str) else date
    options = Options(rule_folders=tuple(rules or ()), date=when, currency=currency, explain=explain)
    if isinstance(path_or_text, Path):
        run = settings_for(config_for(str(path_or_text)), options, str(path_or_text))
        document = read_document(path_or_text, date=when, currency=run.currency)
    else:
        run = settings_for(DEFAULTS, options)
        document = parse_document(path_or_text, date=when, currency=currency)
    return check_document_report(document, run)
