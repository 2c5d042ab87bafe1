"""The client's deliverable pack: one ``index.html`` (and ``pack.pdf``) per run folder, so a
client receives one pack rather than loose reports.

Each analysis notebook leaves its executive summary (its key figures and sentences, already
escaped and masked by :mod:`crmwb.views`) in ``summaries/<analysis>.html`` of the run folder
(:func:`save_summary`). After the run, :func:`write_pack` assembles the cover, the summary of
every analysis that ran with links to its report, PDF and Excel file, and lists the analyses
that did not run (skipped: nothing to analyse; failed: the error) — none is silently dropped.
``pack.pdf`` is the cover and summaries followed by every report.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from crmwb import i18n
from crmwb.i18n import Lang, t
from crmwb.paths import TEMPLATES_DIR
from crmwb.views import Part

SUMMARIES = "summaries"
INDEX, PACK_PDF = "index.html", "pack.pdf"


def save_summary(output_dir: str | os.PathLike[str] | None, analysis: str, *parts: Part) -> None:
    """Leave ``analysis``'s executive summary (views with ``_repr_html_``: key figures, text) for
    the pack; nothing when the notebook runs without an output folder (JupyterLab)."""
    if output_dir is None:
        return
    folder = Path(output_dir) / SUMMARIES
    folder.mkdir(parents=True, exist_ok=True)
    fragment = "".join(part._repr_html_() for part in parts)
    (folder / f"{analysis}.html").write_text(fragment, encoding="utf-8")


@dataclass(frozen=True)
class PackEntry:
    """One analysis of the run: its name, its title in the client's language, and how it went
    (``reason``: why it was skipped, or the error)."""

    analysis: str
    title: str
    status: Literal["ok", "skipped", "failed"]
    reason: str = ""


@dataclass(frozen=True)
class PackCover:
    client: str
    lang: Lang
    date: dt.date
    consultant: str = ""


def pack_html(folder: Path, cover: PackCover, entries: Sequence[PackEntry], css: str) -> str:
    """The pack's index page: cover, each analysis' summary and links, what did not run."""
    lang = cover.lang
    esc = html.escape
    by = t("report.prepared_by", lang, consultant=cover.consultant) if cover.consultant else ""
    meta = " · ".join(esc(x) for x in (by, i18n.date(cover.date, lang)) if x)
    ran = [e for e in entries if e.status == "ok"]
    contents = "".join(f'<li><a href="#{esc(e.analysis)}">{esc(e.title)}</a></li>' for e in ran)
    sections = []
    for entry in ran:
        summary_file = folder / SUMMARIES / f"{entry.analysis}.html"
        summary = summary_file.read_text(encoding="utf-8") if summary_file.is_file() else ""
        links = " · ".join(
            f'<a href="{esc(entry.analysis)}.{ext}">{esc(t(f"pack.link.{ext}", lang))}</a>'
            for ext in ("html", "pdf", "xlsx")
            if (folder / f"{entry.analysis}.{ext}").is_file()
        )
        sections.append(
            f'<section class="section pack-entry" id="{esc(entry.analysis)}">'
            f"<h2>{esc(entry.title)}</h2>{summary}"
            f'<p class="pack-links">{links}</p></section>'
        )
    missing = [e for e in entries if e.status != "ok"]
    if missing:
        items = "".join(
            f"<li><strong>{esc(e.title)}</strong> — "
            f"{esc(t(f'pack.status.{e.status}', lang))}"
            + (f" ({esc(e.reason)})" if e.reason else "")
            + "</li>"
            for e in missing
        )
        sections.append(
            f'<section class="section"><h2>{esc(t("pack.not_run", lang))}</h2>'
            f"<ul>{items}</ul></section>"
        )
    title = t("pack.title", lang)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{esc(title)} – {esc(cover.client)}</title><style>{css}</style></head><body>"
        f'<div class="running-client">{esc(cover.client)}</div>'
        f'<div class="running-title">{esc(title)}</div>'
        f'<div class="running-date">{esc(i18n.date(cover.date, lang))}</div>'
        f'<div class="running-page">{esc(t("report.page", lang))}</div>'
        f'<main><header class="report-header"><p class="client">{esc(cover.client)}</p>'
        f"<h1>{esc(title)}</h1>"
        f'<p class="subtitle">{esc(t("pack.subtitle", lang, count=len(ran)))}</p>'
        f'<p class="meta">{meta}</p></header>'
        f'<nav class="pack-contents"><h2>{esc(t("pack.contents", lang))}</h2>'
        f"<ol>{contents}</ol></nav>"
        f"{''.join(sections)}</main></body></html>"
    )


@dataclass(frozen=True)
class Pack:
    """The pack written: its index page, its PDF, and the PDF's pages (cover and summaries,
    then each report in turn)."""

    index: Path
    pdf: Path
    pages: tuple[int, ...]
    """Pages of each part of the PDF: the cover and summaries first, then each report."""


def write_pack(folder: Path, cover: PackCover, entries: Sequence[PackEntry]) -> Pack:
    """Write ``index.html`` and ``pack.pdf`` into the run ``folder``."""
    from weasyprint import HTML

    css = (TEMPLATES_DIR / "report.css").read_text(encoding="utf-8")
    index = folder / INDEX
    page = pack_html(folder, cover, entries, css)
    index.write_text(page, encoding="utf-8")
    documents = [HTML(string=page, base_url=str(folder)).render()]
    for entry in entries:
        report = folder / f"{entry.analysis}.html"
        if entry.status == "ok" and report.is_file():
            documents.append(HTML(filename=str(report), base_url=str(folder)).render())
    pages = [p for document in documents for p in document.pages]
    pdf = folder / PACK_PDF
    documents[0].copy(pages).write_pdf(str(pdf))
    return Pack(index, pdf, tuple(len(document.pages) for document in documents))
