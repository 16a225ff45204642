"""`consistency audit` on a real Dask cluster: planted slips found on their lines, the same findings
whatever the cluster or the source format, resumable after a kill, and no article ever dropped."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason="the audit needs the archive extra")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from conftest import ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from archive import Planted, generate, write_archive  # noqa: E402  (benchmarks/ is no package)
from consistency.audit.driver import audit  # noqa: E402
from consistency.audit.tables import read_table  # noqa: E402
from consistency.audit.work import AuditSettings, PartitionResult  # noqa: E402

ARTICLES = 450
PARTITION = 150_000  # bytes: about 45 articles, so each run has ten partitions
CONSISTENCY = [sys.executable, "-m", "consistency"]


def run_audit(source: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`consistency audit SOURCE --out OUT [options]` as a user runs it, with its output captured."""
    command = [*CONSISTENCY, "audit", str(source), "--out", str(out), *options]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def finding_keys(out: Path) -> list[tuple[Any, ...]]:
    """Every finding as (id, rule, kind, line, column, message, arithmetic), sorted."""
    columns = ["id", "rule", "kind", "line", "column", "message", "arithmetic"]
    rows = read_table(out / "findings", columns).to_pylist()
    return sorted(tuple(row[name] for name in columns) for row in rows)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Planted]]:
    """A JSON Lines archive with a slip planted in one article in eight, of every kind."""
    path = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    return path, write_archive(path, ARTICLES, error_rate=0.125, seed=7)


@pytest.fixture(scope="module")
def two_workers(
    archive: tuple[Path, list[Planted]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[PartitionResult]]:
    """The archive audited on a local cluster of two worker processes, with each partition's result."""
    out = tmp_path_factory.mktemp("audit") / "two"
    results: list[PartitionResult] = []
    audit(
        archive[0],
        out,
        spec=AuditSettings(),
        workers=2,
        partition_size=PARTITION,
        progress=lambda result, before, total: results.append(result),
    )
    return out, results


def test_every_planted_slip_is_found_on_its_line_and_no_clean_article_is_flagged(
    archive: tuple[Path, list[Planted]], two_workers: tuple[Path, list[PartitionResult]]
) -> None:
    planted = archive[1]
    out = two_workers[0]
    assert {p.kind for p in planted} == {
        "change", "sum", "conversion", "percent_change", "percent_of", "ratio", "shares_total",
        "restatement", "date_span",
    }  # fmt: skip
    found = {(row[0], row[2], row[3]) for row in finding_keys(out)}
    assert found == {(p.id, p.kind, p.line) for p in planted}
    articles = read_table(out / "articles").to_pylist()
    assert [row["id"] for row in articles] == [f"a{n:07d}" for n in range(ARTICLES)]
    assert all(row["error"] is None and row["claims"] > 0 and row["checks"] > 0 for row in articles)
    flagged = {row["id"] for row in articles if row["findings"]}
    assert flagged == {p.id for p in planted}
    # Metadata travels with every row: the desk of each finding is its article's desk.
    desks = {row["id"]: row["desk"] for row in articles}
    for row in read_table(out / "findings").to_pylist():
        assert row["desk"] == desks[row["id"]] and row["date"] is not None
        assert row["stated_low"] <= row["stated_high"] and row["suggestion"]


def test_one_worker_finds_exactly_what_two_find_and_rules_load_once_per_worker(
    archive: tuple[Path, list[Planted]], two_workers: tuple[Path, list[PartitionResult]], tmp_path: Path
) -> None:
    out, results = two_workers
    one = tmp_path / "one"
    audit(archive[0], one, spec=AuditSettings(), workers=1, partition_size=PARTITION)
    assert finding_keys(one) == finding_keys(out)
    assert read_table(one / "articles").equals(read_table(out / "articles"))
    by_worker: dict[int, list[int]] = defaultdict(list)
    for result in results:
        by_worker[result.worker].append(result.settings_loads)
    assert len(results) == 10 and len(by_worker) == 2
    assert all(loads == [1] * len(loads) for loads in by_worker.values()), by_worker


def test_a_folder_tree_and_parquet_give_the_findings_of_json_lines(
    archive: tuple[Path, list[Planted]], two_workers: tuple[Path, list[PartitionResult]], tmp_path: Path
) -> None:
    records = [record for record, _ in generate(ARTICLES, error_rate=0.125, seed=7)]
    folder = tmp_path / "articles"
    for record in records:
        # Front matter adds three lines, and the desk becomes a folder.
        path = folder / record["desk"] / f"{record['id']}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ndate: {record['date']}\n---\n{record['text']}", encoding="utf-8")
    table = pa.Table.from_pylist(records)
    pq.write_table(table, tmp_path / "archive.parquet", row_group_size=100)

    expected = [(row[0], row[1], row[3], row[5]) for row in finding_keys(two_workers[0])]
    audit(tmp_path / "archive.parquet", tmp_path / "from-parquet", spec=AuditSettings(), workers=2)
    assert [(row[0], row[1], row[3], row[5]) for row in finding_keys(tmp_path / "from-parquet")] == expected
    parquet_articles = read_table(tmp_path / "from-parquet" / "articles")
    assert (
        parquet_articles.num_rows == ARTICLES
        and len(list((tmp_path / "from-parquet" / "articles").iterdir())) == 5
    )

    audit(folder, tmp_path / "from-folder", spec=AuditSettings(), workers=2, partition_size=PARTITION)
    desk_of = {record["id"]: record["desk"] for record in records}
    from_folder = sorted(
        (row[0].split("/")[1].removesuffix(".md"), row[1], row[3] - 3, row[5])
        for row in finding_keys(tmp_path / "from-folder")
    )
    assert from_folder == sorted(expected)
    assert all(
        row[0].split("/")[0] == desk_of[row[0].split("/")[1][:-3]]
        for row in finding_keys(tmp_path / "from-folder")
    )
    # An unreadable file is named by its id, relative to the source folder, whichever worker read it.
    (folder / "metro").mkdir()
    (folder / "metro" / "latin1.md").write_bytes(b"caf\xe9 sales rose 5%\n")
    audit(folder, tmp_path / "with-bad-file", spec=AuditSettings(), workers=1, partition_size=PARTITION)
    rows = read_table(tmp_path / "with-bad-file" / "articles").to_pylist()
    assert [row["error"] for row in rows if row["error"]] == [
        "metro/latin1.md:1: not UTF-8 text (byte 0xe9 at offset 3)"
    ]


def test_unreadable_rows_are_kept_with_their_error_and_the_rest_is_checked(tmp_path: Path) -> None:
    good = {
        "id": "good",
        "text": "The line runs 1,600 kilometres (1,200 miles) across the plain.",
        "desk": "a",
    }
    lines = [
        json.dumps(good).encode(),
        json.dumps({"id": "empty", "text": "", "desk": "b"}).encode(),
        json.dumps({"id": "notext", "desk": "b"}).encode(),
        json.dumps({"id": "baddate", "text": "Sales rose 5%.", "date": "last Tuesday"}).encode(),
        json.dumps({"id": "badcurrency", "text": "It cost $5.", "currency": "dollars"}).encode(),
        b'{"id": "latin1", "text": "caf\xe9 sales rose 5%"}',
        b"{not json",
        b"",  # a blank line is no article
        json.dumps(
            {"id": "clean", "text": "Sales rose from 40 to 50, a 25% increase.", "date": "2024-05-01"}
        ).encode(),
    ]
    source = tmp_path / "feed.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    audit(source, tmp_path / "out", spec=AuditSettings(), workers=1)
    rows = {row["id"]: row for row in read_table(tmp_path / "out" / "articles").to_pylist()}
    assert len(rows) == 8
    errors = {ident: row["error"] for ident, row in rows.items()}
    assert errors["good"] is None and errors["clean"] is None
    assert errors["empty"] == "feed.jsonl:2: no text" and errors["notext"] == "feed.jsonl:3: no text"
    assert errors["baddate"] == "feed.jsonl:4: date 'last Tuesday' is not a date (YYYY-MM-DD)"
    assert errors["badcurrency"] == "feed.jsonl:5: currency 'dollars' is not an ISO 4217 code"
    assert errors["feed.jsonl:6"] == "feed.jsonl:6: not UTF-8 (byte 0xe9 at column 30)"
    assert errors["feed.jsonl:7"].startswith("feed.jsonl:7: not JSON: ")
    assert rows["good"]["findings"] == 1 and rows["clean"]["findings"] == 0
    findings = read_table(tmp_path / "out" / "findings").to_pylist()
    assert [(row["id"], row["rule"], row["desk"]) for row in findings] == [("good", "unit-conversion", "a")]
    page = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    assert "could not be read" in page and "no text" in page and "not UTF-8" in page


def test_a_killed_audit_resumes_without_rewriting_what_is_on_disk(
    archive: tuple[Path, list[Planted]], two_workers: tuple[Path, list[PartitionResult]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    options = ("--workers", "1", "--partition-mb", str(PARTITION / 1e6 / 3))  # about thirty partitions
    command = [*CONSISTENCY, "audit", str(archive[0]), "--out", str(out), *options]
    # Its own session, so the kill takes the cluster's worker processes down with it.
    run = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list((out / "articles").glob("part-*.parquet"))) < 3:
        assert run.poll() is None and time.monotonic() < deadline, run.stderr.read() if run.stderr else ""
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    before = {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in out.rglob("part-*.parquet")}
    assert 0 < len(before) < 60

    finished = run_audit(archive[0], out, *options)
    assert finished.returncode == 0, finished.stderr
    for path, stamp in before.items():
        assert (path.stat().st_ino, path.stat().st_mtime_ns) == stamp, f"{path.name} was rewritten"
    assert not list(out.rglob(".*.tmp"))
    planned = json.loads((out / "audit.json").read_text())["partitions"]
    assert planned > 20 and len(list((out / "articles").glob("part-*.parquet"))) == planned
    assert finding_keys(out) == finding_keys(two_workers[0])

    stamps = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    again = run_audit(archive[0], out, *options)
    assert again.returncode == 0 and "nothing to do" in again.stderr
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()} == stamps


def test_a_scheduler_and_workers_started_apart_give_the_local_findings(
    archive: tuple[Path, list[Planted]], two_workers: tuple[Path, list[PartitionResult]], tmp_path: Path
) -> None:
    dask = Path(sys.executable).with_name("dask")
    address_file = tmp_path / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(address_file)],
        **quiet,
    )  # fmt: skip
    workers = subprocess.Popen(
        [str(dask), "worker", "--scheduler-file", str(address_file), "--nworkers", "2", "--nthreads", "1",
         "--no-dashboard"],
        cwd=tmp_path,
        **quiet,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists():
            assert time.monotonic() < deadline and scheduler.poll() is None
            time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        out = tmp_path / "out"
        done = run_audit(archive[0], out, "--scheduler", address, "--partition-mb", str(PARTITION / 1e6))
        assert done.returncode == 0, done.stderr
        assert finding_keys(out) == finding_keys(two_workers[0])
        assert read_table(out / "articles").equals(read_table(two_workers[0] / "articles"))
    finally:
        workers.terminate()
        scheduler.terminate()
        workers.wait(30)
        scheduler.wait(30)


def test_an_out_folder_of_another_audit_is_refused(
    archive: tuple[Path, list[Planted]], tmp_path: Path
) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "x", "text": "Sales rose 5%."}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run_audit(other, out, "--workers", "1")
    assert first.returncode == 0, first.stderr
    second = run_audit(archive[0], out, "--workers", "1")
    assert second.returncode == 2
    assert second.stderr.strip().splitlines()[-1].startswith(f"{out}: holds an audit of another source")
    assert "Traceback" not in second.stderr


def test_the_summary_page_is_self_contained_and_breaks_findings_down(
    two_workers: tuple[Path, list[PartitionResult]],
) -> None:
    """The page needs no network and shows the audit's own counts: per rule, per desk, in total."""
    out = two_workers[0]
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<script" not in page
    for section in ("By month", "By region", "Most common slips", "--format html"):
        assert section in page
    findings = read_table(out / "findings").to_pylist()
    articles = read_table(out / "articles").to_pylist()
    assert f"<b>{len(findings):,}</b><span>findings</span>" in page
    assert f"<b>{len(articles):,}</b><span>articles read</span>" in page
    per_rule = Counter((row["rule"], row["kind"]) for row in findings)
    for (rule, kind), count in per_rule.items():
        row = re.search(rf"<th>{rule} <span class=kind>{kind}</span></th>.*?<td class=n>([\d,]+)</td>", page)
        assert row is not None and row.group(1) == f"{count:,}", rule
    desk_articles = Counter(row["desk"] for row in articles)
    desk_findings = Counter(row["desk"] for row in findings)
    for desk, count in desk_articles.items():
        assert f"<td>{desk}</td><td>{count:,}</td><td>{desk_findings[desk]:,}</td>" in page, desk


def test_the_rest_of_the_tool_does_not_import_dask_or_pyarrow() -> None:
    code = (
        "import sys, consistency, consistency.cli, consistency.pytest_plugin\n"
        "consistency.cli.main(['check', '--no-config', 'examples/xiaomi-auto.md'])\n"
        "assert not {'dask', 'distributed', 'pyarrow'} & set(sys.modules), sorted(sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_part_that_cannot_be_read_is_one_line_and_the_rest_is_audited(tmp_path: Path) -> None:
    records = [{"id": f"n{k}", "text": f"Sales rose {k}% to ${k + 10} million."} for k in range(40)]
    source = tmp_path / "broken.parquet"
    pq.write_table(pa.Table.from_pylist(records), source, row_group_size=20, compression="none")
    raw = bytearray(source.read_bytes())
    middle = raw.find(b"Sales rose 5%")
    raw[middle - 40 : middle + 40] = b"\xff" * 80  # the first row group's pages, not the footer
    source.write_bytes(bytes(raw))
    out = tmp_path / "out"
    done = run_audit(source, out, "--workers", "1")
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"{source}: row group 0 cannot be read: ") and "run again to retry" in last, last
    assert "Traceback" not in done.stderr
    assert [row["id"] for row in read_table(out / "articles").to_pylist()] == [f"n{k}" for k in range(20, 40)]
    assert (out / "summary.html").exists()
