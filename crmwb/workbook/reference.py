"""The workbook's sheet reference, written from the declared sheets: the README's section
"The workbook's sheets" is this text (``crmwb template`` rewrites it, ``crmwb template --check``
and the tests say when it has drifted), so it cannot disagree with the template."""

from __future__ import annotations

import re
from pathlib import Path

from crmwb.core.i18n import t
from crmwb.workbook.about import ABOUT_SHEET
from crmwb.workbook.capabilities import SheetLayout, declared_sheets
from crmwb.workbook.fields import Field

BEGIN = "<!-- sheet reference: written by `crmwb template`, do not edit -->"
END = "<!-- end of the sheet reference -->"

KINDS = {
    "text": "",
    "choice": "list",
    "number": "number",
    "whole": "whole number",
    "fraction": "fraction",
    "rate": "rate",
    "date": "date",
    "language": "fr / en",
    "currency": "ISO code",
}


def _field(spec: Field) -> str:
    label = t(spec.key, "en")
    kind = KINDS.get(spec.kind, spec.kind)
    return f"{label}{'*' if spec.required else ''}{f' ({kind})' if kind else ''}"


def _sheet(layout: SheetLayout) -> str:
    line = f"* **{t(layout.sheet, 'en')}** / {t(layout.sheet, 'fr')}"
    parts = []
    if layout.parameters:
        parts.append("parameters: " + ", ".join(_field(f) for f in layout.parameters))
    parts.extend("table: " + " | ".join(_field(f) for f in table) for table in layout.tables)
    if not parts:
        parts.append(
            "a layout of its own (a column per vendor, evaluator or team, or three tables),"
        )
        parts[-1] += " explained on the sheet"
    return line + ": " + "; ".join(parts) + "."


def sheet_reference() -> str:
    """The reference, in Markdown: each capability's sheets with their parameters and tables
    (``*``: required)."""
    lines = [BEGIN, "", _sheet(ABOUT_SHEET)]
    for sheets in declared_sheets():
        lines.extend(_sheet(layout) for layout in sheets.layouts)
    lines += ["", END]
    return "\n".join(lines)


def with_reference(readme: str) -> str:
    """``readme`` with its sheet reference section replaced by the current one."""
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        raise ValueError("the README has no sheet reference section")
    return pattern.sub(lambda _: sheet_reference(), readme)


def write_reference(readme: Path) -> bool:
    """Rewrite the README's sheet reference; whether it changed."""
    text = readme.read_text(encoding="utf-8")
    new = with_reference(text)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text
