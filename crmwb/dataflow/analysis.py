"""The data flows: the data map's sheets of the workbook (Systems, Flows, Data dictionary,
Use-case data) and the data audit (the data map and the customer file's quality)."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.customer_file.sheets import (
    CONFIDENTIAL_DIR,
    has_customer_file,
    read_customer_file_settings,
)
from crmwb.dataflow.sheets import (
    DATA_MAP_TABLES,
    DATAFLOW_CHOICES,
    has_data_audit,
    has_data_map,
    read_data_map,
    write_data_map_sheets,
)
from crmwb.journey.sheets import has_journey, read_journey
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import SheetLayout, Sheets
from crmwb.workbook.reader import WorkbookReader

SHEETS = (
    Sheets(
        "data_map",
        60,
        write_data_map_sheets,
        DATAFLOW_CHOICES,
        tuple(SheetLayout(t.sheet, tables=(t.columns,)) for t in DATA_MAP_TABLES),
    ),
)


def read_audit_inputs(reader: WorkbookReader) -> None:
    """The data map's sheets, the journey (its touchpoints' collection points, checked against
    the map) and the Customer file sheet, those the workbook fills in."""
    if has_data_map(reader):
        read_data_map(reader)
        if has_journey(reader):
            read_journey(reader)
    if has_customer_file(reader):
        read_customer_file_settings(reader)


def customer_export(reader: WorkbookReader) -> tuple[str, ...]:
    """The customer export the Customer file sheet names (none when it names none)."""
    return (read_customer_file_settings(reader).path,) if has_customer_file(reader) else ()


ANALYSES = (
    Analysis(
        "data_flow_audit",
        NOTEBOOKS_DIR / "data_flow_audit.ipynb",
        "analysis.data_flow_audit",
        order=40,
        reads=("data_map", "customer_file", "plan", "journey"),
        applies=has_data_audit,  # systems listed, or a customer file named
        skip_sheet="sheet.systems",
        inputs=read_audit_inputs,
        files=customer_export,
        outputs=(f"{CONFIDENTIAL_DIR}/**",),  # the duplicates' clusters, never sent
    ),
)
