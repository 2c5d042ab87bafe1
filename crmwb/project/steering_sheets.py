"""The steering sheets of the client workbook (KPI tracking, Actions, Adoption) <->
:mod:`crmwb.project.governance` (DOMAIN.md §6).

* **KPI tracking** (*Suivi des KPI*), long format: Programme | KPI | Kind (business,
  operational; empty: business) | Unit | Direction (higher / lower is better; empty: higher)
  | Month | Target | Actual, one row per KPI and month, read into one
  :class:`~crmwb.project.governance.KpiTrack` per programme and KPI. The month is a date: **any day
  of the month is read as the month's first day**. Kind, unit and direction may be given on one row
  of the KPI only; two rows of a KPI giving different ones is an error. When the workbook has a
  project plan, a month outside it (from the start's month to the plan's end) is an error naming the
  Month cell.
* **Actions**: Action | Programme | Planned date | Done date | Status (planned, in place,
  done; empty: done with a done date, planned without).
* **Adoption**, one row per month (the simpler for a consultant who copies a monthly usage
  report): Month | Active users | Licensed users | then one column per tracked field whose
  header is "Fill rate: <field>" (*Taux de remplissage : <champ>*); other headers are ignored.

A programme is matched to the Programmes sheet's spelling, not checked against it.

:func:`write_steering_sheets` writes them, :func:`read_steering` reads them back (each may be
missing), every bad cell a :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet
and the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import CrmwbError, InputError, Quoted, WrittenDate, msg
from crmwb.core.i18n import Lang, t
from crmwb.plan.sheets import PROGRAMME_NAMES, programme_names
from crmwb.project.governance import Action, ActionStatus, Adoption, KpiTrack, kpi_gaps
from crmwb.project.planning import schedule
from crmwb.project.planning_sheets import PROJECT_PLAN_SHEET, has_project_plan, read_project_plan
from crmwb.project.sheet_reader import ProjectSheetReader, what
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, describe, normalised, plain
from crmwb.workbook.layout import write_table_header
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    HEADER_ROW,
    HELP_ROW,
    Lookup,
    Names,
    TableSheet,
    has_rows,
    rows_for,
    text_field,
    write_sheet_title,
    write_table_sheet,
    write_values,
)

_S = "project_sheet."
"""The prefix of these sheets' labels in the catalogs."""


# --- the vocabulary ----------------------------------------------------------------------------


class KpiKind(StrEnum):
    """A KPI's kind, as the drop-down gives it (governance takes the plain value)."""

    BUSINESS = "business"
    OPERATIONAL = "operational"


class KpiDirection(StrEnum):
    """Whether higher or lower is better, as the drop-down gives it."""

    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class SteeringInputs:
    """The KPI tracking, Actions and Adoption sheets (nothing of a missing sheet)."""

    tracks: tuple[KpiTrack, ...] = ()
    actions: tuple[Action, ...] = ()
    adoptions: tuple[Adoption, ...] = ()


# --- the layout, shared by the writer and the reader -------------------------------------------

KPI_COLUMNS: tuple[Field, ...] = (
    text_field(_S + "kpis.col.programme", 22, required=True),
    text_field(_S + "kpis.col.kpi", 30, required=True),
    Field(_S + "kpis.col.kind", "choice", 14, choices=KpiKind),
    text_field(_S + "kpis.col.unit", 10),
    Field(_S + "kpis.col.direction", "choice", 16, choices=KpiDirection),
    Field(_S + "kpis.col.month", "date", 11, required=True),
    Field(_S + "kpis.col.target", "number", 12, minimum=None),
    Field(_S + "kpis.col.actual", "number", 12, minimum=None),
)
ACTION_COLUMNS: tuple[Field, ...] = (
    text_field(_S + "actions.col.action", 36, required=True),
    text_field(_S + "actions.col.programme", 22),
    Field(_S + "actions.col.planned", "date", 14, required=True),
    Field(_S + "actions.col.done", "date", 14),
    Field(_S + "actions.col.status", "choice", 14, choices=ActionStatus),
)
ADOPTION_COLUMNS: tuple[Field, ...] = (
    Field(_S + "adoption.col.month", "date", 11, required=True),
    Field(_S + "adoption.col.active", "whole", 14, required=True),
    Field(_S + "adoption.col.licensed", "whole", 14, required=True, minimum=1),
)
FILL_RATE = Field(_S + "adoption.col.fill_rate", "fraction", 18, maximum=1)
DEFAULT_FILL_RATE_FIELDS = ("customer_role.email", "customer_role.phone", "customer_role.postcode")
"""Labels of the template's fill-rate columns (e-mail, phone, postcode): examples to rename."""

KPI_TRACKING = TableSheet(
    "sheet.kpi_tracking", _S + "kpis", KPI_COLUMNS, None, (Lookup(0, PROGRAMME_NAMES, True),)
)
ACTIONS = TableSheet(
    "sheet.actions", _S + "actions", ACTION_COLUMNS, None, (Lookup(1, PROGRAMME_NAMES, True),)
)
ADOPTION = TableSheet("sheet.adoption", _S + "adoption", ADOPTION_COLUMNS)
MONTH_FORMAT = "MM/YYYY"


# --- writing -----------------------------------------------------------------------------------


def write_steering_sheets(
    wb: Workbook,
    lang: Lang,
    kpis: Sequence[KpiTrack],
    actions: Sequence[Action],
    adoptions: Sequence[Adoption],
) -> None:
    """Add the KPI tracking, Actions and Adoption sheets to ``wb`` (which has the Programmes
    sheet's names): ``kpis`` one row per KPI and month, ``actions``, ``adoptions`` one row per
    month (the template's fill-rate columns when there is none)."""
    kpi_rows = _kpi_rows(kpis, lang)
    ws = write_table_sheet(wb, KPI_TRACKING, lang, kpi_rows)
    _month_format(ws, 6, len(kpi_rows))  # the Month column
    write_table_sheet(wb, ACTIONS, lang, _action_rows(actions, lang))
    _write_adoption(wb, lang, adoptions)


def _kpi_rows(tracks: Sequence[KpiTrack], lang: Lang) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for track in tracks:
        for month in sorted(set(track.targets) | set(track.actuals)):
            rows.append(
                (
                    track.programme,
                    track.kpi,
                    choice_label(KpiKind(track.kind), lang),
                    track.unit or None,
                    choice_label(KpiDirection(track.direction), lang),
                    month,
                    track.targets.get(month),
                    track.actuals.get(month),
                )
            )
    return rows


def _month_format(ws: Worksheet, column: int, filled: int) -> None:
    for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + rows_for(filled)):
        ws.cell(row=row, column=column).number_format = MONTH_FORMAT


def _action_rows(actions: Sequence[Action], lang: Lang) -> list[tuple[Any, ...]]:
    return [
        (
            a.name,
            a.programme or None,
            a.planned,
            a.done,
            choice_label(a.status, lang) if a.status is not None else None,
        )
        for a in actions
    ]


def _write_adoption(wb: Workbook, lang: Lang, adoptions: Sequence[Adoption]) -> None:
    ws = wb.create_sheet(t(ADOPTION.sheet, lang))
    fields: list[str] = list(dict.fromkeys(name for a in adoptions for name in a.fill_rates))
    if not adoptions:
        fields = [t(key, lang) for key in DEFAULT_FILL_RATE_FIELDS]
    headers = [t(FILL_RATE.key, lang, field=name) for name in fields]
    write_sheet_title(ws, ADOPTION.prefix, lang, (*ADOPTION_COLUMNS, *(FILL_RATE for _ in fields)))
    n = rows_for(len(adoptions))
    write_table_header(ws, ADOPTION_COLUMNS, lang, help_row=HELP_ROW, header_row=HEADER_ROW, rows=n)
    write_table_header(
        ws,
        [FILL_RATE] * len(fields),
        lang,
        help_row=HELP_ROW,
        header_row=HEADER_ROW,
        headers=headers,
        first_column=len(ADOPTION_COLUMNS) + 1,
        rows=n,
    )
    _month_format(ws, 1, len(adoptions))
    columns = (*ADOPTION_COLUMNS, *(FILL_RATE for _ in fields))
    for row, a in enumerate(sorted(adoptions, key=lambda a: a.month), start=HEADER_ROW + 1):
        rates = [a.fill_rates.get(name) for name in fields]
        write_values(ws, row, columns, (a.month, a.active_users, a.licensed_users, *rates))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)


# --- reading -----------------------------------------------------------------------------------


@in_workbook_language
def has_steering(reader: WorkbookReader) -> bool:
    """The workbook has a KPI tracking, Actions or Adoption sheet with at least one row."""
    return any(has_rows(reader, table) for table in (KPI_TRACKING, ACTIONS, ADOPTION))


@in_workbook_language
def read_steering(reader: WorkbookReader) -> SteeringInputs:
    """Read and check the KPI tracking, Actions and Adoption sheets (each may be missing). When
    the workbook has a project plan (:func:`has_project_plan`), it is read and scheduled, and a
    KPI month outside it is an error at the Month cell."""
    return _SteeringReader(reader).read()


class _SteeringReader(ProjectSheetReader):
    def read(self) -> SteeringInputs:
        plan: tuple[dt.date, dt.date] | None = None
        if has_project_plan(self.r):
            inputs = read_project_plan(self.r)
            plan = (inputs.start, schedule(inputs.phases, inputs.start).end)
        programmes = programme_names(self.r)
        return SteeringInputs(
            self.tracks(programmes, plan), self.actions(programmes), self.adoptions()
        )

    def programme(self, text: str | None, programmes: Names) -> str:
        return (programmes.get(text) or text) if text else ""

    def tracks(
        self, programmes: Names, plan: tuple[dt.date, dt.date] | None
    ) -> tuple[KpiTrack, ...]:
        ws, rows = self.table_of(KPI_TRACKING)
        if ws is None:
            return ()
        programme_key, kpi_key, _, _, _, month_key, target, actual = (
            spec.key for spec in KPI_COLUMNS
        )
        groups: dict[tuple[str, str], _Track] = {}
        seen: dict[str, Cell] = {}
        for cells, v in rows:
            programme = self.programme(v[programme_key], programmes)
            kpi: str = v[kpi_key]
            month: dt.date = v[month_key].replace(day=1)
            key = (normalised(programme), normalised(kpi))
            track = groups.setdefault(key, _Track(programme, kpi))
            for attr, spec in zip(("kind", "unit", "direction"), KPI_COLUMNS[2:5], strict=True):
                track.set(self, ws, attr, spec, cells[spec.key], v[spec.key])
            self.unique(
                ws,
                cells[month_key],
                f"{programme} / {kpi} / {month}",
                seen,
                what("kpi_month"),
                msg(
                    "project.err.found.kpi_month",
                    kpi=Quoted(kpi),
                    programme=programme,
                    month=WrittenDate(month, month=True),
                ),
            )
            if v[target] is not None:
                track.targets[month] = v[target]
            if v[actual] is not None:
                track.actuals[month] = v[actual]
            if plan is not None:
                self.in_plan(
                    ws, cells[month_key], programme, kpi, month, v[target], v[actual], plan
                )
        tracks: list[KpiTrack] = []
        for track in groups.values():
            try:
                tracks.append(track.build())
            except CrmwbError as exc:  # pragma: no cover - the checks above come first
                raise self.backstop(ws, exc) from None
        return tuple(tracks)

    def in_plan(
        self,
        ws: Worksheet,
        cell: Cell,
        programme: str,
        kpi: str,
        month: dt.date,
        target: float | None,
        actual: float | None,
        plan: tuple[dt.date, dt.date],
    ) -> None:
        """Governance's check of one row's month against the plan, at the row's Month cell."""
        row = KpiTrack(
            programme,
            kpi,
            "business",
            "",
            {month: target} if target is not None else {},
            {month: actual} if actual is not None else {},
        )
        try:
            kpi_gaps([row], plan_start=plan[0], plan_end=plan[1])
        except InputError as exc:
            raise self.error(
                ws,
                cell,
                exc.expected,
                exc.found or "",
                msg(
                    "project.err.hint.project_runs",
                    start=WrittenDate(plan[0]),
                    end=WrittenDate(plan[1] - dt.timedelta(days=1)),
                    sheet=self.sheet_title(PROJECT_PLAN_SHEET),
                ),
            ) from None

    def actions(self, programmes: Names) -> tuple[Action, ...]:
        ws, rows = self.table_of(ACTIONS)
        if ws is None:
            return ()
        name, programme, planned, done, status = (spec.key for spec in ACTION_COLUMNS)
        actions: list[Action] = []
        for cells, v in rows:
            state: ActionStatus | None = v[status]
            done_label = Quoted(choice_label(ActionStatus.DONE, self.r.lang))
            if state is ActionStatus.DONE and v[done] is None:
                raise self.error(
                    ws,
                    cells[done],
                    msg("project.err.done_date", name=Quoted(v[name]), done=done_label),
                    msg("err.found.empty"),
                    msg("project.err.hint.done_date"),
                )
            if state is not None and state is not ActionStatus.DONE and v[done] is not None:
                column = self.r.shown_label(ws, cells[done], ACTION_COLUMNS[3])
                raise self.error(
                    ws,
                    cells[status],
                    msg("project.err.done_status", name=Quoted(v[name]), done=done_label),
                    describe(cells[status].value),
                    msg("project.err.hint.done_status", column=column, done=done_label),
                )
            try:
                action = Action(
                    v[name], self.programme(v[programme], programmes), v[planned], v[done], state
                )
            except CrmwbError as exc:  # pragma: no cover - the checks above come first
                raise self.error(ws, cells[name], exc.expected, exc.found or "") from None
            actions.append(action)
        return tuple(actions)

    def adoptions(self) -> tuple[Adoption, ...]:
        ws = self.sheet(ADOPTION)
        if ws is None:
            return ()
        index, header_row = self.r.table(ws, ADOPTION_COLUMNS)
        fields = self.fill_rate_columns(ws, header_row, set(index.values()))
        columns = {**index, **{f"fill:{name}": cell.column for name, cell in fields.items()}}
        month_key, active_key, licensed_key = (spec.key for spec in ADOPTION_COLUMNS)
        seen: dict[str, Cell] = {}
        adoptions: list[Adoption] = []
        for cells in self.r.rows(ws, columns, header_row):
            v = {spec.key: self.r.value(ws, cells[spec.key], spec) for spec in ADOPTION_COLUMNS}
            month: dt.date = v[month_key].replace(day=1)
            self.unique(
                ws,
                cells[month_key],
                month.isoformat(),
                seen,
                what("month"),
                WrittenDate(month, month=True),
            )
            if v[active_key] > v[licensed_key]:
                raise self.error(
                    ws,
                    cells[active_key],
                    msg("project.err.active_users", licensed=v[licensed_key]),
                    plain(v[active_key]),
                )
            rates: dict[str, float] = {}
            for name, header in fields.items():
                cell = cells.get(f"fill:{name}")
                rate = self.r.value(ws, cell, FILL_RATE, str(header.value)) if cell else None
                if rate is not None:
                    rates[name] = rate
            try:
                adoption = Adoption(month, v[active_key], v[licensed_key], rates)
            except CrmwbError as exc:  # pragma: no cover - the checks above come first
                raise self.error(ws, cells[month_key], exc.expected, exc.found or "") from None
            adoptions.append(adoption)
        return tuple(adoptions)

    def fill_rate_columns(self, ws: Worksheet, header_row: int, fixed: set[int]) -> dict[str, Cell]:
        """The header cells "Fill rate: <field>" of the Adoption sheet, by field name."""
        found: dict[str, Cell] = {}
        seen: dict[str, Cell] = {}
        for cell in ws[header_row]:
            if cell.column in fixed or not isinstance(cell.value, str):
                continue
            match = _FILL_RATE_HEADER.match(cell.value.strip())
            if match is None:
                continue
            name = match.group(1).strip()
            if not name:
                example = t(FILL_RATE.key, self.r.lang, field=t("customer_role.email", self.r.lang))
                raise self.error(
                    ws,
                    cell,
                    msg("project.err.fill_rate_field", example=Quoted(example)),
                    describe(cell.value),
                )
            self.unique(ws, cell, name, seen, what("fill_rate_field"), column=True)
            found[name] = cell
        return found


_FILL_RATE_HEADER = re.compile(
    "^(?:"
    + "|".join(
        re.escape(label.split("{field}")[0].rstrip(" :\u00a0\u202f")).replace(r"\ ", r"\s+")
        for label in i18n.all_labels(FILL_RATE.key)
    )
    + r")\s*:\s*(.*)$",
    re.IGNORECASE,
)
"""A fill-rate column's header, in either language: "Fill rate: e-mail", "Taux de remplissage :
e-mail" (spaces around the colon optional)."""


class _Track:
    """A KPI being read: its kind, unit and direction taken from the first row giving them."""

    def __init__(self, programme: str, kpi: str) -> None:
        self.programme = programme
        self.kpi = kpi
        self.values: dict[str, tuple[Any, Cell]] = {}
        self.targets: dict[dt.date, float] = {}
        self.actuals: dict[dt.date, float] = {}

    def set(
        self,
        reader: _SteeringReader,
        ws: Worksheet,
        attr: str,
        spec: Field,
        cell: Cell,
        value: Any,
    ) -> None:
        if value is None or value == "":
            return
        first = self.values.get(attr)
        if first is None:
            self.values[attr] = (value, cell)
            return
        if (normalised(value) if isinstance(value, str) else value) != (
            normalised(first[0]) if isinstance(first[0], str) else first[0]
        ):
            shown = plain(first[0])
            raise reader.error(
                ws,
                cell,
                msg(
                    "project.err.same_value",
                    column=Quoted(reader.r.shown_label(ws, cell, spec)),
                    kpi=Quoted(self.kpi),
                    programme=self.programme,
                    value=Quoted(
                        choice_label(first[0], reader.r.lang)
                        if isinstance(first[0], StrEnum)
                        else shown
                    ),
                    where=f"{ws.title}!{first[1].coordinate}",
                ),
                describe(cell.value),
                msg("project.err.hint.same_value"),
            )

    def build(self) -> KpiTrack:
        kind = self.values.get("kind", (KpiKind.BUSINESS, None))[0]
        direction = self.values.get("direction", (KpiDirection.HIGHER, None))[0]
        return KpiTrack(
            self.programme,
            self.kpi,
            KpiKind(kind).value,
            self.values.get("unit", ("", None))[0],
            self.targets,
            self.actuals,
            KpiDirection(direction).value,
        )
