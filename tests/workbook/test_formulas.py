"""The formulas of one sheet read straight from the file (crmwb.workbook.formulas), on a file
made by hand: the parts Excel writes for a sheet with a plain formula, a shared formula (stated
in its first cell only, as Excel saves a formula filled down) and an array formula. The
expected texts are what Excel shows in each cell's formula bar."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from crmwb.workbook.formulas import stored_formulas

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>
<sheet name="À propos" sheetId="1" r:id="rId1"/><sheet name="TCO" sheetId="2" r:id="rId2"/>
</sheets></workbook>"""

LINKS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="x" Target="/xl/worksheets/sheet2.xml"/>
</Relationships>"""


def sheet(cells: str) -> str:
    return f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>'


def workbook(path: Path, tco_cells: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", LINKS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet('<c r="B4" t="s"><v>0</v></c>'))
        archive.writestr("xl/worksheets/sheet2.xml", sheet(tco_cells))
    return path


def test_plain_shared_and_array_formulas(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "workbook.xlsx",
        '<c r="F12"><f>1000*3</f></c>'
        '<c r="G12"><f t="shared" ref="G12:G14" si="0">F12*$B$6</f><v>12000</v></c>'
        '<c r="G13"><f t="shared" si="0"/></c>'
        '<c r="G14"><f t="shared" si="0"/></c>'
        '<c r="H12"><f t="array" ref="H12:H13">F12:F13*2</f></c>'
        '<c r="I12"><v>7</v></c>',
    )
    assert stored_formulas(path, "TCO") == {
        "F12": "=1000*3",
        "G12": "=F12*$B$6",
        "G13": "=F13*$B$6",  # the relative reference moves with the cell, $B$6 stays
        "G14": "=F14*$B$6",
    }
    assert stored_formulas(path, "À propos") == {}
    assert stored_formulas(path, "No such sheet") == {}


def test_a_file_that_does_not_say_where_its_cells_are_is_left_to_the_caller(
    tmp_path: Path,
) -> None:
    path = workbook(tmp_path / "workbook.xlsx", "<c><f>1+1</f></c>")
    assert stored_formulas(path, "TCO") is None


@pytest.mark.parametrize("formula", ["SUM(F12:F14)", 'F12&amp;" €"'])
def test_the_text_is_the_formula_as_written(tmp_path: Path, formula: str) -> None:
    path = workbook(tmp_path / "workbook.xlsx", f'<c r="F15"><f>{formula}</f></c>')
    assert stored_formulas(path, "TCO") == {"F15": "=" + formula.replace("&amp;", "&")}
