"""A workbook's values as a run read them: its snapshot, sheet by sheet (title -> cell ->
value), empty cells left out. A run keeps it in its folder (:data:`SNAPSHOT`); an analysis's
fingerprint hashes the sheets it reads (:mod:`crmwb.run.fingerprint`), and what changed
between two runs is read from two snapshots (:mod:`crmwb.changes.inputs`).

Values, not the file's bytes: a workbook opened and saved again without a change (in Excel or
LibreOffice) keeps its snapshot — a formula counts by its text, a whole number stored as 5.0 is
5, other numbers keep Excel's 15 significant digits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmwb.core.i18n import all_labels
from crmwb.workbook.fields import normalised

SNAPSHOT = "inputs/workbook.json"
"""Where a run folder keeps the values of the workbook it read (:class:`Snapshot`)."""

CellValue = str | int | float | bool | dict[str, str]
"""A cell's value in a snapshot: text (a formula as its text), a number, a truth value, or a
date as ``{"date": "2026-03-01T00:00:00"}``."""


def cell_value(value: object) -> CellValue | None:
    """``value`` as a snapshot holds it: None for an empty cell, whole numbers as integers
    (Excel stores 5 as 5.0), other numbers rounded to Excel's 15 significant digits, dates in
    ISO form."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return float(f"{value:.15g}")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return {"date": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return float(f"{value.total_seconds() / 86400:.15g}")
    text = str(value)
    return text if text.strip() else None


def as_python(value: CellValue | None) -> object:
    """A snapshot's value back as Python's (a date as :class:`datetime.datetime`)."""
    if isinstance(value, dict):
        text = value["date"]
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            return dt.time.fromisoformat(text)
    return value


@dataclass(frozen=True)
class Snapshot:
    """The values of a workbook, sheet by sheet (its title -> cell -> value, empty cells left
    out), as a run read them."""

    sheets: Mapping[str, Mapping[str, CellValue]]
    file: str = ""

    def title(self, key: str) -> str | None:
        """The title of the sheet ``key`` (e.g. "sheet.tco") in this workbook, in either
        language (as the reader finds it), or None when the workbook has no such sheet."""
        wanted = {normalised(name) for name in all_labels(key)}
        return next((title for title in self.sheets if normalised(title) in wanted), None)

    def sheet_hash(self, key: str) -> str | None:
        """A hash of the values of the sheet ``key`` (None: the workbook has no such sheet)."""
        title = self.title(key)
        if title is None:
            return None
        cells = self.sheets[title]
        return digest(sorted(cells.items()))

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "sheets": {k: dict(v) for k, v in self.sheets.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Snapshot:
        return cls(sheets=data.get("sheets", {}), file=str(data.get("file", "")))

    def save(self, folder: Path) -> Path:
        path = folder / SNAPSHOT
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")
        return path

    @classmethod
    def load(cls, folder: Path) -> Snapshot | None:
        """The snapshot a run folder kept (None: a run made before crmwb kept them, or one
        whose snapshot was removed)."""
        path = folder / SNAPSHOT
        try:
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None


def read_snapshot(workbook: Path, content: bytes | None = None) -> Snapshot:
    """The values of every sheet of ``workbook`` (of ``content``, its bytes as already read,
    if given): one streaming pass (read-only mode), a formula by its text. Raises what
    openpyxl raises on a file it cannot read."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    source = io.BytesIO(content) if content is not None else workbook
    book = load_workbook(source, read_only=True, data_only=False)
    try:
        sheets: dict[str, dict[str, CellValue]] = {}
        for ws in book.worksheets:
            cells: dict[str, CellValue] = {}
            for r, row in enumerate(ws.iter_rows(min_row=1, min_col=1, values_only=True), 1):
                for c, raw in enumerate(row, 1):
                    value = cell_value(raw)
                    if value is not None:
                        cells[f"{get_column_letter(c)}{r}"] = value
            sheets[ws.title] = cells
    finally:
        book.close()
    return Snapshot(sheets, file=workbook.name)


def digest(value: object) -> str:
    """A hash of a value made of JSON's types (the same value, the same hash)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
