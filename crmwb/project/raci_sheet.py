"""The RACI sheet of the client workbook <-> a :class:`~crmwb.project.governance.Raci`
(DOMAIN.md §6).

**RACI**: Group | Task | one column per team. The teams are the header's cells after Task, up
to the last filled one (rename them, add "Editorial team" ...); an empty header between two
teams is an error. A cell is R, A, C, I, R/A (A/R, lower case and spaces accepted) or empty. The
blank template holds :func:`~crmwb.project.governance.seed_raci` in the workbook's language.

:func:`write_raci_sheet` writes it, :func:`read_raci` reads it back, every bad cell a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import CrmwbError, Quoted, msg
from crmwb.core.i18n import Lang, t
from crmwb.plan.checks import LabelKey
from crmwb.project.governance import Raci, RaciTask
from crmwb.project.sheet_reader import what
from crmwb.workbook.fields import Field, describe, is_blank, plain
from crmwb.workbook.layout import finish_validation, write_table_header
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    HEADER_ROW,
    HELP_ROW,
    TableReader,
    TableSheet,
    has_rows,
    rows_for,
    text_field,
    write_sheet_title,
)

_S = "project_sheet."
"""The prefix of the sheet's labels in the catalogs."""


# --- the layout, shared by the writer and the reader -------------------------------------------

RACI_CELLS = ("R", "A", "C", "I", "R/A")
"""The RACI drop-down (A/R and "-" are read too)."""
_RACI_READ = {"": "", "-": "", "R": "R", "A": "A", "C": "C", "I": "I", "R/A": "R/A", "A/R": "R/A"}
RACI_TEAM_COLUMNS = 10
"""Team columns given the R/A/C/I drop-down in the template (more are read, unchecked)."""

RACI_COLUMNS: tuple[Field, ...] = (
    text_field(_S + "raci.col.group", 24),
    text_field(_S + "raci.col.task", 56, required=True),
)
TEAM = text_field(_S + "raci.col.team", 13)
RACI_TABLE = TableSheet("sheet.raci", _S + "raci", RACI_COLUMNS)


# --- writing -----------------------------------------------------------------------------------


def _label(text: str, lang: Lang) -> str:
    return t(text, lang) if isinstance(text, LabelKey) else text


def write_raci_sheet(wb: Workbook, lang: Lang, raci: Raci) -> None:
    """Add the RACI sheet to ``wb``: ``raci``'s tasks, one column per team, the R/A/C/I
    drop-down."""
    ws = wb.create_sheet(t(RACI_TABLE.sheet, lang))
    teams = raci.teams
    columns = (*RACI_COLUMNS, *(TEAM for _ in teams))
    write_sheet_title(ws, RACI_TABLE.prefix, lang, columns)
    n = rows_for(len(raci.tasks))
    write_table_header(ws, RACI_COLUMNS, lang, help_row=HELP_ROW, header_row=HEADER_ROW, rows=n)
    write_table_header(
        ws,
        [TEAM] * len(teams),
        lang,
        help_row=HELP_ROW,
        header_row=HEADER_ROW,
        headers=teams,
        first_column=3,
        rows=n,
    )
    free = 3 + len(teams)
    add = ws.cell(row=HELP_ROW, column=free, value=t(_S + "raci.add_team", lang))
    add.font = Font(italic=True, size=9, color="595959")
    add.alignment = Alignment(wrap_text=True, vertical="bottom")
    ws.column_dimensions[get_column_letter(free)].width = TEAM.width
    first, last = HEADER_ROW + 1, HEADER_ROW + n
    right = get_column_letter(max(2 + RACI_TEAM_COLUMNS, free))
    dv = DataValidation(type="list", formula1='"' + ",".join(RACI_CELLS) + '"', allow_blank=True)
    finish_validation(ws, dv, TEAM, f"C{first}:{right}{last}", lang)
    center = Alignment(horizontal="center")
    for row in range(first, last + 1):
        for column in range(3, free + 1):
            ws.cell(row=row, column=column).alignment = center
    for row, task in enumerate(raci.tasks, start=first):
        ws.cell(row=row, column=1, value=_label(task.group, lang) or None)
        ws.cell(row=row, column=2, value=_label(task.task, lang))
        for column, team in enumerate(teams, start=3):
            ws.cell(row=row, column=column, value=task.roles.get(team) or None)
    ws.freeze_panes = ws.cell(row=first, column=3)


# --- reading -----------------------------------------------------------------------------------


@in_workbook_language
def has_raci(reader: WorkbookReader) -> bool:
    """The workbook has a RACI sheet with at least one task."""
    return has_rows(reader, RACI_TABLE)


@in_workbook_language
def read_raci(reader: WorkbookReader) -> Raci:
    """Read and check the RACI sheet into a :class:`~crmwb.project.governance.Raci` (teams: the
    header's cells after Task)."""
    return _RaciReader(reader).read()


class _RaciReader(TableReader):
    def read(self) -> Raci:
        ws = self.r.sheet(RACI_TABLE.sheet)
        index, header_row = self.r.table(ws, RACI_COLUMNS)
        group_key, task_key = (spec.key for spec in RACI_COLUMNS)
        after = [c for c in ws[header_row] if c.column > index[task_key]]
        filled = [i for i, cell in enumerate(after) if not is_blank(cell.value)]
        if not filled:
            raise self.error(
                ws,
                ws.cell(row=header_row, column=index[task_key] + 1),
                msg(
                    "project.err.team_in_header",
                    row=header_row,
                    task=Quoted(plain(ws.cell(row=header_row, column=index[task_key]).value)),
                ),
                msg("err.found.empty"),
            )
        teams: list[str] = []
        team_columns: dict[str, int] = {}
        seen: dict[str, Cell] = {}
        for cell in after[: filled[-1] + 1]:
            if is_blank(cell.value):
                raise self.error(
                    ws,
                    cell,
                    msg("project.err.team_between"),
                    msg("err.found.empty"),
                    msg("project.err.hint.team_between"),
                )
            name = plain(cell.value).strip()
            self.unique(ws, cell, name, seen, what("team"), column=True)
            teams.append(name)
            team_columns[name] = cell.column
        columns = {**index, **{f"team:{name}": col for name, col in team_columns.items()}}
        tasks: list[RaciTask] = []
        seen_tasks: dict[str, Cell] = {}
        for cells in self.r.rows(ws, columns, header_row):
            group = self.r.value(ws, cells[group_key], RACI_COLUMNS[0]) or ""
            task = self.r.value(ws, cells[task_key], RACI_COLUMNS[1])
            self.unique(ws, cells[task_key], f"{group} / {task}", seen_tasks, what("task"))
            roles: dict[str, str] = {}
            for name in teams:
                cell = cells.get(f"team:{name}")
                code = self.letter(ws, cell, name, task) if cell is not None else ""
                if code:
                    roles[name] = code
            tasks.append(RaciTask(group, task, roles))
        try:
            return Raci(tuple(tasks), tuple(teams))
        except CrmwbError as exc:
            raise self.backstop(ws, exc) from None

    def letter(self, ws: Worksheet, cell: Cell, team: str, task: str) -> str:
        raw = cell.value
        if is_blank(raw):
            return ""
        code = str(raw).replace(" ", "").upper()
        if code in _RACI_READ:
            return _RACI_READ[code]
        hint = msg("project.err.hint.one_letter")
        if sorted(re.sub(r"[^A-Z]", "", code)) == ["A", "R"]:
            hint = msg("err.hint.did_you_mean", name="R/A")
        raise self.error(
            ws,
            cell,
            msg("project.err.raci_letter", team=Quoted(team), task=Quoted(task)),
            describe(raw),
            hint,
        )
