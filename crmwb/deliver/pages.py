"""A report's pages, laid out once and numbered afterwards, so that the pack reuses them.

Laying out a report (WeasyPrint) is the longest step of its PDF, and the pack used to lay out
every report a second time, only to number its pages through the pack (« 12 / 46 ») rather
than through the report (« 3 / 8 »). So a report is laid out once without its page number
(:func:`unnumbered_pages`, kept in ``pages/<analysis>.pdf`` of the run folder); its PDF is
those pages under « Page k / n » (:func:`numbered`), and the pack lays the same pages under its
own numbered pages (:func:`lay_onto`). The number is drawn by WeasyPrint, with
the report's stylesheet, where the report's footer puts it: the page looks as it did, and its
text holds each number once.
"""

from __future__ import annotations

import contextlib
import html
import io
from collections.abc import Sequence

from crmwb.core.i18n import Lang, t
from crmwb.core.workspace import TEMPLATES_DIR

PAGES = "pages"
"""The run folder's folder of the reports' unnumbered pages (``pages/<analysis>.pdf``)."""

_WITHOUT_NUMBER = "@page { @bottom-right { content: none !important; } }"


def unnumbered_pages(report_html: str, base_url: str | None = None) -> bytes:
    """The report laid out as its PDF is, without the page number (a PDF)."""
    from weasyprint import CSS, HTML

    document = HTML(string=report_html, base_url=base_url or str(TEMPLATES_DIR))
    return bytes(document.write_pdf(stylesheets=[CSS(string=_WITHOUT_NUMBER)]))


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


def numbered(pages: bytes, lang: Lang, css: str) -> bytes:
    """``pages`` (unnumbered) with « Page k / n » in each page's footer, as the report's
    stylesheet ``css`` places it."""
    count = page_count(pages)
    blanks = '<div class="numbered-page"></div>' * count
    document = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>{css}'
        "\n.numbered-page + .numbered-page { break-before: page; }</style></head><body><main>"
        f'<div class="running-page">{html.escape(t("report.page", lang))}</div>'
        f"{blanks}</main></body></html>"
    )
    return lay_onto(number_pages(document, count), [(0, pages)])


def number_pages(document: str, count: int) -> bytes:
    """A document of ``count`` pages carrying only what its stylesheet puts in the margins."""
    from weasyprint import HTML

    rendered = HTML(string=document, base_url=str(TEMPLATES_DIR)).render()
    if len(rendered.pages) != count:  # a blank page more or less would shift every number
        raise RuntimeError(f"{len(rendered.pages)} numbered pages for {count} report pages")
    return bytes(rendered.write_pdf())


def lay_onto(base: bytes, parts: Sequence[tuple[int, bytes]]) -> bytes:
    """The PDF ``base`` with each part's pages laid under its pages from the given index (page
    ``i`` of a part under page ``index + i``, drawn as it is, not re-read: about a millisecond a
    page); the base keeps its links, bookmarks and anchors."""
    import pikepdf

    with contextlib.ExitStack() as stack:
        document = stack.enter_context(pikepdf.open(io.BytesIO(base)))
        for index, part in parts:
            source = stack.enter_context(pikepdf.open(io.BytesIO(part)))
            for offset, page in enumerate(source.pages):
                pikepdf.Page(document.pages[index + offset]).add_underlay(page, rect=None)
        out = io.BytesIO()
        document.save(
            out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate
        )
    return out.getvalue()
