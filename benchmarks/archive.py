"""A generated news archive with planted inconsistencies, for `consistency audit`.

Each article is a synthetic story from `corpus.py` with one more paragraph that states a relation
between figures: a team grown by so many people, parts of a fund, a distance in kilometres and
miles, a percent change, a share of votes, "doubled", poll shares, a figure given twice, months
since a date. In a known share of the articles (`error_rate`) that relation is made wrong, one kind
after another, and the truth records the article, the check kind that must flag it and its line.

    python benchmarks/archive.py 100000 /tmp/archive.jsonl [--error-rate 0.05] [--seed 0]

writes the archive as JSON Lines (`id`, `text`, `date`, and `desk` and `region` as metadata) and
`/tmp/archive.truth.json` beside it. All prose is template text written for this project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import _article  # the story generator, one article per call

DESKS = ["business", "markets", "technology", "science", "politics", "world", "energy", "transport"]
REGIONS = ["Europe", "Asia", "Americas", "Africa", "Oceania"]
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_DATE = re.compile(r"^date: (\S+)$", re.M)
MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


@dataclass(frozen=True)
class Planted:
    """An inconsistency put in an article on purpose: the check kind that must find it, and where."""

    id: str
    kind: str
    line: int


# Each relation takes the random source, the article date and whether to make it wrong, and
# returns its paragraph. Wrong figures are off by far more than any rounding in the text allows.
Relation = Callable[[random.Random, dt.date, bool], str]


def _team(rng: random.Random, date: dt.date, wrong: bool) -> str:
    before, added = rng.randint(120, 900), rng.randint(200, 2000)
    after = before + added + (rng.randint(added // 2, added) if wrong else 0)
    return (
        f"The operator had {before:,} wind turbines at the start of {date.year - 1}. "
        f"Its fleet has since grown by {added:,} turbines to {after:,} turbines."
    )


def _fund(rng: random.Random, date: dt.date, wrong: bool) -> str:
    pensions, insurers, banks = rng.randint(40, 90), rng.randint(10, 35), rng.randint(5, 25)
    total = pensions + insurers + banks - (rng.randint(15, 30) if wrong else 0)
    if wrong and total % 10 == 0:
        total -= 1  # a round total reads as rounded to tens, wide enough to hide the slip
    return (
        f"The infrastructure fund closed at ${total} million. Of the total, ${pensions} million came "
        f"from pension funds, ${insurers} million from insurers and ${banks} million from banks."
    )


def _pipeline(rng: random.Random, date: dt.date, wrong: bool) -> str:
    km = rng.randint(30, 180) * 10
    miles = round(km * (0.85 if wrong else 0.621371))
    if wrong and miles % 100 == 0:
        miles += 7  # a round figure reads as rounded to hundreds, wide enough to hide the slip
    return f"The new transmission line runs {km:,} kilometres ({miles:,} miles) across the valley."


def _revenue(rng: random.Random, date: dt.date, wrong: bool) -> str:
    old = rng.randint(800, 3000) / 10
    new = round(old * rng.uniform(1.03, 1.4), 1)
    change = (new / old - 1) * 100 + (rng.uniform(8, 15) if wrong else 0)
    return f"Sales rose {change:.1f}% to €{new:.1f}m, compared with €{old:.1f}m a year earlier."


def _votes(rng: random.Random, date: dt.date, wrong: bool) -> str:
    total = rng.randint(20_000, 90_000)
    won = round(total * rng.uniform(0.3, 0.7))
    share = round(won / total * 100) + (rng.choice((-1, 1)) * rng.randint(8, 15) if wrong else 0)
    return f"The winning candidate took {won:,} of {total:,} votes cast, or {share} percent."


def _members(rng: random.Random, date: dt.date, wrong: bool) -> str:
    before = rng.randint(300, 5000)
    after = round(before * (rng.uniform(2.5, 3.0) if wrong else 2))
    return f"Membership of the cooperative doubled from {before:,} to {after:,} in two years."


def _poll(rng: random.Random, date: dt.date, wrong: bool) -> str:
    first = rng.randint(30, 50)
    second = rng.randint(20, 90 - first)
    rest = 100 - first - second + (rng.randint(8, 15) if wrong else 0)
    return f"The survey put {first}% behind the plan, {second}% against it and {rest}% undecided."


def _census(rng: random.Random, date: dt.date, wrong: bool) -> str:
    growth = rng.randint(50, 250) / 10
    rounded = round(growth) - (rng.randint(3, 4) if wrong else 0)
    return f"The town's population grew by {growth:.1f} percent, or about {rounded} percent, over the decade."


def _since(rng: random.Random, date: dt.date, wrong: bool) -> str:
    months = rng.randint(6, 30)
    index = date.year * 12 + date.month - 1 - months
    year, month = divmod(index, 12)
    stated = months + (rng.randint(8, 12) if wrong else 0)
    return f"In the {stated} months since {MONTH_NAMES[month]} {year}, orders at the yard have stalled."


# Each relation with the check kind that must flag it when it is wrong.
RELATIONS: list[tuple[str, Relation]] = [
    ("change", _team),
    ("sum", _fund),
    ("conversion", _pipeline),
    ("percent_change", _revenue),
    ("percent_of", _votes),
    ("ratio", _members),
    ("shares_total", _poll),
    ("restatement", _census),
    ("date_span", _since),
]


def generate(
    count: int, *, error_rate: float = 0.05, seed: int = 0
) -> Iterator[tuple[dict[str, str], Planted | None]]:
    """`count` archive records and, for each, the inconsistency planted in it (None when clean)."""
    rng = random.Random(seed)
    for number in range(count):
        story = _article(rng)
        front = _FRONT_MATTER.match(story)
        found = _DATE.search(front.group(1)) if front is not None else None
        if front is None or found is None:
            raise RuntimeError("corpus.py wrote a story without a dated front matter")
        date = dt.date.fromisoformat(found.group(1))
        body = story[front.end() :].lstrip("\n")
        kind, relation = RELATIONS[number % len(RELATIONS)]
        wrong = rng.random() < error_rate
        blocks = body.rstrip("\n").split("\n\n")
        at = rng.randint(2, len(blocks))  # after the heading and the lead paragraph
        blocks.insert(at, relation(rng, date, wrong))
        text = "\n\n".join(blocks) + "\n"
        line = text.count("\n", 0, text.index(blocks[at])) + 1
        ident = f"a{number:07d}"
        record = {
            "id": ident,
            "date": date.isoformat(),
            "desk": rng.choice(DESKS),
            "region": rng.choice(REGIONS),
        }
        record["text"] = text
        yield record, (Planted(ident, kind, line) if wrong else None)


def write_archive(path: Path, count: int, *, error_rate: float = 0.05, seed: int = 0) -> list[Planted]:
    """Write `count` records to `path` as JSON Lines; returns what was planted."""
    planted: list[Planted] = []
    with path.open("w", encoding="utf-8") as out:
        for record, plant in generate(count, error_rate=error_rate, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if plant is not None:
                planted.append(plant)
    return planted


def main() -> None:
    """Write an archive and its truth file from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--error-rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    planted = write_archive(args.path, args.count, error_rate=args.error_rate, seed=args.seed)
    truth = args.path.with_suffix(".truth.json")
    truth.write_text(json.dumps([p.__dict__ for p in planted], indent=1) + "\n", encoding="utf-8")
    print(f"{args.count:,} articles, {len(planted):,} planted inconsistencies -> {args.path}, {truth}")


if __name__ == "__main__":
    main()
