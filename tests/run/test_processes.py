"""crmwb's own processes collect their garbage for batch work (crmwb.run.processes)."""

from __future__ import annotations

import subprocess
import sys

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
