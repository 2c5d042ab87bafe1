"""The client's deliverable pack: ``index.html`` for the screen and ``pack.pdf``, one document,
per run folder, so a client receives one pack rather than loose reports.

Each analysis notebook leaves its executive summary (its key figures and sentences, already
escaped and masked by :mod:`crmwb.deliver.views`) in ``summaries/<analysis>.html`` of the run folder
(:func:`save_summary`). After the run, :func:`write_pack` assembles:

* ``index.html``: the cover, the summary of every analysis that ran with links to its report,
  PDF and Excel file, and the analyses that did not run (skipped: nothing to analyse; failed:
  the error) — none is silently dropped;
* ``pack.pdf``: one document — a cover with a table of contents and its page numbers, the
  summaries (each pointing to its report's page), then every report; pages numbered through
  (« 12 / 46 »), links that work inside the PDF, nothing that points to a file beside it (the
  PDF is sent alone). WeasyPrint lays out the cover and the summaries (:func:`pack_document`)
  and, for each report, as many pages carrying only their number; each report's own pages, laid
  out once by its job (``pages/<analysis>.pdf``, :mod:`crmwb.deliver.pages`), go under them. A
  pack used to lay out every report again: a third of a run's processor time.
"""

from __future__ import annotations

import datetime as dt
import gc
import html
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Literal

from crmwb.core import i18n
from crmwb.core.i18n import Lang, t
from crmwb.core.workspace import TEMPLATES_DIR
from crmwb.deliver.pages import PAGES, lay_onto, page_count, unnumbered_pages
from crmwb.deliver.views import Part

SUMMARIES = "summaries"
INDEX, PACK_PDF = "index.html", "pack.pdf"
_MAIN = re.compile(r"<main>(.*)</main>", re.DOTALL)


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
    carried_from: dt.date | None = None
    """The day its report was made, when this run carried it from an earlier one (None: made
    in this run)."""
    out_of_date: bool = False
    """Carried although its inputs changed since (the run was limited to other analyses)."""
    kind: Literal["analysis", "changes"] = "analysis"
    """« changes »: what changed since the last steering committee (or the run before), shown
    first, not counted among the analyses."""


@dataclass(frozen=True)
class PackCover:
    client: str
    lang: Lang
    date: dt.date
    consultant: str = ""


def _head(cover: PackCover, css: str) -> str:
    esc, lang = html.escape, cover.lang
    title = t("pack.title", lang)
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(title)} – {esc(cover.client)}</title><style>{css}</style></head><body>"
        f'<div class="running-client">{esc(cover.client)}</div>'
        f'<div class="running-date">{esc(i18n.date(cover.date, lang))}</div>'
        f'<div class="running-page">{esc(t("report.page", lang))}</div>'
    )


def _header(cover: PackCover, ran: int) -> str:
    esc, lang = html.escape, cover.lang
    by = t("report.prepared_by", lang, consultant=cover.consultant) if cover.consultant else ""
    meta = " · ".join(esc(x) for x in (by, i18n.date(cover.date, lang)) if x)
    return (
        f'<header class="report-header"><p class="client">{esc(cover.client)}</p>'
        f"<h1>{esc(t('pack.title', lang))}</h1>"
        f'<p class="subtitle">{esc(t("pack.subtitle", lang, count=ran))}</p>'
        f'<p class="meta">{meta}</p></header>'
    )


def _summary(folder: Path, entry: PackEntry) -> str:
    summary_file = folder / SUMMARIES / f"{entry.analysis}.html"
    return summary_file.read_text(encoding="utf-8") if summary_file.is_file() else ""


def _freshness(entry: PackEntry, lang: Lang) -> str:
    """Whether the report is new in this run or carried from an earlier one (and from when),
    and a warning when its inputs changed since it was made."""
    esc = html.escape
    if entry.kind != "analysis":
        return ""
    if entry.carried_from is None:
        text = t("pack.fresh.new", lang)
    else:
        text = t("pack.fresh.carried", lang, date=i18n.date(entry.carried_from, lang))
    warning = (
        f' <strong class="pack-out-of-date">{esc(t("pack.fresh.out_of_date", lang))}</strong>'
        if entry.out_of_date
        else ""
    )
    kind = "new" if entry.carried_from is None else "carried"
    return f'<p class="pack-freshness pack-{kind}">{esc(text)}{warning}</p>'


def _not_run(entries: Sequence[PackEntry], lang: Lang) -> str:
    esc = html.escape
    missing = [e for e in entries if e.status != "ok"]
    if not missing:
        return ""
    items = "".join(
        f"<li><strong>{esc(e.title)}</strong> — "
        f"{esc(t(f'pack.status.{e.status}', lang))}"
        + (f" ({esc(e.reason)})" if e.reason else "")
        + "</li>"
        for e in missing
    )
    return (
        f'<section class="section" id="not-run"><h2>{esc(t("pack.not_run", lang))}</h2>'
        f"<ul>{items}</ul></section>"
    )


def pack_html(folder: Path, cover: PackCover, entries: Sequence[PackEntry], css: str) -> str:
    """The pack's index page for the screen: cover, a link to the whole pack in one PDF, each
    analysis' summary with links to its report, PDF and Excel file, what did not run."""
    lang, esc = cover.lang, html.escape
    ran = [e for e in entries if e.status == "ok"]
    contents = "".join(f'<li><a href="#{esc(e.analysis)}">{esc(e.title)}</a></li>' for e in ran)
    sections = []
    for entry in ran:
        links = " · ".join(
            f'<a href="{esc(entry.analysis)}.{ext}">{esc(t(f"pack.link.{ext}", lang))}</a>'
            for ext in ("html", "pdf", "xlsx")
            if (folder / f"{entry.analysis}.{ext}").is_file()
        )
        sections.append(
            f'<section class="section pack-entry" id="{esc(entry.analysis)}">'
            f"<h2>{esc(entry.title)}</h2>{_freshness(entry, lang)}{_summary(folder, entry)}"
            f'<p class="pack-links">{links}</p></section>'
        )
    return (
        _head(cover, css)
        + f'<div class="running-title">{esc(t("pack.title", lang))}</div>'
        + f"<main>{_header(cover, _analyses(ran))}"
        + f'<p class="pack-links"><a href="{PACK_PDF}">{esc(t("pack.link.whole", lang))}</a>'
        + _deck_link(folder, lang)
        + "</p>"
        + f'<nav class="pack-contents"><h2>{esc(t("pack.contents", lang))}</h2>'
        + f"<ol>{contents}</ol></nav>"
        + "".join(sections)
        + _not_run(entries, lang)
        + "</main></body></html>"
    )


DECK = "deck.pptx"
"""The run's steering-committee deck (crmwb.deck.files writes it before the pack)."""


def _deck_link(folder: Path, lang: Lang) -> str:
    """The link to the run's steering-committee deck, when the run has one."""
    if not (folder / DECK).is_file():
        return ""
    return f' · <a href="{DECK}">{html.escape(t("pack.link.deck", lang))}</a>'


def _analyses(entries: Sequence[PackEntry]) -> int:
    return sum(e.kind == "analysis" for e in entries)


def report_body(report_html: str) -> str:
    """What a report shows (the inside of its ``<main>``), to be put into the pack document."""
    found = _MAIN.search(report_html)
    return found.group(1) if found else ""


def pack_document(
    folder: Path,
    cover: PackCover,
    entries: Sequence[PackEntry],
    css: str,
    report_pages: Mapping[str, int] | None = None,
) -> str:
    """The pack's PDF as one HTML document: a cover with the table of contents (each line with
    its page number, computed by the layout), the summaries (each pointing to its report's page),
    what did not run, then every report on its own pages under its title. Every link is inside
    the document. With ``report_pages`` (each report's number of pages), a report is that many
    blank pages carrying only their number, onto which :func:`write_pack` lays the report's
    pages, laid out once."""
    lang, esc = cover.lang, html.escape
    ran = [e for e in entries if e.status == "ok" and (folder / f"{e.analysis}.html").is_file()]
    page_ref, page_abbr = esc(t("pack.page_ref", lang)), esc(t("pack.page_abbr", lang))
    toc = [("#summaries", t("pack.summaries", lang))]
    if any(e.status != "ok" for e in entries):
        toc.append(("#not-run", t("pack.not_run", lang)))
    toc += [(f"#report-{e.analysis}", e.title) for e in ran]
    contents = "".join(
        f'<li><a class="toc" href="{esc(href)}">{esc(title)}</a></li>' for href, title in toc
    )
    summaries = "".join(
        f'<section class="section pack-entry"><h2>{esc(e.title)}</h2>'
        f"{_freshness(e, lang)}{_summary(folder, e)}"
        f'<p class="pack-links"><a class="page-ref" data-page="{page_abbr}" '
        f'href="#report-{esc(e.analysis)}">{page_ref}</a></p></section>'
        for e in ran
    )
    if report_pages is None:
        reports = "".join(
            f'<section class="pack-report" id="report-{esc(e.analysis)}">'
            f'<div class="running-title">{esc(e.title)}</div>'
            f"{report_body((folder / f'{e.analysis}.html').read_text(encoding='utf-8'))}"
            "</section>"
            for e in ran
        )
    else:
        reports = "".join(
            f'<section class="pack-report pack-pages" id="report-{esc(e.analysis)}" '
            f'data-title="{esc(e.title)}">'
            + '<div class="pack-page"></div>' * report_pages[e.analysis]
            + "</section>"
            for e in ran
        )
    return (
        _head(cover, css)
        + '<main class="pack-document"><section class="pack-cover">'
        + f'<div class="running-title">{esc(t("pack.title", lang))}</div>'
        + _header(cover, _analyses(ran))
        + f'<nav class="pack-toc"><h2>{esc(t("pack.contents", lang))}</h2>'
        + f"<ol>{contents}</ol></nav></section>"
        + '<section class="pack-summaries" id="summaries">'
        + f'<h1 class="part-title">{esc(t("pack.summaries", lang))}</h1>{summaries}'
        + _not_run(entries, lang)
        + f"</section>{reports}</main></body></html>"
    )


@dataclass(frozen=True)
class Pack:
    """The pack written: its index page, its PDF, and the PDF's pages (the cover, the summaries,
    then each report in turn)."""

    index: Path
    pdf: Path
    pages: tuple[int, ...]
    """Pages of each part of the PDF: the cover, the summaries, then each report."""


def write_pack(folder: Path, cover: PackCover, entries: Sequence[PackEntry]) -> Pack:
    """Write ``index.html`` and ``pack.pdf`` into the run ``folder``. Each report's pages are
    the ones its job laid out (``pages/<analysis>.pdf``), laid onto the pack's numbered pages;
    a report without them (made by an earlier crmwb, or the changes' report) is laid out here."""
    from weasyprint import HTML

    css = (TEMPLATES_DIR / "report.css").read_text(encoding="utf-8")
    index = folder / INDEX
    index.write_text(pack_html(folder, cover, entries, css), encoding="utf-8")
    pages = {
        e.analysis: _report_pages(folder, e.analysis)
        for e in entries
        if e.status == "ok" and (folder / f"{e.analysis}.html").is_file()
    }
    counts = {analysis: page_count(pdf) for analysis, pdf in pages.items()}
    document = HTML(string=pack_document(folder, cover, entries, css, counts), base_url=str(folder))
    rendered = document.render()
    starts = _anchor_pages(rendered.pages)
    numbered_pages = bytes(rendered.write_pdf())
    pdf = folder / PACK_PDF
    parts = [(starts[f"report-{analysis}"], content) for analysis, content in pages.items()]
    pdf.write_bytes(lay_onto(numbered_pages, parts))
    pack = Pack(index, pdf, _part_pages(rendered.pages, entries))
    del document, rendered
    # The layout leaves its boxes in reference cycles, some 50 MB a pack, which a batch
    # process (crmwb.run.processes) collects rarely: the runner grew with every client (12
    # clients: 712 MB at its peak; collected here, 292 MB).
    gc.collect()
    return pack


def _report_pages(folder: Path, analysis: str) -> bytes:
    """A report's unnumbered pages: as its job laid them out, else laid out now."""
    laid_out = folder / PAGES / f"{analysis}.pdf"
    if laid_out.is_file():
        return laid_out.read_bytes()
    report = (folder / f"{analysis}.html").read_text(encoding="utf-8")
    return unnumbered_pages(report, base_url=str(folder))


def _anchor_pages(pages: Sequence[object]) -> dict[str, int]:
    """The page each anchor of the laid-out document stands on."""
    found: dict[str, int] = {}
    for index, page in enumerate(pages):
        for anchor in getattr(page, "anchors", {}):
            found.setdefault(anchor, index)
    return found


def _part_pages(pages: Sequence[object], entries: Sequence[PackEntry]) -> tuple[int, ...]:
    """How many pages each part of the pack takes, from where its anchor stands."""
    found = _anchor_pages(pages)
    anchors = ["summaries", *(f"report-{e.analysis}" for e in entries if e.status == "ok")]
    starts = [0, *(found[anchor] for anchor in anchors if anchor in found), len(pages)]
    return tuple(b - a for a, b in pairwise(starts))
