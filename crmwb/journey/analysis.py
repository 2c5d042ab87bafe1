"""The customer journey: its sheets of the workbook (Stages, Channels, Segments, Touchpoints,
Personas, Paths) and the journey map."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.journey.sheets import (
    JOURNEY_CHOICES,
    JOURNEY_TABLES,
    has_journey,
    read_journey,
    write_journey_sheets,
)
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import SheetLayout, Sheets

SHEETS = (
    Sheets(
        "journey",
        40,
        write_journey_sheets,
        JOURNEY_CHOICES,
        tuple(SheetLayout(t.sheet, tables=(t.columns,)) for t in JOURNEY_TABLES),
    ),
)

ANALYSES = (
    Analysis(
        "journey_mapping",
        NOTEBOOKS_DIR / "journey_mapping.ipynb",
        "analysis.journey_mapping",
        order=10,
        reads=("journey",),
        applies=has_journey,  # at least one stage
        skip_sheet="sheet.stages",
        inputs=read_journey,
    ),
)
