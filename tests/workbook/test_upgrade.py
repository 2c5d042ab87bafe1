"""``crmwb upgrade``: a workbook made by the previous template, moved into the current one.

The fixture ``tests/data/northwind-previous-template.xlsx`` is the Northwind example workbook as
the previous template made it: ``data/examples/northwind-retail/workbook.xlsx`` at commit
17434d1, before the Customer file sheet listed the deduplication's roles (civility, birth name,
second phone, SIRET...) and before workbooks carried their template's version."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.errors import render
from crmwb.customer_file.mapping import CustomerRole
from crmwb.customer_file.sheets import read_customer_file_settings
from crmwb.dataflow.sheets import read_data_map
from crmwb.journey.sheets import read_journey
from crmwb.plan.sheets import read_plan
from crmwb.project.planning_sheets import read_project_plan
from crmwb.project.raci_sheet import read_raci
from crmwb.project.steering_sheets import read_steering
from crmwb.roi.sheets import read_roi
from crmwb.run.batch import ClientRun, outdated
from crmwb.run.cli import main
from crmwb.run.summary import summary
from crmwb.tco.sheets import read_tco
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.workbook.about import read_about
from crmwb.workbook.check import check_workbook
from crmwb.workbook.reader import WorkbookReader, read_workbook
from crmwb.workbook.template import TEMPLATE_VERSION, template_version
from crmwb.workbook.upgrade import needs_upgrade, upgrade_workbook

PREVIOUS = Path(__file__).parents[1] / "data" / "northwind-previous-template.xlsx"


def read_vendors_but_ids(reader: WorkbookReader) -> object:
    """The vendor comparison, the use cases' IDs left out (the upgrade numbers them)."""
    inputs = read_vendor_comparison(reader)
    use_cases = tuple(dataclasses.replace(u, id="") for u in inputs.sheets.use_cases)
    return dataclasses.replace(
        inputs, sheets=dataclasses.replace(inputs.sheets, use_cases=use_cases)
    )


READS: tuple[Callable[[WorkbookReader], object], ...] = (
    read_about,
    read_tco,
    read_vendors_but_ids,
    read_roi,
    read_journey,
    read_plan,
    read_data_map,
    read_customer_file_settings,
    read_project_plan,
    read_raci,
    read_steering,
)


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    folder = tmp_path / "northwind-retail"
    folder.mkdir()
    shutil.copy(PREVIOUS, folder / "workbook.xlsx")
    return folder / "workbook.xlsx"


def roles_listed(path: Path) -> int:
    """How many roles the Customer file sheet lists (one row each, from row 11)."""
    ws = load_workbook(path)["Customer file"]
    return sum(1 for row in range(11, ws.max_row + 1) if ws.cell(row=row, column=1).value)


def test_the_previous_template_is_told_apart(previous: Path) -> None:
    assert template_version(load_workbook(previous)) == 1 < TEMPLATE_VERSION
    assert needs_upgrade(previous) == [
        f"made by the template's version 1 (current: {TEMPLATE_VERSION})",
        "About: Mission",
        "About: Steering committee",
        "Use cases: ID",
        "ROI: Comes from",
    ]
    assert roles_listed(previous) < len(CustomerRole)


def test_every_analysis_reads_the_same_after_the_upgrade(previous: Path) -> None:
    before = read_workbook(previous)
    expected = [read(before) for read in READS]
    original = previous.read_bytes()
    done = upgrade_workbook(previous)
    after = read_workbook(previous)
    assert [read(after) for read in READS] == expected
    # the use cases numbered in the list's order, what the template's new ID column needs
    use_cases = read_vendor_comparison(after).sheets.use_cases
    assert [u.id for u in use_cases] == [f"UC-{n:02}" for n in range(1, 9)]
    assert [render(m, "en") for m in done.numbered] == [
        "sheet Use cases: the new column ID filled row by row, UC-01 to UC-08"
    ]
    # now on the current template: every role listed, the version written, nothing to check
    assert roles_listed(previous) == len(CustomerRole)
    assert needs_upgrade(previous) == []
    assert check_workbook(previous).problems == ()
    # nothing lost, the previous file kept as it was
    assert done.not_moved == [] and done.kept_sheets == [] and done.added_sheets == []
    assert done.backup is not None and done.backup.read_bytes() == original


def test_a_missing_sheet_is_added_and_an_unknown_one_kept(previous: Path) -> None:
    wb = load_workbook(previous)
    del wb["ROI"]
    notes = wb.create_sheet("Mes notes")
    notes["A1"] = "Relancer le DSI"
    wb.save(previous)
    assert "ROI" in needs_upgrade(previous)
    done = upgrade_workbook(previous)
    assert done.added_sheets == ["ROI"] and done.kept_sheets == ["Mes notes"]
    wb = load_workbook(previous)
    assert wb["Mes notes"]["A1"].value == "Relancer le DSI"
    assert wb.sheetnames.index("ROI") < wb.sheetnames.index("Mes notes")


def test_crmwb_upgrade_says_what_it_did(previous: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["upgrade", str(previous.parent)]) == 0
    line, numbered = capsys.readouterr().out.splitlines()
    assert line.startswith("northwind-retail: the workbook is now on the current template (")
    assert numbered == "  - sheet Use cases: the new column ID filled row by row, UC-01 to UC-08"
    assert "values carried over; the previous file is in backups/workbook-" in line
    assert main(["upgrade", str(previous.parent)]) == 0
    assert capsys.readouterr().out == "northwind-retail: the workbook is up to date\n"


def test_a_run_says_when_the_workbook_needs_the_upgrade(previous: Path) -> None:
    assert outdated(previous.parent)
    said = summary([ClientRun("northwind-retail", "20261205-120000", outdated=True)], "fr")
    assert (
        "Remarque pour northwind-retail\u00a0: son classeur a été fait avec un modèle plus "
        "ancien\u202f; crmwb upgrade northwind-retail le met au modèle actuel"
    ) in said
    upgrade_workbook(previous)
    assert not outdated(previous.parent)
