"""Run an audit on Dask: plan the source, send the partitions not yet on disk to the workers, write
each result as it arrives, then the summary page.

Dask does the scheduling: an embedded `LocalCluster` by default, or a running scheduler. A few
partitions per worker are in flight at a time, so neither the client nor the cluster ever holds
more than that, however large the archive.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from consistency import __version__
from consistency.audit.sources import BYTES_PER_PARTITION, Partition, fingerprint, plan
from consistency.audit.summary import write_summary
from consistency.audit.tables import part_name, write_whole
from consistency.audit.work import AuditSettings, PartitionResult, audit_partition
from consistency.errors import ConsistencyError
from consistency.resources import builtin_rules_dir

MANIFEST: Final = "audit.json"
# Partitions in flight per worker: enough to keep each busy while the client writes results.
_IN_FLIGHT_PER_WORKER: Final = 3


@dataclass(frozen=True)
class AuditOutcome:
    """What one run of `consistency audit` did."""

    partitions: int
    already_done: int
    articles: int  # in the partitions this run audited
    findings: int
    errors: int
    seconds: float


def audit(
    source: Path,
    out: Path,
    *,
    spec: AuditSettings,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = BYTES_PER_PARTITION,
    progress: Callable[[PartitionResult, int, int], None] | None = None,
) -> AuditOutcome:
    """Audit `source` into `out`, keeping every partition a previous run of the same audit finished."""
    started = time.perf_counter()
    problems = spec.load().problems
    if problems:
        raise ConsistencyError(f"{problems[0]} (no audit was run)", path=None)
    parts = plan(source, partition_size)
    _claim_folder(out, source, parts, spec)
    todo = [part for part in parts if not _finished(out, part)]
    articles = findings = errors = 0
    failed: list[ConsistencyError] = []
    if todo:
        for result in _run(todo, spec, workers, scheduler):
            if isinstance(result, ConsistencyError):
                failed.append(result)  # not written, so a run with the same arguments tries it again
                continue
            _write(out, result)
            articles += result.articles.num_rows
            findings += result.findings.num_rows
            errors += result.errors
            if progress is not None:
                progress(result, len(parts) - len(todo), len(parts))
    if todo or not (out / "summary.html").exists():
        write_summary(out, source=str(source))
    if failed:
        first = failed[0]
        others = f" (and {len(failed) - 1} more part(s))" if len(failed) > 1 else ""
        message = f"{first.message}{others}; every other part was audited: run again to retry"
        raise ConsistencyError(message, path=first.path, line=first.line)
    seconds = time.perf_counter() - started
    return AuditOutcome(len(parts), len(parts) - len(todo), articles, findings, errors, seconds)


def _finished(out: Path, part: Partition) -> bool:
    name = part_name(part.index)
    return (out / "articles" / name).exists() and (out / "findings" / name).exists()


def _write(out: Path, result: PartitionResult) -> None:
    """Write the partition's files that are not on disk yet: a file already there is never rewritten."""
    name = part_name(result.index)
    for folder, frame in (("findings", result.findings), ("articles", result.articles)):
        path = out / folder / name
        if not path.exists():
            write_whole(frame, path)


def _claim_folder(out: Path, source: Path, parts: list[Partition], spec: AuditSettings) -> None:
    """Make `out`, or check that it holds an audit of this same source with these same settings."""
    manifest = {
        "consistency": __version__,
        "source": str(source.resolve()),
        "source_digest": fingerprint(source, parts),
        "settings_digest": _settings_digest(spec),
        "partitions": len(parts),
    }
    path = out / MANIFEST
    if path.exists():
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = None
        # A run killed while writing leaves a temporary file, never a partition: clear it away.
        for leftover in [*out.glob("*/.part-*.tmp"), *out.glob(".*.tmp")]:
            leftover.unlink(missing_ok=True)
        if previous != manifest:
            changed = [
                key
                for key in manifest
                if not isinstance(previous, dict) or previous.get(key) != manifest[key]
            ]
            raise ConsistencyError(
                f"holds an audit of another source or with other settings ({', '.join(changed)} differ); "
                "give a new --out folder, or delete this one to start again",
                path=str(out),
            )
        return
    if out.exists() and any(out.iterdir()):
        raise ConsistencyError(
            "is not empty and holds no audit; give a new or empty --out folder", path=str(out)
        )
    for folder in ("articles", "findings"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{MANIFEST}.tmp")
    temporary.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _settings_digest(spec: AuditSettings) -> str:
    """A digest of every rule file and the FX table the audit checks with."""
    digest = hashlib.sha256(__version__.encode())
    for folder in (builtin_rules_dir(), *(Path(name) for name in spec.rule_folders)):
        for path in sorted(folder.glob("*.y*ml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    if spec.fx_table:
        digest.update(Path(spec.fx_table).read_bytes())
    return digest.hexdigest()


def unreadable(part: Partition, exc: Exception) -> ConsistencyError:
    """The one-line error for a partition that could not be read at all, placed where it starts."""
    problem = f"cannot be read: {type(exc).__name__}: {exc}"
    if part.kind == "jsonl":
        return ConsistencyError(f"the part from this line {problem}", path=part.path, line=part.first_line)
    if part.kind == "parquet":
        return ConsistencyError(f"row group {part.row_group} {problem}", path=part.path)
    return ConsistencyError(f"the part from this file {problem}", path=os.path.join(part.path, part.files[0]))


def _run(
    todo: list[Partition], spec: AuditSettings, workers: int | None, scheduler: str | None
) -> Iterator[PartitionResult | ConsistencyError]:
    """Each partition's result as it finishes, from a local cluster or the scheduler at `scheduler`;
    for a partition that could not be read at all, the one-line error saying so."""
    from dask.distributed import Client, LocalCluster, as_completed

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ConsistencyError(f"cannot reach the Dask scheduler: {exc}", path=scheduler) from None
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # a partition's error is reported once, as one line
        )
        client = Client(cluster)
    try:
        width = max(1, sum(info["nthreads"] for info in client.scheduler_info()["workers"].values()))
        pending = iter(todo)
        running = as_completed()
        submitted: dict[object, Partition] = {}  # by task key

        def submit(part: Partition) -> None:
            future = client.submit(audit_partition, part, spec, pure=False, retries=1)
            submitted[future.key] = part
            running.add(future)

        for part in itertools.islice(pending, width * _IN_FLIGHT_PER_WORKER):
            submit(part)
        for future in running:
            part = submitted.pop(future.key)
            try:
                result: PartitionResult = future.result()
            except Exception as exc:  # the worker's error: a file gone, a broken row group
                yield unreadable(part, exc)
            else:
                yield result
            future.release()
            waiting = next(pending, None)
            if waiting is not None:
                submit(waiting)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def progress_printer(stream: Any = None) -> Callable[[PartitionResult, int, int], None]:
    """Progress on stderr: a tqdm bar on a terminal, else a line at every tenth of the partitions."""
    stream = stream or sys.stderr
    counts = {"done": 0, "articles": 0, "findings": 0}
    bar: Any = None
    if stream.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="partition", file=stream, dynamic_ncols=True)

    def show(result: PartitionResult, before: int, total: int) -> None:
        counts["done"] += 1
        counts["articles"] += result.articles.num_rows
        counts["findings"] += result.findings.num_rows
        done = before + counts["done"]
        if bar is not None:
            bar.total, bar.n = total, done
            bar.set_postfix(articles=counts["articles"], findings=counts["findings"], refresh=False)
            bar.refresh()
            if done == total:
                bar.close()
        elif done == total or done * 10 // total > (done - 1) * 10 // total:
            print(
                f"audit: {done}/{total} partitions, {counts['articles']:,} articles, "
                f"{counts['findings']:,} findings",
                file=stream,
                flush=True,
            )

    return show
