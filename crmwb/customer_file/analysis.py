"""The customer file: its sheet of the workbook (where the file is, its columns' roles). It is
audited by the data audit (:mod:`crmwb.dataflow.analysis`)."""

from __future__ import annotations

from crmwb.customer_file.sheets import CUSTOMER_FILE_CHOICES, write_customer_file_sheet
from crmwb.workbook.capabilities import Sheets

SHEETS = (Sheets("customer_file", 70, write_customer_file_sheet, CUSTOMER_FILE_CHOICES),)
