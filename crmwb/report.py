"""Deliverables: HTML reports (nbconvert, our template), PDF (WeasyPrint), Excel tables, manifest.

* HTML: an executed notebook's outputs, without code, through ``templates/report/`` and the
  print stylesheet ``templates/report.css``. One :class:`Renderer` per worker keeps the nbconvert
  exporter (and its Jinja environment) alive across notebooks.
* PDF: the same HTML rendered by WeasyPrint in-process (client name, title, date and page
  numbers in the page margins).
* Excel: result tables (:class:`~crmwb.views.Table`) with money formats, widths and frozen
  headers; client text is always written as text, never as a formula.
* ``manifest.json``: inputs' SHA-256, parameters, package versions, timings, status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from crmwb import i18n
from crmwb.i18n import Lang
from crmwb.paths import TEMPLATES_DIR
from crmwb.views import Kind, Table

REPORT_CSS = TEMPLATES_DIR / "report.css"

MAX_COLUMN_WIDTH = 80
"""Excel column width (characters) beyond which text wraps."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat text as a formula."""

PACKAGES = (
    "crmwb",
    "pandas",
    "numpy",
    "matplotlib",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "openpyxl",
    "babel",
    "weasyprint",
    "numpy-financial",
)


@dataclass(frozen=True)
class ReportInfo:
    """What the page margins and the HTML head say about a report."""

    client: str
    title: str
    lang: Lang
    date: dt.date

    def resources(self, css: str) -> dict[str, Any]:
        return {
            "client": self.client,
            "title": self.title,
            "lang": self.lang,
            "date": i18n.date(self.date, self.lang),
            "page": i18n.t("report.page", self.lang),
            "footer": f"{self.client} · {self.title} · {i18n.date(self.date, self.lang)}",
            "css": css,
            "version": package_version("crmwb"),
        }


class Renderer:
    """Turns executed notebooks into HTML and PDF. Create one per worker and reuse it."""

    def __init__(self) -> None:
        from nbconvert import HTMLExporter

        self._exporter = HTMLExporter(  # type: ignore[no-untyped-call]
            extra_template_basedirs=[str(TEMPLATES_DIR)],
            template_name="report",
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
        )
        self._css = REPORT_CSS.read_text(encoding="utf-8")

    def warm_up(self) -> None:
        """Load the template and WeasyPrint's fonts now (about 1 s), e.g. while kernels start."""
        import nbformat

        info = ReportInfo("crmwb", "crmwb", "fr", dt.date.today())
        html_to_pdf(self.html(nbformat.v4.new_notebook(), info))  # type: ignore[no-untyped-call]

    def html(self, notebook: Any, info: ReportInfo) -> str:
        """The report of an executed notebook (an ``nbformat`` node) as one HTML page."""
        body, _ = self._exporter.from_notebook_node(
            notebook, resources={"crmwb": info.resources(self._css)}
        )
        return str(body)


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """Render report HTML to PDF with WeasyPrint (print stylesheet applies)."""
    from weasyprint import HTML

    return bytes(HTML(string=html, base_url=base_url or str(TEMPLATES_DIR)).write_pdf())


# --- Excel -----------------------------------------------------------------------------------


def write_excel(path: Path, tables: Iterable[Table], lang: Lang) -> Path:
    """Write ``tables`` to ``path``, one formatted sheet each. Text cells are stored as text
    (a leading ``=`` is shown, not evaluated)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    header_font, header_fill = (
        Font(bold=True, color="FFFFFF"),
        PatternFill("solid", fgColor="1F3864"),
    )
    strong, top_rule = Font(bold=True), Border(top=Side(style="medium", color="1F3864"))
    wb = Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    used: set[str] = set()
    for table in tables:
        name = _unique(table.name, used)
        ws = wb.create_sheet(name)
        money = i18n.excel_money_format(table.ctx.currency, lang)
        for col, column in enumerate(table.columns, start=1):
            cell = ws.cell(row=1, column=col)
            _set_text(cell, column.title)
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for r, row in enumerate(table.rows, start=2):
            for col, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=col)
                kind = table.kind(r - 2, col - 1)
                if isinstance(value, str):
                    _set_text(cell, value)
                    if len(value) > MAX_COLUMN_WIDTH:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                elif value is not None:
                    cell.value = value
                    cell.number_format = _number_format(kind, money)
                if r - 2 in table.strong_rows:
                    cell.font = strong
                    cell.border = top_rule
        for col, column in enumerate(table.columns, start=1):
            width = max(
                [len(column.title)]
                + [len(table.cell_text(row[col - 1], column.kind, col - 1)) for row in table.rows]
            )
            ws.column_dimensions[get_column_letter(col)].width = min(
                max(width + 2, 10), MAX_COLUMN_WIDTH
            )
        ws.freeze_panes = "B2"
        ws.row_dimensions[1].height = 30
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _number_format(kind: Kind, money: str) -> str:
    """The Excel number format of a value of ``kind`` (``money``: the client's currency)."""
    return {
        "money": money,
        "money_cents": money.replace("#,##0", "#,##0.00"),
        "percent": "0.0%",
        "number": "#,##0.##",
        "integer": "#,##0",
    }.get(kind, "General")


def _set_text(cell: Any, text: str) -> None:
    """Store ``text`` as a string cell; openpyxl would otherwise turn "=..." into a formula."""
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name[:31], 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate, n = name[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.casefold())
    return candidate


def save_tables(
    output_dir: str | os.PathLike[str] | None, stem: str, tables: Iterable[Table], lang: Lang
) -> Path | None:
    """Write the analysis' Excel deliverable ``<output_dir>/<stem>.xlsx`` (nothing when the
    notebook runs without an output folder, as in JupyterLab)."""
    if output_dir is None:
        return None
    return write_excel(Path(output_dir) / f"{stem}.xlsx", tables, lang)


# --- manifest --------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def package_versions() -> dict[str, str]:
    versions = {name: package_version(name) for name in PACKAGES}
    versions["python"] = platform.python_version()
    return versions


def write_manifest(path: Path, content: Mapping[str, Any]) -> None:
    path.write_text(
        json.dumps(content, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
