"""Workbooks a client could hand over (issue 12's bad input): every field left at its starter
value; a 120-character client name, hostile text in the journey and no personas (together, in
one copy of the French example). Each gives deliverables a client can read — or, for what
cannot be analysed, « not run » with the reason — never a failure, never raw markup or a live
formula."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from deliverable_text import Visible, pdf_text
from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run import batch
from crmwb.run.clients import new_client
from crmwb.run.summary import summary as run_summary

LONG_NAME = (
    "Compagnie Générale des Literies, Matelas et Sommiers de France et des Départements "
    "d'Outre-Mer — Groupe Lenoir & Associés"
)
SCRIPT = "<script>alert('crmwb')</script> Paiement en ligne"
FORMULA = '=HYPERLINK("http://example.com","cliquez")'


def _set(ws: object, label_column: int, label: str, value: object) -> None:
    for row in ws.iter_rows():  # type: ignore[attr-defined]
        cell = row[label_column - 1]
        if isinstance(cell.value, str) and cell.value.strip() == label:
            row[label_column].value = value
            return
    raise AssertionError(f"no line {label!r}")


def _rows(ws: object, header: str) -> tuple[int, dict[str, int]]:
    """The header row of a sheet's table (found by its first column's text) and its columns."""
    for row in ws.iter_rows():  # type: ignore[attr-defined]
        if row[0].value == header:
            return row[0].row, {str(c.value): c.column for c in row if c.value}
    raise AssertionError(f"no header {header!r}")


@pytest.fixture(scope="module")
def bad_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    clients = root / "clients"
    clients.mkdir()
    new_client("Client vierge", "fr", clients)  # every field at its starter value

    # One copy of the French example carries the other three cases (each test reads its own
    # part of it): a copy each would run the same seven notebooks three times.
    hard = clients / "cas-difficiles"
    shutil.copytree(EXAMPLES_DIR / "literie-lenoir", hard)
    wb = load_workbook(hard / "workbook.xlsx")
    _set(wb["À propos"], 1, "Client", LONG_NAME)
    ws = wb["Points de contact"]
    header, columns = _rows(ws, "ID")
    ws.cell(row=header + 1, column=columns["Description"]).value = SCRIPT
    typed = ws.cell(row=header + 2, column=columns["Description"])
    typed.value, typed.data_type = FORMULA, "s"  # text, as Excel keeps '=... typed in a cell
    for sheet, first in (("Personas", "Persona"), ("Parcours", "Persona")):
        ws = wb[sheet]
        header, _ = _rows(ws, first)
        for row in ws.iter_rows(min_row=header + 1):
            for cell in row:
                cell.value = None
    wb.save(hard / "workbook.xlsx")

    reports = root / "reports"
    runs = batch.run(
        sorted(p for p in clients.iterdir() if p.is_dir()),
        list(batch.ANALYSES.values()),
        reports_dir=reports,
    )
    failed = [
        (r.client, r.analysis, r.error)
        for run in runs
        for r in run.results
        if not (r.ok or r.skipped)
    ]
    assert failed == [], run_summary(runs)
    return reports


def test_a_starter_workbook_is_not_run_with_the_reason_never_failed(bad_runs: Path) -> None:
    import json

    manifest = json.loads((bad_runs / "client-vierge" / "latest" / "manifest.json").read_text())
    statuses = {name: a["status"] for name, a in manifest["analyses"].items()}
    assert "failed" not in statuses.values(), statuses


def test_a_long_client_name_is_shown_whole(bad_runs: Path) -> None:
    folder = bad_runs / "cas-difficiles" / "latest"
    page = " ".join(Visible.of(folder / "tco.html").texts)
    assert LONG_NAME in page
    if shutil.which("pdftotext"):
        assert "Groupe Lenoir" in pdf_text(folder / "tco.pdf")


def test_hostile_text_is_data_escaped_in_html_never_a_formula_in_excel(bad_runs: Path) -> None:
    folder = bad_runs / "cas-difficiles" / "latest"
    page = (folder / "journey_mapping.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    book = load_workbook(folder / "journey_mapping.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    formula = [c for c in cells if c.value == FORMULA]
    assert formula and all(c.data_type == "s" for c in formula)


def test_no_personas_gives_a_sentence_not_an_empty_table(bad_runs: Path) -> None:
    folder = bad_runs / "cas-difficiles" / "latest"
    page = (folder / "journey_mapping.html").read_text(encoding="utf-8")
    assert "<tbody></tbody>" not in page
    text = " ".join(Visible.of(folder / "journey_mapping.html").texts).replace("\u00a0", " ")
    assert "16 points de contact et" not in text and "0 persona" not in text
    assert "7 étapes, 6 canaux et 16 points de contact" in text
    assert "Aucun persona n'est encore décrit" in text
