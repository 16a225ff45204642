"""Read an article: front matter, then the prose of its Markdown with a map back to the source.

Only prose is read: code, HTML, URLs and front matter never reach the extractor. Every prose
character maps back to a source offset, so each claim knows its line and column in the file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final, final

import pyromark
import yaml

from consistency.errors import ConsistencyError
from consistency.models import FrontMatter
from consistency.sentences import split_sentences

# Front matter: the YAML between an opening `---` line and the first `---` or `...` line after it.
# The reader runs it as `front_matter_block` below, which finds the same block line by line.
FRONT_MATTER: Final = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FRONT_MATTER_OPENING: Final = re.compile(r"(?:\ufeff)?---[ \t]*\r?\n")
_FRONT_MATTER_CLOSING: Final = re.compile(r"(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
# libyaml's safe loader when PyYAML was built with it: the same safe schema, many times faster.
_SAFE_LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_URL: Final = re.compile(r"\b(?:https?://|ftp://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+")
_MARKDOWN_OPTIONS: Final = (
    pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH | pyromark.Options.ENABLE_FOOTNOTES
)
# Block-level containers whose end separates prose the way a blank line does.
_BLOCKS: Final = frozenset(
    {
        "Paragraph",
        "Heading",
        "Item",
        "TableCell",
        "TableRow",
        "TableHead",
        "BlockQuote",
        "List",
        "Table",
        "FootnoteDefinition",
        "DefinitionListTitle",
        "DefinitionListDefinition",
    }
)
# Containers whose text is not prose.
_SKIPPED: Final = frozenset({"CodeBlock", "HtmlBlock", "MetadataBlock", "Image"})
_PLACEHOLDER: Final = "\ufffc"
PLAIN_TEXT_SUFFIXES: Final = frozenset({".txt", ".text"})


# TableCell and Document are plain final classes, not frozen dataclasses: mypyc compiles their
# constructors (a frozen dataclass sets each field through object.__setattr__, interpreted), and
# their Final attributes cannot be set once built.


@final
class TableCell:
    """A table body cell's place in the prose, with the headings that say what its figure is."""

    def __init__(self, start: int, end: int, row_id: int, column: str, row: str, corner: str) -> None:
        self.start: Final = start
        self.end: Final = end
        self.row_id: Final = row_id  # cells of one row share it
        self.column: Final = column  # the column's heading ("Q1 2018")
        self.row: Final = row  # the row's first cell ("Earnings per share, €")
        self.corner: Final = corner  # the table's first heading, often its unit ("€ millions")


@final
class Document:
    """An article's source, metadata and prose, with offsets mapped back to lines and columns."""

    def __init__(
        self,
        path: str,
        source: str,
        meta: FrontMatter,
        prose: str,
        segment_prose: tuple[int, ...],
        segment_source: tuple[int, ...],
        segment_exact: tuple[bool, ...],
        line_starts: tuple[int, ...],
        sentence_starts: tuple[int, ...],
        table_cells: tuple[TableCell, ...] = (),
    ) -> None:
        self.path: Final = path
        self.source: Final = source
        self.meta: Final = meta
        self.prose: Final = prose
        self.segment_prose: Final = segment_prose
        self.segment_source: Final = segment_source
        self.segment_exact: Final = segment_exact
        self.line_starts: Final = line_starts
        self.sentence_starts: Final = sentence_starts
        self.table_cells: Final = table_cells

    def source_offset(self, prose_index: int) -> int:
        """The source offset of a prose offset (an end offset maps to just after its character)."""
        k = bisect.bisect_right(self.segment_prose, prose_index) - 1
        if k < 0:
            return 0
        delta = prose_index - self.segment_prose[k]
        return self.segment_source[k] + (delta if self.segment_exact[k] else 0)

    def line_column(self, source_index: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = bisect.bisect_right(self.line_starts, source_index)
        return line, source_index - self.line_starts[line - 1] + 1

    def cell_at(self, prose_index: int) -> TableCell | None:
        """The table cell holding a prose offset, if it is in a table."""
        if not self.table_cells:
            return None
        k = bisect.bisect_right(self.table_cells, prose_index, key=lambda cell: cell.start) - 1
        if k >= 0 and prose_index < self.table_cells[k].end:
            return self.table_cells[k]
        return None

    def in_table(self, prose_index: int) -> bool:
        """Whether a prose offset lies in a table cell."""
        return self.cell_at(prose_index) is not None

    def sentence_of(self, prose_index: int) -> int:
        """Index of the sentence holding a prose offset."""
        return bisect.bisect_right(self.sentence_starts, prose_index) - 1


def read_document(path: str | Path, *, date: dt.date | None = None, currency: str | None = None) -> Document:
    """Read and parse an article file; `-` reads standard input. Errors name the file."""
    name = str(path)
    text = decode_article(read_bytes(name), name)
    markdown = Path(name).suffix.lower() not in PLAIN_TEXT_SUFFIXES
    return parse_document(text, path=name, date=date, currency=currency, markdown=markdown)


def decode_article(raw: bytes, name: str) -> str:
    """An article file's bytes as text; binary content or bytes that are not UTF-8 are errors."""
    if b"\x00" in raw:  # before decoding: a picture or a PDF is binary, not text in another encoding
        raise ConsistencyError("binary content (NUL byte), not an article", path=name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConsistencyError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})", path=name, line=line
        ) from None


# Far above any news article: a file this large is an archive dump or a mistake, not one story.
MAX_ARTICLE_BYTES: Final = 10_000_000


def read_bytes(name: str) -> bytes:
    """An article's bytes, refused with a one-line error when it is no regular file or too large."""
    try:
        if name == "-":
            import sys

            raw = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        else:
            mode = os.stat(name).st_mode
            if stat.S_ISDIR(mode):
                raise ConsistencyError("is a directory", path=name)
            if not stat.S_ISREG(mode):  # a named pipe or a device would block the read, or never end
                raise ConsistencyError("not a regular file", path=name)
            with open(name, "rb") as article:
                raw = article.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise ConsistencyError("no such file", path=name) from None
    except OSError as exc:
        raise ConsistencyError(f"cannot read: {exc.strerror or exc}", path=name) from None
    if len(raw) > MAX_ARTICLE_BYTES:
        size = os.stat(name).st_size if name != "-" else len(raw)
        raise ConsistencyError(
            f"{size / 1e6:.1f} MB, more than the {MAX_ARTICLE_BYTES // 1_000_000} MB an article may be",
            path=name,
        )
    return raw


def parse_document(
    text: str,
    *,
    path: str = "<text>",
    date: dt.date | None = None,
    currency: str | None = None,
    markdown: bool = True,
) -> Document:
    """Parse article text: front matter, then prose from Markdown (or from plain text)."""
    body_start, meta = _front_matter(text, path)
    overrides: dict[str, Any] = {}
    if date is not None:
        overrides["date"] = date
    if currency is not None:
        overrides["currency"] = currency
    if overrides:
        meta = meta.model_copy(update=overrides)
    body = text[body_start:]
    cells: list[TableCell] = []
    plain = _plain_prose(body, body_start) if markdown else None
    if plain is not None:
        prose, seg_prose, seg_source, seg_exact = plain
    elif markdown:
        prose, seg_prose, seg_source, seg_exact, cells = _markdown_prose(body, body_start)
    else:
        prose, seg_prose, seg_source, seg_exact = body, [0], [body_start], [True]
    # "/" first: one character is found by memchr, many times quicker than "://" is searched for.
    if ("/" in prose and "://" in prose) or "www." in prose or "@" in prose:
        prose = _URL.sub(lambda m: " " * len(m.group()), prose)
    line_starts = _line_starts(text)
    return Document(
        path=path,
        source=text,
        meta=meta,
        prose=prose,
        segment_prose=tuple(seg_prose),
        segment_source=tuple(seg_source),
        segment_exact=tuple(seg_exact),
        line_starts=tuple(line_starts),
        sentence_starts=tuple(split_sentences(prose)),
        table_cells=tuple(cells),
    )


def _line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts."""
    # str.find from compiled code costs far less per line than a regex match object.
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _front_matter(text: str, path: str) -> tuple[int, FrontMatter]:
    """Where the body starts, and the validated front matter (empty when there is none)."""
    found = front_matter_block(text)
    if found is None:
        return 0, FrontMatter()
    block, body_start = found
    raw: Any  # YAML may give any shape; it is checked to be a mapping below
    try:
        raw = _simple_mapping(block)
        if raw is None:
            raw = yaml.load(block, Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        # The context mark is where the broken construct opened, nearer the writer's slip.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConsistencyError(f"broken front matter: {problem}", path=path, line=line) from None
    except ValueError as exc:
        # YAML reads 2023-13-45 as a timestamp and fails to build it.
        raise ConsistencyError(
            f"front matter date is not a date (YYYY-MM-DD): {exc}", path=path, line=_key_line(text, "date")
        ) from None
    if not isinstance(raw, dict):
        raise ConsistencyError("front matter is not a mapping of keys to values", path=path, line=1)
    return body_start, _front_matter_fields(raw, text, path)


def front_matter_block(text: str) -> tuple[str, int] | None:
    """The front matter's YAML and where the body starts, as FRONT_MATTER reads them; None if the
    text opens with no front matter."""
    # FRONT_MATTER's lazy `.*?` tries its tail at every character; the closing line can only
    # follow a line break, so only those places are tried here.
    opening = _FRONT_MATTER_OPENING.match(text)
    if opening is None:
        return None
    begin = opening.end()
    at = text.find("\n", begin)
    while at >= 0:
        if text.startswith(("---", "..."), at + 1):
            closing = _FRONT_MATTER_CLOSING.match(text, at + 1)
            if closing is not None:
                return text[begin : at + 1], closing.end()
        at = text.find("\n", at + 1)
    closing = _FRONT_MATTER_CLOSING.match(text, begin)  # an empty block: the closing line comes next
    return ("", closing.end()) if closing is not None else None


# One `key: value` line whose value YAML reads as the plain string or ISO date it looks like.
_SIMPLE_LINE: Final = re.compile(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_-]*):[ \t]+"
    r"(?:\"(?P<quoted>[^\"\\\n]*)\"|(?P<date>\d{4}-\d{2}-\d{2})|(?P<plain>[A-Za-z][^\n#:\"]*?))[ \t]*"
)
# Plain words YAML 1.1 reads as booleans or null rather than strings.
_YAML_KEYWORDS: Final = frozenset(["y", "n", "yes", "no", "true", "false", "on", "off", "null"])


def _simple_mapping(block: str) -> dict[str, Any] | None:
    """The mapping of a front matter made only of simple `key: value` lines, without a YAML parse.

    Front matter is usually a date, a title and a byline: reading those lines directly saves most
    of the cost of parsing a short article. Anything else returns None and goes to YAML.
    """
    fields: dict[str, Any] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        found = _SIMPLE_LINE.fullmatch(line)
        if found is None:
            return None
        key, quoted, date, plain = found.groups()  # the pattern's four groups, in this order
        if key in fields or key.lower() in _YAML_KEYWORDS:
            return None  # a key such as `on:` is a boolean to YAML
        if date is not None:
            fields[key] = dt.date.fromisoformat(date)
        elif quoted is not None:
            fields[key] = quoted
        elif plain.lower() in _YAML_KEYWORDS:
            return None
        else:
            fields[key] = plain
    return fields


def _front_matter_fields(raw: dict[Any, Any], text: str, path: str) -> FrontMatter:
    """Check the keys the checker reads (`date`, `currency`) and keep the rest as metadata."""
    fields = {str(k): v for k, v in raw.items()}
    value = fields.get("date")
    if value is not None and not isinstance(value, dt.date):
        try:
            fields["date"] = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            line = _key_line(text, "date")
            raise ConsistencyError(
                f"front matter date {value!r} is not a date (YYYY-MM-DD)", path=path, line=line
            ) from None
    elif isinstance(value, dt.datetime):
        fields["date"] = value.date()
    currency = fields.get("currency")
    if currency is not None:
        code = str(currency).strip().upper()
        if not _CURRENCY_CODE.fullmatch(code):
            line = _key_line(text, "currency")
            raise ConsistencyError(
                f"front matter currency {currency!r} is not an ISO 4217 code", path=path, line=line
            )
        fields["currency"] = code
    return FrontMatter(**fields)


def _key_line(text: str, key: str) -> int:
    """The line of a front-matter key, for error messages."""
    match = re.search(rf"(?m)^{key}\s*:", text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


# Characters that start Markdown's inline syntax (with tables, strikethrough and footnotes) or that
# Markdown trims as whitespace. An article without any is paragraphs and headings only, read below
# without the parser; with one, pulldown-cmark decides.
_MARKUP_CHARACTERS: Final = "\\*_`[]<>!&~|^\r\t\x00\x0b\x0c"
# How a line opens a list item, a rule, a setext underline or an indented block, where the
# characters above do not already rule it out.
_BLOCK_OPENERS: Final = frozenset(" -+=")
_LIST_NUMBER: Final = re.compile(r"[0-9]{1,9}[.)](?: |$)")
_ASCII_DIGITS: Final = frozenset("0123456789")
_PLAIN_HEADING: Final = re.compile(r"#{1,6} [^ #](?:.*[^ #])?")


@final
class _Prose:
    """Prose put together piece by piece, with the segments that map it back to the source: each
    piece starts a segment at a source offset, exact when it is the source's own text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.seg_prose: list[int] = []
        self.seg_source: list[int] = []
        self.seg_exact: list[bool] = []
        self.length = 0

    def add(self, piece: str, source: int, exact: bool) -> None:
        """Append `piece`, which stands at `source` in the source."""
        self.seg_prose.append(self.length)
        self.seg_source.append(source)
        self.seg_exact.append(exact)
        self.parts.append(piece)
        self.length += len(piece)

    def read(self) -> tuple[str, list[int], list[int], list[bool]]:
        """The prose and its segments."""
        return "".join(self.parts), self.seg_prose, self.seg_source, self.seg_exact


def _plain_prose(body: str, shift: int) -> tuple[str, list[int], list[int], list[bool]] | None:
    """The prose and segments `_markdown_prose` gives an article of plain paragraphs and `#`
    headings, read line by line without the Markdown parser; None for any other article."""
    for mark in _MARKUP_CHARACTERS:
        if mark in body:
            return None
    prose = _Prose()
    line_start = shift
    last = shift  # where the latest text ends: separators are anchored there, as the parser's are
    in_paragraph = False
    for line in body.split("\n"):
        heading = line.startswith("#")
        if heading:
            if _PLAIN_HEADING.fullmatch(line) is None:
                return None
        elif line and (
            line[0] in _BLOCK_OPENERS
            or line[-1] == " "  # Markdown trims it, or reads two as a line break
            or (line[0] in _ASCII_DIGITS and _LIST_NUMBER.match(line) is not None)
        ):
            return None
        if in_paragraph:
            # A blank line or a heading ends the paragraph; a line break inside one is a space.
            in_paragraph = bool(line) and not heading
            prose.add(" " if in_paragraph else "\n\n", last, False)
        if line:
            text = line[line.index(" ") + 1 :] if heading else line
            prose.add(text, line_start + len(line) - len(text), True)
            last = line_start + len(line)
            if heading:
                prose.add("\n\n", last, False)
            in_paragraph = not heading
        line_start += len(line) + 1
    if in_paragraph:
        prose.add("\n\n", last, False)
    return prose.read()


def _markdown_prose(body: str, shift: int) -> tuple[str, list[int], list[int], list[bool], list[TableCell]]:
    """Prose from Markdown events, with segments mapping prose offsets to source offsets."""
    tables = _Tables()
    to_char = _byte_to_char(body)
    prose = _Prose()
    skip = 0
    autolinks = 0
    # Separators are anchored after the latest text: no claim starts or ends inside one.
    last = shift
    tag: str
    value: Any
    # pyromark's precise event types make no difference here: events are read as plain data.
    events: Iterable[tuple[Any, Any]] = pyromark.events_with_range(body, options=_MARKDOWN_OPTIONS)
    for event, span in events:
        if type(event) is dict:
            text: str | None = event.get("Text")
            if text is not None:
                if skip or autolinks:
                    continue
                start = to_char(span["start"])
                end = to_char(span["end"])
                prose.add(text, shift + start, end - start == len(text))
                last = shift + end
                continue
            ((tag, value),) = event.items()
        else:
            tag, value = event, None
        piece = ""
        if tag == "Start":
            name = value if isinstance(value, str) else next(iter(value))
            if name in _TABLE_PARTS:
                tables.start(name, prose.length)
            if name in _SKIPPED:
                skip += 1
            elif name == "Link" and value["Link"]["link_type"] in ("Autolink", "Email"):
                autolinks += 1
        elif tag == "End":
            name = value if isinstance(value, str) else next(iter(value))
            if name in _TABLE_PARTS:
                tables.end(name, prose.length)
            if name in _SKIPPED:
                skip -= 1
            elif name == "Link" and autolinks:
                autolinks -= 1
            elif name in _BLOCKS and not skip:
                piece = "\n\n"
        elif skip:
            continue
        elif tag == "SoftBreak":
            piece = " "
        elif tag == "HardBreak":
            piece = "\n"
        elif tag in ("Code", "InlineHtml", "Html", "FootnoteReference", "InlineMath", "DisplayMath"):
            # Keep neighbouring words apart without letting code or markup read as prose.
            piece = f" {_PLACEHOLDER} "
        if piece:
            prose.add(piece, last, False)
    read, seg_prose, seg_source, seg_exact = prose.read()
    return read, seg_prose, seg_source, seg_exact, tables.cells(read)


_TABLE_PARTS: Final = frozenset({"Table", "TableHead", "TableRow", "TableCell"})


class _Tables:
    """Collects the cells of a document's tables as the Markdown events go by."""

    def __init__(self) -> None:
        self._head: list[tuple[int, int]] = []
        self._row: list[tuple[int, int]] = []
        self._rows: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
        self._in_head = False
        self._cell = 0

    def start(self, name: str, at: int) -> None:
        """A table part opens at prose offset `at`."""
        if name == "Table":
            self._head = []
        elif name == "TableHead":
            self._in_head = True
        elif name == "TableRow":
            self._row = []
        elif name == "TableCell":
            self._cell = at

    def end(self, name: str, at: int) -> None:
        """A table part closes at prose offset `at`."""
        if name == "TableCell":
            (self._head if self._in_head else self._row).append((self._cell, at))
        elif name == "TableHead":
            self._in_head = False
        elif name == "TableRow":
            self._rows.append((self._head, self._row))

    def cells(self, prose: str) -> list[TableCell]:
        """Every body cell with its column heading, row label and the table's corner heading."""
        found = []
        for row_id, (head, row) in enumerate(self._rows):
            titles = [prose[a:b].strip() for a, b in head]
            label = prose[row[0][0] : row[0][1]].strip() if row else ""
            for index, (a, b) in enumerate(row):
                column = titles[index] if index < len(titles) else ""
                found.append(TableCell(a, b, row_id, column, label, titles[0] if titles else ""))
        return found


# UTF-8's continuation bytes (0x80-0xBF) as 1, every other byte as 0.
_CONTINUATION_BYTES: Final = bytes(1 if 0x80 <= byte <= 0xBF else 0 for byte in range(256))
# A module-level pattern rather than `re.fullmatch`, which looks the pattern up in re's cache per call.
_CURRENCY_CODE: Final = re.compile("[A-Z]{3}")


def _byte_to_char(text: str) -> Callable[[int], int]:
    """A converter from pulldown-cmark's UTF-8 byte offsets to character offsets in `text`."""
    if text.isascii():
        return int
    starts: list[int] = []  # byte offset of each non-ASCII character
    extras: list[int] = []  # bytes beyond one per character, up to and including it
    extra = 0
    # Each non-ASCII character is a lead byte and a run of continuation bytes: bytes.find skips to
    # the runs, where a pattern for the characters would test every character by a call.
    marks = text.encode("utf-8").translate(_CONTINUATION_BYTES)
    size = len(marks)
    at = marks.find(1)
    while at >= 0:
        end = at + 1
        while end < size and marks[end] == 1:
            end += 1
        starts.append(at - 1)
        extra += end - at
        extras.append(extra)
        at = marks.find(1, end)

    def convert(byte_offset: int) -> int:
        k = bisect.bisect_left(starts, byte_offset)
        return byte_offset - (extras[k - 1] if k else 0)

    return convert
