"""Running a command without the privilege to ignore file permissions, for the permission cases:
root may write in a read-only file or folder, so when the tests run as root the command runs as
root without the capabilities that let it (``CAP_DAC_OVERRIDE``, ``CAP_DAC_READ_SEARCH``,
``CAP_FOWNER``): it still reads the project, wherever it was cloned, but a read-only file or
folder refuses it as it refuses a consultant."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def as_a_user(command: list[str]) -> list[str]:
    """``command``, run without the capabilities to override file permissions when the tests
    run as root."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop privileges")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder of its own, removed afterwards whatever its modes."""
    base = Path(tempfile.mkdtemp(prefix="crmwb-shared-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for path in base.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(base)
