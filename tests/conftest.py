"""Fixtures shared by the tests that read the deliverables of both example clients: each
rendering of them is made once for the whole session (it runs every notebook).

The suite runs on every core (pytest-xdist, ``--dist loadgroup``): a module's tests stay
together on one worker (its module-scoped fixtures are made once), and every test reading the
examples' session renderings goes to the same worker (they are made once too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from deliverable_text import run_examples

SESSION_RENDERINGS = ("french_runs", "pseudo_runs")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        fixtures = getattr(item, "fixturenames", ())
        group = (
            "examples" if set(SESSION_RENDERINGS) & set(fixtures) else item.nodeid.split("::")[0]
        )
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def french_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deliverable of both examples in French: ``<folder>/<client>/latest``."""
    return run_examples(tmp_path_factory.mktemp("french") / "reports", "fr")


@pytest.fixture(scope="session")
def pseudo_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deliverable of both examples in the pseudo-locale."""
    return run_examples(tmp_path_factory.mktemp("pseudo") / "reports", "qps")
