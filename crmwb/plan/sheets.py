"""The relationship plan's sheets of the client workbook <->
:class:`~crmwb.plan.model.RelationshipPlan` (DOMAIN.md §2): Programmes, Scenarios, Campaigns
(table sheets) and Conventions (parameters and three small tables: pressure caps, opt-ins,
senders).

Every cell is checked before the plan is built; a bad one raises
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell. A scenario's or
campaign's programme must be one of the Programmes sheet; the plan's touchpoints, segments and
channels are only matched to the journey's spelling (the plan checks, :mod:`crmwb.plan.model`,
report the unknown ones).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import (
    CrmwbError,
    Number,
    Quoted,
    WorkbookError,
    WrittenDate,
    msg,
)
from crmwb.core.i18n import Lang, t
from crmwb.journey.model import (
    ALL_SEGMENTS,
)
from crmwb.journey.sheets import (
    ALL_SEGMENTS_WRITTEN,
    CHANNEL_NAMES,
    CHANNELS,
    SEGMENT_NAMES,
    SEGMENTS,
    TOUCHPOINTS,
    error_noun,
    segment_label,
)
from crmwb.plan.model import (
    Campaign,
    Conventions,
    Family,
    OptIn,
    OptInRule,
    PressureCap,
    Programme,
    RelationshipPlan,
    Scenario,
    Sender,
)
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, describe, is_blank, normalised, plain
from crmwb.workbook.layout import (
    finish_validation,
    write_parameters,
    write_table_header,
)
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    Lookup,
    Names,
    Row,
    SheetReader,
    TableSheet,
    has_rows,
    joined,
    text_field,
    write_sheet_title,
    write_table_sheet,
    write_values,
)

# --- the vocabulary ----------------------------------------------------------------------------

PLAN_CHOICES: dict[type[StrEnum], str] = {
    OptIn: "opt_in",
    Family: "sender_family",
}
"""The drop-down lists of these sheets: enum -> prefix of its labels in i18n."""


CONVENTION_ROWS = 30
"""Rows given checks in each of the Conventions sheet's three tables."""


CONVENTIONS_FIRST_TABLE = 7
"""Template row of the first table's title on the Conventions sheet (parameters in rows 4-5)."""


MIN_CAMPAIGN_YEAR = 2000
"""An earlier campaign date is a number typed in a date cell (Excel shows 12 as 12/01/1900)."""


MONTHLY_FORMAT = "# ??/??"
"""Messages per contact per month: 1/12 typed in the cell is read as a fraction, not a date."""


PROGRAMME_NAMES = "programme_names"
"""Defined names over the first column of the sheets, feeding the other sheets' drop-downs."""


_P = "plan_sheet."


PROGRAMME_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "programmes.col.programme", 24, required=True),
    text_field(_P + "programmes.col.objectives", 46),
    text_field(_P + "programmes.col.kpi", 30),
    text_field(_P + "programmes.col.segment", 20),
    text_field(_P + "programmes.col.touchpoints", 22),
    text_field(_P + "programmes.col.description", 50),
)


_MONTHLY_RATE = Field(_P + "scenarios.col.monthly_rate", "number", 14)


SCENARIO_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "scenarios.col.scenario", 30, required=True),
    text_field(_P + "scenarios.col.programme", 20, required=True),
    text_field(_P + "scenarios.col.trigger", 34, required=True),
    text_field(_P + "scenarios.col.channel", 16, required=True),
    Field(_P + "scenarios.col.delay", "number", 10, hint=msg("plan.err.hint.delay_after")),
    Field(_P + "scenarios.col.cap", "number", 13, min_excluded=True),
    _MONTHLY_RATE,
    text_field(_P + "scenarios.col.segment", 18),
    text_field(_P + "scenarios.col.touchpoints", 20),
)


CAMPAIGN_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "campaigns.col.campaign", 30, required=True),
    text_field(_P + "campaigns.col.programme", 20, required=True),
    Field(_P + "campaigns.col.date", "date", 12, required=True),
    text_field(_P + "campaigns.col.segment", 18),
    text_field(_P + "campaigns.col.channel", 16),
    text_field(_P + "campaigns.col.touchpoints", 20),
)


CONVENTION_PARAMETERS: tuple[Field, ...] = (
    Field(_P + "conventions.active_months", "whole", minimum=1),
    Field(_P + "conventions.inactive_months", "whole", minimum=1),
)


CAP_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "caps.col.segment", 44, required=True),
    Field(_P + "caps.col.per_week", "number", 30),
    Field(_P + "caps.col.per_month", "number", 60),
)


OPT_IN_COLUMNS: tuple[Field, ...] = (
    text_field(_P + "opt_in.col.channel", 44, required=True),
    Field(_P + "opt_in.col.rule", "choice", 30, required=True, choices=OptIn),
    text_field(_P + "opt_in.col.notes", 60),
)


SENDER_COLUMNS: tuple[Field, ...] = (
    Field(_P + "senders.col.family", "choice", 44, required=True, choices=Family),
    text_field(_P + "senders.col.address", 30, required=True),
    text_field(_P + "senders.col.ip", 60),
)


_CONVENTION_TABLES: tuple[tuple[str, tuple[Field, ...]], ...] = (
    (_P + "conventions.caps_title", CAP_COLUMNS),
    (_P + "conventions.opt_in_title", OPT_IN_COLUMNS),
    (_P + "conventions.senders_title", SENDER_COLUMNS),
)


PROGRAMMES = TableSheet(
    "sheet.programmes",
    _P + "programmes",
    PROGRAMME_COLUMNS,
    PROGRAMME_NAMES,
    (Lookup(3, SEGMENT_NAMES, True),),
    wrapped=(1,),
)


SCENARIOS = TableSheet(
    "sheet.scenarios",
    _P + "scenarios",
    SCENARIO_COLUMNS,
    None,
    (
        Lookup(1, PROGRAMME_NAMES),
        Lookup(3, CHANNEL_NAMES, True),
        Lookup(7, SEGMENT_NAMES, True),
    ),
    formats=((SCENARIO_COLUMNS.index(_MONTHLY_RATE), MONTHLY_FORMAT),),
)


CAMPAIGNS = TableSheet(
    "sheet.campaigns",
    _P + "campaigns",
    CAMPAIGN_COLUMNS,
    None,
    (
        Lookup(1, PROGRAMME_NAMES),
        Lookup(3, SEGMENT_NAMES, True),
        Lookup(4, CHANNEL_NAMES, True),
    ),
)


PLAN_TABLES: tuple[TableSheet, ...] = (PROGRAMMES, SCENARIOS, CAMPAIGNS)
"""The plan's table sheets; the Conventions sheet follows them."""


CONVENTIONS_SHEET = "sheet.conventions"


def write_plan_sheets(wb: Workbook, lang: Lang, plan: RelationshipPlan | None = None) -> None:
    """Add the Programmes, Scenarios, Campaigns and Conventions sheets to ``wb`` (after the
    journey's, whose names feed their drop-downs): empty when ``plan`` is None, else filled."""
    rows = _plan_rows(plan, lang) if plan is not None else {}
    for table in PLAN_TABLES:
        write_table_sheet(wb, table, lang, rows.get(table.sheet, []))
    _write_conventions(wb, lang, plan.conventions if plan is not None else None)


def _plan_rows(plan: RelationshipPlan, lang: Lang) -> dict[str, list[tuple[Any, ...]]]:
    return {
        PROGRAMMES.sheet: [
            (
                p.name,
                joined(p.objectives, "\n"),
                p.kpi or None,
                segment_label(p.segment, lang),
                joined(p.touchpoints, ", "),
                p.description or None,
            )
            for p in plan.programmes
        ],
        SCENARIOS.sheet: [
            (
                s.name,
                s.programme,
                s.trigger,
                s.channel,
                s.delay_days,
                s.cap_days,
                s.monthly_rate,
                segment_label(s.segment, lang),
                joined(s.touchpoints, ", "),
            )
            for s in plan.scenarios
        ],
        CAMPAIGNS.sheet: [
            (
                c.name,
                c.programme,
                c.date,
                segment_label(c.segment, lang),
                c.channel or None,
                joined(c.touchpoints, ", "),
            )
            for c in plan.campaigns
        ],
    }


def _write_conventions(wb: Workbook, lang: Lang, conventions: Conventions | None) -> None:
    ws = wb.create_sheet(t(CONVENTIONS_SHEET, lang))
    write_sheet_title(ws, _P + "conventions", lang, CAP_COLUMNS)
    c = conventions or Conventions()
    values: dict[str, Any] = {
        _P + "conventions.active_months": c.active_months,
        _P + "conventions.inactive_months": c.inactive_months,
    }
    write_parameters(ws, CONVENTION_PARAMETERS, values, lang)
    tables: list[list[tuple[Any, ...]]] = [
        [(segment_label(cap.segment, lang), cap.per_week, cap.per_month) for cap in c.caps],
        [(r.channel, choice_label(r.rule, lang), r.notes or None) for r in c.opt_in],
        [(choice_label(s.family, lang), s.address, s.ip or None) for s in c.senders],
    ]
    lookups = {0: SEGMENT_NAMES, 1: CHANNEL_NAMES}
    start = CONVENTIONS_FIRST_TABLE
    for position, ((title, columns), rows) in enumerate(
        zip(_CONVENTION_TABLES, tables, strict=True)
    ):
        title_cell = ws.cell(row=start, column=1, value=t(title, lang))
        title_cell.font = Font(bold=True, size=12, color="1F3864")
        help_row, header_row = start + 1, start + 2
        n = max(CONVENTION_ROWS, len(rows) + 10)
        write_table_header(ws, columns, lang, help_row=help_row, header_row=header_row, rows=n)
        first, last = header_row + 1, header_row + n
        name = lookups.get(position)
        if name is not None and name in wb.defined_names:
            dv = DataValidation(type="list", formula1=name, allow_blank=True)
            dv.errorStyle = "warning"
            finish_validation(ws, dv, columns[0], f"A{first}:A{last}", lang)
        for row, row_values in enumerate(rows, start=first):
            write_values(ws, row, columns, row_values)
        start = last + 2
    for letter, width in zip("ABC", (44, 30, 60), strict=True):
        ws.column_dimensions[letter].width = width


@in_workbook_language
def has_plan(reader: WorkbookReader) -> bool:
    """The workbook has a Programmes sheet with at least one programme."""
    return has_rows(reader, PROGRAMMES)


@in_workbook_language
def read_plan(reader: WorkbookReader) -> RelationshipPlan:
    """Read and check the plan's sheets of an open workbook. Programmes is required (at least one
    programme); Scenarios, Campaigns and Conventions may be missing. Raises
    :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell."""
    return _PlanReader(reader).read()


class _PlanReader(SheetReader):
    def __init__(self, reader: WorkbookReader) -> None:
        super().__init__(reader)
        self.segments = self.journey_names(SEGMENTS)
        self.channels = self.journey_names(CHANNELS)
        self.touchpoint_ids = self.journey_names(TOUCHPOINTS)

    def journey_names(self, table: TableSheet) -> Names:
        """The names of a journey sheet's first column, as typed (the plan's names are matched
        to them, not checked against them: the plan checks report the unknown ones)."""
        ws = self.sheet(table)
        if ws is None:
            return Names()
        try:
            index, header_row = self.r.table(ws, table.columns)
        except WorkbookError:
            return Names()
        key = table.columns[0].key
        return Names(
            plain(cells[key].value).strip()
            for cells in self.r.rows(ws, index, header_row)
            if not is_blank(cells[key].value)
        )

    def read(self) -> RelationshipPlan:
        programmes, ws = self.programmes()
        names = Names(p.name for p in programmes)
        scenarios = self.scenarios(names)
        campaigns = self.campaigns(names)
        conventions = self.conventions()
        try:
            return RelationshipPlan(programmes, scenarios, campaigns, conventions)
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.backstop(ws, exc) from None

    def segment(self, text: str | None, blank: str | None) -> str | None:
        if not text:
            return blank
        if normalised(text) in ALL_SEGMENTS_WRITTEN:
            return ALL_SEGMENTS
        return self.segments.get(text) or text

    def channel(self, text: str | None) -> str:
        return (self.channels.get(text) or text) if text else ""

    def touchpoints(self, text: str | None) -> tuple[str, ...]:
        if not text:
            return ()
        parts = re.split(r"[,;\n]", text)
        return tuple(
            dict.fromkeys(
                self.touchpoint_ids.get(part.strip()) or part.strip()
                for part in parts
                if part.strip()
            )
        )

    def programmes(self) -> tuple[tuple[Programme, ...], Worksheet]:
        ws = self.r.sheet(PROGRAMMES.sheet)
        rows, header_row, column = self.rows(ws, PROGRAMME_COLUMNS)
        k = [spec.key for spec in PROGRAMME_COLUMNS]
        seen: dict[str, Cell] = {}
        programmes: list[Programme] = []
        for row in rows:
            self.unique(ws, row.cells[k[0]], row.v[k[0]], seen, error_noun("programme"))
            objectives: str = row.v[k[1]] or ""
            parts = objectives.split("\n") if "\n" in objectives else objectives.split(";")
            programmes.append(
                Programme(
                    name=row.v[k[0]],
                    objectives=tuple(part.strip() for part in parts if part.strip()),
                    kpi=row.v[k[2]] or "",
                    segment=self.segment(row.v[k[3]], ALL_SEGMENTS) or ALL_SEGMENTS,
                    touchpoints=self.touchpoints(row.v[k[4]]),
                    description=row.v[k[5]] or "",
                )
            )
        if not programmes:
            raise self.none_error(ws, header_row, column, error_noun("programme"))
        return tuple(programmes), ws

    def programme(self, ws: Worksheet, cell: Cell, text: str, names: Names) -> str:
        return self.known(ws, cell, text, names, error_noun("programme"), PROGRAMMES.sheet)

    def scenarios(self, programmes: Names) -> tuple[Scenario, ...]:
        ws = self.sheet(SCENARIOS)
        if ws is None:
            return ()
        index, header_row = self.r.table(ws, SCENARIO_COLUMNS)
        k = [spec.key for spec in SCENARIO_COLUMNS]
        rate_spec = _MONTHLY_RATE
        seen: dict[str, Cell] = {}
        scenarios: list[Scenario] = []
        for cells in self.r.rows(ws, index, header_row):
            rate_cell = cells[rate_spec.key]
            if isinstance(rate_cell.value, (dt.date, dt.datetime)):
                raise self.error(
                    ws,
                    rate_cell,
                    msg("err.number_for", name=self.r.shown_label(ws, rate_cell, rate_spec)),
                    describe(rate_cell.value),
                    msg("plan.err.hint.fraction_as_date", value=Number(1 / 12)),
                )
            (row,) = self.table_rows(ws, SCENARIO_COLUMNS, [cells])
            v = row.v
            self.unique(ws, cells[k[0]], v[k[0]], seen, error_noun("scenario"))
            scenarios.append(
                Scenario(
                    name=v[k[0]],
                    programme=self.programme(ws, cells[k[1]], v[k[1]], programmes),
                    trigger=v[k[2]],
                    channel=self.channel(v[k[3]]),
                    delay_days=v[k[4]] or 0.0,
                    cap_days=v[k[5]],
                    monthly_rate=v[k[6]],
                    segment=self.segment(v[k[7]], None),
                    touchpoints=self.touchpoints(v[k[8]]),
                )
            )
        return tuple(scenarios)

    def campaigns(self, programmes: Names) -> tuple[Campaign, ...]:
        ws = self.sheet(CAMPAIGNS)
        if ws is None:
            return ()
        index, header_row = self.r.table(ws, CAMPAIGN_COLUMNS)
        k = [spec.key for spec in CAMPAIGN_COLUMNS]
        date_spec = CAMPAIGN_COLUMNS[2]
        text_spec = Field(date_spec.key, "text", required=True)
        others = [spec for spec in CAMPAIGN_COLUMNS if spec is not date_spec]
        seen: dict[tuple[str, ...], Cell] = {}
        campaigns: list[Campaign] = []
        for cells in self.r.rows(ws, index, header_row):
            v = {spec.key: self.r.value(ws, cells[spec.key], spec) for spec in others}
            date_cell = cells[date_spec.key]
            raw = date_cell.value
            if is_blank(raw):
                self.r.value(ws, date_cell, text_spec)  # an empty cell or a formula: an error
            date = self.date(ws, date_cell, raw)
            campaign = Campaign(
                name=v[k[0]],
                programme=self.programme(ws, cells[k[1]], v[k[1]], programmes),
                date=date,
                segment=self.segment(v[k[3]], ALL_SEGMENTS) or ALL_SEGMENTS,
                channel=self.channel(v[k[4]]),
                touchpoints=self.touchpoints(v[k[5]]),
            )
            key = (normalised(campaign.name), date.isoformat(), campaign.segment, campaign.channel)
            if key in seen:
                raise self.error(
                    ws,
                    cells[k[0]],
                    msg("plan.err.campaign_once"),
                    msg(
                        "plan.err.found.campaign_again",
                        name=Quoted(campaign.name),
                        date=WrittenDate(date),
                        where=f"{ws.title}!{seen[key].coordinate}",
                    ),
                    msg("plan.err.hint.delete_one"),
                )
            seen[key] = cells[k[0]]
            campaigns.append(campaign)
        return tuple(campaigns)

    def date(self, ws: Worksheet, cell: Cell, raw: Any) -> dt.date:
        """A date cell, or a date typed as text when it can be read one way only."""
        if isinstance(raw, dt.datetime):
            return self.recent(ws, cell, raw.date())
        if isinstance(raw, dt.date):
            return self.recent(ws, cell, raw)
        hint = msg("plan.err.hint.enter_date")
        if isinstance(raw, str):
            text = raw.strip()
            try:
                return self.recent(ws, cell, dt.date.fromisoformat(text))
            except ValueError:
                pass
            match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
            if match:
                a, b, year = (int(part) for part in match.groups())
                day_first, month_first = _date(year, b, a), _date(year, a, b)
                readings = list(dict.fromkeys(d for d in (day_first, month_first) if d))
                if len(readings) == 1:
                    return self.recent(ws, cell, readings[0])
                if day_first is not None and month_first is not None:
                    hint = msg(
                        "plan.err.hint.ambiguous_date",
                        day_first=WrittenDate(day_first),
                        month_first=WrittenDate(month_first),
                        iso_day_first=day_first.isoformat(),
                        iso_month_first=month_first.isoformat(),
                    )
        raise self.error(
            ws,
            cell,
            msg("err.date_for", name=self.r.shown_label(ws, cell, CAMPAIGN_COLUMNS[2])),
            describe(raw),
            hint,
        )

    def recent(self, ws: Worksheet, cell: Cell, date: dt.date) -> dt.date:
        """A campaign date from 2000 on: an earlier one is a number typed in a date cell (12
        shows as 12/01/1900)."""
        if date.year < MIN_CAMPAIGN_YEAR:
            raise self.error(
                ws,
                cell,
                msg("plan.err.campaign_year", year=MIN_CAMPAIGN_YEAR),
                msg("err.found.date", value=date.isoformat()),
                msg("plan.err.hint.number_as_date"),
            )
        return date

    def conventions(self) -> Conventions:
        if not self.r.has_sheet(CONVENTIONS_SHEET):
            return Conventions()
        ws = self.r.sheet(CONVENTIONS_SHEET)
        cells = self.r.parameter_cells(ws, CONVENTION_PARAMETERS)
        p = {
            spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in CONVENTION_PARAMETERS
        }
        tables = [self.r.table(ws, columns) for _, columns in _CONVENTION_TABLES]
        headers = sorted(header_row for _, header_row in tables)
        structure = {
            normalised(label)
            for title, columns in _CONVENTION_TABLES
            for key in (title, *(spec.key + ".help" for spec in columns))
            for label in i18n.all_labels(key)
        }
        rows: list[list[Row]] = []
        for (_, columns), (index, header_row) in zip(_CONVENTION_TABLES, tables, strict=True):
            end = min((h - 1 for h in headers if h > header_row), default=ws.max_row)
            found = self.section_rows(ws, index, header_row, end, structure)
            rows.append(self.table_rows(ws, columns, found))
        return Conventions(
            active_months=p[_P + "conventions.active_months"],
            inactive_months=p[_P + "conventions.inactive_months"],
            caps=self.caps(ws, rows[0]),
            opt_in=self.opt_in(ws, rows[1]),
            senders=self.senders(ws, rows[2]),
        )

    def section_rows(
        self,
        ws: Worksheet,
        index: dict[str, int],
        header_row: int,
        end: int,
        structure: set[str],
    ) -> Iterator[dict[str, Cell]]:
        """The filled rows of one of the Conventions tables: up to the next table's header, its
        title or its help row."""
        for row in ws.iter_rows(min_row=header_row + 1, max_row=max(end, header_row)):
            first = row[0].value
            if isinstance(first, str) and normalised(first) in structure:
                break
            cells = {key: row[col - 1] for key, col in index.items() if col - 1 < len(row)}
            if any(not is_blank(c.value) for c in cells.values()):
                yield cells

    def caps(self, ws: Worksheet, rows: list[Row]) -> tuple[PressureCap, ...]:
        segment, week, month = (spec.key for spec in CAP_COLUMNS)
        seen: dict[str, Cell] = {}
        caps: list[PressureCap] = []
        for row in rows:
            name = self.segment(row.v[segment], ALL_SEGMENTS) or ALL_SEGMENTS
            shown = Quoted(segment_label(name, self.r.lang) or name)
            self.unique(ws, row.cells[segment], name, seen, msg("plan.err.what.cap"), shown)
            caps.append(PressureCap(name, row.v[week], row.v[month]))
        return tuple(caps)

    def opt_in(self, ws: Worksheet, rows: list[Row]) -> tuple[OptInRule, ...]:
        channel, rule, notes = (spec.key for spec in OPT_IN_COLUMNS)
        seen: dict[str, Cell] = {}
        rules: list[OptInRule] = []
        for row in rows:
            name = self.channel(row.v[channel])
            self.unique(ws, row.cells[channel], name, seen, msg("plan.err.what.opt_in"))
            rules.append(OptInRule(name, row.v[rule], row.v[notes] or ""))
        return tuple(rules)

    def senders(self, ws: Worksheet, rows: list[Row]) -> tuple[Sender, ...]:
        family, address, ip = (spec.key for spec in SENDER_COLUMNS)
        seen: dict[str, Cell] = {}
        senders: list[Sender] = []
        for row in rows:
            member: Family = row.v[family]
            self.unique(
                ws,
                row.cells[family],
                member.value,
                seen,
                msg("plan.err.what.sender"),
                Quoted(choice_label(member, self.r.lang)),
            )
            senders.append(Sender(member, row.v[address], row.v[ip] or ""))
        return tuple(senders)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def programme_names(reader: WorkbookReader) -> Names:
    """The Programmes sheet's names, as typed: a programme named elsewhere (a use case, a KPI,
    an action) is matched to their spelling, not checked against them."""
    if not reader.has_sheet(PROGRAMMES.sheet):
        return Names()
    ws = reader.sheet(PROGRAMMES.sheet)
    try:
        index, header_row = reader.table(ws, PROGRAMMES.columns)
    except WorkbookError:
        return Names()
    key = PROGRAMMES.columns[0].key
    return Names(
        str(cells[key].value).strip()
        for cells in reader.rows(ws, index, header_row)
        if not is_blank(cells[key].value)
    )
