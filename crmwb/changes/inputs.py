"""What changed in a client's inputs between two runs, sheet by sheet, located and labelled the
way a consultant looks for it in the workbook.

* A labelled parameter (label in column A, value in B) is one change: the sheet, the cell
  (« B7 »), its label, the old and new values.
* A table (found by its declared first column's label, in either language) is compared row by
  row, rows matched by their first column's value (« Salesforce »), not by their place: a row
  inserted is one change (« row added: Salesforce »), the rows under it are not « changed ». A
  changed cell is located (« F15 ») and labelled by its column's header and its row's name.
* A sheet laid out its own way (the pairwise comparisons, the scores, the conventions, the
  RACI) or one the consultant added is compared row by row in order (a row inserted is one
  addition), each changed cell named by its row's first texts.
* A sheet added or removed is one change; the hidden Lists sheet is left out (the template
  writes it).

The workbooks are compared as two runs kept them (:class:`crmwb.workbook.snapshot.Snapshot`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Literal

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter

from crmwb.core import i18n
from crmwb.core.i18n import Lang, all_labels, match_key, t
from crmwb.workbook.about import ABOUT_SHEET
from crmwb.workbook.capabilities import SheetLayout, declared_sheets
from crmwb.workbook.fields import Field, anchor, normalised
from crmwb.workbook.snapshot import CellValue, Snapshot, as_python

LISTS_SHEET = "sheet.lists"
"""The hidden sheet of the drop-down lists: written by the template, never compared."""

PARAMETER_ROWS = 60
"""Rows where a labelled parameter is looked for (as the workbook reader does)."""


ChangeKind = Literal["cell", "row_added", "row_removed", "sheet_added", "sheet_removed"]


@dataclass(frozen=True)
class InputChange:
    """One change of the client's inputs.

    ``sheet``: the sheet's title as the new workbook names it (the old one's for a sheet
    removed); ``cell``: the changed cell in the new workbook (« B7 »), or its row's place for a
    row added or removed (``row``: the row number, in the new workbook, or the old one's for a
    row removed); ``label``: the parameter's label or the column's header; ``row_name``: in a
    table, the row's name (its first column's value); ``old`` and ``new``: the values (Python's:
    a date as :class:`datetime.datetime`, None for an empty cell); ``kind``: the field's kind
    when it is declared (« fraction »: shown as a percentage); ``cells``: for a row added or
    removed, its cells as (header, value)."""

    change: ChangeKind
    sheet: str
    cell: str = ""
    row: int | None = None
    label: str = ""
    row_name: str = ""
    old: object = None
    new: object = None
    kind: str = ""
    cells: tuple[tuple[str, object], ...] = ()


# --- values ----------------------------------------------------------------------------------


def same(a: object, b: object) -> bool:
    """Whether two cell values are the same (True is not 1, 5 is 5.0)."""
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def shown_value(value: object, lang: Lang, kind: str = "") -> str:
    """A cell's value as the consultant reads it: a number with the language's separators, a
    fraction field's as a percentage (« 8,5 % »), a date in words; "" when empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("changes.yes" if value else "changes.no", lang)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return i18n.date(value.date(), lang)
        return f"{i18n.date(value.date(), lang)} {value:%H:%M}"
    if isinstance(value, dt.date):
        return i18n.date(value, lang)
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, int | float):
        if kind in ("fraction", "rate"):
            places = next(
                (d for d in range(4) if round(value * 100, d) == round(value * 100, 6)), 4
            )
            return i18n.percent(value, lang, decimals=places)
        return i18n.decimal(value, lang)
    return str(value)


# --- the workbook's sheets -------------------------------------------------------------------


Grid = dict[int, dict[int, object]]
"""A sheet's values: row -> column -> value (Python's), empty cells left out."""


def grid(cells: Mapping[str, CellValue]) -> Grid:
    rows: Grid = {}
    for coordinate, value in cells.items():
        letters, row = coordinate_from_string(coordinate)
        rows.setdefault(row, {})[column_index_from_string(letters)] = as_python(value)
    return rows


@cache
def layouts() -> dict[str, SheetLayout]:
    """Every declared sheet's layout by its key (the About sheet's too)."""
    found = {ABOUT_SHEET.sheet: ABOUT_SHEET}
    for sheets in declared_sheets():
        for layout in sheets.layouts:
            found[layout.sheet] = layout
    return found


@cache
def sheet_names(key: str) -> frozenset[str]:
    return frozenset(normalised(label) for label in all_labels(key))


def sheet_key(title: str) -> str | None:
    """The declared sheet ``title`` names, in either language (None: a sheet of the
    consultant's, or the Lists sheet's key)."""
    name = normalised(title)
    for key in (*layouts(), LISTS_SHEET):
        if name in sheet_names(key):
            return key
    return None


def paired_sheets(old: Snapshot, new: Snapshot) -> list[tuple[str | None, str | None, str | None]]:
    """(key, old title, new title) of each sheet, in the new workbook's order, then the sheets
    only the old one had; a declared sheet matched by its key (whatever its language), another
    by its title."""

    def identity(title: str) -> str:
        return sheet_key(title) or f"title:{normalised(title)}"

    old_titles = {identity(title): title for title in old.sheets}
    new_titles = {identity(title): title for title in new.sheets}
    order = [*new_titles, *(k for k in old_titles if k not in new_titles)]
    found = []
    for ident in order:
        key = None if ident.startswith("title:") else ident
        if key == LISTS_SHEET:
            continue
        found.append((key, old_titles.get(ident), new_titles.get(ident)))
    return found


def input_changes(old: Snapshot, new: Snapshot) -> list[InputChange]:
    """What changed from the workbook ``old`` to ``new``, sheet by sheet in the new workbook's
    order (the sheets removed last)."""
    changes: list[InputChange] = []
    for key, old_title, new_title in paired_sheets(old, new):
        if old_title is None:
            assert new_title is not None
            changes.append(InputChange("sheet_added", new_title))
            continue
        if new_title is None:
            changes.append(InputChange("sheet_removed", old_title))
            continue
        before, after = grid(old.sheets[old_title]), grid(new.sheets[new_title])
        layout = layouts().get(key) if key else None
        if layout is not None and (layout.parameters or layout.tables):
            changes.extend(parameter_changes(new_title, layout.parameters, before, after))
            for index, columns in enumerate(layout.tables):
                following = layout.tables[index + 1 :]
                changes.extend(
                    table_changes(new_title, columns, before, after, [t[0] for t in following])
                )
        else:
            changes.extend(sheet_changes(new_title, before, after))
    return changes


# --- parameters ------------------------------------------------------------------------------


def label_rows(sheet: Grid, key: str, limit: int | None = PARAMETER_ROWS) -> int | None:
    """The first row whose column A holds the label ``key`` (either language), or None."""
    wanted = sheet_names(key)
    for row in sorted(sheet):
        if limit is not None and row > limit:
            break
        label = sheet[row].get(1)
        if isinstance(label, str) and normalised(label) in wanted:
            return row
    return None


def parameter_changes(
    title: str, fields: Sequence[Field], old: Grid, new: Grid
) -> Iterable[InputChange]:
    for spec in fields:
        old_row, new_row = label_rows(old, spec.key), label_rows(new, spec.key)
        before = old.get(old_row, {}).get(2) if old_row else None
        after = new.get(new_row, {}).get(2) if new_row else None
        if same(before, after):
            continue
        row = new_row or old_row
        assert row is not None
        shown = (new if new_row else old)[row].get(1)
        yield InputChange(
            "cell",
            title,
            cell=f"B{row}",
            row=row,
            label=str(shown),
            old=before,
            new=after,
            kind=spec.kind,
        )


# --- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    number: int
    cells: Mapping[str, object]  # column id -> value

    @property
    def first(self) -> object:
        return self.cells.get(FIRST)

    def key(self) -> str:
        first = self.first
        if first is None:
            return ""
        return match_key(shown_value(first, i18n.SOURCE_LANG))

    def shown(self, columns: Sequence[str], lang: Lang = i18n.SOURCE_LANG) -> tuple[str, ...]:
        return tuple(shown_value(self.cells.get(c), lang) for c in columns)


FIRST = "first"
"""The column id of a table's first column."""


@dataclass(frozen=True)
class Table:
    """A table of a sheet: its columns (id -> (letter index, header as the sheet shows it)) and
    its rows."""

    columns: Mapping[str, tuple[int, str]]
    rows: tuple[Row, ...]


def read_table(sheet: Grid, columns: Sequence[Field], next_tables: Sequence[Field]) -> Table:
    """The table whose header row has ``columns[0]``'s label in column A, down to the next
    table's header (``next_tables``: the first columns of the tables under it) or the sheet's
    end; its columns: the declared ones (by their labels in either language) and any other
    header of the row (by its text)."""
    header = label_rows(sheet, columns[0].key, limit=None) or label_rows(
        sheet, anchor(columns).key, limit=None
    )
    if header is None:
        return Table({}, ())
    ends = [r for f in next_tables if (r := label_rows(sheet, f.key, limit=None)) and r > header]
    end = min(ends) - 1 if ends else max(sheet)
    known = {name: spec.key for spec in columns for name in sheet_names(spec.key)}
    ids: dict[int, str] = {}
    shown: dict[str, tuple[int, str]] = {}
    for col, text in sorted(sheet[header].items()):
        if text is None:
            continue
        label = shown_value(text, i18n.SOURCE_LANG)
        ident = known.get(normalised(label), f"header:{normalised(label)}")
        if col == 1:
            ident = FIRST
        if ident in shown:  # the same header twice: the second by its place
            ident = f"column:{col}"
        ids[col] = ident
        shown[ident] = (col, label)
    rows = []
    for number in range(header + 1, end + 1):
        values = sheet.get(number, {})
        cells: dict[str, object] = {}
        for col, value in values.items():
            column = ids.get(col)
            if column is None:  # a value under no header
                column = f"column:{col}"
                shown.setdefault(column, (col, get_column_letter(col)))
            cells[column] = value
        if cells:
            rows.append(Row(number, cells))
    return Table(shown, tuple(rows))


def row_names(rows: Sequence[Row], order: Sequence[str]) -> dict[int, str]:
    """Each row's name: its first column's value, with the next columns' values when that is
    not enough to tell it from another row (« Licence · Maintenance »), by row number."""
    names: dict[int, str] = {}
    for depth in range(1, 4):
        columns = order[:depth]
        counts: dict[tuple[str, ...], int] = {}
        for row in rows:
            counts[row.shown(columns)] = counts.get(row.shown(columns), 0) + 1
        for row in rows:
            if row.number not in names and (counts[row.shown(columns)] == 1 or depth == 3):
                names[row.number] = " · ".join(v for v in row.shown(columns) if v)
    return names


def similarity(a: Row, b: Row) -> float:
    """The share of the two rows' filled cells (the first column aside) that are the same."""
    columns = (set(a.cells) | set(b.cells)) - {FIRST}
    if not columns:
        return 1.0
    equal = sum(1 for c in columns if same(a.cells.get(c), b.cells.get(c)))
    return equal / len(columns)


def pair_rows(old: Sequence[Row], new: Sequence[Row]) -> list[tuple[Row | None, Row | None]]:
    """The rows of two versions of a table, paired: by their first column's value; among rows
    sharing it (several cost lines of one option), the most alike first, at least half of their
    cells the same, and a last one left on each side paired too. A row with no pair was added
    (None, row) or removed (row, None). In the new table's order, the removed rows last."""
    old_groups: dict[str, list[Row]] = {}
    new_groups: dict[str, list[Row]] = {}
    for row in old:
        old_groups.setdefault(row.key(), []).append(row)
    for row in new:
        new_groups.setdefault(row.key(), []).append(row)
    pairs: list[tuple[Row | None, Row | None]] = []
    for key in dict.fromkeys([*new_groups, *old_groups]):
        pairs.extend(pair_group(old_groups.get(key, []), new_groups.get(key, [])))
    position = {row.number: i for i, row in enumerate(new)}
    return sorted(pairs, key=lambda p: position[p[1].number] if p[1] else len(position))


def pair_group(old: Sequence[Row], new: Sequence[Row]) -> list[tuple[Row | None, Row | None]]:
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])]
    candidates = sorted(
        (
            (-similarity(a, b), abs(i - j), i, j)
            for i, a in enumerate(old)
            for j, b in enumerate(new)
            if similarity(a, b) >= 0.5
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[Row | None, Row | None]] = []
    for _, _, i, j in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j]))
    left_old = [i for i in range(len(old)) if i not in used_old]
    left_new = [j for j in range(len(new)) if j not in used_new]
    if len(left_old) == 1 and len(left_new) == 1:
        pairs.append((old[left_old[0]], new[left_new[0]]))
        left_old, left_new = [], []
    pairs.extend((old[i], None) for i in left_old)
    pairs.extend((None, new[j]) for j in left_new)
    return pairs


def table_changes(
    title: str, fields: Sequence[Field], old: Grid, new: Grid, next_tables: Sequence[Field]
) -> Iterable[InputChange]:
    before, after = read_table(old, fields, next_tables), read_table(new, fields, next_tables)
    columns = dict(before.columns) | dict(after.columns)  # the new workbook's headers win
    order = sorted(columns, key=lambda c: (c != FIRST, columns[c][0]))
    kinds = {spec.key: spec.kind for spec in fields}
    old_names, new_names = row_names(before.rows, order), row_names(after.rows, order)
    for was, now in pair_rows(before.rows, after.rows):
        if now is None:
            assert was is not None
            yield row_change("row_removed", title, was, old_names[was.number], order, columns)
        elif was is None:
            yield row_change("row_added", title, now, new_names[now.number], order, columns)
        else:
            for ident in order:
                a, b = was.cells.get(ident), now.cells.get(ident)
                if same(a, b):
                    continue
                col, header = after.columns.get(ident) or before.columns[ident]
                yield InputChange(
                    "cell",
                    title,
                    cell=f"{get_column_letter(col)}{now.number}",
                    row=now.number,
                    label=header,
                    row_name=new_names[now.number],
                    old=a,
                    new=b,
                    kind=kinds.get(ident, ""),
                )


def row_change(
    change: ChangeKind,
    title: str,
    row: Row,
    name: str,
    order: Sequence[str],
    columns: Mapping[str, tuple[int, str]],
) -> InputChange:
    cells = tuple((columns[c][1], row.cells[c]) for c in order if row.cells.get(c) is not None)
    return InputChange(change, title, row=row.number, row_name=name, cells=cells)


# --- sheets of their own layout --------------------------------------------------------------


def sheet_changes(title: str, old: Grid, new: Grid) -> Iterable[InputChange]:
    """A sheet without declared parameters or table, compared row by row in order: rows
    inserted or removed are found as such (a longest-common-subsequence match of the rows), a
    row edited in place gives its changed cells."""
    width = max((c for sheet in (old, new) for r in sheet.values() for c in r), default=1)
    old_rows, new_rows = sorted(old), sorted(new)

    def line(sheet: Grid, row: int) -> tuple[str, ...]:
        return tuple(repr(sheet[row].get(c)) for c in range(1, width + 1))

    matcher = SequenceMatcher(
        None, [line(old, r) for r in old_rows], [line(new, r) for r in new_rows], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edited = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(edited):
            yield from cell_changes(
                title, old[old_rows[i1 + k]], new[new_rows[j1 + k]], new_rows[j1 + k]
            )
        for r in old_rows[i1 + edited : i2]:
            yield plain_row("row_removed", title, r, old[r])
        for r in new_rows[j1 + edited : j2]:
            yield plain_row("row_added", title, r, new[r])


def plain_name(cells: Mapping[int, object], skip: int = 0) -> str:
    """A row's name on a sheet of its own layout: its first two texts (but the cell ``skip``)."""
    texts = [
        shown_value(cells[c], i18n.SOURCE_LANG)
        for c in sorted(cells)
        if c != skip and isinstance(cells[c], str)
    ]
    return " · ".join(texts[:2])


def cell_changes(
    title: str, old: Mapping[int, object], new: Mapping[int, object], row: int
) -> Iterable[InputChange]:
    for col in sorted(set(old) | set(new)):
        a, b = old.get(col), new.get(col)
        if not same(a, b):
            yield InputChange(
                "cell",
                title,
                cell=f"{get_column_letter(col)}{row}",
                row=row,
                row_name=plain_name(new or old, skip=col),
                old=a,
                new=b,
            )


def plain_row(change: ChangeKind, title: str, row: int, cells: Mapping[int, object]) -> InputChange:
    return InputChange(
        change,
        title,
        row=row,
        row_name=plain_name(cells),
        cells=tuple((get_column_letter(c), cells[c]) for c in sorted(cells)),
    )


# --- who the workbook is -----------------------------------------------------------------------


@dataclass(frozen=True)
class Client:
    """What the About sheet of a workbook says of the client, for the deliverable's header."""

    name: str = ""
    lang: Lang | None = None
    currency: str = "EUR"
    consultant: str = ""


def about(values: Snapshot | None) -> Client:
    """The client as the About sheet of ``values`` names it (empty when it has none)."""
    if values is None:
        return Client()
    title = next((s for s in values.sheets if sheet_key(s) == ABOUT_SHEET.sheet), None)
    if title is None:
        return Client()
    sheet = grid(values.sheets[title])

    def value(key: str) -> str:
        row = label_rows(sheet, key)
        found = sheet.get(row, {}).get(2) if row else None
        return "" if found is None else str(found).strip()

    lang = value("about.language").lower()
    return Client(
        name=value("about.client_name"),
        lang=lang if lang in i18n.LANGUAGES else None,
        currency=value("about.currency").upper() or "EUR",
        consultant=value("about.consultant"),
    )
