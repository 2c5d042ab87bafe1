"""The ROI: its sheet of the workbook and its analysis (the project's return, costed with the
TCO)."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.roi.sheet_layout import ROI_COLUMNS, ROI_PARAMETERS
from crmwb.roi.sheets import has_roi_case, read_roi, write_roi_sheet
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import SheetLayout, Sheets

SHEETS = (
    Sheets(
        "roi",
        30,
        write_roi_sheet,
        layouts=(SheetLayout("sheet.roi", ROI_PARAMETERS, (ROI_COLUMNS,)),),
    ),
)

ANALYSES = (
    Analysis(
        "roi",
        NOTEBOOKS_DIR / "roi.ipynb",
        "analysis.roi",
        order=50,
        reads=("roi", "tco", "vendors"),
        applies=has_roi_case,  # a benefit line, and the TCO's costs
        skip_sheet="sheet.roi",
        inputs=read_roi,
    ),
)
