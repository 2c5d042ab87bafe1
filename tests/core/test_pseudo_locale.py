"""Pseudo-localisation: every deliverable of both examples, rendered in the pseudo-locale, shows no
visible text that is neither from the catalogs (marked ⟦…⟧), nor client data, nor a formatted
number or date. This is what finds the next hard-coded English string.

Run as a script to list what is unmarked in a folder of deliverables:
``python tests/core/test_pseudo_locale.py REPORTS_FOLDER WORKBOOK.xlsx``.
"""

from __future__ import annotations

import builtins
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from deliverable_text import Visible, excel_texts, pdf_text
from openpyxl import load_workbook
from saved_workbooks import write_workbook_file

from crmwb.core.i18n import PSEUDO_MARKS
from crmwb.journey.sheets import read_journey

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "examples"
LEFT, RIGHT = PSEUDO_MARKS
INNERMOST = re.compile(f"{LEFT}[^{LEFT}{RIGHT}]*{RIGHT}")

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MASKED = re.compile(
    r"\b[A-Za-z]\*+@[a-z]\*+\.[a-z]+\b"  # masked e-mails
    r"|\*\*"  # masked digits of a phone
    r"|[\w.-]+\.(?:csv|xlsx|html|pdf)\b"  # file names
)
NUMBERS = re.compile(
    r"[-−+]?[€£$]?\d[\d,.]*\s?[%€£$]?"  # numbers, money, percents (en_GB style)
    rf"|\b(?:{MONTHS})\b"  # dates in words
    r"|\bP(?:10|50|90)\b"  # percentiles
)


def _allowed(text: str, client: re.Pattern[str]) -> str:
    """``text`` without masked data and file names, client data, numbers and dates."""
    return NUMBERS.sub(" ", client.sub(" ", MASKED.sub(" ", text)))


PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


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
    found |= {value.upper() for value in found}  # a client's name in capitals (page headers)
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
    text = _allowed(text, _client_pattern(client))
    if client_words:  # a chart cuts a long name: "points, cus…"
        text = re.sub(
            r"(\w+)…",
            lambda m: " " if any(w.startswith(m.group(1)) for w in client_words) else m.group(0),
            text,
        )
    # single capitals are initials of masked names or RACI letters (R, A, C, I)
    words = [w for w in PUNCTUATION.split(text) if w and not w.isdigit() and not _initial(w)]
    return [w for w in words if w not in client_words]


def _initial(word: str) -> bool:
    return len(word) == 1 and (word.isupper() or word in "x×")


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
        joined = _allowed("\n".join(texts), pattern)
        previous = None
        while previous != joined:
            previous, joined = joined, INNERMOST.sub(" ", joined)
        for line in joined.splitlines():
            check(where, line, words=words)

    for path in sorted(folder.rglob("*.html")):
        parser = Visible()
        parser.feed(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(folder))
        document(where, parser.texts)
        document(f"{where} (charts)", parser.charts, _words(client))
    for path in sorted(folder.glob("*.xlsx")):
        for where, text in excel_texts(path):
            check(where, _allowed(text, pattern), truncated="[" in where)
    if shutil.which("pdftotext"):
        for path in sorted(folder.glob("*.pdf")):
            document(path.name, [pdf_text(path)], _words(client))
    return problems


NONE: frozenset[str] = frozenset()


def _words(client: Iterable[str]) -> frozenset[str]:
    return frozenset(w for value in client for w in PUNCTUATION.split(value) if w)


# --- the test --------------------------------------------------------------------------------


@pytest.mark.parametrize("client", ["literie-lenoir", "northwind-retail"])
def test_every_deliverable_shows_only_catalog_text_client_data_and_numbers(
    pseudo_runs: Path, client: str
) -> None:
    folder = pseudo_runs / client / "latest"
    problems = scan(folder, EXAMPLES / client / "workbook.xlsx")
    assert problems == []


def test_the_scan_finds_a_hard_coded_word() -> None:
    client = ["Literie Lenoir"]
    text = "⟦Total cost⟧ for Literie Lenoir: €13,200 in March 2027"
    assert unmarked(text, client) == ["for", "in"]
    assert unmarked("⟦a ⟦b⟧ c⟧ 20% 1,500.5", client) == []
    assert unmarked("⟦Pricing sheet⟧ trunc⟦Pri", client, truncated=True) == ["trunc"]


if __name__ == "__main__":
    for where, text, words in scan(Path(sys.argv[1]), Path(sys.argv[2])):
        print(f"{where}: {words} <- {text!r}")


# --- the workbook template, the workshops, the command line ----------------------------------


def test_the_blank_workbook_speaks_only_through_the_catalogs(tmp_path: Path) -> None:
    from crmwb.core.i18n import CURRENCIES, LANGUAGES, PSEUDO

    path = tmp_path / "workbook.xlsx"
    write_workbook_file(path, "qps")
    codes = [*LANGUAGES, PSEUDO, *CURRENCIES, "FR"]  # language, currency, country codes
    problems = []
    for where, text in excel_texts(path):
        if re.search(r"![A-Z]+1$", where) and text.startswith("list_"):
            continue  # the hidden Lists sheet's column names: the names of its ranges
        problems += [(where, w) for w in unmarked(text, codes, truncated="[" in where)]
    for ws in load_workbook(path).worksheets:  # the drop-downs' messages
        for dv in ws.data_validations.dataValidation:
            for text in (dv.error, dv.errorTitle, dv.prompt, dv.promptTitle):
                problems += [(ws.title, w) for w in unmarked(text or "", [], truncated=True)]
    assert problems == []


def widget_texts(widget: object) -> Iterator[str]:
    """Every text a widget tree shows: descriptions, placeholders, choices, tab titles, labels
    and HTML (charts included)."""
    for name in ("description", "placeholder", "value"):
        value = getattr(widget, name, None)
        if isinstance(value, str) and name != "value":
            yield value
    kind = type(widget).__name__
    if kind in ("Label", "HTML") and isinstance(widget.value, str):  # type: ignore[attr-defined]
        parser = Visible()
        parser.feed(widget.value)  # type: ignore[attr-defined]
        yield from parser.texts + parser.charts
    yield from getattr(widget, "_options_labels", ()) or ()
    yield from getattr(widget, "titles", ()) or ()
    for child in getattr(widget, "children", ()) or ():
        yield from widget_texts(child)


def test_the_workshops_speak_only_through_the_catalogs() -> None:
    from crmwb.deliver.views import Context
    from crmwb.vendors.criteria_sheets import criteria_for_workshop
    from crmwb.workbook.reader import read_workbook
    from crmwb.workshop.journey import JourneyEditor
    from crmwb.workshop.weights import WeightsWorkshop

    workbook = EXAMPLES / "northwind-retail" / "workbook.xlsx"
    client = client_strings(workbook)
    reader = read_workbook(workbook)
    editor = JourneyEditor(read_journey(reader), Context("Northwind", "qps"))
    editor.undo()  # a status message
    weights = WeightsWorkshop(criteria_for_workshop(reader), lang="qps")
    weights.undo()  # a status message
    first = next(iter(weights.forms.values()))
    texts = [*widget_texts(editor.widget), *widget_texts(weights.widget)]
    weights.save()  # no workbook: a status message
    texts += [*widget_texts(weights.buttons)]
    empty = WeightsWorkshop(None, lang="qps")  # nothing to compare: a message
    texts += [*widget_texts(empty.widget)]
    assert len(texts) > 80 and first.result_view.value
    problems = [(text, unmarked(text, client, client_words=_words(client))) for text in texts]
    assert [p for p in problems if p[1]] == []


def test_the_run_summary_speaks_only_through_the_catalogs(pseudo_runs: Path) -> None:
    from crmwb.run import batch
    from crmwb.run.summary import summary

    runs = [
        batch.ClientRun(
            "northwind-retail",
            "20261205-000000",
            pseudo_runs / "northwind-retail" / "latest",
            [
                batch.JobResult("northwind-retail", "tco", ok=True, outputs=["tco.html"]),
                batch.JobResult("northwind-retail", "roi", skipped=True),
                batch.JobResult("northwind-retail", "governance", timings={"execute": 1.5}),
            ],
        )
    ]
    text = summary(runs, "qps")
    allowed = ["northwind-retail", "tco", "roi", "governance", "latest", "reports", "pseudo"]
    lines = [line for line in text.splitlines()[2:] if line.strip()]
    found = [unmarked(line.replace(str(pseudo_runs), ""), allowed) for line in lines]
    assert [f for f in found if f] == []


# --- errors are messages, not English strings --------------------------------------------------


BUILTIN_ERRORS = frozenset(name for name in dir(builtins) if name.endswith("Error"))
"""A programmer's errors (KeyError...), not a consultant's: they may speak English."""


def _error_calls(tree: object) -> Iterator[tuple[int, str, object]]:
    """(line, callee, argument) of every argument that says what an error expected, found or
    suggests: the first argument of an *Error(...) or of a reader's error(...), and their
    found= and hint= keywords."""
    import ast

    assert isinstance(tree, ast.AST)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = node.func
        name = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", "")
        if name.endswith("Error") and name not in BUILTIN_ERRORS and node.args:
            yield node.lineno, name, node.args[0]
        elif name in ("error", "_error", "err", "cannot") and len(node.args) >= 3:
            yield from ((node.lineno, name, arg) for arg in node.args[2:])
        else:
            continue
        for keyword in node.keywords:
            if keyword.arg in ("found", "hint", "expected"):
                yield node.lineno, name, keyword.value


def test_no_error_is_written_in_english_in_the_code() -> None:
    """An error's words come from the catalogs (msg(...)): a string literal or an f-string as
    what an error expected, found or suggests is English written into the code."""
    import ast

    literal = []
    for path in sorted((ROOT / "crmwb").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, name, arg in _error_calls(tree):
            words = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if (words and re.search(r"[A-Za-z]{3}", str(arg.value))) or isinstance(
                arg, ast.JoinedStr
            ):
                literal.append(f"{path.name}:{line} {name}")
    assert literal == []
