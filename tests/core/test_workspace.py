"""The workspace (crmwb.core.workspace): where the clients and reports are looked up, in order —
the nearest crmwb.toml (this folder or one above), else CRMWB_HOME, else the repository
checkout, else an error saying to run crmwb init — what crmwb.toml holds, and ``crmwb init``.

Every workspace is made under tmp_path; none of these tests writes in the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crmwb.core import workspace
from crmwb.core.errors import WorkspaceError
from crmwb.core.workspace import (
    CONFIG_NAME,
    EXAMPLES_DIR,
    NOTEBOOKS_DIR,
    TEMPLATES_DIR,
    Workspace,
    find_workspace,
    init_workspace,
    read_workspace,
    workspace_or_none,
)
from crmwb.run.cli import main
from crmwb.run.clients import client_dirs

ROOT = Path(__file__).resolve().parents[2]
NO_ENV: dict[str, str] = {}


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def make_workspace(folder: Path, settings: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CONFIG_NAME).write_text(settings, encoding="utf-8")
    return folder


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder outside any workspace, crmwb run as if installed (no checkout to fall back on)."""
    monkeypatch.setattr(workspace, "CHECKOUT", None)
    monkeypatch.delenv("CRMWB_HOME", raising=False)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


# --- the resources -------------------------------------------------------------------------


def test_in_the_checkout_the_resources_are_the_repository_folders() -> None:
    assert workspace.CHECKOUT == ROOT
    assert NOTEBOOKS_DIR == ROOT / "notebooks"
    assert TEMPLATES_DIR == ROOT / "templates"
    assert EXAMPLES_DIR == ROOT / "data" / "examples"
    assert (NOTEBOOKS_DIR / "tco.ipynb").is_file()
    assert (TEMPLATES_DIR / "report.css").is_file()


# --- the lookup order ----------------------------------------------------------------------


def test_a_crmwb_toml_in_the_folder_makes_it_the_workspace(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    root = ws.resolve()
    found = find_workspace(ws, NO_ENV)
    assert found == Workspace(root, root / "clients", root / "reports", "fr", root / CONFIG_NAME)


def test_a_crmwb_toml_in_a_parent_folder_is_found(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    deep = ws / "clients" / "maison-dupont" / "exports"
    deep.mkdir(parents=True)
    assert find_workspace(deep, NO_ENV).root == ws.resolve()


def test_the_nearest_crmwb_toml_wins(tmp_path: Path) -> None:
    outer = make_workspace(tmp_path / "outer")
    inner = make_workspace(outer / "inner")
    assert find_workspace(inner / ".", NO_ENV).root == inner.resolve()
    assert find_workspace(outer, NO_ENV).root == outer.resolve()


def test_the_current_folder_is_where_the_lookup_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = make_workspace(tmp_path / "ws")
    monkeypatch.chdir(ws)
    assert find_workspace(environ=NO_ENV).root == ws.resolve()
    assert workspace.clients_dir() == ws.resolve() / "clients"
    assert workspace.reports_dir() == ws.resolve() / "reports"


def test_a_crmwb_toml_comes_before_crmwb_home(tmp_path: Path) -> None:
    ws, home = make_workspace(tmp_path / "ws"), make_workspace(tmp_path / "home")
    assert find_workspace(ws, {"CRMWB_HOME": str(home)}).root == ws.resolve()


def test_crmwb_home_outside_any_workspace(tmp_path: Path, nowhere: Path) -> None:
    home = make_workspace(tmp_path / "home", 'clients = "mes-clients"\nlang = "en"\n')
    found = find_workspace(nowhere, {"CRMWB_HOME": str(home)})
    assert (found.root, found.clients, found.lang) == (
        home.resolve(),
        home.resolve() / "mes-clients",
        "en",
    )
    # a CRMWB_HOME folder without crmwb.toml: its clients/ and reports/
    bare = tmp_path / "bare"
    bare.mkdir()
    found = find_workspace(nowhere, {"CRMWB_HOME": str(bare)})
    assert (found.clients, found.reports, found.config) == (
        bare.resolve() / "clients",
        bare.resolve() / "reports",
        None,
    )


def test_crmwb_home_naming_no_folder_is_an_error(tmp_path: Path, nowhere: Path) -> None:
    with pytest.raises(WorkspaceError) as info:
        find_workspace(nowhere, {"CRMWB_HOME": str(tmp_path / "missing")})
    message = info.value.message("en")
    assert "CRMWB_HOME" in message and "does not exist" in message
    assert f"crmwb init {(tmp_path / 'missing').resolve()}" in message


def test_in_the_checkout_the_repository_is_the_last_resort(tmp_path: Path) -> None:
    found = find_workspace(tmp_path, NO_ENV)  # no crmwb.toml above tmp_path, no CRMWB_HOME
    assert (found.root, found.clients, found.reports) == (
        ROOT,
        ROOT / "data" / "clients",
        ROOT / "reports",
    )
    assert found.config is None


def test_no_workspace_is_an_error_saying_to_run_crmwb_init(nowhere: Path) -> None:
    assert workspace_or_none(nowhere, NO_ENV) is None
    with pytest.raises(WorkspaceError) as info:
        find_workspace(nowhere, NO_ENV)
    english = info.value.message("en")
    assert english == (
        "a workspace (a folder holding crmwb.toml, this one or one above it, or the folder "
        f"CRMWB_HOME names); found none in {nowhere.resolve()} or above it (make one with crmwb "
        "init FOLDER, then work in that folder or set CRMWB_HOME to it)"
    )
    french = info.value.message("fr")
    assert french.startswith("un espace de travail (un dossier contenant crmwb.toml")
    assert "\u00a0; " not in french and "\u202f; trouvé\u00a0: aucun dans" in french
    assert "crmwb init DOSSIER" in french


# --- crmwb.toml ----------------------------------------------------------------------------


def test_crmwb_toml_folders_are_relative_to_it_or_absolute(tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared" / "livrables"
    ws = make_workspace(
        tmp_path / "ws", f"clients = \"dossiers/clients\"\nreports = '{elsewhere}'\nlang = 'EN'\n"
    )
    found = read_workspace(ws / CONFIG_NAME)
    assert found.clients == ws.resolve() / "dossiers" / "clients"
    assert found.reports == elsewhere
    assert found.lang == "en"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ('client = "x"\n', r"a setting among 'clients', 'reports', 'lang'; found 'client'"),
        ("clients = 3\n", r"a folder name in straight quotes for 'clients'; found '3'"),
        ('reports = ""\n', r"a folder name in straight quotes for 'reports'; found ''"),
        ('lang = "de"\n', r"a language among 'fr', 'en'; found 'de'"),
        ('clients = "x"\nreports = "y\n', r"workspace settings.*; found line 2 cannot be read"),
    ],
)
def test_a_crmwb_toml_that_cannot_be_used_says_why(
    tmp_path: Path, settings: str, expected: str
) -> None:
    ws = make_workspace(tmp_path / "ws", settings)
    with pytest.raises(WorkspaceError) as info:
        find_workspace(ws, NO_ENV)
    message = info.value.message("en")
    assert message.startswith(f"{ws / CONFIG_NAME}: "), message
    assert re.search(expected, message), message


# --- crmwb init ----------------------------------------------------------------------------


def test_init_makes_a_workspace_that_reads_back(tmp_path: Path) -> None:
    folder = tmp_path / "Mes clients" / "2026"
    made = init_workspace(folder, "en")
    assert made == [folder, folder / CONFIG_NAME, folder / "clients", folder / "reports"]
    root = folder.resolve()
    found = find_workspace(folder / "clients", NO_ENV)
    assert found == Workspace(root, root / "clients", root / "reports", "en", root / CONFIG_NAME)
    text = (folder / CONFIG_NAME).read_text(encoding="utf-8")
    assert 'clients = "clients"' in text and 'lang = "en"' in text
    assert "# The client folders, one per client" in text  # commented in the consultant's words


def test_init_in_french_comments_in_french(tmp_path: Path) -> None:
    init_workspace(tmp_path, "fr")
    text = (tmp_path / CONFIG_NAME).read_text(encoding="utf-8")
    assert "# Espace de travail de l'atelier du consultant CRM\u00a0:" in text
    assert read_workspace(tmp_path / CONFIG_NAME).lang == "fr"


def test_init_refuses_to_overwrite_a_crmwb_toml(tmp_path: Path) -> None:
    make_workspace(tmp_path, 'clients = "mine"\n')
    with pytest.raises(WorkspaceError) as info:
        init_workspace(tmp_path, "fr")
    assert "already exists" in info.value.message("en")
    assert (tmp_path / CONFIG_NAME).read_text(encoding="utf-8") == 'clients = "mine"\n'
    assert not (tmp_path / "clients").exists()


# --- the command line in a workspace -------------------------------------------------------


def test_the_command_line_works_from_a_workspace(
    tmp_path: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("CRMWB_LANG", "en")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "ws"]) == 0
    out = capsys.readouterr().out
    assert f"Workspace made in {(tmp_path / 'ws').resolve()}: crmwb.toml, clients/, reports/" in out
    assert "Next: cd ws, then crmwb new-client" in out

    assert main(["init", "ws"]) == 2  # never overwrites
    assert "ws/crmwb.toml already exists" in capsys.readouterr().err.replace("\\", "/")

    monkeypatch.chdir(tmp_path / "ws" / "reports")  # anywhere inside the workspace
    assert main(["new-client", "Maison Dupont"]) == 0
    workbook = tmp_path / "ws" / "clients" / "maison-dupont" / "workbook.xlsx"
    assert workbook.is_file()
    assert main(["examples"]) == 0
    capsys.readouterr()
    assert main(["clients"]) == 0
    assert capsys.readouterr().out.split() == [
        "literie-lenoir",
        "maison-dupont",
        "northwind-retail",
    ]
    assert [p.name for p in client_dirs()] == [
        "literie-lenoir",
        "maison-dupont",
        "northwind-retail",
    ]

    from crmwb.run.clients import load_client

    assert load_client(workbook.parent).about.language == "en"  # the workspace's language


def test_new_client_takes_the_workspace_language(
    tmp_path: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crmwb.run.clients import load_client

    init_workspace(tmp_path / "ws", "en")
    monkeypatch.chdir(tmp_path / "ws")
    assert main(["new-client", "Acme"]) == 0
    assert main(["new-client", "Dupont", "--lang", "fr"]) == 0
    assert load_client(tmp_path / "ws" / "clients" / "acme").about.language == "en"
    assert load_client(tmp_path / "ws" / "clients" / "dupont").about.language == "fr"
    # --clients-dir outside any workspace: French, as before workspaces
    monkeypatch.chdir(nowhere)
    assert main(["--clients-dir", str(nowhere / "c"), "new-client", "Zeta"]) == 0
    assert load_client(nowhere / "c" / "zeta").about.language == "fr"


def test_outside_a_workspace_the_command_says_to_run_crmwb_init(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.chdir(nowhere)
    monkeypatch.setenv("CRMWB_LANG", "fr")
    assert main(["clients"]) == 1
    err = plain(capsys.readouterr().err)
    assert err.startswith("crmwb : un espace de travail (un dossier contenant crmwb.toml")
    assert "créez-en un avec crmwb init DOSSIER" in err
    # the folders given on the command line need no workspace
    assert main(["--clients-dir", str(nowhere), "clients"]) == 0
