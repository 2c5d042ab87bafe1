"""The relationship plan: its sheets of the workbook (Programmes, Scenarios, Campaigns,
Conventions) and its analysis."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.plan.sheets import (
    CONVENTIONS_SHEET,
    PLAN_CHOICES,
    PLAN_TABLES,
    has_plan,
    read_plan,
    write_plan_sheets,
)
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import SheetLayout, Sheets

SHEETS = (
    Sheets(
        "plan",
        50,
        write_plan_sheets,
        PLAN_CHOICES,
        (
            *(SheetLayout(t.sheet, tables=(t.columns,)) for t in PLAN_TABLES),
            # parameters, then three small tables, each ending where the next one's title starts:
            # carried over cell by cell, checked by the plan's reading
            SheetLayout(CONVENTIONS_SHEET),
        ),
    ),
)

ANALYSES = (
    Analysis(
        "relationship_plan",
        NOTEBOOKS_DIR / "relationship_plan.ipynb",
        "analysis.relationship_plan",
        order=20,
        reads=("plan", "journey"),
        applies=has_plan,  # at least one programme
        skip_sheet="sheet.programmes",
        inputs=read_plan,
    ),
)
