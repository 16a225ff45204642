"""Shared helpers: the example article and a one-claim extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

import consistency
from consistency.models import Claim

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xiaomi-auto.md"
# A one-sentence newsroom article, dated so the ECB rate of 2023-02-09 applies: clean, and with its
# conversion $100 million off (an fx-conversion finding on line 5, column 31).
DATED = "---\ndate: 2023-02-10\n---\n\n"
CLEAN_ARTICLE = DATED + "The unit drew 3 billion yuan ($439 million) of investment.\n"
WRONG_ARTICLE = DATED + "The unit drew 3 billion yuan ($539 million) of investment.\n"


def quantities(text: str, **kwargs: object) -> list[Claim]:
    """The non-date claims in `text`."""
    return [c for c in consistency.extract(text, **kwargs) if c.kind != "date"]  # type: ignore[arg-type]


def only(text: str, **kwargs: object) -> Claim:
    """The one non-date claim in `text`; fails the test when there is not exactly one."""
    found = quantities(text, **kwargs)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.fixture
def example_path() -> Path:
    """The bundled example article (the seed's figures, in the project's own words)."""
    return EXAMPLE
