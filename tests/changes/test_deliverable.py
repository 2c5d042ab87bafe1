"""The deliverable « Ce qui a changé depuis le dernier comité »: its header, what it says when
nothing changed or crmwb's version changed, client text escaped, no formula in its Excel."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from made_runs import NB, about, findings, make_run, snapshot, tco, tco_results

from crmwb.changes.deliverable import (
    Comparison,
    RunSide,
    choose_runs,
    compare,
    cover_of,
    diff_text,
    run_side,
    write_changes,
)
from crmwb.mission.runs import add_mark, find_run, read_marks
from crmwb.workbook.snapshot import Snapshot


def sides(reports: Path, old_id: str, new_id: str) -> Comparison:
    client = reports / "literie-lenoir"
    marks = read_marks(client)
    old, new = find_run(client, old_id), find_run(client, new_id)
    assert old is not None and new is not None
    return compare(
        run_side(old, Snapshot.load(old.folder), marks),
        run_side(new, Snapshot.load(new.folder), marks),
    )


def test_the_header_names_the_client_the_runs_and_the_committee(reports: Path) -> None:
    make_run(reports, "20261123-100000", snapshot(), [tco_results()])
    add_mark(reports / "literie-lenoir", "20261123-100000", "CoPil 2")
    make_run(reports, "20261205-172452", snapshot(TCO=tco(F14=75)), [tco_results(34560)])
    comparison = sides(reports, "20261123-100000", "20261205-172452")
    text = diff_text(comparison, cover_of(comparison, "literie-lenoir"))
    assert text.splitlines()[:2] == [
        "Literie Lenoir — Ce qui a changé depuis le dernier comité",
        "De l'exécution du 23 novembre 2026 (CoPil 2) à celle du 5 décembre 2026",
    ]
    assert f"  TCO, F14 — Prix unitaire, SaaS{NB}: 60 → 75" in text.splitlines()


def test_nothing_changed_is_said(reports: Path) -> None:
    make_run(reports, "20261123-100000", snapshot(), [tco_results()])
    make_run(reports, "20261123-160000", snapshot(), [tco_results()])
    comparison = sides(reports, "20261123-100000", "20261123-160000")
    assert comparison.nothing_changed
    text = diff_text(comparison, cover_of(comparison, "literie-lenoir"))
    assert text.splitlines() == [
        "Literie Lenoir — Ce qui a changé depuis l'exécution précédente",
        f"De l'exécution du 23 novembre 2026 à 10{NB}h{NB}00 à celle du 23 novembre 2026 "
        f"à 16{NB}h{NB}00",
        f"Rien n'a changé{NB}: mêmes données, mêmes résultats.",
    ]


def test_other_versions_of_crmwb_are_said_at_the_top(reports: Path) -> None:
    make_run(reports, "20261123-100000", snapshot(), [tco_results()], version="0.1.0")
    make_run(reports, "20261205-172452", snapshot(), [tco_results()], version="0.2.0")
    comparison = sides(reports, "20261123-100000", "20261205-172452")
    assert comparison.versions_differ
    line = diff_text(comparison, cover_of(comparison, "literie-lenoir")).splitlines()[2]
    assert line.startswith(
        "! Les deux exécutions ont été faites par des versions différentes du logiciel d'analyse "
        f"(0.1.0, puis 0.2.0){NB}:"
    )


def test_the_deliverable_escapes_client_text(reports: Path, tmp_path: Path) -> None:
    evil = "<script>alert('x')</script>"
    old = snapshot(**{"À propos": about(client=f"Lenoir {evil}")})
    new = snapshot(
        TCO=tco(C14=f"Abonnement {evil}"), **{"À propos": about(client=f"Lenoir {evil}")}
    )
    make_run(reports, "20261123-100000", old, [findings("raci.no_a")])
    make_run(reports, "20261205-172452", new, [findings("raci.two_a")])
    comparison = sides(reports, "20261123-100000", "20261205-172452")
    written = write_changes(tmp_path / "out", comparison, cover_of(comparison, "literie-lenoir"))
    assert written == ["changes.html", "changes.pdf", "changes.xlsx"]
    page = (tmp_path / "out" / "changes.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "Lenoir &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert (tmp_path / "out" / "changes.pdf").read_bytes().startswith(b"%PDF")


def test_the_excel_deliverable_holds_no_formula(reports: Path, tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://example.com","cliquez")'
    make_run(reports, "20261123-100000", snapshot(), [tco_results()])
    make_run(reports, "20261205-172452", snapshot(TCO=tco(C14=formula, F14=75)), [tco_results()])
    comparison = sides(reports, "20261123-100000", "20261205-172452")
    write_changes(tmp_path, comparison, cover_of(comparison, "literie-lenoir"))
    wb = openpyxl.load_workbook(tmp_path / "changes.xlsx")
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    ws = wb["Données modifiées"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["Onglet", "Emplacement", "Donnée", "Avant", "Après"]
    assert ["TCO", "C14", "Description, SaaS", "(vide)", formula] in rows
    assert ["TCO", "F14", "Prix unitaire, SaaS", "60", "75"] in rows


def test_a_run_without_the_workbooks_values_compares_its_results() -> None:
    comparison = compare(
        RunSide("20261123-100000", results={"tco": tco_results()}),
        RunSide("20261205-172452", values=snapshot(), results={"tco": tco_results(34560)}),
    )
    assert comparison.inputs is None
    assert len(comparison.results.figures) == 1


def test_the_runs_compared_by_default(reports: Path) -> None:
    client = reports / "literie-lenoir"
    for run_id in ("20261001-090000", "20261123-100000", "20261205-172452"):
        make_run(reports, run_id, snapshot())
    make_run(reports, "20261206-080000", snapshot(), status="failed")
    previous, current = choose_runs(client)
    assert (previous.run_id, current.run_id) == ("20261123-100000", "20261205-172452")
    add_mark(client, "20261001-090000", "CoPil 1")
    previous, current = choose_runs(client)
    assert (previous.run_id, current.run_id) == ("20261001-090000", "20261205-172452")
    previous, current = choose_runs(client, to_run="20261123-100000")
    assert (previous.run_id, current.run_id) == ("20261001-090000", "20261123-100000")
