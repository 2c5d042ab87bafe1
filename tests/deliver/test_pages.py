"""A report's pages, laid out once without their number: its PDF puts « Page k / n » on them,
the pack lays the same pages under its own numbers (crmwb.deliver.pages)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from crmwb.core.workspace import TEMPLATES_DIR
from crmwb.deliver.pack import PackCover, PackEntry, write_pack
from crmwb.deliver.pages import PAGES, lay_onto, numbered, page_count, unnumbered_pages

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)"
)

CSS = (TEMPLATES_DIR / "report.css").read_text(encoding="utf-8")
REPORT = (
    '<html><head><style>{css}</style></head><body><div class="running-page">Page</div><main>'
    "<h1>Coût total de possession</h1>{pages}</main></body></html>"
)


def report(pages: int, text: str = "page") -> str:
    """A report of ``pages`` pages, page i saying « {text} i »."""
    body = (
        "".join(f'<p style="break-after: page">{text} {i}</p>' for i in range(1, pages))
        + f"<p>{text} {pages}</p>"
    )
    return REPORT.format(css=CSS, pages=body)


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\f")[:-1]


def numbers(pages: list[str]) -> list[tuple[str, str]]:
    return [tuple(found) for page in pages for found in re.findall(r"Page (\d+) / (\d+)", page)]


def test_the_pages_are_laid_out_without_their_number(tmp_path: Path) -> None:
    pages = unnumbered_pages(report(3))
    assert page_count(pages) == 3
    text = pdf_pages(pages, tmp_path)
    assert numbers(text) == [] and not any("Page" in page for page in text)
    assert [re.search(r"page (\d)", page).group(1) for page in text] == ["1", "2", "3"]  # type: ignore[union-attr]


def test_a_report_s_pdf_numbers_each_page_once_through_the_report(tmp_path: Path) -> None:
    text = pdf_pages(numbered(unnumbered_pages(report(3)), "fr", CSS), tmp_path)
    assert numbers(text) == [("1", "3"), ("2", "3"), ("3", "3")]
    assert [re.search(r"page (\d)", page).group(1) for page in text] == ["1", "2", "3"]  # type: ignore[union-attr]


def test_a_part_s_pages_go_under_the_pages_from_its_index(tmp_path: Path) -> None:
    blank = '<div style="break-after: page"></div>' * 4 + "<div></div>"
    base = numbered(unnumbered_pages(REPORT.format(css=CSS, pages=blank)), "fr", CSS)
    part = unnumbered_pages(report(2, "partie"))
    text = pdf_pages(lay_onto(base, [(2, part)]), tmp_path)
    assert len(text) == 5
    assert [re.findall(r"partie (\d)", page) for page in text] == [[], [], ["1"], ["2"], []]
    assert numbers(text) == [(str(i), "5") for i in range(1, 6)]  # the base's numbers kept


COVER = PackCover("Maison Dupont", "fr", dt.date(2026, 11, 23), "Alex Morgan")


def test_the_pack_lays_the_pages_its_job_made_under_its_own_numbers(tmp_path: Path) -> None:
    """The job's pages (``pages/tco.pdf``, which here say « laid out by the job ») are the
    ones the pack shows, numbered through the pack; the report's HTML is not laid out again."""
    (tmp_path / "tco.html").write_text(report(2, "rapport HTML"), encoding="utf-8")
    (tmp_path / PAGES).mkdir()
    (tmp_path / PAGES / "tco.pdf").write_bytes(unnumbered_pages(report(3, "laid out by the job")))
    pack = write_pack(tmp_path, COVER, [PackEntry("tco", "Coût total de possession", "ok")])
    text = pdf_pages(pack.pdf.read_bytes(), tmp_path)
    assert pack.pages == (1, 1, 3)  # the cover, the summaries, the report
    assert len(text) == 5
    assert not any("rapport HTML" in page for page in text)
    assert [re.findall(r"by the job (\d)", page) for page in text] == [[], [], ["1"], ["2"], ["3"]]
    assert numbers(text) == [(str(i), "5") for i in range(1, 6)]
    contents = re.sub(r"\s+", " ", text[0])
    assert re.search(r"Coût total de possession ?\.+ ?3 ", contents), contents
