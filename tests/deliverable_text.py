"""What a reader of a deliverable sees: the visible text of an HTML page (its SVG charts
included), of an Excel workbook and of a PDF. Shared by the tests that read deliverables."""

from __future__ import annotations

import base64
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path

from openpyxl import load_workbook

from crmwb.deliver.views import Table


class Visible(HTMLParser):
    """The text of an HTML page a reader sees: text nodes (not scripts or styles), alternative
    texts, and the text of the SVG charts embedded as images."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.charts: list[str] = []
        self._hidden = 0

    @classmethod
    def of(cls, path: Path) -> Visible:
        """What a reader sees of the HTML page at ``path``."""
        parser = cls()
        parser.feed(path.read_text(encoding="utf-8"))
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        values = dict(attrs)
        if values.get("alt"):
            self.texts.append(str(values["alt"]))
        src = values.get("src") or ""
        if src.startswith("data:image/svg+xml;base64,"):
            self.charts.extend(svg_texts(base64.b64decode(src.split(",", 1)[1])))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(data)


def svg_texts(svg: bytes) -> list[str]:
    """The texts a chart shows (matplotlib writes them as <text> elements)."""
    root = ET.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter() if node.tag.endswith("}text")]


def excel_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) of every sheet name, text cell and comment of a workbook."""
    book = load_workbook(path)
    for ws in book.worksheets:
        yield f"{path.name}[{ws.title}]", ws.title
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip():
                    yield f"{path.name}!{ws.title}!{cell.coordinate}", cell.value
                if cell.comment is not None:
                    yield f"{path.name}!{ws.title}!{cell.coordinate} (comment)", cell.comment.text


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def assert_typed(tables: Sequence[Table]) -> None:
    """Each table as Excel data: every header filled, text columns of text only, the others of
    numbers only (what ``save_tables`` writes typed)."""
    for table in tables:
        assert all(c.title.strip() for c in table.columns), table.name
        for j, column in enumerate(table.columns):
            types = {type(row[j]) for row in table.rows if row[j] is not None}
            if column.kind == "text":
                assert types <= {str}, (table.name, column.title, types)
            else:
                assert types <= {int, float}, (table.name, column.title, types)
