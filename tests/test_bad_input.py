"""Bad input, each case a row of the README's table: the command, its one-line error, exit status 2.

Every case is checked beside a good article, which must still be checked and reported: one bad
file never costs the others their result.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT, WRONG_ARTICLE

GOOD = WRONG_ARTICLE  # "good": readable, whatever it says
GOOD_FINDING = "good.md:5:31: fx-conversion $539 million does not match its conversion"
# The good article is still checked, whatever else is wrong: with the good rules and good FX rows.
RULE = 'id: house\nkind: percent_change\nsummary: S.\nmessage: "{stated} is off"\n'


@dataclass(frozen=True)
class Case:
    """One bad input: the files it needs, the command's arguments and the one line it must print."""

    input: str
    files: dict[str, str | bytes]
    args: tuple[str, ...]
    error: str
    status: int = 2
    folders: tuple[str, ...] = field(default=())


CASES = [
    Case("a missing path", {}, ("missing.md",), "missing.md: no such file"),
    Case(
        "a folder with no articles",
        {"notes/readme.rst": "Notes."},
        ("notes",),
        "notes: no articles (*.md, *.markdown, *.txt) in this folder",
    ),
    Case(
        "binary content",
        {"photo.md": b"\x89PNG\r\n\x1a\n\x00\x00"},
        ("photo.md",),
        "photo.md: binary content (NUL byte), not an article",
    ),
    Case(
        "text that is not UTF-8",
        {"latin1.md": b"Le caf\xe9 co\xfbte 5 euros.\n"},
        ("latin1.md",),
        "latin1.md:1: not UTF-8 text (byte 0xe9 at offset 6)",
    ),
    Case(
        "broken front matter",
        {"front.md": "---\ndate: [2023\n---\n\nText.\n"},
        ("front.md",),
        "front.md:2: broken front matter: did not find expected ',' or ']'",
    ),
    Case(
        "a date that is no date",
        {"date.md": "---\ndate: 2023-02-30\n---\n\nText.\n"},
        ("date.md",),
        "date.md:2: front matter date is not a date (YYYY-MM-DD): day is out of range for month",
    ),
    Case(
        "an unknown currency in front matter",
        {"money.md": "---\ncurrency: DOLLARS\n---\n\nIt cost $5.\n"},
        ("money.md",),
        "money.md:2: front matter currency 'DOLLARS' is not an ISO 4217 code",
    ),
    Case(
        "a huge file",
        {"huge.md": "The fund grew 5%. " * 600_000},
        ("huge.md",),
        "huge.md: 10.8 MB, more than the 10 MB an article may be",
    ),
    Case(
        "a rule file that is not YAML",
        {"house/broken.yaml": "id: [house\n"},
        ("--rules", "house", "good.md"),
        "house/broken.yaml:2: invalid rule file: did not find expected ',' or ']'",
    ),
    Case(
        "a rule file with a YAML tag",
        {"house/tag.yaml": "id: !!python/object/apply:os.system ['touch hacked']\n"},
        ("--rules", "house", "good.md"),
        "house/tag.yaml:1: invalid rule file: could not determine a constructor for the tag"
        " 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    Case(
        "a rule of unknown kind",
        {"house/kind.yaml": RULE.replace("percent_change", "teleport")},
        ("--rules", "house", "good.md"),
        "house/kind.yaml:2: kind: Input should be 'sum', 'change', 'percent_change', 'percent_of',"
        " 'shares_total', 'conversion', 'ratio', 'restatement' or 'date_span'",
    ),
    Case(
        "a pattern with no end of skips",
        {"house/gaps.yaml": RULE + 'patterns: ["{stated:percent}' + " ~ x" * 12 + '"]\n'},
        ("--rules", "house", "good.md"),
        "house/gaps.yaml:5: pattern '{stated:percent}" + " ~ x" * 12 + "' needs 1 to 24 tokens",
    ),
    Case(
        "an FX table with a bad row",
        {"rates.csv": "date,base,quote,rate\n2023-02-09,USD,CNY,6.7767\n2023-02-10,USD,CNY,six\n"},
        ("--fx-table", "rates.csv", "good.md"),
        "rates.csv:3: FX row must be date,base,quote,rate (YYYY-MM-DD, ISO codes, a positive number)",
    ),
    Case(
        "a configuration key that does not exist",
        {"desk/.consistency.toml": 'fail-level = "error"\ncolour = "red"\n', "desk/story.md": GOOD},
        ("desk/story.md",),
        "desk/.consistency.toml:2: colour: unknown key",
    ),
]


def consistency(args: tuple[str, ...], folder: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "consistency", "check", *args]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("case", CASES, ids=[case.input for case in CASES])
def test_bad_input_is_one_line_and_the_good_article_is_still_checked(case: Case, tmp_path: Path) -> None:
    """The bad input's one line on standard error, exit 2, no traceback; the good article's finding."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    for name, content in case.files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    args = case.args if "good.md" in case.args else (*case.args, "good.md")
    done = consistency(args, tmp_path)
    assert done.returncode == case.status, done.stderr
    assert done.stderr.startswith(case.error), done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    if "desk" not in case.input and "configuration" not in case.input:
        assert GOOD_FINDING in done.stdout
    assert not (tmp_path / "hacked").exists()


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    """A path that is no regular file (a FIFO would block the read forever) is a one-line error."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    done = consistency(("pipe.md", "good.md"), tmp_path)
    assert (done.returncode, done.stderr) == (2, "pipe.md: not a regular file\n")
    assert GOOD_FINDING in done.stdout


def test_empty_files_are_clean(tmp_path: Path) -> None:
    """An empty article has nothing to contradict: exit 0, nothing printed."""
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("\n\n  \n", encoding="utf-8")
    done = consistency(("empty.md", "blank.txt"), tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "Found 0 finding(s) in 2 file(s).\n", "")


def test_the_readme_table_lists_every_case() -> None:
    """The README's bad-input table is this file's table: each input, its command and its line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for case in CASES:
        shown_args = " ".join(case.args)
        row = f"| {case.input} | `consistency check {shown_args}` | `{case.error}"
        assert row in readme, row
