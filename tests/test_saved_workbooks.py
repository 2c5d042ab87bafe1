"""The tests' quick way to damage a workbook (saved_workbooks.overwrite) leaves what openpyxl
would: the same values, types and formulas in every cell of every sheet, read back by openpyxl
and by crmwb's reader."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from saved_workbooks import overwrite, write_workbook_file

from crmwb.workbook.formulas import sheet_part
from crmwb.workbook.reader import read_workbook

CELLS = {
    "F12": "trois mille",  # text over a number
    "F13": "=1000*3",  # a formula, whose result is never saved
    "B6": 12,
    "B5": 0.035,
    "H13": None,  # emptied
    "C12": "  espaces gardés  ",
    "Z3": True,  # a new cell in a row that exists
    "B400": "a new row, far below",
    "A2": 7,  # a new cell before the others of its row
}


def cells(path: Path) -> dict[str, dict[str, tuple[object, str]]]:
    book = load_workbook(path)
    return {
        ws.title: {c.coordinate: (c.value, c.data_type) for row in ws.iter_rows() for c in row}
        for ws in book.worksheets
    }


def test_the_same_cells_as_openpyxl_would_save(tmp_path: Path) -> None:
    quick = write_workbook_file(tmp_path / "quick.xlsx", "fr")
    slow = shutil.copy(quick, tmp_path / "slow.xlsx")
    overwrite(quick, "TCO", CELLS)
    book = load_workbook(slow)
    for where, value in CELLS.items():
        book["TCO"][where] = value
    book.save(slow)
    assert cells(quick) == cells(slow)
    tco = read_workbook(quick).sheet("sheet.tco")
    assert tco["F12"].value == "trois mille" and tco["B6"].value == 12 and tco["Z3"].value is True
    assert tco["H13"].value is None and tco["B400"].value == "a new row, far below"


def test_rows_and_cells_stay_in_order_as_excel_requires(tmp_path: Path) -> None:
    path = write_workbook_file(tmp_path / "workbook.xlsx", "fr")
    overwrite(path, "TCO", CELLS)
    with zipfile.ZipFile(path) as archive:
        part = sheet_part(archive, "TCO")
        assert part is not None
        root = ET.fromstring(archive.read(part))
    rows = [row for row in root.iter() if row.tag.endswith("}row")]
    numbers = [int(row.get("r", "0")) for row in rows]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    for row in rows:
        columns = [
            column_index_from_string(coordinate_from_string(c.get("r", ""))[0])
            for c in row
            if c.tag.endswith("}c")
        ]
        assert columns == sorted(columns), row.get("r")


def test_a_date_goes_through_openpyxl_with_its_number_format(tmp_path: Path) -> None:
    path = write_workbook_file(tmp_path / "workbook.xlsx", "fr")
    overwrite(path, "TCO", {"B6": dt.datetime(2027, 3, 15)})
    cell = load_workbook(path)["TCO"]["B6"]
    assert cell.is_date and cell.value == dt.datetime(2027, 3, 15)
