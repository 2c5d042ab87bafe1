"""The README's sheet reference is the declared sheets' (written by ``crmwb template``)."""

from __future__ import annotations

from pathlib import Path

from crmwb.core.i18n import t
from crmwb.tco.sheets import TCO_COLUMNS
from crmwb.workbook.capabilities import declared_sheets
from crmwb.workbook.reference import sheet_reference, with_reference

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_holds_the_declared_reference() -> None:
    text = README.read_text(encoding="utf-8")
    assert sheet_reference() in text
    assert with_reference(text) == text


def test_every_declared_sheet_and_column_is_in_it() -> None:
    reference = sheet_reference()
    for sheets in declared_sheets():
        for layout in sheets.layouts:
            assert f"* **{t(layout.sheet, 'en')}** / {t(layout.sheet, 'fr')}: " in reference
            for table in layout.tables:
                for spec in table:
                    assert (
                        f"| {t(spec.key, 'en')}" in reference
                        or f": {t(spec.key, 'en')}" in reference
                    )
    # the TCO's table, required columns starred, drop-downs said
    tco = next(line for line in reference.splitlines() if line.startswith("* **TCO**"))
    assert "table: Option* | Category* (list) | Description | " in tco
    assert tco.count(" | ") == len(TCO_COLUMNS) - 1
