"""The blank client workbooks committed under ``templates/`` (``workbook-fr.xlsx``,
``workbook-en.xlsx``), generated from :func:`crmwb.workbook.book.build_workbook`.

``crmwb template`` rewrites them; ``crmwb template --check`` (and the tests) say when the code
and the committed files have drifted apart. Files are compared by content (values, styles'
number formats, drop-downs, defined names), not bytes: xlsx files carry a timestamp.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from crmwb.core.i18n import LANGUAGES, Lang
from crmwb.core.workspace import TEMPLATES_DIR
from crmwb.workbook.book import build_workbook, save_workbook


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
