"""Client workbooks the tests write, each built once per session.

Building a workbook and saving it (``build_workbook`` then ``save_workbook``) costs 0.3-0.4 s,
and hundreds of tests start from the same few workbooks. :func:`write_workbook_file` builds each
distinct one once (keyed by its arguments' ``repr``: the inputs are frozen dataclasses) and gives
every test its own copy of the saved bytes, which it may damage as it likes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from crmwb.core.i18n import Lang
from crmwb.workbook.about import About
from crmwb.workbook.formulas import sheet_part
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.template import build_workbook

_SAVED: dict[str, bytes] = {}


def write_workbook_file(path: Path, lang: Lang, about: About | None = None, **filled: Any) -> Path:
    """``save_workbook(build_workbook(lang, about, **filled), path)``, built once a session."""
    key = repr((lang, about, sorted(filled.items())))
    saved = _SAVED.get(key)
    if saved is None:
        save_workbook(build_workbook(lang, about, **filled), path)
        _SAVED[key] = path.read_bytes()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(saved)
    return path


def overwrite(path: Path, sheet: str, cells: Mapping[str, object]) -> None:
    """Overwrite ``cells`` of ``sheet`` (``{"F12": value}``) and save, as a consultant would in
    Excel: an empty cell for None, a formula for text starting with "=", else the value.

    Text, numbers, booleans and empty cells are written into that sheet's part of the file, the
    other parts copied as they are (0.02 s; opening and saving the whole workbook with openpyxl
    takes 0.3 s, and hundreds of tests damage a workbook). Any other value (a date, a time)
    goes through openpyxl, which writes the number format it needs."""
    if not all(v is None or isinstance(v, (str, int, float)) for v in cells.values()):
        book = load_workbook(path)
        for where, value in cells.items():
            book[sheet][where] = value
        book.save(path)
        return
    with zipfile.ZipFile(path) as archive:
        part = sheet_part(archive, sheet)
        assert part is not None, f"no sheet {sheet!r} in {path}"
        members = [(info, archive.read(info)) for info in archive.infolist()]
    for info, data in members:
        if info.filename == part:
            root = ET.fromstring(data)
            for where, value in cells.items():
                _write(_cell(root, where), value)
            members[members.index((info, data))] = (info, ET.tostring(root, xml_declaration=True))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info, data)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ET.register_namespace("", _MAIN)


def _cell(root: ET.Element, where: str) -> ET.Element:
    """The ``<c>`` element of ``where``, made in its place (rows and columns in order) if the
    cell was never written."""
    row, index = coordinate_from_string(where)[1], _column(where)
    data = root.find(f"{{{_MAIN}}}sheetData")
    assert data is not None
    rows = data.findall(f"{{{_MAIN}}}row")
    line = next((r for r in rows if int(r.get("r", "0")) == row), None)
    if line is None:
        line = ET.Element(f"{{{_MAIN}}}row", r=str(row))
        data.insert(sum(int(r.get("r", "0")) < row for r in rows), line)
    cells = line.findall(f"{{{_MAIN}}}c")
    cell = next((c for c in cells if c.get("r") == where), None)
    if cell is None:
        cell = ET.Element(f"{{{_MAIN}}}c", r=where)
        before = sum(_column(c.get("r", "")) < index for c in cells)
        line.insert(before, cell)
    return cell


def _column(where: str) -> int:
    return column_index_from_string(coordinate_from_string(where)[0])


def _write(cell: ET.Element, value: object) -> None:
    for child in list(cell):
        cell.remove(child)
    cell.attrib.pop("t", None)
    if value is None:
        return
    if isinstance(value, bool):
        cell.set("t", "b")
        ET.SubElement(cell, f"{{{_MAIN}}}v").text = str(int(value))
    elif isinstance(value, (int, float)):
        ET.SubElement(cell, f"{{{_MAIN}}}v").text = repr(value)
    elif isinstance(value, str) and value.startswith("=") and len(value) > 1:
        ET.SubElement(cell, f"{{{_MAIN}}}f").text = value[1:]
    else:
        cell.set("t", "inlineStr")
        text = ET.SubElement(ET.SubElement(cell, f"{{{_MAIN}}}is"), f"{{{_MAIN}}}t")
        text.text = str(value)
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
