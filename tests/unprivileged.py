"""Running a command as an unprivileged user, for the permission cases: root may write in a
read-only file or folder, so when the tests run as root the command runs as ``nobody``."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def as_a_user(command: list[str]) -> list[str]:
    """``command``, run as ``nobody`` when the tests run as root."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop privileges")
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder the unprivileged user can reach (pytest's temporary folders are private to
    root), removed afterwards whatever its modes."""
    base = Path(tempfile.mkdtemp(prefix="crmwb-shared-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for path in base.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(base)
