"""Benchmark of the customer-file audit on synthetic files of 1 000 000 and 5 000 000 rows.

The files come from ``crmwb.customer_file.synthetic_customers.write_customer_file`` (French Excel
export: ``;``, cp1252, dd/mm/yyyy; 8 % duplicates with known clusters and known defects). They are
written to ``--workdir`` (default ``/tmp/crmwb-bench``) with their truth (``.truth.npz``) and reused
by the next run when present (``--regenerate`` to rewrite them).

For each size:

1. **SUMMARIZE**: DuckDB's own ``SUMMARIZE`` of the file read with ``read_csv(all_varchar)``,
   the floor of any profile (one pass, generic statistics);
2. **quality profile**: ``read_customer_file`` (``crmwb.customer_file.reading``) + ``profile``
   (``crmwb.customer_file.quality``) with every role mapped; target: profile / SUMMARIZE <= 3x;

and on ``--dedup-sizes`` (default 1 000 000 and 5 000 000 rows):

3. **deduplication**: ``crmwb.customer_file.duplicates.find_duplicates`` (splink on DuckDB) on
   the file loaded into DuckDB, its pairwise precision and recall against the injected duplicates.
   Targets: under 60 s per million rows, precision and recall both above 0.95.

and on ``--large-rows`` (default 20 000 000 rows, a file of about 2 GB):

4. **bounded memory**: the quality profile with the audit's default memory limit (a quarter of
   the machine's memory) and with ``CRMWB_AUDIT_MEMORY=1GB``, then the whole audit
   (``crmwb.customer_file.audit``: profile, exact and probable duplicates) under the default limit;
   target: the process's peak memory within the limit plus :data:`INTERPRETER_MB` (Python and
   its libraries; :data:`DEDUP_MB` for the whole audit), and no temporary folder left behind.

Every measurement runs in its own child Python process, which reports the time of the
operation (imports excluded) and its own peak resident memory (``ru_maxrss`` of
``RUSAGE_SELF``, interpreter and imports included), so that runs do not pollute each other.

A benchmark is not a test: the targets are reported as "met" or "NOT met" and the exit code is 0
either way (it is 1 only when a measurement could not be made).

    .venv/bin/python bench/customer_file.py [--sizes 1000000,5000000] [--dedup-sizes 1000000]
                                            [--large-rows 20000000] [--workdir DIR]
                                            [--regenerate]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
DEFAULT_WORKDIR = Path("/tmp/crmwb-bench")
TODAY = dt.date(2026, 11, 1)  # the files' "today" (order dates span the 6 years before it)
SEED = 0
TARGET_PROFILE_RATIO = 3.0  # profile / SUMMARIZE, at most
TARGET_DEDUP_SECONDS_PER_MILLION = 60.0  # 1 M rows in 60 s, 5 M in 5 minutes
TARGET_PAIR_SCORE = 0.95  # precision and recall, above
# Every role (crmwb.customer_file.mapping.FieldRole) mapped to the French export's columns.
QUALITY_MAPPING = {
    "record_id": "id_client",
    "email": "email",
    "phone": "telephone",
    "first_name": "prenom",
    "last_name": "nom",
    "postcode": "code_postal",
    "city": "ville",
    "country": "pays",
    "last_activity": "date_derniere_commande",
    "opt_in": "optin_email",
    "undeliverable": "npai",
}
INACTIVE_MONTHS = 24
SMALL_LIMIT = "1GB"  # the audit's memory limit of the second large-file profile
INTERPRETER_MB = 512.0  # the bound's allowance for Python, pandas, DuckDB's code... (MB)
DEDUP_MB = 1024.0  # the whole audit's: the deduplication's DuckDB also holds memory its limit
# does not count (measured on the 20 M-row file: 0.65 GB over a 5.6 GiB limit, 0.8 GB over a
# 2.8 GiB one: about constant, the peak follows the limit, not the file)


class BenchError(Exception):
    """A measurement could not be made."""


@dataclass
class SizeResults:
    rows: int
    generated: dict[str, Any] | None = None  # None: reused
    file_mb: float = 0.0
    summarize: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] | None = None  # None: crmwb.customer_file.quality not available
    dedup: dict[str, Any] | None = None
    bounded: list[dict[str, Any]] = field(default_factory=list)  # large file: one per limit


# --- children: each prints one JSON line --------------------------------------------------------


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_generate(path: Path, rows: int) -> dict[str, Any]:
    from crmwb.customer_file.synthetic_customers import write_customer_file

    started = time.perf_counter()
    truth = write_customer_file(path, rows, seed=SEED, today=TODAY)
    truth.save()
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_mb()}


def child_summarize(path: Path) -> dict[str, Any]:
    import duckdb

    from crmwb.customer_file.synthetic_files import csv_options

    con = duckdb.connect()
    started = time.perf_counter()
    rows = con.execute(f"SUMMARIZE SELECT * FROM read_csv('{path}', {csv_options()})").fetchall()
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_mb(), "columns": len(rows)}


def child_profile(path: Path) -> dict[str, Any]:
    from crmwb.customer_file import quality
    from crmwb.customer_file.mapping import FieldRole
    from crmwb.customer_file.reading import read_customer_file

    mapping = {FieldRole(role): column for role, column in QUALITY_MAPPING.items()}
    started = time.perf_counter()
    with read_customer_file(path, mapping, country="FR") as file:
        read_s = time.perf_counter() - started
        result = quality.profile(file, inactive_months=INACTIVE_MONTHS, today=TODAY)
    return {
        "seconds": time.perf_counter() - started,
        "read_seconds": read_s,
        "peak_mb": peak_mb(),
        "rows": result.rows,
        "score": result.score,
    }


def child_bounded(path: Path) -> dict[str, Any]:
    """The quality profile under the audit's memory limit (``CRMWB_AUDIT_MEMORY`` or its
    default), with that limit in MB and the audit folders left in the temporary folder."""
    import tempfile

    import duckdb

    from crmwb.customer_file.reading import duckdb_limits

    report = child_profile(path)
    memory, _ = duckdb_limits()
    con = duckdb.connect(config={"memory_limit": memory})
    limit = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    con.close()
    report["limit"] = memory
    report["limit_mb"] = to_mb(str(limit))
    report["left_behind"] = len(list(Path(tempfile.gettempdir()).glob("crmwb-quality-*")))
    return report


def child_audit(path: Path) -> dict[str, Any]:
    """The whole customer-file audit (profile, exact and probable duplicates) under the
    audit's memory limit: time, peak memory, the limit and what was left behind."""
    import tempfile
    import time

    import duckdb

    from crmwb.customer_file.audit import audit_customer_file
    from crmwb.customer_file.reading import duckdb_limits
    from crmwb.customer_file.sheets import CustomerFileSettings

    settings = CustomerFileSettings(path=str(path), mapping=dict(QUALITY_MAPPING))
    started = time.perf_counter()
    audit = audit_customer_file(path.parent, settings, today=TODAY, path=path)
    seconds = time.perf_counter() - started
    memory, _ = duckdb_limits()
    con = duckdb.connect(config={"memory_limit": memory})
    limit = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    con.close()
    probable = audit.probable
    return {
        "seconds": seconds,
        "peak_mb": peak_mb(),
        "limit": memory,
        "limit_mb": to_mb(str(limit)),
        "left_behind": len(list(Path(tempfile.gettempdir()).glob("crmwb-quality-*"))),
        "excess": probable.records_in_clusters - probable.clusters if probable else None,
    }


def to_mb(size: str) -> float:
    """DuckDB's size setting (« 5.7 GiB », « 953.6 MiB ») in MB of 2**20 bytes."""
    number, unit = size.split()
    scale = {
        "KiB": 2**-10,
        "MiB": 1,
        "GiB": 2**10,
        "TiB": 2**20,
        "KB": 1e3 / 2**20,
        "MB": 1e6 / 2**20,
        "GB": 1e9 / 2**20,
        "TB": 1e12 / 2**20,
    }
    return float(number) * scale[unit]


def child_dedup(path: Path) -> dict[str, Any]:
    import duckdb

    from crmwb.customer_file.duplicates import evaluate_pairs, find_duplicates
    from crmwb.customer_file.synthetic_files import Truth, csv_options, truth_path

    con = duckdb.connect()
    started = time.perf_counter()
    con.execute(
        "CREATE TABLE customers AS SELECT id_client AS record_id, email, telephone AS phone, "
        "prenom AS first_name, nom AS last_name, code_postal AS postcode, ville AS city "
        f"FROM read_csv('{path}', {csv_options()})"
    )
    load_s = time.perf_counter() - started
    truth = Truth.load(truth_path(path))
    truth.to_duckdb(con, "truth")
    result = find_duplicates(con, "customers", seed=SEED)
    evaluation = evaluate_pairs(con, result.clusters_table, "truth")
    return {
        "load_seconds": load_s,
        "seconds": result.timings["total"],
        "timings": dict(result.timings),
        "peak_mb": peak_mb(),
        "precision": evaluation.precision,
        "recall": evaluation.recall,
        "found_pairs": evaluation.found,
        "true_pairs": evaluation.true,
        "duplicate_rate": result.duplicate_rate,
        "true_duplicate_rate": truth.duplicate_rate,
        "clusters": result.clusters,
    }


CHILDREN = {
    "generate": lambda args: child_generate(Path(args[0]), int(args[1])),
    "summarize": lambda args: child_summarize(Path(args[0])),
    "profile": lambda args: child_profile(Path(args[0])),
    "dedup": lambda args: child_dedup(Path(args[0])),
    "bounded": lambda args: child_bounded(Path(args[0])),
    "audit": lambda args: child_audit(Path(args[0])),
}


def run_child(kind: str, *args: str, env_extra: dict[str, str] | None = None) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; its JSON report."""
    env = {**os.environ, **(env_extra or {})}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, *args]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise BenchError(f"{kind} failed with exit code {proc.returncode}:\n{tail}")
    report: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return report


# --- the benchmark ------------------------------------------------------------------------------


def quality_available() -> bool:
    try:
        from crmwb.customer_file import mapping, quality, reading
    except ImportError:
        return False
    return (
        hasattr(reading, "read_customer_file")
        and hasattr(quality, "profile")
        and hasattr(mapping, "FieldRole")
    )


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"comma-separated row counts, not {text!r}") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"comma-separated row counts >= 1, not {text!r}")
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/customer_file.py",
        description="Time DuckDB's SUMMARIZE, the quality profile and the deduplication of "
        "synthetic customer files, and score the deduplication against the injected duplicates.",
    )
    parser.add_argument("--sizes", type=parse_sizes, default=[1_000_000, 5_000_000])
    parser.add_argument("--dedup-sizes", type=parse_sizes, default=[1_000_000, 5_000_000])
    parser.add_argument("--large-rows", type=int, default=20_000_000, help="0: none")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--regenerate", action="store_true", help="rewrite the files")
    return parser.parse_args(argv)


def pick(report: dict[str, Any] | None, key: str) -> float | None:
    """``report[key]`` as a float, None when there is no report or no such key."""
    return None if not report or report.get(key) is None else float(report[key])


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def the_file(rows: int, args: argparse.Namespace, res: SizeResults) -> Path:
    """The synthetic file of ``rows`` rows, generated unless it is there."""
    from crmwb.customer_file.synthetic_files import truth_path

    path = args.workdir / f"customers-{rows}.csv"
    if args.regenerate or not (path.is_file() and truth_path(path).is_file()):
        print(f"{rows:,} rows: generating {path}...", flush=True)
        res.generated = run_child("generate", str(path), str(rows))
    else:
        print(f"{rows:,} rows: reusing {path}", flush=True)
    res.file_mb = path.stat().st_size / 1e6
    return path


def bench_large(rows: int, args: argparse.Namespace) -> SizeResults:
    """The quality profile of a large file under the default memory limit and a small one."""
    res = SizeResults(rows=rows)
    path = the_file(rows, args, res)
    for extra in ({}, {"CRMWB_AUDIT_MEMORY": SMALL_LIMIT}):
        limit = extra.get("CRMWB_AUDIT_MEMORY", "default")
        print(f"{rows:,} rows: quality profile, memory limit {limit}...", flush=True)
        res.bounded.append(run_child("bounded", str(path), env_extra=extra))
    print(f"{rows:,} rows: the whole audit, deduplication included...", flush=True)
    whole = run_child("audit", str(path))
    whole["limit"] = f"{whole['limit']}, whole audit"
    whole["allowance_mb"] = DEDUP_MB
    res.bounded.append(whole)
    return res


def bench_size(rows: int, args: argparse.Namespace, with_profile: bool) -> SizeResults:
    res = SizeResults(rows=rows)
    path = the_file(rows, args, res)
    print(f"{rows:,} rows: SUMMARIZE...", flush=True)
    res.summarize = run_child("summarize", str(path))
    if with_profile:
        print(f"{rows:,} rows: quality profile...", flush=True)
        res.profile = run_child("profile", str(path))
    if rows in args.dedup_sizes:
        print(f"{rows:,} rows: deduplication...", flush=True)
        res.dedup = run_child("dedup", str(path))
    return res


def report(results: list[SizeResults], with_profile: bool) -> str:
    def row(label: str, values: list[str], note: str = "") -> str:
        return f"{label:<32}" + "".join(f"{v:>18}" for v in values) + (f"   {note}" if note else "")

    def seconds(v: float | None) -> str:
        return "-" if v is None else f"{v:.1f} s"

    def mb(v: float | None) -> str:
        return "-" if v is None else f"{v:,.0f} MB"

    lines = [
        "",
        "crmwb customer-file benchmark",
        "=============================",
        f"CPUs {os.cpu_count() or 1}; files: French Excel export (; cp1252 dd/mm/yyyy), seed "
        f"{SEED}, 8 % duplicates; peak memory = the child process's max RSS",
        "",
        row("rows", [f"{r.rows:,}" for r in results]),
        row("file size", [f"{r.file_mb:,.0f} MB" for r in results]),
        row(
            "generation time",
            [seconds(r.generated["seconds"]) if r.generated else "reused" for r in results],
        ),
        row(
            "generation peak memory",
            [mb(r.generated["peak_mb"]) if r.generated else "reused" for r in results],
        ),
        row("SUMMARIZE time", [seconds(r.summarize["seconds"]) for r in results]),
        row("SUMMARIZE peak memory", [mb(r.summarize["peak_mb"]) for r in results]),
    ]
    if with_profile:
        lines += [
            row(
                "quality profile time",
                [seconds(pick(r.profile, "seconds")) for r in results],
            ),
            row(
                "  of which read_customer_file",
                [seconds(pick(r.profile, "read_seconds")) for r in results],
            ),
            row(
                "quality profile peak memory",
                [mb(pick(r.profile, "peak_mb")) for r in results],
            ),
        ]
        ratios = [
            r.profile["seconds"] / r.summarize["seconds"] if r.profile else None for r in results
        ]
        lines.append(
            row(
                "ratio profile / SUMMARIZE",
                ["-" if x is None else f"{x:.2f}x" for x in ratios],
                f"target <= {TARGET_PROFILE_RATIO:g}x: "
                + ", ".join(verdict(x <= TARGET_PROFILE_RATIO) for x in ratios if x is not None),
            )
        )
    else:
        lines.append(
            "quality profile not available "
            "(crmwb.customer_file.reading.read_customer_file / quality.profile)"
        )
    deduped = [r for r in results if r.dedup]
    if deduped:
        d = [r.dedup for r in results]
        lines += [
            "",
            row(
                "deduplication (find_duplicates)",
                [f"{r.rows:,}" if r.dedup else "-" for r in results],
            ),
            row("  load CSV into DuckDB", [seconds(pick(x, "load_seconds")) for x in d]),
            row(
                "  dedup time",
                [seconds(pick(x, "seconds")) for x in d],
                f"target < {TARGET_DEDUP_SECONDS_PER_MILLION:g} s per million rows: "
                + ", ".join(
                    verdict(x["seconds"] < TARGET_DEDUP_SECONDS_PER_MILLION * r.rows / 1e6)
                    for r, x in zip(results, d, strict=True)
                    if x
                ),
            ),
        ]
        for step in ("normalise", "train", "predict", "cluster"):
            lines.append(row(f"    {step}", [seconds(pick(x and x["timings"], step)) for x in d]))
        lines += [
            row("  dedup peak memory", [mb(pick(x, "peak_mb")) for x in d], "(load + dedup)"),
            row(
                "  pairwise precision",
                ["-" if not x else f"{x['precision']:.4f}" for x in d],
                f"target > {TARGET_PAIR_SCORE:g}: "
                + ", ".join(verdict(x["precision"] > TARGET_PAIR_SCORE) for x in d if x),
            ),
            row(
                "  pairwise recall",
                ["-" if not x else f"{x['recall']:.4f}" for x in d],
                f"target > {TARGET_PAIR_SCORE:g}: "
                + ", ".join(verdict(x["recall"] > TARGET_PAIR_SCORE) for x in d if x),
            ),
            row(
                "  pairs found / true",
                ["-" if not x else f"{x['found_pairs']:,}/{x['true_pairs']:,}" for x in d],
            ),
            row(
                "  duplicate rate found / true",
                [
                    "-" if not x else f"{x['duplicate_rate']:.2%}/{x['true_duplicate_rate']:.2%}"
                    for x in d
                ],
            ),
        ]
    return "\n".join(lines)


def report_large(res: SizeResults) -> str:
    """The large file's profiles: time, peak memory against the bound, what was left."""
    lines = [
        "",
        f"bounded memory: {res.rows:,} rows, {res.file_mb / 1000:,.2f} GB "
        f"(bound = the audit's memory limit + {INTERPRETER_MB:,.0f} MB for Python and its "
        f"libraries; {DEDUP_MB:,.0f} MB for the whole audit, whose deduplication has DuckDB hold "
        "memory its limit does not count)",
        f"{'memory limit':<24}{'time':>12}{'peak memory':>16}{'bound':>14}{'left behind':>14}",
    ]
    for r in res.bounded:
        bound = r["limit_mb"] + r.get("allowance_mb", INTERPRETER_MB)
        met = r["peak_mb"] <= bound and r["left_behind"] == 0
        lines.append(
            f"{r['limit']:<24}{r['seconds']:>10.1f} s{r['peak_mb']:>13,.0f} MB"
            f"{bound:>11,.0f} MB{r['left_behind']:>14}   "
            f"target peak <= bound, nothing left: {verdict(met)}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        print(json.dumps(CHILDREN[argv[1]](argv[2:])))
        return 0
    args = parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    with_profile = quality_available()
    results: list[SizeResults] = []
    large: SizeResults | None = None
    try:
        for rows in sorted(set(args.sizes) | set(args.dedup_sizes)):
            results.append(bench_size(rows, args, with_profile))
        if args.large_rows and with_profile:
            large = bench_large(args.large_rows, args)
    except BenchError as exc:
        print(f"bench: aborted: {exc}", file=sys.stderr)
        if results:
            print(report(results, with_profile))
        return 1
    print(report(results, with_profile))
    if large is not None:
        print(report_large(large))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
