"""The workbook's drop-down lists: every capability's choices (enum -> prefix of its labels in the
catalogs), as the capabilities declare them, and the label of a value."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from crmwb.core.i18n import Lang, t
from crmwb.workbook.capabilities import declared_sheets


@cache
def choice_prefixes() -> dict[type[StrEnum], str]:
    """Every drop-down list of the workbook: enum -> prefix of its labels, in the workbook's
    order (the capabilities' :attr:`Sheets.choices`)."""
    return {enum: prefix for s in declared_sheets() for enum, prefix in s.choices.items()}


def choice_label(member: StrEnum, lang: Lang) -> str:
    """The label of a drop-down value (``Category.LICENCE`` -> "Software licence")."""
    return t(f"{choice_prefixes()[type(member)]}.{member.value}", lang)
