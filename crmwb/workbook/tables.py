"""Table sheets: a sheet holding one table under a title, an intro and a help row (Stages,
Systems, RACI...). Declared as a :class:`TableSheet` (its columns as
:class:`~crmwb.workbook.fields.Field`, the defined name over its first column, the drop-downs fed
by other sheets), it is written by :func:`write_table_sheet` and read by a :class:`SheetReader`
(rows checked cell by cell, names checked against other sheets, each error naming its cell).
Every capability's table sheets use these."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import CrmwbError, Msg, Quoted, Text, WorkbookError, msg
from crmwb.core.i18n import Lang, t
from crmwb.workbook.about import read_about
from crmwb.workbook.choices import choice_label, choice_prefixes
from crmwb.workbook.fields import Field, YesNo, describe, is_blank, normalised
from crmwb.workbook.layout import (
    TABLE_ROWS,
    finish_validation,
    format_input,
    write_table_header,
    write_title,
)
from crmwb.workbook.reader import WorkbookReader

HELP_ROW = 4
"""Template position of the help row of the table sheets (the header is below)."""


HEADER_ROW = 5


def text_field(key: str, width: float, required: bool = False) -> Field:
    return Field(key, "text", width=width, required=required)


@dataclass(frozen=True)
class Lookup:
    """A drop-down fed by another sheet's first column. ``lenient``: other text is accepted
    after a warning (a segment cell's "all", a plan's channel)."""

    column: int  # 0-based, in the table's columns
    name: str
    lenient: bool = False


@dataclass(frozen=True)
class TableSheet:
    """A table sheet: its name and labels (``<prefix>.sheet_title`` ...), its columns, the
    defined name over its first column, and its drop-downs fed by other sheets."""

    sheet: str
    prefix: str
    columns: tuple[Field, ...]
    defines: str | None = None
    lookups: tuple[Lookup, ...] = ()
    wrapped: tuple[int, ...] = ()  # columns whose cells hold several lines
    formats: tuple[tuple[int, str], ...] = ()  # (column, number format) of the table's cells


_SEPARATORS = re.compile(r"[;\n]")


def rows_for(n: int) -> int:
    """Rows given checks below a header: the template's, or more for a long filled table."""
    return max(TABLE_ROWS, n + 50)


def write_sheet_title(ws: Worksheet, prefix: str, lang: Lang, columns: Sequence[Field]) -> None:
    intro = t(prefix + ".sheet_intro", lang)
    write_title(ws, t(prefix + ".sheet_title", lang), intro, len(columns))
    width = sum(spec.width for spec in columns)
    lines = math.ceil(len(intro) * 1.15 / width)
    ws.row_dimensions[2].height = max(42, 13 * lines + 4)


def write_table_sheet(
    wb: Workbook,
    table: TableSheet,
    lang: Lang,
    rows: Sequence[Sequence[Any]],
    index: int | None = None,
) -> Worksheet:
    ws = wb.create_sheet(t(table.sheet, lang), index)
    write_sheet_title(ws, table.prefix, lang, table.columns)
    n = rows_for(len(rows))
    write_table_header(ws, table.columns, lang, help_row=HELP_ROW, header_row=HEADER_ROW, rows=n)
    first, last = HEADER_ROW + 1, HEADER_ROW + n
    for lookup in table.lookups:
        if lookup.name not in wb.defined_names:
            continue  # a sheet written on its own: no list to point to
        letter = get_column_letter(lookup.column + 1)
        dv = DataValidation(type="list", formula1=lookup.name, allow_blank=True)
        if lookup.lenient:
            dv.errorStyle = "warning"
        finish_validation(
            ws, dv, table.columns[lookup.column], f"{letter}{first}:{letter}{last}", lang
        )
    for column, number_format in table.formats:
        letter = get_column_letter(column + 1)
        for row in range(first, last + 1):
            ws[f"{letter}{row}"].number_format = number_format
    for column in table.wrapped:
        for row in range(first, last + 1):
            ws.cell(row=row, column=column + 1).alignment = Alignment(
                wrap_text=True, vertical="top"
            )
    for row, values in enumerate(rows, start=first):
        write_values(ws, row, table.columns, values)
    ws.freeze_panes = ws.cell(row=first, column=2)
    if table.defines is not None:
        define_column(wb, table.defines, ws, first, last)
    return ws


def write_values(
    ws: Worksheet,
    row: int,
    columns: Sequence[Field],
    values: Sequence[Any],
    positions: Sequence[int] | None = None,
) -> None:
    for offset, (spec, value) in enumerate(zip(columns, values, strict=True)):
        column = positions[offset] if positions is not None else offset + 1
        cell = ws.cell(row=row, column=column, value=value)
        if not cell.has_style:
            format_input(cell, spec)


def define_column(
    wb: Workbook, name: str, ws: Worksheet, first: int, last: int, column: int = 1
) -> None:
    """A defined name over rows ``first`` to ``last`` of ``column`` (feeding other sheets'
    drop-downs)."""
    letter = get_column_letter(column)
    ref = f"{quote_sheetname(ws.title)}!${letter}${first}:${letter}${last}"
    wb.defined_names[name] = DefinedName(name, attr_text=ref)


def joined(names: Iterable[str], separator: str = "; ") -> str | None:
    return separator.join(names) or None


def has_rows(reader: WorkbookReader, table: TableSheet) -> bool:
    if not reader.has_sheet(table.sheet):
        return False
    ws = reader.sheet(table.sheet)
    try:
        index, header_row = reader.table(ws, table.columns)
    except WorkbookError:
        return False
    return any(True for _ in reader.rows(ws, index, header_row))


class Names:
    """Names of a sheet, found again whatever the case and spaces, with a suggestion."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names = list(names)
        self._by_norm = {normalised(name): name for name in self.names}

    def get(self, text: str) -> str | None:
        return self._by_norm.get(normalised(text))

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and normalised(text) in self._by_norm

    def __bool__(self) -> bool:
        return bool(self.names)

    def suggest(self, text: str) -> Msg | None:
        """« did you mean 'X'? » for the name closest to ``text``, if one is close."""
        close = difflib.get_close_matches(normalised(text), list(self._by_norm), n=1, cutoff=0.6)
        return msg("err.hint.did_you_mean", name=self._by_norm[close[0]]) if close else None

    def listed(self, limit: int = 12) -> tuple[object, ...]:
        """The first ``limit`` names, quoted the reader's way (an error's value), then « … »."""
        shown: tuple[object, ...] = tuple(Quoted(name) for name in self.names[:limit])
        return (*shown, "…") if len(self.names) > limit else shown


@dataclass
class Row:
    cells: dict[str, Cell]
    v: dict[str, Any]


def split_names(text: str) -> list[str]:
    """A cell listing names: separated by semicolons or line breaks if it has any, else by
    commas."""
    parts = _SEPARATORS.split(text) if _SEPARATORS.search(text) else text.split(",")
    return list(dict.fromkeys(part.strip() for part in parts if part.strip()))


class SheetReader:
    """What the journey's and the plan's readers share (and the data map's and the project's,
    which derive from it).

    The ``what`` of :meth:`unique`, :meth:`known` and :meth:`none_error` is a noun without its
    article, as a message (``msg("journey.err.what.stage")``: « stage », « étape »): the
    messages around it are written so that it needs no article nor agreement in any language
    (« chaque étape une seule fois », « un nom d'étape de la feuille « Étapes » »)."""

    def __init__(self, reader: WorkbookReader) -> None:
        self.r = reader

    def error(
        self, ws: Worksheet, cell: Cell, expected: Text, found: Text, hint: Text | None = None
    ) -> WorkbookError:
        return self.r.error(ws, cell, expected, found, hint)

    def sheet_title(self, key: str) -> str:
        """The sheet ``key`` as the workbook names it, or in the workbook's language when it
        has no such sheet."""
        return self.r.sheet(key).title if self.r.has_sheet(key) else t(key, self.r.lang)

    def rows(self, ws: Worksheet, columns: Sequence[Field]) -> tuple[list[Row], int, int]:
        """The filled rows of the table of ``ws`` (values checked), its header row and the
        column of its first field."""
        index, header_row = self.r.table(ws, columns)
        return (
            self.table_rows(ws, columns, self.r.rows(ws, index, header_row)),
            header_row,
            index[columns[0].key],
        )

    def table_rows(
        self, ws: Worksheet, columns: Sequence[Field], rows: Iterable[dict[str, Cell]]
    ) -> list[Row]:
        return [
            Row(cells, {spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in columns})
            for cells in rows
        ]

    def unique(
        self,
        ws: Worksheet,
        cell: Cell,
        name: str,
        seen: dict[str, Cell],
        what: Text,
        shown: Text | None = None,
        *,
        column: bool = False,
    ) -> None:
        """Refuse ``name`` when ``seen`` has it already (compared whatever the case and
        spaces); ``shown`` is how the error names it (default: ``name``, quoted); ``column``:
        the names are column headers (a team), not lines."""
        first = seen.get(normalised(name))
        if first is not None:
            raise self.error(
                ws,
                cell,
                msg("journey.err.once", what=what),
                msg(
                    "journey.err.found.again",
                    name=shown if shown is not None else Quoted(name),
                    where=f"{ws.title}!{first.coordinate}",
                ),
                msg(f"journey.err.hint.one_{'column' if column else 'line'}_per", what=what),
            )
        seen[normalised(name)] = cell

    def known(
        self,
        ws: Worksheet,
        cell: Cell,
        text: str,
        names: Names,
        what: Text,
        sheet: str,
    ) -> str:
        """``text`` as a name of ``names`` (the names of the sheet ``sheet``), or an error."""
        found = names.get(text)
        if found is None:
            title = self.sheet_title(sheet)
            if names:
                expected = msg("journey.err.known", what=what, sheet=title, names=names.listed())
                hint: Text | None = names.suggest(text)
            else:
                expected = msg("journey.err.known_none", what=what, sheet=title)
                hint = msg("journey.err.hint.add_first", sheet=title)
            raise self.error(ws, cell, expected, describe(text), hint)
        return found

    def sheet(self, table: TableSheet) -> Worksheet | None:
        return self.r.sheet(table.sheet) if self.r.has_sheet(table.sheet) else None

    def none_error(self, ws: Worksheet, header_row: int, column: int, what: Text) -> WorkbookError:
        return self.error(
            ws,
            ws.cell(row=header_row + 1, column=column),
            msg("journey.err.at_least_one", what=what, row=header_row),
            msg("journey.err.found.no", what=what),
        )

    def backstop(self, ws: Worksheet, exc: CrmwbError) -> WorkbookError:
        return self.r.sheet_error(ws, exc)


def sheet_language(reader: WorkbookReader) -> Lang:
    """The language of the workbook's sheet names (the About sheet's), else its deliverables'."""
    if reader.has_sheet("sheet.about"):
        title = reader.sheet("sheet.about").title.strip().casefold()
        for lang in i18n.LANGUAGES:
            if t("sheet.about", lang).casefold() == title:
                return lang
    try:
        return read_about(reader).language
    except CrmwbError:
        return i18n.DEFAULT_LANG


def joined_objects(objects: Sequence[str]) -> str | None:
    return joined(objects, "; " if any("," in o for o in objects) else ", ")


class TableReader(SheetReader):
    def __init__(self, reader: WorkbookReader) -> None:
        super().__init__(reader)
        self.lang = sheet_language(reader)

    def fail(
        self, ws: Worksheet, cell: Cell, expected: Text, found: Text, hint: Text | None = None
    ) -> WorkbookError:
        """A :class:`WorkbookError` at ``ws!cell``, in the workbook's language."""
        return self.r.error(ws, cell, expected, found, hint)

    def once(
        self,
        ws: Worksheet,
        cell: Cell,
        name: str,
        seen: dict[str, Cell],
        what: str,
        shown: str | None = None,
    ) -> None:
        """Raise when ``name`` was already met on the sheet (``seen``: normalised name -> its
        first cell). ``what`` is ``system``, ``field``, ``use_case`` or ``role`` (the messages
        ``dataflow_sheet.err.<what>_once``); ``shown`` the name as the error writes it."""
        first = seen.get(normalised(name))
        if first is not None:
            raise self.fail(
                ws,
                cell,
                msg(f"dataflow_sheet.err.{what}_once"),
                msg(
                    "dataflow_sheet.err.found.again",
                    name=Quoted(shown or name),
                    where=f"{ws.title}!{first.coordinate}",
                ),
                msg(f"dataflow_sheet.err.hint.{'one_column' if what == 'role' else 'merge'}"),
            )
        seen[normalised(name)] = cell

    def cell_value(self, ws: Worksheet, cell: Cell, spec: Field) -> Any:
        """The checked value of ``cell``; a drop-down value not recognised gets a "did you
        mean" hint; a yes/no cell also takes Excel's TRUE / FALSE."""
        if spec.choices is YesNo and isinstance(cell.value, bool):
            return YesNo.YES if cell.value else YesNo.NO
        try:
            return self.r.value(ws, cell, spec)
        except WorkbookError as exc:
            if spec.kind != "choice" or spec.choices is None or is_blank(cell.value):
                raise
            close = _close_choice(str(cell.value), spec.choices, self.lang)
            if close is None:
                raise
            raise self.fail(
                ws, cell, exc.expected, exc.found or "", msg("err.hint.did_you_mean", name=close)
            ) from None

    def table(
        self, ws: Worksheet, columns: Sequence[Field]
    ) -> list[tuple[dict[str, Cell], dict[str, Any]]]:
        index, header_row = self.r.table(ws, columns)
        return [
            (cells, {spec.key: self.cell_value(ws, cells[spec.key], spec) for spec in columns})
            for cells in self.r.rows(ws, index, header_row)
        ]


def _close_choice(text: str, enum: type[StrEnum], lang: Lang) -> str | None:
    """The drop-down value closest to ``text`` (in either language), in the workbook's."""
    prefix = choice_prefixes()[enum]
    members = {
        normalised(label): member
        for member in enum
        for label in i18n.all_labels(f"{prefix}.{member.value}")
    }
    close = difflib.get_close_matches(normalised(text), list(members), n=1, cutoff=0.6)
    return choice_label(members[close[0]], lang) if close else None
