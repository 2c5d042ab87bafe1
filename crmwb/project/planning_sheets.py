"""The Project plan and Checklist sheets of the client workbook <->
:mod:`crmwb.project.planning` (DOMAIN.md §6).

* **Project plan** (*Planning projet*): the parameters Start date (required) and Reference date
  (the "as of" date; empty: today), then a table Phase | Duration | Unit (days, weeks, months;
  empty: days) | Depends on (phases separated by commas or semicolons) | Batch (*Lot*) | Owner
  (*Responsable*). A duration is turned into calendar days with
  :func:`~crmwb.project.planning.weeks` and :func:`~crmwb.project.planning.months` (a number of days
  is rounded half up); a result under one day is an error. The blank template holds
  :data:`~crmwb.project.planning.DEFAULT_PLAN`, its phases named by
  :func:`~crmwb.project.planning.phase_label` in the workbook's language ("Choix du logiciel CRM",
  3.5 months): the reader takes a phase's name as written, so a template phase is read back under
  its displayed name, not the default plan's key (``software_choice``); the dependencies and
  durations are the default plan's.
* **Checklist** (*Check-list de déploiement*): the 17 steps of
  :data:`~crmwb.project.planning.CHECKLIST` (No. | Step | Phase, written, only the number read) with
  Status (to do, in progress, done; empty: to do) and Date; a row is read, as a
  :class:`StepProgress`, when its status or its date is filled in.

:func:`write_plan_sheets` writes them (the blank template's default plan and 17 steps);
:func:`read_project_plan` reads them back, every bad cell a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import CrmwbError, Number, Quoted, WorkbookError, msg
from crmwb.core.i18n import Lang, t
from crmwb.project.governance import team_label
from crmwb.project.planning import (
    CHECKLIST,
    DAYS_PER_MONTH,
    DAYS_PER_WEEK,
    Phase,
    dependency_cycle,
    months,
    phase_label,
    weeks,
)
from crmwb.project.sheet_reader import ProjectSheetReader, what
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, is_blank
from crmwb.workbook.layout import write_parameters, write_table_header
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    Names,
    TableSheet,
    has_rows,
    joined_objects,
    split_names,
    text_field,
    write_sheet_title,
    write_table_sheet,
    write_values,
)

_S = "project_sheet."
"""The prefix of these sheets' labels in the catalogs."""


# --- the vocabulary ----------------------------------------------------------------------------


class DurationUnit(StrEnum):
    """The unit of a phase's duration on the Project plan sheet."""

    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class StepStatus(StrEnum):
    """Where a step of the deployment checklist stands."""

    TO_DO = "to_do"
    IN_PROGRESS = "in_progress"
    DONE = "done"


# --- what the sheets hold ----------------------------------------------------------------------


@dataclass(frozen=True)
class StepProgress:
    """Where a step of :data:`~crmwb.project.planning.CHECKLIST` stands: its number (1 to 17), its
    status and its date (done on, or due on)."""

    number: int
    status: StepStatus = StepStatus.TO_DO
    date: dt.date | None = None


@dataclass(frozen=True)
class ProjectPlanInputs:
    """The Project plan sheet (and the Checklist's filled rows). ``as_of`` None: today."""

    phases: tuple[Phase, ...]
    start: dt.date
    as_of: dt.date | None = None
    checklist: tuple[StepProgress, ...] = ()


# --- the layout, shared by the writer and the reader -------------------------------------------

PLAN_PARAMETERS: tuple[Field, ...] = (
    Field(_S + "plan.start", "date", required=True),
    Field(_S + "plan.as_of", "date"),
)
PHASE_COLUMNS: tuple[Field, ...] = (
    text_field(_S + "plan.col.phase", 34, required=True),
    Field(_S + "plan.col.duration", "number", 12, required=True, min_excluded=True),
    Field(_S + "plan.col.unit", "choice", 12, choices=DurationUnit),
    text_field(_S + "plan.col.depends_on", 46),
    text_field(_S + "plan.col.batch", 10),
    text_field(_S + "plan.col.owner", 20),
)
CHECKLIST_COLUMNS: tuple[Field, ...] = (
    Field(_S + "checklist.col.number", "whole", 6, required=True, minimum=1, maximum=17),
    text_field(_S + "checklist.col.step", 64),
    text_field(_S + "checklist.col.phase", 28),
    Field(_S + "checklist.col.status", "choice", 14, choices=StepStatus),
    Field(_S + "checklist.col.date", "date", 12),
)

PROJECT_PLAN_SHEET = "sheet.project_plan"
PHASES = TableSheet(PROJECT_PLAN_SHEET, _S + "plan", PHASE_COLUMNS)
CHECKLIST_TABLE = TableSheet("sheet.checklist", _S + "checklist", CHECKLIST_COLUMNS, wrapped=(1,))

PHASE_HELP_ROW = 7
PHASE_HEADER_ROW = 8
"""Template rows of the Project plan sheet's table (parameters in rows 4-5)."""
PHASE_ROWS = 40


# --- durations ---------------------------------------------------------------------------------


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def to_days(count: float, unit: DurationUnit = DurationUnit.DAYS) -> int:
    """``count`` ``unit`` in calendar days, with :func:`~crmwb.project.planning.weeks` and
    :func:`~crmwb.project.planning.months` (days rounded half up): ``to_days(3.5, MONTHS) ==
    107``."""
    if unit is DurationUnit.MONTHS:
        return months(count)
    if unit is DurationUnit.WEEKS:
        return weeks(count)
    return _round_half_up(count)


def shown_duration(days: int) -> tuple[float, DurationUnit]:
    """How the sheet writes ``days``: in months or weeks when a whole or half number of them
    (at least one) gives back exactly ``days``, else in days. 107 -> (3.5, months), 14 -> (2,
    weeks), 10 -> (10, days)."""
    for unit, size in ((DurationUnit.MONTHS, DAYS_PER_MONTH), (DurationUnit.WEEKS, DAYS_PER_WEEK)):
        count = round(days / size * 2) / 2
        if count >= 1 and to_days(count, unit) == days:
            return (int(count) if count.is_integer() else count), unit
    return days, DurationUnit.DAYS


# --- writing -----------------------------------------------------------------------------------


def write_plan_sheets(
    wb: Workbook,
    lang: Lang,
    phases: Sequence[Phase],
    start: dt.date | None,
    as_of: dt.date | None,
    checklist: Sequence[StepProgress],
) -> None:
    """Add the Project plan sheet (``phases``, the start and reference dates) and the Checklist
    sheet (the 17 steps, with the status and date of those in ``checklist``) to ``wb``."""
    _write_plan(wb, lang, phases, start, as_of)
    statuses = {step.number: step for step in checklist}
    checklist_rows = []
    for step in CHECKLIST:
        done = statuses.get(step.number)
        checklist_rows.append(
            (
                step.number,
                step.title(lang),
                phase_label(step.phase, lang),
                choice_label(done.status, lang) if done else None,
                done.date if done else None,
            )
        )
    write_table_sheet(wb, CHECKLIST_TABLE, lang, checklist_rows)


def _write_plan(
    wb: Workbook,
    lang: Lang,
    phases: Sequence[Phase],
    start: dt.date | None,
    as_of: dt.date | None,
) -> None:
    ws = wb.create_sheet(t(PROJECT_PLAN_SHEET, lang))
    write_sheet_title(ws, PHASES.prefix, lang, PHASE_COLUMNS)
    values: dict[str, Any] = {PLAN_PARAMETERS[0].key: start, PLAN_PARAMETERS[1].key: as_of}
    write_parameters(ws, PLAN_PARAMETERS, values, lang)
    n = max(PHASE_ROWS, len(phases) + 20)
    write_table_header(
        ws, PHASE_COLUMNS, lang, help_row=PHASE_HELP_ROW, header_row=PHASE_HEADER_ROW, rows=n
    )
    first = PHASE_HEADER_ROW + 1
    for row in range(first, first + n):
        ws.cell(row=row, column=2).number_format = "General"  # 1.5, not 1.50
    for row, phase in enumerate(phases, start=first):
        count, unit = shown_duration(phase.duration_days)
        deps = [phase_label(name, lang) for name in phase.depends_on]
        values_row = (
            phase_label(phase.name, lang),
            count,
            choice_label(unit, lang),
            joined_objects(deps),
            phase.batch or None,
            team_label(phase.owner, lang) if phase.owner else None,
        )
        write_values(ws, row, PHASE_COLUMNS, values_row)
    ws.freeze_panes = ws.cell(row=first, column=2)


# --- reading -----------------------------------------------------------------------------------


@in_workbook_language
def has_project_plan(reader: WorkbookReader) -> bool:
    """The workbook has a Project plan sheet with a start date and at least one phase (the
    template's has its phases but no start date)."""
    if not reader.has_sheet(PROJECT_PLAN_SHEET):
        return False
    ws = reader.sheet(PROJECT_PLAN_SHEET)
    try:
        cells = reader.parameter_cells(ws, PLAN_PARAMETERS)
    except WorkbookError:
        return False
    start = cells.get(PLAN_PARAMETERS[0].key)
    return start is not None and not is_blank(start.value) and has_rows(reader, PHASES)


@in_workbook_language
def read_project_plan(reader: WorkbookReader) -> ProjectPlanInputs:
    """Read and check the Project plan sheet (start date and at least one phase required) and
    the Checklist's filled rows (nothing when the sheet is missing). Raises
    :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell: a duration of
    zero or less, an unknown dependency (with a "did you mean"), a phase named twice, a cycle of
    dependencies (named, at the Depends on cell of one of its phases)."""
    return _PlanReader(reader).read()


class _PlanReader(ProjectSheetReader):
    def read(self) -> ProjectPlanInputs:
        ws = self.r.sheet(PROJECT_PLAN_SHEET)
        cells = self.r.parameter_cells(ws, PLAN_PARAMETERS)
        start, as_of = (self.r.value(ws, cells.get(s.key), s) for s in PLAN_PARAMETERS)
        return ProjectPlanInputs(self.phases(ws), start, as_of, self.checklist())

    def phases(self, ws: Worksheet) -> tuple[Phase, ...]:
        index, header_row = self.r.table(ws, PHASE_COLUMNS)
        name, duration, unit, depends, batch, owner = (spec.key for spec in PHASE_COLUMNS)
        rows = self.table(ws, PHASE_COLUMNS)
        if not rows:
            raise self.none_error(ws, header_row, index[name], what("phase"))
        seen: dict[str, Cell] = {}
        for cells, v in rows:
            self.unique(ws, cells[name], v[name], seen, what("phase"))
        names = Names(v[name] for _, v in rows)
        phases: list[Phase] = []
        depends_cells: dict[str, Cell] = {}
        for cells, v in rows:
            count: float = v[duration]
            days = to_days(count, v[unit] or DurationUnit.DAYS)
            if days < 1:
                raise self.error(
                    ws,
                    cells[duration],
                    msg("project.err.duration_min"),
                    msg(
                        "project.err.found.duration",
                        count=days,
                        duration=Number(float(count)),
                        unit=msg(f"duration_unit.{(v[unit] or DurationUnit.DAYS).value}"),
                        days=days,
                    ),
                    msg("project.err.hint.duration"),
                )
            deps = tuple(
                self.known(ws, cells[depends], text, names, what("phase"), PROJECT_PLAN_SHEET)
                for text in split_names(v[depends] or "")
            )
            try:
                phase = Phase(v[name], days, deps, v[batch] or "", v[owner] or "")
            except CrmwbError as exc:  # pragma: no cover - the checks above come first
                raise self.error(ws, cells[name], exc.expected, exc.found or "") from None
            phases.append(phase)
            depends_cells[phase.name] = cells[depends]
        self.check_cycles(ws, phases, depends_cells)
        return tuple(phases)

    def check_cycles(
        self, ws: Worksheet, phases: Sequence[Phase], depends_cells: dict[str, Cell]
    ) -> None:
        done: set[str] = set()
        progress = True
        while progress:
            progress = False
            for phase in phases:
                if phase.name not in done and all(d in done for d in phase.depends_on):
                    done.add(phase.name)
                    progress = True
        blocked = [phase for phase in phases if phase.name not in done]
        if not blocked:
            return
        loop = dependency_cycle(blocked)
        head = loop[0]
        before = loop[-2]
        raise self.error(
            ws,
            depends_cells[head],
            msg("project.err.no_cycle", sheet=ws.title),
            msg("project.err.found.cycle", cycle=" -> ".join(loop)),
            msg("project.err.hint.break_cycle", before=Quoted(before), head=Quoted(head)),
        )

    def checklist(self) -> tuple[StepProgress, ...]:
        ws, rows = self.table_of(CHECKLIST_TABLE)
        if ws is None:
            return ()
        number, _, _, status, date = (spec.key for spec in CHECKLIST_COLUMNS)
        seen: dict[str, Cell] = {}
        steps: list[StepProgress] = []
        for cells, v in rows:
            self.unique(ws, cells[number], str(v[number]), seen, what("step_number"))
            if v[status] is None and v[date] is None:
                continue
            steps.append(StepProgress(v[number], v[status] or StepStatus.TO_DO, v[date]))
        return tuple(steps)
