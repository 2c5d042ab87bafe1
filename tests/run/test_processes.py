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
