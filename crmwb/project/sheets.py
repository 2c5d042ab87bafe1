"""The project plan's and the governance's sheets of the client workbook <->
:mod:`crmwb.project.planning` and :mod:`crmwb.project.governance` (DOMAIN.md §6).

Six sheets, named in French or English, after the Customer file sheet, each with a title, an
intro line, a help row and a header row whose cells carry the help as a comment; the reader
finds headers and labels by their text, in either language, never by position:

* **Project plan** (*Planning projet*) and **Checklist** (*Check-list de déploiement*): the
  phases and the deployment's 17 steps (:mod:`.planning_sheets`);
* **RACI**: who does what, one column per team (:mod:`.raci_sheet`);
* **KPI tracking** (*Suivi des KPI*), **Actions** and **Adoption**: what the steering committee
  follows (:mod:`.steering_sheets`).

:func:`write_project_sheets` writes the six (from a :class:`ProjectSheets`); each module reads
its own (:func:`~crmwb.project.planning_sheets.read_project_plan`,
:func:`~crmwb.project.raci_sheet.read_raci`, :func:`~crmwb.project.steering_sheets.read_steering`),
on the base of :mod:`.sheet_reader`. Every cell is checked before the domain objects are built,
and a bad one raises a :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and
the cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from openpyxl import Workbook

from crmwb.core.i18n import Lang
from crmwb.project.governance import Action, ActionStatus, Adoption, KpiTrack, Raci, seed_raci
from crmwb.project.planning import DEFAULT_PLAN, Phase
from crmwb.project.planning_sheets import (
    CHECKLIST_TABLE,
    PROJECT_PLAN_SHEET,
    DurationUnit,
    StepProgress,
    StepStatus,
    write_plan_sheets,
)
from crmwb.project.raci_sheet import RACI_TABLE, write_raci_sheet
from crmwb.project.steering_sheets import (
    ACTIONS,
    ADOPTION,
    KPI_TRACKING,
    KpiDirection,
    KpiKind,
    write_steering_sheets,
)

PROJECT_CHOICES: dict[type[StrEnum], str] = {
    DurationUnit: "duration_unit",
    StepStatus: "step_status",
    KpiKind: "kpi_kind",
    KpiDirection: "kpi_direction",
    ActionStatus: "action_status",
}
"""The drop-down lists of these sheets: enum -> prefix of its labels in i18n (a list on the
hidden Lists sheet each, named ``list_<prefix>``)."""


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


PROJECT_SHEETS = (
    PROJECT_PLAN_SHEET,
    CHECKLIST_TABLE.sheet,
    RACI_TABLE.sheet,
    KPI_TRACKING.sheet,
    ACTIONS.sheet,
    ADOPTION.sheet,
)
"""The six sheets' keys, in the workbook's order (after the Customer file)."""


def write_project_sheets(wb: Workbook, lang: Lang, project: ProjectSheets | None = None) -> None:
    """Add the Project plan, Checklist, RACI, KPI tracking, Actions and Adoption sheets to
    ``wb`` (which has its Lists sheet and the Programmes sheet's names): the blank template's
    content (the default plan, the 17 steps, the seed RACI) when ``project`` is None."""
    p = project if project is not None else ProjectSheets()
    write_plan_sheets(wb, lang, p.phases, p.start, p.as_of, p.checklist)
    write_raci_sheet(wb, lang, p.raci if p.raci is not None else seed_raci(lang))
    write_steering_sheets(wb, lang, p.kpis, p.actions, p.adoptions)
