"""`consistency rules`: the rule list an editor reads, and one rule's documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.cli import main
from consistency.rules import load_rules


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_rules_lists_every_rule_with_kind_severity_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """One line per built-in rule, sorted by id, naming its kind, severity and what it checks."""
    status, out, _ = run(["rules", "--no-config"], capsys)
    assert status == 0
    lines = out.splitlines()
    rules = sorted(load_rules(), key=lambda rule: rule.id)
    assert [line.split()[0] for line in lines] == [rule.id for rule in rules]
    for line, rule in zip(lines, rules, strict=True):
        assert line.split()[1:3] == [rule.spec.kind, rule.spec.severity]
        assert line.endswith(rule.spec.summary)


def test_one_rule_prints_its_docs_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """`consistency rules ID` shows the docs, the patterns and every example the rule must flag or pass."""
    status, out, _ = run(["rules", "--no-config", "fx-conversion"], capsys)
    assert status == 0
    rule = next(rule for rule in load_rules() if rule.id == "fx-conversion")
    assert out.startswith("fx-conversion (conversion, error)\n")
    assert rule.spec.docs.strip().splitlines()[0] in out
    for pattern in rule.spec.patterns:
        assert f"  {pattern}\n" in out
    for text in (*rule.spec.examples.flag, *rule.spec.examples.passes):
        assert f"  - {text.replace(chr(10), chr(92) + 'n')}\n" in out
    assert out.rstrip().endswith(rule.docs_link)


def test_an_unknown_rule_is_an_error_with_the_nearest_ids(capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped id exits 2 with one line naming what it may have meant."""
    status, out, err = run(["rules", "--no-config", "fx-convresion"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("consistency: no rule 'fx-convresion'; did you mean fx-conversion")
    assert err.count("\n") == 1


def test_rules_from_another_folder_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A newsroom's own rules folder shows up beside the built-in rules."""
    (tmp_path / "house-style.yaml").write_text(
        "id: house-growth\nkind: percent_change\nseverity: warning\nsummary: Our own growth rule.\n"
        'message: "{stated} is off"\npatterns:\n  - "up {stated:percent} to"\n',
        encoding="utf-8",
    )
    status, out, _ = run(["rules", "--no-config", "--rules", str(tmp_path)], capsys)
    assert status == 0
    assert "house-growth" in out and "percent_change  warning  Our own growth rule." in out


def test_rules_follow_the_configuration_of_the_working_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rules the project's configuration ignores are not listed."""
    (tmp_path / ".consistency.toml").write_text('ignore = ["fx-conversion"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["rules"], capsys)
    assert status == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert "fx-conversion" not in listed and "unit-conversion" in listed
