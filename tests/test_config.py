"""Configuration: found by walking up from the article, command-line options over it, errors that name the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.cli import main

from conftest import EXAMPLE

WRONG_FX = "($539 million)"  # the example's conversion, off by $100 million: an fx-conversion finding


def newsroom(tmp_path: Path, config: str, *, name: str = "pyproject.toml") -> Path:
    """A scratch newsroom repository: a config file and, in `stories/`, the example with a wrong conversion."""
    (tmp_path / name).write_text(config)
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "wrong.md").write_text(EXAMPLE.read_text().replace("($439 million)", WRONG_FX))
    return stories / "wrong.md"


def rules_flagged(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Exit status and the rule ids of the findings, from `check --format json`."""
    status = main(["check", "--format", "json", *args])
    payload = json.loads(capsys.readouterr().out)
    return status, [f["rule"] for file in payload["files"] for f in file["findings"]]


def test_pyproject_table_configures_articles_below_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`[tool.consistency]` in the repository's pyproject.toml applies to every article under it."""
    article = newsroom(
        tmp_path, '[project]\nname = "desk"\n\n[tool.consistency]\nignore = ["fx-conversion"]\n'
    )
    assert rules_flagged([str(article)], capsys) == (0, [])


def test_command_line_wins_over_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An option given on the command line replaces the file's value for that key."""
    article = newsroom(tmp_path, '[tool.consistency]\nignore = ["fx-conversion"]\n')
    assert rules_flagged(["--ignore", "shares-total", str(article)], capsys) == (1, ["fx-conversion"])
    assert rules_flagged(["--no-config", str(article)], capsys) == (1, ["fx-conversion"])
    # A rule selected by name on the command line is checked though the file ignores it.
    assert rules_flagged(["--select", "fx-conversion", str(article)], capsys) == (1, ["fx-conversion"])
    assert rules_flagged(["--select", "conversion", str(article)], capsys) == (0, [])


def test_nearest_file_wins_and_a_bare_pyproject_is_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `.consistency.toml` next to the article beats the pyproject above; a pyproject without the table is skipped."""
    article = newsroom(tmp_path, '[tool.consistency]\nselect = ["shares-total"]\n')
    (article.parent / "pyproject.toml").write_text('[project]\nname = "stories"\n')
    assert rules_flagged([str(article)], capsys) == (0, [])
    (article.parent / ".consistency.toml").write_text('fail-level = "error"\n')
    assert rules_flagged([str(article)], capsys) == (1, ["fx-conversion"])


def test_fail_level_from_the_file_and_from_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file's fail level decides the exit status unless the command line gives one."""
    rules = tmp_path / "house"
    rules.mkdir()
    spec = (Path(__file__).parents[1] / "rules" / "fx-conversion.yaml").read_text()
    (rules / "fx-conversion.yaml").write_text(spec.replace("severity: error", "severity: info"))
    article = newsroom(tmp_path, '[tool.consistency]\nrules = ["house"]\nfail-level = "warning"\n')
    assert rules_flagged([str(article)], capsys) == (0, ["fx-conversion"])
    assert rules_flagged(["--fail-level", "info", str(article)], capsys) == (1, ["fx-conversion"])


def test_per_file_ignores_match_globs_from_the_config_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`per-file-ignores` leaves rules out for the articles its globs match, and only for them."""
    article = newsroom(
        tmp_path, '[tool.consistency]\nper-file-ignores = {"stories/**" = ["fx-conversion"]}\n'
    )
    other = tmp_path / "drafts" / "wrong.md"
    other.parent.mkdir()
    other.write_text(article.read_text())
    assert rules_flagged([str(article)], capsys) == (0, [])
    assert rules_flagged([str(other)], capsys) == (1, ["fx-conversion"])


def test_fx_table_path_is_relative_to_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A newsroom's own rates, named in the file, are read from beside the file."""
    article = newsroom(tmp_path, '[tool.consistency]\nfx-table = "rates.csv"\n')
    (tmp_path / "rates.csv").write_text("date,base,quote,rate\n2023-02-09,USD,CNY,5.5658\n")
    assert rules_flagged([str(article)], capsys) == (0, [])  # 3 billion yuan at 5.57 is $539 million


@pytest.mark.parametrize(
    ("config", "file_name", "line"),
    [
        (
            '[tool.consistency]\ncolour = "red"\n',
            "pyproject.toml",
            ":2: [tool.consistency] colour: unknown key",
        ),
        (
            'fail-level = "loud"\n',
            ".consistency.toml",
            ":1: fail-level: Input should be 'error', 'warning' or 'info'",
        ),
        ("[tool.consistency\n", "pyproject.toml", ":1: invalid TOML: "),
    ],
)
def test_bad_configuration_is_one_line_naming_file_line_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, file_name: str, line: str
) -> None:
    """An unknown key, a bad value or broken TOML: exit 2 and one line with the file, line and key."""
    article = newsroom(tmp_path, config, name=file_name)
    assert main(["check", str(article)]) == 2
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and error.startswith(f"{tmp_path / file_name}{line}")


def test_python_api_reads_the_configuration_of_a_path(tmp_path: Path) -> None:
    """`consistency.check(Path(...))` follows the article's configuration; text uses the defaults."""
    import consistency

    article = newsroom(tmp_path, '[tool.consistency]\nignore = ["fx-conversion"]\n')
    assert consistency.check(article).findings == []
    assert [f.rule for f in consistency.check(article.read_text()).findings] == ["fx-conversion"]
