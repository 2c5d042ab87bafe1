"""The project plan's and the governance's sheets of the client workbook <->
:mod:`crmwb.project.planning` and :mod:`crmwb.project.governance` (DOMAIN.md §6).

Six sheets, named in French or English, after the Customer file sheet, each with a title, an
intro line, a help row and a header row whose cells carry the help as a comment; the reader
finds headers and labels by their text, in either language, never by position:

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
* **RACI**: Group | Task | one column per team. The teams are the header's cells after Task,
  up to the last filled one (rename them, add "Editorial team" ...); an empty header between
  two teams is an error. A cell is R, A, C, I, R/A (A/R, lower case and spaces accepted) or
  empty. The blank template holds :func:`~crmwb.project.governance.seed_raci` in the workbook's
  language.
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

A programme (KPI tracking, Actions) is matched to the Programmes sheet's spelling, not checked
against it. Every cell is checked before the domain objects are built, and a bad one raises a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import (
    CrmwbError,
    InputError,
    Msg,
    Number,
    Quoted,
    WorkbookError,
    WrittenDate,
    msg,
)
from crmwb.core.i18n import Lang, t
from crmwb.plan.checks import LabelKey
from crmwb.plan.sheets import PROGRAMME_NAMES, programme_names
from crmwb.project.governance import (
    Action,
    ActionStatus,
    Adoption,
    KpiTrack,
    Raci,
    RaciTask,
    kpi_gaps,
    seed_raci,
    team_label,
)
from crmwb.project.planning import (
    CHECKLIST,
    DAYS_PER_MONTH,
    DAYS_PER_WEEK,
    DEFAULT_PLAN,
    Phase,
    dependency_cycle,
    months,
    phase_label,
    schedule,
    weeks,
)
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, describe, is_blank, normalised, plain
from crmwb.workbook.layout import finish_validation, write_parameters, write_table_header
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import (
    HEADER_ROW,
    HELP_ROW,
    Lookup,
    Names,
    TableReader,
    TableSheet,
    has_rows,
    joined_objects,
    rows_for,
    split_names,
    text_field,
    write_sheet_title,
    write_table_sheet,
    write_values,
)

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


class KpiKind(StrEnum):
    """A KPI's kind, as the drop-down gives it (governance takes the plain value)."""

    BUSINESS = "business"
    OPERATIONAL = "operational"


class KpiDirection(StrEnum):
    """Whether higher or lower is better, as the drop-down gives it."""

    HIGHER = "higher"
    LOWER = "lower"


PROJECT_CHOICES: dict[type[StrEnum], str] = {
    DurationUnit: "duration_unit",
    StepStatus: "step_status",
    KpiKind: "kpi_kind",
    KpiDirection: "kpi_direction",
    ActionStatus: "action_status",
}
"""The drop-down lists of these sheets: enum -> prefix of its labels in i18n (a list on the
hidden Lists sheet each, named ``list_<prefix>``)."""

RACI_CELLS = ("R", "A", "C", "I", "R/A")
"""The RACI drop-down (A/R and "-" are read too)."""
_RACI_READ = {"": "", "-": "", "R": "R", "A": "A", "C": "C", "I": "I", "R/A": "R/A", "A/R": "R/A"}
RACI_TEAM_COLUMNS = 10
"""Team columns given the R/A/C/I drop-down in the template (more are read, unchecked)."""


# --- what the sheets hold ----------------------------------------------------------------------


@dataclass(frozen=True)
class StepProgress:
    """Where a step of :data:`~crmwb.project.planning.CHECKLIST` stands: its number (1 to 17), its
    status and its date (done on, or due on)."""

    number: int
    status: StepStatus = StepStatus.TO_DO
    date: dt.date | None = None


@dataclass(frozen=True)
class ProjectSheets:
    """What :func:`~crmwb.workbook.template.build_workbook` writes into these sheets. The defaults
    are the blank template's: the default plan, the seed RACI (``raci=None``), the 17 steps without
    status, nothing to follow up. ``fill_rate_fields`` are the Adoption sheet's field columns
    when ``adoptions`` is empty (else the fields of ``adoptions``, in order)."""

    phases: tuple[Phase, ...] = DEFAULT_PLAN
    start: dt.date | None = None
    as_of: dt.date | None = None
    raci: Raci | None = None
    kpis: tuple[KpiTrack, ...] = ()
    actions: tuple[Action, ...] = ()
    adoptions: tuple[Adoption, ...] = ()
    checklist: tuple[StepProgress, ...] = ()


@dataclass(frozen=True)
class ProjectPlanInputs:
    """The Project plan sheet (and the Checklist's filled rows). ``as_of`` None: today."""

    phases: tuple[Phase, ...]
    start: dt.date
    as_of: dt.date | None = None
    checklist: tuple[StepProgress, ...] = ()


@dataclass(frozen=True)
class SteeringInputs:
    """The KPI tracking, Actions and Adoption sheets (nothing of a missing sheet)."""

    tracks: tuple[KpiTrack, ...] = ()
    actions: tuple[Action, ...] = ()
    adoptions: tuple[Adoption, ...] = ()


# --- the layout, shared by the writer and the reader -------------------------------------------

_S = "project_sheet."


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
RACI_COLUMNS: tuple[Field, ...] = (
    text_field(_S + "raci.col.group", 24),
    text_field(_S + "raci.col.task", 56, required=True),
)
TEAM = text_field(_S + "raci.col.team", 13)
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

PROJECT_PLAN_SHEET = "sheet.project_plan"
PHASES = TableSheet(PROJECT_PLAN_SHEET, _S + "plan", PHASE_COLUMNS)
CHECKLIST_TABLE = TableSheet("sheet.checklist", _S + "checklist", CHECKLIST_COLUMNS, wrapped=(1,))
RACI_TABLE = TableSheet("sheet.raci", _S + "raci", RACI_COLUMNS)
KPI_TRACKING = TableSheet(
    "sheet.kpi_tracking", _S + "kpis", KPI_COLUMNS, None, (Lookup(0, PROGRAMME_NAMES, True),)
)
ACTIONS = TableSheet(
    "sheet.actions", _S + "actions", ACTION_COLUMNS, None, (Lookup(1, PROGRAMME_NAMES, True),)
)
ADOPTION = TableSheet("sheet.adoption", _S + "adoption", ADOPTION_COLUMNS)
PROJECT_SHEETS = (
    PROJECT_PLAN_SHEET,
    CHECKLIST_TABLE.sheet,
    RACI_TABLE.sheet,
    KPI_TRACKING.sheet,
    ACTIONS.sheet,
    ADOPTION.sheet,
)
"""The six sheets' keys, in the workbook's order (after the Customer file)."""

PHASE_HELP_ROW = 7
PHASE_HEADER_ROW = 8
"""Template rows of the Project plan sheet's table (parameters in rows 4-5)."""
PHASE_ROWS = 40
MONTH_FORMAT = "MM/YYYY"


def _what(noun: str) -> Msg:
    """A noun of the project sheets' errors, without its article (``project.err.what.<noun>``)."""
    return msg(f"project.err.what.{noun}")


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


def write_project_sheets(wb: Workbook, lang: Lang, project: ProjectSheets | None = None) -> None:
    """Add the Project plan, Checklist, RACI, KPI tracking, Actions and Adoption sheets to
    ``wb`` (which has its Lists sheet and the Programmes sheet's names): the blank template's
    content (the default plan, the 17 steps, the seed RACI) when ``project`` is None."""
    p = project if project is not None else ProjectSheets()
    _write_plan(wb, lang, p)
    statuses = {step.number: step for step in p.checklist}
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
    _write_raci(wb, lang, p.raci if p.raci is not None else seed_raci(lang))
    kpi_rows = _kpi_rows(p.kpis, lang)
    ws = write_table_sheet(wb, KPI_TRACKING, lang, kpi_rows)
    _month_format(ws, 6, len(kpi_rows))  # the Month column
    write_table_sheet(wb, ACTIONS, lang, _action_rows(p.actions, lang))
    _write_adoption(wb, lang, p)


def _write_plan(wb: Workbook, lang: Lang, p: ProjectSheets) -> None:
    ws = wb.create_sheet(t(PROJECT_PLAN_SHEET, lang))
    write_sheet_title(ws, PHASES.prefix, lang, PHASE_COLUMNS)
    values: dict[str, Any] = {PLAN_PARAMETERS[0].key: p.start, PLAN_PARAMETERS[1].key: p.as_of}
    write_parameters(ws, PLAN_PARAMETERS, values, lang)
    n = max(PHASE_ROWS, len(p.phases) + 20)
    write_table_header(
        ws, PHASE_COLUMNS, lang, help_row=PHASE_HELP_ROW, header_row=PHASE_HEADER_ROW, rows=n
    )
    first = PHASE_HEADER_ROW + 1
    for row in range(first, first + n):
        ws.cell(row=row, column=2).number_format = "General"  # 1.5, not 1.50
    for row, phase in enumerate(p.phases, start=first):
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


def _label(text: str, lang: Lang) -> str:
    return t(text, lang) if isinstance(text, LabelKey) else text


def _write_raci(wb: Workbook, lang: Lang, raci: Raci) -> None:
    ws = wb.create_sheet(t(RACI_TABLE.sheet, lang))
    teams = raci.teams
    columns = (*RACI_COLUMNS, *(TEAM for _ in teams))
    write_sheet_title(ws, RACI_TABLE.prefix, lang, columns)
    n = rows_for(len(raci.tasks))
    write_table_header(ws, RACI_COLUMNS, lang, help_row=HELP_ROW, header_row=HEADER_ROW, rows=n)
    write_table_header(
        ws,
        [TEAM] * len(teams),
        lang,
        help_row=HELP_ROW,
        header_row=HEADER_ROW,
        headers=teams,
        first_column=3,
        rows=n,
    )
    free = 3 + len(teams)
    add = ws.cell(row=HELP_ROW, column=free, value=t(_S + "raci.add_team", lang))
    add.font = Font(italic=True, size=9, color="595959")
    add.alignment = Alignment(wrap_text=True, vertical="bottom")
    ws.column_dimensions[get_column_letter(free)].width = TEAM.width
    first, last = HEADER_ROW + 1, HEADER_ROW + n
    right = get_column_letter(max(2 + RACI_TEAM_COLUMNS, free))
    dv = DataValidation(type="list", formula1='"' + ",".join(RACI_CELLS) + '"', allow_blank=True)
    finish_validation(ws, dv, TEAM, f"C{first}:{right}{last}", lang)
    center = Alignment(horizontal="center")
    for row in range(first, last + 1):
        for column in range(3, free + 1):
            ws.cell(row=row, column=column).alignment = center
    for row, task in enumerate(raci.tasks, start=first):
        ws.cell(row=row, column=1, value=_label(task.group, lang) or None)
        ws.cell(row=row, column=2, value=_label(task.task, lang))
        for column, team in enumerate(teams, start=3):
            ws.cell(row=row, column=column, value=task.roles.get(team) or None)
    ws.freeze_panes = ws.cell(row=first, column=3)


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


def _write_adoption(wb: Workbook, lang: Lang, p: ProjectSheets) -> None:
    ws = wb.create_sheet(t(ADOPTION.sheet, lang))
    fields: list[str] = list(dict.fromkeys(name for a in p.adoptions for name in a.fill_rates))
    if not p.adoptions:
        fields = [t(key, lang) for key in DEFAULT_FILL_RATE_FIELDS]
    headers = [t(FILL_RATE.key, lang, field=name) for name in fields]
    write_sheet_title(ws, ADOPTION.prefix, lang, (*ADOPTION_COLUMNS, *(FILL_RATE for _ in fields)))
    n = rows_for(len(p.adoptions))
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
    _month_format(ws, 1, len(p.adoptions))
    columns = (*ADOPTION_COLUMNS, *(FILL_RATE for _ in fields))
    for row, a in enumerate(sorted(p.adoptions, key=lambda a: a.month), start=HEADER_ROW + 1):
        rates = [a.fill_rates.get(name) for name in fields]
        write_values(ws, row, columns, (a.month, a.active_users, a.licensed_users, *rates))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)


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


@in_workbook_language
def has_raci(reader: WorkbookReader) -> bool:
    """The workbook has a RACI sheet with at least one task."""
    return has_rows(reader, RACI_TABLE)


@in_workbook_language
def read_raci(reader: WorkbookReader) -> Raci:
    """Read and check the RACI sheet into a :class:`~crmwb.project.governance.Raci` (teams: the
    header's cells after Task)."""
    return _RaciReader(reader).read()


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


class _ProjectReader(TableReader):
    def table_of(
        self, table: TableSheet, columns: Sequence[Field] | None = None
    ) -> tuple[Worksheet | None, list[tuple[dict[str, Cell], dict[str, Any]]]]:
        ws = self.sheet(table)
        if ws is None:
            return None, []
        return ws, self.table(ws, columns if columns is not None else table.columns)


class _PlanReader(_ProjectReader):
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
            raise self.none_error(ws, header_row, index[name], _what("phase"))
        seen: dict[str, Cell] = {}
        for cells, v in rows:
            self.unique(ws, cells[name], v[name], seen, _what("phase"))
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
                self.known(ws, cells[depends], text, names, _what("phase"), PROJECT_PLAN_SHEET)
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
            self.unique(ws, cells[number], str(v[number]), seen, _what("step_number"))
            if v[status] is None and v[date] is None:
                continue
            steps.append(StepProgress(v[number], v[status] or StepStatus.TO_DO, v[date]))
        return tuple(steps)


class _RaciReader(_ProjectReader):
    def read(self) -> Raci:
        ws = self.r.sheet(RACI_TABLE.sheet)
        index, header_row = self.r.table(ws, RACI_COLUMNS)
        group_key, task_key = (spec.key for spec in RACI_COLUMNS)
        after = [c for c in ws[header_row] if c.column > index[task_key]]
        filled = [i for i, cell in enumerate(after) if not is_blank(cell.value)]
        if not filled:
            raise self.error(
                ws,
                ws.cell(row=header_row, column=index[task_key] + 1),
                msg(
                    "project.err.team_in_header",
                    row=header_row,
                    task=Quoted(plain(ws.cell(row=header_row, column=index[task_key]).value)),
                ),
                msg("err.found.empty"),
            )
        teams: list[str] = []
        team_columns: dict[str, int] = {}
        seen: dict[str, Cell] = {}
        for cell in after[: filled[-1] + 1]:
            if is_blank(cell.value):
                raise self.error(
                    ws,
                    cell,
                    msg("project.err.team_between"),
                    msg("err.found.empty"),
                    msg("project.err.hint.team_between"),
                )
            name = plain(cell.value).strip()
            self.unique(ws, cell, name, seen, _what("team"), column=True)
            teams.append(name)
            team_columns[name] = cell.column
        columns = {**index, **{f"team:{name}": col for name, col in team_columns.items()}}
        tasks: list[RaciTask] = []
        seen_tasks: dict[str, Cell] = {}
        for cells in self.r.rows(ws, columns, header_row):
            group = self.r.value(ws, cells[group_key], RACI_COLUMNS[0]) or ""
            task = self.r.value(ws, cells[task_key], RACI_COLUMNS[1])
            self.unique(ws, cells[task_key], f"{group} / {task}", seen_tasks, _what("task"))
            roles: dict[str, str] = {}
            for name in teams:
                cell = cells.get(f"team:{name}")
                code = self.letter(ws, cell, name, task) if cell is not None else ""
                if code:
                    roles[name] = code
            tasks.append(RaciTask(group, task, roles))
        try:
            return Raci(tuple(tasks), tuple(teams))
        except CrmwbError as exc:
            raise self.backstop(ws, exc) from None

    def letter(self, ws: Worksheet, cell: Cell, team: str, task: str) -> str:
        raw = cell.value
        if is_blank(raw):
            return ""
        code = str(raw).replace(" ", "").upper()
        if code in _RACI_READ:
            return _RACI_READ[code]
        hint = msg("project.err.hint.one_letter")
        if sorted(re.sub(r"[^A-Z]", "", code)) == ["A", "R"]:
            hint = msg("err.hint.did_you_mean", name="R/A")
        raise self.error(
            ws,
            cell,
            msg("project.err.raci_letter", team=Quoted(team), task=Quoted(task)),
            describe(raw),
            hint,
        )


class _SteeringReader(_ProjectReader):
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
                _what("kpi_month"),
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
                _what("month"),
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
            self.unique(ws, cell, name, seen, _what("fill_rate_field"), column=True)
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
