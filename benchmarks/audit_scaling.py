"""Audit a generated archive on a local Dask cluster: planted slips found, 1 against 2 workers, memory.

    python benchmarks/audit_scaling.py [--articles 100000] [--small 10000] [--folder DIR]

Writes archives of `--small` and `--articles` articles (`archive.py`, one in twenty with a planted
slip), then audits the large one with one worker and with two, and the small one with two, each
into a fresh folder, in this one run. It reports articles/s and MB/s for each audit, the speed-up
from one worker to two, each worker's peak resident memory on the small and the large archive, and
checks that every planted slip is found on its line, that no clean article is flagged, and that
one worker finds exactly what two find.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive import Planted, write_archive
from consistency.audit.driver import audit
from consistency.audit.tables import read_table
from consistency.audit.work import AuditSettings, PartitionResult


def run(source: Path, out: Path, workers: int) -> tuple[float, dict[int, float]]:
    """Audit `source` into `out`; returns the seconds taken and each worker's peak memory in MB."""
    peaks: dict[int, float] = {}

    def seen(result: PartitionResult, before: int, total: int) -> None:
        peaks[result.worker] = max(peaks.get(result.worker, 0.0), result.worker_peak_mb)

    started = time.perf_counter()
    audit(source, out, spec=AuditSettings(), workers=workers, progress=seen)
    return time.perf_counter() - started, peaks


def findings(out: Path) -> list[tuple[object, ...]]:
    """Every finding as (id, rule, kind, line, column, message), sorted."""
    columns = ["id", "rule", "kind", "line", "column", "message"]
    return sorted(tuple(row[c] for c in columns) for row in read_table(out / "findings", columns).to_pylist())


def verify(out: Path, planted: list[Planted], articles: int) -> str:
    """Whether the audit found each planted slip on its line and flagged nothing else."""
    found = {(row[0], row[2], row[3]) for row in findings(out)}
    truth = {(p.id, p.kind, p.line) for p in planted}
    rows = read_table(out / "articles", ["id"]).num_rows
    missed, extra = len(truth - found), len(found - truth)
    return f"{len(truth & found):,}/{len(truth):,} planted found on their line, {extra} other findings, {missed} missed, {rows:,}/{articles:,} articles"


def main() -> None:
    """Generate, audit, and print one line per measure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--folder", type=Path, help="where the archives go (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="consistency-audit-"))
    folder.mkdir(parents=True, exist_ok=True)
    large, small = folder / "large.jsonl", folder / "small.jsonl"
    planted = write_archive(large, args.articles)
    planted_small = write_archive(small, args.small)
    size_mb = large.stat().st_size / 1e6
    print(
        f"archive: {args.articles:,} articles, {size_mb:.0f} MB, {len(planted):,} planted slips", flush=True
    )

    outs = {name: folder / name for name in ("one", "two", "small")}
    for out in outs.values():
        shutil.rmtree(out, ignore_errors=True)
    one_s, _ = run(large, outs["one"], 1)
    print(
        f"1 worker:  {one_s:.1f} s, {args.articles / one_s:,.0f} articles/s, {size_mb / one_s:.2f} MB/s",
        flush=True,
    )
    two_s, two_peaks = run(large, outs["two"], 2)
    print(
        f"2 workers: {two_s:.1f} s, {args.articles / two_s:,.0f} articles/s, {size_mb / two_s:.2f} MB/s",
        flush=True,
    )
    print(f"speed-up from 1 to 2 workers: {one_s / two_s:.2f}x")
    print(f"2 workers: {verify(outs['two'], planted, args.articles)}")
    print(f"1 worker equals 2 workers: {findings(outs['one']) == findings(outs['two'])}")
    _, small_peaks = run(small, outs["small"], 2)
    print(f"small archive: {verify(outs['small'], planted_small, args.small)}")
    small_peak, large_peak = max(small_peaks.values()), max(two_peaks.values())
    print(
        f"peak memory per worker: {small_peak:.0f} MB over {args.small:,} articles, "
        f"{large_peak:.0f} MB over {args.articles:,} ({large_peak / small_peak:.2f}x)"
    )


if __name__ == "__main__":
    main()
