"""The vendor comparison: its sheets of the workbook (Vendors, Criteria, Pairwise, Scores, Use
cases, Pricing) and its analysis."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.vendors.pricing_sheet import PRICING_COLUMNS, PRICING_PARAMETERS
from crmwb.vendors.sheet_layout import (
    CRITERIA_COLUMNS,
    CRITERIA_PARAMETERS,
    USE_CASE_COLUMNS,
    VENDOR_COLUMNS,
)
from crmwb.vendors.sheets import (
    VENDOR_CHOICES,
    has_vendors,
    read_vendor_comparison,
    write_vendor_sheets,
)
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import SheetLayout, Sheets

SHEETS = (
    Sheets(
        "vendors",
        20,
        write_vendor_sheets,
        VENDOR_CHOICES,
        (
            SheetLayout("sheet.vendors", tables=(VENDOR_COLUMNS,)),
            SheetLayout("sheet.criteria", CRITERIA_PARAMETERS, (CRITERIA_COLUMNS,)),
            SheetLayout("sheet.pairwise"),  # a matrix of the groups: checked by its reader
            SheetLayout("sheet.scores"),  # a column per vendor and evaluator: likewise
            SheetLayout("sheet.use_cases", tables=(USE_CASE_COLUMNS,)),
            SheetLayout("sheet.pricing", PRICING_PARAMETERS, (PRICING_COLUMNS,)),
        ),
    ),
)

ANALYSES = (
    Analysis(
        "vendor_comparison",
        NOTEBOOKS_DIR / "vendor_comparison.ipynb",
        "analysis.vendor_comparison",
        order=80,
        reads=("vendors", "tco"),
        applies=has_vendors,  # at least one vendor (the template's empty sheet has none)
        skip_sheet="sheet.vendors",
        inputs=read_vendor_comparison,
    ),
)
