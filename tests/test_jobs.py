"""Many articles at once: `--jobs N` worker processes give the serial run's output, byte for byte."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from conftest import ROOT, WRONG_ARTICLE

ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.md"))


def newsroom_archive(folder: Path, copies: int) -> Path:
    """`copies` of each test article, with a wrong one and two unreadable files among them."""
    folder.mkdir(exist_ok=True)
    for k in range(copies):
        for article in ARTICLES:
            shutil.copy(article, folder / f"{k:03d}-{article.name}")
    (folder / "050-wrong.md").write_text(WRONG_ARTICLE, encoding="utf-8")
    (folder / "070-latin1.md").write_bytes(b"caf\xe9 costs $5\n")
    (folder / "090-binary.md").write_bytes(b"\x00\x01binary")
    return folder


def consistency(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "consistency", "check", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.mark.parametrize("output", ["json", "text", "sarif"])
def test_jobs_give_the_serial_output_in_input_order(tmp_path: Path, output: str) -> None:
    """Findings, errors and exit status are the same with 2 workers as with one, files in input order."""
    archive = newsroom_archive(tmp_path / "archive", copies=6)
    single = tmp_path / "single.md"
    single.write_text(WRONG_ARTICLE, encoding="utf-8")
    paths = [str(single), str(archive)]
    serial = consistency("--format", output, "--jobs", "1", *paths)
    parallel = consistency("--format", output, "--jobs", "2", *paths)
    assert serial.returncode == parallel.returncode == 2  # two unreadable files
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr
    assert serial.stderr.splitlines() == [
        f"{archive}/070-latin1.md:1: not UTF-8 text (byte 0xe9 at offset 3)",
        f"{archive}/090-binary.md: binary content (NUL byte), not an article",
    ]
    if output == "json":
        assert serial.stdout.index(str(single)) < serial.stdout.index(f"{archive}/000-")


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    """A bad `--jobs` is a usage error, exit 2."""
    done = consistency("--jobs", "0", str(tmp_path))
    assert done.returncode == 2 and "'0' is not a number of processes" in done.stderr


def test_ctrl_c_stops_the_workers_with_status_130(tmp_path: Path) -> None:
    """Interrupted mid-run, the checker and its workers stop at once: status 130, one line, no traceback."""
    archive = newsroom_archive(tmp_path / "archive", copies=200)
    command = [sys.executable, "-m", "consistency", "check", "--jobs", "2", str(archive)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    time.sleep(1.5)  # rules loaded, workers busy: a run of 3,200 articles takes several seconds
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole process group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr == "consistency: interrupted\n"


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    """Standard error that is a terminal shows a progress bar; redirected, it stays silent (above)."""
    archive = newsroom_archive(tmp_path / "archive", copies=200)  # long enough for the bar to show
    leader, follower = pty.openpty()
    termios.tcsetwinsize(follower, (24, 100))  # a terminal has a size; a bar needs one to draw in
    command = [sys.executable, "-m", "consistency", "check", "--jobs", "2", str(archive)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes with the process
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(leader)
    assert b" articles" in shown and b"it/s" not in shown
