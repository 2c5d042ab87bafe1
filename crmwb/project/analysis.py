"""The project: its sheets of the workbook (Project plan, Checklist, RACI, KPI tracking,
Actions, Adoption), the project plan and the governance."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.project.planning_sheets import has_project_plan
from crmwb.project.raci_sheet import has_raci
from crmwb.project.sheets import PROJECT_CHOICES, write_project_sheets
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import Sheets

SHEETS = (Sheets("project", 80, write_project_sheets, PROJECT_CHOICES),)

ANALYSES = (
    Analysis(
        "project_plan",
        NOTEBOOKS_DIR / "project_plan.ipynb",
        "analysis.project_plan",
        order=60,
        reads=("project",),
        applies=has_project_plan,  # a start date and at least one phase
        skip_sheet="sheet.project_plan",
    ),
    Analysis(
        "governance",
        NOTEBOOKS_DIR / "governance.ipynb",
        "analysis.governance",
        order=70,
        reads=("project", "plan"),
        applies=has_raci,  # tasks listed (the template's seed RACI counts)
        skip_sheet="sheet.raci",
    ),
)
