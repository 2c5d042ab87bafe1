"""Warm kernels: notebooks' kernels forked, ready, from a process that has already imported the
notebooks' stack.

A cold kernel costs about a second of CPU before a notebook's first cell: start Python, import
ipykernel, then pandas, matplotlib and crmwb. On a machine with two cores, hiding that wait is not
enough: the work itself has to go. So a *kernel server* (``python -m crmwb.run.kernels``) imports
the stack once, then forks each kernel from itself; a forked kernel shares the imported modules
with the server (copy on write) and starts in a few milliseconds of CPU.

* The server keeps ``size`` kernels started ahead (one more than the workers that take them). A
  worker asks for one over a Unix socket and gets its connection file and process id; the server
  forks a replacement at once.
* A kernel serves one notebook and is shut down after it: isolation is that of a cold kernel (a
  fresh process, its own globals), only the imports are shared.
* The server's kernels die with it (``PR_SET_PDEATHSIG``), and the server stops when the process
  that started it closes its standard input (or dies): nothing is left behind.
* :class:`ForkedProvisioner` lets ``jupyter_client`` manage such a kernel like any other (signal,
  interrupt, kill, poll), so papermill and nbclient drive it unchanged (:func:`kernel_manager`).

Linux only (``fork``, ``pidfd_open``); elsewhere :func:`kernel_server_supported` is False and the
runner starts cold kernels as before.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import deque
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from crmwb.run.processes import collect_garbage_for_batch_work

if TYPE_CHECKING:
    from jupyter_client.connect import KernelConnectionInfo

SERVER_ADDRESS = "CRMWB_KERNEL_SERVER"
"""The environment variable naming the kernel server's socket, for the processes that take
kernels from it (the runner's workers)."""

WARM_KERNELS = "CRMWB_WARM_KERNELS"
"""Set to ``0``, notebooks get cold kernels (started by ``jupyter_client`` as a new Python):
for comparisons, and for a system where forking misbehaves."""

PRELOADED = ("pandas", "numpy", "matplotlib", "matplotlib.pyplot", "openpyxl")
"""Imported by the server before the notebooks' own imports (read from their code)."""

INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
STARTUP_SECONDS = 60.0
"""How long a worker waits for the server to answer (it may be importing the stack)."""


def kernel_server_supported() -> bool:
    """Whether this system can fork kernels (Linux: ``fork`` and ``pidfd_open``)."""
    return sys.platform.startswith("linux") and hasattr(os, "pidfd_open")


def notebook_imports(notebooks: Iterable[Path]) -> list[str]:
    """The modules the notebooks' code cells import (``import x`` and ``from x import y``), in a
    stable order: what the server imports so that the kernels it forks have them."""
    found: dict[str, None] = {}
    for path in notebooks:
        try:
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            source = "".join(cell.get("source", ""))
            try:
                tree = ast.parse(source)
            except SyntaxError:  # IPython syntax (magics): not ours to import
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(dict.fromkeys(alias.name for alias in node.names))
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found[node.module] = None  # and what it names, when they are modules:
                    found.update(dict.fromkeys(f"{node.module}.{a.name}" for a in node.names))
    return list(found)


# --- the server (its own process) ------------------------------------------------------------


def die_with_parent(signum: int = signal.SIGKILL, parent: int | None = None) -> None:
    """Ask Linux to send ``signum`` to this process when its parent dies (nothing elsewhere).
    ``parent``: the process that forked this one; if it died before the request was made (the
    signal would never come), the signal is sent now."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signum, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signum)


def _fork_kernel(runtime: Path, closing: Sequence[int]) -> tuple[int, str]:
    """Fork one kernel listening on the ports of a new connection file; returns its process id
    and connection file."""
    from jupyter_client.connect import write_connection_file

    connection_file = str(runtime / f"kernel-crmwb-{uuid.uuid4()}.json")
    write_connection_file(connection_file, ip="127.0.0.1", key=uuid.uuid4().hex.encode())
    server = os.getpid()
    pid = os.fork()
    if pid:
        return pid, connection_file
    code = 1
    try:  # the kernel: never return into the server's loop
        os.setpgid(0, 0)  # a Ctrl-C at the terminal is the runner's to handle, not the kernel's
        die_with_parent(parent=server)  # a server killed as it forked leaves no kernel behind
        for number in closing:
            with contextlib.suppress(OSError):
                os.close(number)
        for signum in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDWR)
        for number in (0, 1, 2):
            os.dup2(null, number)
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(["-f", connection_file])  # type: ignore[no-untyped-call]
        app.start()  # type: ignore[no-untyped-call]
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    finally:
        os._exit(code)


def serve(address: str, size: int, modules: Sequence[str], total: int = 0) -> None:
    """The server's loop: import ``modules``, keep ``size`` kernels forked ahead, hand one to
    each connection on ``address``; stop when standard input closes. ``total``: how many
    kernels the run will take (0: not known); no kernel is forked ahead beyond it (each costs
    0.1 to 0.2 s of CPU to start, for nothing if no notebook takes it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the runner decides when the server stops
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped by the system
    collect_garbage_for_batch_work()  # for the server and the kernels it forks
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)  # as ipykernel would set it
    import ipykernel.kernelapp  # noqa: F401
    import matplotlib_inline.backend_inline  # noqa: F401

    for name in (*PRELOADED, *modules):
        with contextlib.suppress(Exception):  # not a module (a name), or a notebook's import
            importlib.import_module(name)  # that fails: it fails in the notebook, as it would
    runtime = Path(os.environ.get("JUPYTER_RUNTIME_DIR") or tempfile.gettempdir())
    runtime.mkdir(parents=True, exist_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(16)
    closing = (listener.fileno(), sys.stdin.fileno())
    ahead = min(size, total) if total else size
    ready: deque[tuple[int, str]] = deque(_fork_kernel(runtime, closing) for _ in range(ahead))
    forked = ahead
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    try:
        while True:
            readable, _, _ = select.select([listener, sys.stdin], [], [])
            if sys.stdin in readable and not os.read(sys.stdin.fileno(), 1024):
                return  # the runner is done (or gone)
            if listener in readable:
                connection, _ = listener.accept()
                with connection:
                    if not ready:  # asked for more than said, or faster than forked
                        ready.append(_fork_kernel(runtime, closing))
                        forked += 1
                    pid, connection_file = ready.popleft()
                    answer = {"pid": pid, "connection_file": connection_file}
                    with contextlib.suppress(OSError):
                        connection.sendall(json.dumps(answer).encode() + b"\n")
                if not total or forked < total:
                    ready.append(_fork_kernel(runtime, closing))
                    forked += 1
    finally:
        for pid, connection_file in ready:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.unlink(connection_file)
        listener.close()


# --- the runner's side -------------------------------------------------------------------------


class KernelServer:
    """A running kernel server, started by :meth:`start` and stopped by :meth:`close` (or when
    this process ends). ``address`` is what the workers connect to."""

    def __init__(self, process: subprocess.Popen[bytes], address: str, folder: Path) -> None:
        self.process = process
        self.address = address
        self._folder = folder

    @classmethod
    def start(
        cls,
        size: int,
        modules: Sequence[str],
        env: dict[str, str] | None = None,
        *,
        total: int = 0,
    ) -> KernelServer:
        """Start a server keeping ``size`` kernels ahead, with ``modules`` imported, forking no
        more than ``total`` kernels ahead if given (returns at once; the first kernel taken
        waits for the server to be ready)."""
        folder = Path(tempfile.mkdtemp(prefix="crmwb-kernels-"))
        address = str(folder / "server")
        command = [sys.executable, "-m", "crmwb.run.kernels", address, str(size), str(total)]
        command += modules
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        return cls(process, address, folder)

    def close(self) -> None:
        """Stop the server: its kernels not taken die with it."""
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        with contextlib.suppress(OSError):
            os.unlink(self.address)
        with contextlib.suppress(OSError):
            self._folder.rmdir()

    def __enter__(self) -> KernelServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class KernelServerError(RuntimeError):
    """The kernel server did not answer (it failed to start, or stopped)."""


def take_kernel(address: str, timeout: float = STARTUP_SECONDS) -> tuple[int, str]:
    """A kernel from the server at ``address``: its process id and connection file."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.settimeout(timeout)
                connection.connect(address)
                answer = b""
                while not answer.endswith(b"\n"):
                    chunk = connection.recv(4096)
                    if not chunk:
                        raise KernelServerError(f"the kernel server at {address} stopped")
                    answer += chunk
            found = json.loads(answer)
            return int(found["pid"]), str(found["connection_file"])
        except (FileNotFoundError, ConnectionRefusedError) as exc:  # still importing
            if time.monotonic() > deadline:
                raise KernelServerError(f"no kernel server answers at {address}") from exc
            time.sleep(0.05)


def kernel_manager(address: str) -> JobKernelManager:
    """A started ``jupyter_client`` kernel manager for a kernel taken from the server at
    ``address`` (pass it to papermill as ``km``; :func:`release_kernel` after the notebook)."""
    import zmq

    manager = JobKernelManager(kernel_name="python3", context=zmq.Context())
    manager.provisioner = ForkedProvisioner(
        kernel_id=str(uuid.uuid4()), kernel_spec=manager.kernel_spec, parent=manager
    )
    manager.provisioner.address = address
    manager.start_kernel()
    return manager


def release_kernel(manager: JobKernelManager) -> None:
    """Stop ``manager``'s kernel now, and close what this process opened to talk to it: the
    channels of the clients made for it (a thread, an event loop and sockets each) and the
    ZeroMQ contexts. Papermill leaves them to whoever made the manager; left open, each notebook
    kept about 10 file descriptors and a thread in the worker, and a worker of a Dask cluster
    runs hundreds of notebooks (seen: 250 kernels never stopped, 30 GB, after some 480)."""
    with contextlib.suppress(Exception):
        manager.shutdown_kernel(now=True)
    for client in manager.clients:
        with contextlib.suppress(Exception):
            client.stop_channels()  # joins the heartbeat's thread, closes the client's context
    manager.clients.clear()
    with contextlib.suppress(Exception):
        manager.context.destroy(linger=0)


def _manager_base() -> type:
    from jupyter_client.manager import KernelManager

    return KernelManager


class JobKernelManager(_manager_base()):  # type: ignore[misc]
    """A kernel manager that remembers the clients made for its kernel, for
    :func:`release_kernel` (papermill makes one and does not close it when the manager is
    given to it)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clients: list[Any] = []

    def client(self, **kwargs: Any) -> Any:
        made = super().client(**kwargs)
        self.clients.append(made)
        return made


def _provisioner_base() -> type:
    from jupyter_client.provisioning.provisioner_base import KernelProvisionerBase

    return KernelProvisionerBase


class ForkedProvisioner(_provisioner_base()):  # type: ignore[misc]
    """Manages a kernel forked by a server (not a child of this process): it is signalled and
    killed through its process group, and watched through a pidfd."""

    address: str = ""
    pid: int | None = None
    _pidfd: int | None = None
    _exit: int | None = None
    _connection_file: str = ""

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        # Nothing to build: the kernel exists already. jupyter_client expects a command.
        kwargs.pop("cmd", None)
        return {"cmd": [], **kwargs}

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        for _ in range(3):  # a kernel forked ahead that died before it was taken (seen once in
            pid, connection_file = take_kernel(self.address)  # a full test run): the next one
            try:
                self._pidfd = os.pidfd_open(pid)
                break
            except ProcessLookupError:
                with contextlib.suppress(OSError):
                    os.unlink(connection_file)
        else:
            raise KernelServerError(f"the kernels of the server at {self.address} die at once")
        self.pid, self._exit = pid, None
        with open(connection_file, encoding="utf-8") as handle:
            found = json.load(handle)
        found["key"] = str(found["key"]).encode()  # as jupyter_client keeps it
        info = cast("KernelConnectionInfo", found)
        self._connection_file = connection_file  # the kernel's; the manager writes its own
        self.connection_info = info
        return info

    async def poll(self) -> int | None:
        if self._exit is not None or self._pidfd is None:
            return self._exit if self.pid is not None else 0
        watch = select.poll()  # not select(): a descriptor may be numbered beyond 1 024
        watch.register(self._pidfd, select.POLLIN)
        if watch.poll(0):
            self._exit = 0
            return 0
        return None

    async def wait(self) -> int | None:
        import asyncio

        while (status := await self.poll()) is None:
            await asyncio.sleep(0.02)
        return status

    async def send_signal(self, signum: int) -> None:
        if self.pid is None or await self.poll() is not None:
            return
        try:
            os.killpg(self.pid, signum)
        except OSError:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signum)

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGTERM)

    async def cleanup(self, restart: bool = False) -> None:
        if self._pidfd is not None:
            with contextlib.suppress(OSError):
                os.close(self._pidfd)
        self._pidfd = None
        self.pid = None
        if self._connection_file:
            with contextlib.suppress(OSError):
                os.unlink(self._connection_file)


def main(argv: Sequence[str]) -> None:
    address, size, total, *modules = argv
    serve(address, int(size), modules, int(total))


if __name__ == "__main__":
    main(sys.argv[1:])
