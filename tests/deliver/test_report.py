"""Deliverables: client text escaped in HTML, never a live formula in Excel; money formats."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile

import nbformat
import pytest
from openpyxl import load_workbook

from crmwb.deliver.report import Renderer, ReportInfo, html_to_pdf, write_excel
from crmwb.deliver.views import (
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    ReportHeader,
    Table,
    Text,
    section,
)

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


def test_short_labels_and_dates_are_never_broken_across_lines():
    """« E-mail » broke after its hyphen and « 26 novembre 2027 » over two lines in narrow
    columns: a date, and a text cell of 12 characters or fewer, keep on one line."""
    ctx = _ctx()
    table = Table(
        "t",
        (Column("Date", "date"), Column("Canal"), Column("Campagne")),
        ((dt.date(2027, 11, 26), "E-mail", "Black Friday : offres réservées aux membres"),),
        ctx,
    )
    cells = re.findall(r'<td class="([^"]+)">([^<]*)</td>', table._repr_html_())
    assert cells == [
        ("text keep", "26 novembre 2027"),
        ("text keep", "E-mail"),
        ("text", "Black Friday : offres réservées aux membres"),
    ]


def test_a_long_key_figure_is_set_smaller():
    figures = KeyFigures(
        (KeyFigure("Au 23 novembre 2026", "Software set-up"), KeyFigure("Durée", "9,5 mois"))
    )
    assert re.findall(r'<div class="(value[^"]*)">', figures._repr_html_()) == [
        "value long",
        "value",
    ]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is absent")
def test_a_long_client_name_keeps_the_running_head_on_one_line(tmp_path):
    """A long client name is cut (« … ») in the running head; the report's title stays beside
    it, on the same line (both were pushed onto two lines)."""
    name = "Compagnie Générale des Literies, Matelas et Sommiers de France et d'Outre-Mer " * 2
    ctx = _ctx(name)
    nb = _executed_notebook(ReportHeader("TCO", "sub", ctx, dt.date(2026, 11, 23)))
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(
        html_to_pdf(
            Renderer().html(nb, ReportInfo(name, "Coût total", "fr", dt.date(2026, 11, 23)))
        )
    )
    text = subprocess.run(
        ["pdftotext", "-layout", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    head = next(line for line in text.splitlines() if line.strip())
    assert head.strip().startswith("Compagnie Générale") and head.rstrip().endswith("Coût total")
