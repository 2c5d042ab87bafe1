"""The ROI sheet laid out: the lever kinds of its Lever drop-down, the names and labels of
their inputs (:func:`input_names`, :func:`input_labels`), the defined names of its drop-downs,
its parameters and the columns and positions of its levers table. Shared by the writer and the
reader of :mod:`.sheets`.
"""

from __future__ import annotations

from crmwb.core.errors import msg
from crmwb.core.i18n import Lang
from crmwb.roi.levers import (
    AdminTasksAutomated,
    CrossAndUpSell,
    DiscountControl,
    FirstCallResolution,
    HigherAverageBasket,
    Lever,
    LowerAcquisitionCost,
    ReactivatedDormantClients,
    Retention,
    ShorterSalesCycle,
    TimeSaved,
    UndeliverableMailSavings,
    input_label,
)
from crmwb.workbook.fields import Field

# --- the vocabulary ----------------------------------------------------------------------------

LEVER_KINDS: dict[str, type[Lever]] = {
    "reactivated_dormant_clients": ReactivatedDormantClients,
    "higher_average_basket": HigherAverageBasket,
    "cross_and_up_sell": CrossAndUpSell,
    "lower_acquisition_cost": LowerAcquisitionCost,
    "undeliverable_mail_savings": UndeliverableMailSavings,
    "discount_control": DiscountControl,
    "time_saved": TimeSaved,
    "admin_tasks_automated": AdminTasksAutomated,
    "shorter_sales_cycle": ShorterSalesCycle,
    "first_call_resolution": FirstCallResolution,
    "retention": Retention,
}
"""The Lever drop-down: kind -> lever class (labels ``roi_sheet.lever.<kind>`` in i18n)."""
QUALITATIVE = "qualitative"
"""The Lever of a qualitative benefit (no number: Name and Notes only)."""

LEVER_LIST = "list_roi_lever"
INPUT_LIST = "list_roi_input"
"""Defined names of the drop-downs of the Lever and Input columns (on the hidden Lists sheet)."""


def input_names(kind: type[Lever]) -> tuple[str, ...]:
    """The identifiers of a lever kind's inputs, with spaces (its dataclass fields): the Input
    column accepts them beside the inputs' labels (:func:`input_labels`), as workbooks written
    before the labels have them.

    >>> input_names(TimeSaved)
    ('users', 'minutes a day', 'working days', 'loaded hourly cost', 'productive share')
    """
    return tuple(name.replace("_", " ") for name in kind.input_names())


def input_labels(kind: type[Lever], lang: Lang) -> tuple[str, ...]:
    """The Input column's values for a lever kind, in ``lang`` (the drop-down offers them).

    >>> input_labels(TimeSaved, "en")[:3]
    ('Users', 'Minutes saved a day', 'Working days a year')
    """
    return tuple(input_label(name, lang) for name in kind.input_names())


# --- the layout ----------------------------------------------------------------------------------

ROI_PARAMETERS: tuple[Field, ...] = (
    Field(
        "roi_sheet.discount_rate",
        "rate",
        minimum=-1,
        maximum=1,
        min_excluded=True,
        max_excluded=True,
    ),
    Field("roi_sheet.tco_option", "text"),
    Field("roi_sheet.team_days", "number"),
    Field("roi_sheet.day_cost", "number"),
    Field("roi_sheet.training_hours", "number"),
    Field("roi_sheet.hourly_cost", "number"),
    Field("roi_sheet.change_management", "number"),
    Field("roi_sheet.cost_risk", "fraction", maximum=1),
)
"""Rows 4 to 11 of the template."""
HELP_ROW = 13
HEADER_ROW = 14
"""Template positions of the levers table (the reader finds the header by its text)."""

_NOT_NEGATIVE = msg("roi.err.hint.not_negative")
ROI_COLUMNS: tuple[Field, ...] = (
    Field("roi_sheet.col.lever", "text", width=30),
    Field("roi_sheet.col.name", "text", width=30),
    Field("roi_sheet.col.input", "text", width=22),
    Field("roi_sheet.col.low", "number", width=12, hint=_NOT_NEGATIVE),
    Field("roi_sheet.col.most_likely", "number", width=12, hint=_NOT_NEGATIVE),
    Field("roi_sheet.col.high", "number", width=12, hint=_NOT_NEGATIVE),
    Field("roi_sheet.col.ramp_up_1", "fraction", width=11, maximum=1),
    Field("roi_sheet.col.ramp_up_2", "fraction", width=11, maximum=1),
    Field("roi_sheet.col.ramp_up_3", "fraction", width=11, maximum=1),
    Field("roi_sheet.col.risk", "fraction", width=12, maximum=1),
    Field("roi_sheet.col.notes", "text", width=50),
    Field("roi_sheet.col.comes_from", "text", width=26, added_in=4),
)
