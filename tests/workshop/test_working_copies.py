"""``crmwb workshop CLIENT journey|weights``: a working copy of the workshop's notebook in the
client's folder, in the client's language, written afresh each time, then JupyterLab on it."""

from __future__ import annotations

import html
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from crmwb.core.i18n import t
from crmwb.core.workspace import EXAMPLES_DIR, init_workspace
from crmwb.run import cli
from crmwb.workshop import notebooks
from crmwb.workshop.notebooks import WORKSHOPS, lab_command, open_workshop, working_copy


def _client(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(EXAMPLES_DIR / name, tmp_path / "clients" / name))


def test_a_shipped_notebook_saved_with_its_outputs_gives_a_clean_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A developer's ``make lab`` autosaves the shipped notebook with its outputs and widgets:
    the client's copy has neither."""
    notebook = json.loads(WORKSHOPS["journey"].read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "old"}]
            cell["execution_count"] = 3
    notebook["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    saved = tmp_path / "workshop_journey.ipynb"
    saved.write_text(json.dumps(notebook), encoding="utf-8")
    monkeypatch.setitem(WORKSHOPS, "journey", saved)
    copy = json.loads(
        working_copy(_client(tmp_path, "northwind-retail"), "journey", "en").read_text()
    )
    code = [c for c in copy["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert "widgets" not in copy["metadata"]
    # the code folded away: the client sees the instructions and the forms
    assert all(c["metadata"]["jupyter"]["source_hidden"] is True for c in code)


def test_a_working_copy_speaks_the_clients_language_and_names_the_client(tmp_path: Path) -> None:
    client = _client(tmp_path, "literie-lenoir")
    copy = working_copy(client, "journey", "fr")
    assert copy == client / "workshops" / "journey.ipynb"
    cells = json.loads(copy.read_text(encoding="utf-8"))["cells"]
    markdown = "".join(cells[0]["source"])
    assert markdown == t("workshop.notebook.journey", "fr")
    assert markdown.startswith("# Atelier\u00a0: cartographier le parcours client")
    (parameters,) = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    assert "".join(parameters["source"]) == (
        f"# le dossier du client de l'atelier\nclient_dir = {str(client.resolve())!r}"
    )
    # the code that builds the workshop is the shipped notebook's, under a comment in the
    # client's language (the line a folded cell shows)
    shipped = json.loads(WORKSHOPS["journey"].read_text(encoding="utf-8"))["cells"]
    assert ["".join(c["source"]) for c in cells[2:]] == [
        "# les formulaires de l'atelier\n" + "".join(c["source"]) for c in shipped[2:]
    ]


def test_the_next_workshop_starts_clean_whatever_the_last_one_autosaved(tmp_path: Path) -> None:
    client = _client(tmp_path, "northwind-retail")
    copy = working_copy(client, "weights", "en")
    shipped = WORKSHOPS["weights"].read_bytes()
    # JupyterLab autosaved the last workshop: outputs, a count, widget state, another client
    notebook = json.loads(copy.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "old"}]
            cell["execution_count"] = 7
    notebook["cells"][1]["source"] = "client_dir = '/somewhere/else'"
    notebook["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    again = working_copy(client, "weights", "en")
    fresh = json.loads(again.read_text(encoding="utf-8"))
    code = [c for c in fresh["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert "".join(fresh["cells"][1]["source"]).endswith(
        f"\nclient_dir = {str(client.resolve())!r}"
    )
    assert "widgets" not in fresh["metadata"]
    assert WORKSHOPS["weights"].read_bytes() == shipped  # the shipped notebook untouched
    assert [p.name for p in copy.parent.iterdir()] == ["weights.ipynb"]  # no temporary left


def test_the_command_writes_the_copy_then_opens_jupyterlab_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    client = _client(tmp_path, "literie-lenoir")
    started: list[tuple[list[str], Any]] = []

    def call(command: list[str], cwd: Any = None) -> int:
        started.append((command, cwd))
        return 0

    monkeypatch.setattr("subprocess.call", call)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    argv = ["--clients-dir", str(client.parent), "workshop", "literie-lenoir", "weights"]
    assert cli.main(argv) == 0
    copy = client / "workshops" / "weights.ipynb"
    ((command, cwd),) = started
    assert command[:3] == [sys.executable, "-m", "jupyterlab"] and command[-1] == str(copy)
    assert f"--ServerApp.root_dir={copy.parent}" in command and cwd == copy.parent
    assert ("--allow-root" in command) == (os.getuid() == 0)
    out = capsys.readouterr().out
    assert f"Atelier «\u202fpondération des critères\u202f» de literie-lenoir\u00a0: {copy}" in out


def test_an_unknown_client_is_a_usage_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "clients").mkdir()
    argv = ["--clients-dir", str(tmp_path / "clients"), "workshop", "nobody", "journey"]
    assert cli.main(argv) != 0
    assert "nobody" in capsys.readouterr().err
    assert list((tmp_path / "clients").iterdir()) == []


def test_lab_command_names_the_notebook() -> None:
    command = lab_command(Path("/clients/x/workshops/journey.ipynb"))
    assert command[-1] == "/clients/x/workshops/journey.ipynb"


# --- a workshop notebook opened directly: the client picker -------------------------------------


def _kinds(widget: Any) -> list[str]:
    """The widget classes of a tree, depth first."""
    return [type(widget).__name__] + [
        kind for child in getattr(widget, "children", ()) for kind in _kinds(child)
    ]


def test_a_client_named_opens_its_workshop_at_once(tmp_path: Path) -> None:
    client = _client(tmp_path, "northwind-retail")
    box = open_workshop("journey", str(client))
    (editor,) = box.children
    assert "Tab" in _kinds(editor)  # the journey editor's tabs, no picker


def test_no_client_shows_a_picker_that_opens_the_workshop_on_the_client_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_workspace(tmp_path / "mission", "fr")
    shutil.copytree(EXAMPLES_DIR / "literie-lenoir", tmp_path / "mission" / "clients" / "lenoir")
    monkeypatch.chdir(tmp_path / "mission")
    monkeypatch.setenv("CRMWB_LANG", "fr")
    box = open_workshop("weights", "")
    reason, picker = box.children
    assert reason.value == "" and picker.description == "Client"
    assert [label for label, _ in picker.options] == ["choisissez le client…", "lenoir"]
    picker.value = str(tmp_path / "mission" / "clients" / "lenoir")
    (workshop,) = box.children
    assert _kinds(workshop).count("IntSlider") == 7  # the groups' 6 pairs, a group's one


def test_a_folder_that_is_not_a_client_is_said_and_the_picker_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notebooks, "clients_dir", lambda: tmp_path / "no-clients-here")
    monkeypatch.setenv("CRMWB_LANG", "fr")
    box = open_workshop("journey", str(tmp_path / "nobody"))
    reason, picker = box.children
    text = html.unescape(reason.value)
    assert "nobody" in text and "workbook.xlsx" in text  # which file could not be opened
    assert "Aucun dossier client ici pour l'instant" in text  # and what to do
    assert [label for label, _ in picker.options] == ["choisissez le client…"]
