"""The workshops' notebooks, as a consultant opens them: a working copy per client.

``crmwb workshop CLIENT journey|weights`` writes a fresh copy of the workshop's notebook into
the client's folder (``<client>/workshops/<workshop>.ipynb``): its ``client_dir`` parameter set
to that client, its instructions in the client's language (from the catalogs), its code folded
away (what the client sees is the instructions and the forms), no output. The
notebooks shipped with crmwb are never opened for a workshop, so JupyterLab's autosave (the
outputs, the last client typed) never touches them, and the next workshop starts clean.

Either notebook shows its workshop with :func:`open_workshop`: on the client named, else (a
notebook opened directly, no client given, or one that cannot be opened) a picker of the
workspace's clients, saying why, which opens the workshop on the client chosen.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path
from typing import Any

from crmwb.core.errors import CrmwbError
from crmwb.core.i18n import Lang, t, user_language
from crmwb.core.workspace import NOTEBOOKS_DIR, WORKBOOK_NAME, client_folders, clients_dir

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
            # folded, a cell shows its first line: words, not a path
            comment = t("workshop.notebook.client_cell", lang)
            cell.source = f"# {comment}\nclient_dir = {str(client_dir.resolve())!r}"
        elif cell.cell_type == "code":
            cell.source = f"# {t('workshop.notebook.forms_cell', lang)}\n{cell.source}"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            # the code folded away (a bar the consultant can click to show it): the client
            # watching sees the instructions and the forms, not a path and a function call
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
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


def workshop_widget(workshop: str, client_dir: Path) -> Any:
    """The workshop's forms on the client of ``client_dir``; raises
    :class:`~crmwb.core.errors.CrmwbError` when its workbook cannot be opened."""
    workbook = client_dir / WORKBOOK_NAME
    if workshop == "journey":
        from crmwb.workshop.journey import journey_editor

        return journey_editor(workbook).widget
    from crmwb.workshop.weights import weights_workshop

    return weights_workshop(workbook).widget


def open_workshop(workshop: str, client_dir: str | Path | None = None) -> Any:
    """The workshop on ``client_dir``; with none, or one whose workbook cannot be opened, a
    picker of the workspace's clients (and the reason, in the consultant's words) that opens
    it on the client chosen. Never a traceback."""
    import ipywidgets as w

    lang = user_language()
    box = w.VBox()
    try:
        folders = client_folders(clients_dir())
    except CrmwbError:  # no workspace here: the picker has nothing to offer, the reason says
        folders = []
    picker = w.Dropdown(
        description=t("workshop.picker.client", lang),
        options=[(t("workshop.picker.choose", lang), ""), *((f.name, str(f)) for f in folders)],
        value="",
        style={"description_width": "initial"},
        layout=w.Layout(width="auto"),
    )

    def show(folder: str, reason: str = "") -> None:
        if folder:
            try:
                box.children = [workshop_widget(workshop, Path(folder))]
                return
            except CrmwbError as exc:
                reason = exc.message(exc.lang or lang)
        if not folders:
            reason = " ".join(filter(None, [reason, t("workshop.picker.no_client", lang)]))
        said = f"<p style='color:#C00000'>{html.escape(reason)}</p>" if reason else ""
        box.children = [w.HTML(said), picker]

    picker.observe(lambda change: show(change["new"]), names="value")
    show(str(client_dir or ""))
    return box
