"""Every deliverable of both examples, as a steering committee receives it: each analysis's
HTML, PDF and Excel hold its headline figure and the client's name; no table is only a header;
no key figure reads « 0 / 0 »; every Excel deliverable is data (a « Lisez-moi » sheet first,
then tables with filled headers, filters, and one type per column: numbers and dates typed)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from deliverable_text import Visible, pdf_text
from example_runs import EXAMPLE_CLIENTS
from openpyxl import load_workbook

from crmwb.workbook.about import read_about
from crmwb.workbook.reader import read_workbook

SPACES = re.compile(r"[\s\u00a0\u202f]+")
LOOKS_LIKE_A_NUMBER = re.compile(
    r"^[-−+]?\d[\d\s\u00a0\u202f]*([,.]\d+)?\s*(%|€|mois|months?|jours?|days?)?$"
)
LOOKS_LIKE_A_DATE = re.compile(
    r"^\d{1,2}(er)?\s+\w+\.?\s+\d{4}$|^\d{1,2}/\d{1,2}/\d{4}$|^\d{4}-\d{2}-\d{2}$"
)
# Columns that repeat what the client typed as free text: the Systems sheet's retention is a
# sentence (« 3 ans après la fin de la relation »), Northwind's reads « 13 months ».
CLIENT_TEXT = {("data_flow_audit.xlsx", "Conservation")}


def analyses(folder: Path) -> list[str]:
    return sorted(p.stem for p in (folder / "summaries").glob("*.html"))


def plain(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def headline(folder: Path, analysis: str) -> str:
    """The value of the analysis's first key figure, as its summary shows it."""
    found = re.search(
        r'class="value(?: long)?">(.*?)</',
        (folder / "summaries" / f"{analysis}.html").read_text("utf-8"),
    )
    assert found, analysis
    return plain(re.sub(r"<[^>]+>", "", found.group(1)))


def excel_values(path: Path) -> list[object]:
    return [
        cell
        for ws in load_workbook(path, data_only=True).worksheets
        for row in ws.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]


def number_in(text: str) -> float | None:
    """The number a figure shows (« 13 200 € » -> 13200, « 76 % » -> 0.76, « 33,8 mois »)."""
    found = re.search(r"[-−]?\d[\d\s\u00a0\u202f]*(?:,\d+)?", text)
    if not found:
        return None
    value = float(SPACES.sub("", found.group(0)).replace(",", ".").replace("−", "-"))
    return value / 100 if "%" in text else value


@pytest.mark.parametrize("client", EXAMPLE_CLIENTS)
def test_each_analysis_holds_its_headline_and_the_client_name(
    french_runs: Path, client: str
) -> None:
    folder = french_runs / client / "latest"
    name = read_workbook(Path(__file__).parents[2] / "data/examples" / client / "workbook.xlsx")
    client_name = read_about(name).client_name
    assert analyses(folder)
    for analysis in analyses(folder):
        figure = headline(folder, analysis)
        page = plain(" ".join(Visible.of(folder / f"{analysis}.html").texts))
        assert figure in page and client_name in page, (analysis, figure)
        if shutil.which("pdftotext"):
            pdf = plain(pdf_text(folder / f"{analysis}.pdf"))
            assert figure in pdf and client_name in pdf, (analysis, figure)
        values = excel_values(folder / f"{analysis}.xlsx")
        assert client_name in values, analysis  # on the Lisez-moi sheet
        wanted = number_in(figure)
        if wanted is None:
            assert any(isinstance(v, str) and figure in plain(v) for v in values), analysis
        else:
            numbers = [v for v in values if isinstance(v, int | float)]
            close = [v for v in numbers if abs(v - wanted) <= max(0.51, abs(wanted) * 0.0005)]
            assert close or figure in {plain(str(v)) for v in values}, (analysis, figure)


@pytest.mark.parametrize("client", EXAMPLE_CLIENTS)
def test_no_table_is_only_a_header_and_no_key_figure_reads_zero_over_zero(
    french_runs: Path, client: str
) -> None:
    folder = french_runs / client / "latest"
    for path in sorted(folder.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        for table in re.findall(r'<table class="crmwb-table.*?</table>', page, flags=re.S):
            assert "<tbody></tbody>" not in table and "<td" in table, (path.name, table[:200])
        values = [plain(v) for v in re.findall(r'class="value(?: long)?">(.*?)</', page)]
        assert "0 / 0" not in values, path.name


@pytest.mark.parametrize("client", EXAMPLE_CLIENTS)
def test_every_excel_deliverable_is_data(french_runs: Path, client: str) -> None:
    folder = french_runs / client / "latest"
    for path in sorted(folder.glob("*.xlsx")):
        book = load_workbook(path)
        assert book.sheetnames[0] == "Lisez-moi", path.name
        for ws in book.worksheets[1:]:
            where = f"{path.name}[{ws.title}]"
            width = ws.max_column
            headers = [ws.cell(row=1, column=c).value for c in range(1, width + 1)]
            assert all(isinstance(h, str) and h.strip() for h in headers), (where, headers)
            if ws.max_row > 1:
                assert ws.auto_filter.ref, where
            for column in range(1, width + 1):
                cells = [ws.cell(row=r, column=column).value for r in range(2, ws.max_row + 1)]
                kinds = {_kind(v) for v in cells if v is not None and v != ""}
                assert len(kinds) <= 1, (where, headers[column - 1], kinds)
                if (path.name, headers[column - 1]) in CLIENT_TEXT:
                    continue
                texts = [v for v in cells if isinstance(v, str)]
                typed_as_text = [
                    v for v in texts if LOOKS_LIKE_A_NUMBER.match(v) or LOOKS_LIKE_A_DATE.match(v)
                ]
                assert typed_as_text == [], (where, headers[column - 1], typed_as_text[:3])


def _kind(value: object) -> str:
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, bool):
        return "logical"
    if isinstance(value, int | float):
        return "number"
    return "text"
