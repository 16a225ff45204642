"""`summary.html`: one self-contained page over a finished audit, read back from its datasets.

The datasets are streamed batch by batch and only counts are kept, so the page costs the same
memory for a thousand articles as for ten million. Charts are inline SVG: no script, no network.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from consistency.audit.tables import RESERVED, dataset, write_whole_text

# A metadata column is broken down by value (a desk, a section) only when it has at most this many.
MAX_GROUPS: Final = 40
_NUMBER: Final = re.compile(r"\d[\d,.]*")
# An error's place ("archive.jsonl:12: ", "a/b.md:3: "), left out when errors are grouped by kind.
_PLACE: Final = re.compile(r"^.*?:(?:\d+|group \d+:row \d+): |^[^:]*: ")
_EXAMPLES: Final = 3


@dataclass
class _Slip:
    """Findings of one rule whose messages differ only in their figures."""

    count: int = 0
    examples: list[tuple[str, int, str, str]] = field(default_factory=list)


@dataclass
class Tally:
    """Everything the page shows, counted over the datasets."""

    articles: int = 0
    errors: int = 0
    flagged_articles: int = 0
    findings: int = 0
    by_rule: Counter[tuple[str, str]] = field(default_factory=Counter)
    articles_by_month: Counter[str] = field(default_factory=Counter)
    findings_by_month: Counter[str] = field(default_factory=Counter)
    error_kinds: Counter[str] = field(default_factory=Counter)
    error_examples: dict[str, str] = field(default_factory=dict)
    articles_by_group: dict[str, Counter[str]] = field(default_factory=dict)
    findings_by_group: dict[str, Counter[str]] = field(default_factory=dict)
    slips: dict[tuple[str, str], _Slip] = field(default_factory=dict)


def tally(out: Path) -> Tally:
    """Count an audit's articles and findings, one record batch at a time."""
    counts = Tally()
    articles = dataset(out / "articles")
    groups = [name for name in articles.schema.names if name not in RESERVED]
    counts.articles_by_group = {name: Counter() for name in groups}
    for batch in articles.to_batches(columns=["id", "date", "error", "findings", *groups]):
        columns = batch.to_pydict()
        for k in range(batch.num_rows):
            counts.articles += 1
            error = columns["error"][k]
            if error is not None:
                counts.errors += 1
                kind = _PLACE.sub("", error, count=1)
                counts.error_kinds[kind] += 1
                counts.error_examples.setdefault(kind, columns["id"][k])
                continue
            counts.flagged_articles += bool(columns["findings"][k])
            counts.articles_by_month[_month(columns["date"][k])] += 1
            for name in groups:
                counts.articles_by_group[name][_value(columns[name][k])] += 1
    # A column with a value per article (a title, a URL) says nothing when broken down by value.
    groups = [name for name in groups if len(counts.articles_by_group[name]) <= MAX_GROUPS]
    counts.articles_by_group = {name: counts.articles_by_group[name] for name in groups}
    counts.findings_by_group = {name: Counter() for name in groups}
    findings = dataset(out / "findings")
    if not findings.schema.names:
        return counts
    wanted = ["id", "date", "rule", "kind", "line", "message", "arithmetic", "suggestion"]
    for batch in findings.to_batches(columns=[*wanted, *groups]):
        columns = batch.to_pydict()
        for k in range(batch.num_rows):
            counts.findings += 1
            rule = columns["rule"][k]
            counts.by_rule[(rule, columns["kind"][k])] += 1
            counts.findings_by_month[_month(columns["date"][k])] += 1
            for name in groups:
                counts.findings_by_group[name][_value(columns[name][k])] += 1
            slip = counts.slips.setdefault((rule, _NUMBER.sub("#", columns["message"][k])), _Slip())
            slip.count += 1
            if len(slip.examples) < _EXAMPLES:
                slip.examples.append(
                    (columns["id"][k], columns["line"][k], columns["arithmetic"][k], columns["suggestion"][k])
                )
    return counts


def _month(date: dt.date | None) -> str:
    return date.strftime("%Y-%m") if date is not None else "no date"


def _value(value: str | None) -> str:
    return "(none)" if value is None or value == "" else value


def write_summary(out: Path, *, source: str) -> Path:
    """Write `out/summary.html` from the audit's datasets; returns its path."""
    path = out / "summary.html"
    write_whole_text(render(tally(out), source=source), path)
    return path


# -- the page -------------------------------------------------------------------------------------


def render(counts: Tally, *, source: str) -> str:
    """The summary page as HTML."""
    checked = counts.articles - counts.errors
    rate = counts.flagged_articles / checked * 100 if checked else 0.0
    parts = [
        _HEAD,
        "<h1>Consistency audit</h1>",
        f"<p class=lead>{_e(source)}</p>",
        '<div class="cards">',
        _card(f"{counts.articles:,}", "articles read"),
        _card(f"{checked:,}", "checked"),
        _card(f"{counts.errors:,}", "could not be read", "bad" if counts.errors else ""),
        _card(f"{counts.findings:,}", "findings", "bad" if counts.findings else ""),
        _card(f"{rate:.1f}%", "of checked articles have a finding"),
        "</div>",
    ]
    parts.append("<h2>Findings by rule</h2>")
    if counts.by_rule:
        bars = [
            (f"{_e(rule)} <span class=kind>{_e(kind)}</span>", float(n))
            for (rule, kind), n in counts.by_rule.most_common()
        ]
        parts.append(_bars(bars, "findings"))
    else:
        parts.append("<p>No findings: every checked article is consistent.</p>")
    parts.append(
        "<h2>By month</h2><p>Findings per 100 checked articles, by the month of each article's date.</p>"
    )
    months = sorted(counts.articles_by_month)
    parts.append(
        _columns([(m, counts.findings_by_month[m] / counts.articles_by_month[m] * 100) for m in months])
    )
    by_month = [[m, f"{counts.articles_by_month[m]:,}", f"{counts.findings_by_month[m]:,}"] for m in months]
    parts.append(
        f"<details><summary>The counts, month by month</summary>{_table(['month', 'articles', 'findings'], by_month)}</details>"
    )
    for name, articles in counts.articles_by_group.items():
        found = counts.findings_by_group[name]
        parts.append(f"<h2>By {_e(name)}</h2><p>Findings per 100 checked articles.</p>")
        values = sorted(articles, key=lambda v: (-found[v] / articles[v], v))
        parts.append(
            _bars([(_e(v), round(found[v] / articles[v] * 100, 2)) for v in values], "per 100", raw=True)
        )
        parts.append(
            _table([name, "articles", "findings"], [[v, f"{articles[v]:,}", f"{found[v]:,}"] for v in values])
        )
    parts.append("<h2>Most common slips</h2>")
    slips = sorted(counts.slips.items(), key=lambda item: (-item[1].count, item[0]))[:15]
    if not slips:
        parts.append("<p>None.</p>")
    for (rule, message), slip in slips:
        parts.append(
            f"<details><summary><b>{slip.count:,}</b> × <code>{_e(rule)}</code> {_e(message)}</summary><ul>"
        )
        for ident, line, arithmetic, suggestion in slip.examples:
            parts.append(f"<li><code>{_e(ident)}:{line}</code> {_e(arithmetic)} <i>{_e(suggestion)}</i></li>")
        parts.append("</ul></details>")
    if counts.error_kinds:
        parts.append("<h2>Articles that could not be read</h2>")
        errors = [
            [kind, f"{n:,}", counts.error_examples[kind]] for kind, n in counts.error_kinds.most_common(20)
        ]
        parts.append(_table(["error", "articles", "for example"], errors))
    parts.append(_HOWTO)
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _card(value: str, label: str, tone: str = "") -> str:
    return f'<div class="card {tone}"><b>{_e(value)}</b><span>{_e(label)}</span></div>'


def _bars(rows: list[tuple[str, float]], unit: str, *, raw: bool = False) -> str:
    """A horizontal bar chart; labels are HTML already escaped by the caller."""
    top = max((value for _, value in rows), default=0) or 1
    lines = ['<table class="bars">']
    for label, value in rows:
        width = value / top * 100
        shown = f"{value:,.2f}" if raw else f"{value:,.0f}"
        lines.append(
            f'<tr><th>{label}</th><td><svg width="100%" height="14" role="img" aria-label="{shown} {unit}">'
            f'<rect width="{width:.2f}%" height="14" rx="2"/></svg></td><td class=n>{shown}</td></tr>'
        )
    lines.append("</table>")
    return "\n".join(lines)


def _columns(points: list[tuple[str, float]]) -> str:
    """A column chart of one value per month."""
    if not points:
        return "<p>No dated articles.</p>"
    width, height, pad = 960, 200, 28
    step = (width - pad) / len(points)
    top = max(value for _, value in points) or 1
    shapes = []
    for k, (label, value) in enumerate(points):
        bar = (height - pad) * value / top
        x = pad + k * step
        shapes.append(
            f'<rect x="{x + 2:.1f}" y="{height - pad - bar:.1f}" width="{max(step - 4, 1):.1f}" height="{bar:.1f}">'
            f"<title>{_e(label)}: {value:.2f}</title></rect>"
        )
        if len(points) <= 24 or k % max(1, len(points) // 12) == 0:
            shapes.append(
                f'<text x="{x + step / 2:.1f}" y="{height - 8}" text-anchor="middle">{_e(label)}</text>'
            )
    return (
        f'<svg class="columns" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="findings per 100 articles by month">{"".join(shapes)}</svg>'
    )


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table class=grid><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


_HEAD: Final = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Consistency audit</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{margin-bottom:0}.lead{color:#666;margin-top:.2rem;word-break:break-all}
h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin:1.2rem 0}
.card{border:1px solid #ddd;border-radius:8px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.6rem}.card span{color:#555;font-size:.85rem}
.card.bad b{color:#b3261e}
table{border-collapse:collapse;width:100%}.bars th{text-align:left;font-weight:normal;width:40%;padding:2px 8px 2px 0}
.bars td{padding:2px 0}.bars rect,.columns rect{fill:#b3261e}.n{text-align:right;width:6rem;font-variant-numeric:tabular-nums}
.kind{color:#777;font-size:.85em}.columns text{font-size:13px;fill:#555}
.grid{margin-top:.8rem;font-size:.9rem}.grid th,.grid td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left}
details{margin:.4rem 0}summary{cursor:pointer}code{background:#f4f4f4;padding:0 3px;border-radius:3px}
pre{background:#f4f4f4;padding:.8rem;overflow-x:auto}
</style></head><body>"""

_HOWTO: Final = """<h2>Open one article</h2>
<p>Every finding names its article and line (<code>id:line</code>). To see that article with its
claims underlined and each finding's arithmetic beside it, check it on its own with the editor's page:</p>
<pre>consistency check --format html path/to/article.md &gt; article.html</pre>
<p>For an article held in a JSON Lines archive, pipe its text in:</p>
<pre>jq -r 'select(.id == "ID") | .text' archive.jsonl \\
  | consistency check --format html --date 2024-05-01 - &gt; article.html</pre>
<p>The findings themselves are in <code>findings/</code>, a Parquet dataset with one row per finding
(rule, line, message, expected and stated intervals, arithmetic and the fix expected); every article
read is in <code>articles/</code>, with its error when it could not be checked.</p>"""
