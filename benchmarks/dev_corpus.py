"""Measure false findings and mutation recall of the checker on the dev corpus, in one process.

Two measures, both through the Python API (`consistency.runner.check_text`, rules and FX table
loaded once):

* newsquant  every sentence of `newsquant/newsquant-dev.json` checked as its own undated article.
             They are real news sentences, so every finding counts as false.
* relations  the labelled articles of `relations/`, first as published: a finding is justified when
             it belongs to a relation labelled inconsistent or unclear, or to one whose labels give an
             `fx_date` or `source_date` other than the article's date (the checker cannot know it);
             any other finding is false. Then, for every consistent relation that is not a trap, one
             figure (the stated one first, then the total or later value, then any other) is moved by
             about 30% in the same notation, down after an upper bound such as "nearly" and up
             otherwise; the mutation is caught when the mutated article has a finding, not in the
             clean run, that belongs to the mutated relation.

A finding belongs to a relation when its range, or the start of one of its claims, falls within one
of the relation's spans (the first occurrence of the span text in the body, with two characters of
slack before and one after). This is the scoring of ../shared/tools/score_relations.py, which runs
the command line instead. On the same checker the two agree, with two small differences: a finding
that a mutation of another length only moved along its line counts as old here, and a moved figure
that ends in a half is rounded up here (2005 x 1.3 = 2606.5 gives 2607, not 2606).

    python benchmarks/dev_corpus.py [--corpus DIR] [--show N] [--json]

`--corpus` defaults to ../shared/dev-corpus beside the repository. `--show N` lists up to N false
findings and N missed mutations. With `--json` the table goes to standard error and one JSON object
to standard output. The targets (at most one false finding per 50 sentences or articles, at least
95% of mutations caught) are reported, not enforced: the exit status is 0 once the corpus is read.

The corpus is published text: it is read at run time and none of it is kept in the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, TextIO

import yaml

from consistency.findings import Finding
from consistency.runner import Settings, check_text, settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "dev-corpus"
NEWSQUANT_FILE = Path("newsquant") / "newsquant-dev.json"
RELATIONS_DIR = Path("relations")
LABELS_SUFFIX = ".labels.yaml"

PER = 50  # false findings are counted per this many sentences or articles
TARGET_FALSE_PER = 1.0
TARGET_RECALL = 0.95
FACTOR_UP = Decimal("1.3")
FACTOR_DOWN = Decimal("0.7")
SLACK_BEFORE = 2  # a claim may start just before its span (a sign, a currency symbol)
SLACK_AFTER = 1
MAX_RANGE = 400  # a finding's range longer than this says nothing about where it is

# Roles of the figure to mutate, most preferred first: any `stated*` role comes before these.
PREFERRED_ROLES = ("total", "to", "b", "value", "after", "whole", "amount")
# Older label files name some kinds differently.
KIND_ALIASES = {
    "currency_conversion": "conversion",
    "unit_conversion": "conversion",
    "shares_sum_to_100": "shares_total",
    "ratio_word": "ratio",
    "per_unit": "ratio",
    "date_arithmetic": "date_span",
}

# A printed number: digits grouped by commas (western or Indian), or a plain run, with decimals.
NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?(?!\d)")
INDIAN_GROUPING = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")
# An upper bound just before a figure, allowing a short currency prefix: "nearly US$", "under Rs ".
UPPER_BOUND = re.compile(
    r"\b(?:nearly|almost|under|less than|up to|below|no more than|at most)\W*[^\d\s]{0,4}\s*$",
    re.IGNORECASE,
)
CONTEXT_BEFORE = 20  # characters read before a figure to find its qualifier

Range = tuple[int, int]
Relation = dict[str, Any]
Check = Callable[[str, dt.date | None], list[Finding]]


@dataclass(frozen=True, slots=True)
class Article:
    """A labelled article: its front matter and body as printed, and its relations."""

    name: str
    front: str
    body: str
    date: str | None  # front matter date, else the labels' `fx_date`; relation dates are judged by it
    check_date: dt.date | None  # a date to give the checker when the front matter has none
    relations: list[Relation]

    @property
    def text(self) -> str:
        """The whole article as the checker reads it."""
        return self.front + self.body


@dataclass(frozen=True, slots=True)
class Mutation:
    """One figure of a consistent relation replaced by a figure about 30% away."""

    article: Article
    relation: Relation
    start: int  # offset of the figure in the body
    original: str
    mutated: str
    span: str

    @property
    def kind(self) -> str:
        """The relation's kind under its current name."""
        return relation_kind(self.relation)

    @property
    def body(self) -> str:
        """The article body with the figure replaced."""
        end = self.start + len(self.original)
        return self.article.body[: self.start] + self.mutated + self.article.body[end:]

    def moved(self, offset: int) -> int:
        """Where a whole-text `offset` of the clean article lies in the mutated one."""
        at = len(self.article.front) + self.start
        return offset if offset <= at else offset + len(self.mutated) - len(self.original)


@dataclass
class KindTally:
    """Mutations of one relation kind: how many were checked and caught, and caught as that kind."""

    mutations: int = 0
    caught: int = 0
    same_kind: int = 0


@dataclass
class RelationsScore:
    """What the relations corpus measured."""

    articles: int = 0
    findings: int = 0
    false: list[str] = field(default_factory=list)
    real_errors: int = 0
    real_errors_found: int = 0
    unmutable: int = 0
    by_kind: dict[str, KindTally] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)

    @property
    def mutations(self) -> int:
        """Mutations checked."""
        return sum(t.mutations for t in self.by_kind.values())

    @property
    def caught(self) -> int:
        """Mutations caught."""
        return sum(t.caught for t in self.by_kind.values())

    @property
    def same_kind(self) -> int:
        """Mutations caught by a finding of the relation's own kind."""
        return sum(t.same_kind for t in self.by_kind.values())


# Reading the corpus


def load_sentences(path: Path) -> list[str]:
    """The `text` of every NewsQuant record in `path`."""
    records = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(records, list) or not all(isinstance(r, dict) and "text" in r for r in records):
        raise SystemExit(f"{path}: expected a JSON list of records with a 'text'")
    return [str(r["text"]) for r in records]


def split_front_matter(text: str) -> tuple[str, str]:
    """The YAML front matter with its `---` fences, and the body after it."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[: end + 5], text[end + 5 :]
    return "", text


def front_matter_date(front: str) -> str | None:
    """The `date:` of the front matter as an ISO string, or None when absent or null."""
    if not front:
        return None
    meta = yaml.safe_load(front.strip().strip("-")) or {}
    value = meta.get("date") if isinstance(meta, dict) else None
    return str(value) if value else None


def load_article(labels_path: Path) -> Article:
    """The article beside `labels_path` with its labels; an undated one takes the labels' `fx_date`."""
    stem = labels_path.name.removesuffix(LABELS_SUFFIX)
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8")) or {}
    front, body = split_front_matter(labels_path.with_name(f"{stem}.md").read_text(encoding="utf-8"))
    date = front_matter_date(front)
    check_date = None
    if date is None and labels.get("fx_date"):
        date = str(labels["fx_date"])
        check_date = dt.date.fromisoformat(date)
    return Article(stem, front, body, date, check_date, list(labels.get("relations") or []))


def load_articles(folder: Path) -> list[Article]:
    """Every labelled article of `folder`, sorted by name."""
    return [load_article(p) for p in sorted(folder.glob(f"*{LABELS_SUFFIX}"))]


# Where findings fall


def relation_kind(relation: Relation) -> str:
    """The relation's kind, older names mapped to the nine current ones."""
    kind = str(relation.get("kind", "?"))
    return KIND_ALIASES.get(kind, kind)


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line of `text`."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def to_offset(starts: Sequence[int], line: int, column: int) -> int | None:
    """Offset in the text of a 1-based line and column, or None when the line is not in it."""
    if not 1 <= line <= len(starts):
        return None
    return starts[line - 1] + max(column - 1, 0)


def finding_places(finding: Finding, starts: Sequence[int]) -> tuple[list[int], Range | None]:
    """The offsets where the finding and its claims start, and the finding's own range if known."""
    begin = to_offset(starts, finding.line, finding.column)
    end = to_offset(starts, finding.end_line, finding.end_column)
    points = [begin] + [to_offset(starts, c.line, c.column) for c in finding.claims]
    own = (begin, end) if begin is not None and end is not None else None
    return [p for p in points if p is not None], own


def span_ranges(relation: Relation, body: str, base: int) -> list[Range]:
    """Whole-text ranges of the relation's spans, each at its first occurrence in the body."""
    ranges = []
    for span in relation.get("spans") or []:
        if isinstance(span, str) and span in body:
            start = base + body.index(span)
            ranges.append((start, start + len(span)))
    return ranges


def falls_within(finding: Finding, starts: Sequence[int], ranges: Iterable[Range]) -> bool:
    """Whether a start of the finding or its claims, or its own range, meets one of `ranges`."""
    points, own = finding_places(finding, starts)
    for low, high in ranges:
        if any(low - SLACK_BEFORE <= p <= high + SLACK_AFTER for p in points):
            return True
        if own and own[0] <= high and low <= own[1] and own[1] - own[0] < MAX_RANGE:
            return True
    return False


def excused(relation: Relation, article_date: str | None) -> bool:
    """Whether a finding on this relation is justified: not consistent, or dated other than the article."""
    if relation.get("verdict") in ("inconsistent", "unclear"):
        return True
    own_date = relation.get("fx_date") or relation.get("source_date")
    return own_date is not None and str(own_date) != str(article_date)


def describe(name: str, finding: Finding, trap: bool) -> str:
    """One line for a false finding: where, which rule, and the start of its message."""
    mark = "TRAP " if trap else ""
    return f"{name}:{finding.line}: {mark}{finding.rule} ({finding.kind}) {finding.message[:110]}"


# Mutations


def candidate_figures(quantities: dict[str, Any]) -> list[str]:
    """The relation's figures as printed, the one to mutate first.

    Stated roles come first, then totals and later values, then the other single figures in label
    order, then members of lists, last member first.
    """
    single = {role: str(v) for role, v in quantities.items() if isinstance(v, str | int | float)}
    stated = [r for r in single if r == "stated"] + sorted(r for r in single if r.startswith("stated_"))
    preferred = [r for r in PREFERRED_ROLES if r in single]
    rest = [r for r in single if r not in stated and r not in preferred]
    listed = [
        str(x)
        for v in quantities.values()
        if isinstance(v, list)
        for x in reversed(v)
        if not isinstance(x, dict)
    ]
    return [single[r] for r in stated + preferred + rest] + listed


def digits(number: str) -> str:
    """A printed number without its grouping commas."""
    return number.replace(",", "")


def locate_figure(relation: Relation, body: str) -> tuple[int, str, str] | None:
    """Body offset, printed number and span of the figure to mutate, or None if none is found."""
    quantities = relation.get("quantities")
    if not isinstance(quantities, dict):
        return None
    spans = [s for s in relation.get("spans") or [] if isinstance(s, str) and s in body]
    for figure in candidate_figures(quantities):
        wanted = NUMBER.search(figure)
        if wanted is None:
            continue
        for span in spans:
            for number in NUMBER.finditer(span):
                if digits(number.group()) == digits(wanted.group()):
                    return body.index(span) + number.start(), number.group(), span
    return None


def group_digits(integer: str, indian: bool) -> str:
    """An integer's digits grouped by commas: in thousands, or the Indian way (lakh, crore)."""
    if len(integer) <= 3:
        return integer
    if not indian:
        return f"{int(integer):,}"
    head, groups = integer[:-3], [integer[-3:]]
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(([head] if head else []) + groups)


def move_figure(number: str, before: str) -> str:
    """`number` moved by about 30% in the same notation: decimals and grouping kept.

    After an upper bound ("nearly 700") it moves down, elsewhere up, so that a lower bound such as
    "more than" cannot absorb the change. If rounding undoes the move, it moves by one last digit.
    """
    value = Decimal(digits(number))
    down = UPPER_BOUND.search(before) is not None
    unit = Decimal(1).scaleb(-len(number.partition(".")[2]))  # one in the last printed digit
    moved = (value * (FACTOR_DOWN if down else FACTOR_UP)).quantize(unit, rounding=ROUND_HALF_UP)
    if moved == value:
        moved = value - unit if down and value >= unit else value + unit
    integer, _, decimals = f"{moved:f}".partition(".")
    if "," in number:
        integer = group_digits(integer, INDIAN_GROUPING.fullmatch(number) is not None)
    return f"{integer}.{decimals}" if decimals else integer


def mutable(relation: Relation) -> bool:
    """Whether the relation is one to mutate: labelled consistent and not a trap."""
    return relation.get("verdict") == "consistent" and not relation.get("trap")


def mutate(article: Article, relation: Relation) -> Mutation | None:
    """The relation's one-number mutation, or None when its figure cannot be found in the body."""
    found = locate_figure(relation, article.body)
    if found is None:
        return None
    start, number, span = found
    before = article.body[max(0, start - CONTEXT_BEFORE) : start]
    return Mutation(article, relation, start, number, move_figure(number, before), span)


def finding_key(finding: Finding, starts: Sequence[int], move: Callable[[int], int]) -> tuple[Any, ...]:
    """What identifies a finding across runs: rule, kind and where it starts, moved by `move`."""
    begin = to_offset(starts, finding.line, finding.column)
    return finding.rule, finding.kind, None if begin is None else move(begin)


# Scoring


def checker(run: Settings, errors: list[str]) -> Check:
    """Check one text with `run`, a date overriding the front matter's; failures go to `errors`."""

    def check(text: str, date: dt.date | None) -> list[Finding]:
        try:
            return list(check_text(text, replace(run, date=date) if date else run).findings)
        except Exception as exc:  # a benchmark reports a crash and goes on
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
            return []

    return check


def score_newsquant(sentences: Sequence[str], check: Check) -> list[str]:
    """One line per finding on the sentences, all of them false."""
    return [
        f"sentence {i}: {f.rule} ({f.kind}) {f.message[:110]}"
        for i, text in enumerate(sentences)
        for f in check(text, None)
    ]


def score_clean(article: Article, findings: Sequence[Finding], score: RelationsScore) -> None:
    """Count the article's findings as published: false ones, and real errors found."""
    starts = line_starts(article.text)
    base = len(article.front)
    ranges = [span_ranges(r, article.body, base) for r in article.relations]
    score.findings += len(findings)
    for relation, spans in zip(article.relations, ranges, strict=True):
        if relation.get("verdict") == "inconsistent":
            score.real_errors += 1
            score.real_errors_found += any(falls_within(f, starts, spans) for f in findings)
    for f in findings:
        owners = [
            r for r, spans in zip(article.relations, ranges, strict=True) if falls_within(f, starts, spans)
        ]
        if not any(excused(r, article.date) for r in owners):
            score.false.append(describe(article.name, f, any(r.get("trap") for r in owners)))


def new_findings(mutation: Mutation, clean: Sequence[Finding], findings: Sequence[Finding]) -> list[Finding]:
    """Findings of the mutated article that the clean run did not have at the same place."""
    clean_starts = line_starts(mutation.article.text)
    starts = line_starts(mutation.article.front + mutation.body)
    old = {finding_key(f, clean_starts, mutation.moved) for f in clean}
    return [f for f in findings if finding_key(f, starts, lambda p: p) not in old]


def score_mutation(mutation: Mutation, clean: Sequence[Finding], check: Check, score: RelationsScore) -> None:
    """Check the mutated article and count whether a new finding belongs to the mutated relation."""
    article = mutation.article
    text = article.front + mutation.body
    fresh = new_findings(mutation, clean, check(text, article.check_date))
    spans = [
        (mutation.moved(low), mutation.moved(high))
        for low, high in span_ranges(mutation.relation, article.body, len(article.front))
    ]
    starts = line_starts(text)
    mine = [f for f in fresh if falls_within(f, starts, spans)]
    tally = score.by_kind.setdefault(mutation.kind, KindTally())
    tally.mutations += 1
    if mine:
        tally.caught += 1
        tally.same_kind += any(f.kind == mutation.kind for f in mine)
        return
    elsewhere = f"; {len(fresh)} new finding(s) elsewhere" if fresh else ""
    score.missed.append(
        f"{article.name} {mutation.relation.get('id', '?')} ({mutation.kind}): "
        f"{mutation.original} -> {mutation.mutated} in {mutation.span!r}{elsewhere}"
    )


def score_relations(articles: Sequence[Article], check: Check) -> RelationsScore:
    """Check every article as published and every one-number mutation of it."""
    score = RelationsScore(articles=len(articles))
    for article in articles:
        clean = check(article.text, article.check_date)
        score_clean(article, clean, score)
        for relation in filter(mutable, article.relations):
            mutation = mutate(article, relation)
            if mutation is None:
                score.unmutable += 1
            else:
                score_mutation(mutation, clean, check, score)
    return score


# Reporting


def per(count: int, among: int) -> float:
    """`count` per `PER` of `among`."""
    return count * PER / among if among else 0.0


def ratio(part: int, whole: int) -> float:
    """`part` of `whole` as a fraction, 0 for an empty whole."""
    return part / whole if whole else 0.0


def table(sentences: int, nq_findings: int, rel: RelationsScore) -> list[str]:
    """The table of both measures: newsquant, then mutation recall by kind, then the clean articles."""
    lines = [
        f"{'newsquant':<16} {'sentences':>9} {'findings':>9} {'per 50':>8}",
        f"{'':<16} {sentences:>9} {nq_findings:>9} {per(nq_findings, sentences):>8.2f}",
        "",
        f"{'mutations':<16} {'checked':>9} {'caught':>9} {'recall':>8} {'same kind':>10}",
    ]
    for kind, t in sorted(rel.by_kind.items()):
        lines.append(
            f"{kind:<16} {t.mutations:>9} {t.caught:>9} {ratio(t.caught, t.mutations):>8.1%} {t.same_kind:>10}"
        )
    lines.append(
        f"{'all':<16} {rel.mutations:>9} {rel.caught:>9} {ratio(rel.caught, rel.mutations):>8.1%} "
        f"{rel.same_kind:>10}"
    )
    if rel.unmutable:
        lines.append(f"({rel.unmutable} consistent relation(s) with no figure found in their spans)")
    lines += [
        "",
        f"{'relations':<16} {'articles':>9} {'findings':>9} {'false':>8} {'per 50':>8} {'real errors':>12}",
        f"{'as published':<16} {rel.articles:>9} {rel.findings:>9} {len(rel.false):>8} "
        f"{per(len(rel.false), rel.articles):>8.2f} {f'{rel.real_errors_found}/{rel.real_errors}':>12}",
    ]
    return lines


def summary(sentences: int, nq_findings: int, rel: RelationsScore) -> list[str]:
    """The two summary lines."""
    return [
        f"newsquant: {sentences} sentences, {nq_findings} findings, "
        f"{per(nq_findings, sentences):.2f} false per {PER} (target <= {TARGET_FALSE_PER:g})",
        f"relations: {rel.articles} articles, {len(rel.false)} false findings "
        f"({per(len(rel.false), rel.articles):.2f} per {PER}); mutations caught "
        f"{rel.caught}/{rel.mutations} = {ratio(rel.caught, rel.mutations):.1%} "
        f"(target >= {TARGET_RECALL:.0%})",
    ]


def record(
    corpus: Path, nq: list[str], sentences: int, rel: RelationsScore, errors: list[str]
) -> dict[str, Any]:
    """The machine-readable result."""
    return {
        "corpus": str(corpus),
        "newsquant": {
            "sentences": sentences,
            "findings": len(nq),
            "false_per_50": round(per(len(nq), sentences), 3),
            "target_false_per_50": TARGET_FALSE_PER,
        },
        "relations": {
            "articles": rel.articles,
            "findings": rel.findings,
            "false_findings": len(rel.false),
            "false_per_50": round(per(len(rel.false), rel.articles), 3),
            "real_errors": rel.real_errors,
            "real_errors_found": rel.real_errors_found,
            "mutations": rel.mutations,
            "caught": rel.caught,
            "caught_same_kind": rel.same_kind,
            "recall": round(ratio(rel.caught, rel.mutations), 4),
            "target_recall": TARGET_RECALL,
            "unmutable": rel.unmutable,
            "by_kind": {kind: asdict(t) for kind, t in sorted(rel.by_kind.items())},
            "false": rel.false,
            "missed": rel.missed,
        },
        "errors": errors,
    }


def show(title: str, lines: Sequence[str], limit: int, out: TextIO) -> None:
    """Print up to `limit` of `lines` under a title that says how many there are."""
    if limit and lines:
        print(f"\n{title} ({len(lines)}):", file=out)
        for line in lines[:limit]:
            print(f"  {line}", file=out)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help=f"dev corpus folder (default {DEFAULT_CORPUS})"
    )
    parser.add_argument(
        "--show", type=int, default=0, help="list up to N false findings and missed mutations"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object on stdout, the table on stderr"
    )
    args = parser.parse_args(argv)
    if args.show < 0:
        parser.error("--show must be at least 0")
    return args


def corpus_paths(corpus: Path) -> tuple[Path, Path]:
    """The NewsQuant file and the relations folder, or exit with one line saying what is missing."""
    newsquant, relations = corpus / NEWSQUANT_FILE, corpus / RELATIONS_DIR
    if not corpus.is_dir():
        raise SystemExit(f"dev corpus not found: {corpus} (give its folder with --corpus DIR)")
    if not newsquant.is_file():
        raise SystemExit(f"dev corpus incomplete: no {newsquant}")
    if not relations.is_dir() or not any(relations.glob(f"*{LABELS_SUFFIX}")):
        raise SystemExit(f"dev corpus incomplete: no labelled articles (*{LABELS_SUFFIX}) in {relations}")
    return newsquant, relations


def main(argv: Sequence[str] | None = None) -> int:
    """Measure both parts of the corpus, print the table and the summary, and return 0."""
    args = parse_args(argv)
    out = sys.stderr if args.json else sys.stdout
    newsquant_file, relations_dir = corpus_paths(args.corpus)
    sentences = load_sentences(newsquant_file)
    articles = load_articles(relations_dir)

    errors: list[str] = []
    check = checker(settings(), errors)
    nq = score_newsquant(sentences, check)
    rel = score_relations(articles, check)

    for line in table(len(sentences), len(nq), rel):
        print(line, file=out)
    show("newsquant findings", nq, args.show, out)
    show("false findings on the relations articles", rel.false, args.show, out)
    show("missed mutations", rel.missed, args.show, out)
    show("checks that raised", errors, args.show or 3, out)
    print(file=out)
    for line in summary(len(sentences), len(nq), rel):
        print(line, file=out)
    if args.json:
        print(json.dumps(record(args.corpus, nq, len(sentences), rel, errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
