"""The workshops' notebooks, as a consultant opens them: a working copy per client.

``crmwb workshop CLIENT journey|weights`` writes a fresh copy of the workshop's notebook into
the client's folder (``<client>/workshops/<workshop>.ipynb``): its ``client_dir`` parameter set
to that client, its instructions in the client's language (from the catalogs), no output. The
notebooks shipped with crmwb are never opened for a workshop, so JupyterLab's autosave (the
outputs, the last client typed) never touches them, and the next workshop starts clean.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from crmwb.core.i18n import Lang, t
from crmwb.core.workspace import NOTEBOOKS_DIR

WORKSHOPS = {
    "journey": NOTEBOOKS_DIR / "workshop_journey.ipynb",
    "weights": NOTEBOOKS_DIR / "workshop_weights.ipynb",
}
"""Each workshop's notebook, as shipped."""

WORKING_FOLDER = "workshops"
"""The folder of a client's working copies, in the client's folder."""


def working_copy(client_dir: Path, workshop: str, lang: Lang) -> Path:
    """Write ``<client_dir>/workshops/<workshop>.ipynb`` afresh from the shipped notebook (the
    previous copy, autosaved with its outputs, replaced at once: a failure leaves it whole) and
    return its path."""
    import nbformat

    notebook = nbformat.read(WORKSHOPS[workshop], as_version=4)  # type: ignore[no-untyped-call]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = t(f"workshop.notebook.{workshop}", lang)
        elif "parameters" in cell.metadata.get("tags", []):
            cell.source = f"client_dir = {str(client_dir.resolve())!r}"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.metadata.pop("widgets", None)  # widget views of an earlier session: none exist now
    folder = client_dir / WORKING_FOLDER
    folder.mkdir(exist_ok=True)
    target = folder / f"{workshop}.ipynb"
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{workshop}-", suffix=".ipynb")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            nbformat.write(notebook, out)  # type: ignore[no-untyped-call]
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def lab_command(notebook: Path) -> list[str]:
    """The command that opens JupyterLab on ``notebook``, its folder as the file browser's root
    (``--allow-root`` where the consultant's session is root, as in some containers)."""
    import sys

    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={notebook.parent}"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    return [*command, str(notebook)]
