"""Reading a written deck back (tests/deck): its native charts, and the texts that do not fit
their boxes by the writer's own estimate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation

from crmwb.deck import pptx as writer

EMU_PER_INCH = writer.EMU_PER_INCH


def charts_of(slide: Any) -> list[Any]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def inner(shape: Any) -> tuple[float, float]:
    """The room inside a text box's margins, in inches."""
    frame = shape.text_frame
    return (
        (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_INCH,
        (shape.height - frame.margin_top - frame.margin_bottom) / EMU_PER_INCH,
    )


def paragraphs(frame: Any) -> list[tuple[str, float, float]]:
    """(text, font size, space before) of each paragraph of a text frame, every run's size
    written (else the estimate cannot be made)."""
    found = []
    for paragraph in frame.paragraphs:
        sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
        assert len(sizes) == len(paragraph.runs), f"a run without a size in {frame.text!r}"
        before = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
        found.append((paragraph.text, max(sizes, default=0.0), before))
    return found


def overflows(pptx: Path) -> list[str]:
    """Every text of the deck that does not fit its box by the writer's estimate (text boxes,
    placeholders, table cells), or that lies off the slide."""
    prs = Presentation(str(pptx))
    found = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            right, bottom = shape.left + shape.width, shape.top + shape.height
            if shape.left < 0 or shape.top < 0 or right > prs.slide_width:
                found.append(f"slide {number}: {shape.name} off the slide")
            if bottom > prs.slide_height:
                found.append(f"slide {number}: {shape.name} off the slide")
            if shape.has_text_frame and shape.text_frame.text:
                width, height = inner(shape)
                p = shape.text_frame.paragraphs[0]._p.pPr
                indent = int(p.get("marL", 0)) / EMU_PER_INCH if p is not None else 0.0
                needed = writer.text_height(paragraphs(shape.text_frame), width - indent)
                if needed > height + 1e-9:
                    found.append(f"slide {number}: {shape.text_frame.text!r} needs {needed:.2f} in")
            if shape.has_table:
                table = shape.table
                for r, row in enumerate(table.rows):
                    for c, column in enumerate(table.columns):
                        cell = table.cell(r, c)
                        width = (column.width - cell.margin_left - cell.margin_right) / EMU_PER_INCH
                        height = (row.height - cell.margin_top - cell.margin_bottom) / EMU_PER_INCH
                        needed = writer.text_height(paragraphs(cell.text_frame), width)
                        if needed > height + 1e-9:
                            found.append(f"slide {number}: cell {cell.text!r} needs {needed:.2f}")
    return found
