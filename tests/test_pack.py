"""The client's deliverable pack: one index page (and PDF) for every analysis of a run."""

from __future__ import annotations

import datetime as dt

from crmwb.pack import PackCover, PackEntry, pack_html, save_summary, write_pack
from crmwb.views import KeyFigure, KeyFigures, Text

COVER = PackCover("Maison <Dupont>", "fr", dt.date(2026, 11, 23), "Alex Morgan")


def _run_folder(tmp_path):
    save_summary(
        tmp_path,
        "tco",
        KeyFigures((KeyFigure("Licence", "13 200 €"),)),
        Text(("La licence est **moins chère**.",)),
    )
    (tmp_path / "tco.html").write_text("<html><body><p>TCO report</p></body></html>")
    (tmp_path / "tco.xlsx").write_bytes(b"")
    return [
        PackEntry("tco", "Coût total de possession", "ok"),
        PackEntry("roi", "Retour sur investissement", "failed", "ROI!B5: a number"),
        PackEntry("vendor_comparison", "Comparaison des éditeurs", "skipped", "no vendor"),
    ]


def test_the_pack_summarises_what_ran_and_lists_what_did_not(tmp_path):
    entries = _run_folder(tmp_path)
    page = pack_html(tmp_path, COVER, entries, css="")
    assert "Maison &lt;Dupont&gt;" in page and "<Dupont>" not in page
    assert "13 200 €" in page and "<strong>moins chère</strong>" in page
    # links only to the files the analysis produced (no PDF here)
    assert 'href="tco.html"' in page and 'href="tco.xlsx"' in page
    assert 'href="tco.pdf"' not in page
    # the analyses that did not run are named, with why
    assert "Retour sur investissement</strong> — en échec (ROI!B5: a number)" in page
    assert "Comparaison des éditeurs</strong> — analyse non réalisée, faute de données" in page
    assert 'href="#roi"' not in page  # not in the contents


def test_write_pack_makes_the_index_and_one_pdf_of_cover_and_reports(tmp_path):
    entries = _run_folder(tmp_path)
    pack = write_pack(tmp_path, COVER, entries)
    assert pack.index.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert pack.pdf.read_bytes().startswith(b"%PDF")
    # the cover and summaries (one page), then the TCO report (one page); the failed and
    # skipped analyses have no report to add
    assert pack.pages == (1, 1)


def test_save_summary_without_an_output_folder_writes_nothing(tmp_path):
    save_summary(None, "tco", Text(("x",)))
    assert list(tmp_path.iterdir()) == []
