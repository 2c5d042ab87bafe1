"""The workbook's fields: what a labelled parameter or a table column holds (:class:`Field`), the
drop-down lists' labels, and how a cell's value is described and compared.

A sheet is declared as fields; the template's writing (:mod:`crmwb.workbook.layout`), Excel's
checks and the reader (:mod:`crmwb.workbook.reader`) all follow from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from crmwb.core.errors import Number, Text, msg

FIRST_TRUE_DATE = dt.date(1900, 3, 1)
"""The first day Excel's calendar gets right: it counts a 29 February 1900 that did not exist
(serial 60, which a reader shows as the 28th), and a number typed in a date cell shows as a day
of early 1900. An earlier date in a workbook is one of those mistakes."""


@dataclass(frozen=True)
class Field:
    """One input: a labelled parameter (About, TCO assumptions) or a table column."""

    key: str  # label key in i18n; also the attribute name
    kind: str  # text | choice | number | whole | fraction | rate | date | language | currency
    width: float = 16
    required: bool = False
    minimum: float | None = 0
    maximum: float | None = None
    choices: type[StrEnum] | None = None
    min_excluded: bool = False  # the bound itself is refused (an escalation of -100%)
    max_excluded: bool = False  # (a discount rate or an escalation of 100%)
    hint: Text | None = field(default=None, hash=False)
    """Added to the error when a number is out of bounds (a message, in the reader's language)."""
    added_in: int | None = None
    """The template version that added this table column: a workbook made by an older template
    may lack it (its cells read as empty; ``crmwb upgrade`` adds it). None: every template has
    it."""
    numbered: str | None = None
    """For a column a later template added: what ``crmwb upgrade`` writes in it, row by row,
    numbered from 1 (``"UC-{:02}"``: UC-01, UC-02...); None: left empty."""


def anchor(columns: Sequence[Field]) -> Field:
    """The column a table is found by besides its first one: its first column every template
    has (a workbook made before a new first column was added has this one in column A)."""
    return next(spec for spec in columns if spec.added_in is None)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def normalised(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


EMPTY = msg("err.found.empty")


def describe(value: object) -> Text:
    """What a cell holds, for an error's « found »: the text « abc », the date 2026-03-01..."""
    if isinstance(value, str):
        return msg("err.found.text", value=value)
    if isinstance(value, (dt.date, dt.datetime)):
        return msg("err.found.date", value=f"{value:%Y-%m-%d}")
    if isinstance(value, bool):
        return msg("err.found.logical", value=value)
    if isinstance(value, float) and not value.is_integer():
        return Number(value)
    return plain(value)


def plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def typed_number(raw: float) -> Text:
    """A number typed in a cell, for an error: written with the reader's decimal sign."""
    return str(int(raw)) if float(raw).is_integer() else Number(float(raw))


class YesNo(StrEnum):
    """A yes/no drop-down (a use case's Must have, a system holding personal data...)."""

    YES = "yes"
    NO = "no"
