"""Deliverables: HTML reports (nbconvert, our template), PDF (WeasyPrint), Excel tables, manifest.

* HTML: an executed notebook's outputs, without code, through ``templates/report/`` and the
  print stylesheet ``templates/report.css``. One :class:`Renderer` per worker keeps the nbconvert
  exporter (and its Jinja environment) alive across notebooks.
* PDF: the same HTML rendered by WeasyPrint in-process (client name, title, date and page
  numbers in the page margins).
* Excel: result tables (:class:`~crmwb.deliver.views.Table`) with money formats, widths and frozen
  headers; client text is always written as text, never as a formula.
* ``manifest.json``: inputs' SHA-256, parameters, package versions, timings, status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from crmwb.core import i18n
from crmwb.core.i18n import Lang, has_message, t
from crmwb.core.workspace import TEMPLATES_DIR
from crmwb.deliver.views import SHEET_NAME, Kind, Table, sheet_name

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


@dataclass(frozen=True)
class ReadMe:
    """What the first sheet of an Excel deliverable says: whose it is, which analysis, which
    run, the units, the conventions of the analysis, and what each sheet holds."""

    title: str
    run: str = ""
    conventions: tuple[str, ...] = ()


def write_excel(
    path: Path, tables: Iterable[Table], lang: Lang, readme: ReadMe | None = None
) -> Path:
    """Write ``tables`` to ``path``, one sheet each, as data: a header row, one type per column
    (numbers and dates typed, with number formats), filters on the headers; with ``readme``, a
    « Lisez-moi » sheet first. Text cells are stored as text (a leading ``=`` is shown, not
    evaluated)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    header_font, header_fill = (
        Font(bold=True, color="FFFFFF"),
        PatternFill("solid", fgColor="1F3864"),
    )
    strong, top_rule = Font(bold=True), Border(top=Side(style="medium", color="1F3864"))
    tables = list(tables)
    wb = Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    used: set[str] = set()
    if readme is not None and tables:
        _write_readme(wb, readme, tables, lang, used)
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
                elif isinstance(value, dt.date):
                    cell.value = value
                    cell.number_format = DATE_FORMAT
                elif value is not None:
                    cell.value = value
                    cell.number_format = _number_format(kind, money, table.number_decimals(col - 1))
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
        if table.rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


DATE_FORMAT = "dd/mm/yyyy"
"""Dates in Excel: a real date, shown day first (as French and British readers write it)."""


def _number_format(kind: Kind, money: str, decimals: int = 0) -> str:
    """The Excel number format of a value of ``kind`` (``money``: the client's currency;
    ``decimals``: what the column's numbers need, so « 6 » never shows as « 6. »)."""
    number = "#,##0" + ("." + "0" * decimals if decimals else "")
    return {
        "money": money,
        "money_cents": money.replace("#,##0", "#,##0.00"),
        "percent": "0.0%",
        "number": number,
        "integer": "#,##0",
        "date": DATE_FORMAT,
    }.get(kind, "General")


def _write_readme(
    wb: Any, readme: ReadMe, tables: Sequence[Table], lang: Lang, used: set[str]
) -> None:
    """The « Lisez-moi » sheet: whose deliverable, which run, the units, the conventions and
    the sheets that follow (with what each holds)."""
    from openpyxl.styles import Alignment, Font

    ctx = tables[0].ctx
    ws = wb.create_sheet(_unique(t("report.readme.sheet", lang), used))
    title = ws.cell(row=1, column=1)
    _set_text(title, t("report.readme.title", lang, title=readme.title, client=ctx.client_name))
    title.font = Font(bold=True, size=14, color="1F3864")
    rows: list[tuple[str, object]] = [
        (t("report.readme.client", lang), ctx.client_name),
        (t("report.readme.analysis", lang), readme.title),
        (t("report.readme.consultant", lang), ctx.consultant),
        (t("report.readme.date", lang), ctx.date),
        (t("report.readme.run", lang), readme.run),
        (
            t("report.readme.units", lang),
            t("report.readme.units_text", lang, currency=ctx.currency),
        ),
    ]
    row = 3
    for label, value in rows:
        if value in (None, ""):
            continue
        _set_text(ws.cell(row=row, column=1), label)
        ws.cell(row=row, column=1).font = Font(bold=True)
        cell = ws.cell(row=row, column=2)
        if isinstance(value, dt.date):
            cell.value, cell.number_format = value, DATE_FORMAT
            cell.alignment = Alignment(horizontal="left")
        else:
            _set_text(cell, str(value))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    row += 1
    _set_text(ws.cell(row=row, column=1), t("report.readme.sheets", lang))
    ws.cell(row=row, column=1).font = Font(bold=True)
    _set_text(ws.cell(row=row, column=2), t("report.readme.data", lang))
    used_names = list(used)
    for table, name in zip(tables, _sheet_names(tables, used_names), strict=True):
        row += 1
        _set_text(ws.cell(row=row, column=1), name)
        about = table.caption or table.note
        if about:
            _set_text(ws.cell(row=row, column=2), about)
            ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    if readme.conventions:
        row += 2
        _set_text(ws.cell(row=row, column=1), t("report.readme.conventions", lang))
        ws.cell(row=row, column=1).font = Font(bold=True)
        for text in readme.conventions:
            _set_text(ws.cell(row=row, column=2), text)
            ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100


def _sheet_names(tables: Sequence[Table], used: Sequence[str]) -> list[str]:
    """The names the tables' sheets will get (as :func:`write_excel` gives them)."""
    taken = set(used)
    return [_unique(table.name, taken) for table in tables]


def _set_text(cell: Any, text: str) -> None:
    """Store ``text`` as a string cell; openpyxl would otherwise turn "=..." into a formula."""
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True


def _unique(name: str, used: set[str]) -> str:
    """``name`` as a sheet name (cut between words), numbered when a sheet already has it."""
    candidate, n = sheet_name(name), 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate, n = sheet_name(name[: SHEET_NAME - len(suffix)]) + suffix, n + 1
    used.add(candidate.casefold())
    return candidate


def save_tables(
    output_dir: str | os.PathLike[str] | None,
    stem: str,
    tables: Iterable[Table],
    lang: Lang,
    *,
    conventions: Sequence[str] = (),
) -> Path | None:
    """Write the analysis' Excel deliverable ``<output_dir>/<stem>.xlsx``, its « Lisez-moi »
    sheet first (the analysis ``stem``'s title, the run, the units and ``conventions``);
    nothing when the notebook runs without an output folder, as in JupyterLab."""
    if output_dir is None:
        return None
    folder = Path(output_dir)
    title = t(f"analysis.{stem}", lang) if has_message(f"analysis.{stem}") else stem
    run = folder.name.removeprefix(".").removesuffix(".partial")
    readme = ReadMe(title, run, tuple(conventions))
    return write_excel(folder / f"{stem}.xlsx", tables, lang, readme)


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
