"""The editor's view: one self-contained HTML page for a run of `consistency check --format html`.

Each article is shown paragraph by paragraph as written (Markdown source, so every figure stands
where the reporter typed it), with every extracted claim underlined and its interval on hover.
A finding marks its figure and sits beside its paragraph with the arithmetic and the fix; the
relations that passed, or could not be checked, are beside theirs too, shown by a toggle. No
script and no network resource: the page is one file to mail or attach to a ticket.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from consistency.document import Document
from consistency.findings import CheckRecord, FileReport, Finding, Summary
from consistency.models import Claim

_BLANK_LINES = re.compile(r"\n[ \t]*\n")

_STYLE = """
:root { --ink: #1d1d1f; --muted: #6b6b70; --rule: #e3e3e8; --flag: #b3261e; --flag-bg: #fde7e4;
        --warn: #8a5a00; --warn-bg: #fff3d6; --ok: #1e6b34; --ok-bg: #e6f4ea; --claim: #2d5fb8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: #fafafa; }
header { padding: 1.2rem 2rem; background: #fff; border-bottom: 1px solid var(--rule); }
header label { cursor: pointer; }
header h1 { margin: 0 0 .2rem; font: 600 1.3rem system-ui, sans-serif; }
header p, header label, .errors { font: .9rem system-ui, sans-serif; color: var(--muted); margin: .2rem 0; }
main { padding: 1rem 2rem 3rem; max-width: 80rem; }
section.article { background: #fff; border: 1px solid var(--rule); border-radius: 6px; margin: 1rem 0 2rem; }
section.article > h2 { font: 600 1rem system-ui, sans-serif; margin: 0; padding: .7rem 1rem;
                       border-bottom: 1px solid var(--rule); }
section.article > h2 .counts { font-weight: 400; color: var(--muted); margin-left: .6rem; }
.para { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.2rem;
        padding: .5rem 1rem; border-bottom: 1px dashed var(--rule); }
.para:last-child { border-bottom: 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.front { color: var(--muted); font: .8rem ui-monospace, monospace; }
.claim { text-decoration: underline 1px var(--claim); text-underline-offset: 3px; }
.involved { background: var(--warn-bg); }
mark.finding { background: var(--flag-bg); color: var(--flag); font-weight: 700; padding: 0 2px;
               outline: 2px solid var(--flag); border-radius: 2px; }
.notes { font: .85rem/1.4 system-ui, sans-serif; }
.note { border-left: 4px solid var(--rule); padding: .35rem .6rem; margin: .2rem 0 .5rem; background: #fbfbfd; }
.note.finding { border-color: var(--flag); background: var(--flag-bg); }
.note.finding.warning, .note.finding.info { border-color: var(--warn); background: var(--warn-bg); }
.note .where { color: var(--muted); margin-right: .3rem; }
.note .rule { font-weight: 700; }
.note .arithmetic { display: block; font: .8rem ui-monospace, monospace; margin-top: .2rem; }
.note .fix { display: block; margin-top: .2rem; font-weight: 600; }
.note.passed { border-color: var(--ok); background: var(--ok-bg); }
.note.check { display: none; }
body:has(#show-checks:checked) .note.check { display: block; }
.errors li { color: var(--flag); }
"""


@dataclass(frozen=True, slots=True)
class ArticleView:
    """What the page shows of one article: the article read, its claims and its report (`--explain`)."""

    document: Document
    claims: tuple[Claim, ...]
    report: FileReport


def html_page(articles: Sequence[ArticleView], summary: Summary, errors: Sequence[str] = ()) -> str:
    """The whole run as one self-contained HTML page."""
    counts = (
        f"{summary.files} article(s), {summary.findings} finding(s), "
        f"{summary.checks} relation(s) checked, {summary.errors} error(s)"
    )
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>consistency: {html.escape(counts)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        "<header>\n<h1>consistency report</h1>\n",
        f'<p class="summary">{html.escape(counts)}</p>\n',
        '<label><input type="checkbox" id="show-checks"> show the relations that passed or could not'
        " be checked</label>\n",
    ]
    if errors:
        parts.append(
            '<ul class="errors">' + "".join(f"<li>{html.escape(e)}</li>" for e in errors) + "</ul>\n"
        )
    parts.append("</header>\n<main>\n")
    parts.extend(_article(k, article) for k, article in enumerate(articles))
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def _article(index: int, article: ArticleView) -> str:
    document, report = article.document, article.report
    source = document.source
    relations = len(report.checks or [])
    counts = f"{len(report.findings)} finding(s), {relations} relation(s) looked at"
    out = [
        f'<section class="article" id="article-{index}">\n',
        f'<h2>{html.escape(document.path)}<span class="counts">{html.escape(counts)}</span></h2>\n',
    ]
    marked = _marks(article, index)
    for start, end in _paragraphs(source):
        first_line, _ = document.line_column(start)
        last_line, _ = document.line_column(max(start, end - 1))
        findings = [(k, f) for k, f in enumerate(report.findings) if first_line <= f.line <= last_line]
        checks = [c for c in report.checks or [] if first_line <= c.line <= last_line]
        text = _text(source, start, end, article.claims, marked)
        front = " front" if start == 0 and source.startswith("---") else ""
        notes = "".join(_finding(f, _anchor(index, k)) for k, f in findings) + "".join(map(_check, checks))
        out.append(
            f'<div class="para"><div class="text{front}">{text}</div><aside class="notes">{notes}</aside></div>\n'
        )
    out.append("</section>\n")
    return "".join(out)


def _paragraphs(source: str) -> list[tuple[int, int]]:
    """Source offsets of each block of text between blank lines (front matter is one block)."""
    blocks = []
    at = 0
    if source.startswith("---"):
        close = source.find("\n---", 3)
        if close != -1:
            at = source.find("\n", close + 4)
            at = len(source) if at == -1 else at
            blocks.append((0, at))
    for gap in _BLANK_LINES.finditer(source, at):
        if source[at : gap.start()].strip():
            blocks.append((at, gap.start()))
        at = gap.end()
    if source[at:].strip():
        blocks.append((at, len(source.rstrip("\n"))))
    return blocks


def _marks(article: ArticleView, index: int) -> dict[tuple[int, int], tuple[str, str]]:
    """For the (line, column) where a claim starts: its CSS class and, for a finding's figure, its anchor."""
    marks: dict[tuple[int, int], tuple[str, str]] = {}
    for k, found in enumerate(article.report.findings):
        for ref in found.claims[1:]:
            marks.setdefault((ref.line, ref.column), ("involved", ""))
        marks[(found.line, found.column)] = ("finding", _anchor(index, k))
    return marks


def _anchor(index: int, finding: int) -> str:
    return f"finding-{index}-{finding}"


def _text(
    source: str, start: int, end: int, claims: Sequence[Claim], marks: dict[tuple[int, int], tuple[str, str]]
) -> str:
    """The block's source with each claim underlined, and the figures of findings marked."""
    out = []
    at = start
    for claim in claims:
        if claim.start < at or claim.end > end:
            continue
        out.append(html.escape(source[at : claim.start]))
        kind, anchor = marks.get((claim.line, claim.column), ("", ""))
        title = html.escape(_describe(claim), quote=True)
        body = html.escape(source[claim.start : claim.end])
        if kind == "finding":
            out.append(f'<mark class="claim finding" id="{anchor}" title="{title}">{body}</mark>')
        else:
            classes = f"claim {kind}" if kind else "claim"
            out.append(f'<span class="{classes}" title="{title}">{body}</span>')
        at = claim.end
    out.append(html.escape(source[at:end]))
    return "".join(out)


def _describe(claim: Claim) -> str:
    """A claim as the tooltip reads it: kind, unit and interval."""
    if claim.kind == "date":
        return f"date {claim.iso or ''}"
    qualifier = f", {claim.qualifier}" if claim.qualifier else ""
    unit = claim.unit.replace("_", " ") or "bare number"
    return f"{claim.kind}, {unit}: {claim.low:,.10g} to {claim.high:,.10g}{qualifier}"


def _finding(found: Finding, anchor: str) -> str:
    arithmetic = (
        f'<span class="arithmetic">= {html.escape(found.arithmetic)}</span>' if found.arithmetic else ""
    )
    return (
        f'<div class="note finding {found.severity}">'
        f'<a class="where" href="#{anchor}">{found.line}:{found.column}</a>'
        f'<span class="rule">{html.escape(found.rule)}</span> {html.escape(found.message)}'
        f'{arithmetic}<span class="fix">{html.escape(found.suggestion)}</span></div>'
    )


def _check(check: CheckRecord) -> str:
    if check.status == "failed":
        return ""  # shown as its finding
    detail = check.arithmetic or check.reason
    mark = "&#10003;" if check.status == "passed" else "&#8230;"
    return (
        f'<div class="note check {check.status}">{mark} <span class="where">line {check.line}</span>'
        f'<span class="rule">{html.escape(check.rule)}</span> {html.escape(detail)}</div>'
    )
