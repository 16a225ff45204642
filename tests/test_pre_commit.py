"""The pre-commit hook, installed by the real pre-commit tool from a git URL and a revision."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CLEAN_ARTICLE, ROOT, WRONG_ARTICLE

# What a pip install of the project needs; the working tree's own copy is what gets installed.
PROJECT_FILES = ("pyproject.toml", "README.md", "hatch_build.py", ".pre-commit-hooks.yaml", "src", "rules")


def git(folder: Path, *args: str) -> str:
    """Run git in `folder` and return its output."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
    }
    done = subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_hook_file_declares_the_consistency_hook() -> None:
    """Hook id `consistency`, a python hook running `consistency check` on Markdown and text files."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "consistency"
    assert hook["language"] == "python"
    assert hook["entry"] == "consistency check"
    assert set(hook["types_or"]) == {"markdown", "plain-text"}


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree's project files, committed to a scratch git repository: (its path, the revision)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repository = tmp_path_factory.mktemp("consistency-hook")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repository / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        else:
            shutil.copy2(source, repository / name)
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "the hook under test")
    return repository, git(repository, "rev-parse", "HEAD")


def test_pre_commit_fails_the_inconsistent_article_and_passes_the_clean_one(
    hook_repository: tuple[Path, str], tmp_path: Path
) -> None:
    """`pre-commit run --files` with the hook from a git URL and revision: the finding is printed."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (it comes with the test extra)")
    url, revision = hook_repository
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    git(newsroom, "init", "-q")
    (newsroom / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {url.as_uri()}\n    rev: {revision}\n    hooks:\n      - id: consistency\n",
        encoding="utf-8",
    )
    (newsroom / "clean.md").write_text(CLEAN_ARTICLE, encoding="utf-8")
    (newsroom / "wrong.md").write_text(WRONG_ARTICLE, encoding="utf-8")
    git(newsroom, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "HATCH_BUILD_NO_HOOKS": "true",  # a pure-Python build: the hook's behaviour, without a C compile
    }

    def pre_commit(*files: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "run", "--files", *files]
        return subprocess.run(command, cwd=newsroom, env=env, capture_output=True, text=True, timeout=900)

    clean = pre_commit("clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    wrong = pre_commit("wrong.md")
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "Failed" in wrong.stdout
    assert "wrong.md:5:31: fx-conversion $539 million does not match its conversion" in wrong.stdout
    assert "? expected about $442.7 million at 6.7767 CNY/USD (ECB, 2023-02-09)" in wrong.stdout
    both = pre_commit("clean.md", "wrong.md")
    assert both.returncode == 1 and "clean.md" not in both.stdout.replace("wrong.md", "")
