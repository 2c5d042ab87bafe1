"""The client's deliverable pack: an index page for the screen and one PDF document for every
analysis of a run (a cover with its table of contents, the summaries, then every report)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from crmwb.deliver.pack import (
    PackCover,
    PackEntry,
    pack_document,
    pack_html,
    save_summary,
    write_pack,
)
from crmwb.deliver.views import KeyFigure, KeyFigures, Text

COVER = PackCover("Maison <Dupont>", "fr", dt.date(2026, 11, 23), "Alex Morgan")
REPORT = """<html><body><div class="running-title">TCO</div><main>
<h1>Coût total de possession</h1>{pages}<p>Fin du rapport TCO</p></main></body></html>"""


def _run_folder(tmp_path: Path, report_pages: int = 1) -> list[PackEntry]:
    save_summary(
        tmp_path,
        "tco",
        KeyFigures((KeyFigure("Licence", "13 200 €"),)),
        Text(("La licence est **moins chère**.",)),
    )
    filler = '<p style="break-after: page">page</p>' * (report_pages - 1)
    (tmp_path / "tco.html").write_text(REPORT.format(pages=filler), encoding="utf-8")
    (tmp_path / "tco.xlsx").write_bytes(b"")
    return [
        PackEntry("tco", "Coût total de possession", "ok"),
        PackEntry("roi", "Retour sur investissement", "failed", "ROI!B5: a number"),
        PackEntry("vendor_comparison", "Comparaison des éditeurs", "skipped", "no vendor"),
    ]


def test_the_index_summarises_what_ran_and_lists_what_did_not(tmp_path: Path) -> None:
    entries = _run_folder(tmp_path)
    page = pack_html(tmp_path, COVER, entries, css="")
    assert "Maison &lt;Dupont&gt;" in page and "<Dupont>" not in page
    assert "13 200 €" in page and "<strong>moins chère</strong>" in page
    # links only to the files the analysis produced (no PDF here)
    assert 'href="tco.html"' in page and 'href="tco.xlsx"' in page
    assert 'href="tco.pdf"' not in page
    # and to the whole pack in one PDF, for the consultant who sends a single file
    assert '<a href="pack.pdf">Le dossier complet en un seul PDF</a>' in page
    # the analyses that did not run are named, with why
    assert "Retour sur investissement</strong> — en échec (ROI!B5: a number)" in page
    assert "Comparaison des éditeurs</strong> — analyse non réalisée, faute de données" in page
    assert 'href="#roi"' not in page  # not in the contents


def test_the_pdf_document_links_only_inside_itself(tmp_path: Path) -> None:
    entries = _run_folder(tmp_path)
    document = pack_document(tmp_path, COVER, entries, css="")
    links = re.findall(r'href="([^"]*)"', document)
    assert links and all(link.startswith("#") for link in links), links
    ids = set(re.findall(r'id="([^"]*)"', document))
    assert {link[1:] for link in links} <= ids  # every link has its target
    assert "Fin du rapport TCO" in document  # the report itself, not a link to it
    assert "report-roi" not in document  # a failed analysis has no report


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)")
def test_the_pdf_is_one_document_numbered_through(tmp_path: Path) -> None:
    entries = _run_folder(tmp_path, report_pages=3)
    pack = write_pack(tmp_path, COVER, entries)
    assert pack.index.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # the cover (1 page), the summaries and what did not run (1), the TCO report (3)
    assert pack.pages == (1, 1, 3)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pack.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) == 5
    # page numbers run through the whole document, the total on every page
    assert [re.search(r"Page (\d+) / (\d+)", page).groups() for page in pages] == [  # type: ignore[union-attr]
        (str(n), "5") for n in range(1, 6)
    ]
    # the contents give each part's page, and the summary points to its report's page
    contents = re.sub(r"\s+", " ", pages[0])
    assert re.search(r"Synthèse des analyses ?\.+ ?2\b", contents), contents
    assert re.search(r"Coût total de possession ?\.+ ?3\b", contents), contents
    assert "Rapport complet, p. 3" in pages[1]
    assert "Fin du rapport TCO" in pages[4]


def test_save_summary_without_an_output_folder_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a summary written anyway would land here
    save_summary(None, "tco", Text(("x",)))
    assert list(tmp_path.iterdir()) == []


def test_a_pack_leaves_no_layout_behind(tmp_path: Path) -> None:
    """The layout's boxes are in reference cycles: a batch process, which collects its garbage
    rarely, kept some 50 MB of them a client (the runner grew with every pack). None is left
    once the pack is written, even with the automatic collector off."""
    import gc

    from weasyprint.formatting_structure.boxes import PageBox  # a box of every page laid out

    entries = _run_folder(tmp_path, report_pages=3)
    gc.collect()
    gc.disable()
    try:
        write_pack(tmp_path, COVER, entries)
        assert not [o for o in gc.get_objects() if isinstance(o, PageBox)]
    finally:
        gc.enable()
