"""The through-line read from a workbook: the journey and the plan, with the data map, the
vendor comparison and the ROI's levers when their sheets are filled in."""

from __future__ import annotations

from crmwb.dataflow.sheets import has_data_map, read_data_map
from crmwb.journey.sheets import read_journey
from crmwb.plan.sheets import read_plan
from crmwb.roi.model import analyse_roi
from crmwb.roi.sheets import has_roi_case, read_roi
from crmwb.through_line.model import LeverValue, ThroughLine, shortlist_coverage, through_line
from crmwb.vendors.results import analyse_vendors
from crmwb.vendors.sheets import has_vendors, read_vendor_comparison
from crmwb.workbook.reader import WorkbookReader


def read_through_line(reader: WorkbookReader) -> ThroughLine:
    """The through-line of an open workbook (:func:`~crmwb.through_line.model.through_line`).
    The journey and the plan are required (their readers raise
    :class:`~crmwb.core.errors.WorkbookError` naming the sheet and the cell); the data map is
    read when the Systems sheet lists a system, the vendor comparison when the Vendors sheet
    lists a vendor (ranked as the report ranks it, without the Monte Carlo draws, which change
    neither the shortlist nor the winner), the ROI's levers when its sheet has a benefit line
    and the TCO sheet the costs (each valued at its risk-adjusted present value)."""
    journey = read_journey(reader)
    plan = read_plan(reader)
    data_map = read_data_map(reader) if has_data_map(reader) else None
    vendors = None
    if has_vendors(reader):
        inputs = read_vendor_comparison(reader)
        vendors = shortlist_coverage(
            inputs, analyse_vendors(inputs, draws=0, tco_draws=0).comparison
        )
    levers = None
    if has_roi_case(reader):
        analysis = analyse_roi(read_roi(reader))
        levers = tuple(
            LeverValue(lever.label, lever.comes_from, value)
            for lever, value in zip(
                analysis.case.levers, analysis.lever_present_values(), strict=True
            )
        )
    return through_line(journey, plan, data_map, vendors, levers)
