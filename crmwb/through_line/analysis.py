"""The through-line: no sheet of its own (it follows the journey, plan, data-map and vendor
sheets), and its analysis."""

from __future__ import annotations

from crmwb.core.workspace import NOTEBOOKS_DIR
from crmwb.journey.sheets import has_journey
from crmwb.plan.sheets import has_plan
from crmwb.through_line.reading import read_through_line
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.reader import WorkbookReader


def has_chain(reader: WorkbookReader) -> bool:
    """Whether the workbook has a chain to follow: a journey and a plan."""
    return has_journey(reader) and has_plan(reader)


ANALYSES = (
    Analysis(
        "through_line",
        NOTEBOOKS_DIR / "through_line.ipynb",
        "analysis.through_line",
        order=90,
        reads=("journey", "plan", "data_map", "vendors", "tco", "roi"),
        applies=has_chain,
        skip_sheet="sheet.programmes",
        inputs=read_through_line,
    ),
)
