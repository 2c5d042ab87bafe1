"""Fixtures shared by the tests that read the deliverables of both example clients: each
rendering of them is made once for the whole session (it runs every notebook).

The suite runs on every core (pytest-xdist, ``--dist loadgroup``): a module's tests stay
together on one worker (its module-scoped fixtures are made once), and every test reading the
examples' session renderings goes to the same worker (they are made once too); the longest
groups are sent first (``LONGEST_GROUPS``)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from example_runs import CommandRun, run_examples, run_examples_by_command

from crmwb.run.processes import collect_garbage_for_batch_work

SESSION_RENDERINGS = ("french_command", "pseudo_runs")

LONGEST_GROUPS = (
    "examples",
    "browser",
    "tests/run/test_reliability.py",
    "tests/customer_file/test_duplicates.py",
    "tests/customer_file/test_synthetic_people.py",
    "tests/run/test_incremental.py",
)
"""The groups that take longest on one worker (measured: the examples' renderings about 150 s,
the interrupts 55 s, the browser 40 s, the others 20 to 35 s), sent to the workers first: the
last groups sent are then short ones, and the workers end together (they ended 23 s apart when
the browser's group, sent last, ran alone). The browser's and the interrupts' tests mostly
wait: they come right after the examples' renderings, so that another worker waits in them
while the renderings keep the processors busy."""


def pytest_configure(config: pytest.Config) -> None:
    """Many tests run the runner in this process (``batch.run``, as ``crmwb run`` does in its
    own): this process collects its garbage as the command's does."""
    collect_garbage_for_batch_work()


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the collection made (the modules imported, the tests) lives as long as the session:
    frozen, the garbage collector no longer walks it at each of its full passes."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own, which reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        fixtures = getattr(item, "fixturenames", ())
        group = (
            "examples" if set(SESSION_RENDERINGS) & set(fixtures) else item.nodeid.split("::")[0]
        )
        item.add_marker(pytest.mark.xdist_group(group))
    items.sort(key=_longest_first)  # stable: a group's tests keep their order


def _longest_first(item: pytest.Item) -> int:
    marker = item.get_closest_marker("xdist_group")
    group = marker.args[0] if marker and marker.args else ""
    return LONGEST_GROUPS.index(group) if group in LONGEST_GROUPS else len(LONGEST_GROUPS)


def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    """Every test a worker collected carries its group in its id (that is how pytest-xdist's
    ``--dist loadgroup`` sends a group to one worker): if a pytest release stops that again
    (pytest-dev/pytest-xdist#1386), say so rather than make every fixture on every worker."""
    ungrouped = [nodeid for nodeid in ids if "@" not in nodeid]
    if node.config.getvalue("dist") == "loadgroup" and ungrouped:
        pytest.exit(
            f"tests not grouped by --dist loadgroup (e.g. {ungrouped[0]}): this pytest release "
            "breaks pytest-xdist's groups; install the one pyproject.toml names",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


@pytest.fixture(scope="session")
def french_command(tmp_path_factory: pytest.TempPathFactory) -> CommandRun:
    """Both examples run by ``crmwb run`` in French, as a consultant types it: the run the
    command's own tests read, and the French deliverables every other test reads."""
    return run_examples_by_command(tmp_path_factory.mktemp("french"), "fr")


@pytest.fixture(scope="session")
def french_runs(french_command: CommandRun) -> Path:
    """Every deliverable of both examples in French: ``<folder>/<client>/latest``."""
    process = french_command.process
    assert process.returncode == 0, process.stdout + process.stderr
    return french_command.reports


@pytest.fixture(scope="session")
def pseudo_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deliverable of both examples in the pseudo-locale."""
    return run_examples(tmp_path_factory.mktemp("pseudo") / "reports", "qps")
