"""Benchmark of ``crmwb run`` against the naive papermill + nbconvert CLIs, and against a floor.

What is compared, on the same notebooks (every example client, optionally duplicated with
``--copies``, times every analysis of ``crmwb.run.batch.ANALYSES``):

1. **crmwb**: one ``crmwb run --jobs J`` subprocess, timed from the outside, CLI start-up
   included. It executes every notebook (papermill's Python API on a thread pool in one
   long-lived process) and renders HTML, PDF and the Excel deliverable, plus a manifest.
2. **naive**: what one would script without crmwb, one notebook after the other: a ``papermill``
   CLI call then a ``jupyter nbconvert --to html`` CLI call per notebook. Each call pays a Python
   start-up and the imports of Jupyter's stack. It does *less* than crmwb (no PDF, no manifest,
   no atomic publication), so the comparison favours it. Target: naive / crmwb >= 4x.
3. **floor**: the least any notebook run can cost: start a fresh kernel, run
   ``import pandas, matplotlib.pyplot``, shut it down (jupyter_client, averaged over
   ``--floor-runs``). Target: crmwb's wall time per notebook <= 1.5x this floor, i.e. the runner
   adds little beyond the kernel every notebook needs anyway.

Every subprocess and kernel runs with ``crmwb.run.folders.runtime_environment()`` (the
environment the batch runner gives its kernels: this virtualenv's ``python3`` kernel,
Jupyter/IPython/Matplotlib folders under the temporary reports folder, nothing written in the
home folder). A warm-up kernel
runs before any timing so that Matplotlib's font cache is built once and counts for nobody.

A benchmark is not a test: the targets are reported as "met" or "NOT met" and the exit code is 0
either way (it is 1 only when a measurement could not be made, e.g. crmwb run failed).

    .venv/bin/python bench/batch.py [--copies K] [--jobs J] [--floor-runs N] [--keep]

or ``make bench``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run.batch import ANALYSES, applies_to, select_analyses
from crmwb.run.folders import runtime_environment
from crmwb.workbook.analyses import Analysis

BENCH_DIR = Path(__file__).resolve().parent
WORKBOOK = "workbook.xlsx"
BIN = Path(sys.executable).parent  # the virtualenv's bin/ (run this with .venv/bin/python)
FLOOR_CODE = "import pandas, matplotlib.pyplot"
NAIVE_LANG = "fr"
TARGET_SPEEDUP = 4.0  # naive / crmwb, at least
TARGET_OVERHEAD = 1.5  # crmwb per notebook / floor, at most
STEPS = ("execute", "html", "pdf")


class BenchError(Exception):
    """A measurement could not be made (a tool missing, a run that failed)."""


@dataclass
class Results:
    notebooks: int = 0
    clients: int = 0
    crmwb_s: float = 0.0
    naive_s: float = 0.0
    floor_runs_s: list[float] = field(default_factory=list)
    warmup_s: float = 0.0
    steps_s: dict[str, list[float]] = field(default_factory=dict)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/batch.py",
        description="Time crmwb run against the naive papermill + nbconvert CLIs and a floor "
        "(one bare kernel per notebook).",
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=1,
        metavar="K",
        help="copies of each example client (default 1: the examples as they "
        "are; 2 adds <slug>-2, ...)",
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=2, metavar="J", help="crmwb run --jobs (default 2)"
    )
    parser.add_argument(
        "--only",
        default=None,
        metavar="A,B",
        help=f"analyses to run, among {', '.join(ANALYSES)} (default: all)",
    )
    parser.add_argument(
        "--floor-runs",
        type=int,
        default=3,
        metavar="N",
        help="bare-kernel runs averaged for the floor (default 3)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="work under bench/out/<timestamp>/ and keep it (default: a "
        "temporary folder, removed at the end)",
    )
    args = parser.parse_args(argv)
    for name in ("copies", "jobs", "floor_runs"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def tool(name: str) -> str:
    """The virtualenv's command ``name`` (next to this interpreter)."""
    path = BIN / name
    if not path.is_file():
        raise BenchError(
            f"{path} not found: run the benchmark with the virtualenv's python "
            f"(.venv/bin/python bench/batch.py, or make bench)"
        )
    return str(path)


def copy_clients(clients_dir: Path, copies: int) -> list[Path]:
    """Copy every example client into ``clients_dir``, ``copies`` times each (``<slug>``,
    ``<slug>-2``, ...); the client folders, sorted."""
    examples = sorted(p for p in EXAMPLES_DIR.iterdir() if (p / WORKBOOK).is_file())
    if not examples:
        raise BenchError(f"no example client (a folder with {WORKBOOK}) in {EXAMPLES_DIR}")
    clients_dir.mkdir(parents=True)
    for example in examples:
        for n in range(1, copies + 1):
            slug = example.name if n == 1 else f"{example.name}-{n}"
            shutil.copytree(example, clients_dir / slug)
    return sorted(p for p in clients_dir.iterdir() if (p / WORKBOOK).is_file())


def run_checked(cmd: Sequence[str], env: dict[str, str], what: str) -> None:
    """Run ``cmd`` (output captured); BenchError with the end of its output if it fails."""
    proc = subprocess.run(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False
    )
    if proc.returncode != 0:
        tail = "\n".join(proc.stdout.strip().splitlines()[-25:])
        raise BenchError(
            f"{what} failed with exit code {proc.returncode}:\n  $ {' '.join(cmd)}\n{tail}"
        )


def bare_kernel() -> float:
    """Seconds to start a ``python3`` kernel, import pandas and pyplot in it, shut it down.

    The kernel inherits this process's environment, where the runtime environment was applied.
    """
    from jupyter_client.manager import KernelManager

    started = time.perf_counter()
    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    try:
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            reply = kc.execute_interactive(FLOOR_CODE, timeout=120, output_hook=lambda _: None)
            if reply["content"]["status"] != "ok":
                content = reply["content"]
                raise BenchError(
                    f"the floor's kernel failed on {FLOOR_CODE!r}: "
                    f"{content.get('ename')}: {content.get('evalue')}"
                )
        finally:
            kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)  # as crmwb does: the notebook is over
    return time.perf_counter() - started


def kernel_python() -> str:
    """The interpreter of the ``python3`` kernel spec the current environment selects."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    return f"{spec.argv[0]} (spec in {spec.resource_dir})"


def time_crmwb(
    clients_dir: Path, reports_dir: Path, jobs: int, env: dict[str, str], only: str | None
) -> float:
    cmd = [
        tool("crmwb"),
        "--clients-dir",
        str(clients_dir),
        "run",
        "--jobs",
        str(jobs),
        "--quiet",
        *(["--only", only] if only else []),
        "--reports-dir",
        str(reports_dir),
    ]
    started = time.perf_counter()
    run_checked(cmd, env, "crmwb run")
    return time.perf_counter() - started


def time_naive(jobs: Sequence[tuple[Path, Analysis]], out_dir: Path, env: dict[str, str]) -> float:
    """The same notebooks as crmwb runs (the analyses each client has data for), one
    ``papermill`` then one ``jupyter nbconvert`` CLI call each, one after the other."""
    papermill, jupyter = tool("papermill"), tool("jupyter")
    started = time.perf_counter()
    for client, analysis in jobs:
        target = out_dir / client.name
        target.mkdir(parents=True, exist_ok=True)
        executed = target / f"{analysis.name}.ipynb"
        run_checked(
            [
                papermill,
                str(analysis.notebook),
                str(executed),
                "-p",
                "client_dir",
                str(client.resolve()),
                "-p",
                "lang",
                NAIVE_LANG,
                "-p",
                "output_dir",
                str(target.resolve()),
                "--cwd",
                str(analysis.notebook.parent),
                "-k",
                "python3",
            ],
            env,
            f"papermill ({client.name}/{analysis.name})",
        )
        run_checked(
            [jupyter, "nbconvert", "--to", "html", str(executed)],
            env,
            f"jupyter nbconvert ({client.name}/{analysis.name})",
        )
    return time.perf_counter() - started


def manifest_timings(
    reports_dir: Path, clients: Sequence[Path], analyses: Sequence[Analysis]
) -> dict[str, list[float]]:
    """Per step (execute, html, pdf), the timings of every notebook, from the manifests."""
    steps: dict[str, list[float]] = {}
    for client in clients:
        path = reports_dir / client.name / "latest" / "manifest.json"
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"warning: cannot read {path}: {exc}", file=sys.stderr)
            continue
        for analysis in analyses:
            timings = manifest.get("analyses", {}).get(analysis.name, {}).get("timings_s", {})
            for step, seconds in timings.items():
                steps.setdefault(step, []).append(float(seconds))
    return steps


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def report(res: Results, args: argparse.Namespace) -> str:
    floor = statistics.mean(res.floor_runs_s)
    per_notebook = res.crmwb_s / res.notebooks
    speedup = res.naive_s / res.crmwb_s
    overhead = per_notebook / floor
    spread = (
        f"runs {', '.join(f'{s:.2f}' for s in res.floor_runs_s)} s"
        if len(res.floor_runs_s) > 1
        else "1 run"
    )
    lines = [
        "",
        "crmwb batch benchmark",
        "=====================",
        f"notebooks                  {res.notebooks:>8}   "
        f"({res.clients} clients x the analyses each has data for, among "
        f"{', '.join(ANALYSES)}; --copies {args.copies})",
        f"CPUs                       {os.cpu_count() or 1:>8}   (crmwb run --jobs {args.jobs})",
        f"warm-up kernel             {res.warmup_s:>7.2f}s   (not counted; builds caches)",
        "",
        f"crmwb run wall             {res.crmwb_s:>7.2f}s   "
        "(one subprocess, CLI start-up included; HTML + PDF + Excel + manifest)",
        f"naive wall                 {res.naive_s:>7.2f}s   "
        "(papermill CLI + nbconvert CLI per notebook, sequential)",
        "  note: the naive way does less (HTML only: no PDF, no Excel check, no manifest),",
        "        so this comparison favours it.",
        f"ratio naive / crmwb        {speedup:>7.2f}x   "
        f"target >= {TARGET_SPEEDUP:g}x: {verdict(speedup >= TARGET_SPEEDUP)}",
        "",
        f"crmwb wall per notebook    {per_notebook:>7.2f}s   (crmwb wall / notebooks)",
        f"floor per notebook         {floor:>7.2f}s   "
        f"(start kernel + {FLOOR_CODE!r} + shut down; {spread})",
        f"ratio crmwb / floor        {overhead:>7.2f}x   "
        f"target <= {TARGET_OVERHEAD:g}x: {verdict(overhead <= TARGET_OVERHEAD)}",
        "",
        "for information, mean per-step timings inside crmwb run (from the manifests; the "
        f"steps of {args.jobs} workers overlap):",
    ]
    if not res.steps_s:
        lines.append("  (no manifest timings found)")
    for step in [*STEPS, *sorted(set(res.steps_s) - set(STEPS))]:
        values = res.steps_s.get(step)
        if values:
            lines.append(
                f"  {step:<24} {statistics.mean(values):>7.2f}s   "
                f"(n={len(values)}, min {min(values):.2f}, max {max(values):.2f})"
            )
    return "\n".join(lines)


def bench(work: Path, args: argparse.Namespace) -> Results:
    res = Results()
    clients_dir, reports_dir, naive_dir = work / "clients", work / "reports", work / "naive"
    clients = copy_clients(clients_dir, args.copies)
    analyses = select_analyses(args.only.split(",") if args.only else None)
    jobs = [(c, a) for c in clients for a in analyses if applies_to(a, c)]
    res.clients, res.notebooks = len(clients), len(jobs)

    # The batch runner's environment, for this process (the floor's kernels inherit it) and for
    # every subprocess.
    os.environ.update(runtime_environment(reports_dir))
    env = dict(os.environ)
    print(f"work folder: {work}")
    print(f"kernel python3: {kernel_python()}")
    print(f"{res.notebooks} notebooks (the analyses each of {res.clients} clients has data for)")

    print("warm-up kernel (font cache)...", flush=True)
    res.warmup_s = bare_kernel()
    print(f"floor: {args.floor_runs} bare kernel run(s)...", flush=True)
    res.floor_runs_s = [bare_kernel() for _ in range(args.floor_runs)]
    print(f"crmwb run --jobs {args.jobs}...", flush=True)
    res.crmwb_s = time_crmwb(clients_dir, reports_dir, args.jobs, env, args.only)
    print(f"naive: papermill + nbconvert CLIs, {res.notebooks} notebook(s)...", flush=True)
    res.naive_s = time_naive(jobs, naive_dir, env)
    res.steps_s = manifest_timings(reports_dir, clients, analyses)
    return res


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.keep:
            work = BENCH_DIR / "out" / dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            work.mkdir(parents=True)
            res = bench(work, args)
            print(f"kept: {work}")
        else:
            with tempfile.TemporaryDirectory(prefix="crmwb-bench-") as tmp:
                res = bench(Path(tmp), args)
    except BenchError as exc:
        print(f"bench: aborted: {exc}", file=sys.stderr)
        return 1
    print(report(res, args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
