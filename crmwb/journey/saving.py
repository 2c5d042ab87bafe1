"""The live workshop's saving of the journey: the six journey sheets of a client's workbook
rewritten with the journey edited on screen, keeping everything else of the file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import Msg, msg
from crmwb.core.i18n import Lang, t
from crmwb.journey.model import Journey, journey_counts
from crmwb.journey.sheets import JOURNEY_TABLES, journey_rows
from crmwb.workbook.capabilities import declared_sheets
from crmwb.workbook.choices import choice_label, choice_prefixes
from crmwb.workbook.reader import read_workbook
from crmwb.workbook.save import check_writable, save_client_workbook
from crmwb.workbook.tables import TableSheet, sheet_language, write_table_sheet, write_values


def save_journey(path: Path, journey: Journey, *, backup_dir: Path | None = None) -> Msg:
    """Rewrite the six journey sheets of the workbook at ``path`` (Stages, Channels, Segments,
    Touchpoints, Personas, Paths) with ``journey``: the values of their table rows, leftover
    rows cleared, keeping every other sheet, cell, style, comment, drop-down and defined name.
    A workbook made before these sheets existed gets them, as the template makes them.

    Saved by :func:`~crmwb.workbook.save.save_client_workbook`: refused, with nothing written,
    when the workbook is open elsewhere, read-only, or would lose what the consultant added;
    the previous file is copied to ``backups/`` in the client folder (or ``backup_dir``).
    Returns what was done, in a sentence (a message: written in the reader's language). Errors
    are written in the workbook's language.
    """
    path = Path(path)
    reader = read_workbook(path)  # raises: no such file, or not a workbook
    lang = sheet_language(reader)
    check_writable(path, lang)
    rows = journey_rows(journey, lang)
    layout: dict[str, tuple[str, dict[str, int], int] | None] = {}
    for table in JOURNEY_TABLES:
        if reader.has_sheet(table.sheet):
            ws = reader.sheet(table.sheet)
            index, header_row = reader.table(ws, table.columns)
            layout[table.sheet] = (ws.title, index, header_row)
        else:
            layout[table.sheet] = None
    lists_title = reader.sheet("sheet.lists").title if reader.has_sheet("sheet.lists") else None

    wb = load_workbook(path)  # formulas kept: only the values of these sheets' rows change
    _ensure_lists(wb, lang, lists_title)
    later = [table.sheet for table in JOURNEY_TABLES] + sheets_after_the_journey()
    later_titles = {key: {label.casefold() for label in i18n.all_labels(key)} for key in later}
    for position, table in enumerate(JOURNEY_TABLES):
        found = layout[table.sheet]
        if found is None:
            write_table_sheet(
                wb,
                table,
                lang,
                rows[table.sheet],
                _insert_at(wb, later[position + 1 :], later_titles),
            )
            continue
        title, index, header_row = found
        _rewrite(wb[title], table, index, header_row, rows[table.sheet])
    backup = save_client_workbook(wb, path, lang, backup_dir=backup_dir)
    where = backup.relative_to(path.parent) if backup.is_relative_to(path.parent) else backup
    return msg(
        "journey.saved",
        counts=journey_counts(journey, paths=True),
        file=path.name,
        backup=str(where),
    )


def _ensure_lists(wb: Workbook, lang: Lang, lists_title: str | None) -> None:
    """The drop-down lists of these sheets, added to a workbook made before them."""
    # the plan's lists came with the journey's (one template made both)
    choices = {
        enum: prefix
        for sheets in declared_sheets()
        if sheets.name in ("journey", "plan")
        for enum, prefix in sheets.choices.items()
    }
    missing = [enum for enum, prefix in choices.items() if f"list_{prefix}" not in wb.defined_names]
    if not missing:
        return
    if lists_title is None:
        ws = wb.create_sheet(t("sheet.lists", lang))
        ws.sheet_state = "hidden"
    else:
        ws = wb[lists_title]
    for enum in missing:
        name = f"list_{choice_prefixes()[enum]}"
        col = ws.max_column + 1 if ws.max_row > 1 or ws["A1"].value is not None else 1
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=name)
        values = [choice_label(member, lang) for member in enum]
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value)
        ref = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)


def sheets_after_the_journey() -> list[str]:
    """The keys of the plan's sheets, which follow the journey's in the template (one template
    made both): a missing journey sheet goes before the first of them, else at the end."""
    return [
        layout.sheet
        for sheets in declared_sheets()
        if sheets.name == "plan"
        for layout in sheets.layouts
    ]


def _insert_at(wb: Workbook, later: Sequence[str], titles: dict[str, set[str]]) -> int:
    """Where a missing journey sheet goes: before the first of the sheets that follow it in the
    template, or at the end."""
    for key in later:
        for position, ws in enumerate(wb.worksheets):
            if ws.title.strip().casefold() in titles[key]:
                return position
    return len(wb.worksheets)


def _rewrite(
    ws: Worksheet,
    table: TableSheet,
    index: dict[str, int],
    header_row: int,
    rows: Sequence[Sequence[Any]],
) -> None:
    """The table's rows replaced by ``rows``, in the sheet's own columns; the rows left below
    cleared (values only: their formats and drop-downs stay)."""
    positions = [index[spec.key] for spec in table.columns]
    last = ws.max_row
    for offset, values in enumerate(rows):
        write_values(ws, header_row + 1 + offset, table.columns, values, positions)
    for row in range(header_row + 1 + len(rows), last + 1):
        for column in positions:
            ws.cell(row=row, column=column).value = None
