"""Where a run's jobs are executed: worker processes of this machine, or a Dask cluster.

Both take :class:`~crmwb.run.job.JobInput` and give back :class:`~crmwb.run.job.JobOutput` as
each job finishes (:meth:`Executor.results`); the runner publishes what comes back. Neither
needs the client folders on the worker's side: inputs travel with the job.

* :class:`LocalExecutor` (the default): ``workers`` processes forked from a process that has
  imported papermill, nbconvert and WeasyPrint once, and a kernel server keeping
  ``workers + 1`` kernels ready (:mod:`crmwb.run.kernels`). The workers ignore a Ctrl-C: the
  runner decides (it stops them with their kernels).
* :class:`InlineExecutor`: a run executing one notebook (the re-run after one sheet changed)
  runs it in a thread of the runner, with a kernel of its own: worker processes and a kernel
  server would cost more CPU than the notebook itself.
* :class:`DaskExecutor`: the jobs are submitted to a running ``dask.distributed`` scheduler
  (``crmwb run --scheduler tcp://HOST:8786`` or ``CRMWB_SCHEDULER``). Each worker process starts
  its own kernel server on its first job.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    as_completed,
    wait,
)
from contextlib import suppress
from typing import Any, Protocol

from crmwb.core.errors import CrmwbError, UsageError, msg
from crmwb.run import kernels
from crmwb.run.job import (
    JOB_FOLDER_PREFIX,
    JobInput,
    JobOutput,
    JobResult,
    first_line,
    run_job,
)
from crmwb.run.processes import collect_garbage_for_batch_work
from crmwb.workbook.analyses import declared_analyses

CONNECT_SECONDS = 10
"""How long to wait for a Dask scheduler to answer."""

LOST_AFTER_SECONDS = 60.0
"""A local pool with jobs not done and none of them running for this long has lost them (no
worker runs a job between two jobs for more than a few milliseconds): they are given to a new
pool, once."""

CHECK_SECONDS = 5.0
"""How often a local run checks that its workers are running its jobs."""

SCHEDULER = "CRMWB_SCHEDULER"
"""The environment variable naming a Dask scheduler (``tcp://host:8786``), when
``--scheduler`` does not."""


class Executor(Protocol):
    """Runs jobs and gives their outputs back as they finish."""

    def results(self, jobs: Sequence[JobInput]) -> Iterator[tuple[int, JobOutput]]:
        """``(index in jobs, output)`` as each job finishes (a job the executor lost comes back
        failed, with the reason)."""
        ...

    def interrupt(self, seconds: float) -> None:
        """Stop: cancel what is queued and stop what runs (within ``seconds`` at most)."""
        ...

    def close(self, wait: bool = True) -> None:
        """Release the workers (``wait``: once the running jobs are done)."""
        ...


def lost(job: JobInput, exc: BaseException) -> JobOutput:
    """The output of a job whose worker failed before it could answer."""
    result = JobResult(job.client, job.analysis)
    result.error_type, result.error = type(exc).__name__, first_line(str(exc))
    return JobOutput(result)


def job_lost(job: JobInput) -> CrmwbError:
    """The error of a job the local pool lost twice (no result, no worker running it)."""
    return CrmwbError(
        msg("run.err.job_lost"),
        found=msg("run.found.job_lost"),
        hint=msg("run.hint.job_lost"),
        lang=job.lang,
    )


def as_finished(
    futures: dict[Future[JobOutput], int],
    jobs: Sequence[JobInput],
    stalled: Callable[[], bool] | None = None,
) -> Iterator[tuple[int, JobOutput]]:
    """``(index in jobs, output)`` as each future of this machine's pool finishes (a worker
    that died, killed or out of memory, gives its job back failed). ``stalled``: whether the
    pool runs none of the jobs; once it has for ``LOST_AFTER_SECONDS`` with none finished, the
    rest is lost (seen once in some thousand runs: a job's future never finished, every worker
    idle): this stops, the futures left in ``futures`` are the jobs lost (each future is taken
    out of it as it finishes, so that its output, the deliverables' bytes, is not kept until
    the end of the run)."""
    if stalled is None:
        for future in as_completed(futures):
            index = futures.pop(future)
            yield index, _output(future, jobs[index])
        return
    pending, idle_since = set(futures), None
    while pending:
        done, pending = wait(pending, timeout=CHECK_SECONDS, return_when=FIRST_COMPLETED)
        for future in done:
            index = futures.pop(future)  # its output goes with it once published
            yield index, _output(future, jobs[index])
        if done or not stalled():
            idle_since = None
        elif idle_since is None:
            idle_since = time.monotonic()
        elif time.monotonic() - idle_since >= LOST_AFTER_SECONDS:
            return


def _output(future: Future[JobOutput], job: JobInput) -> JobOutput:
    try:
        return future.result()
    except Exception as exc:
        return lost(job, exc)


def _worker_started(address: str | None, environment: dict[str, str]) -> None:
    """In each local worker: the runner's environment (its runtime folders), kernels from the
    runner's server; a Ctrl-C is left to the runner."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    kernels.die_with_parent(signal.SIGTERM)  # a runner killed takes its workers with it
    collect_garbage_for_batch_work()
    os.environ.update(environment)
    if address is not None:
        os.environ[kernels.SERVER_ADDRESS] = address
    else:
        os.environ.pop(kernels.SERVER_ADDRESS, None)


def _worker_context() -> multiprocessing.context.BaseContext:
    """How local workers start: forked from a clean process that has imported the job's
    modules (papermill, nbconvert, WeasyPrint) once, never from the runner itself, whose
    threads (a report being published, Jupyter's event loop) a fork would copy half-held.
    (The job's module imports papermill, nbconvert and WeasyPrint only when a job needs them:
    named here, each worker is spared importing them, about a second of CPU a run of two
    workers. Each worker warms its report renderer up on its first job.)"""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["crmwb.run.job", "papermill", "nbconvert", "weasyprint"])
    start_fork_server()
    return context


def start_fork_server() -> None:
    """Start the workers' fork server now, Ctrl-C ignored from its first instant: it imports
    the job's modules (a second or two) before it ignores Ctrl-C itself, and a Ctrl-C in that
    time printed its traceback under the run's summary. Ctrl-C is the runner's to handle (for
    the few milliseconds the server takes to start, the runner ignores it too)."""
    from multiprocessing import forkserver

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # inherited by what starts now
    except ValueError:  # not the main thread, where no Ctrl-C is handled anyway
        forkserver.ensure_running()
        return
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


class LocalExecutor:
    """``workers`` processes of this machine, with warm kernels: as many forked as the
    ``jobs`` take. The jobs' temporary folders (a copy of the client's workbook and files) are
    made in a folder of the executor's, removed when it closes: a worker stopped by a Ctrl-C
    cannot remove its own, and its copy of the client's data stayed in the system's
    temporary folder. Those folders also say whether any job is running: a pool with jobs to
    do and none running has lost them (:func:`as_finished`)."""

    def __init__(self, workers: int, jobs: int) -> None:
        self.scratch = tempfile.mkdtemp(prefix="crmwb-jobs-")
        self.server: kernels.KernelServer | None = None
        if kernels.kernel_server_supported() and os.environ.get(kernels.WARM_KERNELS) != "0":
            modules = kernels.notebook_imports(a.notebook for a in declared_analyses().values())
            self.server = kernels.KernelServer.start(workers + 1, modules, total=jobs)
        self.workers = workers
        self.initargs = (self.server.address if self.server else None, dict(os.environ))
        self.pool = self.new_pool()
        self.futures: dict[Future[JobOutput], int] = {}
        self.processes: set[multiprocessing.process.BaseProcess] = set()
        """The pool's workers (a pool starts them as jobs are submitted)."""

    def new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_worker_context(),
            initializer=_worker_started,
            initargs=self.initargs,
        )

    def results(self, jobs: Sequence[JobInput]) -> Iterator[tuple[int, JobOutput]]:
        """As each job finishes. Jobs the pool lost (:func:`as_finished`) go to a new pool;
        lost again, they come back failed, saying so."""
        todo: Sequence[int] = range(len(jobs))
        for _ in range(2):
            before = set(multiprocessing.active_children())
            self.futures = {
                self.pool.submit(run_job, jobs[i], scratch=self.scratch): i for i in todo
            }
            self.processes = set(multiprocessing.active_children()) - before  # started by submit
            yield from as_finished(self.futures, jobs, stalled=self.running_none)
            todo = list(self.futures.values())  # what the pool lost
            if not todo:
                return
            self.replace_pool()
        for i in todo:
            yield i, lost(jobs[i], job_lost(jobs[i]))

    def running_none(self) -> bool:
        """Whether none of the workers is running a job (each job runs in a folder of its own
        under ``scratch``)."""
        with os.scandir(self.scratch) as entries:
            return not any(entry.name.startswith(JOB_FOLDER_PREFIX) for entry in entries)

    def replace_pool(self) -> None:
        """A new pool for the jobs this one lost; its workers are stopped (its manager thread
        waits for the lost jobs until they are, and the runner would wait for it at exit)."""
        old, self.pool = self.pool, self.new_pool()
        old.shutdown(wait=False, cancel_futures=True)
        for process in self.processes:
            process.kill()

    def interrupt(self, seconds: float) -> None:
        # Nothing more will come back: the workers are stopped with their kernels (and no
        # one marks the futures of a pool shut down: waiting for them would only wait).
        self.pool.shutdown(wait=False, cancel_futures=True)
        stop_children()

    def close(self, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=not wait)
        if self.server is not None:
            self.server.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


class InlineExecutor:
    """The jobs run one after the other in a thread of this process, each with a kernel of its
    own. For a single notebook: the runner has already imported what the job needs, where
    worker processes and a kernel server would import it all again (measured on a re-run of
    one TCO: 10.4 s of CPU through them, 6.1 s here). A Ctrl-C reaches the runner's main
    thread as ever; stopping the kernel ends the job."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="crmwb-job")

    def results(self, jobs: Sequence[JobInput]) -> Iterator[tuple[int, JobOutput]]:
        futures = {
            self.pool.submit(run_job, job, warm_kernel=False): i for i, job in enumerate(jobs)
        }
        return as_finished(futures, jobs)

    def interrupt(self, seconds: float) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        stop_children()

    def close(self, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=not wait)


def local_executor(workers: int, jobs: int) -> LocalExecutor | InlineExecutor:
    """The executor of this machine for ``jobs`` notebooks on at most ``workers`` processes."""
    return InlineExecutor() if jobs == 1 else LocalExecutor(min(workers, jobs), jobs)


class DaskExecutor:
    """The jobs of a run on a ``dask.distributed`` cluster (its scheduler's address)."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                msg("run.err.cluster_package"),
                found=msg("run.found.not_installed"),
                hint=msg("run.hint.cluster_package"),
            ) from None
        self.futures: dict[object, tuple[int, Any]] = {}
        try:
            self.client = Client(address, set_as_default=False, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise CrmwbError(
                msg("run.err.scheduler", address=address),
                found=msg("run.found.scheduler", error=first_line(str(exc))),
                hint=msg("run.hint.scheduler"),
            ) from None

    def results(self, jobs: Sequence[JobInput]) -> Iterator[tuple[int, JobOutput]]:
        from distributed import as_completed as dask_completed

        submitted = [
            self.client.submit(
                run_job, job, pure=False, key=f"crmwb-{job.client}-{job.analysis}-{i}"
            )
            for i, job in enumerate(jobs)
        ]
        self.futures = {future.key: (i, future) for i, future in enumerate(submitted)}
        for future in dask_completed(submitted, loop=self.client.loop):  # type: ignore[no-untyped-call]
            i, _ = self.futures.pop(future.key)
            try:
                output = future.result()
            except Exception as exc:  # a worker lost, a job that could not be sent...
                output = lost(jobs[i], exc)
            future.release()  # the worker may forget it: a portfolio's outputs do not pile up
            yield i, output

    def interrupt(self, seconds: float) -> None:
        with suppress(Exception):
            remaining = [future for _, future in self.futures.values()]
            self.client.cancel(remaining, force=True)  # type: ignore[no-untyped-call]

    def close(self, wait: bool = True) -> None:
        with suppress(Exception):
            self.client.close()  # type: ignore[no-untyped-call]


def cluster(scheduler: str | None = None) -> DaskExecutor | None:
    """The Dask executor of the scheduler named (argument, else ``CRMWB_SCHEDULER``), connected;
    None when none is named (the run is local)."""
    address = scheduler or os.environ.get(SCHEDULER) or None
    return DaskExecutor(address) if address else None


def _is_resource_tracker(process: Any) -> bool:
    """Whether ``process`` (a ``psutil.Process``) is a multiprocessing resource tracker."""
    import psutil

    try:
        return any("multiprocessing.resource_tracker" in part for part in process.cmdline())
    except psutil.Error:  # gone, or not ours to read: not spared
        return False


def kill_children() -> None:
    """Kill at once this process's child processes, all but Python's resource tracker (which
    ends by itself once they are gone, cleaning up after them): for a process about to quit
    with ``os._exit`` (a second Ctrl-C). Left to themselves, a kernel or a worker could outlive
    the run for a while, keeping its output open."""
    import psutil

    for child in psutil.Process().children(recursive=True):
        if not _is_resource_tracker(child):
            with suppress(psutil.Error):
                child.kill()


def stop_children() -> None:
    """Stop this process's child processes (workers, the kernel server, the kernels):
    terminate, then kill what is still there a few seconds later. Python's resource tracker
    is spared: stopped, it was started again at exit, which then printed a traceback for
    each of the pool's semaphores it had never seen (and it removes what the stopped workers
    leave behind when this process ends)."""
    import psutil

    children = [
        child
        for child in psutil.Process().children(recursive=True)
        if not _is_resource_tracker(child)
    ]
    for child in children:
        with suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=3)
    for child in alive:
        with suppress(psutil.Error):
            child.kill()
