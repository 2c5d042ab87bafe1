"""A job: one analysis for one client, as a function of its inputs alone.

:func:`run_job` takes a :class:`JobInput` (the client's workbook and the small files beside it as
bytes, large files as paths the worker can read, the analysis, the language, what the report's
margins say) and returns a :class:`JobOutput` (every file the analysis made, as bytes, and how it
went). It reads nothing else of the client's folder and writes only in a temporary folder it
removes, so the same job runs in a worker process of this machine or on a cluster's worker; the
runner publishes what comes back (:func:`publish`).

Inside, the notebook is executed by papermill in a kernel taken from a kernel server when the
system allows (:mod:`crmwb.run.kernels`), then its HTML and PDF are rendered here, in the worker:
a batch renders on every core.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from crmwb.core.i18n import Lang
from crmwb.core.workspace import WORKBOOK_NAME
from crmwb.deliver.pages import PAGES, numbered, unnumbered_pages
from crmwb.deliver.report import REPORT_CSS, Renderer, ReportInfo
from crmwb.run import kernels
from crmwb.workbook.analyses import Analysis, declared_analyses

if TYPE_CHECKING:
    from jupyter_client.manager import KernelManager

# jsonschema (imported by nbformat, hence papermill and nbconvert) imports rfc3987_syntax when it
# is installed (JupyterLab brings it), which builds a grammar: 0.95 s of CPU in every process
# that runs jobs (the runner, each local worker, each cluster worker). nbformat never checks the
# "iri" formats it serves, and jsonschema does without it: processes running jobs skip it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

JOB_FOLDER_PREFIX = "crmwb-job-"
"""The name of a job's temporary folder begins so (a copy of the client's workbook and files):
there is one for as long as the job runs."""

LARGE_FILE_BYTES = 32 * 2**20
"""A file beside the workbook larger than this travels as a path, not as bytes: the worker
reads it where it is (on a cluster, a folder every worker sees at the same path)."""


@dataclass
class JobResult:
    """What happened to one (client, analysis) job."""

    client: str
    analysis: str
    ok: bool = False
    skipped: bool = False
    error: str = ""
    """The error of a failed job (written in the workbook's language), or nothing."""
    error_type: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    """Wall seconds by step: taking a kernel, executing the notebook, its HTML, its PDF."""
    cpu: dict[str, float] = field(default_factory=dict)
    """CPU seconds by step: the kernel's process (``kernel``), this worker's while it drove
    the notebook (``execute``), the HTML and the PDF."""
    outputs: list[str] = field(default_factory=list)
    interrupted: bool = False
    """The run was interrupted before this analysis reported back."""
    problems: list[str] = field(default_factory=list)
    """When the workbook stopped the analysis: the other problems of the same sheet, so that
    the consultant corrects them all in one go (each at its cell, in the workbook's language)."""
    carried_from: str = ""
    """The run whose outputs this run carries (nothing: executed in this run)."""
    produced: str = ""
    """When the outputs carried were made (ISO date and time)."""
    out_of_date: bool = False
    """Carried although its inputs changed since it ran (the run was limited by ``--only``)."""
    why: list[str] = field(default_factory=list)
    """Why it was executed: what changed in its fingerprint (:mod:`crmwb.run.incremental`)."""
    os_error: tuple[int, str] | None = None
    """A file-system error that stopped the job (errno, text), said by the runner in words."""

    @property
    def carried(self) -> bool:
        return bool(self.carried_from)

    @property
    def status(self) -> str:
        """« ok », « skipped », « interrupted » or « failed » (the manifest's words)."""
        if self.skipped:
            return "skipped"
        if self.ok:
            return "ok"
        return "interrupted" if self.interrupted else "failed"


@dataclass(frozen=True)
class JobInput:
    """Everything a job needs, carried with it to whichever process runs it."""

    client: str
    """The client's folder name (its slug)."""
    analysis: str
    """The analysis's name (:func:`~crmwb.workbook.analyses.declared_analyses`)."""
    lang: Lang | None
    """The reports' language; None: the workbook's."""
    workbook: bytes | None
    """The workbook's bytes (None: it could not be read; the notebook says so, naming it)."""
    files: Mapping[str, bytes] = field(default_factory=dict)
    """Small files beside the workbook, by their path relative to the client's folder."""
    large_files: Mapping[str, str] = field(default_factory=dict)
    """Large files beside the workbook: relative path -> absolute path the worker reads."""
    report: ReportInfo | None = None
    """What the report's margins say (None: the About sheet is unreadable, the notebook fails
    and says where)."""
    client_dir: str = ""
    """The client's folder on the consultant's machine: named in errors instead of the job's
    temporary copy."""
    run: str = ""
    """The run it is part of (its id, which the Excel deliverables' « Lisez-moi » sheet
    names)."""


@dataclass
class JobOutput:
    """What a job made: its files by path relative to the run folder, and how it went."""

    result: JobResult
    files: dict[str, bytes] = field(default_factory=dict)


def job_input(
    client_dir: Path,
    slug: str,
    analysis: Analysis,
    lang: Lang | None,
    workbook: bytes | None,
    files: tuple[Path, ...] = (),
    report: ReportInfo | None = None,
    run: str = "",
) -> JobInput:
    """The job of ``analysis`` for the client of ``client_dir`` (``workbook``: its bytes as
    read for the run). Files beside the workbook travel as bytes up to
    :data:`LARGE_FILE_BYTES`, as paths beyond; a file outside the client's folder, or missing,
    is left where it is (the notebook reads it by its absolute path, or says it is missing)."""
    small: dict[str, bytes] = {}
    large: dict[str, str] = {}
    root = client_dir.resolve()
    for path in files:
        try:
            relative = path.resolve().relative_to(root).as_posix()
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        if size > LARGE_FILE_BYTES:
            large[relative] = str(path.resolve())
        else:
            with contextlib.suppress(OSError):
                small[relative] = path.read_bytes()
    return JobInput(slug, analysis.name, lang, workbook, small, large, report, str(client_dir), run)


def run_job(job: JobInput, *, warm_kernel: bool = True, scratch: str | None = None) -> JobOutput:
    """Execute the job's notebook and render its reports; never raises for a failing notebook
    (the result says what failed, the executed notebook is among the files). ``warm_kernel``:
    a kernel from a kernel server where the system allows, else a cold one (a new process).
    ``scratch``: where the job's temporary folder is made (None: the system's temporary
    folder)."""
    analysis = declared_analyses()[job.analysis]
    _runtime()
    with tempfile.TemporaryDirectory(prefix=JOB_FOLDER_PREFIX, dir=scratch) as temporary:
        folder = Path(temporary)
        client_dir, out = folder / job.client, folder / (job.run or "run")
        _materialise(job, client_dir)
        out.mkdir()
        result = execute(analysis, job, client_dir, out, warm_kernel=warm_kernel)
        if result.ok:
            render(analysis, job, result, out)
        files = _collect(out, client_dir, job.client_dir)
    result.error = _restore_paths(result.error, client_dir, job.client_dir)
    result.problems = [_restore_paths(p, client_dir, job.client_dir) for p in result.problems]
    return JobOutput(result, files)


def _runtime() -> None:
    """Jupyter's, IPython's and Matplotlib's folders: the runner's (its workers inherit them),
    else, on a cluster's worker, under the system's temporary folder, not the home folder."""
    if "JUPYTER_RUNTIME_DIR" not in os.environ:
        from crmwb.run.folders import prepare_runtime

        prepare_runtime(Path(tempfile.gettempdir()) / f"crmwb-worker-{os.getuid()}")


def _materialise(job: JobInput, client_dir: Path) -> None:
    """The job's copy of the client's folder: the workbook, the small files, links to the
    large ones."""
    client_dir.mkdir()
    if job.workbook is not None:
        (client_dir / WORKBOOK_NAME).write_bytes(job.workbook)
    for relative, content in job.files.items():
        target = client_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for relative, path in job.large_files.items():
        target = client_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(path)


def execute(
    analysis: Analysis, job: JobInput, client_dir: Path, out: Path, *, warm_kernel: bool = True
) -> JobResult:
    """Run the notebook with papermill in a kernel of its own (a warm one when the system
    allows). The executed notebook is written whether it succeeds or fails (with papermill's
    error cell)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    result = JobResult(job.client, analysis.name)
    started, cpu = time.perf_counter(), time.process_time()
    manager = None
    try:
        manager = (_warm_kernel() if warm_kernel else None) or _cold_kernel()
        result.timings["kernel"] = time.perf_counter() - started
        papermill.execute_notebook(
            str(analysis.notebook),
            str(out / f"{analysis.name}.ipynb"),
            parameters={"client_dir": str(client_dir), "lang": job.lang, "output_dir": str(out)},
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            shutdown_kernel="immediate",  # nbclient: no graceful wait, the run is over
            km=manager,
            # No cwd=: papermill would chdir the whole process, and a worker may run jobs on
            # threads. The notebooks get absolute paths and need no particular working folder.
        )
        result.ok = True
    except PapermillExecutionError as exc:
        result.error_type, result.error = exc.ename, first_line(exc.evalue)
        if exc.ename == "WorkbookError":
            result.problems = sheet_problems(client_dir / WORKBOOK_NAME, result.error)
    except OSError as exc:
        result.error_type, result.error = type(exc).__name__, first_line(str(exc))
        result.os_error = (exc.errno or errno.EIO, exc.strerror or str(exc))
    except Exception as exc:  # a kernel that died, a notebook that cannot be read...
        result.error_type, result.error = type(exc).__name__, first_line(str(exc))
    finally:
        if manager is not None:
            result.cpu["kernel"] = _kernel_cpu(manager)
            kernels.release_kernel(manager)
    kernel = result.timings.setdefault("kernel", 0.0)
    result.timings["execute"] = time.perf_counter() - started - kernel
    result.cpu["execute"] = time.process_time() - cpu
    return result


def _cold_kernel() -> kernels.JobKernelManager:
    """A kernel started as a new Python process, as Jupyter does."""
    import zmq

    manager = kernels.JobKernelManager(kernel_name="python3", context=zmq.Context())
    manager.start_kernel()
    return manager


def _kernel_cpu(manager: KernelManager) -> float:
    """The CPU seconds the kernel's process has used (a forked kernel: since its fork; the
    imports it shares were paid once by the server). 0 when it cannot be read."""
    import psutil

    provisioner = manager.provisioner
    pid = getattr(provisioner, "pid", None) or getattr(
        getattr(provisioner, "process", None), "pid", None
    )
    try:
        times = psutil.Process(pid).cpu_times()
    except (psutil.Error, TypeError, ValueError):
        return 0.0
    return float(times.user + times.system)


def render(analysis: Analysis, job: JobInput, result: JobResult, out: Path) -> None:
    """Turn the executed notebook into its HTML and PDF reports, in this process."""
    import nbformat

    name = analysis.name
    try:
        if job.report is None:  # the About sheet could not be read: the margins cannot say
            from crmwb.core.errors import CrmwbError, msg

            error = CrmwbError(msg("run.err.readable_about"), file=job.client_dir)
            raise error
        mark, cpu = time.perf_counter(), time.process_time()
        notebook = nbformat.read(out / f"{name}.ipynb", as_version=4)  # type: ignore[no-untyped-call]
        html = renderer().html(notebook, job.report)
        (out / f"{name}.html").write_text(html, encoding="utf-8")
        result.timings["html"] = time.perf_counter() - mark
        result.cpu["html"] = time.process_time() - cpu
        mark, cpu = time.perf_counter(), time.process_time()
        pages = unnumbered_pages(html)  # laid out once: the report's PDF and the pack's pages
        (out / PAGES).mkdir(exist_ok=True)
        (out / PAGES / f"{name}.pdf").write_bytes(pages)
        css = REPORT_CSS.read_text(encoding="utf-8")
        (out / f"{name}.pdf").write_bytes(numbered(pages, job.report.lang, css))
        result.timings["pdf"] = time.perf_counter() - mark
        result.cpu["pdf"] = time.process_time() - cpu
    except OSError as exc:  # the disk filled up while the report was written...
        result.ok = False
        result.error_type, result.error = type(exc).__name__, first_line(str(exc))
        result.os_error = (exc.errno or errno.EIO, exc.strerror or str(exc))
    except Exception as exc:
        result.ok = False
        result.error_type, result.error = type(exc).__name__, first_line(str(exc))


_RENDERER: Renderer | None = None


def renderer() -> Renderer:
    """This process's report renderer (made and warmed up once)."""
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = Renderer()
        _RENDERER.warm_up()
    return _RENDERER


_SERVER_LOCK = threading.Lock()
_OWN_SERVER: kernels.KernelServer | None = None


def _warm_kernel() -> kernels.JobKernelManager | None:
    """A started kernel from the kernel server: the runner's (named by the environment), else
    one this process starts for itself on its first job (a cluster's worker). None where
    kernels cannot be forked, or when the server fails: papermill then starts a cold one."""
    global _OWN_SERVER
    if os.environ.get(kernels.WARM_KERNELS) == "0" or not kernels.kernel_server_supported():
        return None
    address = os.environ.get(kernels.SERVER_ADDRESS)
    if address is None:
        with _SERVER_LOCK:
            if _OWN_SERVER is None:
                modules = kernels.notebook_imports(a.notebook for a in declared_analyses().values())
                _OWN_SERVER = kernels.KernelServer.start(2, modules)
                atexit.register(_OWN_SERVER.close)
            address = _OWN_SERVER.address
    try:
        return kernels.kernel_manager(address)
    except Exception:  # the server is gone: a cold kernel does the same work, slower
        return None


def _collect(out: Path, client_dir: Path, shown: str) -> dict[str, bytes]:
    """Every file the job made, by relative path; the job's temporary client folder named as
    the consultant's in the executed notebook (its errors say where the workbook is)."""
    files: dict[str, bytes] = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            if shown and path.suffix == ".ipynb":
                content = content.replace(str(client_dir).encode(), shown.encode())
            files[path.relative_to(out).as_posix()] = content
    return files


def _restore_paths(text: str, client_dir: Path, shown: str) -> str:
    return text.replace(str(client_dir), shown) if shown and text else text


def publish(output: JobOutput, staging: Path) -> list[str]:
    """Write the job's files into the run's staging folder, each atomically (a temporary name,
    then a rename); returns their relative paths."""
    written = []
    for relative, content in output.files.items():
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(content)
        partial.replace(target)
        written.append(relative)
    return sorted(written)


def sheet_problems(workbook: Path, error: str) -> list[str]:
    """The other problems of the sheet ``error`` is about (``crmwb check``'s, on that sheet), in
    the workbook's language; none when the error is not one of them."""
    from crmwb.workbook.check import check_workbook

    found = check_workbook(workbook)
    sheet = next((p.sheet for p in found.problems if p.message(found.lang) == error), None)
    if sheet is None:
        return []
    return [
        text
        for p in found.problems
        if p.sheet == sheet and (text := p.message(found.lang)) != error
    ]


def first_line(text: str) -> str:
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[0] if lines else ""
