"""The editor's HTML page: what it holds, and what a real browser shows of it."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import consistency
from consistency.cli import main

from conftest import DATED, EXAMPLE

WRONG = (
    DATED
    + "# Budget\n\nThe unit drew 3 billion yuan ($539 million) of investment.\n\n"
    + "Time was split: a quarter on phones, half on cars and a quarter on other things.\n"
)
# The page's colour for a finding's figure (`--flag` in its style sheet).
FLAG_RGB = (0xB3, 0x26, 0x1E)


def page(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, name: str = "story.md") -> str:
    """The HTML page `consistency check --format html` writes for one article."""
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    main(["check", "--no-config", "--format", "html", str(article)])
    return capsys.readouterr().out


def test_the_page_underlines_every_claim_and_marks_the_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every figure is underlined with its interval on hover; the wrong one is marked, with the fix beside it."""
    html = page(tmp_path, capsys, WRONG)
    claims = consistency.extract(WRONG)
    assert len(re.findall(r'class="claim[ "]', html)) == len(claims)
    assert re.search(r'<mark class="claim finding" id="finding-0-0" title="[^"]*">\$539 million</mark>', html)
    assert "= 3 billion CNY ÷ 6.7767 CNY/USD (ECB, 2023-02-09) = $442.7 million; stated $539 million" in html
    assert "expected about $442.7 million at 6.7767 CNY/USD (ECB, 2023-02-09)" in html
    assert 'title="currency, USD: 538,500,000 to 539,500,000"' in html
    # The shares passed: listed, behind the toggle.
    assert re.search(r'<div class="note check passed">.*25 \+ 50 \+ 25 = 100', html)


def test_the_page_is_one_file_with_no_network_and_no_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing is fetched; article text is escaped, so copy holding markup cannot run in the page."""
    html = page(tmp_path, capsys, DATED + 'A <script>alert("x")</script> budget of $5 <b>million</b>.\n')
    assert "<script" not in html.replace("&lt;script", "")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//|@import|url\(""", html)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_unreadable_articles_are_listed_and_the_rest_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that cannot be read is named at the top; the other articles are on the page."""
    (tmp_path / "broken.md").write_text("---\ndate: someday\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "story.md").write_text(WRONG, encoding="utf-8")
    status = main(["check", "--no-config", "--format", "html", str(tmp_path)])
    html = capsys.readouterr().out
    assert status == 2
    assert re.search(r'<ul class="errors"><li>[^<]*broken\.md:2: [^<]*someday', html)
    assert "story.md" in html and "$539 million</mark>" in html


# --- in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed here when it is missing and this setup can; else the test is skipped."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        pytest.skip("no chromium, and no root apt-get to install Debian's package")
    try:
        done = subprocess.run(
            [apt, "install", "-y", "-q", "chromium"],
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    except subprocess.TimeoutExpired:
        pytest.skip("installing Debian's chromium took more than 15 minutes")
    if done.returncode != 0 or shutil.which("chromium") is None:
        pytest.skip(f"could not install Debian's chromium: {done.stderr.strip().splitlines()[-1:]}")
    return str(shutil.which("chromium"))


def screenshot(chromium: str, html_file: Path, png: Path) -> None:
    """Render the page headless, as a 1280x900 window, into a PNG."""
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=1280,900",
        f"--screenshot={png}",
        html_file.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)


def pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGB rows of an 8-bit, non-interlaced RGB or RGBA PNG (what chromium writes)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, header, compressed = 8, b"", b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            compressed += body
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(compressed)
    stride = width * size
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up = previous[x]
            corner = previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0), (abs(guess - up), 1), (abs(guess - corner), 2))[1]
                line[x] = (line[x] + (left, up, corner)[near]) & 0xFF
        previous = line
        rows.append(bytes(line[x] for k in range(width) for x in range(k * size, k * size + 3)))
    return width, height, rows


def flag_pixels(png: Path) -> int:
    """How many pixels of the screenshot are in the finding colour."""
    _, _, rows = pixels(png)
    colour = bytes(FLAG_RGB)
    return sum(len(re.findall(re.escape(colour), row)) for row in rows if colour in row)


def test_chromium_renders_the_page_with_the_finding_visible(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Screenshots in headless chromium: the wrong figure's mark is on screen; a clean article has none."""
    wrong_html = tmp_path / "wrong.html"
    wrong_html.write_text(page(tmp_path, capsys, WRONG), encoding="utf-8")
    clean_html = tmp_path / "clean.html"
    clean_html.write_text(page(tmp_path, capsys, EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    screenshot(chromium, wrong_html, tmp_path / "wrong.png")
    screenshot(chromium, clean_html, tmp_path / "clean.png")
    width, height, _ = pixels(tmp_path / "wrong.png")
    assert (width, height) == (1280, 900)
    assert flag_pixels(tmp_path / "wrong.png") > 200  # the figure's outline and text, and the note's rule
    assert flag_pixels(tmp_path / "clean.png") == 0
