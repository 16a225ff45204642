"""The document layer: only prose is read, and every claim points at its place in the source."""

from __future__ import annotations

import datetime as dt

import pytest

import consistency
from consistency.document import parse_document
from consistency.errors import ConsistencyError
from consistency.sentences import split_sentences


def texts(source: str) -> list[str]:
    return [c.text for c in consistency.extract(source) if c.kind != "date"]


def test_front_matter_sets_date_and_currency() -> None:
    """`date` and `currency` come from YAML front matter; other keys are kept as metadata."""
    doc = parse_document("---\ndate: 2023-02-10\ncurrency: aud\ndesk: business\n---\nText.\n")
    assert doc.meta.date == dt.date(2023, 2, 10)
    assert doc.meta.currency == "AUD"
    assert doc.meta.model_extra == {"desk": "business"}


def test_front_matter_is_not_prose() -> None:
    """Numbers in front matter are metadata, never claims."""
    assert texts("---\ndate: 2023-02-10\nwords: 500\n---\nIt hired 20 engineers.\n") == ["20 engineers"]


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        ("---\ndate: [unclosed\n---\nText\n", "broken front matter", 2),
        ("---\ndate: 2023-13-45\n---\nText\n", "is not a date", 2),
        ("---\ncurrency: dollars\n---\nText\n", "not an ISO 4217 code", 2),
        ("---\n- a\n- b\n---\nText\n", "not a mapping", 1),
    ],
)
def test_bad_front_matter_is_a_one_line_error(source: str, message: str, line: int) -> None:
    """Broken front matter names the file and the line."""
    with pytest.raises(ConsistencyError) as caught:
        parse_document(source, path="story.md")
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"story.md:{line}: ")
    assert "\n" not in str(caught.value)


def test_code_html_and_urls_are_not_prose() -> None:
    """Code spans, fenced code, HTML and URLs never yield claims; table cells do."""
    source = """It paid `5 million` in code.

<div class="note">
Hidden 7 million
</div>

```
total = 3,000 people
```

See https://example.com/2019/500-jobs or www.example.org/42 for 12 more staff.

| Year | Staff |
|---|---|
| now | 40 engineers |
"""
    assert texts(source) == ["12 more staff", "40 engineers"]


def test_positions_point_at_the_source() -> None:
    """Line and column are 1-based, in characters, and survive non-ASCII text and markup."""
    source = (
        "---\ndate: 2023-02-10\n---\n# Xiaomi’s plan\n\nLei said **€5 million** and “nearly 1,800 people”.\n"
    )
    claims = [c for c in consistency.extract(source) if c.kind != "date"]
    lines = source.split("\n")
    for claim in claims:
        assert lines[claim.line - 1][claim.column - 1 :].startswith(claim.text)
        assert source[claim.start : claim.end] == claim.text
    assert [(c.line, c.column) for c in claims] == [(6, 12), (6, 30)]


def test_entities_and_escapes_map_to_their_source() -> None:
    """A text event shorter than its source (an entity) still maps claims to the right line."""
    source = "Costs &amp; fees were\n$5 million \\* in total.\n"
    claim = next(c for c in consistency.extract(source))
    assert (claim.line, claim.column) == (2, 1)


def test_plain_text_is_read_as_written(tmp_path: object) -> None:
    """A `.txt` article is prose as it stands: Markdown syntax is not interpreted."""
    from pathlib import Path

    from consistency.document import read_document

    path = Path(str(tmp_path)) / "story.txt"
    path.write_text("Code `5 people` stays text here.\n", encoding="utf-8")
    doc = read_document(path)
    assert "`5 people`" in doc.prose


@pytest.mark.parametrize(
    ("prose", "count"),
    [
        ("The U.S. economy grew. Mr. Smith agreed.", 2),
        ("On Feb. 9 it rose 3.3 percent. It fell later.", 2),
        ("He lives at No. 5 Main Street. She does not.", 2),
        ("It rose! Then it fell? Yes.", 3),
        ("First paragraph\n\nSecond paragraph", 2),
        ("He met J. Smith at 5 p.m. on Monday.", 1),
    ],
)
def test_sentence_splitter_survives_abbreviations(prose: str, count: int) -> None:
    """Abbreviations, initials and decimals do not end sentences; blank lines do."""
    assert len(split_sentences(prose)) == count


def test_claims_know_their_sentence() -> None:
    """Claims in one sentence share its index; the next sentence has the next one."""
    claims = [
        c for c in consistency.extract("The U.S. unit hired 50 staff and 20 engineers. It sold 140 cars.")
    ]
    assert [c.sentence for c in claims] == [0, 0, 1]


def test_front_matter_found_line_by_line_is_what_the_pattern_finds() -> None:
    """The front matter block and the body's start, found by trying the closing line only after
    line breaks, are where FRONT_MATTER's match puts them: the first closing line wins."""
    import random

    from consistency.document import FRONT_MATTER, front_matter_block

    pieces = ["---", "...", "\n", "\r\n", " ", "\t", "date: 2024-01-05", "\ufeff", "-", ".", "x"]
    rng = random.Random(0)
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        match = FRONT_MATTER.match(text)
        expected = (match.group(1) or "", match.end()) if match else None
        assert front_matter_block(text) == expected, repr(text)
    assert front_matter_block("---\n---\nbody\n---\nmore") == ("---\nbody\n", 17)


def test_byte_offsets_map_to_the_characters_they_start() -> None:
    """pulldown-cmark's UTF-8 byte offsets become character offsets, for characters of one to four
    bytes in any order: each character's first byte maps to its index, the text's end to its length."""
    import random

    from consistency.document import _byte_to_char

    pieces = ["a", " ", "é", "“", "”", "€", "—", "中", "😀", "\u00a0", "1", "\n"]
    rng = random.Random(0)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        convert = _byte_to_char(text)
        offset = 0
        for index, char in enumerate(text):
            assert convert(offset) == index, (text, offset)
            offset += len(char.encode("utf-8"))
        assert convert(offset) == len(text), text


def test_simple_front_matter_reads_as_yaml_does() -> None:
    """The quick reading of simple front matter gives exactly what the YAML parser gives."""
    import yaml
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from consistency.document import _simple_mapping

    key = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
    value = st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.from_regex(r"[A-Za-z][A-Za-z0-9 .,'/-]{0,20}[A-Za-z0-9]", fullmatch=True),
        st.from_regex(r'"[A-Za-z0-9 .,:#-]{0,20}"', fullmatch=True),
        st.sampled_from(["yes", "No", "true", "null", "on"]),
    )

    @settings(max_examples=300, deadline=None)
    @given(st.dictionaries(key, value, max_size=5))
    def same(entries: dict[str, str]) -> None:
        block = "".join(f"{k}: {v}\n" for k, v in entries.items())
        quick = _simple_mapping(block)
        if quick is not None:
            assert quick == (yaml.safe_load(block) or {})

    same()


def test_plain_articles_read_without_the_markdown_parser_give_the_parsers_prose_and_offsets() -> None:
    """Articles of plain paragraphs and `#` headings skip pulldown-cmark; the prose and every
    segment mapping it to the source are the parser's own, and any other line goes to the parser."""
    import random

    from consistency.document import _markdown_prose, _plain_prose

    lines = [
        "# Head", "## Two  words", "#NoSpace", "# C#", "#", "####### seven", "Plain line", "A 5.5% rise",
        "3.5 million people", "1.5x", "x\u00a0y", "é ünï", "", "", "1. item", "2020) x", "12345678901. y",
        "- dash", "=== ", "===", "---", "  indented", "trailing ", "a *b*", "[link](x)", "R&D", "a|b",
    ]  # fmt: skip
    rng = random.Random(3)
    plain = 0
    for _ in range(20_000):
        body = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 8))) + rng.choice(["", "\n", "\n\n"])
        shift = rng.randint(0, 5)
        fast = _plain_prose(body, shift)
        if fast is not None:
            plain += 1
            assert fast == _markdown_prose(body, shift)[:4], body
    assert plain > 3_000  # the comparison ran on many articles, not on a handful
    assert _plain_prose("Sales rose *5%*.\n", 0) is None and _plain_prose("- one\n- two\n", 0) is None


def test_sentence_ends_found_mark_by_mark_are_where_the_one_pattern_finds_them() -> None:
    """The split runs one pattern per opening character; its sentence starts are those of the one
    pattern `_END` over text built from the characters that decide an end: terminals, closing quotes
    and brackets, white space, capitals and lower case, abbreviations, initials and decimals."""
    import random

    from consistency.sentences import _END

    def by_one_pattern(prose: str) -> list[int]:
        return [0, *(match.end() for match in _END.finditer(prose) if match.end() < len(prose))]

    pieces = [
        *". !?…\n\t\"'”’)]",
        "Mr.",
        "U.S.",
        "J.",
        "e.g.",
        " a",
        " A",
        "No. 5",
        "3.3",
        "x",
        "\n\n",
        ".\n",
        "?!",
    ]
    rng = random.Random(5)
    for _ in range(50_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert split_sentences(text) == by_one_pattern(text), text
