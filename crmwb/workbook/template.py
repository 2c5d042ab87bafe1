"""The client workbook as a whole: :func:`build_workbook` writes every sheet (the blank template,
or a workbook filled with a client's inputs), and the blank templates committed under
``templates/`` (``workbook-fr.xlsx``, ``workbook-en.xlsx``) are written from it.

``crmwb template`` rewrites them; ``crmwb template --check`` (and the tests) say when the code
and the committed files have drifted apart. Files are compared by content (values, styles'
number formats, drop-downs, defined names), not bytes: xlsx files carry a timestamp.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.i18n import LANGUAGES, Lang, t
from crmwb.core.workspace import TEMPLATES_DIR
from crmwb.tco.sheets import TCO_CHOICES, TcoInputs, write_tco_sheet
from crmwb.workbook.about import About, write_about
from crmwb.workbook.fields import choice_label, choice_prefixes
from crmwb.workbook.layout import list_name, save_workbook

if TYPE_CHECKING:
    from crmwb.dataflow.model import DataMap
    from crmwb.dataflow.sheets import CustomerFileSettings
    from crmwb.journey.model import Journey
    from crmwb.plan.model import RelationshipPlan
    from crmwb.project.sheets import ProjectSheets
    from crmwb.roi.sheets import RoiSheet
    from crmwb.vendors.sheets import VendorSheets


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


def build_workbook(
    lang: Lang,
    about: About | None = None,
    tco: TcoInputs | None = None,
    vendors: VendorSheets | None = None,
    roi: RoiSheet | None = None,
    journey: Journey | None = None,
    plan: RelationshipPlan | None = None,
    data_map: DataMap | None = None,
    customer_file: CustomerFileSettings | None = None,
    project: ProjectSheets | None = None,
) -> Workbook:
    """A client workbook in ``lang``: the blank template when ``about``, ``tco`` and
    ``vendors`` are None, or one filled with them (the example clients are written this way).

    Sheets: About, TCO, the hidden Lists, then the vendor comparison's (Vendors, Criteria,
    Pairwise, Scores, Use cases, Pricing; empty when ``vendors`` is None), then ROI (empty when
    ``roi`` is None), then the journey's (Stages, Channels, Segments, Touchpoints, Personas,
    Paths; empty when ``journey`` is None) and the relationship plan's (Programmes, Scenarios,
    Campaigns, Conventions; empty when ``plan`` is None), then the data map's (Systems, Flows,
    Data dictionary, Use-case data; empty when ``data_map`` is None) and the Customer file
    (its parameters and roles; filled from ``customer_file``), then the project's (Project
    plan, Checklist, RACI, KPI tracking, Actions, Adoption; the default plan, the 17 steps and
    the seed RACI when ``project`` is None). New sheets go after Lists, so the sheets of
    workbooks made before them keep their places.
    """
    from crmwb.dataflow.sheets import write_customer_file_sheet, write_data_map_sheets
    from crmwb.journey.sheets import write_journey_sheets, write_plan_sheets
    from crmwb.project.sheets import write_project_sheets
    from crmwb.roi.sheets import write_roi_sheet
    from crmwb.vendors.sheets import write_vendor_sheets

    wb = Workbook()
    about_ws = wb.active
    assert about_ws is not None
    about_ws.title = t("sheet.about", lang)
    lists_ws = wb.create_sheet(t("sheet.lists", lang))
    write_lists(lists_ws, wb, lang)
    write_about(about_ws, lang, about)
    write_tco_sheet(wb, lang, tco)
    wb.move_sheet(lists_ws, offset=len(wb.sheetnames) - 1)
    lists_ws.sheet_state = "hidden"
    write_vendor_sheets(wb, lang, vendors)
    write_roi_sheet(wb, lang, roi)
    write_journey_sheets(wb, lang, journey)
    write_plan_sheets(wb, lang, plan)
    write_data_map_sheets(wb, lang, data_map)
    write_customer_file_sheet(wb, lang, customer_file)
    write_project_sheets(wb, lang, project)
    wb.active = 0
    return wb


def write_lists(ws: Worksheet, wb: Workbook, lang: Lang) -> None:
    """Drop-down values, one column per list, each behind a defined name."""
    lists: list[tuple[str, list[str]]] = [
        (list_name(enum), [choice_label(member, lang) for member in enum]) for enum in TCO_CHOICES
    ]
    lists.append(("list_language", list(i18n.LANGUAGES)))
    lists.append(("list_currency", list(i18n.CURRENCIES)))
    lists.extend(
        (list_name(enum), [choice_label(member, lang) for member in enum])
        for enum in choice_prefixes()
        if enum not in TCO_CHOICES
    )
    for col, (name, values) in enumerate(lists, start=1):
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=name)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value)
        ref = f"'{ws.title}'!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
