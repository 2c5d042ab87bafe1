"""One JupyterLab server and one browser for the browser tests of the workshops (the journey's,
test_browser.py, and the weights', test_browser_weights.py): both modules are in the xdist group
"browser", so they run on one worker, which starts the server once, and the browser once per
module: playwright's synchronous API keeps an event loop running in the worker's thread as long
as it is open, and the tests that come after on that worker run event loops of their own.

Each test copies its client into the server's root (a folder of its own per module: both copy
the same example clients) and opens it in a page of its own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from lab_browser import Lab, chromium, lab_server

SCREEN_SECONDS = 20
"""How long the screen may take to show what a gesture did (a grid redrawn on a loaded
machine takes a second or two)."""


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    with lab_server(tmp_path_factory.mktemp("lab")) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=SCREEN_SECONDS * 1000)
    with sync_playwright() as p, chromium(p) as browser:
        yield browser
