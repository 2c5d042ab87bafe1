"""Benchmark of ``crmwb run`` against the naive papermill + nbconvert CLIs, against a floor, and
as the batch grows (local runner and a Dask LocalCluster side by side).

What is compared, on the same notebooks (every example client, optionally duplicated with
``--copies``, times every analysis each has data for):

1. **crmwb**: one ``crmwb run --jobs <cores>`` subprocess, timed from the outside, CLI start-up
   included: worker processes executing each notebook in a warm kernel (forked from a kernel
   server that has imported the notebooks' stack) and rendering its HTML and PDF, then each
   client's pack (its reports' pages, laid out by the jobs), Excel deliverables and manifest. Timed
   ``--repeat`` times; the median counts.
2. **crmwb, cold kernels**: the same with ``CRMWB_WARM_KERNELS=0`` (each kernel a new Python
   that imports the stack itself), for information: what the warm kernels bring.
3. **naive**: what one would script without crmwb, one notebook after the other: a ``papermill``
   CLI call then a ``jupyter nbconvert --to html`` CLI call per notebook. It does *less* than
   crmwb (no PDF, no pack, no manifest), so the comparison favours it. Target: naive / crmwb
   >= 5x.
4. **floor**: the least a notebook costs in a cold kernel: start a fresh kernel, run
   ``import pandas, matplotlib.pyplot``, shut it down (jupyter_client, one at a time, averaged
   over ``--floor-runs``). Target: crmwb's wall time per notebook <= 1.2x this floor.
5. **CPU-seconds per notebook, by step**, read from crmwb's manifests (the kernel's process, the
   worker driving it, the HTML, the PDF), the kernel server's start-up (once per run) and the
   packs, beside the floor's CPU: where a target is out of reach on this machine's cores, this
   shows why.
6. **scaling**: 1, 2, 4, 8, 16 copies of the examples (``--scaling``), wall time per notebook
   and peak memory, for the local runner and for ``crmwb run --scheduler`` on a LocalCluster of
   ``<cores>`` single-threaded worker processes. Target: the time per notebook stays within
   20 % as the batch grows.

Every subprocess and kernel runs with ``crmwb.run.folders.runtime_environment()``. A warm-up
kernel runs before any timing so that Matplotlib's font cache is built once and counts for
nobody. The machine's core count is printed beside every figure.

A benchmark is not a test: the targets are reported as "met" or "NOT met" and the exit code is 0
either way (it is 1 only when a measurement could not be made, e.g. crmwb run failed).

    .venv/bin/python bench/batch.py [--copies K] [--jobs J] [--repeat R] [--scaling 1,2,4]
                                    [--floor-runs N] [--no-naive] [--keep]

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
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run.batch import ANALYSES, applies_to, select_analyses
from crmwb.run.folders import runtime_environment
from crmwb.run.kernels import WARM_KERNELS, KernelServer, kernel_manager, notebook_imports
from crmwb.workbook.analyses import Analysis

BENCH_DIR = Path(__file__).resolve().parent
WORKBOOK = "workbook.xlsx"
BIN = Path(sys.executable).parent  # the virtualenv's bin/ (run this with .venv/bin/python)
FLOOR_CODE = "import pandas, matplotlib.pyplot"
NAIVE_LANG = "fr"
TARGET_SPEEDUP = 5.0  # naive / crmwb, at least
TARGET_OVERHEAD = 1.2  # crmwb per notebook / floor, at most
TARGET_FLAT = 0.20  # per-notebook time across the scaling curve, within
CORES = os.cpu_count() or 1
STEPS = ("kernel", "execute", "html", "pdf")


class BenchError(Exception):
    """A measurement could not be made (a tool missing, a run that failed)."""


@dataclass
class Run:
    """One ``crmwb run`` timed: wall seconds, peak memory (the runner alone; its whole tree),
    and the per-notebook steps and packs its manifests recorded."""

    wall_s: float
    runner_peak_mb: float
    tree_peak_mb: float
    wall_steps: dict[str, list[float]] = field(default_factory=dict)
    cpu_steps: dict[str, list[float]] = field(default_factory=dict)
    packs_s: list[float] = field(default_factory=list)


@dataclass
class Results:
    notebooks: int = 0
    clients: int = 0
    runs: list[Run] = field(default_factory=list)
    cold: Run | None = None
    naive_s: float | None = None
    floor_runs_s: list[float] = field(default_factory=list)
    floor_cpu_s: list[float] = field(default_factory=list)
    server_cpu_s: float = 0.0
    server_wall_s: float = 0.0
    warmup_s: float = 0.0
    scaling: list[tuple[int, int, Run, Run | None]] = field(default_factory=list)
    """(copies, notebooks, local run, LocalCluster run)."""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/batch.py",
        description="Time crmwb run against the naive papermill + nbconvert CLIs, a floor "
        "(one bare kernel per notebook), and as the batch grows (local and LocalCluster).",
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=1,
        metavar="K",
        help="copies of each example client for the main comparison (default 1)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=CORES,
        metavar="J",
        help=f"crmwb run --jobs, and LocalCluster workers (default {CORES}: the cores)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="R",
        help="crmwb runs timed for the main comparison; the median counts (default 3)",
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
        "--scaling",
        default="1,2,4,8,16",
        metavar="K,K",
        help="copies of the examples on the scaling curve (default 1,2,4,8,16; empty: no curve)",
    )
    parser.add_argument(
        "--no-cluster",
        action="store_true",
        help="the scaling curve without the LocalCluster column",
    )
    parser.add_argument(
        "--no-naive", action="store_true", help="skip the naive CLIs (the slowest part)"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="work under bench/out/<timestamp>/ "
        "and keep it (default: a temporary folder, removed at the end)",
    )
    args = parser.parse_args(argv)
    for name in ("copies", "jobs", "floor_runs", "repeat"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    try:
        args.scaling = [int(k) for k in args.scaling.split(",") if k.strip()]
    except ValueError:
        parser.error("--scaling takes copies separated by commas, e.g. 1,2,4")
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


class PeakMemory:
    """The peak resident memory of a process and of its whole tree, sampled every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.own = self.tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                own = self.process.memory_info().rss
                tree = own
                for child in self.process.children(recursive=True):
                    try:
                        tree += child.memory_info().rss
                    except psutil.Error:
                        continue
            except psutil.Error:
                return
            self.own, self.tree = max(self.own, own), max(self.tree, tree)
            self._stop.wait(0.2)

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        self._thread.join()
        return self.own / 2**20, self.tree / 2**20


def bare_kernel() -> tuple[float, float]:
    """Seconds to start a ``python3`` kernel, import pandas and pyplot in it, shut it down; and
    the CPU seconds its process used. The kernel inherits this process's environment."""
    from jupyter_client.manager import KernelManager

    started = time.perf_counter()
    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    cpu = 0.0
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
            times = psutil.Process(km.provisioner.process.pid).cpu_times()  # type: ignore[union-attr]
            cpu = times.user + times.system
        finally:
            kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)  # as crmwb does: the notebook is over
    return time.perf_counter() - started, cpu


def server_start_up() -> tuple[float, float]:
    """Wall and CPU seconds for a kernel server to import the notebooks' stack and hand out
    its first kernel: paid once per run."""
    modules = notebook_imports(a.notebook for a in ANALYSES.values())
    started = time.perf_counter()
    with KernelServer.start(1, modules) as server:
        manager = kernel_manager(server.address)
        wall = time.perf_counter() - started
        times = psutil.Process(server.process.pid).cpu_times()
        manager.shutdown_kernel(now=True)
    return wall, times.user + times.system


def read_manifests(reports_dir: Path, run: Run) -> None:
    """Per step, the wall and CPU seconds of every notebook, and each pack's seconds."""
    for path in reports_dir.glob("*/latest/manifest.json"):
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"warning: cannot read {path}: {exc}", file=sys.stderr)
            continue
        for entry in manifest.get("analyses", {}).values():
            for step, seconds in (entry.get("timings_s") or {}).items():
                run.wall_steps.setdefault(step, []).append(float(seconds))
            for step, seconds in (entry.get("cpu_s") or {}).items():
                run.cpu_steps.setdefault(step, []).append(float(seconds))
        pack = manifest.get("pack") or {}
        if "seconds" in pack:
            run.packs_s.append(float(pack["seconds"]))


def time_crmwb(
    clients_dir: Path,
    reports_dir: Path,
    jobs: int,
    env: dict[str, str],
    only: str | None,
    scheduler: str | None = None,
) -> Run:
    """One ``crmwb run`` of every client in ``clients_dir``, timed from the outside."""
    cmd = [
        tool("crmwb"),
        "--clients-dir",
        str(clients_dir),
        "run",
        "--jobs",
        str(jobs),
        "--quiet",
        *(["--only", only] if only else []),
        *(["--scheduler", scheduler] if scheduler else []),
        "--reports-dir",
        str(reports_dir),
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    memory = PeakMemory(proc.pid)
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    own, tree = memory.stop()
    if proc.returncode != 0:
        tail = "\n".join(out.strip().splitlines()[-25:])
        raise BenchError(f"crmwb run failed ({proc.returncode}):\n  $ {' '.join(cmd)}\n{tail}")
    run = Run(wall, own, tree)
    read_manifests(reports_dir, run)
    return run


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


@contextmanager
def local_cluster(workers: int) -> Iterator[tuple[str, list[int]]]:
    """A LocalCluster of ``workers`` single-threaded worker processes: its scheduler's address
    and its workers' process ids (for their memory)."""
    import logging

    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = list(client.run(os.getpid).values())
        yield str(cluster.scheduler_address), pids


def notebooks_of(clients: Sequence[Path], analyses: Sequence[Analysis]) -> int:
    return sum(1 for c in clients for a in analyses if applies_to(a, c))


def scaling(work: Path, args: argparse.Namespace, env: dict[str, str], res: Results) -> None:
    analyses = select_analyses(args.only.split(",") if args.only else None)
    cluster = None if args.no_cluster else local_cluster(args.jobs)
    address, pids = cluster.__enter__() if cluster is not None else (None, [])
    try:
        for copies in args.scaling:
            clients_dir = work / f"scaling-{copies}" / "clients"
            clients = copy_clients(clients_dir, copies)
            notebooks = notebooks_of(clients, analyses)
            print(f"scaling: {copies} copies ({notebooks} notebooks), local...", flush=True)
            local = time_crmwb(
                clients_dir, work / f"scaling-{copies}" / "local", args.jobs, env, args.only
            )
            remote = None
            if address is not None:
                print(f"scaling: {copies} copies, LocalCluster...", flush=True)
                memory = [PeakMemory(pid) for pid in pids]
                remote = time_crmwb(
                    clients_dir,
                    work / f"scaling-{copies}" / "cluster",
                    args.jobs,
                    env,
                    args.only,
                    scheduler=address,
                )
                remote.tree_peak_mb = sum(m.stop()[1] for m in memory)
            res.scaling.append((copies, notebooks, local, remote))
    finally:
        if cluster is not None:
            cluster.__exit__(None, None, None)


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def mean(values: Sequence[float]) -> float:
    return statistics.mean(values) if values else 0.0


def report(res: Results, args: argparse.Namespace) -> str:
    floor = mean(res.floor_runs_s)
    walls = sorted(r.wall_s for r in res.runs)
    crmwb_s = statistics.median(walls)
    per_notebook = crmwb_s / res.notebooks
    overhead = per_notebook / floor
    cores = f"[{CORES} cores]"
    lines = [
        "",
        "crmwb batch benchmark",
        "=====================",
        f"machine                    {CORES:>8} cores  (crmwb run --jobs {args.jobs})",
        f"notebooks                  {res.notebooks:>8}   ({res.clients} clients x the analyses "
        f"each has data for; --copies {args.copies})",
        f"warm-up kernel             {res.warmup_s:>7.2f}s   (not counted; builds caches)",
        "",
        f"crmwb run wall, median     {crmwb_s:>7.2f}s   {cores} (runs: "
        f"{', '.join(f'{w:.2f}' for w in walls)} s; CLI start-up, HTML, PDF, packs, Excel, "
        "manifests)",
    ]
    if res.cold is not None:
        lines.append(
            f"  with cold kernels        {res.cold.wall_s:>7.2f}s   {cores} "
            f"(CRMWB_WARM_KERNELS=0; warm kernels: {res.cold.wall_s / crmwb_s:.2f}x faster)"
        )
    if res.naive_s is not None:
        speedup = res.naive_s / crmwb_s
        lines += [
            f"naive wall                 {res.naive_s:>7.2f}s   {cores} (papermill CLI + "
            "nbconvert CLI per notebook, sequential; HTML only: favours it)",
            f"ratio naive / crmwb        {speedup:>7.2f}x   {cores} "
            f"target >= {TARGET_SPEEDUP:g}x: {verdict(speedup >= TARGET_SPEEDUP)}",
        ]
    lines += [
        "",
        f"crmwb wall per notebook    {per_notebook:>7.2f}s   {cores} (median wall / notebooks)",
        f"floor per notebook         {floor:>7.2f}s   {cores} (cold kernel + {FLOOR_CODE!r} + "
        f"shut down; runs {', '.join(f'{s:.2f}' for s in res.floor_runs_s)} s)",
        f"ratio crmwb / floor        {overhead:>7.2f}x   {cores} "
        f"target <= {TARGET_OVERHEAD:g}x: {verdict(overhead <= TARGET_OVERHEAD)}",
        "",
        f"per notebook, by step (means over the {len(res.runs)} timed runs' manifests; "
        f"{args.jobs} workers overlap) {cores}:",
        f"  {'step':<36} {'wall':>7}  {'CPU':>7}",
    ]
    wall_steps: dict[str, list[float]] = {}
    cpu_steps: dict[str, list[float]] = {}
    for run in res.runs:
        for step, values in run.wall_steps.items():
            wall_steps.setdefault(step, []).extend(values)
        for step, values in run.cpu_steps.items():
            cpu_steps.setdefault(step, []).extend(values)
    labels = {
        "kernel": ("take a warm kernel", "kernel"),
        "execute": ("execute (kernel's CPU | worker's CPU)", "execute"),
        "html": ("HTML (in the worker)", "html"),
        "pdf": ("PDF (in the worker)", "pdf"),
    }
    for step in STEPS:
        label, key = labels[step]
        wall = mean(wall_steps.get(step, []))
        if step == "kernel":
            cpu_text = "   -   "
        elif step == "execute":
            cpu_text = (
                f"{mean(cpu_steps.get('kernel', [])):>6.2f}s | "
                f"{mean(cpu_steps.get('execute', [])):.2f}s"
            )
        else:
            cpu_text = f"{mean(cpu_steps.get(key, [])):>6.2f}s"
        lines.append(f"  {label:<36} {wall:>6.2f}s  {cpu_text}")
    packs = [p for run in res.runs for p in run.packs_s]
    cpu_total = sum(mean(cpu_steps.get(k, [])) for k in ("kernel", "execute", "html", "pdf"))
    lines += [
        f"  {'kernel server start-up, once a run':<36} {res.server_wall_s:>6.2f}s  "
        f"{res.server_cpu_s:>6.2f}s  (= {res.server_cpu_s / res.notebooks:.2f}s CPU a notebook)",
        f"  {'pack of a client':<36} {mean(packs):>6.2f}s  "
        f"(= {sum(packs) / max(len(res.runs), 1) / res.notebooks:.2f}s a notebook)",
        f"  {'floor: a cold kernel':<36} {floor:>6.2f}s  {mean(res.floor_cpu_s):>6.2f}s",
        f"  CPU a notebook, all steps: {cpu_total:.2f}s + server + pack; on {CORES} cores the "
        f"wall cannot go below about {cpu_total / CORES:.2f}s a notebook.",
    ]
    if res.scaling:
        lines += [
            "",
            f"scaling {cores}: wall per notebook and peak memory (RSS, MB: the runner alone | "
            "with its workers and kernels, or the cluster's workers)",
            f"  {'copies':>6} {'notebooks':>9}   {'local s/nb':>10} {'runner':>7} {'tree':>7}"
            f"   {'cluster s/nb':>12} {'runner':>7} {'workers':>8}",
        ]
        local_per, remote_per = [], []
        for copies, notebooks, local, remote in res.scaling:
            local_per.append(local.wall_s / notebooks)
            line = (
                f"  {copies:>6} {notebooks:>9}   {local.wall_s / notebooks:>9.2f}s "
                f"{local.runner_peak_mb:>7.0f} {local.tree_peak_mb:>7.0f}"
            )
            if remote is not None:
                remote_per.append(remote.wall_s / notebooks)
                line += (
                    f"   {remote.wall_s / notebooks:>11.2f}s {remote.runner_peak_mb:>7.0f} "
                    f"{remote.tree_peak_mb:>8.0f}"
                )
            lines.append(line)
        for name, values in (("local", local_per), ("LocalCluster", remote_per)):
            if len(values) > 1:
                spread = max(values) / min(values) - 1
                lines.append(
                    f"  {name}: per-notebook time spread {spread:.0%} {cores} "
                    f"target within {TARGET_FLAT:.0%}: {verdict(spread <= TARGET_FLAT)}"
                )
    return "\n".join(lines)


def bench(work: Path, args: argparse.Namespace) -> Results:
    res = Results()
    clients_dir, naive_dir = work / "clients", work / "naive"
    clients = copy_clients(clients_dir, args.copies)
    analyses = select_analyses(args.only.split(",") if args.only else None)
    jobs = [(c, a) for c in clients for a in analyses if applies_to(a, c)]
    res.clients, res.notebooks = len(clients), len(jobs)

    # The batch runner's environment, for this process (the floor's kernels inherit it) and for
    # every subprocess.
    os.environ.update(runtime_environment(work / "runtime"))
    env = dict(os.environ)
    print(f"work folder: {work}; {CORES} cores")
    print(f"{res.notebooks} notebooks (the analyses each of {res.clients} clients has data for)")

    print("warm-up kernel (font cache)...", flush=True)
    res.warmup_s, _ = bare_kernel()
    print(f"floor: {args.floor_runs} bare kernel run(s)...", flush=True)
    for _ in range(args.floor_runs):
        wall, cpu = bare_kernel()
        res.floor_runs_s.append(wall)
        res.floor_cpu_s.append(cpu)
    print("kernel server start-up...", flush=True)
    res.server_wall_s, res.server_cpu_s = server_start_up()
    for i in range(args.repeat):
        print(f"crmwb run --jobs {args.jobs} ({i + 1}/{args.repeat})...", flush=True)
        reports = work / f"reports-{i + 1}"
        res.runs.append(time_crmwb(clients_dir, reports, args.jobs, env, args.only))
    print("crmwb run, cold kernels...", flush=True)
    res.cold = time_crmwb(
        clients_dir, work / "reports-cold", args.jobs, {**env, WARM_KERNELS: "0"}, args.only
    )
    if not args.no_naive:
        print(f"naive: papermill + nbconvert CLIs, {res.notebooks} notebook(s)...", flush=True)
        res.naive_s = time_naive(jobs, naive_dir, env)
    if args.scaling:
        scaling(work, args, env, res)
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
