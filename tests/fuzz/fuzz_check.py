"""An atheris (libFuzzer) harness for long fuzzing runs of the whole checker.

    pip install '.[fuzz]'
    mkdir -p .fuzz-corpus
    python tests/fuzz/fuzz_check.py .fuzz-corpus tests/fuzz/seeds -max_total_time=3600

libFuzzer grows the first folder with the inputs it finds interesting and reads the seeds from the
second. A crashing input is written to the working folder as crash-*: add it to `seeds/` with the
fix, so the test suite replays it from then on.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["consistency"]):
    from targets import check_bytes


def main() -> None:
    """Fuzz `check_bytes` with libFuzzer's arguments from the command line."""
    atheris.Setup(sys.argv, check_bytes)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
