"""Extraction time grows linearly with the text, whatever the text repeats.

Each test times two sizes in the same run and bounds their ratio (doubling the text may at most
triple the time); no wall-clock limit is asserted.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Callable, Iterator

import pytest

import consistency

from conftest import ROOT


def _best_time(text: str, runs: int = 3, run: Callable[[str], object] = consistency.extract) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - started)
    return best


@contextlib.contextmanager
def _test_heap_set_aside() -> Iterator[None]:
    """The test process's own heap (pytest, hypothesis, every test module) set aside from the garbage
    collector, which would otherwise walk it on each full collection a large document triggers: the
    checker is timed with the collector on, as in a `consistency check` process."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _doubling_ratio(unit: str, size: int, limit: int, run: Callable[[str], object]) -> tuple[int, float]:
    """The size timed and how much longer twice it takes, growing the text until it takes 0.1 s."""
    with _test_heap_set_aside():
        # Grow the small text until it takes long enough to time reliably (cheap inputs need more).
        while _best_time(_repeat(unit, size), 1, run) < 0.1 and size < limit:
            size *= 2
        small, large = _repeat(unit, size), _repeat(unit, 2 * size)
        # A slow algorithm is slow every time; a burst of load on the machine is not: a ratio near
        # the bound is measured once more and the better of the two kept.
        ratio = _alternated_ratio(small, large, run)
        if ratio >= 2.8:
            ratio = min(ratio, _alternated_ratio(small, large, run))
    return size, ratio


def _alternated_ratio(small: str, large: str, run: Callable[[str], object]) -> float:
    """Best-of-5 time of `large` over that of `small`, the two timed in turn so load slows both alike."""
    small_best = large_best = float("inf")
    for _ in range(5):
        small_best = min(small_best, _best_time(small, 1, run))
        large_best = min(large_best, _best_time(large, 1, run))
    return large_best / small_best


@pytest.mark.parametrize(
    "unit",
    [
        "twenty-five ",  # a run of number words once made every word re-read the whole run
        "1,1,",  # one long digit run: the digit scan once kept a backtracking point per group
        "1,000,",
        "more than $3.3 billion (2,300 staff) ",
        "| 5 | 6 |\n",
        "hundreds of thousands of ",
        "March 5, ",
    ],
)
def test_doubling_the_text_at_most_triples_the_time(unit: str) -> None:
    """Adversarial repetitions stay linear: 2x the text costs at most 3x the time."""
    size, ratio = _doubling_ratio(unit, 100_000, 3_200_000, consistency.extract)
    assert ratio < 3.0, f"{unit!r}: doubling {size:,} characters took {ratio:.1f}x the time"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize(
    "unit",
    [
        "The lab reported the cost as $5 million. ",  # restatement: the figure before each one
        "Its fund, which accounts for 44% of the total budget, stands at $109.1 million. ",
        "The span of 4,260 feet is 60 feet longer than the Golden Gate's. ",
        "Revenue was $5m and operating profit $1m, an operating margin of 20%. ",
        "Exports were $3m and imports $5m, a trade deficit of $2m. ",
        "Okafor won 33 percent with 100 votes and Lind 30 percent with 90. ",
        "The fund raised $9m. Of that, $1m went to schools and $2m to clinics. ",
        "It expanded by 300 people to 2,300 people. ",
        "A 70-year-old runner, born in 1951, was described as 71. ",
    ],
)
def test_checking_stays_linear_on_repeated_relations(unit: str) -> None:
    """Every rule, document-wide ones included, costs at most 3x the time for 2x the text."""
    size, ratio = _doubling_ratio(unit, 20_000, 1_280_000, consistency.check)
    assert ratio < 3.0, f"{unit!r}: doubling {size:,} characters took {ratio:.1f}x the time to check"


# The inputs a hostile or broken feed sends, as `benchmarks/adversarial.py` times them at 1 MB and
# 2 MB; here they double from where they take a tenth of a second.
sys.path.insert(0, str(ROOT / "benchmarks"))
from adversarial import INPUTS as ADVERSARIAL  # noqa: E402  (benchmarks/ is no package)


@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_input_checks_in_linear_time(unit: str) -> None:
    """The whole check (parse, extract, every rule) costs at most 3x the time for 2x the input."""
    size, ratio = _doubling_ratio(unit, 50_000, 3_200_000, consistency.check)
    assert ratio < 3.0, f"{unit!r}: doubling {size:,} characters took {ratio:.1f}x the time to check"
