"""A workbook whose sheets are read when first asked for (crmwb.workbook.sheets_on_demand):
each sheet as openpyxl reads it when it opens the whole file, read from the file as it was when
opened, and a damaged sheet said as an unreadable file when it is asked for."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.errors import WorkbookError
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.workbook.formulas import sheet_part
from crmwb.workbook.reader import read_workbook
from crmwb.workbook.sheets_on_demand import SheetsOnDemand


def what_openpyxl_reads(ws: object) -> dict[str, object]:
    return {
        "cells": {
            c.coordinate: (c.value, c.data_type, c.number_format)
            for row in ws.iter_rows()  # type: ignore[attr-defined]
            for c in row
        },
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),  # type: ignore[attr-defined]
        "hidden rows": sorted(
            r
            for r, d in ws.row_dimensions.items()  # type: ignore[attr-defined]
            if d.hidden
        ),
        "filter": ws.auto_filter.ref,  # type: ignore[attr-defined]
        "state": ws.sheet_state,  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize("client", ["literie-lenoir", "northwind-retail"])
def test_every_sheet_as_openpyxl_reads_it_with_the_whole_file(client: str) -> None:
    path = EXAMPLES_DIR / client / "workbook.xlsx"
    whole = load_workbook(path, data_only=True)
    on_demand = SheetsOnDemand(path)
    assert on_demand.book.sheetnames == whole.sheetnames
    assert set(on_demand.book.defined_names) == set(whole.defined_names)
    for ws in on_demand.book.worksheets:
        assert what_openpyxl_reads(on_demand.sheet(ws)) == what_openpyxl_reads(whole[ws.title])


def test_a_sheet_is_read_from_the_file_as_it_was_when_opened(tmp_path: Path) -> None:
    path = shutil.copy(EXAMPLES_DIR / "literie-lenoir" / "workbook.xlsx", tmp_path)
    reader = read_workbook(path)
    book = load_workbook(path)
    book["TCO"]["F12"] = 999_999  # saved by the consultant while the run reads the workbook
    book.save(path)
    assert reader.sheet("sheet.tco")["F12"].value == 3000


def test_a_damaged_sheet_is_said_when_it_is_asked_for(tmp_path: Path) -> None:
    source = EXAMPLES_DIR / "literie-lenoir" / "workbook.xlsx"
    path = tmp_path / "workbook.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        damaged = sheet_part(old, "TCO")
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, data[: len(data) // 2] if info.filename == damaged else data)
    reader = read_workbook(path)  # the other sheets read as ever
    assert reader.sheet("sheet.about")["B4"].value == "Literie Lenoir"
    with pytest.raises(WorkbookError) as info:
        reader.sheet("sheet.tco")
    assert str(path) in str(info.value) and "ParseError" in str(info.value)
