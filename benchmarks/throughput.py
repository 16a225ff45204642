"""Measure extraction throughput (MB/s and articles/s) on one core, in a single process.

Four passes run over the same article texts, each timed `--repeat` times with the best kept:

* regex    a bare `re.findall` for digit runs, the floor any extractor has to pay;
* parse    front matter, Markdown and sentence split only (`parse_document`);
* extract  the full pipeline, `consistency.extract(text)`, which also reports how many claims it found;
* check    extraction and every rule (`consistency check`), with how many findings it raised;
* quantulum3  quantulum3's `parser.parse` on the first `--quantulum-articles` articles (it is some
           thousand times slower), set against our extraction of the same articles in this run,
           when quantulum3 is installed (`pip install '.[bench]'`).

MB means 1e6 bytes of UTF-8 article text. Peak memory is the process's maximum resident set size.
The corpus is generated deterministically by `corpus.generate_articles` unless `--corpus DIR` names a
folder of `*.md` files.

    python benchmarks/throughput.py [--articles N] [--repeat R] [--seed S] [--corpus DIR] [--json]

With `--json` the table goes to standard error and one JSON object to standard output.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

# The corpus generator sits next to this script, which is run as a file rather than a package module.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import consistency
from consistency.document import parse_document
from consistency.runner import check_text, settings
from corpus import generate_articles

# Rules and the FX table are loaded once, as a long-running checker would.
_CHECK_SETTINGS = settings()
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*").findall


@dataclass(frozen=True, slots=True)
class Phase:
    """The best timing of one pass over the corpus."""

    name: str
    seconds: float
    mb_per_s: float
    articles_per_s: float
    items: int


def load_corpus(folder: Path) -> list[str]:
    """The `*.md` files of `folder`, sorted by name, as text."""
    paths = sorted(folder.glob("*.md"))
    if not paths:
        raise SystemExit(f"no *.md files in {folder}")
    return [p.read_text(encoding="utf-8") for p in paths]


def regex_pass(texts: Sequence[str]) -> int:
    """Find every digit run with one compiled regex; returns how many it found."""
    return sum(len(_DIGITS(text)) for text in texts)


def parse_pass(texts: Sequence[str]) -> int:
    """Parse front matter and Markdown and split sentences; returns the number of sentences."""
    return sum(len(parse_document(text).sentence_starts) for text in texts)


def extract_pass(texts: Sequence[str]) -> int:
    """Run the full extraction; returns the number of claims."""
    return sum(len(consistency.extract(text)) for text in texts)


def check_pass(texts: Sequence[str]) -> int:
    """The whole check: extraction and every rule; rules and FX table loaded once beforehand."""
    run = _CHECK_SETTINGS
    return sum(len(check_text(text, run).findings) for text in texts)


def time_pass(name: str, run: Callable[[Sequence[str]], int], texts: Sequence[str], repeat: int) -> Phase:
    """Time `run` over `texts` `repeat` times and keep the fastest, the least disturbed by the machine."""
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    items = 0
    for _ in range(repeat):
        # Collect garbage left by the previous pass so it is not charged to this one.
        gc.collect()
        start = time.perf_counter()
        items = run(texts)
        best = min(best, time.perf_counter() - start)
    return Phase(name, best, size_mb / best, len(texts) / best, items)


def check_extraction(texts: Sequence[str], out: TextIO) -> list[int]:
    """Extract every article once (also a warm-up); report failures and return their indices."""
    failed: list[int] = []
    for i, text in enumerate(texts):
        try:
            consistency.extract(text)
        except Exception:
            failed.append(i)
            # The first few are enough to diagnose; the rest would drown the table.
            if len(failed) <= 3:
                snippet = text[:400].replace("\n", "\n    ")
                print(f"extraction failed on article {i}:\n    {snippet}\n", file=out)
                traceback.print_exc(file=out)
    return failed


def quantulum_ratio(texts: Sequence[str], repeat: int) -> tuple[Phase, Phase] | None:
    """quantulum3's extraction and ours on the same articles, or None when quantulum3 is not installed."""
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # it warns that its optional classifier is missing
            from quantulum3 import parser as quantulum
    except ImportError:
        return None

    def quantulum_pass(texts: Sequence[str]) -> int:
        return sum(len(quantulum.parse(text)) for text in texts)

    quantulum.parse("It rose 5% to $3 million.")  # warm up: its unit tables load on first use

    return time_pass("quantulum3", quantulum_pass, texts, 1), time_pass("ours", extract_pass, texts, repeat)


def peak_memory_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


def summary_line(phases: dict[str, Phase], articles: int, size_mb: float, peak_mb: float) -> str:
    """The one-line `throughput:` summary."""
    ext, par, reg, chk = phases["extract"], phases["parse"], phases["regex"], phases["check"]
    return (
        f"throughput: check {chk.mb_per_s:.1f} MB/s ({chk.articles_per_s:,.0f} articles/s), "
        f"extract {ext.mb_per_s:.1f} MB/s ({ext.articles_per_s:,.0f} articles/s), "
        f"parse {par.mb_per_s:.1f} MB/s, regex baseline {reg.mb_per_s:.1f} MB/s, "
        f"{articles} articles, {size_mb:.1f} MB, peak {peak_mb:.0f} MB"
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000, help="articles to generate (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per pass, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=0, help="corpus random seed (default 0)")
    parser.add_argument("--corpus", type=Path, help="read *.md files from this folder instead of generating")
    parser.add_argument(
        "--quantulum-articles",
        type=int,
        default=40,
        help="articles quantulum3 extracts, against ours on the same (default 40; 0 skips it)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON line on stdout, the table on stderr"
    )
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Build or load the corpus, time the three passes, print the table and the summary."""
    args = parse_args(argv)
    # With --json, stdout carries only the machine-readable line.
    out = sys.stderr if args.json else sys.stdout
    texts = load_corpus(args.corpus) if args.corpus else generate_articles(args.articles, seed=args.seed)

    failed = check_extraction(texts, out)
    if failed:
        print(f"warning: {len(failed)} article(s) raised; all passes skip them", file=out)
        skip = set(failed)
        texts = [t for i, t in enumerate(texts) if i not in skip]
    if not texts:
        print("no article could be extracted", file=out)
        return 1

    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    phases = {
        name: time_pass(name, run, texts, args.repeat)
        for name, run in (
            ("regex", regex_pass),
            ("parse", parse_pass),
            ("extract", extract_pass),
            ("check", check_pass),
        )
    }
    peak_mb = peak_memory_mb()

    labels = {"regex": "numbers", "parse": "sentences", "extract": "claims", "check": "findings"}
    print(f"{'pass':<8} {'best s':>8} {'MB/s':>8} {'articles/s':>11} {'found':>9}", file=out)
    for phase in phases.values():
        found = f"{phase.items:,}"
        print(
            f"{phase.name:<8} {phase.seconds:>8.3f} {phase.mb_per_s:>8.2f} {phase.articles_per_s:>11,.0f} "
            f"{found:>9} {labels[phase.name]}",
            file=out,
        )
    print(summary_line(phases, len(texts), size_mb, peak_mb), file=out)
    compared = (
        quantulum_ratio(texts[: args.quantulum_articles], args.repeat) if args.quantulum_articles else None
    )
    if compared is not None:
        theirs, ours = compared
        print(
            f"quantulum3: {theirs.mb_per_s:.4f} MB/s ({theirs.items:,} quantities) against our "
            f"{ours.mb_per_s:.2f} MB/s ({ours.items:,} claims) on the same {len(texts[: args.quantulum_articles])} "
            f"articles: {ours.mb_per_s / theirs.mb_per_s:,.0f} times faster",
            file=out,
        )

    if args.json:
        record: dict[str, Any] = {
            "articles": len(texts),
            "failed": len(failed),
            "bytes": round(size_mb * 1e6),
            "repeat": args.repeat,
            "peak_mb": round(peak_mb, 1),
            "claims": phases["extract"].items,
            "phases": {name: asdict(phase) for name, phase in phases.items()},
        }
        if compared is not None:
            record["quantulum3"] = {"theirs": asdict(compared[0]), "ours": asdict(compared[1])}
        print(json.dumps(record))
    return 0


if __name__ == "__main__":
    sys.exit(main())
