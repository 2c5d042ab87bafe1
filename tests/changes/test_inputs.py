"""What changed in the client's inputs: located (sheet, cell or row) and labelled (the field's
label, a table's column header and row name) as the consultant finds them in the workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from made_runs import NB, about, snapshot, tco

from crmwb.changes.deliverable import input_line
from crmwb.changes.inputs import InputChange, input_changes
from crmwb.workbook.snapshot import Snapshot, read_snapshot

EXAMPLE = Path(__file__).parents[2] / "data" / "examples" / "literie-lenoir" / "workbook.xlsx"


def edited(tmp_path: Path, edit: object) -> tuple[Snapshot, Snapshot]:
    """The French example's values, then its values once ``edit(workbook)`` saved."""
    copy = tmp_path / "workbook.xlsx"
    shutil.copy(EXAMPLE, copy)
    wb = openpyxl.load_workbook(copy)
    edit(wb)  # type: ignore[operator]
    wb.save(copy)
    return read_snapshot(EXAMPLE), read_snapshot(copy)


def test_a_changed_tco_cell_is_located_and_labelled() -> None:
    # the SaaS subscription goes from 60 to 75 € per user per month (DOMAIN.md §4's example)
    changes = input_changes(snapshot(), snapshot(TCO=tco(F14=75)))
    assert changes == [
        InputChange(
            "cell",
            "TCO",
            cell="F14",
            row=14,
            label="Prix unitaire",
            row_name="SaaS",
            old=60,
            new=75,
            kind="number",
        )
    ]
    assert input_line(changes[0], "fr") == f"TCO, F14 — Prix unitaire, SaaS{NB}: 60 → 75"
    assert input_line(changes[0], "en") == "TCO, F14 — Prix unitaire, SaaS: 60 → 75"


def test_rows_sharing_their_first_column_are_named_by_the_next_one() -> None:
    # two Licence rows: the maintenance's rate is told apart from the licence's by its category
    (change,) = input_changes(snapshot(), snapshot(TCO=tco(H13=0.25)))
    assert (change.cell, change.row_name) == ("H13", "Licence · Maintenance")
    assert input_line(change, "fr") == (
        f"TCO, H13 — Taux (% licence), Licence · Maintenance{NB}: 20{NB}% → 25{NB}%"
    )


def test_a_parameter_is_located_by_its_label_and_a_rate_shown_as_a_percentage() -> None:
    (change,) = input_changes(snapshot(), snapshot(TCO=tco(B5=0.085)))
    assert (change.cell, change.label, change.old, change.new) == (
        "B5",
        "Taux d'actualisation",
        0,
        0.085,
    )
    assert input_line(change, "fr") == f"TCO, B5 — Taux d'actualisation{NB}: 0{NB}% → 8,5{NB}%"


def test_a_parameter_changed_on_the_about_sheet() -> None:
    changes = input_changes(snapshot(), snapshot(**{"À propos": about(consultant="Jeanne Martin")}))
    assert [input_line(c, "fr") for c in changes] == [
        f"À propos, B7 — Consultant{NB}: Camille Roussel → Jeanne Martin"
    ]


def test_a_row_inserted_in_a_table_is_one_addition(tmp_path: Path) -> None:
    def insert(wb: openpyxl.Workbook) -> None:
        ws = wb["Éditeurs"]
        ws.insert_rows(6)  # above Sage CRM: every vendor moves one row down
        ws["A6"], ws["B6"] = "Salesforce", "Écosystème"

    old, new = edited(tmp_path, insert)
    changes = input_changes(old, new)
    assert len(changes) == 1
    assert input_line(changes[0], "fr") == f"Éditeurs, ligne 6 — ligne ajoutée{NB}: Salesforce"
    assert changes[0].cells == (("Éditeur", "Salesforce"), ("Type de marché", "Écosystème"))


def test_a_row_inserted_among_rows_of_the_same_option_is_one_addition() -> None:
    # a training line added to the Licence option, between its maintenance and the SaaS rows
    moved = {f"{c}15": v for c, v in (("A", "SaaS"), ("B", "Abonnement SaaS"), ("D", "Mensuel"))}
    moved |= {"E15": "Par utilisateur", "F15": 60}
    new = tco(A14="Licence", B14="Formation", D14="Ponctuel", E14="Forfait", F14=1200, **moved)
    changes = input_changes(snapshot(), snapshot(TCO=new))
    assert [input_line(c, "en") for c in changes] == [
        "TCO, row 14 — row added: Licence · Formation"
    ]


def test_a_row_removed_from_a_table(tmp_path: Path) -> None:
    old, new = edited(tmp_path, lambda wb: wb["Points de contact"].delete_rows(8))
    changes = input_changes(old, new)
    assert [input_line(c, "fr") for c in changes] == [
        f"Points de contact, ligne 8 — ligne supprimée{NB}: T03"
    ]
    assert changes[0].cells[:3] == (
        ("ID", "T03"),
        ("Étape", "Considération"),
        ("Canal", "Site web"),
    )


def test_a_row_inserted_on_a_sheet_of_its_own_layout_is_one_addition(tmp_path: Path) -> None:
    def insert(wb: openpyxl.Workbook) -> None:
        ws = wb["RACI"]
        ws.insert_rows(8)
        ws["A8"], ws["B8"], ws["C8"] = "Stratégie", "Valider le budget", "A"

    old, new = edited(tmp_path, insert)
    assert [input_line(c, "fr") for c in input_changes(old, new)] == [
        f"RACI, ligne 8 — ligne ajoutée{NB}: Stratégie · Valider le budget"
    ]


def test_the_lists_sheet_is_left_out_and_sheets_added_or_removed_are_said() -> None:
    old = snapshot(Listes={"A1": "Licence"}, Notes={"A1": "brouillon"})
    new = snapshot(Listes={"A1": "SaaS"}, Budget={"A1": "2027"})
    assert [input_line(c, "fr") for c in input_changes(old, new)] == [
        "Budget — onglet ajouté",
        "Notes — onglet supprimé",
    ]


def test_the_same_workbook_has_no_change() -> None:
    assert input_changes(read_snapshot(EXAMPLE), read_snapshot(EXAMPLE)) == []
