"""Many files at once: `consistency check --jobs N` against one process, and memory as files grow.

Writes generated articles (benchmarks/corpus.py) into a temporary folder and runs the installed
`consistency` command on them, each run in a fresh process, timing it and reading its peak memory:

* `--jobs 1` and `--jobs 2` over `--articles` files (default 10,000): the JSON outputs must be
  byte for byte equal, and the speed-up is the ratio of their wall times (target >= 1.6 on 2 cores);
* `--jobs 1` over a tenth of the files and over all of them: the peak memory of the second may be at
  most 1.5 times the first.

    python benchmarks/many_files.py [--articles N] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles

# A fresh interpreter runs the checker and reports the peak memory of its process tree (in KiB).
_MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)\n"
    "sys.stdout.buffer.write(done.stdout)\n"
    "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
)


def run_check(folder: Path, jobs: int) -> tuple[bytes, float, float]:
    """The JSON output, wall seconds and peak memory (MB) of one `consistency check` run."""
    command = [
        sys.executable,
        "-c",
        _MEASURE,
        "consistency",
        "check",
        "--format",
        "json",
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    done = subprocess.run([*command, str(folder)], capture_output=True, check=False)
    seconds = time.perf_counter() - start
    return done.stdout, seconds, int(done.stderr.decode().strip().splitlines()[-1]) * 1024 / 1e6


def write_articles(folder: Path, count: int) -> None:
    """`count` generated articles, named in order."""
    folder.mkdir(parents=True)
    for number, text in enumerate(generate_articles(count)):
        (folder / f"{number:06d}.md").write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the speed-up of two workers and the memory growth; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=10_000, help="files in the large run (default 10,000)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON line on stdout, the table on stderr")
    args = parser.parse_args(argv)
    out = sys.stderr if args.json else sys.stdout
    with tempfile.TemporaryDirectory() as scratch:
        large, small = Path(scratch) / "large", Path(scratch) / "small"
        write_articles(large, args.articles)
        write_articles(small, args.articles // 10)
        serial, serial_s, serial_mb = run_check(large, 1)
        parallel, parallel_s, parallel_mb = run_check(large, 2)
        _, _, small_mb = run_check(small, 1)
    same = serial == parallel
    speedup = serial_s / parallel_s
    growth = serial_mb / small_mb
    print(f"--jobs 1: {args.articles:,} files in {serial_s:.1f} s, peak {serial_mb:.0f} MB", file=out)
    print(f"--jobs 2: {args.articles:,} files in {parallel_s:.1f} s, peak {parallel_mb:.0f} MB", file=out)
    print(f"--jobs 1: {args.articles // 10:,} files, peak {small_mb:.0f} MB", file=out)
    print(
        f"many files: outputs {'identical' if same else 'DIFFER'}, speed-up {speedup:.2f}x with 2 jobs "
        f"(target >= 1.6), memory {growth:.2f}x for 10x the files (target <= 1.5)",
        file=out,
    )
    if args.json:
        record = {
            "articles": args.articles,
            "identical": same,
            "seconds": {"jobs1": round(serial_s, 2), "jobs2": round(parallel_s, 2)},
            "speedup": round(speedup, 2),
            "peak_mb": {
                "jobs1": round(serial_mb, 1),
                "jobs2": round(parallel_mb, 1),
                "tenth": round(small_mb, 1),
            },
            "memory_growth": round(growth, 2),
        }
        print(json.dumps(record))
    return 0 if same and speedup >= 1.6 and growth <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
