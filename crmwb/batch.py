"""Run the analyses' notebooks for many clients: parallel, isolated, atomic.

Every (client, analysis) pair is one job. Jobs run on a pool of worker threads inside this one
long-lived process, each executing its notebook with papermill's Python API in a fresh kernel,
then rendering HTML (one nbconvert exporter per worker, reused) and PDF (WeasyPrint).

* A failing notebook does not stop the others; its executed notebook (with papermill's error
  cell) is kept, and the result names the client, the analysis and the error.
* A client's outputs are written in ``reports/<slug>/.<run-id>.partial/`` and renamed to
  ``reports/<slug>/<run-id>/`` only when every analysis succeeded; then ``reports/<slug>/latest``
  points to it. A run with a failure is kept as ``<run-id>-failed/`` and never replaces
  ``latest``.
* Jupyter, IPython and Matplotlib write their runtime files under ``reports/.runtime/``, not in
  the home folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crmwb.errors import CrmwbError, UsageError
from crmwb.i18n import Lang, t
from crmwb.report import PROJECT_ROOT, ReportInfo, package_versions, sha256, write_manifest

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
PARAMETERS = ("client_dir", "lang", "output_dir")
"""What the runner injects into every notebook (each notebook's parameters cell has them)."""


@dataclass(frozen=True)
class Analysis:
    """An analysis the runner knows: its notebook and the label of its report."""

    name: str
    notebook: Path
    title_key: str


ANALYSES: dict[str, Analysis] = {
    "tco": Analysis("tco", NOTEBOOKS_DIR / "tco.ipynb", "analysis.tco"),
}


@dataclass
class JobResult:
    """What happened to one (client, analysis) job."""

    client: str
    analysis: str
    ok: bool = False
    error: str = ""
    error_type: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)


@dataclass
class ClientRun:
    """One client's run: where it went and how each analysis did."""

    slug: str
    run_id: str
    folder: Path | None = None
    results: list[JobResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(r.ok for r in self.results)


@dataclass(frozen=True)
class _Job:
    client_dir: Path
    slug: str
    analysis: Analysis
    staging: Path
    info: ReportInfo
    lang: Lang


def select_analyses(names: Sequence[str] | None) -> list[Analysis]:
    """The analyses named (all when None), or UsageError naming the known ones."""
    if not names:
        return list(ANALYSES.values())
    unknown = [n for n in names if n not in ANALYSES]
    if unknown:
        raise UsageError(
            f"analyses among {', '.join(ANALYSES)}", found=", ".join(repr(n) for n in unknown)
        )
    return [ANALYSES[n] for n in dict.fromkeys(names)]


def runtime_environment(reports_dir: Path) -> dict[str, str]:
    """Environment variables pointing Jupyter, IPython and Matplotlib at folders under
    ``reports_dir/.runtime`` (created here), with a ``python3`` kernel that is this interpreter,
    whatever kernels the machine has installed."""
    runtime = reports_dir / ".runtime"
    kernel_dir = runtime / "share" / "kernels" / "python3"
    kernel_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (crmwb)",
        "language": "python",
        "metadata": {"debugger": False},
    }
    (kernel_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    profile = runtime / "ipython" / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    # The kernel's own warnings (TCP transport on localhost) would only clutter the batch's log.
    (profile / "ipython_kernel_config.py").write_text(
        "c.IPKernelApp.log_level = 'ERROR'\nc.HistoryManager.enabled = False\n",
        encoding="utf-8",
    )
    env = {
        "JUPYTER_PATH": str(runtime / "share"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    for name, sub in (
        ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
        ("IPYTHONDIR", "ipython"),
        ("MPLCONFIGDIR", "matplotlib"),
        ("JUPYTER_CONFIG_DIR", "jupyter-config"),
    ):
        (runtime / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(runtime / sub)
    return env


def prepare_runtime(reports_dir: Path) -> None:
    """Apply :func:`runtime_environment` to this process (kernels inherit it)."""
    os.environ.update(runtime_environment(reports_dir))


def new_run_id(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


class Runner:
    """Runs jobs on ``jobs`` worker threads; each thread keeps its own report renderer."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._local = threading.local()
        self._pdf_lock = threading.Lock()  # WeasyPrint/Pango: one PDF at a time

    def _renderer(self) -> Any:
        renderer = getattr(self._local, "renderer", None)
        if renderer is None:
            from crmwb.report import Renderer

            renderer = self._local.renderer = Renderer()
        return renderer

    def execute(self, job: _Job) -> JobResult:
        import nbformat
        import papermill
        from papermill.exceptions import PapermillExecutionError

        from crmwb.report import html_to_pdf

        result = JobResult(job.slug, job.analysis.name)
        name = job.analysis.name
        executed = job.staging / f"{name}.ipynb"
        started = time.perf_counter()
        try:
            papermill.execute_notebook(
                str(job.analysis.notebook),
                str(executed),
                parameters={
                    "client_dir": str(job.client_dir.resolve()),
                    "lang": job.lang,
                    "output_dir": str(job.staging.resolve()),
                },
                kernel_name="python3",
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
                shutdown_kernel="immediate",  # nbclient: no graceful wait, the run is over
                cwd=str(job.analysis.notebook.parent),
            )
        except PapermillExecutionError as exc:
            result.error_type, result.error = exc.ename, _first_line(exc.evalue)
            result.timings["execute"] = time.perf_counter() - started
            return result
        except Exception as exc:  # a kernel that died, a notebook that cannot be read...
            result.error_type, result.error = type(exc).__name__, _first_line(str(exc))
            result.timings["execute"] = time.perf_counter() - started
            return result
        result.timings["execute"] = time.perf_counter() - started
        try:
            mark = time.perf_counter()
            notebook = nbformat.read(executed, as_version=4)  # type: ignore[no-untyped-call]
            html = self._renderer().html(notebook, job.info)
            (job.staging / f"{name}.html").write_text(html, encoding="utf-8")
            result.timings["html"] = time.perf_counter() - mark
            mark = time.perf_counter()
            with self._pdf_lock:
                pdf = html_to_pdf(html)
            (job.staging / f"{name}.pdf").write_bytes(pdf)
            result.timings["pdf"] = time.perf_counter() - mark
        except Exception as exc:
            result.error_type, result.error = type(exc).__name__, _first_line(str(exc))
            return result
        result.outputs = sorted(p.name for p in job.staging.glob(f"{name}.*"))
        result.ok = True
        return result


def run(
    client_dirs: Sequence[Path],
    analyses: Sequence[Analysis],
    *,
    jobs: int | None = None,
    lang: Lang | None = None,
    reports_dir: Path = REPORTS_DIR,
    progress: Callable[[JobResult], None] | None = None,
    run_id: str | None = None,
) -> list[ClientRun]:
    """Run ``analyses`` for every client folder; returns one :class:`ClientRun` per client."""
    from crmwb.clients import check_slug, load_client

    reports_dir.mkdir(parents=True, exist_ok=True)
    prepare_runtime(reports_dir)
    run_id = run_id or new_run_id()
    workers = jobs or os.cpu_count() or 1
    runner = Runner(workers)
    runs: dict[str, ClientRun] = {}
    pending: list[_Job] = []
    started = {}
    for client_dir in client_dirs:
        slug = check_slug(client_dir.name)
        client_run = runs[slug] = ClientRun(slug, _free_run_id(reports_dir / slug, run_id))
        staging = reports_dir / slug / f".{client_run.run_id}.partial"
        staging.mkdir(parents=True, exist_ok=False)
        started[slug] = dt.datetime.now().isoformat(timespec="seconds")
        try:
            client = load_client(client_dir)
        except CrmwbError as exc:
            for analysis in analyses:
                failed = JobResult(
                    slug, analysis.name, error=str(exc), error_type=type(exc).__name__
                )
                client_run.results.append(failed)
                if progress:
                    progress(failed)
            continue
        job_lang = lang or client.about.language
        for analysis in analyses:
            info = ReportInfo(
                client=client.about.client_name,
                title=t(analysis.title_key, job_lang),
                lang=job_lang,
                date=client.about.date or dt.date.today(),
            )
            pending.append(_Job(client_dir, slug, analysis, staging, info, job_lang))

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="crmwb") as pool:
        futures = [pool.submit(runner.execute, job) for job in pending]
        for future in as_completed(futures):
            result = future.result()
            runs[result.client].results.append(result)
            if progress:
                progress(result)

    by_slug = {c.name: c for c in client_dirs}
    for slug, client_run in runs.items():
        _finish(client_run, reports_dir, by_slug[slug], started[slug], lang, analyses)
    return list(runs.values())


def _free_run_id(client_reports: Path, run_id: str) -> str:
    candidate, n = run_id, 2
    while any(
        (client_reports / name).exists()
        for name in (candidate, f"{candidate}-failed", f".{candidate}.partial")
    ):
        candidate, n = f"{run_id}-{n}", n + 1
    return candidate


def _finish(
    client_run: ClientRun,
    reports_dir: Path,
    client_dir: Path,
    started: str,
    lang: Lang | None,
    analyses: Sequence[Analysis],
) -> None:
    """Write the manifest, then publish the run folder atomically (and ``latest`` if all ok)."""
    client_reports = reports_dir / client_run.slug
    staging = client_reports / f".{client_run.run_id}.partial"
    order = {a.name: i for i, a in enumerate(analyses)}
    client_run.results.sort(key=lambda r: order.get(r.analysis, 0))
    workbook = client_dir / "workbook.xlsx"
    manifest = {
        "run_id": client_run.run_id,
        "client": client_run.slug,
        "status": "ok" if client_run.ok else "failed",
        "started": started,
        "finished": dt.datetime.now().isoformat(timespec="seconds"),
        "inputs": {"workbook.xlsx": sha256(workbook) if workbook.is_file() else None},
        "parameters": {"lang": lang, "analyses": [a.name for a in analyses]},
        "packages": package_versions(),
        "analyses": {
            r.analysis: {
                "status": "ok" if r.ok else "failed",
                "error": r.error or None,
                "error_type": r.error_type or None,
                "timings_s": {k: round(v, 3) for k, v in r.timings.items()},
                "outputs": r.outputs,
            }
            for r in client_run.results
        },
    }
    write_manifest(staging / "manifest.json", manifest)
    final = client_reports / (client_run.run_id if client_run.ok else f"{client_run.run_id}-failed")
    staging.rename(final)
    client_run.folder = final
    if client_run.ok:
        point_latest(client_reports, final.name)


def point_latest(client_reports: Path, run_name: str) -> None:
    """Make ``latest`` designate ``run_name``: a relative symlink swapped in atomically, or a
    copy where the file system has no symlinks."""
    latest = client_reports / "latest"
    tmp = client_reports / ".latest.tmp"
    if tmp.is_symlink() or tmp.exists():
        _remove(tmp)
    try:
        tmp.symlink_to(run_name, target_is_directory=True)
    except OSError:
        shutil.copytree(client_reports / run_name, tmp)
        if latest.exists() or latest.is_symlink():
            _remove(latest)
        tmp.rename(latest)
        return
    os.replace(tmp, latest)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _first_line(text: str) -> str:
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


def summary(runs: Sequence[ClientRun]) -> str:
    """A plain-text table, one line per client and analysis (the error where one failed), then
    where each client's deliverables are."""
    rows = [("client", "analysis", "status", "time", "detail")]
    for client_run in runs:
        for r in client_run.results:
            seconds = sum(r.timings.values())
            rows.append(
                (
                    r.client,
                    r.analysis,
                    "ok" if r.ok else "FAILED",
                    f"{seconds:.1f}s" if seconds else "-",
                    ", ".join(r.outputs) if r.ok else f"{r.error_type}: {r.error}",
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[4]
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 6)
    lines.append("")
    for client_run in runs:
        state = "deliverables in" if client_run.ok else "FAILED, kept for inspection in"
        lines.append(f"{client_run.slug}: {state} {client_run.folder}")
    succeeded = sum(r.ok for c in runs for r in c.results)
    total = sum(len(c.results) for c in runs)
    lines.append(f"{succeeded} of {total} analyses succeeded.")
    return "\n".join(lines)
