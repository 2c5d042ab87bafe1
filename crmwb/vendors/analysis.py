"""The vendor comparison: its sheets of the workbook (Vendors, Criteria, Pairwise, Scores, Use
cases, Pricing) and its analysis."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.vendors.sheets import VENDOR_CHOICES, has_vendors, write_vendor_sheets
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import Sheets

SHEETS = (Sheets("vendors", 20, write_vendor_sheets, VENDOR_CHOICES),)

ANALYSES = (
    Analysis(
        "vendor_comparison",
        NOTEBOOKS_DIR / "vendor_comparison.ipynb",
        "analysis.vendor_comparison",
        order=80,
        reads=("vendors", "tco"),
        applies=has_vendors,  # at least one vendor (the template's empty sheet has none)
        skip_sheet="sheet.vendors",
    ),
)
