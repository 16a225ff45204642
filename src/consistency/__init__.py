"""consistency: find the numbers in a news article that contradict each other.

The Python API mirrors the command line: `extract` turns text into claims.
"""

from __future__ import annotations

import datetime as dt

from consistency.document import parse_document
from consistency.extraction import extract_claims
from consistency.models import Claim, FrontMatter
from consistency.units import vocabulary

__all__ = ["Claim", "FrontMatter", "__version__", "extract"]
__version__ = "0.1.0"


def extract(text: str, *, date: dt.date | str | None = None, currency: str | None = None) -> list[Claim]:
    """Every numeric claim in Markdown `text` (front matter allowed), in reading order.

    `date` anchors "last year" and FX rates and overrides the front matter's; `currency` says
    what a bare `$` or `¥` means.
    """
    when = dt.date.fromisoformat(date) if isinstance(date, str) else date
    document = parse_document(text, date=when, currency=currency)
    return extract_claims(document, vocabulary())
