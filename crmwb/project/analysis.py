"""The project: its sheets of the workbook (Project plan, Checklist, RACI, KPI tracking,
Actions, Adoption), the project plan and the governance."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.project.planning_sheets import (
    CHECKLIST_COLUMNS,
    PHASE_COLUMNS,
    PLAN_PARAMETERS,
    PROJECT_PLAN_SHEET,
    has_project_plan,
    read_project_plan,
)
from crmwb.project.raci_sheet import has_raci, read_raci
from crmwb.project.sheets import PROJECT_CHOICES, write_project_sheets
from crmwb.project.steering_sheets import (
    ACTION_COLUMNS,
    ADOPTION_COLUMNS,
    KPI_COLUMNS,
    has_steering,
    read_steering,
)
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import SheetLayout, Sheets
from crmwb.workbook.reader import WorkbookReader

SHEETS = (
    Sheets(
        "project",
        80,
        write_project_sheets,
        PROJECT_CHOICES,
        (
            SheetLayout(PROJECT_PLAN_SHEET, PLAN_PARAMETERS, (PHASE_COLUMNS,)),
            SheetLayout("sheet.checklist", tables=(CHECKLIST_COLUMNS,)),
            SheetLayout("sheet.raci"),  # a column per team: checked by its reader
            SheetLayout("sheet.kpi_tracking", tables=(KPI_COLUMNS,)),
            SheetLayout("sheet.actions", tables=(ACTION_COLUMNS,)),
            SheetLayout("sheet.adoption", tables=(ADOPTION_COLUMNS,)),
        ),
    ),
)


def read_governance_inputs(reader: WorkbookReader) -> None:
    """The RACI, and the steering sheets (KPI tracking, Actions, Adoption) when filled in."""
    read_raci(reader)
    if has_steering(reader):
        read_steering(reader)


ANALYSES = (
    Analysis(
        "project_plan",
        NOTEBOOKS_DIR / "project_plan.ipynb",
        "analysis.project_plan",
        order=60,
        reads=("project",),
        applies=has_project_plan,  # a start date and at least one phase
        skip_sheet="sheet.project_plan",
        inputs=read_project_plan,
    ),
    Analysis(
        "governance",
        NOTEBOOKS_DIR / "governance.ipynb",
        "analysis.governance",
        order=70,
        reads=("project", "plan"),
        applies=has_raci,  # tasks listed (the template's seed RACI counts)
        skip_sheet="sheet.raci",
        inputs=read_governance_inputs,
    ),
)
