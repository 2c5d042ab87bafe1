"""Fingerprints: a hash of what each analysis reads, not of the workbook file's bytes."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run.fingerprint import fingerprint, read_sheets
from crmwb.workbook.analyses import declared_analyses
from crmwb.workbook.snapshot import Snapshot, as_python, cell_value, read_snapshot

ANALYSES = declared_analyses()


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "literie-lenoir" / "workbook.xlsx"
    path.parent.mkdir()
    shutil.copy(EXAMPLES_DIR / "literie-lenoir" / "workbook.xlsx", path)
    return path


def prints(path: Path) -> dict[str, str]:
    snapshot = read_snapshot(path)
    return {name: fingerprint(a, snapshot, lang=None).value for name, a in ANALYSES.items()}


def test_cell_values_are_normalised_as_excel_stores_them():
    assert cell_value(5.0) == 5 and isinstance(cell_value(5.0), int)
    assert cell_value(0.1 + 0.2) == 0.3  # 15 significant digits, as Excel keeps them
    assert cell_value("  ") is None and cell_value(None) is None
    assert cell_value("=SUM(A1:A2)") == "=SUM(A1:A2)"  # a formula counts by its text
    assert cell_value(True) is True
    assert cell_value(dt.datetime(2026, 3, 1)) == {"date": "2026-03-01T00:00:00"}
    assert as_python({"date": "2026-03-01T00:00:00"}) == dt.datetime(2026, 3, 1)


def test_each_analysis_reads_the_about_sheet_and_its_capabilities_sheets():
    assert read_sheets(ANALYSES["tco"]) == ("sheet.about", "sheet.tco")
    # the ROI reads the TCO and the vendors' sheets (crmwb/roi/analysis.py)
    roi = read_sheets(ANALYSES["roi"])
    assert {"sheet.roi", "sheet.tco", "sheet.pricing", "sheet.about"} <= set(roi)
    assert "sheet.stages" not in roi


def test_saving_the_workbook_again_without_a_change_keeps_every_fingerprint(workbook):
    before = prints(workbook)
    wb = load_workbook(workbook)
    wb.save(workbook)  # new bytes, new timestamps, the same values
    assert prints(workbook) == before


def test_a_changed_tco_cell_changes_the_fingerprints_of_what_reads_the_tco_sheet(workbook):
    before = prints(workbook)
    wb = load_workbook(workbook)
    wb["TCO"]["F15"] = 65  # the SaaS subscription's unit price (60 € in the example)
    wb.save(workbook)
    after = prints(workbook)
    moved = {name for name in ANALYSES if after[name] != before[name]}
    readers = {name for name, a in ANALYSES.items() if "tco" in a.reads}
    assert moved == readers == {"tco", "roi", "vendor_comparison", "through_line"}


def test_a_fingerprint_says_what_changed(workbook):
    tco = ANALYSES["tco"]
    before = fingerprint(tco, read_snapshot(workbook), lang=None)
    wb = load_workbook(workbook)
    wb["TCO"]["B4"] = 5  # the horizon
    wb.save(workbook)
    after = fingerprint(tco, read_snapshot(workbook), lang="en")
    assert after.changed(before.parts) == ["sheet.tco", "lang"]


def test_a_file_the_analysis_reads_is_part_of_its_fingerprint(tmp_path, workbook):
    export = tmp_path / "customers.csv"
    export.write_text("id;email\n1;a@example.com\n", encoding="utf-8")
    audit = ANALYSES["data_flow_audit"]
    snapshot = read_snapshot(workbook)
    one = fingerprint(audit, snapshot, lang=None, files=[export], client_dir=tmp_path)
    export.write_text("id;email\n1;b@example.com\n", encoding="utf-8")
    two = fingerprint(audit, snapshot, lang=None, files=[export], client_dir=tmp_path)
    assert one.value != two.value
    assert two.changed(one.parts) == ["customers.csv"]


def test_the_snapshot_round_trips_through_its_json(tmp_path, workbook):
    snapshot = read_snapshot(workbook)
    snapshot.save(tmp_path)
    again = Snapshot.load(tmp_path)
    assert again == snapshot
    assert again.title("sheet.tco") == "TCO" and again.sheets["TCO"]["F15"] == 60


def test_saving_in_libreoffice_without_a_change_keeps_every_fingerprint(tmp_path, workbook):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (make install installs it when run as root)")
    before = prints(workbook)
    out = tmp_path / "saved"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    saved = out / "workbook.xlsx"
    assert saved.read_bytes() != workbook.read_bytes()  # LibreOffice wrote its own file
    assert prints(saved) == before


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_every_sheet_an_analysis_reads_is_in_its_fingerprint(slug, monkeypatch):
    """An analysis's reading of the workbook (its ``inputs``) opens only sheets its fingerprint
    covers: a sheet left out of ``reads`` would change its result without re-running it."""
    from crmwb.workbook.reader import WorkbookReader, read_workbook

    opened: list[str] = []
    original = WorkbookReader.sheet

    def sheet(self: WorkbookReader, key: str):  # type: ignore[no-untyped-def]
        opened.append(key)
        return original(self, key)

    monkeypatch.setattr(WorkbookReader, "sheet", sheet)
    for analysis in ANALYSES.values():
        if analysis.inputs is None:
            continue
        opened.clear()
        reader = read_workbook(EXAMPLES_DIR / slug / "workbook.xlsx")
        if analysis.applies is not None and not analysis.applies(reader):
            continue
        analysis.inputs(reader)
        assert opened, analysis.name
        assert set(opened) <= set(read_sheets(analysis)), analysis.name
