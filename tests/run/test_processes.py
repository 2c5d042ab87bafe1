"""crmwb's own processes collect their garbage for batch work (crmwb.run.processes)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crmwb.run.processes import YOUNG_OBJECTS

SAYS_THRESHOLD = """
import gc, sys
from crmwb.run.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
sys.stderr.write(str(gc.get_threshold()[0]))
"""


def test_the_command_looks_at_young_objects_less_often() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SAYS_THRESHOLD], capture_output=True, text=True, check=False
    )
    assert done.stderr.strip() == str(YOUNG_OBJECTS) == "50000"


FORK_SERVER_STARTED = """
import multiprocessing, signal, sys
import psutil
from crmwb.run.executors import start_fork_server
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, whatever started us
multiprocessing.get_context("forkserver").set_forkserver_preload(["crmwb.run.job"])
start_fork_server()
server = next(p for p in psutil.Process().children() if "forkserver" in " ".join(p.cmdline()))
status = open(f"/proc/{server.pid}/status").read()  # while it imports its modules
ignored = int(status.split("SigIgn:")[1].split()[0], 16)
sys.stdout.write(f"{bool(ignored & 1 << signal.SIGINT - 1)} ")
sys.stdout.write(str(signal.getsignal(signal.SIGINT) is signal.default_int_handler))
"""


def test_the_workers_fork_server_ignores_ctrl_c_from_its_start() -> None:
    """A Ctrl-C while the fork server imports the job's modules is the runner's alone (it
    printed the fork server's traceback under the summary); the runner handles Ctrl-C again
    once the server is started."""
    done = subprocess.run(
        [sys.executable, "-c", FORK_SERVER_STARTED], capture_output=True, text=True, check=False
    )
    assert done.stdout == "True True", done.stderr


STOPS_CHILDREN = """
import multiprocessing, sys
from concurrent.futures import ProcessPoolExecutor
import psutil
from crmwb.run.executors import kill_children, stop_children

pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"))
pool.submit(abs, -1).result()  # a worker, the fork server and the resource tracker
children = psutil.Process().children(recursive=True)
tracker = [p for p in children if "resource_tracker" in " ".join(p.cmdline())]
pool.shutdown(wait=False, cancel_futures=True)
{stop}()
_, alive = psutil.wait_procs(children, timeout=1)  # a process killed dies a moment later


def running(process):  # a killed worker's parent, killed too, leaves it a zombie
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


alive = [p for p in alive if running(p)]
sys.stdout.write(f"{len(children)} {len(tracker)} {[p in tracker for p in alive]}")
"""


@pytest.mark.parametrize("stop", ["stop_children", "kill_children"])
def test_stopping_the_workers_spares_python_s_resource_tracker(stop: str) -> None:
    """A Ctrl-C stops the workers, the fork server and the kernels, never the resource
    tracker: it ignores SIGTERM, was killed 3 s later, and Python started it again at exit,
    which then printed a traceback for each of the pool's semaphores (seen once in CI). A
    second Ctrl-C kills them at once (``kill_children``) before quitting: the tracker, spared
    again, ends by itself."""
    code = STOPS_CHILDREN.replace("{stop}", stop)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    # three children (worker, fork server, tracker): only the tracker is left running
    assert done.stdout == "3 1 [True]", done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "resource_tracker" not in done.stderr
