"""The deck as an editable PowerPoint: :func:`write_deck` writes a :class:`~crmwb.deck.model.Deck`
with the firm's template (or python-pptx's own, widened to 16:9), every figure, table and chart
native (the consultant edits them in PowerPoint: a chart's numbers open in its worksheet).

Slide layouts are found by their placeholders, not their names (a template may be in any
language): the title slide is a layout with a title (or centred title) and a subtitle; content
slides a title and one body; a section's divider a title and a body named like a section
(« Section Header », « Titre de section »), else the title slide's; slides with a chart, a table
or key figures and no bullets the « title only » layout when there is one. Fonts and colours are
the template's: nothing here names a font, and colours are the theme's (its accents).

Text is sized to its box: :func:`fits` estimates the lines a text takes at a font size in a box
(an average character 0.55 em wide, a line 1.2 em high) and the writer steps the size down until
it fits, titles from 32 to 20 pt, bullets from 20 to 12 pt. The tests check every text box of a
written deck with the same estimate.

The slides' geometry, all inside the content layout's body (its « content area »): a subtitle
line, then a row of key figures (one text box each: the value big, the label and the note small),
then the bullets, the chart or the table (bullets beside a chart or table when a slide has both),
and a chart's or table's note under it.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmwb.core.errors import InputError, Quoted, msg
from crmwb.core.i18n import Lang, decimal, excel_money_format, money, percent
from crmwb.deck.model import MAX_FIGURES, Deck, KeyFigure, Slide, TableData, most_bullets
from crmwb.deliver.results import ChartData, Unit

EMU_PER_INCH = 914400
EMU_PER_POINT = 12700

CHAR_EM = 0.55
"""An average character's width, in em: a sans-serif font's is about 0.5 (Calibri 0.47, Arial
0.5); 0.55 leaves room for bold words and wider fonts (DejaVu Sans, which LibreOffice draws
when Calibri is missing)."""

LINE_EM = 1.2
"""A line's height, in em."""

TITLE_SIZES = (32, 30, 28, 26, 24, 22, 20)
"""Font sizes a slide's title may take, largest first (pt)."""

TITLE_SLIDE_SIZES = (40, 36, *TITLE_SIZES)
"""Font sizes the title slide's title may take (pt): larger first, then as other titles."""

BULLET_SIZES = (20, 18, 16, 14, 12)
"""Font sizes bullets (and a title slide's subtitle) may take, largest first (pt)."""

SUBTITLE_SIZES = (18, 16, 14, 12)
"""Font sizes of a content slide's subtitle line (pt)."""

FIGURE_SIZES = ((36, 14, 12), (32, 14, 12), (28, 14, 12), (24, 13, 11), (20, 12, 10), (18, 11, 9))
"""(value, label, note) font sizes of key figures, largest first (pt): one for the whole row."""

VALUE_EM = 0.65
"""A key figure's value is bold, mostly digits: its characters are taken 0.65 em wide (bold
digits of a wide sans-serif), so that « 412 000 € » never wraps."""

TABLE_SIZES = (18, 16, 14, 13, 12, 11, 10)
"""Font sizes of a table's cells (pt)."""

CHART_PT = 12
"""Font size of a chart's axes, legend and title (pt); data labels one less."""

MIN_ROW = 365760
"""A table's rows are at least 0.4 in high (EMU)."""

CHART_TITLE_ROOM = 2743200
"""A chart less than 3 in high goes without its title (the slide's title says it)."""

NOTE_PT = 11
"""Font size of the note under a chart or a table (pt)."""

WIDE = (12192000, 6858000)
"""The slide size without a template: 16:9, 13.333 x 7.5 in."""

FEW_POINTS = 12
"""A chart with at most this many points has its values written on them (data labels)."""

_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
"""PowerPoint's default margins of a text box, in EMU."""

_LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}


# --- how much room a text takes -------------------------------------------------------------


def plain(text: str) -> str:
    """``text`` without its ``**bold**`` marks, as it shows."""
    return text.replace("**", "")


def lines(text: str, font_pt: float, width_in: float) -> int:
    """The lines ``text`` takes at ``font_pt`` in a box ``width_in`` inches wide (inside its
    margins): each paragraph or line (``\\n``, ``\\v``) wraps at spaces (a no-break space does
    not break), a word longer than a line is cut.

    >>> lines("Coût total sur 7 ans", 20, 1.6)  # 10 a line: « Coût total », « sur 7 ans »
    2
    >>> lines("Coût total sur 7 ans", 20, 1.0)  # 6 a line: « Coût », « total », « sur 7 », « ans »
    4
    >>> lines("a\\nb", 20, 5.0)
    2
    """
    per_line = max(1, int(width_in * 72 / (font_pt * CHAR_EM)))
    total = 0
    for paragraph in plain(text).replace("\v", "\n").split("\n"):  # \v: a line break
        paragraph = paragraph.rstrip(" ")  # trailing spaces hang in the margin
        count, used = 1, 0
        for word in paragraph.split(" "):
            need = len(word) if used == 0 else used + 1 + len(word)
            if need <= per_line:
                used = need
                continue
            if used > 0:
                count += 1
            full, rest = divmod(len(word), per_line)
            if rest == 0:
                count, used = count + full - 1, per_line
            else:
                count, used = count + full, rest
        total += count
    return total


def text_height(paragraphs: Iterable[tuple[str, float, float]], width_in: float) -> float:
    """The height in inches of ``paragraphs`` (text, font size, space before it, in pt) in a box
    ``width_in`` inches wide (inside its margins)."""
    return sum(
        (before + lines(text, size, width_in) * size * LINE_EM) / 72
        for text, size, before in paragraphs
    )


def fits(
    text: str,
    font_pt: float,
    box_width_in: float,
    box_height_in: float,
    *,
    space_before_pt: float = 0.0,
) -> bool:
    """Whether ``text`` (paragraphs separated by ``\\n``, each ``space_before_pt`` after the
    previous one) fits at ``font_pt`` in a box of this size (inside its margins), by the
    estimate of :func:`lines`.

    >>> fits("Comité de pilotage", 32, 10.0, 0.6), fits("Comité de pilotage", 32, 3.0, 0.6)
    (True, False)
    """
    paragraphs = [(p, font_pt, space_before_pt) for p in text.split("\n")]
    return text_height(paragraphs, box_width_in) <= box_height_in + 1e-9


def largest_fitting(
    text: str,
    sizes: Sequence[float],
    box_width_in: float,
    box_height_in: float,
    *,
    space_before_em: float = 0.0,
) -> float:
    """The largest of ``sizes`` at which ``text`` fits the box (the smallest when none does)."""
    for size in sizes:
        if fits(text, size, box_width_in, box_height_in, space_before_pt=size * space_before_em):
            return size
    return sizes[-1]


# --- geometry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A rectangle on a slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def right(self) -> int:
        return self.left + self.width

    def below(self, height: int, gap: int = 0) -> tuple[Box, Box]:
        """The band of ``height`` at the top of this box, and what is left under it after
        ``gap``."""
        band = Box(self.left, self.top, self.width, min(height, self.height))
        rest_top = min(self.bottom, band.bottom + gap)
        return band, Box(self.left, rest_top, self.width, self.bottom - rest_top)

    def beside(self, fraction: float, gap: int) -> tuple[Box, Box]:
        """This box cut in two side by side, the left one ``fraction`` of the width."""
        left_width = int((self.width - gap) * fraction)
        right_left = self.left + left_width + gap
        return (
            Box(self.left, self.top, left_width, self.height),
            Box(right_left, self.top, self.right - right_left, self.height),
        )


def inches(emu: int) -> float:
    return emu / EMU_PER_INCH


def _emu(value_in: float) -> int:
    return round(value_in * EMU_PER_INCH)


GAP = _emu(0.2)
"""The space between the parts of a slide."""


# --- the template's layouts -----------------------------------------------------------------


def _placeholder_types() -> dict[str, Any]:
    from pptx.enum.shapes import PP_PLACEHOLDER

    return {
        "title": PP_PLACEHOLDER.TITLE,
        "center_title": PP_PLACEHOLDER.CENTER_TITLE,
        "subtitle": PP_PLACEHOLDER.SUBTITLE,
        "body": PP_PLACEHOLDER.BODY,
        "object": PP_PLACEHOLDER.OBJECT,
        "date": PP_PLACEHOLDER.DATE,
        "footer": PP_PLACEHOLDER.FOOTER,
        "slide_number": PP_PLACEHOLDER.SLIDE_NUMBER,
    }


def _kinds(layout: Any) -> list[str]:
    """The placeholders of ``layout`` that matter here, by kind (« title », « body »...), its
    date, footer and slide number left out; « other » for any other placeholder."""
    names = {value: name for name, value in _placeholder_types().items()}
    found = []
    for placeholder in layout.placeholders:
        kind = names.get(placeholder.placeholder_format.type, "other")
        if kind == "object":
            kind = "body"
        if kind not in ("date", "footer", "slide_number"):
            found.append(kind)
    return sorted(found)


def _vertical(layout: Any) -> bool:
    """Whether ``layout``'s body writes vertically (« Title and Vertical Text »)."""
    for placeholder in layout.placeholders:
        body = placeholder.element.find(_qn("p:txBody"))
        pr = body.find(_qn("a:bodyPr")) if body is not None else None
        if pr is not None and pr.get("vert", "horz") != "horz":
            return True
    return False


def _named_section(layout: Any) -> bool:
    return "section" in layout.name.casefold()


@dataclass(frozen=True)
class Layouts:
    """The template's layouts each kind of slide uses."""

    title: Any
    content: Any
    section: Any
    title_only: Any


def find_layouts(prs: Any, template: str, lang: Lang) -> Layouts:
    """The layouts of ``prs`` by their placeholders, or an :class:`InputError` naming the
    ``template`` file and the layout it lacks."""
    layouts = list(prs.slide_layouts)
    title = next(
        (
            layout
            for layout in layouts
            if {"title", "subtitle"} <= set(_kinds(layout))
            or {"center_title", "subtitle"} <= set(_kinds(layout))
        ),
        None,
    )
    content = next(
        (
            layout
            for layout in layouts
            if _kinds(layout) == ["body", "title"]
            and not _vertical(layout)
            and not _named_section(layout)
        ),
        None,
    )
    for layout, what in ((title, "title"), (content, "content")):
        if layout is None:
            raise InputError(
                msg("deck.template.layout", what=msg(f"deck.template.what.{what}")),
                file=template,
                found=msg(
                    "deck.template.found.layouts",
                    layouts=tuple(Quoted(each.name) for each in layouts),
                ),
                lang=lang,
            )
    section = next(
        (
            layout
            for layout in layouts
            if _kinds(layout) == ["body", "title"] and _named_section(layout)
        ),
        title,
    )
    title_only = next((layout for layout in layouts if _kinds(layout) == ["title"]), None)
    return Layouts(title=title, content=content, section=section, title_only=title_only)


def _qn(tag: str) -> str:
    from pptx.oxml.ns import qn

    return str(qn(tag))


def open_template(template: Path | None, lang: Lang) -> Any:
    """The presentation to write the deck into: the ``template`` (.pptx or .potx) without its
    slides, or python-pptx's default template widened to 16:9."""
    from pptx import Presentation

    if template is None:
        prs = Presentation()
        _widen(prs)
        return prs
    try:
        data = template.read_bytes()
        prs = Presentation(io.BytesIO(_as_presentation(data)))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise InputError(
            msg("deck.template.pptx"),
            file=str(template),
            found=msg(
                "deck.template.found.unreadable",
                error=(exc.strerror if isinstance(exc, OSError) else None) or type(exc).__name__,
            ),
            lang=lang,
        ) from None
    slides = prs.slides._sldIdLst
    for slide_id in list(slides):
        prs.part.drop_rel(slide_id.rId)
        slides.remove(slide_id)
    return prs


def _as_presentation(data: bytes) -> bytes:
    """A .potx's bytes made a .pptx's (only its main part's content type differs)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        template_type = b"presentationml.template.main+xml"
        if template_type not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(
                        template_type, b"presentationml.presentation.main+xml"
                    )
                target.writestr(item, content)
        return out.getvalue()


def _widen(prs: Any) -> None:
    """python-pptx's default template (4:3) made 16:9: the slide wider and every shape of the
    master and layouts placed and sized in proportion; titles aligned left."""
    factor = WIDE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE
    master = prs.slide_master
    for shape in [*master.shapes, *(s for layout in prs.slide_layouts for s in layout.shapes)]:
        if shape.element.find(f"{_qn('p:spPr')}/{_qn('a:xfrm')}") is not None:
            shape.left, shape.width = round(shape.left * factor), round(shape.width * factor)
    for element in [master.element, *(layout.element for layout in prs.slide_layouts)]:
        for paragraph in element.iter(_qn("a:lvl1pPr")):
            if paragraph.get("algn") == "ctr":
                paragraph.set("algn", "l")
    for layout in prs.slide_layouts:  # the title slide's subtitle under its title, as wide
        title = _placeholder(layout, "center_title")
        subtitle = _placeholder(layout, "subtitle")
        if title is not None and subtitle is not None:
            subtitle.left, subtitle.width = title.left, title.width


# --- text -----------------------------------------------------------------------------------


def _lineage(shape: Any) -> list[Any]:
    """The XML elements ``shape`` takes its properties from: itself, then the placeholders it
    inherits from (its layout's, its master's)."""
    elements, current = [], shape
    while current is not None:
        elements.append(current.element)
        if not current.is_placeholder:
            break
        try:
            current = current._base_placeholder
        except (AttributeError, NotImplementedError, KeyError):
            break
    return elements


def _inherited(shape: Any, path: str, attribute: str) -> str | None:
    for element in _lineage(shape):
        found = element.find(path)
        if found is not None and found.get(attribute) is not None:
            return str(found.get(attribute))
    return None


def _pin_margins(shape: Any) -> tuple[float, float]:
    """Write ``shape``'s margins on it (as it inherits them, else PowerPoint's defaults), turn
    off autofit, turn on word wrap; its room inside the margins, in inches."""
    from pptx.enum.text import MSO_AUTO_SIZE

    frame = shape.text_frame
    path = f"{_qn('p:txBody')}/{_qn('a:bodyPr')}"
    insets = {
        name: int(_inherited(shape, path, name) or default) for name, default in _INSETS.items()
    }
    frame.margin_left, frame.margin_right = insets["lIns"], insets["rIns"]
    frame.margin_top, frame.margin_bottom = insets["tIns"], insets["bIns"]
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    width = shape.width - insets["lIns"] - insets["rIns"]
    height = shape.height - insets["tIns"] - insets["bIns"]
    return inches(width), inches(height)


def _bullet_margin(shape: Any) -> int:
    """The left margin (EMU) of the first level of bullets in ``shape``, as it inherits it."""
    path = f"{_qn('p:txBody')}/{_qn('a:lstStyle')}/{_qn('a:lvl1pPr')}"
    found = _inherited(shape, path, "marL")
    if found is None:
        master = shape.part.slide_layout.slide_master.element
        style = master.find(f".//{_qn('p:bodyStyle')}/{_qn('a:lvl1pPr')}")
        found = style.get("marL") if style is not None else None
    return int(found or 0)


def _runs(paragraph: Any, text: str, size: float, lang: Lang) -> None:
    """``text`` as the runs of ``paragraph`` at ``size`` pt, ``**bold**`` parts bold (an
    unpaired ``**`` is written as is), a ``\n`` a line break."""
    from pptx.util import Pt

    parts = text.split("**")
    if len(parts) % 2 == 0:  # an odd number of marks: the last one is text
        parts[-2:] = [parts[-2] + "**" + parts[-1]]
    for index, part in enumerate(parts):
        for number, line in enumerate(part.split("\n")):
            if number:
                paragraph.add_line_break()
            if not line:
                continue
            run = paragraph.add_run()
            run.text = line
            run.font.size = Pt(size)
            if index % 2:
                run.font.bold = True
            _language(run.font, lang)


def _language(font: Any, lang: Lang) -> None:
    """Mark text as written in ``lang`` (PowerPoint's spelling checker)."""
    font._rPr.set("lang", _LANGUAGE_TAGS.get(lang, "en-GB"))


def _write(
    shape: Any,
    texts: Sequence[str],
    sizes: Sequence[float],
    lang: Lang,
    *,
    bullets: bool = False,
    space_before_em: float = 0.0,
) -> float:
    """``texts`` as the paragraphs of ``shape``, at the largest of ``sizes`` at which they fit
    its box; that size."""
    from pptx.util import Pt

    width, height = _pin_margins(shape)
    margin = _bullet_margin(shape) if bullets else 0
    size = largest_fitting(
        "\n".join(texts),
        sizes,
        width - inches(margin),
        height,
        space_before_em=space_before_em,
    )
    frame = shape.text_frame
    frame.clear()
    for index, text in enumerate(texts):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if bullets:
            paragraph._p.get_or_add_pPr().set("marL", str(margin))
        if space_before_em:
            paragraph.space_before = Pt(round(size * space_before_em))
        _runs(paragraph, text, size, lang)
    return size


def _text_box(
    slide: Any,
    box: Box,
    texts: Sequence[str],
    sizes: Sequence[float],
    lang: Lang,
    **style: Any,
) -> Any:
    shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    _write(shape, texts, sizes, lang)
    _style_text(shape, **style)
    return shape


def _style_text(shape: Any, *, muted: bool = False) -> None:
    """``muted``: the text in the theme's text colour, lightened (a subtitle, a note)."""
    from pptx.enum.dml import MSO_THEME_COLOR

    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            if muted:
                run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
                run.font.color.brightness = 0.35


# --- slides ---------------------------------------------------------------------------------


def _placeholder(slide: Any, *kinds: str) -> Any:
    """The first placeholder of ``slide`` (or layout) of one of these kinds, or None."""
    types = _placeholder_types()
    wanted = [types[kind] for kind in kinds]
    return next(
        (p for p in slide.placeholders if p.placeholder_format.type in wanted),
        None,
    )


def _remove(shape: Any) -> None:
    element = shape.element
    element.getparent().remove(element)


def _content_area(layouts: Layouts) -> Box:
    body = next(
        p
        for p in layouts.content.placeholders
        if p.placeholder_format.type
        in (_placeholder_types()["body"], _placeholder_types()["object"])
    )
    return Box(int(body.left), int(body.top), int(body.width), int(body.height))


def _check(slide: Slide) -> None:
    if len(slide.bullets) > most_bullets(slide.kind):
        raise ValueError(
            f"at most {most_bullets(slide.kind)} bullets on a slide, found {len(slide.bullets)} on "
            f"{slide.title!r} (the builder splits them)"
        )
    if len(slide.figures) > MAX_FIGURES:
        raise ValueError(
            f"at most {MAX_FIGURES} key figures on a slide, found {len(slide.figures)} on "
            f"{slide.title!r}"
        )
    if slide.chart is not None and slide.chart.kind != "image" and not slide.chart.series:
        raise ValueError(f"a chart without series on {slide.title!r}")
    if slide.chart is not None and slide.table is not None:
        raise ValueError(f"a chart or a table on a slide, not both: {slide.title!r}")
    if slide.kind in ("title", "section") and (
        slide.bullets or slide.figures or slide.chart or slide.table
    ):
        raise ValueError(f"a {slide.kind} slide has a title and a subtitle only: {slide.title!r}")


def _title_slide(prs: Any, layout: Any, slide: Slide, lang: Lang) -> Any:
    page = prs.slides.add_slide(layout)
    _write(_placeholder(page, "center_title", "title"), [slide.title], TITLE_SLIDE_SIZES, lang)
    subtitle = _placeholder(page, "subtitle", "body")
    if slide.subtitle:
        _write(subtitle, slide.subtitle.split("\n"), BULLET_SIZES, lang)
    else:
        _remove(subtitle)
    return page


def _content_slide(prs: Any, layouts: Layouts, slide: Slide, lang: Lang, images: Path) -> Any:
    visual = slide.chart is not None or slide.table is not None
    layout = layouts.content
    if not slide.bullets and layouts.title_only is not None and (visual or slide.figures):
        layout = layouts.title_only
    page = prs.slides.add_slide(layout)
    _write(_placeholder(page, "title"), [slide.title], TITLE_SIZES, lang)
    area = _content_area(layouts)
    if slide.subtitle:
        width = inches(area.width) - 0.2
        size = largest_fitting(slide.subtitle, SUBTITLE_SIZES, width, 0.9)
        height = _emu(text_height([(slide.subtitle, size, 0)], width) + 0.1)
        band, area = area.below(height, GAP // 2)
        _text_box(page, band, [slide.subtitle], [size], lang, muted=True)
    if slide.figures:
        band, area = area.below(_emu(1.35), GAP)
        _figures(page, band, slide.figures, lang)
    text_area = area
    if slide.bullets and visual:
        text_area, area = area.beside(0.38, GAP)
    body = _placeholder(page, "body", "object")
    if slide.bullets:
        body.left, body.top = text_area.left, text_area.top
        body.width, body.height = text_area.width, text_area.height
        _write(body, slide.bullets, BULLET_SIZES, lang, bullets=True, space_before_em=0.5)
    elif body is not None:
        _remove(body)
    note = slide.chart.note if slide.chart else slide.table.note if slide.table else ""
    note_height = 0
    if note:  # under the chart or the table
        width = inches(area.width) - 2 * inches(_INSETS["lIns"])
        note_height = _emu(text_height([(note, NOTE_PT, 0)], width)) + 2 * _INSETS["tIns"]
        area = Box(area.left, area.top, area.width, area.height - note_height - GAP // 2)
    bottom = area.bottom
    if slide.chart is not None:
        _chart(page, area, slide.chart, lang, images)
    elif slide.table is not None:
        bottom = _table(page, area, slide.table, lang)
    if note:
        band = Box(area.left, bottom + GAP // 2, area.width, note_height)
        _text_box(page, band, [note], [NOTE_PT], lang, muted=True)
    return page


def _figures(page: Any, band: Box, figures: Sequence[KeyFigure], lang: Lang) -> None:
    """Key figures in a row, one text box each: the value big, its label and note under it."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Pt

    count = len(figures)
    width = (band.width - GAP * (max(count, 3) - 1)) // max(count, 3)
    room_w = inches(width) - 2 * inches(_INSETS["lIns"])
    room_h = inches(band.height) - 2 * inches(_INSETS["tIns"])

    def height(sizes: tuple[int, int, int]) -> float:
        return max(
            text_height(_figure_paragraphs(figure, sizes)[:1], room_w * CHAR_EM / VALUE_EM)
            + text_height(_figure_paragraphs(figure, sizes)[1:], room_w)
            for figure in figures
        )

    sizes = next((s for s in FIGURE_SIZES if height(s) <= room_h), FIGURE_SIZES[-1])
    for index, figure in enumerate(figures):
        left = band.left + index * (width + GAP)
        shape = page.shapes.add_textbox(left, band.top, width, band.height)
        _pin_margins(shape)
        shape.fill.solid()
        shape.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        shape.fill.fore_color.brightness = 0.85
        frame = shape.text_frame
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        for number, (text, size, before) in enumerate(_figure_paragraphs(figure, sizes)):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            if before:
                paragraph.space_before = Pt(before)
            _runs(paragraph, text, size, lang)
            for run in paragraph.runs:
                if number == 0:
                    run.font.bold = True
                    run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1
                    run.font.color.brightness = -0.25
                elif number == 2:
                    run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
                    run.font.color.brightness = 0.35


def _figure_paragraphs(
    figure: KeyFigure, sizes: tuple[int, int, int]
) -> list[tuple[str, float, float]]:
    value, label, note = sizes
    paragraphs: list[tuple[str, float, float]] = [
        (figure.value, value, 0),
        (figure.label, label, 0),
    ]
    if figure.note:
        paragraphs.append((figure.note, note, 2))
    return paragraphs


def _table(page: Any, area: Box, table: TableData, lang: Lang) -> int:
    """A native table: the header row bold, numeric columns right-aligned, the font the largest
    at which every row fits the area; its bottom."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

    rows = [table.columns, *table.rows]
    count = len(table.columns)
    numeric = tuple(table.numeric) + (False,) * (count - len(table.numeric))
    widths = _column_widths(rows, area.width)
    margin_w = 2 * inches(_INSETS["lIns"])
    margin_h = 2 * inches(_INSETS["tIns"])

    def heights(size: float) -> list[int]:
        return [
            max(
                MIN_ROW,
                _emu(
                    max(
                        text_height([(cell, size, 0)], inches(width) - margin_w)
                        for cell, width in zip(row, widths, strict=False)
                    )
                    + margin_h
                ),
            )
            for row in rows
        ]

    size = next((s for s in TABLE_SIZES if sum(heights(s)) <= area.height), TABLE_SIZES[-1])
    row_heights = heights(size)
    shape = page.shapes.add_table(
        len(rows), count, area.left, area.top, area.width, sum(row_heights)
    )
    grid = shape.table
    for index, width in enumerate(widths):
        grid.columns[index].width = width
    for index, height in enumerate(row_heights):
        grid.rows[index].height = height
    for r, row in enumerate(rows):
        for c in range(count):
            cell = grid.cell(r, c)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            paragraph = cell.text_frame.paragraphs[0]
            text = row[c] if c < len(row) else ""
            _runs(paragraph, f"**{plain(text)}**" if r == 0 else text, size, lang)
            paragraph.alignment = PP_ALIGN.RIGHT if numeric[c] else PP_ALIGN.LEFT
    return area.top + sum(row_heights)


def _column_widths(rows: Sequence[Sequence[str]], total: int) -> list[int]:
    """Columns as wide as their longest text asks, within reason."""
    count = len(rows[0])
    wants = []
    for c in range(count):
        texts = [plain(row[c]) for row in rows if c < len(row)]
        longest = max((len(text) for text in texts), default=1)
        wants.append(min(max(longest, 6), 40))
    scale = sum(wants)
    widths = [total * want // scale for want in wants]
    widths[-1] += total - sum(widths)
    return widths


# --- charts ---------------------------------------------------------------------------------


def number_format(unit: Unit, lang: Lang) -> str:
    """The number format of a chart's values in ``unit``, the way the deck's language writes
    them (the viewer's PowerPoint puts its own separators in ``#,##0``).

    >>> number_format("EUR", "fr"), number_format("EUR", "en")
    ('#,##0 "€";-#,##0 "€"', '"€"#,##0;-"€"#,##0')
    >>> number_format("%", "fr") == "0\\u00a0%", number_format("%", "en")
    (True, '0%')
    """
    if unit == "EUR":
        return excel_money_format("EUR", lang)
    if unit == "%":
        return "0%" if lang == "en" else "0\u00a0%"
    if unit in ("count", "points", "days"):
        return "#,##0"
    if unit in ("ratio", "years", "months", "score"):
        return "#,##0.0"
    return "General"


def value_bounds(chart: ChartData) -> tuple[float | None, float | None]:
    """The values' axis bounds a chart is drawn with: from 0 when no value is negative (a bar
    starting at 75 % makes 94 % look twice 87 %), up to 100 % for shares (no 105 % tick);
    None leaves the bound to the viewer.

    >>> from crmwb.deliver.results import Series
    >>> value_bounds(ChartData("k", "", "bar", ("a",), (Series("s", (0.75, 1.0)),), "%"))
    (0.0, 1.0)
    """
    values = [v for s in chart.series for v in s.values if v is not None]
    if chart.kind.startswith("stacked"):
        values += [
            sum(v for v in point if v is not None and v > 0)
            for point in zip(*(s.values for s in chart.series), strict=False)
        ]
    if not values or min(values) < 0:
        return None, None
    top = 1.0 if chart.unit == "%" and max(values) <= 1 else None
    return 0.0, top


def _value_scale(axis: Any, chart: ChartData) -> None:
    low, high = value_bounds(chart)
    if low is not None:
        axis.minimum_scale = low
    if high is not None:
        axis.maximum_scale = high


def written(value: float, unit: Unit, lang: Lang) -> str:
    """A value of a chart written the deck's way (a waterfall's steps)."""
    if unit == "EUR":
        return money(value, "EUR", lang)
    if unit == "%":
        return percent(value, lang)
    return decimal(round(value, 1), lang)


@dataclass(frozen=True)
class Waterfall:
    """A waterfall drawn as stacked columns: an invisible ``base`` under each step, the visible
    ``steps`` (their heights; negative under zero), ``below`` the part under zero of a step
    crossing it (None elsewhere), each step's ``kind`` (« up », « down », « total ») and signed
    ``amount``."""

    base: tuple[float, ...]
    steps: tuple[float, ...]
    below: tuple[float | None, ...]
    kinds: tuple[str, ...]
    amounts: tuple[float, ...]


def waterfall(values: Sequence[float | None], total: bool) -> Waterfall:
    """The stacked columns drawing ``values`` as a waterfall: each step floats from the running
    total before it to the one after it; the last one, when ``total``, stands from zero.

    >>> w = waterfall([100, -30, 50, 120], total=True)
    >>> w.base, w.steps, w.kinds
    ((0.0, 70.0, 70.0, 0.0), (100.0, 30.0, 50.0, 120.0), ('up', 'down', 'up', 'total'))
    """
    base: list[float] = []
    steps: list[float] = []
    below: list[float | None] = []
    kinds: list[str] = []
    amounts: list[float] = []
    running = 0.0
    for index, value in enumerate(values):
        amount = float(value or 0.0)
        if total and index == len(values) - 1:
            low, high, kind = min(0.0, amount), max(0.0, amount), "total"
        else:
            before, running = running, running + amount
            low, high = min(before, running), max(before, running)
            kind = "up" if amount >= 0 else "down"
        if low >= 0:  # above zero: from ``low`` up
            parts: tuple[float, float, float | None] = (low, high - low, None)
        elif high <= 0:  # under zero: from ``high`` down (negative values stack downwards)
            parts = (high, low - high, None)
        else:  # across zero: up to ``high`` and down to ``low``
            parts = (0.0, high, low)
        base.append(parts[0])
        steps.append(parts[1])
        below.append(parts[2])
        kinds.append(kind)
        amounts.append(amount)
    return Waterfall(tuple(base), tuple(steps), tuple(below), tuple(kinds), tuple(amounts))


def _chart_type(kind: str) -> Any:
    from pptx.enum.chart import XL_CHART_TYPE

    return {
        "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
        "bar": XL_CHART_TYPE.BAR_CLUSTERED,
        "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
        "line": XL_CHART_TYPE.LINE_MARKERS,
        "scatter": XL_CHART_TYPE.XY_SCATTER,
        "bubble": XL_CHART_TYPE.BUBBLE,
        "doughnut": XL_CHART_TYPE.DOUGHNUT,
        "waterfall": XL_CHART_TYPE.COLUMN_STACKED,
        "histogram": XL_CHART_TYPE.COLUMN_CLUSTERED,
    }[kind]


def _chart_data(chart: ChartData, fmt: str) -> Any:
    from pptx.chart import data as kinds

    module: Any = kinds  # python-pptx's chart data is untyped
    data: Any
    if chart.kind in ("scatter", "bubble"):
        maker = module.BubbleChartData if chart.kind == "bubble" else module.XyChartData
        data = maker(number_format=fmt)
        for series in chart.series:
            points = data.add_series(series.name)
            for index, (x, y) in enumerate(zip(series.x, series.values, strict=False)):
                if y is None:
                    continue
                if chart.kind == "bubble":
                    sizes = series.sizes
                    points.add_data_point(x, y, sizes[index] if index < len(sizes) else 1.0)
                else:
                    points.add_data_point(x, y)
        return data
    data = module.CategoryChartData(number_format=fmt)
    data.categories = chart.categories
    if chart.kind == "waterfall":
        steps = waterfall(chart.series[0].values if chart.series else (), chart.total)
        data.add_series(" ", steps.base)
        data.add_series(chart.series[0].name, steps.steps)
        if any(value is not None for value in steps.below):
            data.add_series(chart.series[0].name + " ", steps.below)
        return data
    for series in chart.series:
        data.add_series(series.name, series.values)
    return data


def _points(chart: ChartData) -> int:
    if chart.kind in ("scatter", "bubble"):
        return sum(len(series.x) for series in chart.series)
    return len(chart.categories) * max(1, len(chart.series))


def _chart(page: Any, area: Box, chart: ChartData, lang: Lang, images: Path) -> None:
    if chart.kind == "image":
        _picture(page, area, images / chart.image, chart, lang)
        return
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.util import Pt

    fmt = number_format(chart.unit, lang)
    frame = page.shapes.add_chart(
        _chart_type(chart.kind),
        area.left,
        area.top,
        area.width,
        area.height,
        _chart_data(chart, fmt),
    )
    drawn = frame.chart
    drawn.font.size = Pt(CHART_PT)
    _language(drawn.font, lang)
    blanks = drawn.element.chart.find(_qn("c:dispBlanksAs"))
    if blanks is not None:
        blanks.set("val", "gap")
    if chart.title and area.height >= CHART_TITLE_ROOM:  # a cramped chart goes without
        drawn.has_title = True
        frame_text = drawn.chart_title.text_frame
        frame_text.text = chart.title
        for run in frame_text.paragraphs[0].runs:
            run.font.size = Pt(CHART_PT + 2)
            run.font.bold = False
    else:
        drawn.has_title = False
    plot = drawn.plots[0]
    several = len(chart.series) > 1
    drawn.has_legend = (several and chart.kind != "waterfall") or chart.kind == "doughnut"
    if drawn.has_legend:
        drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
        drawn.legend.include_in_layout = False
    if chart.kind != "doughnut":
        value_axis = drawn.value_axis
        value_axis.tick_labels.number_format = fmt
        value_axis.tick_labels.number_format_is_linked = False
        value_axis.has_major_gridlines = True
        for axis, title in ((drawn.category_axis, chart.x_title), (value_axis, chart.y_title)):
            if title:
                axis.has_title = True
                axis.axis_title.text_frame.text = title
                for run in axis.axis_title.text_frame.paragraphs[0].runs:
                    run.font.size = Pt(CHART_PT)
                    run.font.bold = False
    if chart.kind not in ("doughnut", "scatter", "bubble"):
        _value_scale(drawn.value_axis, chart)
        if value_bounds(chart)[0] is None and chart.kind != "waterfall":
            # values below 0: the categories' names under the plot, not on the zero line
            from pptx.enum.chart import XL_TICK_LABEL_POSITION

            drawn.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    if chart.kind in ("bar", "stacked_bar"):
        # the first category on top, as it is read; the values' axis stays at the bottom
        drawn.category_axis.reverse_order = True
        crosses = drawn.element.find(f".//{_qn('c:valAx')}/{_qn('c:crosses')}")
        if crosses is not None:  # the values' axis crosses the categories' at the last one
            crosses.set("val", "max")
    if chart.kind in ("column", "bar", "stacked_column", "stacked_bar"):
        plot.gap_width = 80
    if chart.kind == "histogram":
        plot.gap_width = 8
    if chart.kind in ("scatter", "bubble") and chart.x_unit:
        # the x axis in its own unit (a TCO in euros beside a score)
        drawn.category_axis.tick_labels.number_format = number_format(chart.x_unit, lang)
        drawn.category_axis.tick_labels.number_format_is_linked = False
    if chart.kind == "scatter":
        _markers(plot)
    if chart.kind == "waterfall":
        _waterfall_style(drawn, chart, lang)
        return
    if chart.kind in ("scatter", "bubble") or _points(chart) > FEW_POINTS:
        return
    if several and chart.kind != "doughnut":  # labels of several series run into each other
        return
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.show_value = True
    labels.number_format = fmt
    labels.number_format_is_linked = False
    labels.font.size = Pt(CHART_PT - 1)
    position = {
        "column": XL_LABEL_POSITION.OUTSIDE_END,
        "bar": XL_LABEL_POSITION.OUTSIDE_END,
        "histogram": XL_LABEL_POSITION.OUTSIDE_END,
        "stacked_column": XL_LABEL_POSITION.CENTER,
        "stacked_bar": XL_LABEL_POSITION.CENTER,
        "line": XL_LABEL_POSITION.ABOVE,
    }.get(chart.kind)
    if position is not None:  # a doughnut's labels take no position
        labels.position = position


ACCENTS = ("ACCENT_1", "ACCENT_2", "ACCENT_3", "ACCENT_4", "ACCENT_5", "ACCENT_6")


def _markers(plot: Any) -> None:
    """A scatter's points as round markers, large enough to see, in the theme's accents."""
    from pptx.enum.chart import XL_MARKER_STYLE
    from pptx.enum.dml import MSO_THEME_COLOR

    for index, series in enumerate(plot.series):
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 12
        fill = series.marker.format.fill
        fill.solid()
        fill.fore_color.theme_color = getattr(MSO_THEME_COLOR, ACCENTS[index % len(ACCENTS)])
        series.marker.format.line.fill.background()


def _waterfall_style(drawn: Any, chart: ChartData, lang: Lang) -> None:
    """The base invisible, the steps coloured by kind (rises, falls, the total) from the
    theme's colours, each labelled with its signed amount."""
    from pptx.enum.chart import XL_LABEL_POSITION
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.util import Pt

    plot = drawn.plots[0]
    plot.gap_width = 50
    base, *visible = plot.series
    base.format.fill.background()
    base.format.line.fill.background()
    steps = waterfall(chart.series[0].values, chart.total)
    colours = {  # light tints under dark labels; the total dark under a light one
        "up": (MSO_THEME_COLOR.ACCENT_1, 0.4),
        "down": (MSO_THEME_COLOR.ACCENT_2, 0.4),
        "total": (MSO_THEME_COLOR.ACCENT_1, -0.25),
    }
    for series in visible:
        for index, kind in enumerate(steps.kinds):
            fill = series.points[index].format.fill
            fill.solid()
            fill.fore_color.theme_color, fill.fore_color.brightness = colours[kind]
    for index, kind in enumerate(steps.kinds):
        amount = steps.amounts[index]
        text = written(abs(amount) if kind != "total" else amount, chart.unit, lang)
        if kind != "total":
            text = ("+" if kind == "up" else "\u2212") + text
        # the label on the larger visible part of the step
        below = steps.below[index]
        on = (
            visible[1] if below is not None and abs(below) > abs(steps.steps[index]) else visible[0]
        )
        label = on.points[index].data_label
        label.has_text_frame = True
        label.text_frame.text = text
        for run in label.text_frame.paragraphs[0].runs:
            run.font.size = Pt(CHART_PT - 1)
            run.font.bold = True
            colour = MSO_THEME_COLOR.BACKGROUND_1 if kind == "total" else MSO_THEME_COLOR.TEXT_1
            run.font.color.theme_color = colour
        label.position = XL_LABEL_POSITION.CENTER


def _picture(page: Any, area: Box, path: Path, chart: ChartData, lang: Lang) -> None:
    """The chart's image, as large as the area allows, its proportions kept, centred."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            pixels_w, pixels_h = image.size
    except OSError:
        raise InputError(
            msg("deck.image", chart=Quoted(chart.title or chart.key)),
            file=str(path),
            found=msg("deck.image.found.missing"),
            lang=lang,
        ) from None
    scale = min(area.width / pixels_w, area.height / pixels_h)
    width, height = round(pixels_w * scale), round(pixels_h * scale)
    left = area.left + (area.width - width) // 2
    top = area.top + (area.height - height) // 2
    page.shapes.add_picture(str(path), left, top, width, height)


# --- the deck -------------------------------------------------------------------------------


def build_presentation(
    deck: Deck, *, template: Path | None = None, images: Path | None = None
) -> Any:
    """The deck as a python-pptx presentation, not yet written (:func:`write_deck`)."""
    for slide in deck.slides:
        _check(slide)
    prs = open_template(template, deck.lang)
    layouts = find_layouts(prs, str(template) if template else "", deck.lang)
    prs.core_properties.title = plain(deck.title)
    prs.core_properties.language = _LANGUAGE_TAGS.get(deck.lang, "en-GB")
    folder = images if images is not None else Path.cwd()
    for slide in deck.slides:
        if slide.kind == "title":
            page = _title_slide(prs, layouts.title, slide, deck.lang)
        elif slide.kind == "section":
            page = _section_slide(prs, layouts, slide, deck.lang)
        else:
            page = _content_slide(prs, layouts, slide, deck.lang, folder)
        if slide.notes:
            page.notes_slide.notes_text_frame.text = slide.notes
    return prs


def _section_slide(prs: Any, layouts: Layouts, slide: Slide, lang: Lang) -> Any:
    if layouts.section is layouts.title:
        return _title_slide(prs, layouts.title, slide, lang)
    page = prs.slides.add_slide(layouts.section)
    _write(_placeholder(page, "title"), [slide.title], TITLE_SIZES, lang)
    body = _placeholder(page, "body", "object")
    if slide.subtitle:
        _write(body, slide.subtitle.split("\n"), BULLET_SIZES, lang)
    else:
        _remove(body)
    return page


def write_deck(
    deck: Deck, target: Path, *, template: Path | None = None, images: Path | None = None
) -> Path:
    """Write ``deck`` as an editable PowerPoint at ``target`` (with the slide layouts, fonts and
    colours of ``template``, a .pptx or .potx, when given), image charts' files relative to
    ``images`` (the run folder; the current folder when None). Written whole or not at all: a
    failure leaves any previous deck as it was. Returns ``target``."""
    prs = build_presentation(deck, template=template, images=images)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.stem}-", suffix=".pptx"
    )
    os.close(handle)
    try:
        prs.save(temporary)
        # a temporary file is private (0600): the deck gets a new file's usual mode
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
