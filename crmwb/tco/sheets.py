"""The TCO sheet of the client workbook <-> :class:`~crmwb.tco.model.TcoSettings` and its cost
lines: the settings shared by every option (horizon, discount rate, users, contacts,
escalation), then one row per cost line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import CrmwbError, WorkbookError, msg
from crmwb.core.i18n import Lang, t
from crmwb.tco.model import (
    MAX_HORIZON_YEARS,
    MIN_HORIZON_YEARS,
    Basis,
    Category,
    CostLine,
    Frequency,
    TcoSettings,
)
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import EMPTY, Field
from crmwb.workbook.layout import (
    TABLE_HEADER_ROW,
    TABLE_HELP_ROW,
    format_input,
    write_parameters,
    write_table_header,
    write_title,
)
from crmwb.workbook.reader import WorkbookReader, in_workbook_language


@dataclass(frozen=True)
class TcoInputs:
    """The TCO sheet: settings shared by all options, and the cost lines."""

    settings: TcoSettings
    lines: tuple[CostLine, ...]


_POSITIVE_COSTS = msg("tco.err.hint.positive_costs")

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

TCO_CHOICES: dict[type[StrEnum], str] = {
    Category: "category",
    Frequency: "frequency",
    Basis: "basis",
}
"""The TCO sheet's drop-down lists: enum -> prefix of its labels in i18n."""


TCO_HELP_ROW = TABLE_HELP_ROW
TCO_HEADER_ROW = TABLE_HEADER_ROW


def write_tco_sheet(wb: Workbook, lang: Lang, tco: TcoInputs | None = None) -> None:
    """Add the TCO sheet to ``wb``: empty, with help and checks, or filled with ``tco``."""
    ws = wb.create_sheet(t("sheet.tco", lang))
    write_title(ws, t("tco.sheet_title", lang), t("tco.sheet_intro", lang), len(TCO_COLUMNS))
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
    write_parameters(ws, TCO_PARAMETERS, values, lang)
    write_table_header(ws, TCO_COLUMNS, lang)
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
            format_input(cell, spec)
    ws.freeze_panes = ws.cell(row=TCO_HEADER_ROW + 1, column=2)


@in_workbook_language
def read_tco_settings(reader: WorkbookReader) -> TcoSettings:
    """The TCO sheet's settings (horizon, discount rate, users, contacts, escalation),
    shared by its cost lines and by the vendor pricing."""
    return _tco_settings(reader, reader.sheet("sheet.tco"))[0]


def _tco_settings(reader: WorkbookReader, ws: Worksheet) -> tuple[TcoSettings, dict[str, Cell]]:
    cells = reader.parameter_cells(ws, TCO_PARAMETERS)
    p = {spec.key: reader.value(ws, cells.get(spec.key), spec) for spec in TCO_PARAMETERS}
    settings = TcoSettings(
        horizon_years=p["tco.horizon_years"],
        discount_rate=p["tco.discount_rate"] or 0.0,
        users=p["tco.users"] or 0,
        contacts=p["tco.contacts"] or 0,
        escalation=p["tco.escalation"] or 0.0,
    )
    return settings, cells


@in_workbook_language
def has_tco(reader: WorkbookReader) -> bool:
    """Whether the TCO sheet lists at least one cost line (a new client's does not)."""
    if not reader.has_sheet("sheet.tco"):
        return False
    ws = reader.sheet("sheet.tco")
    try:
        index, header_row = reader.table(ws, TCO_COLUMNS)
    except WorkbookError:
        return False
    return any(True for _ in reader.rows(ws, index, header_row))


@in_workbook_language
def read_tco(reader: WorkbookReader) -> TcoInputs:
    ws = reader.sheet("sheet.tco")
    settings, cells = _tco_settings(reader, ws)
    index, header_row = reader.table(ws, TCO_COLUMNS)
    lines: list[CostLine] = []
    row_cells: list[dict[str, Cell]] = []
    for row in reader.rows(ws, index, header_row):
        v = {spec.key: reader.value(ws, row[spec.key], spec) for spec in TCO_COLUMNS}
        lines.append(_cost_line(reader, ws, row, v, settings, cells))
        row_cells.append(row)
    if not lines:
        raise WorkbookError(
            msg("tco.err.no_cost_line", row=header_row),
            file=reader.file,
            sheet=ws.title,
            cell=f"{get_column_letter(index['tco.col.option'])}{header_row + 1}",
            found=msg("tco.err.found.no_cost_line"),
            lang=reader.lang,
        )
    _check_licence_bases(reader, ws, lines, row_cells)
    return TcoInputs(settings=settings, lines=tuple(lines))


def _cost_line(
    reader: WorkbookReader,
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
        shown_basis.strip() if isinstance(shown_basis, str) else choice_label(basis, reader.lang)
    )
    if basis is Basis.PERCENT_OF_LICENCE and v["tco.col.rate"] is None:
        raise reader.error(
            ws, row["tco.col.rate"], msg("tco.err.rate_for_percent", basis=basis_label), EMPTY
        )
    if basis is not Basis.PERCENT_OF_LICENCE and v["tco.col.unit_price"] is None:
        raise reader.error(ws, row["tco.col.unit_price"], msg("tco.err.unit_price"), EMPTY)
    if basis is Basis.PER_DAY and v["tco.col.quantity"] is None:
        raise reader.error(
            ws,
            row["tco.col.quantity"],
            msg("tco.err.days_for_per_day", basis=basis_label),
            EMPTY,
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
                        reader.shown_label(ws, parameters[what], spec)
                        if what in parameters
                        else t(what, reader.lang)
                    ),
                    row=row[key].row,
                    basis=basis_label,
                ),
                file=reader.file,
                sheet=ws.title,
                cell=parameters[what].coordinate if what in parameters else None,
                found=msg("tco.err.found.zero_or_empty"),
                lang=reader.lang,
            )
    start, end = v["tco.col.start_year"], v["tco.col.end_year"]
    if start is not None and start > horizon:
        raise reader.error(
            ws,
            row["tco.col.start_year"],
            msg("tco.err.start_year", horizon=horizon),
            str(start),
        )
    if end is not None:
        if frequency is Frequency.ONE_OFF:
            raise reader.error(
                ws,
                row["tco.col.end_year"],
                msg("tco.err.no_end_year"),
                str(end),
                msg("tco.err.hint.one_off"),
            )
        first = 1 if start is None else start
        if not first <= end <= horizon:
            raise reader.error(
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
        raise reader.error(
            ws, row["tco.col.option"], exc.expected, msg("tco.err.found.inconsistent")
        ) from None


def _check_licence_bases(
    reader: WorkbookReader,
    ws: Worksheet,
    lines: Sequence[CostLine],
    rows: Sequence[dict[str, Cell]],
) -> None:
    with_licence = {line.option for line in lines if line.category is Category.LICENCE}
    for line, row in zip(lines, rows, strict=True):
        if line.basis is Basis.PERCENT_OF_LICENCE and line.option not in with_licence:
            raise reader.error(
                ws,
                row["tco.col.basis"],
                msg(
                    "tco.err.licence_for_percent",
                    licence=t("category.licence", reader.lang),
                    option=line.option,
                    basis=t("basis.percent_of_licence", reader.lang),
                ),
                msg("tco.err.found.no_licence"),
            )
