"""The data flows: the data map's sheets of the workbook (Systems, Flows, Data dictionary,
Use-case data) and the data audit (the data map and the customer file's quality)."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.dataflow.sheets import DATAFLOW_CHOICES, has_data_audit, write_data_map_sheets
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import Sheets

SHEETS = (Sheets("data_map", 60, write_data_map_sheets, DATAFLOW_CHOICES),)

ANALYSES = (
    Analysis(
        "data_flow_audit",
        NOTEBOOKS_DIR / "data_flow_audit.ipynb",
        "analysis.data_flow_audit",
        order=40,
        reads=("data_map", "customer_file", "plan"),
        applies=has_data_audit,  # systems listed, or a customer file named
        skip_sheet="sheet.systems",
    ),
)
