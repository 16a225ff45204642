"""Extraction time grows linearly with the text, whatever the text repeats.

Each test times two sizes in the same run and bounds their ratio (doubling the text may at most
triple the time); no wall-clock limit is asserted.
"""

from __future__ import annotations

import time

import pytest

import consistency


def _best_time(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        consistency.extract(text)
        best = min(best, time.perf_counter() - started)
    return best


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
    size = 100_000
    # Grow the small text until it takes long enough to time reliably (cheap inputs need more).
    while _best_time(_repeat(unit, size), runs=1) < 0.05 and size < 1_600_000:
        size *= 2
    ratio = _best_time(_repeat(unit, 2 * size), runs=5) / _best_time(_repeat(unit, size), runs=5)
    assert ratio < 3.0, f"{unit!r}: doubling {size:,} characters took {ratio:.1f}x the time"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]
