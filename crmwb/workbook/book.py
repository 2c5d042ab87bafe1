"""The client's Excel workbook <-> domain objects (openpyxl).

One workbook per client (``data/clients/<slug>/workbook.xlsx``), one sheet per analysis plus an
"About" sheet. The same code writes the blank template (``templates/workbook-<lang>.xlsx``) and
reads a filled-in workbook back, so the two cannot drift apart.

Reading validates every value and raises :class:`~crmwb.core.errors.WorkbookError` naming the file,
the sheet and the cell (``TCO!F14``), what was expected and what was found. Labels, sheet names
and drop-down values are accepted in French or English, whatever the workbook's language.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import (
    CrmwbError,
    Number,
    Percent,
    Quoted,
    Text,
    WorkbookError,
    WrittenDate,
    msg,
)
from crmwb.core.i18n import Lang, t
from crmwb.core.office_files import password_protected
from crmwb.tco.model import (
    MAX_HORIZON_YEARS,
    MIN_HORIZON_YEARS,
    Basis,
    Category,
    CostLine,
    Frequency,
    TcoSettings,
)

if TYPE_CHECKING:  # the sheet modules import this module: no cycle at import time
    from crmwb.dataflow.model import DataMap
    from crmwb.dataflow.sheets import CustomerFileSettings
    from crmwb.journey.model import Journey
    from crmwb.plan.model import RelationshipPlan
    from crmwb.project.governance import Raci
    from crmwb.project.sheets import ProjectPlanInputs, ProjectSheets, SteeringInputs
    from crmwb.roi.model import RoiCase
    from crmwb.roi.sheets import RoiSheet
    from crmwb.vendors.sheets import VendorInputs, VendorSheets

TABLE_ROWS = 200
"""Rows below a header that get drop-downs and checks in the template."""

E = TypeVar("E", bound=StrEnum)


# --- domain objects read from the workbook ---------------------------------------------------


FIRST_TRUE_DATE = dt.date(1900, 3, 1)
"""The first day Excel's calendar gets right: it counts a 29 February 1900 that did not exist
(serial 60, which a reader shows as the 28th), and a number typed in a date cell shows as a day
of early 1900. An earlier date in a workbook is one of those mistakes."""


@dataclass(frozen=True)
class About:
    """The "About" sheet: who the client is and how its deliverables are written."""

    client_name: str
    language: Lang = i18n.DEFAULT_LANG
    currency: str = "EUR"
    consultant: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class TcoInputs:
    """The TCO sheet: settings shared by all options, and the cost lines."""

    settings: TcoSettings
    lines: tuple[CostLine, ...]


# --- the layout, shared by the writer and the reader -----------------------------------------


@dataclass(frozen=True)
class Field:
    """One input: a labelled parameter (About, TCO assumptions) or a table column."""

    key: str  # label key in i18n; also the attribute name
    kind: str  # text | choice | number | whole | fraction | rate | date | language | currency
    width: float = 16
    required: bool = False
    minimum: float | None = 0
    maximum: float | None = None
    choices: type[StrEnum] | None = None
    min_excluded: bool = False  # the bound itself is refused (an escalation of -100%)
    max_excluded: bool = False  # (a discount rate or an escalation of 100%)
    hint: Text | None = field(default=None, hash=False)
    """Added to the error when a number is out of bounds (a message, in the reader's language)."""


_POSITIVE_COSTS = msg("tco.err.hint.positive_costs")

ABOUT_FIELDS: tuple[Field, ...] = (
    Field("about.client_name", "text", required=True),
    Field("about.language", "language", required=True),
    Field("about.currency", "currency"),
    Field("about.consultant", "text"),
    Field("about.date", "date"),
)

TCO_PARAMETERS: tuple[Field, ...] = (
    Field(
        "tco.horizon_years",
        "whole",
        required=True,
        minimum=MIN_HORIZON_YEARS,
        maximum=MAX_HORIZON_YEARS,
    ),
    Field("tco.discount_rate", "fraction", maximum=1, max_excluded=True),
    Field("tco.users", "whole"),
    Field("tco.contacts", "whole"),
    Field("tco.escalation", "rate", minimum=-1, maximum=1, min_excluded=True, max_excluded=True),
)

TCO_COLUMNS: tuple[Field, ...] = (
    Field("tco.col.option", "text", width=16, required=True),
    Field("tco.col.category", "choice", width=28, required=True, choices=Category),
    Field("tco.col.description", "text", width=36),
    Field("tco.col.frequency", "choice", width=13, required=True, choices=Frequency),
    Field("tco.col.basis", "choice", width=17, required=True, choices=Basis),
    Field("tco.col.unit_price", "number", width=14, hint=_POSITIVE_COSTS),
    Field("tco.col.quantity", "number", width=11, hint=_POSITIVE_COSTS),
    Field("tco.col.rate", "fraction", width=13, maximum=1),
    Field("tco.col.start_year", "whole", width=12, maximum=MAX_HORIZON_YEARS),
    Field("tco.col.end_year", "whole", width=12, maximum=MAX_HORIZON_YEARS),
    Field("tco.col.escalation", "rate", width=12, minimum=-1, maximum=1),
)

CHOICE_PREFIX: dict[type[StrEnum], str] = {
    Category: "category",
    Frequency: "frequency",
    Basis: "basis",
}
"""The TCO sheet's drop-down lists: enum -> prefix of its labels in i18n."""


@cache
def choice_prefixes() -> dict[type[StrEnum], str]:
    """Every drop-down list of the workbook, the TCO's, the vendor comparison's
    (:data:`crmwb.vendors.sheets.VENDOR_CHOICES`) then the journey's and the plan's
    (:data:`crmwb.journey.sheets.JOURNEY_CHOICES`), then the data map's
    (:data:`crmwb.dataflow.sheets.DATAFLOW_CHOICES`) and the project's
    (:data:`crmwb.project.sheets.PROJECT_CHOICES`)."""
    from crmwb.dataflow.sheets import DATAFLOW_CHOICES
    from crmwb.journey.sheets import JOURNEY_CHOICES
    from crmwb.project.sheets import PROJECT_CHOICES
    from crmwb.vendors.sheets import VENDOR_CHOICES

    return {
        **CHOICE_PREFIX,
        **VENDOR_CHOICES,
        **JOURNEY_CHOICES,
        **DATAFLOW_CHOICES,
        **PROJECT_CHOICES,
    }


# Template positions. The reader does not rely on them: it finds labels and headers by text.
PARAMETERS_FIRST_ROW = 4
TCO_HELP_ROW = 10
TCO_HEADER_ROW = 11

_TITLE_FONT = Font(bold=True, size=14, color="1F3864")
_HELP_FONT = Font(italic=True, size=9, color="595959")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


# --- writing ---------------------------------------------------------------------------------


def build_workbook(
    lang: Lang,
    about: About | None = None,
    tco: TcoInputs | None = None,
    vendors: VendorSheets | None = None,
    roi: RoiSheet | None = None,
    journey: Journey | None = None,
    plan: RelationshipPlan | None = None,
    data_map: DataMap | None = None,
    customer_file: CustomerFileSettings | None = None,
    project: ProjectSheets | None = None,
) -> Workbook:
    """A client workbook in ``lang``: the blank template when ``about``, ``tco`` and
    ``vendors`` are None, or one filled with them (the example clients are written this way).

    Sheets: About, TCO, the hidden Lists, then the vendor comparison's (Vendors, Criteria,
    Pairwise, Scores, Use cases, Pricing; empty when ``vendors`` is None), then ROI (empty when
    ``roi`` is None), then the journey's (Stages, Channels, Segments, Touchpoints, Personas,
    Paths; empty when ``journey`` is None) and the relationship plan's (Programmes, Scenarios,
    Campaigns, Conventions; empty when ``plan`` is None), then the data map's (Systems, Flows,
    Data dictionary, Use-case data; empty when ``data_map`` is None) and the Customer file
    (its parameters and roles; filled from ``customer_file``), then the project's (Project
    plan, Checklist, RACI, KPI tracking, Actions, Adoption; the default plan, the 17 steps and
    the seed RACI when ``project`` is None). New sheets go after Lists, so the sheets of
    workbooks made before them keep their places.
    """
    from crmwb.dataflow.sheets import write_customer_file_sheet, write_data_map_sheets
    from crmwb.journey.sheets import write_journey_sheets, write_plan_sheets
    from crmwb.project.sheets import write_project_sheets
    from crmwb.roi.sheets import write_roi_sheet
    from crmwb.vendors.sheets import write_vendor_sheets

    wb = Workbook()
    about_ws = wb.active
    assert about_ws is not None
    about_ws.title = t("sheet.about", lang)
    lists_ws = wb.create_sheet(t("sheet.lists", lang))
    _write_lists(lists_ws, wb, lang)
    _write_about(about_ws, lang, about)
    _write_tco(wb.create_sheet(t("sheet.tco", lang)), lang, tco)
    wb.move_sheet(lists_ws, offset=len(wb.sheetnames) - 1)
    lists_ws.sheet_state = "hidden"
    write_vendor_sheets(wb, lang, vendors)
    write_roi_sheet(wb, lang, roi)
    write_journey_sheets(wb, lang, journey)
    write_plan_sheets(wb, lang, plan)
    write_data_map_sheets(wb, lang, data_map)
    write_customer_file_sheet(wb, lang, customer_file)
    write_project_sheets(wb, lang, project)
    wb.active = 0
    return wb


def _list_name(enum: type[StrEnum]) -> str:
    return f"list_{choice_prefixes()[enum]}"


def _write_lists(ws: Worksheet, wb: Workbook, lang: Lang) -> None:
    """Drop-down values, one column per list, each behind a defined name."""
    lists: list[tuple[str, list[str]]] = [
        (_list_name(enum), [choice_label(member, lang) for member in enum])
        for enum in CHOICE_PREFIX
    ]
    lists.append(("list_language", list(i18n.LANGUAGES)))
    lists.append(("list_currency", list(i18n.CURRENCIES)))
    lists.extend(
        (_list_name(enum), [choice_label(member, lang) for member in enum])
        for enum in choice_prefixes()
        if enum not in CHOICE_PREFIX
    )
    for col, (name, values) in enumerate(lists, start=1):
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=name)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value)
        ref = f"'{ws.title}'!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)


def _write_title(ws: Worksheet, title: str, intro: str, width: int) -> None:
    ws["A1"] = title
    ws["A1"].font = _TITLE_FONT
    ws["A2"] = intro
    ws["A2"].font = _HELP_FONT
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.row_dimensions[2].height = 42


def _write_parameters(
    ws: Worksheet, fields: Sequence[Field], values: dict[str, Any], lang: Lang
) -> None:
    for row, spec in enumerate(fields, start=PARAMETERS_FIRST_ROW):
        label = ws.cell(row=row, column=1, value=t(spec.key, lang))
        label.font = Font(bold=True)
        cell = ws.cell(row=row, column=2, value=values.get(spec.key))
        cell.fill = _INPUT_FILL
        cell.border = _BOX
        _format_input(cell, spec)
        help_cell = ws.cell(row=row, column=3, value=t(spec.key + ".help", lang))
        help_cell.font = _HELP_FONT
        _add_validation(ws, spec, cell.coordinate, lang)


def _write_about(ws: Worksheet, lang: Lang, about: About | None) -> None:
    _write_title(ws, t("about.title", lang), t("about.intro", lang), 3)
    values: dict[str, Any] = {"about.language": lang, "about.currency": "EUR"}
    if about is not None:
        values = {
            "about.client_name": about.client_name,
            "about.language": about.language,
            "about.currency": about.currency,
            "about.consultant": about.consultant or None,
            "about.date": about.date,
        }
    _write_parameters(ws, ABOUT_FIELDS, values, lang)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 32
    ws.column_dimensions["C"].width = 70


def _write_tco(ws: Worksheet, lang: Lang, tco: TcoInputs | None) -> None:
    _write_title(ws, t("tco.sheet_title", lang), t("tco.sheet_intro", lang), len(TCO_COLUMNS))
    values: dict[str, Any] = {}
    if tco is not None:
        s = tco.settings
        values = {
            "tco.horizon_years": s.horizon_years,
            "tco.discount_rate": s.discount_rate,
            "tco.users": s.users,
            "tco.contacts": s.contacts,
            "tco.escalation": s.escalation,
        }
    _write_parameters(ws, TCO_PARAMETERS, values, lang)
    _write_table_header(ws, TCO_COLUMNS, lang)
    for row, line in enumerate(tco.lines if tco else (), start=TCO_HEADER_ROW + 1):
        cells = (
            line.option,
            choice_label(line.category, lang),
            line.description or None,
            choice_label(line.frequency, lang),
            choice_label(line.basis, lang),
            line.unit_price if line.basis is not Basis.PERCENT_OF_LICENCE else None,
            line.quantity,
            line.rate,
            line.start_year,
            line.end_year,
            line.escalation,
        )
        for col, (spec, value) in enumerate(zip(TCO_COLUMNS, cells, strict=True), start=1):
            cell = ws.cell(row=row, column=col, value=value)
            _format_input(cell, spec)
    ws.freeze_panes = ws.cell(row=TCO_HEADER_ROW + 1, column=2)


def _write_table_header(
    ws: Worksheet,
    columns: Sequence[Field],
    lang: Lang,
    *,
    help_row: int = TCO_HELP_ROW,
    header_row: int = TCO_HEADER_ROW,
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
        help_cell.font = _HELP_FONT
        help_cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        text = t(spec.key, lang) if headers is None else headers[offset]
        header = ws.cell(row=header_row, column=col, value=text)
        header.font = _HEADER_FONT
        header.fill = _HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="center")
        header.comment = Comment(t(spec.key + ".help", lang), "crmwb", width=260, height=90)
        ws.column_dimensions[letter].width = spec.width
        first, last = header_row + 1, header_row + rows
        _add_validation(ws, spec, f"{letter}{first}:{letter}{last}", lang, title=text)
        for row in range(first, last + 1):
            _format_input(ws.cell(row=row, column=col), spec)
    ws.row_dimensions[help_row].height = 66
    ws.row_dimensions[header_row].height = 30


def _format_input(cell: Cell, spec: Field) -> None:
    if spec.kind in ("fraction", "rate"):
        cell.number_format = "0.0%"
    elif spec.kind == "number":
        cell.number_format = "#,##0.00"
    elif spec.kind == "whole":
        cell.number_format = "0"
    elif spec.kind == "date":
        cell.number_format = "DD/MM/YYYY"


def _add_validation(
    ws: Worksheet, spec: Field, ref: str, lang: Lang, *, title: str | None = None
) -> None:
    """Excel's own checks, so most mistakes are caught while typing (``title``: the column's
    header, when it is not the field's label)."""
    dv: DataValidation | None = None
    if spec.kind == "choice" and spec.choices is not None:
        dv = DataValidation(type="list", formula1=_list_name(spec.choices), allow_blank=True)
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


def choice_label(member: StrEnum, lang: Lang) -> str:
    """The label of a drop-down value (``Category.LICENCE`` -> "Software licence")."""
    return t(f"{choice_prefixes()[type(member)]}.{member.value}", lang)


def save_workbook(wb: Workbook, path: Path) -> None:
    """Write ``wb`` to ``path`` through a temporary file, so a failure never leaves half a file
    where the consultant's workbook was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)


# --- reading ---------------------------------------------------------------------------------


P = ParamSpec("P")
R = TypeVar("R")


def _in_workbook_language(
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
        try:
            self._wb = load_workbook(self.path, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise WorkbookError(
                msg("err.xlsx"),
                file=self.file,
                found=msg("err.found.unreadable", kind=type(exc).__name__),
                hint=msg("err.hint.save_xlsx"),
                lang=lang,
            ) from None
        self.lang: Lang = lang or self._shown_language()
        """The language the workbook shows, in which its errors are written."""

    def _shown_language(self) -> Lang:
        """The language of the workbook's sheet names (its About tab: « À propos », « About »)."""
        titles = {_norm(ws.title) for ws in self._wb.worksheets}
        for lang in i18n.LANGUAGES:
            if _norm(t("sheet.about", lang)) in titles:
                return lang
        return i18n.DEFAULT_LANG

    # -- sheets and cells --

    def _formula(self, ws: Worksheet, cell: Cell) -> str | None:
        """The formula in an empty-looking ``cell`` (data_only=True shows a formula whose
        result was never saved, as in a file written by a script, as an empty cell)."""
        if ws.title not in self._formulas:
            # One streaming pass over this sheet's stored formulas (read-only mode: fast even
            # for a sheet of formatted empty rows), kept for the other empty cells.
            book = load_workbook(self.path, data_only=False, read_only=True)
            try:
                self._formulas[ws.title] = {
                    c.coordinate: c.value
                    for row in book[ws.title].iter_rows()
                    for c in row
                    if isinstance(c.value, str)
                    and c.value.startswith("=")
                    and hasattr(c, "coordinate")
                }
            finally:
                book.close()
        return self._formulas[ws.title].get(cell.coordinate)

    def sheet(self, key: str) -> Worksheet:
        """The sheet ``key`` (e.g. "sheet.tco"), named in either language."""
        wanted = {_norm(name) for name in i18n.all_labels(key)}
        for ws in self._wb.worksheets:
            if _norm(ws.title) in wanted:
                return ws
        raise WorkbookError(
            msg("err.sheet_named", names=Quoted(t(key, self.lang))),
            file=self.file,
            found=msg("err.found.sheets", names=tuple(Quoted(ws.title) for ws in self._wb)),
            lang=self.lang,
        )

    @_in_workbook_language
    def has_sheet(self, key: str) -> bool:
        try:
            self.sheet(key)
        except WorkbookError:
            return False
        return True

    def hidden_rows(self) -> tuple[HiddenRows, ...]:
        """The rows with data that Excel hides, sheet by sheet (by hand, then by a filter)."""
        found: list[HiddenRows] = []
        for ws in self._wb.worksheets:
            hidden = sorted(
                row
                for row, dimension in ws.row_dimensions.items()
                if dimension.hidden
                and any(not _blank(c.value) for c in next(ws.iter_rows(min_row=row, max_row=row)))
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
        labels = {_norm(label) for label in i18n.all_labels(spec.key)}

        def shown(value: object) -> bool:
            return isinstance(value, str) and _norm(value) in labels

        if cell.column > 1 and shown(label := ws.cell(row=cell.row, column=1).value):
            return str(label).strip()
        for row in range(cell.row - 1, 0, -1):
            if shown(header := ws.cell(row=row, column=cell.column).value):
                return str(header).strip()
        return t(spec.key, self.lang)

    def _parameter_cells(self, ws: Worksheet, fields: Sequence[Field]) -> dict[str, Cell]:
        """Column-B cells of the labelled parameters, found by their label in column A."""
        by_label = {
            _norm(label): spec.key for spec in fields for label in i18n.all_labels(spec.key)
        }
        found: dict[str, Cell] = {}
        for row in ws.iter_rows(min_col=1, max_col=2, max_row=min(ws.max_row, 60)):
            label = row[0].value
            if isinstance(label, str) and _norm(label) in by_label:
                found.setdefault(by_label[_norm(label)], row[1])
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

    def _table(self, ws: Worksheet, columns: Sequence[Field]) -> tuple[dict[str, int], int]:
        """The header row (found by its first column's label) and each column's index."""
        first = {_norm(label) for label in i18n.all_labels(columns[0].key)}
        header_row = None
        for row in ws.iter_rows(min_col=1, max_col=1):
            value = row[0].value
            if isinstance(value, str) and _norm(value) in first:
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
            _norm(label): spec.key for spec in columns for label in i18n.all_labels(spec.key)
        }
        index: dict[str, int] = {}
        for cell in ws[header_row]:
            if isinstance(cell.value, str) and _norm(cell.value) in by_label:
                index.setdefault(by_label[_norm(cell.value)], cell.column)
        for position, spec in enumerate(columns, start=1):
            if spec.key not in index:
                # the template's place for the column, or the first cell after the table
                where = ws.cell(row=header_row, column=position)
                if isinstance(where.value, str) and _norm(where.value) in by_label:
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

    def _rows(
        self, ws: Worksheet, index: dict[str, int], header_row: int
    ) -> Iterator[dict[str, Cell]]:
        """Data rows under the header, skipping blank ones."""
        for row in ws.iter_rows(min_row=header_row + 1):
            cells = {key: row[col - 1] for key, col in index.items() if col - 1 < len(row)}
            if any(not _blank(c.value) for c in cells.values()):
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
        if _blank(raw):
            if spec.required:
                assert cell is not None
                name = what or self.shown_label(ws, cell, spec)
                raise self._error(ws, cell, msg("err.value_for", name=name), _EMPTY)
            return None
        assert cell is not None
        return _convert(self, ws, cell, raw, spec, what)

    # -- the sheets --

    @_in_workbook_language
    def read_about(self) -> About:
        ws = self.sheet("sheet.about")
        cells = self._parameter_cells(ws, ABOUT_FIELDS)
        v = {spec.key: self.value(ws, cells.get(spec.key), spec) for spec in ABOUT_FIELDS}
        return About(
            client_name=v["about.client_name"],
            language=v["about.language"],
            currency=v["about.currency"] or "EUR",
            consultant=v["about.consultant"] or "",
            date=v["about.date"],
        )

    @_in_workbook_language
    def read_tco_settings(self) -> TcoSettings:
        """The TCO sheet's settings (horizon, discount rate, users, contacts, escalation),
        shared by its cost lines and by the vendor pricing."""
        return self._tco_settings(self.sheet("sheet.tco"))[0]

    def _tco_settings(self, ws: Worksheet) -> tuple[TcoSettings, dict[str, Cell]]:
        cells = self._parameter_cells(ws, TCO_PARAMETERS)
        p = {spec.key: self.value(ws, cells.get(spec.key), spec) for spec in TCO_PARAMETERS}
        settings = TcoSettings(
            horizon_years=p["tco.horizon_years"],
            discount_rate=p["tco.discount_rate"] or 0.0,
            users=p["tco.users"] or 0,
            contacts=p["tco.contacts"] or 0,
            escalation=p["tco.escalation"] or 0.0,
        )
        return settings, cells

    @_in_workbook_language
    def has_tco(self) -> bool:
        """Whether the TCO sheet lists at least one cost line (a new client's does not)."""
        if not self.has_sheet("sheet.tco"):
            return False
        ws = self.sheet("sheet.tco")
        try:
            index, header_row = self._table(ws, TCO_COLUMNS)
        except WorkbookError:
            return False
        return any(True for _ in self._rows(ws, index, header_row))

    @_in_workbook_language
    def read_tco(self) -> TcoInputs:
        ws = self.sheet("sheet.tco")
        settings, cells = self._tco_settings(ws)
        index, header_row = self._table(ws, TCO_COLUMNS)
        lines: list[CostLine] = []
        row_cells: list[dict[str, Cell]] = []
        for row in self._rows(ws, index, header_row):
            v = {spec.key: self.value(ws, row[spec.key], spec) for spec in TCO_COLUMNS}
            lines.append(self._cost_line(ws, row, v, settings, cells))
            row_cells.append(row)
        if not lines:
            raise WorkbookError(
                msg("tco.err.no_cost_line", row=header_row),
                file=self.file,
                sheet=ws.title,
                cell=f"{get_column_letter(index['tco.col.option'])}{header_row + 1}",
                found=msg("tco.err.found.no_cost_line"),
                lang=self.lang,
            )
        self._check_licence_bases(ws, lines, row_cells)
        return TcoInputs(settings=settings, lines=tuple(lines))

    def _cost_line(
        self,
        ws: Worksheet,
        row: dict[str, Cell],
        v: dict[str, Any],
        settings: TcoSettings,
        parameters: dict[str, Cell],
    ) -> CostLine:
        basis: Basis = v["tco.col.basis"]
        frequency: Frequency = v["tco.col.frequency"]
        horizon = settings.horizon_years
        shown_basis = row["tco.col.basis"].value  # the drop-down value as the workbook shows it
        basis_label = (
            shown_basis.strip() if isinstance(shown_basis, str) else choice_label(basis, self.lang)
        )
        if basis is Basis.PERCENT_OF_LICENCE and v["tco.col.rate"] is None:
            raise self._error(
                ws, row["tco.col.rate"], msg("tco.err.rate_for_percent", basis=basis_label), _EMPTY
            )
        if basis is not Basis.PERCENT_OF_LICENCE and v["tco.col.unit_price"] is None:
            raise self._error(ws, row["tco.col.unit_price"], msg("tco.err.unit_price"), _EMPTY)
        if basis is Basis.PER_DAY and v["tco.col.quantity"] is None:
            raise self._error(
                ws,
                row["tco.col.quantity"],
                msg("tco.err.days_for_per_day", basis=basis_label),
                _EMPTY,
            )
        for key, what, default in (
            ("tco.col.quantity", "tco.users", (Basis.PER_USER, settings.users)),
            ("tco.col.quantity", "tco.contacts", (Basis.PER_CONTACT, settings.contacts)),
        ):
            if basis is default[0] and v[key] is None and not default[1]:
                spec = next(spec for spec in TCO_PARAMETERS if spec.key == what)
                raise WorkbookError(
                    msg(
                        "tco.err.quantity_default",
                        what=(
                            self.shown_label(ws, parameters[what], spec)
                            if what in parameters
                            else t(what, self.lang)
                        ),
                        row=row[key].row,
                        basis=basis_label,
                    ),
                    file=self.file,
                    sheet=ws.title,
                    cell=parameters[what].coordinate if what in parameters else None,
                    found=msg("tco.err.found.zero_or_empty"),
                    lang=self.lang,
                )
        start, end = v["tco.col.start_year"], v["tco.col.end_year"]
        if start is not None and start > horizon:
            raise self._error(
                ws,
                row["tco.col.start_year"],
                msg("tco.err.start_year", horizon=horizon),
                str(start),
            )
        if end is not None:
            if frequency is Frequency.ONE_OFF:
                raise self._error(
                    ws,
                    row["tco.col.end_year"],
                    msg("tco.err.no_end_year"),
                    str(end),
                    msg("tco.err.hint.one_off"),
                )
            first = 1 if start is None else start
            if not first <= end <= horizon:
                raise self._error(
                    ws,
                    row["tco.col.end_year"],
                    msg("tco.err.end_year", first=first, horizon=horizon),
                    str(end),
                )
        try:
            return CostLine(
                option=str(v["tco.col.option"]).strip(),
                category=v["tco.col.category"],
                frequency=frequency,
                basis=basis,
                unit_price=v["tco.col.unit_price"] or 0.0,
                quantity=v["tco.col.quantity"],
                rate=v["tco.col.rate"],
                start_year=start,
                end_year=end,
                escalation=v["tco.col.escalation"],
                description=v["tco.col.description"] or "",
                source=f"{ws.title}!{row['tco.col.option'].coordinate}",
            )
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self._error(
                ws, row["tco.col.option"], exc.expected, msg("tco.err.found.inconsistent")
            ) from None

    def _check_licence_bases(
        self, ws: Worksheet, lines: Sequence[CostLine], rows: Sequence[dict[str, Cell]]
    ) -> None:
        with_licence = {line.option for line in lines if line.category is Category.LICENCE}
        for line, row in zip(lines, rows, strict=True):
            if line.basis is Basis.PERCENT_OF_LICENCE and line.option not in with_licence:
                raise self._error(
                    ws,
                    row["tco.col.basis"],
                    msg(
                        "tco.err.licence_for_percent",
                        licence=t("category.licence", self.lang),
                        option=line.option,
                        basis=t("basis.percent_of_licence", self.lang),
                    ),
                    msg("tco.err.found.no_licence"),
                )

    # -- the vendor comparison (crmwb.vendors.sheets) --

    @_in_workbook_language
    def has_vendor_comparison(self) -> bool:
        """Whether the workbook has the vendor comparison's sheets (older ones do not)."""
        return all(self.has_sheet(key) for key in ("sheet.vendors", "sheet.criteria"))

    @_in_workbook_language
    def read_vendor_comparison(self) -> VendorInputs:
        """The Vendors, Criteria, Pairwise (AHP), Scores and Use cases sheets: the score sheet
        with its global weights, the coverage sheet (None without use cases), the weighting
        details and the warnings. See :func:`crmwb.vendors.sheets.read_vendor_comparison`."""
        from crmwb.vendors.sheets import read_vendor_comparison

        return read_vendor_comparison(self)

    # -- the ROI (crmwb.roi.sheets) --

    @_in_workbook_language
    def has_roi(self) -> bool:
        """Whether the workbook has an ROI sheet with at least one lever or benefit row."""
        from crmwb.roi.sheets import has_roi

        return has_roi(self)

    @_in_workbook_language
    def read_roi(self) -> RoiCase:
        """The ROI sheet as a :class:`~crmwb.roi.RoiCase`, on the TCO sheet's horizon and with
        the chosen TCO option's costs. See :func:`crmwb.roi.sheets.read_roi`."""
        from crmwb.roi.sheets import read_roi

        return read_roi(self)

    # -- the customer journey and the relationship plan (crmwb.journey.sheets) --

    @_in_workbook_language
    def has_journey(self) -> bool:
        """Whether the workbook has a Stages sheet with at least one stage."""
        from crmwb.journey.sheets import has_journey

        return has_journey(self)

    @_in_workbook_language
    def read_journey(self) -> Journey:
        """The journey sheets (Stages, Channels, Segments, Touchpoints, Personas, Paths) as a
        :class:`~crmwb.journey.model.Journey`. See :func:`crmwb.journey.sheets.read_journey`."""
        from crmwb.journey.sheets import read_journey

        return read_journey(self)

    @_in_workbook_language
    def has_plan(self) -> bool:
        """Whether the workbook has a Programmes sheet with at least one programme."""
        from crmwb.journey.sheets import has_plan

        return has_plan(self)

    @_in_workbook_language
    def read_plan(self) -> RelationshipPlan:
        """The plan's sheets (Programmes, Scenarios, Campaigns, Conventions) as a
        :class:`~crmwb.plan.model.RelationshipPlan`. See :func:`crmwb.journey.sheets.read_plan`."""
        from crmwb.journey.sheets import read_plan

        return read_plan(self)

    # -- the data map and the customer file (crmwb.dataflow.sheets) --

    @_in_workbook_language
    def has_data_map(self) -> bool:
        """Whether the workbook has a Systems sheet with at least one system."""
        from crmwb.dataflow.sheets import has_data_map

        return has_data_map(self)

    @_in_workbook_language
    def read_data_map(self) -> DataMap:
        """The data map's sheets (Systems, Flows, Data dictionary, Use-case data) as a
        :class:`~crmwb.dataflow.DataMap`. See :func:`crmwb.dataflow.sheets.read_data_map`."""
        from crmwb.dataflow.sheets import read_data_map

        return read_data_map(self)

    @_in_workbook_language
    def has_customer_file(self) -> bool:
        """Whether the workbook has a Customer file sheet whose File is filled in."""
        from crmwb.dataflow.sheets import has_customer_file

        return has_customer_file(self)

    @_in_workbook_language
    def read_customer_file_settings(self) -> CustomerFileSettings:
        """The Customer file sheet as :class:`~crmwb.dataflow.sheets.CustomerFileSettings`.
        See :func:`crmwb.dataflow.sheets.read_customer_file_settings`."""
        from crmwb.dataflow.sheets import read_customer_file_settings

        return read_customer_file_settings(self)

    # -- the project plan and the governance (crmwb.project.sheets) --

    @_in_workbook_language
    def has_project_plan(self) -> bool:
        """Whether the workbook has a Project plan sheet with a start date and a phase."""
        from crmwb.project.sheets import has_project_plan

        return has_project_plan(self)

    @_in_workbook_language
    def read_project_plan(self) -> ProjectPlanInputs:
        """The Project plan and Checklist sheets. See
        :func:`crmwb.project.sheets.read_project_plan`."""
        from crmwb.project.sheets import read_project_plan

        return read_project_plan(self)

    @_in_workbook_language
    def has_raci(self) -> bool:
        """Whether the workbook has a RACI sheet with at least one task."""
        from crmwb.project.sheets import has_raci

        return has_raci(self)

    @_in_workbook_language
    def read_raci(self) -> Raci:
        """The RACI sheet as a :class:`~crmwb.project.governance.Raci`. See
        :func:`crmwb.project.sheets.read_raci`."""
        from crmwb.project.sheets import read_raci

        return read_raci(self)

    @_in_workbook_language
    def has_steering(self) -> bool:
        """Whether the workbook has KPI tracking, Actions or Adoption rows."""
        from crmwb.project.sheets import has_steering

        return has_steering(self)

    @_in_workbook_language
    def read_steering(self) -> SteeringInputs:
        """The KPI tracking, Actions and Adoption sheets. See
        :func:`crmwb.project.sheets.read_steering`."""
        from crmwb.project.sheets import read_steering

        return read_steering(self)


def read_workbook(path: Path | str, lang: Lang | None = None) -> WorkbookReader:
    """Open a client's workbook for reading (raises WorkbookError if it cannot be read).

    Its errors are written in ``lang``, by default the language the workbook shows."""
    return WorkbookReader(path, lang)


# --- cell conversion -------------------------------------------------------------------------


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


_EMPTY = msg("err.found.empty")


def _describe(value: object) -> Text:
    """What a cell holds, for an error's « found »: the text « abc », the date 2026-03-01..."""
    if isinstance(value, str):
        return msg("err.found.text", value=value)
    if isinstance(value, (dt.date, dt.datetime)):
        return msg("err.found.date", value=f"{value:%Y-%m-%d}")
    if isinstance(value, bool):
        return msg("err.found.logical", value=value)
    if isinstance(value, float) and not value.is_integer():
        return Number(value)
    return _plain(value)


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _convert(
    reader: WorkbookReader, ws: Worksheet, cell: Cell, raw: Any, spec: Field, what: str | None
) -> Any:
    err = reader._error

    def name() -> str:
        return what or reader.shown_label(ws, cell, spec)

    kind = spec.kind
    if kind == "text":
        text = _plain(raw).strip() if not isinstance(raw, str) else raw.strip()
        return text
    if kind == "choice":
        assert spec.choices is not None
        return _choice(reader, ws, cell, raw, spec.choices, name())
    if kind == "language":
        try:
            return i18n.check_lang(raw)
        except ValueError:
            languages = tuple(Quoted(code) for code in i18n.LANGUAGES)
            raise err(ws, cell, msg("err.language", languages=languages), _describe(raw)) from None
    if kind == "currency":
        code = str(raw).strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise err(ws, cell, msg("err.currency"), _describe(raw))
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
            raise err(ws, cell, msg("err.date_for", name=name()), _describe(raw))
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
        raise err(ws, cell, msg("err.number_for", name=name()), _describe(raw), hint)
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


def typed_number(raw: float) -> Text:
    """A number typed in a cell, for an error: written with the reader's decimal sign."""
    return str(int(raw)) if float(raw).is_integer() else Number(float(raw))


def _choice(
    reader: WorkbookReader, ws: Worksheet, cell: Cell, raw: Any, enum: type[E], name: str
) -> E:
    prefix = choice_prefixes()[enum]
    wanted = _norm(str(raw))
    for member in enum:
        labels = (
            member.value,
            member.value.replace("_", " "),
            *i18n.all_labels(f"{prefix}.{member.value}"),
        )
        if wanted in {_norm(label) for label in labels}:
            return member
    allowed = tuple(Quoted(t(f"{prefix}.{m.value}", reader.lang)) for m in enum)
    raise reader._error(
        ws,
        cell,
        msg("err.choice", allowed=allowed, name=name),
        _describe(raw),
        msg("err.hint.pick_from_list"),
    )
