"""The run folders of a client's reports: where a run is staged and published, how ``latest``
points to the latest complete run, the lock that keeps one run of a client at a time, the
file-system errors said in words, and the runtime folders of Jupyter, IPython and Matplotlib
(under the reports folder, not the home folder).

* A client's outputs are written in ``reports/<slug>/.<run-id>.partial/`` and renamed to
  ``reports/<slug>/<run-id>/`` when the run is complete; then ``latest`` points to it
  (:func:`point_latest`). A run with a failure is kept as ``<run-id>-failed/`` and never
  replaces ``latest``.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from crmwb.core.errors import CrmwbError, msg
from crmwb.mission.runs import RUN_SUFFIXES


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


_FOLDER_ERRORS = {
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EROFS: "read_only",
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.ENAMETOOLONG: "too_long",
}
"""The file-system errors said in words: ``run.err.fs.<name>`` what happened,
``run.err.fs.todo.<name>`` what to do."""


def folder_error(exc: OSError, folder: Path) -> CrmwbError:
    """A file-system error as a message: the folder (or file) it happened in, what the system
    said in words (permission denied, read-only drive, full disk, path too long) and what to do."""
    where = exc.filename if isinstance(exc.filename, str) and exc.filename else str(folder)
    name = _FOLDER_ERRORS.get(exc.errno or 0, "other")
    return CrmwbError(
        msg("run.err.fs.writable"),
        file=where,
        found=msg(f"run.err.fs.{name}", detail=exc.strerror or str(exc)),
        hint=msg(f"run.err.fs.todo.{name}"),
    )


LOCK_NAME = ".run.lock"
"""The lock file of a client's reports folder: one run of the client at a time."""


@contextmanager
def client_lock(
    client_reports: Path, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold ``client_reports``' run lock: an OS lock on :data:`LOCK_NAME`, released by the
    system if the process dies. When another run holds it: wait for it (``on_wait`` is told
    first), or raise :class:`CrmwbError` with ``wait=False``."""
    from filelock import FileLock, Timeout

    client_reports.mkdir(parents=True, exist_ok=True)
    lock = FileLock(client_reports / LOCK_NAME)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise CrmwbError(
                msg("run.err.one_run"),
                file=str(client_reports),
                found=msg("run.err.busy", client=client_reports.name),
                hint=msg("run.err.hint.busy"),
            ) from None
        if on_wait is not None:
            on_wait(client_reports.name)
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def reserve_run_id(client_reports: Path, run_id: str) -> str:
    """A run id no run of the client has, reserved by creating its ``.<id>.partial`` staging
    folder (``mkdir`` fails if it exists: no check-then-create race)."""
    client_reports.mkdir(parents=True, exist_ok=True)
    candidate, n = run_id, 2
    while True:
        if not any((client_reports / f"{candidate}{end}").exists() for end in RUN_SUFFIXES):
            try:
                (client_reports / f".{candidate}.partial").mkdir()
                return candidate
            except FileExistsError:
                pass
        candidate, n = f"{run_id}-{n}", n + 1


def clean_stale(client_reports: Path) -> None:
    """What a run killed outright left (called with the client's lock held, so no run is using
    it): a half-made ``latest`` pointer is removed, a ``.<id>.partial`` folder is kept as
    ``<id>-interrupted``."""
    if not client_reports.is_dir():
        return
    for tmp in client_reports.glob(".latest.*.tmp"):
        _remove(tmp)
    for staging in client_reports.glob(".*.partial"):
        run_name = staging.name[1 : -len(".partial")]
        kept = client_reports / f"{run_name}-interrupted"
        if not kept.exists():
            staging.rename(kept)


def point_latest(client_reports: Path, run_name: str) -> None:
    """Make ``latest`` designate ``run_name``: a relative symlink made under a name of its own
    and renamed over ``latest`` atomically; a copy only where the file system has no symlinks
    (tried, not guessed from an error)."""
    latest = client_reports / "latest"
    tmp = client_reports / f".latest.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    if symlinks_supported(client_reports):
        tmp.symlink_to(run_name, target_is_directory=True)
        if latest.is_dir() and not latest.is_symlink():  # a copy made where links failed
            _remove(latest)
        os.replace(tmp, latest)
        return
    shutil.copytree(client_reports / run_name, tmp)
    if latest.exists() or latest.is_symlink():
        _remove(latest)
    tmp.rename(latest)


def symlinks_supported(folder: Path) -> bool:
    """Whether symbolic links can be made in ``folder`` (a FAT drive or a Windows account
    without the right cannot)."""
    probe = folder / f".symlink-probe.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    try:
        probe.symlink_to(".", target_is_directory=True)
    except OSError:
        return False
    probe.unlink()
    return True


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
