"""The data map's sheets of the client workbook <-> :class:`~crmwb.dataflow.model.DataMap`, and the
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

import difflib
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import CrmwbError, Msg, Quoted, msg
from crmwb.core.i18n import Lang
from crmwb.customer_file.sheets import has_customer_file
from crmwb.dataflow.model import (
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
)
from crmwb.plan.sheets import PROGRAMME_NAMES, programme_names
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, YesNo, describe, normalised
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    Lookup,
    Names,
    TableReader,
    TableSheet,
    has_rows,
    joined_objects,
    split_names,
    text_field,
    write_table_sheet,
)

# --- the vocabulary ----------------------------------------------------------------------------


DATAFLOW_CHOICES: dict[type[StrEnum], str] = {
    SystemType: "system_type",
    Role: "system_role",
    FlowFrequency: "flow_frequency",
    Method: "flow_method",
    LegalBasis: "legal_basis",
}
"""The drop-down lists of these sheets: enum -> prefix of its labels in i18n (a list on the
hidden Lists sheet each, named ``list_<prefix>``). Yes / no is the vendor sheets' ``yes_no``."""


SYSTEM_NAMES = "system_names"
"""The defined name over the Systems sheet's first column, feeding the other sheets' drop-downs."""


# --- the layout, shared by the writer and the reader -------------------------------------------

_D = "dataflow_sheet."


def _yes_no(key: str, width: float = 12) -> Field:
    return Field(key, "choice", width, choices=YesNo)


SYSTEM_COLUMNS: tuple[Field, ...] = (
    text_field(_D + "systems.col.name", 24, required=True),
    Field(_D + "systems.col.type", "choice", 16, choices=SystemType),
    Field(_D + "systems.col.role", "choice", 14, required=True, choices=Role),
    text_field(_D + "systems.col.owner", 20),
    _yes_no(_D + "systems.col.personal_data", 16),
    text_field(_D + "systems.col.location", 18),
    text_field(_D + "systems.col.retention", 30),
)
FLOW_COLUMNS: tuple[Field, ...] = (
    text_field(_D + "flows.col.source", 20, required=True),
    text_field(_D + "flows.col.target", 20, required=True),
    text_field(_D + "flows.col.data_objects", 34),
    Field(_D + "flows.col.frequency", "choice", 16, required=True, choices=FlowFrequency),
    Field(_D + "flows.col.method", "choice", 12, required=True, choices=Method),
    Field(_D + "flows.col.volume", "whole", 14),
    _yes_no(_D + "flows.col.personal_data", 14),
    Field(_D + "flows.col.legal_basis", "choice", 22, choices=LegalBasis),
)
DICTIONARY_COLUMNS: tuple[Field, ...] = (
    text_field(_D + "dictionary.col.system", 20, required=True),
    text_field(_D + "dictionary.col.field", 24, required=True),
    text_field(_D + "dictionary.col.meaning", 40),
    text_field(_D + "dictionary.col.data_object", 20),
    _yes_no(_D + "dictionary.col.personal"),
    _yes_no(_D + "dictionary.col.sensitive"),
)
USE_CASE_COLUMNS: tuple[Field, ...] = (
    text_field(_D + "use_cases.col.use_case", 30, required=True),
    text_field(_D + "use_cases.col.programme", 22),
    text_field(_D + "use_cases.col.data_objects", 40),
    text_field(_D + "use_cases.col.system", 20),
)

SYSTEMS = TableSheet("sheet.systems", _D + "systems", SYSTEM_COLUMNS, SYSTEM_NAMES)
FLOWS = TableSheet(
    "sheet.flows",
    _D + "flows",
    FLOW_COLUMNS,
    None,
    (Lookup(0, SYSTEM_NAMES), Lookup(1, SYSTEM_NAMES)),
)
DICTIONARY = TableSheet(
    "sheet.data_dictionary",
    _D + "dictionary",
    DICTIONARY_COLUMNS,
    None,
    (Lookup(0, SYSTEM_NAMES),),
)
USE_CASE_DATA = TableSheet(
    "sheet.use_case_data",
    _D + "use_cases",
    USE_CASE_COLUMNS,
    None,
    (Lookup(1, PROGRAMME_NAMES, True), Lookup(3, SYSTEM_NAMES)),
)
DATA_MAP_TABLES: tuple[TableSheet, ...] = (SYSTEMS, FLOWS, DICTIONARY, USE_CASE_DATA)
"""The data map's four sheets, in the workbook's order; the Customer file sheet follows them."""


# --- writing -----------------------------------------------------------------------------------


def write_data_map_sheets(wb: Workbook, lang: Lang, data_map: DataMap | None = None) -> None:
    """Add the Systems, Flows, Data dictionary and Use-case data sheets to ``wb`` (which has its
    Lists sheet, and the plan's sheets whose programmes feed a drop-down): empty, with help,
    drop-downs and checks, when ``data_map`` is None, else filled with it."""
    rows = _data_map_rows(data_map, lang) if data_map is not None else {}
    for table in DATA_MAP_TABLES:
        write_table_sheet(wb, table, lang, rows.get(table.sheet, []))


def _yes(value: bool, lang: Lang) -> str:
    return choice_label(YesNo.YES if value else YesNo.NO, lang)


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
                joined_objects(f.data_objects),
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
            (u.name, u.programme or None, joined_objects(u.data_objects), u.system or None)
            for u in data_map.use_cases
        ],
    }


# --- reading -----------------------------------------------------------------------------------


@in_workbook_language
def has_data_map(reader: WorkbookReader) -> bool:
    """The workbook has a Systems sheet with at least one system (the template's has none)."""
    return has_rows(reader, SYSTEMS)


@in_workbook_language
def has_data_audit(reader: WorkbookReader) -> bool:
    """The workbook lists systems, or names a customer file to audit."""
    return has_data_map(reader) or has_customer_file(reader)


@in_workbook_language
def read_data_map(reader: WorkbookReader) -> DataMap:
    """Read and check the data map's sheets of an open workbook. Systems is required (at least
    one system); Flows, Data dictionary and Use-case data may be missing (nothing of them).
    Raises :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell."""
    return _DataMapReader(reader).read()


class _DataMapReader(TableReader):
    def read(self) -> DataMap:
        ws = self.r.sheet(SYSTEMS.sheet)
        systems = self.systems(ws)
        names = Names(s.name for s in systems)
        flows = self.flows(names)
        dictionary = self.dictionary(names)
        use_cases = self.use_cases(names)
        try:
            return DataMap(systems, flows, dictionary, use_cases)
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.backstop(ws, exc) from None

    def system(self, ws: Worksheet, cell: Cell, text: str, names: Names) -> str:
        """``text`` as a system of the Systems sheet, or an error naming that sheet as the
        workbook shows it, with the systems it has and the closest one."""
        found = names.get(text)
        if found is not None:
            return found
        sheet = Quoted(self.r.sheet(SYSTEMS.sheet).title)
        listed: tuple[object, ...] = tuple(Quoted(name) for name in names.names[:12])
        if len(names.names) > 12:
            listed += ("…",)
        close = difflib.get_close_matches(
            normalised(text), [normalised(n) for n in names.names], n=1
        )
        hint: Msg | None = msg("err.hint.did_you_mean", name=names.get(close[0])) if close else None
        raise self.fail(
            ws,
            cell,
            msg("dataflow_sheet.err.system_of", sheet=sheet, names=listed),
            describe(text),
            hint or (msg("dataflow_sheet.err.hint.add_system", sheet=sheet) if not names else None),
        )

    def systems(self, ws: Worksheet) -> tuple[System, ...]:
        index, header_row = self.r.table(ws, SYSTEM_COLUMNS)
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

    def flows(self, names: Names) -> tuple[Flow, ...]:
        ws = self.sheet(FLOWS)
        if ws is None:
            return ()
        k = [spec.key for spec in FLOW_COLUMNS]
        return tuple(
            Flow(
                source=self.system(ws, cells[k[0]], v[k[0]], names),
                target=self.system(ws, cells[k[1]], v[k[1]], names),
                data_objects=tuple(split_names(v[k[2]] or "")),
                frequency=v[k[3]],
                method=v[k[4]],
                volume=v[k[5]],
                personal_data=v[k[6]] is YesNo.YES,
                legal_basis=v[k[7]],
            )
            for cells, v in self.table(ws, FLOW_COLUMNS)
        )

    def dictionary(self, names: Names) -> tuple[DataField, ...]:
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
                    describe(cells[k[4]].value),
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

    def use_cases(self, names: Names) -> tuple[UseCaseNeed, ...]:
        ws = self.sheet(USE_CASE_DATA)
        if ws is None:
            return ()
        programmes = programme_names(self.r)
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
                    data_objects=tuple(split_names(v[k[2]] or "")),
                    system=self.system(ws, cells[k[3]], v[k[3]], names) if v[k[3]] else "",
                )
            )
        return tuple(needs)
