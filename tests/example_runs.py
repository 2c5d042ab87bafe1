"""The example clients run as a consultant runs them: through the `crmwb` command, or through
the runner the command calls. Shared by the session's renderings (conftest) and the tests that
read one run's leftovers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from crmwb.core.workspace import EXAMPLES_DIR

EXAMPLE_CLIENTS = ("literie-lenoir", "northwind-retail")


def crmwb(*args: str, cwd: Path, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    """``crmwb ARGS``, the consultant speaking ``lang`` (the command's language)."""
    return subprocess.run(
        [sys.executable, "-m", "crmwb.run.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        check=False,
        env={**os.environ, "CRMWB_LANG": lang},
    )


@dataclass(frozen=True)
class CommandRun:
    """One ``crmwb run --jobs 2`` of copies of both examples: the clients' folder, the reports'
    folder, and what the command printed and returned."""

    clients: Path
    reports: Path
    process: subprocess.CompletedProcess[str]

    def run_again(self, root: Path) -> tuple[Path, Path]:
        """Copies of the clients and of the reports under ``root``, for a test that runs again
        (the session's run is shared: nothing may change it)."""
        clients, reports = root / "clients", root / "reports"
        shutil.copytree(self.clients, clients)
        shutil.copytree(
            self.reports,
            reports,
            symlinks=True,
            ignore=shutil.ignore_patterns(".runtime", ".*.lock"),
        )
        return clients, reports


def run_examples_by_command(root: Path, lang: str = "fr") -> CommandRun:
    """Every analysis of both examples in ``lang``, run by ``crmwb run --lang`` on copies of
    their folders (the consultant speaking ``lang`` too)."""
    clients, reports = root / "clients", root / "reports"
    for slug in EXAMPLE_CLIENTS:
        shutil.copytree(EXAMPLES_DIR / slug, clients / slug)
    process = crmwb(*command_run(clients, reports, lang), cwd=root, lang=lang)
    return CommandRun(clients, reports, process)


def command_run(clients: Path, reports: Path, lang: str) -> tuple[str, ...]:
    """The arguments of ``crmwb run`` for every client of ``clients`` in ``lang``, two at a
    time."""
    return (
        *("--clients-dir", str(clients), "run", "--jobs", "2", "--lang", lang),
        *("--quiet", "--reports-dir", str(reports)),
    )


def run_examples(reports: Path, lang: str) -> Path:
    """Every analysis of both example clients rendered in ``lang`` under ``reports`` (each
    client's deliverables in ``reports/<client>/latest``)."""
    from crmwb.run import batch
    from crmwb.run.summary import summary as run_summary

    clients = [EXAMPLES_DIR / name for name in EXAMPLE_CLIENTS]
    runs = batch.run(clients, list(batch.ANALYSES.values()), lang=lang, reports_dir=reports)
    assert all(r.ok for r in runs), run_summary(runs)
    return reports
