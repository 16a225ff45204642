"""Rules: each rule file's own examples, the loader's errors, and the example article's checks."""

from __future__ import annotations

import math
import re
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

from consistency.errors import ConsistencyError
from consistency.patterns import compile_pattern
from consistency.rules import load_rule, load_rules
from consistency.runner import check_text, settings

from conftest import EXAMPLE

RULES = load_rules()
RUN = settings()


def _flags(rule_id: str, text: str) -> list[str]:
    report = check_text(text, settings(select=[rule_id]))
    return [f.rule for f in report.findings]


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [(rule.id, text) for rule in RULES for text in rule.spec.examples.flag],
)
def test_rule_flags_its_examples(rule_id: str, text: str) -> None:
    """Every text a rule file says must be flagged is flagged by that rule."""
    assert rule_id in _flags(rule_id, text)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [(rule.id, text) for rule in RULES for text in rule.spec.examples.passes],
)
def test_rule_passes_its_examples(rule_id: str, text: str) -> None:
    """Every text a rule file says must pass raises no finding from that rule."""
    assert _flags(rule_id, text) == []


def test_every_rule_has_examples_both_ways() -> None:
    """A rule file is its own specification: it shows what it flags and what it lets pass."""
    for rule in RULES:
        assert rule.spec.examples.flag and rule.spec.examples.passes, rule.id


def test_example_article_checks_clean_and_shows_its_arithmetic() -> None:
    """The example article passes the conversion, the time shares and 500 + 1,800 = 2,300."""
    report = check_text(EXAMPLE.read_text(), settings(explain=True), path=str(EXAMPLE))
    assert report.findings == []
    passed = {c.rule: c.arithmetic for c in report.checks or [] if c.status == "passed"}
    assert re.search(r"= \$442\.7 million", passed["fx-conversion"])
    assert "6.7767 CNY/USD (ECB, 2023-02-09)" in passed["fx-conversion"]
    assert passed["shares-total"].startswith("25 + 50 + 25 = 100%")
    assert passed["count-change"].startswith("over 500 people + nearly 1,800 people = 2,300 people")


@pytest.mark.parametrize(
    ("original", "mutation", "rule", "line"),
    [
        ("($439 million)", "($539 million)", "fx-conversion", 22),
        ("half on cars", "a third on cars", "shares-total", 9),
        ("nearly 1,800", "nearly 1,200", "count-change", 28),
    ],
)
def test_one_changed_number_is_flagged_on_its_line(
    original: str, mutation: str, rule: str, line: int
) -> None:
    """Change one figure of the example and the right rule flags the right line."""
    text = EXAMPLE.read_text()
    assert original in text
    report = check_text(text.replace(original, mutation), RUN)
    assert [(f.rule, f.line) for f in report.findings] == [(rule, line)]


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("id: x-y\nkind: conversion\nsummary: s\nmessage: m\ncolour: red\n", "colour", 5),
        ("id: x-y\nkind: teleport\nsummary: s\nmessage: m\n", "kind", 2),
        (
            'id: x-y\nkind: conversion\nsummary: s\nmessage: m\npatterns: ["{a} ({b:money})"]\n',
            "unknown kind",
            5,
        ),
        ("id: !!python/object/apply:os.system ['echo hacked']\n", "invalid rule file", 1),
        ("id: [unclosed\n", "invalid rule file", 2),
        ('id: x-y\nkind: sum\nsummary: s\nmessage: "{stated.__class__}"\n', "message may use only", 4),
        ('id: x-y\nkind: sum\nsummary: s\nmessage: "{0} is wrong"\n', "message may use only", 4),
        ("id: x-y\nkind: sum\nsummary: s\nmessage: m\nlink: javascript:alert(1)\n", "link", 5),
        ('id: x-y\nkind: sum\nsummary: s\nmessage: m\npatterns: ["{stated} , driven by {a}"]\n', "binds", 5),
    ],
)
def test_bad_rule_files_are_one_line_errors(tmp_path: Path, content: str, message: str, line: int) -> None:
    """A malformed or hostile rule file names the file and the line, and never runs code."""
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(ConsistencyError) as caught:
        load_rule(path)
    text = str(caught.value)
    assert text.startswith(f"{path}:{line}: ") and message in text and "\n" not in text


def test_patterns_match_in_linear_time() -> None:
    """A template of many skips cannot make matching backtrack: each skip is atomic."""
    pattern = compile_pattern("{a} ~ x ~ x ~ x ~ x ~ x ~ x ~ x ~ x {b}")
    sentence = "\x02count:0\x03 " + "x " * 5000
    import time

    started = time.perf_counter()
    assert pattern.regex.search(sentence) is None
    small = time.perf_counter() - started
    started = time.perf_counter()
    assert pattern.regex.search(sentence + "x " * 5000) is None
    assert time.perf_counter() - started < 3 * small + 0.05


def test_markers_survive_punctuation_spacing() -> None:
    """Punctuation is spaced out of the words around claims, never out of the claim markers."""
    from consistency.document import parse_document
    from consistency.extraction import extract_claims
    from consistency.patterns import marked_sentence
    from consistency.units import vocabulary

    document = parse_document("Of 276,568 voters, only 35,887 voted, about 13 percent.")
    claims = extract_claims(document, vocabulary())
    marked = marked_sentence(document.prose, 0, len(document.prose), list(enumerate(claims)))
    assert marked == "Of \x02count:0\x03 , only \x02count:1\x03 voted , \x02percent:2\x03 ."


@pytest.mark.parametrize(
    ("template", "sentence", "matches"),
    [
        ("(from) {a} to {b}", "rose from \x02count:0\x03 to \x02count:1\x03", True),
        ("(from) {a} to {b}", "rose (from) \x02count:0\x03 to \x02count:1\x03", False),
        ("{a} ( {b} )", "\x02count:0\x03 ( \x02count:1\x03 )", True),
    ],
)
def test_a_bracketed_word_is_a_cue_set_of_one(template: str, sentence: str, matches: bool) -> None:
    """`(from)` means the cue "from", as `(from|since)` means either, while a spaced "(" is a bracket."""
    assert (compile_pattern(template).regex.search(sentence) is not None) is matches


def test_an_open_interval_widens_without_becoming_nan() -> None:
    """'Parts never exceed their total' is an interval open above; widening it must keep it comparable."""
    from consistency.checks import Bounds

    open_above = Bounds(1.5, math.inf, "EUR")
    for tolerance in (0.0, 0.03):
        widened = open_above.widened(tolerance)
        assert widened.high == math.inf and widened.low <= 1.5
        assert widened.overlaps(Bounds(2.4, 2.4, "EUR"))


@pytest.mark.parametrize(
    ("template", "sentence"),
    [
        ("{a} (up|down) ~ {b}", "\x02count:0\x03 up-front \x02count:1\x03"),
        ("{a} vs. {b}", "\x02count:0\x03 vs. \x02count:1\x03"),
        ("{a} 2.5-fold {b}", "\x02count:0\x03 2.5-fold \x02count:1\x03"),
        ("{a} (compared with|against) {b}", "\x02count:0\x03 Compared  with \x02count:1\x03"),
        ("{a} (against|versus) {b}", "\x02count:0\x03 agaınst \x02count:1\x03"),  # dotless i
        ("{a} (up|ſince) {b}", "\x02count:0\x03 ſince \x02count:1\x03"),
        ("{a} or {b}", "\x02count:0\x03 OR \x02count:1\x03"),
        ("{a} (kept|held) {b}", "\x02count:0\x03 \u212aept \x02count:1\x03"),  # Kelvin sign
    ],
)
def test_word_runs_never_rule_out_a_match(template: str, sentence: str) -> None:
    """The set test that spares regex runs is only a necessary condition: whatever matches passes it."""
    from consistency.patterns import word_runs

    pattern = compile_pattern(template)
    runs = set(word_runs(sentence))
    assert pattern.regex.search(sentence) is not None
    assert pattern.may_match(frozenset(runs))


def test_an_edited_rule_file_is_read_again(tmp_path: Path) -> None:
    """A long-running process (the pytest fixture, an editor's server) sees a rule file's edits."""
    rule = tmp_path / "house.yaml"
    text = 'id: house\nkind: percent_change\nseverity: error\nsummary: S.\nmessage: "{stated}"\npatterns: ["up {stated:percent} to"]\n'
    rule.write_text(text, encoding="utf-8")
    assert next(r for r in load_rules([tmp_path]) if r.id == "house").spec.severity == "error"
    rule.write_text(text.replace("severity: error", "severity: warning"), encoding="utf-8")
    assert next(r for r in load_rules([tmp_path]) if r.id == "house").spec.severity == "warning"


@hypothesis.settings(max_examples=500, deadline=None)
@hypothesis.given(
    st.text(alphabet=st.characters(codec="utf-8")) | st.text(alphabet=st.characters(max_codepoint=127))
)
def test_word_runs_are_the_regex_runs_of_the_folded_text(text: str) -> None:
    """The byte-table shortcut for ASCII text finds exactly the runs the regex finds."""
    from consistency.patterns import word_runs

    folded = text.lower().translate(str.maketrans({"ı": "i", "ſ": "s"}))
    assert word_runs(text) == re.findall(r"[a-z0-9]+", folded)


def test_literal_words_match_case_blind_through_the_whole_check(tmp_path: Path) -> None:
    """A pattern's literal word is found where the regex would find it, dotless i included."""
    (tmp_path / "gap.yaml").write_text(
        'id: house-gap\nkind: sum\nsummary: S.\nmessage: "{stated} is off"\n'
        'patterns: ["{x} against {y} , a gap of {difference}"]\n',
        encoding="utf-8",
    )
    run = settings(rule_folders=[tmp_path], select=["house-gap"])
    for word in ("against", "AGAINST", "agaınst"):
        text = f"Exports were $16.17 billion {word} $10.21 billion, a gap of $7.96 billion."
        assert [f.rule for f in check_text(text, run).findings] == ["house-gap"], word
