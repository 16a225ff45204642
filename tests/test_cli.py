"""The command line: `consistency extract` as newsroom scripts and editors call it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main

from conftest import EXAMPLE


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def claims_by_text(payload: str) -> dict[str, dict[str, object]]:
    files = json.loads(payload)["files"]
    return {c["text"]: c for f in files for c in f["claims"]}


def test_example_article_claims(capsys: pytest.CaptureFixture[str]) -> None:
    """The example article's figures come out as the intervals an editor would read them as."""
    status, out, _ = run(["extract", "--format", "json", str(EXAMPLE)], capsys)
    assert status == 0
    claims = claims_by_text(out)
    yuan = claims["more than 3 billion yuan"]
    assert yuan["unit"] == "CNY" and yuan["low"] >= 3e9  # type: ignore[operator]
    usd = claims["$439 million"]
    assert (usd["unit"], usd["low"], usd["high"]) == ("USD", 438.5e6, 439.5e6)
    phase = claims["3.3 billion yuan"]
    assert (phase["unit"], phase["low"], phase["high"]) == ("CNY", 3.25e9, 3.35e9)
    staff = claims["more than 2,300 R&D personnel"]
    assert staff["unit"] == "people" and staff["low"] >= 2300  # type: ignore[operator]
    assert claims["over 500 people"]["low"] >= 500  # type: ignore[operator]
    assert claims["nearly 1,800 people"]["high"] <= 1800  # type: ignore[operator]
    assert claims["140 test vehicles"]["unit"] == "vehicle"
    assert claims["10,000 offline Chinese stores"]["unit"] == "store"
    shares = [
        c for f in json.loads(out)["files"] for c in f["claims"] if c["kind"] == "percent" and c["line"] == 9
    ]
    assert [(c["text"], c["nominal"]) for c in shares] == [("a quarter", 25), ("half", 50), ("a quarter", 25)]
    assert claims["half"]["nominal"] == 50 and claims["half"]["kind"] == "percent"
    for text, low, high in (("15-20 years", 15, 20), ("6-7 years", 6, 7)):
        assert (claims[text]["kind"], claims[text]["unit"], claims[text]["low"], claims[text]["high"]) == (
            "duration",
            "year",
            low,
            high,
        )
    assert (claims["six months"]["nominal"], claims["six months"]["unit"]) == (6, "month")
    assert claims["$148,926"]["unit"] == "USD"
    assert claims["100%"]["nominal"] == 100
    assert claims["2024"]["kind"] == "date"


def test_json_claims_carry_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """Every claim in the JSON has the fields DESIGN.md promises to other tools."""
    _, out, _ = run(["extract", "--format", "json", str(EXAMPLE)], capsys)
    payload = json.loads(out)
    assert payload["files"][0]["path"] == str(EXAMPLE)
    fields = {
        "text",
        "line",
        "column",
        "end_line",
        "end_column",
        "kind",
        "unit",
        "low",
        "nominal",
        "high",
        "qualifier",
    }
    for claim in payload["files"][0]["claims"]:
        assert fields <= claim.keys()


def test_text_format_is_path_line_col(capsys: pytest.CaptureFixture[str]) -> None:
    """Text output starts each line with `path:line:col:` like ruff and flake8."""
    _, out, _ = run(["extract", str(EXAMPLE)], capsys)
    line = next(x for x in out.splitlines() if "$439 million" in x)
    assert line == f'{EXAMPLE}:22:78: currency USD 439,000,000 (438,500,000 to 439,500,000) "$439 million"'
    staff = next(x for x in out.splitlines() if "R&D personnel" in x)
    assert "count people 2,300 (2,300 to 2,350, more than)" in staff


def test_stdin_is_read_with_a_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-` reads the article from standard input."""
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"It hired 40 engineers.\n")))
    status, out, _ = run(["extract", "--format", "json", "-"], capsys)
    assert status == 0
    assert list(claims_by_text(out)) == ["40 engineers"]


def test_bad_files_are_reported_and_the_rest_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or non-UTF-8 file is a one-line error with exit 2; other files are still read."""
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"Caf\xe9 sales rose 5%.\n")
    status, out, err = run(
        ["extract", "--format", "json", str(tmp_path / "missing.md"), str(latin), str(EXAMPLE)], capsys
    )
    assert status == 2
    assert f"{tmp_path / 'missing.md'}: no such file" in err
    assert f"{latin}:1: not UTF-8 text (byte 0xe9 at offset 3)" in err
    assert len(err.strip().splitlines()) == 2
    assert [f["path"] for f in json.loads(out)["files"]] == [str(EXAMPLE)]


def test_folders_are_walked_for_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder is searched for *.md, *.markdown and *.txt; one with none is an error."""
    (tmp_path / "b.md").write_text("It hired 40 engineers.\n")
    (tmp_path / "a.txt").write_text("It sold 140 cars.\n")
    (tmp_path / "notes.csv").write_text("1,2,3\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    status, out, err = run(["extract", "--format", "json", str(tmp_path), str(empty)], capsys)
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["a.txt", "b.md"]
    assert status == 2 and "no articles" in err


def test_article_is_never_modified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The checker reads articles and never writes them."""
    article = tmp_path / "story.md"
    article.write_text(EXAMPLE.read_text())
    before = article.stat().st_mtime_ns, article.read_bytes()
    run(["extract", str(article)], capsys)
    assert (article.stat().st_mtime_ns, article.read_bytes()) == before


def test_console_script_runs() -> None:
    """The installed `consistency` command runs the same CLI."""
    done = subprocess.run(
        [sys.executable, "-m", "consistency", "extract", "--format", "json", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "$439 million" in claims_by_text(done.stdout)


def test_builtin_rules_are_installed() -> None:
    """The vocabulary files ship with the package, so a plain `pip install .` finds them."""
    from consistency.resources import builtin_rules_dir

    for name in ("qualifiers.yaml", "nouns.yaml", "currencies.yaml", "units.yaml"):
        assert (builtin_rules_dir() / name).is_file()


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """`consistency extract ... | head` ends without a traceback when the reader stops early."""
    article = tmp_path / "long.md"
    article.write_text("It hired 40 engineers and 12 nurses.\n\n" * 5000)
    done = subprocess.run(
        f"{sys.executable} -m consistency extract {article} | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_api_function_and_modules_do_not_shadow_each_other() -> None:
    """`consistency.extract` is the function, and the extraction modules import by their dotted names."""
    import importlib

    import consistency

    assert callable(consistency.extract)
    module = importlib.import_module("consistency.extraction.claims")
    assert module.extract_claims is not None


def test_check_exit_codes_and_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check` exits 0 on a clean article, 1 on findings, 2 on an unreadable file, JSON as documented."""
    status, _, _ = run(["check", str(EXAMPLE)], capsys)
    assert status == 0
    wrong = tmp_path / "wrong.md"
    wrong.write_text(EXAMPLE.read_text().replace("($439 million)", "($539 million)"))
    status, out, _ = run(["check", "--format", "json", str(wrong)], capsys)
    assert status == 1
    payload = json.loads(out)
    found = payload["files"][0]["findings"][0]
    assert {
        "rule",
        "kind",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "claims",
        "expected",
        "stated",
        "arithmetic",
        "suggestion",
    } == found.keys()
    assert payload["files"][0].keys() == {"path", "findings"}
    assert (found["rule"], found["kind"], found["line"]) == ("fx-conversion", "conversion", 22)
    assert found["stated"] == {"low": 538.5e6, "high": 539.5e6, "unit": "USD"}
    # The conversion, the time shares and the team's growth were judged, with or without --explain.
    assert payload["summary"] == {"files": 1, "findings": 1, "checks": 3, "errors": 0}
    status, _, err = run(["check", str(tmp_path / "missing.md"), str(EXAMPLE)], capsys)
    assert status == 2 and "missing.md: no such file" in err


def test_check_select_ignore_and_fail_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--ignore drops a rule; --select keeps only the named rules or kinds."""
    wrong = tmp_path / "wrong.md"
    wrong.write_text(EXAMPLE.read_text().replace("($439 million)", "($539 million)"))
    assert run(["check", "--ignore", "fx-conversion", str(wrong)], capsys)[0] == 0
    assert run(["check", "--select", "shares_total", str(wrong)], capsys)[0] == 0
    assert run(["check", "--select", "conversion", str(wrong)], capsys)[0] == 1


def test_check_explain_counts_numbers_left_unchecked(capsys: pytest.CaptureFixture[str]) -> None:
    """--explain lists passed relations and says how many numbers took part in none."""
    status, out, _ = run(["check", "--explain", str(EXAMPLE)], capsys)
    assert status == 0
    assert "passed fx-conversion" in out and "passed shares-total" in out and "passed count-change" in out
    assert re.search(r"3 relations checked; \d+ of \d+ numbers took part in no check", out)


def test_fx_table_from_csv_overrides_the_ecb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A newsroom's own rate table is used instead of the ECB's, and named in the arithmetic."""
    table = tmp_path / "rates.csv"
    table.write_text("date,base,quote,rate\n2023-02-09,USD,CNY,5.5\n2023-02-10,USD,CNY,5.5\n")
    status, out, _ = run(["check", "--fx-table", str(table), str(EXAMPLE)], capsys)
    assert status == 1 and "5.5000 CNY/USD (rates.csv, 2023-02-09)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("date,base,quote,rate\n2023-02-09,USD,CNY,lots\n")
    status, _, err = run(["check", "--fx-table", str(bad), str(EXAMPLE)], capsys)
    assert status == 2 and f"{bad}:2: FX row" in err


def test_sarif_and_github_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SARIF 2.1.0 with stable rule ids for code scanning; one workflow annotation per finding."""
    wrong = tmp_path / "wrong.md"
    wrong.write_text(EXAMPLE.read_text().replace("($439 million)", "($539 million)"))
    status, out, _ = run(["check", "--format", "sarif", str(wrong)], capsys)
    assert status == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert ids == sorted(ids) and "fx-conversion" in ids
    helps = {r["id"]: r["helpUri"] for r in run_["tool"]["driver"]["rules"]}
    assert helps["fx-conversion"].startswith("file://") and helps["fx-conversion"].endswith(
        "fx-conversion.yaml"
    )
    result = run_["results"][0]
    assert result["ruleId"] == "fx-conversion" and ids[result["ruleIndex"]] == "fx-conversion"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 22
    status, out, _ = run(["check", "--format", "github", str(wrong)], capsys)
    assert out.startswith(f"::error file={wrong},line=22,col=78,") and "title=fx-conversion::" in out
