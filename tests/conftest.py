"""Fixtures shared by the tests that read the deliverables of both example clients: each
rendering of them is made once for the whole session (it runs every notebook)."""

from __future__ import annotations

from pathlib import Path

import pytest
from deliverable_text import run_examples


@pytest.fixture(scope="session")
def french_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deliverable of both examples in French: ``<folder>/<client>/latest``."""
    return run_examples(tmp_path_factory.mktemp("french") / "reports", "fr")


@pytest.fixture(scope="session")
def pseudo_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deliverable of both examples in the pseudo-locale."""
    return run_examples(tmp_path_factory.mktemp("pseudo") / "reports", "qps")
