"""Whole articles, one per check kind: each checks clean, and one changed figure is flagged on its line.

The articles in `tests/articles/` are written for these tests. Each mutation changes one figure of
one relation, and the checker must report exactly one finding, of that relation's kind, on the line
of the figure the finding points at. The FX table is the embedded ECB history, never a stand-in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.runner import check_text, settings

ARTICLES = Path(__file__).parent / "articles"
RUN = settings()

# (article, text as published, text with one figure changed, kind flagged, line of the finding)
MUTATIONS = [
    ("sum.md", "housing €400 million", "housing €700 million", "sum", 9),
    ("sum.md", "5 abstained", "8 abstained", "sum", 12),
    ("breakdown.md", "$21 million went", "$31 million went", "sum", 7),
    ("trade.md", "to $41.2 billion", "to $45.2 billion", "sum", 7),
    ("change.md", "hired 350 nurses", "hired 550 nurses", "change", 9),
    ("bridges.md", "291 feet longer", "391 feet longer", "change", 8),
    ("percent-change.md", "rose 12.5%", "rose 21.5%", "percent_change", 7),
    ("percent-change.md", "a drop of 18%", "a drop of 28%", "percent_change", 9),
    ("forecast.md", "6.0% increase", "6.0% decrease", "percent_change", 12),
    ("percent-of.md", "or 40 percent", "or 46 percent", "percent_of", 7),
    ("percent-of.md", "or 60 percent", "or 66 percent", "percent_of", 9),
    ("budget.md", "for 18% of", "for 21% of", "percent_of", 8),
    ("election.md", "62 percent of", "68 percent of", "percent_of", 7),
    ("percent-of.md", "with 17,214", "with 18,430", "percent_of", 11),
    ("shares-total.md", "30% take", "40% take", "shares_total", 7),
    ("margin.md", "an operating margin of 7.5%", "an operating margin of 9.5%", "percent_of", 8),
    ("margin.md", "| 10.9 |", "| 12.9 |", "percent_of", 14),
    ("conversion.md", "($442 million)", "($542 million)", "conversion", 7),
    ("conversion.md", "(3,954 acres)", "(4,954 acres)", "conversion", 9),
    ("conversion.md", "(75-mile)", "(95-mile)", "conversion", 9),
    ("ratio.md", "to 43,000", "to 53,000", "ratio", 7),
    ("ratio.md", "36,000 users", "46,000 users", "ratio", 9),
    ("ratio.md", "$18,600", "$21,600", "ratio", 11),
    ("restatement.md", "nearly 8.5 percent", "nearly 9.5 percent", "restatement", 7),
    ("restatement.md", "$41,198,750", "$44,198,750", "restatement", 9),
    ("restatement.md", "refund as $2.31 billion", "refund as $2.13 billion", "restatement", 11),
    ("date-span.md", "13-year-old", "18-year-old", "date_span", 7),
    ("date-span.md", "Varga, 54,", "Varga, 59,", "date_span", 9),
    ("date-span.md", "past six months", "past ten months", "date_span", 11),
]


def _check(name: str, text: str) -> list[tuple[str, int]]:
    report = check_text(text, RUN, path=name)
    return [(finding.kind, finding.line) for finding in report.findings]


@pytest.mark.parametrize("name", sorted(path.name for path in ARTICLES.glob("*.md")))
def test_article_as_written_checks_clean(name: str) -> None:
    """Each article is consistent as written, and its relations were really checked."""
    report = check_text((ARTICLES / name).read_text(), settings(explain=True), path=name)
    assert report.findings == []
    assert any(record.status == "passed" for record in report.checks or [])


def test_every_kind_has_an_article_mutation() -> None:
    """The mutations cover every kind of check the rules use."""
    from consistency.rules import load_rules

    kinds = {rule.spec.kind for rule in load_rules()}
    assert kinds <= {kind for *_, kind, _ in MUTATIONS}


@pytest.mark.parametrize(("name", "original", "changed", "kind", "line"), MUTATIONS)
def test_one_changed_figure_is_flagged_on_its_line(
    name: str, original: str, changed: str, kind: str, line: int
) -> None:
    """Changing one figure of a relation gives one finding, of that relation's kind, on its line."""
    text = (ARTICLES / name).read_text()
    assert text.count(original) == 1
    assert _check(name, text.replace(original, changed)) == [(kind, line)]
