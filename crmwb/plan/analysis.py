"""The relationship plan: its sheets of the workbook (Programmes, Scenarios, Campaigns,
Conventions) and its analysis."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.plan.sheets import PLAN_CHOICES, has_plan, write_plan_sheets
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import Sheets

SHEETS = (Sheets("plan", 50, write_plan_sheets, PLAN_CHOICES),)

ANALYSES = (
    Analysis(
        "relationship_plan",
        NOTEBOOKS_DIR / "relationship_plan.ipynb",
        "analysis.relationship_plan",
        order=20,
        reads=("plan", "journey"),
        applies=has_plan,  # at least one programme
        skip_sheet="sheet.programmes",
    ),
)
