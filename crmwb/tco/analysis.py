"""The TCO: its sheet of the workbook and its analysis (the total cost of ownership of each
option, licence or SaaS)."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.tco.sheets import (
    TCO_CHOICES,
    TCO_COLUMNS,
    TCO_PARAMETERS,
    has_tco,
    read_tco,
    write_tco_sheet,
)
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import SheetLayout, Sheets

SHEETS = (
    Sheets(
        "tco",
        10,
        write_tco_sheet,
        TCO_CHOICES,
        (SheetLayout("sheet.tco", TCO_PARAMETERS, (TCO_COLUMNS,)),),
    ),
)

ANALYSES = (
    Analysis(
        "tco",
        NOTEBOOKS_DIR / "tco.ipynb",
        "analysis.tco",
        order=30,
        reads=("tco",),
        applies=has_tco,  # at least one cost line
        skip_sheet="sheet.tco",
        inputs=read_tco,
    ),
)
