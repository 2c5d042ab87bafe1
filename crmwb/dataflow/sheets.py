"""The data map's sheets of the client workbook <-> :class:`~crmwb.dataflow.DataMap`, and the
Customer file sheet <-> :class:`CustomerFileSettings` (DOMAIN.md §5).

Five sheets, named in French or English, after the relationship plan's, each with a title, an
intro line, a help row and a header row whose cells carry the help as a comment; the reader
finds headers and labels by their text, in either language, never by position:

* **Systems** (*Systèmes*): Name | Type (ERP, e-commerce, CRM, e-mailing, call centre,
  spreadsheet, other; empty: other) | Role (source, hub / *pivot*, activation) | Owner | Hosts
  personal data (yes / no; empty: no) | Location (country or region) | Retention.
* **Flows** (*Flux*): Source | Target (systems of the Systems sheet) | Data objects (separated
  by commas or semicolons) | Frequency (real time, hourly, daily, weekly, monthly, on demand) |
  Method (API, file, ETL, manual) | Volume per run | Personal data (yes / no) | Legal basis
  (consent, contract, legal obligation, vital interests, public task, legitimate interests;
  empty: not stated). A cycle of flows is allowed.
* **Data dictionary** (*Dictionnaire de données*): System | Field | Meaning | Data object |
  Personal (yes / no) | Sensitive (yes / no). A sensitive field is personal: "Sensitive: yes"
  with "Personal" empty reads as personal, with "Personal: no" is an error.
* **Use-case data** (*Données des cas d'usage*): Use case | Programme | Data objects required |
  System (empty: any activation system). Not the vendor comparison's "Use cases" sheet, which
  scores vendors.
* **Customer file** (*Fichier clients*): the parameters File (a path relative to the client
  folder, e.g. customers.csv), Sheet (for an XLSX), Country (ISO code, FR by default) and
  Reference date (empty: today); then a table Role | Client's column (| Description, not read),
  one row per :class:`CustomerRole`, where the consultant types the client's column name.

Every cell is checked before the domain objects are built, and a bad one raises a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell, with a "did you
mean" hint for a misspelt system or drop-down value: a flow, a field or a use case on an
unknown system, a system named twice, a volume that is not a whole number, an unknown
drop-down value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import CrmwbError, Msg, Quoted, Text, WorkbookError, msg
from crmwb.core.i18n import Lang, t
from crmwb.dataflow.model import (
    EU_EEA,
    CustomerRole,
    DataField,
    DataMap,
    Flow,
    FlowFrequency,
    LegalBasis,
    Method,
    Role,
    System,
    SystemType,
    UseCaseNeed,
    match_key,
)
from crmwb.journey.sheets import (
    PROGRAMME_NAMES,
    PROGRAMMES,
    _has_rows,
    _joined,
    _Lookup,
    _Names,
    _sheet_language,
    _SheetReader,
    _split,
    _Table,
    _write_table_sheet,
)
from crmwb.vendors.sheets import YesNo
from crmwb.workbook.book import (
    Field,
    WorkbookReader,
    _blank,
    _describe,
    _norm,
    _write_parameters,
    _write_table_header,
    _write_title,
    choice_label,
    choice_prefixes,
)

# --- the vocabulary ----------------------------------------------------------------------------


DATAFLOW_CHOICES: dict[type[StrEnum], str] = {
    SystemType: "system_type",
    Role: "system_role",
    FlowFrequency: "flow_frequency",
    Method: "flow_method",
    LegalBasis: "legal_basis",
    CustomerRole: "customer_role",
}
"""The drop-down lists of these sheets: enum -> prefix of its labels in i18n (a list on the
hidden Lists sheet each, named ``list_<prefix>``). Yes / no is the vendor sheets' ``yes_no``."""

DEFAULT_COUNTRY = "FR"

SYSTEM_NAMES = "system_names"
"""The defined name over the Systems sheet's first column, feeding the other sheets' drop-downs."""


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


# --- the layout, shared by the writer and the reader -------------------------------------------

_D = "dataflow_sheet."


def _text(key: str, width: float, required: bool = False) -> Field:
    return Field(key, "text", width=width, required=required)


def _yes_no(key: str, width: float = 12) -> Field:
    return Field(key, "choice", width, choices=YesNo)


SYSTEM_COLUMNS: tuple[Field, ...] = (
    _text(_D + "systems.col.name", 24, required=True),
    Field(_D + "systems.col.type", "choice", 16, choices=SystemType),
    Field(_D + "systems.col.role", "choice", 14, required=True, choices=Role),
    _text(_D + "systems.col.owner", 20),
    _yes_no(_D + "systems.col.personal_data", 16),
    _text(_D + "systems.col.location", 18),
    _text(_D + "systems.col.retention", 30),
)
FLOW_COLUMNS: tuple[Field, ...] = (
    _text(_D + "flows.col.source", 20, required=True),
    _text(_D + "flows.col.target", 20, required=True),
    _text(_D + "flows.col.data_objects", 34),
    Field(_D + "flows.col.frequency", "choice", 16, required=True, choices=FlowFrequency),
    Field(_D + "flows.col.method", "choice", 12, required=True, choices=Method),
    Field(_D + "flows.col.volume", "whole", 14),
    _yes_no(_D + "flows.col.personal_data", 14),
    Field(_D + "flows.col.legal_basis", "choice", 22, choices=LegalBasis),
)
DICTIONARY_COLUMNS: tuple[Field, ...] = (
    _text(_D + "dictionary.col.system", 20, required=True),
    _text(_D + "dictionary.col.field", 24, required=True),
    _text(_D + "dictionary.col.meaning", 40),
    _text(_D + "dictionary.col.data_object", 20),
    _yes_no(_D + "dictionary.col.personal"),
    _yes_no(_D + "dictionary.col.sensitive"),
)
USE_CASE_COLUMNS: tuple[Field, ...] = (
    _text(_D + "use_cases.col.use_case", 30, required=True),
    _text(_D + "use_cases.col.programme", 22),
    _text(_D + "use_cases.col.data_objects", 40),
    _text(_D + "use_cases.col.system", 20),
)
CUSTOMER_FILE_PARAMETERS: tuple[Field, ...] = (
    _text(_D + "customer_file.file", 32, required=True),
    _text(_D + "customer_file.sheet", 32),
    _text(_D + "customer_file.country", 32),
    Field(_D + "customer_file.reference_date", "date", 32),
)
MAPPING_COLUMNS: tuple[Field, ...] = (
    Field(_D + "customer_file.col.role", "choice", 30, choices=CustomerRole),
    _text(_D + "customer_file.col.column", 32),
    _text(_D + "customer_file.col.description", 70),
)
"""The Customer file sheet's table; the Description column is written, not read."""

SYSTEMS = _Table("sheet.systems", _D + "systems", SYSTEM_COLUMNS, SYSTEM_NAMES)
FLOWS = _Table(
    "sheet.flows",
    _D + "flows",
    FLOW_COLUMNS,
    None,
    (_Lookup(0, SYSTEM_NAMES), _Lookup(1, SYSTEM_NAMES)),
)
DICTIONARY = _Table(
    "sheet.data_dictionary",
    _D + "dictionary",
    DICTIONARY_COLUMNS,
    None,
    (_Lookup(0, SYSTEM_NAMES),),
)
USE_CASE_DATA = _Table(
    "sheet.use_case_data",
    _D + "use_cases",
    USE_CASE_COLUMNS,
    None,
    (_Lookup(1, PROGRAMME_NAMES, True), _Lookup(3, SYSTEM_NAMES)),
)
DATA_MAP_TABLES: tuple[_Table, ...] = (SYSTEMS, FLOWS, DICTIONARY, USE_CASE_DATA)
"""The data map's four sheets, in the workbook's order; the Customer file sheet follows them."""
CUSTOMER_FILE_SHEET = "sheet.customer_file"

MAPPING_HELP_ROW = 9
MAPPING_HEADER_ROW = 10
"""Template rows of the Customer file sheet's table (parameters in rows 4-7)."""


# --- writing -----------------------------------------------------------------------------------


def write_data_map_sheets(wb: Workbook, lang: Lang, data_map: DataMap | None = None) -> None:
    """Add the Systems, Flows, Data dictionary and Use-case data sheets to ``wb`` (which has its
    Lists sheet, and the plan's sheets whose programmes feed a drop-down): empty, with help,
    drop-downs and checks, when ``data_map`` is None, else filled with it."""
    rows = _data_map_rows(data_map, lang) if data_map is not None else {}
    for table in DATA_MAP_TABLES:
        _write_table_sheet(wb, table, lang, rows.get(table.sheet, []))


def _yes(value: bool, lang: Lang) -> str:
    return choice_label(YesNo.YES if value else YesNo.NO, lang)


def _objects(objects: Sequence[str]) -> str | None:
    return _joined(objects, "; " if any("," in o for o in objects) else ", ")


def _data_map_rows(data_map: DataMap, lang: Lang) -> dict[str, list[tuple[Any, ...]]]:
    return {
        SYSTEMS.sheet: [
            (
                s.name,
                choice_label(s.type, lang),
                choice_label(s.role, lang),
                s.owner or None,
                _yes(s.personal_data, lang),
                s.location or None,
                s.retention or None,
            )
            for s in data_map.systems
        ],
        FLOWS.sheet: [
            (
                f.source,
                f.target,
                _objects(f.data_objects),
                choice_label(f.frequency, lang),
                choice_label(f.method, lang),
                f.volume,
                _yes(f.personal_data, lang),
                choice_label(f.legal_basis, lang) if f.legal_basis is not None else None,
            )
            for f in data_map.flows
        ],
        DICTIONARY.sheet: [
            (
                e.system,
                e.field,
                e.meaning or None,
                e.data_object or None,
                _yes(e.personal, lang),
                _yes(e.sensitive, lang),
            )
            for e in data_map.dictionary
        ],
        USE_CASE_DATA.sheet: [
            (u.name, u.programme or None, _objects(u.data_objects), u.system or None)
            for u in data_map.use_cases
        ],
    }


def write_customer_file_sheet(
    wb: Workbook, lang: Lang, settings: CustomerFileSettings | None = None
) -> None:
    """Add the Customer file sheet to ``wb``: its parameters (Country FR by default) and one
    row per role, the client's column names filled from ``settings`` when given."""
    ws = wb.create_sheet(t(CUSTOMER_FILE_SHEET, lang))
    intro = t(_D + "customer_file.sheet_intro", lang)
    _write_title(ws, t(_D + "customer_file.sheet_title", lang), intro, len(MAPPING_COLUMNS))
    ws.row_dimensions[2].height = 70
    s = settings
    values: dict[str, Any] = {
        _D + "customer_file.file": s.path if s else None,
        _D + "customer_file.sheet": s.sheet if s else None,
        _D + "customer_file.country": s.country if s else DEFAULT_COUNTRY,
        _D + "customer_file.reference_date": s.reference_date if s else None,
    }
    _write_parameters(ws, CUSTOMER_FILE_PARAMETERS, values, lang)
    n = len(CustomerRole) + 10
    _write_table_header(
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


# --- reading -----------------------------------------------------------------------------------


def has_data_map(reader: WorkbookReader) -> bool:
    """The workbook has a Systems sheet with at least one system (the template's has none)."""
    return _has_rows(reader, SYSTEMS)


def read_data_map(reader: WorkbookReader) -> DataMap:
    """Read and check the data map's sheets of an open workbook. Systems is required (at least
    one system); Flows, Data dictionary and Use-case data may be missing (nothing of them).
    Raises :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell."""
    return _DataMapReader(reader).read()


def has_customer_file(reader: WorkbookReader) -> bool:
    """The workbook has a Customer file sheet whose File is filled in."""
    if not reader.has_sheet(CUSTOMER_FILE_SHEET):
        return False
    ws = reader.sheet(CUSTOMER_FILE_SHEET)
    try:
        cells = reader._parameter_cells(ws, CUSTOMER_FILE_PARAMETERS)
    except WorkbookError:
        return False
    return not _blank(cells[CUSTOMER_FILE_PARAMETERS[0].key].value)


def read_customer_file_settings(reader: WorkbookReader) -> CustomerFileSettings:
    """Read and check the Customer file sheet: File required (a relative path), Country an ISO
    code of two letters (empty: FR), Reference date a date (empty: today, None), and the
    client's column of each role (a role with no column is left out of the mapping)."""
    return _CustomerFileReader(reader).read()


_ABSOLUTE = re.compile(r"^([A-Za-z]:)?[\\/]")


class _Reader(_SheetReader):
    def __init__(self, reader: WorkbookReader) -> None:
        super().__init__(reader)
        self.lang = _sheet_language(reader)

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
        first = seen.get(_norm(name))
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
        seen[_norm(name)] = cell

    def cell_value(self, ws: Worksheet, cell: Cell, spec: Field) -> Any:
        """The checked value of ``cell``; a drop-down value not recognised gets a "did you
        mean" hint; a yes/no cell also takes Excel's TRUE / FALSE."""
        if spec.choices is YesNo and isinstance(cell.value, bool):
            return YesNo.YES if cell.value else YesNo.NO
        try:
            return self.r.value(ws, cell, spec)
        except WorkbookError as exc:
            if spec.kind != "choice" or spec.choices is None or _blank(cell.value):
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
        index, header_row = self.r._table(ws, columns)
        return [
            (cells, {spec.key: self.cell_value(ws, cells[spec.key], spec) for spec in columns})
            for cells in self.r._rows(ws, index, header_row)
        ]

    def programme_names(self) -> _Names:
        """The Programmes sheet's names, as typed: a programme named elsewhere (a use case, a
        KPI, an action) is matched to their spelling, not checked against them."""
        ws = self.sheet(PROGRAMMES)
        if ws is None:
            return _Names()
        try:
            index, header_row = self.r._table(ws, PROGRAMMES.columns)
        except WorkbookError:
            return _Names()
        key = PROGRAMMES.columns[0].key
        return _Names(
            str(cells[key].value).strip()
            for cells in self.r._rows(ws, index, header_row)
            if not _blank(cells[key].value)
        )


def _close_choice(text: str, enum: type[StrEnum], lang: Lang) -> str | None:
    """The drop-down value closest to ``text`` (in either language), in the workbook's."""
    prefix = choice_prefixes()[enum]
    members = {
        _norm(label): member
        for member in enum
        for label in i18n.all_labels(f"{prefix}.{member.value}")
    }
    close = difflib.get_close_matches(_norm(text), list(members), n=1, cutoff=0.6)
    return choice_label(members[close[0]], lang) if close else None


class _DataMapReader(_Reader):
    def read(self) -> DataMap:
        ws = self.r.sheet(SYSTEMS.sheet)
        systems = self.systems(ws)
        names = _Names(s.name for s in systems)
        flows = self.flows(names)
        dictionary = self.dictionary(names)
        use_cases = self.use_cases(names)
        try:
            return DataMap(systems, flows, dictionary, use_cases)
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.backstop(ws, exc) from None

    def system(self, ws: Worksheet, cell: Cell, text: str, names: _Names) -> str:
        """``text`` as a system of the Systems sheet, or an error naming that sheet as the
        workbook shows it, with the systems it has and the closest one."""
        found = names.get(text)
        if found is not None:
            return found
        sheet = Quoted(self.r.sheet(SYSTEMS.sheet).title)
        listed: tuple[object, ...] = tuple(Quoted(name) for name in names.names[:12])
        if len(names.names) > 12:
            listed += ("…",)
        close = difflib.get_close_matches(_norm(text), [_norm(n) for n in names.names], n=1)
        hint: Msg | None = msg("err.hint.did_you_mean", name=names.get(close[0])) if close else None
        raise self.fail(
            ws,
            cell,
            msg("dataflow_sheet.err.system_of", sheet=sheet, names=listed),
            _describe(text),
            hint or (msg("dataflow_sheet.err.hint.add_system", sheet=sheet) if not names else None),
        )

    def systems(self, ws: Worksheet) -> tuple[System, ...]:
        index, header_row = self.r._table(ws, SYSTEM_COLUMNS)
        k = [spec.key for spec in SYSTEM_COLUMNS]
        seen: dict[str, Cell] = {}
        systems: list[System] = []
        for cells, v in self.table(ws, SYSTEM_COLUMNS):
            self.once(ws, cells[k[0]], v[k[0]], seen, "system")
            systems.append(
                System(
                    name=v[k[0]],
                    type=v[k[1]] or SystemType.OTHER,
                    role=v[k[2]],
                    owner=v[k[3]] or "",
                    personal_data=v[k[4]] is YesNo.YES,
                    location=v[k[5]] or "",
                    retention=v[k[6]] or "",
                )
            )
        if not systems:
            raise self.fail(
                ws,
                ws.cell(row=header_row + 1, column=index[k[0]]),
                msg("dataflow_sheet.err.no_system", row=header_row),
                msg("dataflow_sheet.err.found.no_system"),
            )
        return tuple(systems)

    def flows(self, names: _Names) -> tuple[Flow, ...]:
        ws = self.sheet(FLOWS)
        if ws is None:
            return ()
        k = [spec.key for spec in FLOW_COLUMNS]
        return tuple(
            Flow(
                source=self.system(ws, cells[k[0]], v[k[0]], names),
                target=self.system(ws, cells[k[1]], v[k[1]], names),
                data_objects=tuple(_split(v[k[2]] or "")),
                frequency=v[k[3]],
                method=v[k[4]],
                volume=v[k[5]],
                personal_data=v[k[6]] is YesNo.YES,
                legal_basis=v[k[7]],
            )
            for cells, v in self.table(ws, FLOW_COLUMNS)
        )

    def dictionary(self, names: _Names) -> tuple[DataField, ...]:
        ws = self.sheet(DICTIONARY)
        if ws is None:
            return ()
        k = [spec.key for spec in DICTIONARY_COLUMNS]
        seen: dict[str, Cell] = {}
        fields: list[DataField] = []
        for cells, v in self.table(ws, DICTIONARY_COLUMNS):
            system = self.system(ws, cells[k[0]], v[k[0]], names)
            self.once(ws, cells[k[1]], f"{system} / {v[k[1]]}", seen, "field")
            sensitive = v[k[5]] is YesNo.YES
            if sensitive and v[k[4]] is YesNo.NO:
                personal, marked = (
                    self.r.shown_label(ws, cells[spec.key], spec)
                    for spec in DICTIONARY_COLUMNS[4:6]
                )
                raise self.fail(
                    ws,
                    cells[k[4]],
                    msg(
                        "dataflow_sheet.err.personal_if_sensitive",
                        personal=Quoted(personal),
                        sensitive=Quoted(marked),
                    ),
                    _describe(cells[k[4]].value),
                    msg(
                        "dataflow_sheet.err.hint.answer_yes",
                        yes=Quoted(choice_label(YesNo.YES, self.lang)),
                    ),
                )
            fields.append(
                DataField(
                    system=system,
                    field=v[k[1]],
                    meaning=v[k[2]] or "",
                    data_object=v[k[3]] or "",
                    personal=v[k[4]] is YesNo.YES or sensitive,
                    sensitive=sensitive,
                )
            )
        return tuple(fields)

    def use_cases(self, names: _Names) -> tuple[UseCaseNeed, ...]:
        ws = self.sheet(USE_CASE_DATA)
        if ws is None:
            return ()
        programmes = self.programme_names()
        k = [spec.key for spec in USE_CASE_COLUMNS]
        seen: dict[str, Cell] = {}
        needs: list[UseCaseNeed] = []
        for cells, v in self.table(ws, USE_CASE_COLUMNS):
            self.once(ws, cells[k[0]], v[k[0]], seen, "use_case")
            programme = v[k[1]] or ""
            needs.append(
                UseCaseNeed(
                    name=v[k[0]],
                    programme=(programmes.get(programme) or programme) if programme else "",
                    data_objects=tuple(_split(v[k[2]] or "")),
                    system=self.system(ws, cells[k[3]], v[k[3]], names) if v[k[3]] else "",
                )
            )
        return tuple(needs)


class _CustomerFileReader(_Reader):
    def read(self) -> CustomerFileSettings:
        ws = self.r.sheet(CUSTOMER_FILE_SHEET)
        p = CUSTOMER_FILE_PARAMETERS
        cells = self.r._parameter_cells(ws, p)
        v = {spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in p}
        path = self.path(ws, cells[p[0].key], v[p[0].key])
        country = v[p[2].key] or DEFAULT_COUNTRY
        if not re.fullmatch(r"[A-Za-z]{2}", country):
            raise self.fail(
                ws,
                cells[p[2].key],
                msg("dataflow_sheet.err.country"),
                _describe(country),
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
                _describe(text),
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
