"""Writing the template's sheets: titles, labelled parameters, table headers with their help,
number formats and Excel's own checks (data validation), so that most mistakes are caught while
typing. Every sheet of every capability is written with these."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.i18n import Lang, t
from crmwb.workbook.choices import choice_prefixes
from crmwb.workbook.fields import Field

TABLE_ROWS = 200
"""Rows below a header that get drop-downs and checks in the template."""

# Template positions. The reader does not rely on them: it finds labels and headers by text.
PARAMETERS_FIRST_ROW = 4
TABLE_HELP_ROW = 10
"""The help row of a table below the parameters (the TCO's); its header row follows."""
TABLE_HEADER_ROW = 11

TITLE_FONT = Font(bold=True, size=14, color="1F3864")
HELP_FONT = Font(italic=True, size=9, color="595959")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def list_name(enum: type[StrEnum]) -> str:
    return f"list_{choice_prefixes()[enum]}"


def write_title(ws: Worksheet, title: str, intro: str, width: int) -> None:
    ws["A1"] = title
    ws["A1"].font = TITLE_FONT
    ws["A2"] = intro
    ws["A2"].font = HELP_FONT
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.row_dimensions[2].height = 42


def write_parameters(
    ws: Worksheet, fields: Sequence[Field], values: dict[str, Any], lang: Lang
) -> None:
    for row, spec in enumerate(fields, start=PARAMETERS_FIRST_ROW):
        label = ws.cell(row=row, column=1, value=t(spec.key, lang))
        label.font = Font(bold=True)
        cell = ws.cell(row=row, column=2, value=values.get(spec.key))
        cell.fill = INPUT_FILL
        cell.border = BOX
        format_input(cell, spec)
        help_cell = ws.cell(row=row, column=3, value=t(spec.key + ".help", lang))
        help_cell.font = HELP_FONT
        add_validation(ws, spec, cell.coordinate, lang)


def write_table_header(
    ws: Worksheet,
    columns: Sequence[Field],
    lang: Lang,
    *,
    help_row: int = TABLE_HELP_ROW,
    header_row: int = TABLE_HEADER_ROW,
    headers: Sequence[str] | None = None,
    first_column: int = 1,
    rows: int = TABLE_ROWS,
) -> None:
    """Help row, header row (with the help as a comment), and the checks and number formats of
    the ``rows`` rows below. ``headers`` replaces the labels of ``columns`` (a column per
    evaluator or per vendor, whose header is a name)."""
    for offset, spec in enumerate(columns):
        col = first_column + offset
        letter = get_column_letter(col)
        help_cell = ws.cell(row=help_row, column=col, value=t(spec.key + ".help", lang))
        help_cell.font = HELP_FONT
        help_cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        text = t(spec.key, lang) if headers is None else headers[offset]
        header = ws.cell(row=header_row, column=col, value=text)
        header.font = HEADER_FONT
        header.fill = HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="center")
        header.comment = Comment(t(spec.key + ".help", lang), "crmwb", width=260, height=90)
        ws.column_dimensions[letter].width = spec.width
        first, last = header_row + 1, header_row + rows
        add_validation(ws, spec, f"{letter}{first}:{letter}{last}", lang, title=text)
        for row in range(first, last + 1):
            format_input(ws.cell(row=row, column=col), spec)
    ws.row_dimensions[help_row].height = 66
    ws.row_dimensions[header_row].height = 30


def format_input(cell: Cell, spec: Field) -> None:
    if spec.kind in ("fraction", "rate"):
        cell.number_format = "0.0%"
    elif spec.kind == "number":
        cell.number_format = "#,##0.00"
    elif spec.kind == "whole":
        cell.number_format = "0"
    elif spec.kind == "date":
        cell.number_format = "DD/MM/YYYY"


def add_validation(
    ws: Worksheet, spec: Field, ref: str, lang: Lang, *, title: str | None = None
) -> None:
    """Excel's own checks, so most mistakes are caught while typing (``title``: the column's
    header, when it is not the field's label)."""
    dv: DataValidation | None = None
    if spec.kind == "choice" and spec.choices is not None:
        dv = DataValidation(type="list", formula1=list_name(spec.choices), allow_blank=True)
    elif spec.kind == "language":
        dv = DataValidation(type="list", formula1="list_language", allow_blank=False)
    elif spec.kind == "currency":
        dv = DataValidation(type="list", formula1="list_currency", allow_blank=True)
    elif spec.kind in ("number", "whole", "fraction", "rate"):
        kind = "whole" if spec.kind == "whole" else "decimal"
        low = spec.minimum if spec.minimum is not None else -1e12
        if spec.maximum is None:
            operator = "greaterThan" if spec.min_excluded else "greaterThanOrEqual"
            dv = DataValidation(type=kind, operator=operator, formula1=str(low))
        else:
            dv = DataValidation(
                type=kind, operator="between", formula1=str(low), formula2=str(spec.maximum)
            )
        dv.allow_blank = True
    elif spec.kind == "date":
        # Excel's serial 60 is its 29 February 1900, a day that did not exist: from 61 on.
        dv = DataValidation(type="date", operator="greaterThan", formula1="60")
        dv.allow_blank = True
    if dv is None:
        return
    finish_validation(ws, dv, spec, ref, lang, title=title)


VALIDATION_TITLE = 32
"""Excel's limit on the title of a check's message."""


def finish_validation(
    ws: Worksheet,
    dv: DataValidation,
    spec: Field,
    ref: str,
    lang: Lang,
    *,
    title: str | None = None,
) -> None:
    """Give a check ``spec``'s label (or ``title``) and help as its messages, and put it on
    ``ref``."""
    title = title or t(spec.key, lang)
    if len(title) > VALIDATION_TITLE:
        title = title[: VALIDATION_TITLE - 1].rstrip() + "…"
    dv.error = t(spec.key + ".help", lang)
    dv.errorTitle = title
    dv.prompt = t(spec.key + ".help", lang)
    dv.promptTitle = title
    dv.showErrorMessage = True
    dv.showInputMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


def save_workbook(wb: Workbook, path: Path) -> None:
    """Write ``wb`` to ``path`` through a temporary file, so a failure never leaves half a file
    where the consultant's workbook was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)
