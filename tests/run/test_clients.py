"""Client folders (crmwb.run.clients): safe folder names, and a new client's workbook.

Every client is created under tmp_path (clients_dir=...), never under data/clients.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.errors import ClientError
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run.clients import (
    check_slug,
    client_dirs,
    install_examples,
    load_client,
    new_client,
    slugify,
)
from crmwb.workbook.about import About

TODAY = dt.date(2026, 11, 23)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


# --- slugify and check_slug ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name,slug",
    [
        ("Maison Dupont & Fils", "maison-dupont-fils"),
        ("Crédit Agricole Île-de-France", "credit-agricole-ile-de-france"),
        ("L'Oréal", "l-oreal"),
        ("  Northwind   Home Retail  ", "northwind-home-retail"),
        ("ACME 2026", "acme-2026"),
        ("Ça & Là", "ca-la"),
        ("../../etc", "etc"),
        ("a/b", "a-b"),
        ("///", ""),
        ("...", ""),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_slugify_keeps_at_most_64_characters():
    slug = slugify("a" * 63 + " " + "b" * 10)
    # 63 a's, then "-" as the 64th character, cut there, and the trailing dash stripped
    assert slug == "a" * 63
    assert check_slug(slug) == slug


@pytest.mark.parametrize("slug", ["maison-dupont", "a", "acme-2026", "0"])
def test_check_slug_accepts_safe_names(slug):
    assert check_slug(slug) == slug


@pytest.mark.parametrize(
    "slug", ["../x", "a/b", "", "UPPER", "..", ".", "-x", "x-", "a b", "a\\b", "x" * 65]
)
def test_check_slug_refuses_unsafe_names(slug):
    with pytest.raises(ClientError) as info:
        check_slug(slug)
    english = info.value.message("en")
    assert f"found '{slug}'" in english  # says what it found
    assert "lower-case letters, digits and dashes" in english  # and what it expected
    # the consultant's language decides (French by default)
    french = plain(str(info.value))
    assert french.startswith("un nom de dossier client en lettres minuscules, chiffres et tirets")
    assert f"trouvé : « {slug} »" in french


@pytest.mark.parametrize(
    "name,slug", [("Nul", "nul-client"), ("CON", "con-client"), ("Com1", "com1-client")]
)
def test_a_name_windows_reserves_gets_a_folder_windows_opens(name, slug):
    assert slugify(name) == slug
    assert check_slug(slug) == slug


@pytest.mark.parametrize("slug", ["con", "nul", "com1", "lpt9", "aux", "prn"])
def test_check_slug_refuses_the_names_windows_reserves(slug):
    with pytest.raises(ClientError) as info:
        check_slug(slug)
    english = info.value.message("en")
    assert english.startswith("a client folder name Windows accepts")
    assert f"found '{slug}'" in english and f"for example {slug}-client" in english


def test_new_client_named_as_windows_reserves(tmp_path):
    folder = new_client("Nul", "fr", tmp_path)
    assert folder.name == "nul-client" and (folder / "workbook.xlsx").is_file()


# --- new_client ----------------------------------------------------------------------------


def test_new_client_creates_folder_and_workbook(tmp_path):
    folder = new_client("Maison Dupont & Fils", "fr", clients_dir=tmp_path, today=TODAY)
    assert folder == tmp_path / "maison-dupont-fils"
    assert files_under(tmp_path) == ["maison-dupont-fils", "maison-dupont-fils/workbook.xlsx"]


def test_new_client_about_sheet_cells(tmp_path):
    folder = new_client("Maison Dupont & Fils", "fr", clients_dir=tmp_path, today=TODAY)
    wb = load_workbook(folder / "workbook.xlsx")
    ws = wb.worksheets[0]
    assert ws.title == "À propos"
    assert ws["B4"].value == "Maison Dupont & Fils"  # the name as typed, not the slug
    assert ws["B5"].value == "fr"
    assert ws["B8"].value.date() == TODAY
    assert "TCO" in wb.sheetnames


def test_new_client_workbook_reads_back(tmp_path):
    folder = new_client("Northwind Home Retail", "en", clients_dir=tmp_path, today=TODAY)
    client = load_client(folder)
    assert client.slug == "northwind-home-retail"
    assert client.about == About("Northwind Home Retail", "en", "EUR", "", TODAY)
    assert load_workbook(client.workbook).worksheets[0].title == "About"


def test_new_client_refuses_an_existing_client(tmp_path):
    folder = new_client("Maison Dupont", "fr", clients_dir=tmp_path, today=TODAY)
    before = (folder / "workbook.xlsx").read_bytes()
    with pytest.raises(ClientError) as info:
        new_client("Maison Dupont", "en", clients_dir=tmp_path, today=dt.date(2027, 1, 1))
    assert info.value.message("en") == (
        f"a new client; found {folder} already exists"
        " (open the workbook of maison-dupont, or choose another name)"
    )
    assert plain(str(info.value)) == (
        f"un nouveau client ; trouvé : {folder} existe déjà"
        " (ouvrez le classeur de maison-dupont, ou choisissez un autre nom)"
    )
    # the consultant's workbook is untouched
    assert (folder / "workbook.xlsx").read_bytes() == before


def test_new_client_refuses_a_name_with_the_same_slug(tmp_path):
    new_client("Maison Dupont", "fr", clients_dir=tmp_path, today=TODAY)
    with pytest.raises(ClientError) as info:
        new_client("MAISON  DUPONT !", "fr", clients_dir=tmp_path, today=TODAY)  # maison-dupont
    assert "maison-dupont already exists" in info.value.message("en")


def test_new_client_path_traversal_becomes_a_safe_slug(tmp_path):
    clients_dir = tmp_path / "data" / "clients"
    clients_dir.mkdir(parents=True)
    folder = new_client("../../etc", "en", clients_dir=clients_dir, today=TODAY)
    assert folder == clients_dir / "etc"
    assert folder.resolve().parent == clients_dir.resolve()
    # nothing was written where "../../etc" would have led: tmp_path / "etc"
    assert not (tmp_path / "etc").exists()
    expected = ["data", "data/clients", "data/clients/etc", "data/clients/etc/workbook.xlsx"]
    assert files_under(tmp_path) == expected


@pytest.mark.parametrize("name", ["///", "...", "", "   ", "€€€"])
def test_new_client_refuses_a_name_without_letters_or_digits(tmp_path, name):
    with pytest.raises(ClientError) as info:
        new_client(name, "fr", clients_dir=tmp_path, today=TODAY)
    assert repr(name) in info.value.message("en")
    assert files_under(tmp_path) == []


def test_new_client_refuses_control_characters(tmp_path):
    with pytest.raises(ClientError):
        new_client("Acme\nrm -rf", "fr", clients_dir=tmp_path, today=TODAY)
    assert files_under(tmp_path) == []


def test_new_client_refuses_an_unknown_language(tmp_path):
    with pytest.raises(ClientError) as info:
        new_client("Acme", "de", clients_dir=tmp_path, today=TODAY)
    assert info.value.message("en") == "a language among 'fr', 'en'; found 'de'"
    assert plain(str(info.value)) == "une langue parmi « fr », « en » ; trouvé : « de »"
    assert files_under(tmp_path) == []


# --- listing and example clients -----------------------------------------------------------


def test_client_dirs_lists_folders_holding_a_workbook(tmp_path):
    new_client("Zeta", "fr", clients_dir=tmp_path, today=TODAY)
    new_client("Alpha", "en", clients_dir=tmp_path, today=TODAY)
    (tmp_path / "not-a-client").mkdir()  # no workbook.xlsx: ignored
    assert [p.name for p in client_dirs(tmp_path)] == ["alpha", "zeta"]


def test_client_dirs_of_a_missing_folder_is_empty(tmp_path):
    assert client_dirs(tmp_path / "nowhere") == []


def test_install_examples_copies_only_absent_clients(tmp_path):
    copied = install_examples(clients_dir=tmp_path)
    assert sorted((p.name, a) for p, a in copied) == [
        ("literie-lenoir", "copied"),
        ("northwind-retail", "copied"),
    ]
    assert load_client(tmp_path / "literie-lenoir").about.language == "fr"
    # a second run copies nothing and keeps what is there
    assert install_examples(clients_dir=tmp_path) == []


def test_install_examples_refreshes_untouched_copies_only(tmp_path):
    examples, clients = tmp_path / "examples", tmp_path / "clients"
    for slug in ("kept", "fresh"):
        shutil.copytree(EXAMPLES_DIR / "literie-lenoir", examples / slug)
    install_examples(clients, examples)
    edited = clients / "kept" / "workbook.xlsx"
    edited.write_bytes(edited.read_bytes() + b" ")  # the consultant changed it
    edited_bytes = edited.read_bytes()
    for slug in ("kept", "fresh"):  # a newer crmwb ships new example workbooks
        shutil.copy(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx", examples / slug)
    assert install_examples(clients, examples) == [(clients / "fresh", "updated")]
    assert edited.read_bytes() == edited_bytes
    assert load_client(clients / "fresh").about.language == "en"
    assert install_examples(clients, examples) == []
