"""Time the whole check on adversarial inputs of 1 MB and 2 MB, and the ratio between the two.

The inputs are those a hostile or broken feed sends: a megabyte of one character class, one endless
line of figures, Markdown nested as deep as the text allows. Linear time means the 2 MB run takes
about twice the 1 MB run; the target is at most three times. Each size is timed `--repeat` times
in this one process and the best kept.

    python benchmarks/adversarial.py [--repeat R] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence

from consistency.runner import check_text, settings

# Repeated to the size asked for: each one stresses one part of the reader or the rules.
INPUTS = {
    "digit groups": "1,",
    "digits": "1234567890",
    "opening brackets": "(",
    "dollar signs": "$",
    "qualifiers": "more than about nearly ",
    "one endless line of figures": "Revenue rose 12% to $4.5 billion from $4 billion, ",
    "nested quotes": "> ",
    "nested lists": "- * ",
    "emphasis marks": "*_",
    "link brackets": "[",
    "table pipes": "| 5 |",
}
SIZES = (1_000_000, 2_000_000)


def repeated(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def best_time(text: str, repeat: int) -> float:
    """The fastest of `repeat` full checks of `text`, rules loaded beforehand."""
    run = settings()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        check_text(text, run)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per input: seconds at 1 MB and 2 MB and their ratio; exit 1 if any ratio > 3."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size, best kept (default 3)")
    parser.add_argument("--json", action="store_true", help="one JSON line on stdout, the table on stderr")
    args = parser.parse_args(argv)
    out = sys.stderr if args.json else sys.stdout
    best_time("warm up: load rules, units and the FX table", 1)
    results = {}
    print(f"{'input':<28} {'1 MB s':>8} {'2 MB s':>8} {'ratio':>6}", file=out)
    for name, unit in INPUTS.items():
        small, large = (best_time(repeated(unit, size), args.repeat) for size in SIZES)
        results[name] = {"1MB_s": round(small, 3), "2MB_s": round(large, 3), "ratio": round(large / small, 2)}
        print(f"{name:<28} {small:>8.2f} {large:>8.2f} {large / small:>6.2f}", file=out)
    worst = max(r["ratio"] for r in results.values())
    print(
        f"adversarial: {len(INPUTS)} inputs at 1 MB and 2 MB, worst doubling ratio {worst:.2f} (target <= 3)",
        file=out,
    )
    if args.json:
        print(json.dumps({"inputs": results, "worst_ratio": worst}))
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
