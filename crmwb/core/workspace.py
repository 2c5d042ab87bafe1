"""Where the project's folders are: one place, so no module guesses another's layout.

crmwb runs from its repository (``make demo``, ``make lab``): notebooks, templates, client data
and reports are folders of the project, next to the package.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
CLIENTS_DIR = PROJECT_ROOT / "data" / "clients"
EXAMPLES_DIR = PROJECT_ROOT / "data" / "examples"
REPORTS_DIR = PROJECT_ROOT / "reports"
