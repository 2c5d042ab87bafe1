"""Every problem of a client's workbook at once (``crmwb check``), without running anything.

Two passes, as a schema validation that does not stop at the first error:

1. every declared cell of every capability's sheets
   (:class:`~crmwb.workbook.capabilities.SheetLayout`: labelled parameters, table rows) is read and
   checked on its own, so each bad cell is reported (type, bounds, drop-down value, required);
2. then each analysis that applies reads its inputs as a run would (names known on other
   sheets, a percentage of a licence without a licence...): the first problem each finds is
   reported, unless its row already has one (a consequence of it, most often).

Problems come in the workbook's language, each naming the file, the sheet and the cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import WorkbookError
from crmwb.core.i18n import Lang
from crmwb.workbook.about import read_about
from crmwb.workbook.analyses import declared_analyses
from crmwb.workbook.capabilities import SheetLayout, declared_sheets
from crmwb.workbook.fields import Field
from crmwb.workbook.reader import WorkbookReader, read_workbook


@dataclass(frozen=True)
class WorkbookCheck:
    """What ``crmwb check`` found in one workbook: its problems, in the workbook's language."""

    file: str
    lang: Lang
    problems: tuple[WorkbookError, ...]


@dataclass
class _Problems:
    found: list[WorkbookError] = field(default_factory=list)
    cells: set[tuple[str | None, str | None]] = field(default_factory=set)
    rows: set[tuple[str | None, str]] = field(default_factory=set)

    def add(self, exc: WorkbookError, *, unless_row_has_one: bool = False) -> None:
        row = "".join(ch for ch in exc.cell or "" if ch.isdigit())
        if (exc.sheet, exc.cell) in self.cells:
            return
        if unless_row_has_one and row and (exc.sheet, row) in self.rows:
            return
        self.found.append(exc)
        self.cells.add((exc.sheet, exc.cell))
        if row:
            self.rows.add((exc.sheet, row))

    def catch(self, read: Callable[[], object], **how: bool) -> bool:
        """Run ``read``; its problem is recorded. Whether it went through."""
        try:
            read()
        except WorkbookError as exc:
            self.add(exc, **how)
            return False
        return True


def check_workbook(path: Path | str, lang: Lang | None = None) -> WorkbookCheck:
    """Every problem of the workbook at ``path`` (see the module's docstring)."""
    try:
        reader = read_workbook(path, lang)
    except WorkbookError as exc:
        return WorkbookCheck(str(path), exc.lang or "fr", (exc,))
    problems = _Problems()
    problems.catch(lambda: read_about(reader))
    for sheets in declared_sheets():
        for layout in sheets.layouts:
            if layout.checked and reader.has_sheet(layout.sheet):
                _check_cells(reader, reader.sheet(layout.sheet), layout, problems)
    for analysis in declared_analyses().values():
        inputs = analysis.inputs
        if inputs is None:
            continue
        applies = analysis.applies
        if applies is not None and not _applies(applies, reader, problems):
            continue
        problems.catch(partial(inputs, reader), unless_row_has_one=True)
    return WorkbookCheck(reader.file, reader.lang, tuple(problems.found))


def _applies(
    applies: Callable[[WorkbookReader], bool], reader: WorkbookReader, problems: _Problems
) -> bool:
    try:
        return applies(reader)
    except WorkbookError as exc:
        problems.add(exc)
        return False


def _check_cells(
    reader: WorkbookReader, ws: Worksheet, layout: SheetLayout, problems: _Problems
) -> None:
    """Each declared cell of the sheet checked on its own."""
    if layout.parameters:
        try:
            cells = reader.parameter_cells(ws, layout.parameters)
        except WorkbookError as exc:
            problems.add(exc)
            cells = {}
        for spec in layout.parameters:
            if spec.key in cells:
                _check_cell(reader, ws, cells[spec.key], spec, problems)
    for columns in layout.tables:
        try:
            index, header_row = reader.table(ws, columns)
        except WorkbookError as exc:
            problems.add(exc)
            continue
        for row in reader.rows(ws, index, header_row):
            for spec in columns:
                if spec.key in row:
                    _check_cell(reader, ws, row[spec.key], spec, problems)


def _check_cell(
    reader: WorkbookReader, ws: Worksheet, cell: Cell, spec: Field, problems: _Problems
) -> None:
    try:
        reader.value(ws, cell, spec)
    except WorkbookError as exc:
        problems.add(exc)
