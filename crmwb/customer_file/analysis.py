"""The customer file: its sheet of the workbook (where the file is, its columns' roles). It is
audited by the data audit (:mod:`crmwb.dataflow.analysis`)."""

from __future__ import annotations

from crmwb.customer_file.sheets import (
    CUSTOMER_FILE_CHOICES,
    CUSTOMER_FILE_PARAMETERS,
    CUSTOMER_FILE_SHEET,
    MAPPING_COLUMNS,
    write_customer_file_sheet,
)
from crmwb.workbook.capabilities import SheetLayout, Sheets

SHEETS = (
    Sheets(
        "customer_file",
        70,
        write_customer_file_sheet,
        CUSTOMER_FILE_CHOICES,
        # the File is required only of a workbook that names a customer file: the data audit's
        # reading checks the sheet
        (
            SheetLayout(
                CUSTOMER_FILE_SHEET,
                CUSTOMER_FILE_PARAMETERS,
                (MAPPING_COLUMNS[:2],),
                checked=False,
            ),
        ),
    ),
)
