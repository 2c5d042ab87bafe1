"""Pseudo-localisation: every deliverable of both examples, rendered in the pseudo-locale, shows no
visible text that is neither from the catalogs (marked ⟦…⟧), nor client data, nor a formatted
number or date. This is what finds the next hard-coded English string.

Run as a script to list what is unmarked in a folder of deliverables:
``python tests/test_pseudo_locale.py REPORTS_FOLDER WORKBOOK.xlsx``.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.i18n import PSEUDO_MARKS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples"
LEFT, RIGHT = PSEUDO_MARKS
INNERMOST = re.compile(f"{LEFT}[^{LEFT}{RIGHT}]*{RIGHT}")

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
FORMATTED = re.compile(
    r"[-−+]?[€£$]?\d[\d,.]*\s?[%€£$]?"  # numbers, money, percents (en_GB style)
    rf"|\b(?:{MONTHS})\b"  # dates in words
    r"|\b[A-Z]\*+@[a-z]\*+\.[a-z]+\b|[a-z]\*+@[a-z]\*+\.[a-z]+"  # masked e-mails
    r"|\*\*"  # masked digits of a phone
    r"|\bP(?:10|50|90)\b"  # percentiles
    r"|\b[xX]\b",  # "2x", multiplication
)
PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


# --- what a reader sees ----------------------------------------------------------------------


class _Visible(HTMLParser):
    """The text of an HTML page a reader sees: text nodes (not scripts or styles), alternative
    texts, and the text of the SVG charts embedded as images."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.charts: list[str] = []
        self._hidden = 0

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


# --- what is allowed -------------------------------------------------------------------------


def client_strings(*workbooks: Path) -> list[str]:
    """Every text a client's workbook holds (client data), longest first."""
    found: set[str] = set()
    for path in workbooks:
        for ws in load_workbook(path, data_only=True).worksheets:
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str) and value.strip():
                        found.add(value.strip())
                        found.update(part.strip() for part in re.split(r"[\n;,]", value))
    return sorted((s for s in found if len(s) > 1), key=len, reverse=True)


def _client_pattern(client: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(value) for value in client)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if alternatives else r"(?!x)x")


def unmarked(
    text: str,
    client: Iterable[str],
    *,
    truncated: bool = False,
    client_words: frozenset[str] = frozenset(),
) -> list[str]:
    """The words of ``text`` outside the pseudo-locale's marks that are not client data, nor a
    number, nor a date. ``truncated``: the text may have been cut (an Excel sheet name);
    ``client_words``: single words of client data, allowed alone (a chart wraps long names)."""
    previous = None
    while previous != text:
        previous, text = text, INNERMOST.sub(" ", text)
    if truncated and LEFT in text:
        text = text[: text.index(LEFT)]
    text = _client_pattern(client).sub(" ", text)
    text = FORMATTED.sub(" ", text)
    words = [w for w in PUNCTUATION.split(text) if len(w) > 1 and not w.isdigit()]
    return [w for w in words if w not in client_words]


def scan(folder: Path, workbook: Path) -> list[tuple[str, str, list[str]]]:
    """(where, the text, its unmarked words) for every deliverable in ``folder``."""
    client = client_strings(workbook)
    pattern = _client_pattern(client)
    problems: list[tuple[str, str, list[str]]] = []

    def check(where: str, text: str, truncated: bool = False, words: frozenset[str] = NONE) -> None:
        found = unmarked(text, [], truncated=truncated, client_words=words) if text else []
        if found:
            problems.append((where, text[:300], found))

    def document(where: str, texts: list[str], words: frozenset[str] = NONE) -> None:
        # the marks of one message may span several text nodes (a word in bold): the whole
        # document is unmarked first, then what is left is reported line by line
        joined = pattern.sub(" ", "\n".join(texts))
        previous = None
        while previous != joined:
            previous, joined = joined, INNERMOST.sub(" ", joined)
        for line in joined.splitlines():
            check(where, line, words=words)

    for path in sorted(folder.rglob("*.html")):
        parser = _Visible()
        parser.feed(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(folder))
        document(where, parser.texts)
        document(f"{where} (charts)", parser.charts, _words(client))
    for path in sorted(folder.glob("*.xlsx")):
        for where, text in excel_texts(path):
            check(where, pattern.sub(" ", text), truncated="[" in where)
    if shutil.which("pdftotext"):
        for path in sorted(folder.glob("*.pdf")):
            document(path.name, [pdf_text(path)], _words(client))
    return problems


NONE: frozenset[str] = frozenset()


def _words(client: Iterable[str]) -> frozenset[str]:
    return frozenset(w for value in client for w in PUNCTUATION.split(value) if w)


# --- the test --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pseudo_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from crmwb import batch

    reports = tmp_path_factory.mktemp("pseudo") / "reports"
    clients = [EXAMPLES / name for name in ("literie-lenoir", "northwind-retail")]
    runs = batch.run(clients, list(batch.ANALYSES.values()), lang="qps", reports_dir=reports)
    assert all(r.ok for r in runs), batch.summary(runs)
    return reports


@pytest.mark.parametrize("client", ["literie-lenoir", "northwind-retail"])
def test_every_deliverable_shows_only_catalog_text_client_data_and_numbers(
    pseudo_runs: Path, client: str
) -> None:
    folder = pseudo_runs / client / "latest"
    problems = scan(folder, EXAMPLES / client / "workbook.xlsx")
    assert problems == []


def test_the_scan_finds_a_hard_coded_word() -> None:
    client = ["Literie Lenoir"]
    assert unmarked("⟦Total cost⟧ for Literie Lenoir: €13,200 in March 2027", client) == ["for"]
    assert unmarked("⟦a ⟦b⟧ c⟧ 20% 1,500.5", client) == []
    assert unmarked("⟦Pricing sheet⟧ trunc⟦Pri", client, truncated=True) == ["trunc"]


if __name__ == "__main__":
    for where, text, words in scan(Path(sys.argv[1]), Path(sys.argv[2])):
        print(f"{where}: {words} <- {text!r}")
