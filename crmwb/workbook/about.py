"""The About sheet: who the client is and how its deliverables are written (name, language,
currency, consultant, date), and the mission the steering committee follows (its name, the
committee's date: the deck's title slide)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.i18n import Lang, t
from crmwb.workbook.capabilities import SheetLayout
from crmwb.workbook.fields import Field
from crmwb.workbook.layout import write_parameters, write_title
from crmwb.workbook.reader import WorkbookReader, in_workbook_language


@dataclass(frozen=True)
class About:
    """The "About" sheet: who the client is and how its deliverables are written."""

    client_name: str
    language: Lang = i18n.DEFAULT_LANG
    currency: str = "EUR"
    consultant: str = ""
    date: dt.date | None = None
    mission: str = ""
    committee: dt.date | None = None


ABOUT_FIELDS: tuple[Field, ...] = (
    Field("about.client_name", "text", required=True),
    Field("about.language", "language", required=True),
    Field("about.currency", "currency"),
    Field("about.consultant", "text"),
    Field("about.date", "date"),
    Field("about.mission", "text"),
    Field("about.committee", "date"),
)

ABOUT_SHEET = SheetLayout("sheet.about", ABOUT_FIELDS)
"""The About sheet's declared cells (it is no capability's: every workbook has it)."""


def write_about(ws: Worksheet, lang: Lang, about: About | None) -> None:
    write_title(ws, t("about.title", lang), t("about.intro", lang), 3)
    values: dict[str, Any] = {"about.language": lang, "about.currency": "EUR"}
    if about is not None:
        values = {
            "about.client_name": about.client_name,
            "about.language": about.language,
            "about.currency": about.currency,
            "about.consultant": about.consultant or None,
            "about.date": about.date,
            "about.mission": about.mission or None,
            "about.committee": about.committee,
        }
    write_parameters(ws, ABOUT_FIELDS, values, lang)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 32
    ws.column_dimensions["C"].width = 70


@in_workbook_language
def read_about(reader: WorkbookReader) -> About:
    ws = reader.sheet("sheet.about")
    cells = reader.parameter_cells(ws, ABOUT_FIELDS)
    v = {spec.key: reader.value(ws, cells.get(spec.key), spec) for spec in ABOUT_FIELDS}
    return About(
        client_name=v["about.client_name"],
        language=v["about.language"],
        currency=v["about.currency"] or "EUR",
        consultant=v["about.consultant"] or "",
        date=v["about.date"],
        mission=v["about.mission"] or "",
        committee=v["about.committee"],
    )
