"""What the readers of the vendor comparison's sheets share (:mod:`.sheets`,
:mod:`.criteria_sheets`, :mod:`.scores_sheets`, :mod:`.pricing_sheet`): the doubts they raise
(:class:`SheetWarning`), and :class:`VendorSheetReader`, their base: errors and warnings placed
on a cell, names matched and checked unique, the headers of named columns (evaluators,
vendors) checked, and what a cell holds said as an error's « found » (:func:`found_value`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import InputError, Quoted, Text, WorkbookError, msg, render
from crmwb.core.i18n import DEFAULT_LANG, Lang, t
from crmwb.workbook.fields import Field, describe, is_blank, normalised, plain, typed_number
from crmwb.workbook.reader import WorkbookReader
from crmwb.workbook.tables import Names


@dataclass(frozen=True)
class SheetWarning:
    """Something doubtful but valid in the workbook, for the consultant to check.

    ``message`` is written in the reader's language when shown (:meth:`text`); ``lang`` is the
    workbook's, in which ``str()`` writes it."""

    message: Text
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    lang: Lang = DEFAULT_LANG

    @property
    def location(self) -> str | None:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet

    def text(self, lang: Lang | None = None, *, with_file: bool = True) -> str:
        """The warning in ``lang`` (default: the workbook's), after where it is (the file too,
        unless ``with_file`` is False: a client's report does not show the consultant's
        folders)."""
        lang = lang or self.lang
        where = ", ".join(
            part for part in (self.file if with_file else None, self.location) if part
        )
        message = render(self.message, lang)
        return t("vs.warning.where", lang, where=where, message=message) if where else message

    def __str__(self) -> str:
        return self.text()


class VendorSheetReader:
    """The base of the vendor sheets' readers, on an open workbook. The readers of one
    comparison share ``warnings``, in the order they are raised."""

    def __init__(self, reader: WorkbookReader, warnings: list[SheetWarning] | None = None) -> None:
        self.r = reader
        self.warnings: list[SheetWarning] = warnings if warnings is not None else []

    def error(
        self, ws: Worksheet, cell: Cell, expected: Text, found: Text, hint: Text | None = None
    ) -> WorkbookError:
        return self.r.error(ws, cell, expected, found, hint)

    def sheet_error(self, ws: Worksheet, exc: InputError) -> WorkbookError:
        """A domain module's complaint about what a sheet says, placed on the sheet."""
        return self.r.sheet_error(ws, exc)

    def warn(self, ws: Worksheet, cell: Cell | None, message: Text) -> None:
        where = cell.coordinate if cell is not None else None
        self.warnings.append(SheetWarning(message, self.r.file, ws.title, where, self.r.lang))

    def title(self, key: str) -> str:
        """The name of the sheet ``key`` as the workbook shows it (in the workbook's language
        when it has no such sheet)."""
        if self.r.has_sheet(key):
            return str(self.r.sheet(key).title)
        return t(key, self.r.lang)

    def label(self, ws: Worksheet, cell: Cell, spec: Field) -> str:
        """The column (or parameter) of ``cell``, named as the workbook shows it."""
        return self.r.shown_label(ws, cell, spec)

    def values(
        self, ws: Worksheet, row: dict[str, Cell], columns: Sequence[Field]
    ) -> dict[str, Any]:
        return {spec.key: self.r.value(ws, row.get(spec.key), spec) for spec in columns}

    def unique(
        self, ws: Worksheet, cell: Cell, name: str, seen: dict[str, Cell], what: str
    ) -> None:
        first = seen.get(normalised(name))
        if first is not None:
            raise self.error(
                ws,
                cell,
                msg(f"vs.err.unique.{what}"),
                msg("vs.err.found.again", name=Quoted(name), cell=f"{ws.title}!{first.coordinate}"),
                msg(f"vs.err.hint.unique.{what}"),
            )
        seen[normalised(name)] = cell

    def match(self, ws: Worksheet, cell: Cell, spec: Field, names: Names, expected: Text) -> str:
        text = self.r.value(ws, cell, spec)
        found = names.get(str(text))
        if found is None:
            raise self.error(ws, cell, expected, found_value(text), names.suggest(str(text)))
        return found

    def named_columns(
        self, ws: Worksheet, header_row: int, index: dict[str, int]
    ) -> list[tuple[Cell, str]]:
        """The header cells after (or between) the fixed columns, with their text."""
        fixed = set(index.values())
        return [
            (cell, plain(cell.value).strip())
            for cell in ws[header_row]
            if cell.column not in fixed and not is_blank(cell.value)
        ]

    def check_headers(
        self, ws: Worksheet, header_row: int, columns: Iterable[int], what: str
    ) -> None:
        """Every filled cell under the header is in a column with a header (nothing is left
        out silently). ``what`` says what the header holds: ``evaluator`` or ``vendor``."""
        known = set(columns)
        for row in ws.iter_rows(min_row=header_row + 1):
            for cell in row:
                if cell.column not in known and not is_blank(cell.value):
                    raise self.error(
                        ws,
                        ws.cell(row=header_row, column=cell.column),
                        msg(f"vs.err.header.{what}", column=get_column_letter(cell.column)),
                        msg("vs.err.found.empty_header"),
                        msg(
                            "vs.err.hint.holds",
                            cell=f"{ws.title}!{cell.coordinate}",
                            value=found_value(cell.value),
                        ),
                    )

    def empty_column(self, ws: Worksheet, column: int, header_row: int) -> bool:
        return all(
            is_blank(row[0].value)
            for row in ws.iter_rows(min_row=header_row + 1, min_col=column, max_col=column)
        )

    def first_free(self, ws: Worksheet, index: dict[str, int], header_row: int) -> int:
        """The first row under the table's last filled row."""
        last = header_row
        for row in self.r.rows(ws, index, header_row):
            last = max(last, next(iter(row.values())).row)
        return last + 1


def found_value(value: object) -> Text:
    """What a cell holds, for an error's « found »: a number with the reader's decimal sign
    (0,2), or as :func:`crmwb.workbook.fields.describe` says it (the text « abc »...)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return typed_number(value)
    return describe(value)
