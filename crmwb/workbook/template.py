"""The client workbook as a whole: :func:`build_workbook` writes every sheet (the blank template,
or a workbook filled with a client's inputs), and the blank templates committed under
``templates/`` (``workbook-fr.xlsx``, ``workbook-en.xlsx``) are written from it.

``crmwb template`` rewrites them; ``crmwb template --check`` (and the tests) say when the code
and the committed files have drifted apart. Files are compared by content (values, styles'
number formats, drop-downs, defined names), not bytes: xlsx files carry a timestamp.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.i18n import LANGUAGES, Lang, t
from crmwb.core.workspace import TEMPLATES_DIR
from crmwb.workbook.about import About, write_about
from crmwb.workbook.capabilities import Sheets, declared_sheets
from crmwb.workbook.choices import choice_label
from crmwb.workbook.layout import list_name, save_workbook


def template_path(lang: Lang, templates_dir: Path = TEMPLATES_DIR) -> Path:
    return templates_dir / f"workbook-{lang}.xlsx"


def write_templates(templates_dir: Path = TEMPLATES_DIR) -> list[Path]:
    paths = []
    for lang in LANGUAGES:
        path = template_path(lang, templates_dir)
        save_workbook(build_workbook(lang), path)
        paths.append(path)
    return paths


def fingerprint(wb: Workbook) -> list[Any]:
    """What a consultant sees of a workbook, as comparable values."""
    out: list[Any] = [sorted(wb.defined_names.keys())]
    for ws in wb.worksheets:
        cells = [
            (c.coordinate, c.value, c.number_format)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        ]
        validations = sorted(
            (str(dv.sqref), dv.type, dv.formula1, dv.formula2)
            for dv in ws.data_validations.dataValidation
        )
        out.append(
            (
                ws.title,
                ws.sheet_state,
                cells,
                validations,
                sorted(str(m) for m in ws.merged_cells.ranges),
            )
        )
    return out


def check_templates(templates_dir: Path = TEMPLATES_DIR) -> list[Path]:
    """The committed templates that differ from what the code generates."""
    stale = []
    for lang in LANGUAGES:
        path = template_path(lang, templates_dir)
        if not path.exists() or fingerprint(load_workbook(path)) != fingerprint(
            load_workbook(_roundtrip(build_workbook(lang)))
        ):
            stale.append(path)
    return stale


def _roundtrip(wb: Workbook) -> Any:
    import io

    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


TEMPLATE_VERSION = 4
"""The template's version, written in every workbook it makes (the defined name
:data:`VERSION_NAME`). Raise it when a sheet changes in a way a workbook of the previous
template needs ``crmwb upgrade`` for; workbooks made before versions existed are version 1 (the
Customer file's roles before the deduplication's were added); version 2 had no mission nor
steering committee in About (the deck's title slide); version 3 had no use-case IDs on the Use
cases sheet (the one list of use cases the other sheets name) nor the programme or use case
each ROI lever comes from."""
VERSION_NAME = "crmwb_template"

LISTS_POSITION = 2
"""The hidden Lists sheet's place: third, after About and TCO, where the first templates put it
(the sheets of workbooks made before a capability keep their places)."""


def build_workbook(lang: Lang, about: About | None = None, **filled: Any) -> Workbook:
    """A client workbook in ``lang``: the blank template when nothing is given, or one filled
    with a client's inputs (the example clients are written this way): ``about``, then each
    capability's, by the name its :class:`~crmwb.workbook.capabilities.Sheets` declares
    (``tco=``, ``vendors=``, ``roi=``, ``journey=``, ``plan=``, ``data_map=``,
    ``customer_file=``, ``project=``). A capability given nothing writes its sheets empty, with
    their help, drop-downs and checks (the project's start from the default plan, the 17 steps
    and the seed RACI).

    Sheets: About, then every capability's in their declared order, the hidden Lists sheet
    third (:data:`LISTS_POSITION`)."""
    capabilities = declared_sheets()
    if unknown := set(filled) - {c.name for c in capabilities}:
        raise TypeError(f"build_workbook() got unknown sheets {sorted(unknown)}")
    wb = Workbook()
    about_ws = wb.active
    assert about_ws is not None
    about_ws.title = t("sheet.about", lang)
    lists_ws = wb.create_sheet(t("sheet.lists", lang))
    write_lists(lists_ws, wb, lang, capabilities)
    write_about(about_ws, lang, about)
    for capability in capabilities:
        capability.write(wb, lang, filled.get(capability.name))
    wb.move_sheet(lists_ws, offset=LISTS_POSITION - wb.index(lists_ws))
    lists_ws.sheet_state = "hidden"
    wb.defined_names[VERSION_NAME] = DefinedName(VERSION_NAME, attr_text=str(TEMPLATE_VERSION))
    wb.active = 0
    return wb


def template_version(wb: Workbook) -> int:
    """The version of the template ``wb`` was made from (1: made before versions existed)."""
    name = wb.defined_names.get(VERSION_NAME)
    text = str(name.attr_text) if name is not None else ""
    return int(text) if text.isdigit() else 1


def write_lists(ws: Worksheet, wb: Workbook, lang: Lang, capabilities: Sequence[Sheets]) -> None:
    """Drop-down values, one column per list, each behind a defined name: the first
    capability's lists (the TCO's), the languages and currencies, then the others'."""
    first, *others = capabilities
    enums = [*first.choices, *(enum for c in others for enum in c.choices)]
    lists: list[tuple[str, list[str]]] = [
        (list_name(enum), [choice_label(member, lang) for member in enum]) for enum in enums
    ]
    lists[len(first.choices) : len(first.choices)] = [
        ("list_language", list(i18n.LANGUAGES)),
        ("list_currency", list(i18n.CURRENCIES)),
    ]
    for col, (name, values) in enumerate(lists, start=1):
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=name)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value)
        ref = f"'{ws.title}'!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
