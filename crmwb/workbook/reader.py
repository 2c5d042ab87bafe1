"""Reading a client workbook: the reader (:class:`WorkbookReader`) finds sheets, parameters and
table columns by their labels in either language, checks every cell against its
:class:`~crmwb.workbook.fields.Field`, and raises :class:`~crmwb.core.errors.WorkbookError`
naming the file, the sheet and the cell (``TCO!F14``), what was expected and what was found.

Each capability reads its own sheets with it (``crmwb.<capability>.sheets``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import CrmwbError, Percent, Quoted, Text, WorkbookError, WrittenDate, msg
from crmwb.core.i18n import Lang, t
from crmwb.core.office_files import password_protected
from crmwb.workbook.choices import choice_prefixes
from crmwb.workbook.fields import (
    EMPTY,
    FIRST_TRUE_DATE,
    Field,
    anchor,
    describe,
    is_blank,
    normalised,
    plain,
    typed_number,
)
from crmwb.workbook.formulas import stored_formulas
from crmwb.workbook.sheets_on_demand import UNREADABLE, SheetsOnDemand

E = TypeVar("E", bound=StrEnum)


P = ParamSpec("P")
R = TypeVar("R")


def in_workbook_language(
    method: Callable[Concatenate[WorkbookReader, P], R],
) -> Callable[Concatenate[WorkbookReader, P], R]:
    """``method``, whose errors (from any module it reads with) speak the workbook's language."""

    @wraps(method)
    def reading(reader: WorkbookReader, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(reader, *args, **kwargs)
        except CrmwbError as exc:
            exc.in_language(reader.lang)
            raise

    return reading


@dataclass(frozen=True)
class HiddenRows:
    """Rows holding data that Excel does not show in one sheet, hidden by hand or by a filter
    (``filtered``): read and counted like the others, which the consultant should know."""

    sheet: str
    rows: tuple[int, ...]
    filtered: bool = False

    def text(self, lang: Lang) -> str:
        """« feuille « Canaux » : les lignes 12–14 et 20 sont masquées dans Excel ; ... »."""
        key = "run.note.filtered_rows" if self.filtered else "run.note.hidden_rows"
        return i18n.tn(key, len(self.rows), lang, sheet=self.sheet, rows=row_ranges(self.rows))


def row_ranges(rows: Sequence[int]) -> str:
    """Row numbers as runs: ``(12, 13, 14, 20)`` gives « 12–14, 20 »."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return ", ".join(f"{r[0]}\u2013{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
"""The files openpyxl opens (it says what is wrong with any other)."""


class WorkbookReader:
    """An open client workbook. Each ``read_*`` method validates one sheet."""

    def __init__(self, path: Path | str, lang: Lang | None = None) -> None:
        self.path = Path(path)
        self.file = str(path)
        self._formulas: dict[str, dict[str, str]] = {}  # sheet -> cell -> formula, on demand
        if not self.path.exists():
            raise WorkbookError(
                msg("err.workbook_file"),
                file=self.file,
                found=msg("err.found.no_file"),
                hint=msg("err.hint.new_client"),
                lang=lang,
            )
        if self.path.is_file() and password_protected(self.path):
            raise WorkbookError(
                msg("err.xlsx"),
                file=self.file,
                found=msg("err.found.password"),
                hint=msg("err.hint.password"),
                lang=lang,
            )
        self._sheets: SheetsOnDemand | None = None
        try:
            if self.path.suffix.lower() in EXCEL_SUFFIXES:
                self._sheets = SheetsOnDemand(self.path)
                self._wb = self._sheets.book
            else:  # openpyxl says what it does not open
                self._wb = load_workbook(self.path, data_only=True)
        except (InvalidFileException, *UNREADABLE) as exc:
            raise self._unreadable(exc, lang) from None
        self.lang: Lang = lang or self._shown_language()
        """The language the workbook shows, in which its errors are written."""

    def _unreadable(self, exc: BaseException, lang: Lang | None) -> WorkbookError:
        return WorkbookError(
            msg("err.xlsx"),
            file=self.file,
            found=msg("err.found.unreadable", kind=type(exc).__name__),
            hint=msg("err.hint.save_xlsx"),
            lang=lang,
        )

    def _read(self, ws: Worksheet) -> Worksheet:
        """``ws`` with its cells (read from the file the first time it is asked for)."""
        if self._sheets is None:
            return ws
        try:
            return self._sheets.sheet(ws)
        except UNREADABLE as exc:
            raise self._unreadable(exc, self.lang) from None

    @property
    def book(self) -> Workbook:
        """The workbook as openpyxl read it (the values Excel saved, its defined names)."""
        return self._wb

    def _shown_language(self) -> Lang:
        """The language of the workbook's sheet names (its About tab: « À propos », « About »)."""
        titles = {normalised(ws.title) for ws in self._wb.worksheets}
        for lang in i18n.LANGUAGES:
            if normalised(t("sheet.about", lang)) in titles:
                return lang
        return i18n.DEFAULT_LANG

    # -- sheets and cells --

    def _formula(self, ws: Worksheet, cell: Cell) -> str | None:
        """The formula in an empty-looking ``cell`` (data_only=True shows a formula whose
        result was never saved, as in a file written by a script, as an empty cell)."""
        if ws.title not in self._formulas:
            # One streaming pass over this sheet's stored formulas, kept for its other empty
            # cells; openpyxl's read-only mode for a file that does not say where its cells are.
            formulas = stored_formulas(self.path, ws.title)
            if formulas is None:
                book = load_workbook(self.path, data_only=False, read_only=True)
                try:
                    formulas = {
                        c.coordinate: c.value
                        for row in book[ws.title].iter_rows()
                        for c in row
                        if isinstance(c.value, str)
                        and c.value.startswith("=")
                        and hasattr(c, "coordinate")
                    }
                finally:
                    book.close()
            self._formulas[ws.title] = formulas
        return self._formulas[ws.title].get(cell.coordinate)

    def sheet(self, key: str) -> Worksheet:
        """The sheet ``key`` (e.g. "sheet.tco"), named in either language."""
        wanted = {normalised(name) for name in i18n.all_labels(key)}
        for ws in self._wb.worksheets:
            if normalised(ws.title) in wanted:
                return self._read(ws)
        raise WorkbookError(
            msg("err.sheet_named", names=Quoted(t(key, self.lang))),
            file=self.file,
            found=msg("err.found.sheets", names=tuple(Quoted(ws.title) for ws in self._wb)),
            lang=self.lang,
        )

    @in_workbook_language
    def has_sheet(self, key: str) -> bool:
        try:
            self.sheet(key)
        except WorkbookError:
            return False
        return True

    def hidden_rows(self) -> tuple[HiddenRows, ...]:
        """The rows with data that Excel hides, sheet by sheet (by hand, then by a filter)."""
        found: list[HiddenRows] = []
        for ws in map(self._read, self._wb.worksheets):
            hidden = sorted(
                row
                for row, dimension in ws.row_dimensions.items()
                if dimension.hidden
                and any(not is_blank(c.value) for c in next(ws.iter_rows(min_row=row, max_row=row)))
            )
            if not hidden:
                continue
            filtered: set[int] = set()
            if ws.auto_filter.ref:  # the filter's range: its header row, then the rows it filters
                _, top, _, bottom = range_boundaries(ws.auto_filter.ref)
                filtered = {row for row in hidden if (top or 0) < row <= (bottom or 0)}
            by_hand = tuple(row for row in hidden if row not in filtered)
            if by_hand:
                found.append(HiddenRows(ws.title, by_hand))
            if filtered:
                found.append(HiddenRows(ws.title, tuple(sorted(filtered)), filtered=True))
        return tuple(found)

    def _error(
        self, ws: Worksheet, cell: Cell, expected: Text, found: Text, hint: Text | None = None
    ) -> WorkbookError:
        return WorkbookError(
            expected,
            file=self.file,
            sheet=ws.title,
            cell=cell.coordinate,
            found=found,
            hint=hint,
            lang=self.lang,
        )

    def error(
        self, ws: Worksheet, cell: Cell, expected: Text, found: Text, hint: Text | None = None
    ) -> WorkbookError:
        """A :class:`WorkbookError` at ``ws!cell``, in the workbook's language."""
        return self._error(ws, cell, expected, found, hint)

    def sheet_error(self, ws: Worksheet, exc: CrmwbError) -> WorkbookError:
        """A domain module's complaint about what ``ws`` says, placed on that sheet (in the
        workbook's language)."""
        return WorkbookError(
            exc.expected,
            file=self.file,
            sheet=ws.title,
            found=exc.found,
            hint=exc.hint,
            lang=self.lang,
        )

    def shown_label(self, ws: Worksheet, cell: Cell, spec: Field) -> str:
        """``spec``'s label as the workbook shows it for ``cell``: in column A of its row (a
        parameter) or in its column's header (a table); else the label in the workbook's
        language. Errors name fields as the consultant reads them."""
        labels = {normalised(label) for label in i18n.all_labels(spec.key)}

        def shown(value: object) -> bool:
            return isinstance(value, str) and normalised(value) in labels

        if cell.column > 1 and shown(label := ws.cell(row=cell.row, column=1).value):
            return str(label).strip()
        for row in range(cell.row - 1, 0, -1):
            if shown(header := ws.cell(row=row, column=cell.column).value):
                return str(header).strip()
        return t(spec.key, self.lang)

    def parameter_cells(self, ws: Worksheet, fields: Sequence[Field]) -> dict[str, Cell]:
        """Column-B cells of the labelled parameters, found by their label in column A."""
        by_label = {
            normalised(label): spec.key for spec in fields for label in i18n.all_labels(spec.key)
        }
        found: dict[str, Cell] = {}
        for row in ws.iter_rows(min_col=1, max_col=2, max_row=min(ws.max_row, 60)):
            label = row[0].value
            if isinstance(label, str) and normalised(label) in by_label:
                found.setdefault(by_label[normalised(label)], row[1])
        for spec in fields:
            if spec.required and spec.key not in found:
                raise WorkbookError(
                    msg("err.label_in_column_a", label=t(spec.key, self.lang)),
                    file=self.file,
                    sheet=ws.title,
                    found=msg("err.found.no_label"),
                    lang=self.lang,
                )
        return found

    def table(self, ws: Worksheet, columns: Sequence[Field]) -> tuple[dict[str, int], int]:
        """The header row (found by its first column's label in column A, or by its
        :func:`~crmwb.workbook.fields.anchor`'s in a workbook made before a first column was
        added) and each column's index. A column a later template added
        (:attr:`~crmwb.workbook.fields.Field.added_in`) may be missing: it has no index."""
        first = {
            normalised(label)
            for spec in (columns[0], anchor(columns))
            for label in i18n.all_labels(spec.key)
        }
        header_row = None
        for row in ws.iter_rows(min_col=1, max_col=1):
            value = row[0].value
            if isinstance(value, str) and normalised(value) in first:
                header_row = row[0].row
                break
        if header_row is None:
            raise WorkbookError(
                msg("err.header_row", label=t(columns[0].key, self.lang)),
                file=self.file,
                sheet=ws.title,
                found=msg("err.found.no_row"),
                lang=self.lang,
            )
        by_label = {
            normalised(label): spec.key for spec in columns for label in i18n.all_labels(spec.key)
        }
        index: dict[str, int] = {}
        for cell in ws[header_row]:
            if isinstance(cell.value, str) and normalised(cell.value) in by_label:
                index.setdefault(by_label[normalised(cell.value)], cell.column)
        for position, spec in enumerate(columns, start=1):
            if spec.key not in index and spec.added_in is None:
                # the template's place for the column, or the first cell after the table
                where = ws.cell(row=header_row, column=position)
                if isinstance(where.value, str) and normalised(where.value) in by_label:
                    where = ws.cell(row=header_row, column=max(index.values(), default=0) + 1)
                raise WorkbookError(
                    msg("err.column_in_header", label=t(spec.key, self.lang), row=header_row),
                    file=self.file,
                    sheet=ws.title,
                    cell=where.coordinate,
                    found=msg(
                        "err.found.headers",
                        headers=tuple(Quoted(c.value) for c in ws[header_row] if c.value),
                    ),
                    lang=self.lang,
                )
        return index, header_row

    def rows(
        self, ws: Worksheet, index: dict[str, int], header_row: int
    ) -> Iterator[dict[str, Cell]]:
        """Data rows under the header, skipping blank ones."""
        for row in ws.iter_rows(min_row=header_row + 1):
            cells = {key: row[col - 1] for key, col in index.items() if col - 1 < len(row)}
            if any(not is_blank(c.value) for c in cells.values()):
                yield cells

    def value(self, ws: Worksheet, cell: Cell | None, spec: Field, what: str | None = None) -> Any:
        """The value of ``cell`` checked against ``spec``; None when empty and not required.

        ``what`` names the field in an error (default: its label as the workbook shows it)."""
        raw = None if cell is None else cell.value
        if raw is None and cell is not None and (formula := self._formula(ws, cell)):
            raise self._error(
                ws,
                cell,
                msg("err.value_for", name=what or self.shown_label(ws, cell, spec)),
                msg("err.found.formula", formula=formula),
                msg("err.hint.save_formulas"),
            )
        if is_blank(raw):
            if spec.required:
                assert cell is not None
                name = what or self.shown_label(ws, cell, spec)
                raise self._error(ws, cell, msg("err.value_for", name=name), EMPTY)
            return None
        assert cell is not None
        return _convert(self, ws, cell, raw, spec, what)


def read_workbook(path: Path | str, lang: Lang | None = None) -> WorkbookReader:
    """Open a client's workbook for reading (raises WorkbookError if it cannot be read).

    Its errors are written in ``lang``, by default the language the workbook shows."""
    return WorkbookReader(path, lang)


# --- cell conversion -------------------------------------------------------------------------


def _convert(
    reader: WorkbookReader, ws: Worksheet, cell: Cell, raw: Any, spec: Field, what: str | None
) -> Any:
    err = reader._error

    def name() -> str:
        return what or reader.shown_label(ws, cell, spec)

    kind = spec.kind
    if kind == "text":
        text = plain(raw).strip() if not isinstance(raw, str) else raw.strip()
        return text
    if kind == "choice":
        assert spec.choices is not None
        return _choice(reader, ws, cell, raw, spec.choices, name())
    if kind == "language":
        try:
            return i18n.check_lang(raw)
        except ValueError:
            languages = tuple(Quoted(code) for code in i18n.LANGUAGES)
            raise err(ws, cell, msg("err.language", languages=languages), describe(raw)) from None
    if kind == "currency":
        code = str(raw).strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise err(ws, cell, msg("err.currency"), describe(raw))
        return code
    if kind == "date":
        day: dt.date | None = None
        if isinstance(raw, dt.datetime):
            day = raw.date()
        elif isinstance(raw, dt.date):
            day = raw
        elif isinstance(raw, str):
            try:
                day = dt.date.fromisoformat(raw.strip())
            except ValueError:
                pass
        if day is None:
            raise err(ws, cell, msg("err.date_for", name=name()), describe(raw))
        if day < FIRST_TRUE_DATE:
            shown = (
                msg("err.found.phantom_date")
                if day == FIRST_TRUE_DATE - dt.timedelta(days=1)
                else msg("err.found.date", value=WrittenDate(day))
            )
            expected = msg("err.date_from_1900", name=name(), first=WrittenDate(FIRST_TRUE_DATE))
            raise err(ws, cell, expected, shown, msg("err.hint.number_as_date"))
        return day
    # numbers
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        hint = msg("err.hint.number_plain") if isinstance(raw, str) else None
        raise err(ws, cell, msg("err.number_for", name=name()), describe(raw), hint)
    value = float(raw)
    if kind in ("fraction", "rate"):
        fmt = str(cell.number_format or "")
        top = spec.maximum if spec.maximum is not None else 1
        if value > top or (spec.max_excluded and value >= top):
            typed = typed_number(raw)
            found: Text = typed
            if "%" in fmt:
                found = msg("err.found.shown_as", value=typed, shown=Percent(value))
            raise err(
                ws,
                cell,
                msg("err.fraction_for", name=name()),
                found,
                msg("err.hint.percent", value=typed, fraction=value / 100),
            )
        bottom = spec.minimum
        if bottom is not None and (value < bottom or (spec.min_excluded and value <= bottom)):
            key = "err.fraction_above" if spec.min_excluded else "err.fraction_min"
            raise err(ws, cell, msg(key, min=float(bottom), name=name()), typed_number(raw))
        return value
    if kind == "whole":
        if not value.is_integer():
            raise err(ws, cell, msg("err.whole_for", name=name()), typed_number(raw))
        whole = int(value)
        low, high = spec.minimum, spec.maximum
        if (low is not None and whole < low) or (high is not None and whole > high):
            if high is not None:
                expected = msg("err.whole_between", min=int(low or 0), max=int(high), name=name())
            else:
                expected = msg("err.whole_min", min=int(low or 0), name=name())
            raise err(ws, cell, expected, str(whole))
        return whole
    low, high = spec.minimum, spec.maximum
    if low is not None and (value < low or (spec.min_excluded and value <= low)):
        key = "err.number_above" if spec.min_excluded else "err.number_min"
        raise err(ws, cell, msg(key, min=float(low), name=name()), typed_number(raw), spec.hint)
    if high is not None and (value > high or (spec.max_excluded and value >= high)):
        key = "err.number_below" if spec.max_excluded else "err.number_max"
        raise err(ws, cell, msg(key, max=float(high), name=name()), typed_number(raw), spec.hint)
    return value


def _choice(
    reader: WorkbookReader, ws: Worksheet, cell: Cell, raw: Any, enum: type[E], name: str
) -> E:
    prefix = choice_prefixes()[enum]
    wanted = normalised(str(raw))
    for member in enum:
        labels = (
            member.value,
            member.value.replace("_", " "),
            *i18n.all_labels(f"{prefix}.{member.value}"),
        )
        if wanted in {normalised(label) for label in labels}:
            return member
    allowed = tuple(Quoted(t(f"{prefix}.{m.value}", reader.lang)) for m in enum)
    raise reader._error(
        ws,
        cell,
        msg("err.choice", allowed=allowed, name=name),
        describe(raw),
        msg("err.hint.pick_from_list"),
    )
