"""Benchmark of the re-run loop: what a re-run costs against a full run, on the two examples.

Three ``crmwb run`` subprocesses on copies of every example client, timed from the outside (CLI
start-up included), in one temporary workspace:

1. **full**: the first run, every analysis of every client executed;
2. **nothing changed**: the same command again: no notebook executed, no new run made.
   Target: under 3 s for both clients together;
3. **one TCO cell changed**: the SaaS subscription's unit price of the French example (its
   TCO sheet, F15: 60 -> 65 € per user-month): only the analyses reading the TCO sheet execute,
   for that client only. The bench prints which, from the new run's manifest.

It prints each time and its ratio to the full run. A benchmark is not a test: the target is
reported as "met" or "NOT met" and the exit code is 0 unless a run failed.

    .venv/bin/python bench/rerun.py [--jobs J] [--keep]

or ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run.folders import runtime_environment

BENCH_DIR = Path(__file__).resolve().parent
TARGET_UNCHANGED_S = 3.0
CHANGED_CLIENT, CHANGED_SHEET, CHANGED_CELL, NEW_VALUE = "literie-lenoir", "TCO", "F15", 65


def crmwb_run(work: Path, jobs: int | None, env: dict[str, str]) -> float:
    """One ``crmwb run`` of every client of ``work/clients``, its wall time."""
    command = [
        str(Path(sys.executable).parent / "crmwb"),
        "--clients-dir",
        str(work / "clients"),
        "run",
        "--quiet",
        "--reports-dir",
        str(work / "reports"),
        *(["--jobs", str(jobs)] if jobs else []),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"crmwb run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return seconds


def run_folders(work: Path) -> int:
    return sum(
        1
        for client in (work / "reports").iterdir()
        if client.is_dir() and not client.name.startswith(".")
        for run in client.iterdir()
        if run.is_dir() and not run.is_symlink() and run.name[:1].isdigit()
    )


def executed(work: Path, slug: str) -> list[str]:
    manifest = json.loads(
        (work / "reports" / slug / "latest" / "manifest.json").read_text(encoding="utf-8")
    )
    return [name for name, e in manifest["analyses"].items() if e.get("mode") == "executed"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="work in bench/out/rerun, kept")
    args = parser.parse_args()
    if args.keep:
        work = BENCH_DIR / "out" / "rerun"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="crmwb-rerun-"))
    try:
        clients = sorted(p.parent for p in EXAMPLES_DIR.glob("*/workbook.xlsx"))
        for folder in clients:
            shutil.copytree(folder, work / "clients" / folder.name)
        env = {**os.environ, **runtime_environment(work / "reports")}
        print(f"re-run loop on {len(clients)} clients ({', '.join(c.name for c in clients)})")

        full = crmwb_run(work, args.jobs, env)
        runs_after_full = run_folders(work)
        print(f"  full run              {full:7.2f} s  (1.00x)")

        unchanged = crmwb_run(work, args.jobs, env)
        new_runs = run_folders(work) - runs_after_full
        verdict = "met" if unchanged < TARGET_UNCHANGED_S and new_runs == 0 else "NOT met"
        print(
            f"  nothing changed       {unchanged:7.2f} s  ({unchanged / full:.2f}x of the full run;"
            f" {new_runs} new run; target < {TARGET_UNCHANGED_S:.0f} s: {verdict})"
        )

        workbook = work / "clients" / CHANGED_CLIENT / "workbook.xlsx"
        wb = load_workbook(workbook)
        wb[CHANGED_SHEET][CHANGED_CELL] = NEW_VALUE
        wb.save(workbook)
        one_cell = crmwb_run(work, args.jobs, env)
        ran = executed(work, CHANGED_CLIENT)
        print(
            f"  one TCO cell changed  {one_cell:7.2f} s  ({one_cell / full:.2f}x of the full run;"
            f" executed for {CHANGED_CLIENT}: {', '.join(ran)})"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
