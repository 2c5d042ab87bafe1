"""Deliverables: client text escaped in HTML, never a live formula in Excel; money formats."""

from __future__ import annotations

import datetime as dt
import zipfile

import nbformat
from openpyxl import load_workbook

from crmwb.report import Renderer, ReportInfo, html_to_pdf, write_excel
from crmwb.views import Column, Context, ReportHeader, Table, Text, section

EVIL = '<script>alert("x")</script> & Cie'


def _ctx(name: str = EVIL, lang: str = "fr") -> Context:
    return Context(client_name=name, lang=lang, currency="EUR", consultant="<b>Bob</b>")  # type: ignore[arg-type]


def _executed_notebook(*outputs: object) -> nbformat.NotebookNode:
    """A notebook as papermill leaves it: code cells with HTML outputs."""
    nb = nbformat.v4.new_notebook()
    for i, obj in enumerate(outputs, start=1):
        cell = nbformat.v4.new_code_cell("hidden()", execution_count=i)
        cell.outputs = [
            nbformat.v4.new_output(
                "execute_result",
                data={"text/html": obj._repr_html_(), "text/plain": "x"},  # type: ignore[attr-defined]
                execution_count=i,
            )
        ]
        nb.cells.append(cell)
    nb.cells.append(nbformat.v4.new_markdown_cell("notebook-only text"))
    return nb


def test_client_text_is_escaped_in_the_html_report():
    ctx = _ctx()
    table = Table("t", (Column("Option"), Column("Total", "money")), ((EVIL, 13200.0),), ctx)
    nb = _executed_notebook(
        ReportHeader("TCO", "sub", ctx, dt.date(2026, 11, 23)),
        section("Résumé", Text(("**" + EVIL + "**",)), table),
    )
    html = Renderer().html(nb, ReportInfo(EVIL, "TCO", "fr", dt.date(2026, 11, 23)))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>Bob</b>" not in html
    assert "hidden()" not in html  # no code in the report
    assert "notebook-only text" not in html  # no markdown cells either
    assert "13\u202f200\u00a0€" in html  # money formatted the French way


def test_pdf_is_rendered_from_the_report_html():
    ctx = _ctx("Maison Dupont")
    nb = _executed_notebook(ReportHeader("TCO", "sub", ctx, dt.date(2026, 11, 23)))
    pdf = html_to_pdf(
        Renderer().html(nb, ReportInfo("Maison Dupont", "TCO", "fr", dt.date(2026, 11, 23)))
    )
    assert pdf.startswith(b"%PDF")


def test_text_starting_with_a_formula_sign_is_not_a_formula_in_excel(tmp_path):
    ctx = _ctx('=HYPERLINK("http://evil")')
    rows = (("=1+2", 5.0), ("+33 6 12", 1.0), ("@SUM(A1)", 2.0), ("-x", 3.0), ("Licence", 13200.0))
    path = write_excel(
        tmp_path / "out.xlsx",
        [Table("Coûts", (Column("Option"), Column("Total", "money")), rows, ctx)],
        "fr",
    )
    ws = load_workbook(path).active
    assert [ws.cell(row=r, column=1).value for r in range(2, 7)] == [r[0] for r in rows]
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(2, 7))
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula anywhere
    assert ws.cell(row=6, column=2).value == 13200.0  # numbers stay numbers
    assert "€" in ws.cell(row=6, column=2).number_format
    assert ws.freeze_panes == "B2"
