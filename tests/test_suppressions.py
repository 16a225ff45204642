"""Suppressions: HTML comments an editor leaves in the article to silence a rule where it is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.cli import main
from consistency.runner import check_text, settings
from consistency.suppressions import read_suppressions

from conftest import DATED

WRONG_FX = "The unit drew 3 billion yuan ($539 million) of investment."
WRONG_KM = "The road runs 100 km (80 miles) to the coast."
RUN = settings()


def flagged(text: str, **options: object) -> list[tuple[int, str]]:
    """(line, rule) of each finding in the article text."""
    run = settings(**options) if options else RUN  # type: ignore[arg-type]
    return [(f.line, f.rule) for f in check_text(DATED + text, run).findings]


def test_ignore_silences_the_named_rule_in_the_next_paragraph_only() -> None:
    """The paragraph after the comment is silenced for that rule; the same slip later is still found."""
    text = f"<!-- consistency: ignore fx-conversion -->\n{WRONG_FX}\n\n{WRONG_FX}\n"
    assert flagged(text) == [(8, "fx-conversion")]


def test_ignore_names_rules_or_kinds_and_none_means_every_rule() -> None:
    """`ignore conversion` silences both conversion rules; a bare `ignore` silences everything."""
    both = f"{WRONG_FX} {WRONG_KM}\n"
    assert flagged(f"<!-- consistency: ignore conversion -->\n{both}") == []
    assert flagged(f"<!-- consistency: ignore -->\n{both}") == []
    assert flagged(f"<!-- consistency: ignore unit-conversion, fx-conversion -->\n{both}") == []
    assert flagged(f"<!-- consistency: ignore unit-conversion -->\n{both}") == [(6, "fx-conversion")]


def test_a_comment_closing_a_paragraph_covers_that_paragraph() -> None:
    """Like `# noqa` at the end of a line: the comment after the text silences the text."""
    text = f"{WRONG_KM} <!-- consistency: ignore unit-conversion -->\n\n{WRONG_KM}\n"
    assert flagged(text) == [(7, "unit-conversion")]


def test_disable_runs_until_enable_or_the_end() -> None:
    """Everything between disable and enable is silenced for the rule; after enable it is checked again."""
    text = (
        f"<!-- consistency: disable fx-conversion -->\n{WRONG_FX}\n\n{WRONG_FX}\n"
        f"<!-- consistency: enable fx-conversion -->\n\n{WRONG_FX}\n"
    )
    assert flagged(text) == [(11, "fx-conversion")]
    assert flagged(f"<!-- consistency: disable fx-conversion -->\n\n{WRONG_FX}\n\n{WRONG_FX}\n") == []


def test_a_suppression_that_silences_nothing_is_a_warning() -> None:
    """A stale comment, a mistyped rule, or an enable with no disable each get a warning on their line."""
    text = (
        f"<!-- consistency: ignore fx-conversion -->\n{WRONG_KM}\n\n"
        "<!-- consistency: ignore fx-convresion -->\nNo figures here.\n\n"
        "<!-- consistency: enable unit-conversion -->\n"
    )
    report = check_text(DATED + text, RUN)
    found = [(f.line, f.rule, f.severity, f.message) for f in report.findings]
    assert found == [
        (5, "unused-suppression", "warning", "<!-- consistency: ignore fx-conversion --> suppresses nothing"),
        (6, "unit-conversion", "error", "80 miles does not match its conversion"),
        (
            8,
            "unused-suppression",
            "warning",
            "<!-- consistency: ignore fx-convresion --> names no rule: fx-convresion",
        ),
        (
            11,
            "unused-suppression",
            "warning",
            "<!-- consistency: enable unit-conversion --> enables what was never disabled",
        ),
    ]


def test_unused_suppressions_follow_select_and_ignore() -> None:
    """`--ignore unused-suppression` drops the warning; a rule left out by `--select` is not judged."""
    text = f"<!-- consistency: ignore unit-conversion -->\n{WRONG_FX}\n"
    assert flagged(text) == [(5, "unused-suppression"), (6, "fx-conversion")]
    assert flagged(text, ignore=["unused-suppression"]) == [(6, "fx-conversion")]
    assert flagged(text, select=["fx-conversion"]) == [(6, "fx-conversion")]


def test_comments_in_fenced_code_are_text() -> None:
    """An article showing the syntax in a code block neither silences nor gets a warning."""
    text = f"```\n<!-- consistency: ignore -->\n```\n\n{WRONG_KM}\n"
    assert flagged(text) == [(9, "unit-conversion")]


def test_warnings_alone_do_not_fail_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unused suppression is reported but exits 0 at the default fail level, 1 at `warning`."""
    article = tmp_path / "story.md"
    article.write_text(f"{DATED}<!-- consistency: ignore -->\nNo figures here.\n", encoding="utf-8")
    assert main(["check", "--no-config", str(article)]) == 0
    out = capsys.readouterr().out
    assert f"{article}:5:1: unused-suppression <!-- consistency: ignore --> suppresses nothing\n" in out
    assert main(["check", "--no-config", "--fail-level", "warning", str(article)]) == 1


@given(
    st.lists(
        st.sampled_from(
            [
                "<!-- consistency: ignore a -->",
                "<!-- consistency: disable -->",
                "<!-- consistency: enable -->",
                "```",
                "",
                "text",
                "x <!--",
                "-->",
            ]
        ),
        max_size=30,
    )
)
def test_any_arrangement_of_comments_reads_without_error(pieces: list[str]) -> None:
    """Comments in any order and nesting read, each covering lines of the article in order."""
    source = "\n".join(pieces)
    lines = source.count("\n") + 1
    for suppression in read_suppressions(source):
        assert 1 <= suppression.line <= lines
        assert suppression.first_line <= suppression.last_line + 1 <= lines + 1


def test_sarif_names_the_unused_suppression_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Code scanning shows the warning under its own rule, not under whichever rule sorts first."""
    article = tmp_path / "story.md"
    article.write_text(f"{DATED}<!-- consistency: ignore -->\nNo figures here.\n", encoding="utf-8")
    main(["check", "--no-config", "--format", "sarif", str(article)])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "unused-suppression"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "unused-suppression"
    assert (
        result["message"]["text"]
        == "<!-- consistency: ignore --> suppresses nothing. Fix: remove the comment"
    )


def test_a_rule_the_configuration_leaves_out_is_not_judged_in_suppressions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Configuration first, then the comment: a suppression of a rule the project ignores is no warning,
    and selecting it on the command line brings the rule, and the judgement, back."""
    (tmp_path / ".consistency.toml").write_text('ignore = ["fx-conversion"]\n', encoding="utf-8")
    article = tmp_path / "story.md"
    article.write_text(f"{DATED}<!-- consistency: ignore fx-conversion -->\n{WRONG_KM}\n", encoding="utf-8")
    assert main(["check", str(article)]) == 1
    out = capsys.readouterr().out
    assert "unit-conversion" in out and "unused-suppression" not in out
    selected = ["--select", "fx-conversion", "--select", "unused-suppression"]
    assert main(["check", *selected, str(article)]) == 0
    assert (
        "unused-suppression <!-- consistency: ignore fx-conversion --> suppresses nothing"
        in capsys.readouterr().out
    )
