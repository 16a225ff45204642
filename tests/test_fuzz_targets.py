"""The fuzz target (tests/fuzz/), replayed on its seeds and on hypothesis's bytes, without atheris."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = Path(__file__).resolve().parent / "fuzz"
sys.path.insert(0, str(FUZZ))

from targets import check_bytes  # noqa: E402  (the harness's folder is no package)

SEEDS = sorted((FUZZ / "seeds").iterdir())
# A seed with a few random bytes spliced in somewhere: inputs near real articles, as a fuzzer makes.
SPLICED = st.tuples(
    st.sampled_from([seed.read_bytes() for seed in SEEDS]), st.integers(0, 1000), st.binary(max_size=24)
).map(lambda parts: parts[0][: parts[1]] + parts[2] + parts[0][parts[1] :])


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name for seed in SEEDS])
def test_seeds_pass_the_fuzz_target(seed: Path) -> None:
    """Every input the fuzzer started from, or once crashed on, checks cleanly."""
    check_bytes(seed.read_bytes())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | SPLICED)
def test_random_bytes_pass_the_fuzz_target(data: bytes) -> None:
    """Bytes of any kind: refused with one line, or checked alike twice."""
    check_bytes(data)
