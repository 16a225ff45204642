"""The pytest plugin, driven the way a newsroom's test suite runs it (pytest's own `pytester`)."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from consistency.resources import builtin_rules_dir

from conftest import CLEAN_ARTICLE, DATED, WRONG_ARTICLE

pytest_plugins = ["pytester"]


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    """A scratch newsroom repository: one clean article, one whose conversion is wrong."""
    pytester.makefile(".md", **{"articles/clean": CLEAN_ARTICLE, "articles/wrong": WRONG_ARTICLE})
    return pytester


def test_each_article_is_one_test_and_a_failure_reads_like_the_cli(newsroom: pytest.Pytester) -> None:
    """1 passed, 1 failed; the failure shows the figures, the arithmetic and the value expected."""
    result = newsroom.runpytest("--consistency", "articles")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*consistency: wrong.md*",
            "articles/wrong.md:5:31: fx-conversion $539 million does not match its conversion*",
            "    = 3 billion CNY ÷ 6.7767 CNY/USD (ECB, 2023-02-09) = $442.7 million; stated $539 million",
            "    ? expected about $442.7 million at 6.7767 CNY/USD (ECB, 2023-02-09)",
        ]
    )
    assert "Traceback" not in result.stdout.str() and "def runtest" not in result.stdout.str()


def test_off_until_asked_for(newsroom: pytest.Pytester) -> None:
    """Without `--consistency`, articles are not tests: a suite that never asked is unchanged."""
    result = newsroom.runpytest("articles")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_an_unchanged_suite_is_served_from_the_cache(newsroom: pytest.Pytester) -> None:
    """The second run replays both results from the cache; touching one article checks it again."""
    first = newsroom.runpytest("--consistency", "articles")
    first.stdout.fnmatch_lines(["consistency: 2 article(s) checked, 0 from the cache"])
    second = newsroom.runpytest("--consistency", "articles")
    second.assert_outcomes(passed=1, failed=1)
    second.stdout.fnmatch_lines(["*$442.7 million*", "consistency: 2 article(s) checked, 2 from the cache"])
    (newsroom.path / "articles" / "wrong.md").write_text(CLEAN_ARTICLE, encoding="utf-8")
    third = newsroom.runpytest("--consistency", "articles")
    third.assert_outcomes(passed=2)
    third.stdout.fnmatch_lines(["consistency: 2 article(s) checked, 1 from the cache"])


def test_changing_a_rule_file_invalidates_the_cache(newsroom: pytest.Pytester) -> None:
    """A newsroom's rule folder (ini option) is part of the cache key: editing a rule checks again."""
    house = newsroom.path / "house-rules"
    house.mkdir()
    shutil.copy(builtin_rules_dir() / "fx-conversion.yaml", house / "fx-conversion.yaml")
    newsroom.makeini("[pytest]\nconsistency_rules = house-rules\n")
    newsroom.runpytest("--consistency", "articles").assert_outcomes(passed=1, failed=1)
    rule = house / "fx-conversion.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity: error", "severity: warning"))
    result = newsroom.runpytest("--consistency", "articles")
    result.assert_outcomes(passed=2)  # a warning does not reach the default fail level
    result.stdout.fnmatch_lines(["consistency: 2 article(s) checked, 0 from the cache"])


def test_ini_options_name_paths_globs_and_fail_level(pytester: pytest.Pytester) -> None:
    """`consistency_paths` are checked when no path is given, `consistency_globs` pick the files,
    `consistency_fail_level` sets what fails."""
    pytester.makefile(".story", **{"desk/wrong": WRONG_ARTICLE})
    pytester.makefile(".md", **{"desk/ignored": WRONG_ARTICLE})
    pytester.makeini(
        textwrap.dedent(
            """\
            [pytest]
            consistency_paths = desk
            consistency_globs = *.story
            """
        )
    )
    pytester.runpytest("--consistency").assert_outcomes(failed=1)
    (pytester.path / "desk" / "wrong.story").write_text(
        DATED + "<!-- consistency: ignore -->\nNo figures.\n", encoding="utf-8"
    )
    pytester.runpytest("--consistency").assert_outcomes(passed=1)  # an unused suppression is a warning
    pytester.makeini(
        "[pytest]\nconsistency_paths = desk\nconsistency_globs = *.story\nconsistency_fail_level = warning\n"
    )
    pytester.runpytest("--consistency").assert_outcomes(failed=1)
    pytester.makeini("[pytest]\nconsistency_fail_level = loud\n")
    result = pytester.runpytest("--consistency")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*consistency_fail_level: 'loud' is not one of info, warning, error*"])


def test_an_unreadable_article_fails_with_one_line(pytester: pytest.Pytester) -> None:
    """Broken front matter fails its item with the CLI's one-line error; the other articles still run."""
    pytester.makefile(
        ".md", **{"articles/broken": "---\ndate: someday\n---\n\nText.\n", "articles/clean": CLEAN_ARTICLE}
    )
    result = pytester.runpytest("--consistency", "articles")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["articles/broken.md:2: *someday*"])
    assert "Traceback" not in result.stdout.str()


def test_works_under_xdist(newsroom: pytest.Pytester) -> None:
    """Spread over two workers, the outcomes and the cache summary are the same as in one process."""
    pytest.importorskip("xdist", reason="pytest-xdist is not installed")
    result = newsroom.runpytest("--consistency", "articles", "-n", "2", "-p", "no:benchmark")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*$442.7 million*", "consistency: 2 article(s) checked, 0 from the cache"])
    again = newsroom.runpytest("--consistency", "articles", "-n", "2", "-p", "no:benchmark")
    again.stdout.fnmatch_lines(["consistency: 2 article(s) checked, 2 from the cache"])


def test_the_fixture_checks_generated_text(pytester: pytest.Pytester) -> None:
    """A story generated from data is checked in the test; the assertion's message reads like the CLI."""
    pytester.makepyfile(
        f"""
        import pytest

        def test_report(consistency):
            report = consistency.check({WRONG_ARTICLE.split("---")[-1].strip()!r}, date="2023-02-10")
            assert [f.rule for f in report.findings] == ["fx-conversion"]
            assert consistency.check({CLEAN_ARTICLE!r}).findings == []

        def test_assertion(consistency):
            consistency.assert_consistent({CLEAN_ARTICLE!r})
            with pytest.raises(AssertionError) as failure:
                consistency.assert_consistent({WRONG_ARTICLE!r})
            message = str(failure.value)
            assert "<text>:5:31: fx-conversion $539 million does not match" in message
            assert "? expected about $442.7 million" in message
        """
    )
    pytester.runpytest().assert_outcomes(passed=2)
