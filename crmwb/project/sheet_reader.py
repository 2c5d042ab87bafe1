"""What the readers of the project's sheets share: the nouns their errors name (:func:`what`:
:mod:`.planning_sheets`, :mod:`.raci_sheet`, :mod:`.steering_sheets`), and a table read with
its sheet, or nothing of a missing sheet (:class:`ProjectSheetReader`: the Project plan's
Checklist, the steering sheets).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import Msg, msg
from crmwb.workbook.fields import Field
from crmwb.workbook.tables import TableReader, TableSheet


class ProjectSheetReader(TableReader):
    """The base of the Project plan's and the steering sheets' readers."""

    def table_of(
        self, table: TableSheet, columns: Sequence[Field] | None = None
    ) -> tuple[Worksheet | None, list[tuple[dict[str, Cell], dict[str, Any]]]]:
        ws = self.sheet(table)
        if ws is None:
            return None, []
        return ws, self.table(ws, columns if columns is not None else table.columns)


def what(noun: str) -> Msg:
    """A noun of the project sheets' errors, without its article (``project.err.what.<noun>``)."""
    return msg(f"project.err.what.{noun}")
