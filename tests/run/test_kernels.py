"""Warm kernels (crmwb.run.kernels): forked by a server that has imported the notebooks' stack,
each serving one notebook, isolated from the others, none left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from crmwb.run import kernels
from crmwb.run.batch import ANALYSES
from crmwb.run.folders import prepare_runtime

pytestmark = pytest.mark.skipif(
    not kernels.kernel_server_supported(), reason="kernels are forked on Linux only"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[kernels.KernelServer]:
    prepare_runtime(tmp_path_factory.mktemp("reports"))
    with kernels.KernelServer.start(2, ["crmwb.tco.model"]) as started:
        yield started


def run_code(manager: object, code: str) -> dict[str, object]:
    """Execute ``code`` in the kernel; its reply content (status, and ename when it failed)."""
    client = manager.client()  # type: ignore[attr-defined]
    client.start_channels()
    try:
        client.wait_for_ready(timeout=30)
        reply = client.execute_interactive(code, timeout=30, output_hook=lambda _: None)
        return dict(reply["content"])
    finally:
        client.stop_channels()


def test_the_notebooks_imports_are_read_from_their_code() -> None:
    modules = kernels.notebook_imports(a.notebook for a in ANALYSES.values())
    assert "crmwb.tco.model" in modules  # from crmwb.tco.model import compare_options
    assert "crmwb.tco.views" in modules  # from crmwb.tco import views as tco_views
    assert "crmwb.run.clients" in modules


def test_a_kernel_comes_with_the_stack_imported_and_serves_one_notebook(
    server: kernels.KernelServer,
) -> None:
    first = kernels.kernel_manager(server.address)
    try:
        # imported by the server, not by this code: already in the kernel's modules
        wanted = "{'pandas', 'matplotlib.pyplot', 'crmwb.tco.model'}"
        check = f"import sys\nassert {wanted} <= set(sys.modules)"
        assert run_code(first, check)["status"] == "ok"
        assert run_code(first, "secret = 42")["status"] == "ok"
        pid = first.provisioner.pid  # type: ignore[union-attr]
        assert psutil.Process(pid).ppid() == server.process.pid  # forked by the server
    finally:
        first.shutdown_kernel(now=True)
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    second = kernels.kernel_manager(server.address)
    try:
        assert second.provisioner.pid != pid  # type: ignore[union-attr]
        reply = run_code(second, "secret")  # a fresh process: nothing of the first notebook
        assert reply["status"] == "error" and reply["ename"] == "NameError"
    finally:
        second.shutdown_kernel(now=True)


def test_a_kernel_that_died_before_it_was_taken_is_replaced_by_the_next(
    server: kernels.KernelServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Once in a full test run, the kernel a notebook took had died while it waited: the
    notebook takes the next one rather than fail."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = tmp_path / "kernel-gone.json"
    stale.write_text("{}", encoding="utf-8")
    answers = iter([(gone.pid, str(stale))])
    take = kernels.take_kernel
    monkeypatch.setattr(
        kernels, "take_kernel", lambda address: next(answers, None) or take(address)
    )
    manager = kernels.kernel_manager(server.address)
    try:
        assert manager.provisioner.pid != gone.pid  # type: ignore[union-attr]
        assert run_code(manager, "1 + 1")["status"] == "ok"
    finally:
        manager.shutdown_kernel(now=True)
    assert not stale.exists()  # the dead kernel's connection file removed


def test_a_kernel_collects_garbage_as_the_server_does(server: kernels.KernelServer) -> None:
    """The server's setting for batch work (crmwb.run.processes) holds in the kernels it
    forks."""
    from crmwb.run.processes import YOUNG_OBJECTS

    manager = kernels.kernel_manager(server.address)
    try:
        reply = run_code(manager, f"import gc\nassert gc.get_threshold()[0] == {YOUNG_OBJECTS}")
        assert reply["status"] == "ok", reply
    finally:
        manager.shutdown_kernel(now=True)


def test_an_interrupt_reaches_a_forked_kernel(server: kernels.KernelServer) -> None:
    manager = kernels.kernel_manager(server.address)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=30)
        client.execute("import time\ntime.sleep(60)")
        time.sleep(1.0)
        manager.interrupt_kernel()
        reply = client.get_shell_msg(timeout=20)
        assert reply["content"]["ename"] == "KeyboardInterrupt"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_closing_the_server_leaves_no_kernel(tmp_path: Path) -> None:
    prepare_runtime(tmp_path)
    started = kernels.KernelServer.start(3, [])
    taken = kernels.kernel_manager(started.address)  # one taken, three more forked ahead
    pid = taken.provisioner.pid  # type: ignore[union-attr]
    server = psutil.Process(started.process.pid)
    deadline = time.monotonic() + 30
    while len(server.children()) < 4 and time.monotonic() < deadline:
        time.sleep(0.1)
    kernels_forked = server.children()
    assert len(kernels_forked) == 4
    started.close()  # a kernel taken dies with the server too (its notebook would be over)
    gone, alive = psutil.wait_procs(kernels_forked, timeout=10)
    assert alive == [] and len(gone) == 4
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    taken.cleanup_resources()
    assert not os.path.exists(started.address)


def test_a_kernel_forked_as_its_server_dies_does_not_outlive_it() -> None:
    """The race the server's kill can meet: a kernel forked, its server gone before the kernel
    asked Linux to signal it when its parent dies. The kernel learns it then and stops."""
    import select
    import signal

    read, write = os.pipe()
    middle = os.fork()
    if middle == 0:  # the server
        server = os.getpid()
        if os.fork() == 0:  # the kernel: asks only once its server has gone
            while os.getppid() == server:
                time.sleep(0.01)
            kernels.die_with_parent(signal.SIGKILL, parent=server)
            os.write(write, b"still running")
        os._exit(0)
    os.close(write)
    os.waitpid(middle, 0)
    ready, _, _ = select.select([read], [], [], 30)
    told = os.read(read, 64) if ready else b"(no answer in 30 s)"
    os.close(read)
    assert told == b""  # the pipe closed: the kernel ended without writing


def test_no_kernel_is_forked_ahead_beyond_what_the_run_takes(tmp_path: Path) -> None:
    """A run of two notebooks on a server keeping three ahead: two kernels are forked, no
    more (each would cost a tenth of a second of CPU for nothing)."""
    prepare_runtime(tmp_path)
    with kernels.KernelServer.start(3, [], total=2) as started:
        server = psutil.Process(started.process.pid)
        taken = [kernels.kernel_manager(started.address) for _ in range(2)]
        time.sleep(1.5)  # time enough to fork a replacement, were one to be forked
        assert len(server.children()) == 2
        assert {c.pid for c in server.children()} == {m.provisioner.pid for m in taken}  # type: ignore[union-attr]
        for manager in taken:
            manager.cleanup_resources()


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_a_worker_running_notebooks_one_after_another_keeps_its_open_files(
    server: kernels.KernelServer,
) -> None:
    """As papermill does with a manager it is given: a client made, its channels started and
    left open. Released, nothing of the kernel stays open in this process (before: about 10
    file descriptors, a thread and an event loop a notebook, until a worker of a cluster could
    no longer stop its kernels)."""
    counts = []
    for _ in range(3):
        manager = kernels.kernel_manager(server.address)
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=30)
        assert client.execute_interactive("1", timeout=30)["content"]["status"] == "ok"
        kernels.release_kernel(manager)
        counts.append(_open_files())
    assert counts[2] == counts[0], counts
    assert not [t for t in threading.enumerate() if type(t).__name__ == "HBChannel"]


def test_a_kernel_is_stopped_whatever_the_number_of_its_descriptor(
    server: kernels.KernelServer,
) -> None:
    """A process with more than 1 024 files open (a long-lived worker): the kernel's
    descriptor is numbered beyond what select() watches; the kernel is stopped all the same."""
    spare = [os.dup(0) for _ in range(1100)]
    try:
        assert _open_files() > 1024  # any descriptor opened now is numbered beyond
        manager = kernels.kernel_manager(server.address)
        pid = manager.provisioner.pid  # type: ignore[union-attr]
        kernels.release_kernel(manager)
        deadline = time.monotonic() + 10
        while psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
            assert time.monotonic() < deadline, "the kernel is still running"
            time.sleep(0.05)
    finally:
        for fd in spare:
            os.close(fd)
