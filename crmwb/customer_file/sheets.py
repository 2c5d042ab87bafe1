"""The Customer file sheet of the client workbook <-> :class:`CustomerFileSettings`: where the
client's customer file is (a path in the client folder, an Excel sheet), the country its phones and
postcodes default to, the date ages count from, and which of the client's columns holds each role
(:class:`~crmwb.customer_file.mapping.CustomerRole`: e-mail, last name, date of birth...)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.countries import EU_EEA
from crmwb.core.errors import Msg, Quoted, WorkbookError, msg
from crmwb.core.i18n import Lang, match_key, t
from crmwb.customer_file.mapping import CustomerRole
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, describe, is_blank
from crmwb.workbook.layout import write_parameters, write_table_header, write_title
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    TableReader,
    text_field,
)

CUSTOMER_FILE_CHOICES: dict[type[StrEnum], str] = {CustomerRole: "customer_role"}
"""The Customer file sheet's drop-down list (the roles)."""

_D = "dataflow_sheet."

DEFAULT_COUNTRY = "FR"


@dataclass(frozen=True)
class CustomerFileSettings:
    """Where the client's customer file is and how to read it: ``path`` relative to the client
    folder, ``sheet`` for an XLSX (None: the first), ``country`` the ISO code phone numbers and
    postcodes default to, ``reference_date`` the date ages are counted from (None: today), and
    ``mapping``: role value (:class:`CustomerRole`) -> the client's column name."""

    path: str
    sheet: str | None = None
    country: str = DEFAULT_COUNTRY
    reference_date: dt.date | None = None
    mapping: dict[str, str] = field(default_factory=dict, hash=False)


CUSTOMER_FILE_PARAMETERS: tuple[Field, ...] = (
    text_field(_D + "customer_file.file", 32, required=True),
    text_field(_D + "customer_file.sheet", 32),
    text_field(_D + "customer_file.country", 32),
    Field(_D + "customer_file.reference_date", "date", 32),
)


MAPPING_COLUMNS: tuple[Field, ...] = (
    Field(_D + "customer_file.col.role", "choice", 30, choices=CustomerRole),
    text_field(_D + "customer_file.col.column", 32),
    text_field(_D + "customer_file.col.description", 70),
)
"""The Customer file sheet's table; the Description column is written, not read."""


CONFIDENTIAL_DIR = "confidential"
"""The folder of a run's output directory for what is not sent with the deliverables: the
duplicate clusters name customers by their ids (``<output_dir>/confidential/``)."""

CUSTOMER_FILE_SHEET = "sheet.customer_file"


MAPPING_HELP_ROW = 9


MAPPING_HEADER_ROW = 10
"""Template rows of the Customer file sheet's table (parameters in rows 4-7)."""


def write_customer_file_sheet(
    wb: Workbook, lang: Lang, settings: CustomerFileSettings | None = None
) -> None:
    """Add the Customer file sheet to ``wb``: its parameters (Country FR by default) and one
    row per role, the client's column names filled from ``settings`` when given."""
    ws = wb.create_sheet(t(CUSTOMER_FILE_SHEET, lang))
    intro = t(_D + "customer_file.sheet_intro", lang)
    write_title(ws, t(_D + "customer_file.sheet_title", lang), intro, len(MAPPING_COLUMNS))
    ws.row_dimensions[2].height = 70
    s = settings
    values: dict[str, Any] = {
        _D + "customer_file.file": s.path if s else None,
        _D + "customer_file.sheet": s.sheet if s else None,
        _D + "customer_file.country": s.country if s else DEFAULT_COUNTRY,
        _D + "customer_file.reference_date": s.reference_date if s else None,
    }
    write_parameters(ws, CUSTOMER_FILE_PARAMETERS, values, lang)
    n = len(CustomerRole) + 10
    write_table_header(
        ws,
        MAPPING_COLUMNS,
        lang,
        help_row=MAPPING_HELP_ROW,
        header_row=MAPPING_HEADER_ROW,
        rows=n,
    )
    mapping = s.mapping if s else {}
    for row, role in enumerate(CustomerRole, start=MAPPING_HEADER_ROW + 1):
        ws.cell(row=row, column=1, value=choice_label(role, lang)).font = Font(bold=True)
        ws.cell(row=row, column=2, value=mapping.get(role.value))
        description = ws.cell(row=row, column=3, value=t(f"customer_role.{role.value}.help", lang))
        description.font = Font(italic=True, size=9, color="595959")
        description.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABC", (30, 32, 70), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = ws.cell(row=MAPPING_HEADER_ROW + 1, column=2)


@in_workbook_language
def has_customer_file(reader: WorkbookReader) -> bool:
    """The workbook has a Customer file sheet whose File is filled in."""
    if not reader.has_sheet(CUSTOMER_FILE_SHEET):
        return False
    ws = reader.sheet(CUSTOMER_FILE_SHEET)
    try:
        cells = reader.parameter_cells(ws, CUSTOMER_FILE_PARAMETERS)
    except WorkbookError:
        return False
    return not is_blank(cells[CUSTOMER_FILE_PARAMETERS[0].key].value)


@in_workbook_language
def read_customer_file_settings(reader: WorkbookReader) -> CustomerFileSettings:
    """Read and check the Customer file sheet: File required (a relative path), Country an ISO
    code of two letters (empty: FR), Reference date a date (empty: today, None), and the
    client's column of each role (a role with no column is left out of the mapping)."""
    return _CustomerFileReader(reader).read()


_ABSOLUTE = re.compile(r"^([A-Za-z]:)?[\\/]")


class _CustomerFileReader(TableReader):
    def read(self) -> CustomerFileSettings:
        ws = self.r.sheet(CUSTOMER_FILE_SHEET)
        p = CUSTOMER_FILE_PARAMETERS
        cells = self.r.parameter_cells(ws, p)
        v = {spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in p}
        path = self.path(ws, cells[p[0].key], v[p[0].key])
        country = v[p[2].key] or DEFAULT_COUNTRY
        if not re.fullmatch(r"[A-Za-z]{2}", country):
            raise self.fail(
                ws,
                cells[p[2].key],
                msg("dataflow_sheet.err.country"),
                describe(country),
                _country_hint(country),
            )
        return CustomerFileSettings(
            path=path,
            sheet=v[p[1].key] or None,
            country=country.upper(),
            reference_date=v[p[3].key],
            mapping=self.mapping(ws),
        )

    def path(self, ws: Worksheet, cell: Cell, text: str) -> str:
        path = text.replace("\\", "/")
        if _ABSOLUTE.match(text) or ".." in path.split("/"):
            raise self.fail(
                ws,
                cell,
                msg("dataflow_sheet.err.relative_path"),
                describe(text),
                msg("dataflow_sheet.err.hint.copy_into_folder"),
            )
        return path

    def mapping(self, ws: Worksheet) -> dict[str, str]:
        role_key, column_key = (spec.key for spec in MAPPING_COLUMNS[:2])
        seen: dict[str, Cell] = {}
        mapping: dict[str, str] = {}
        for cells, v in self.table(ws, MAPPING_COLUMNS[:2]):
            column: str | None = v[column_key]
            if not column:
                continue
            role: CustomerRole | None = v[role_key]
            if role is None:
                raise self.fail(
                    ws,
                    cells[role_key],
                    msg("dataflow_sheet.err.role_for_column", column=Quoted(column)),
                    msg("err.found.empty"),
                    msg("err.hint.pick_from_list"),
                )
            self.once(ws, cells[role_key], role.value, seen, "role", choice_label(role, self.lang))
            mapping[role.value] = column
        return mapping


def _country_hint(text: str) -> Msg | None:
    """The ISO code of an EU/EEA country typed by its name ("France" -> FR)."""
    for code, names in EU_EEA.items():
        if match_key(text) in {match_key(name) for name in names}:
            return msg("err.hint.did_you_mean", name=code)
    return None
