"""Workbooks that outlive the template: ``crmwb upgrade`` moves a workbook made by an older
template into the current one, field by field.

The current template is written in the workbook's language, then every declared field of every
sheet (:class:`~crmwb.workbook.capabilities.SheetLayout`) is carried over by its label, in
either language: the labelled parameters, and the tables' rows by their columns' headers. A
table whose first column is a drop-down the template fills (the Customer file's roles) is
merged row by row on that value; any other table's rows replace the template's. Sheets whose
columns are the client's own (one per vendor, evaluator or team) are carried over cell by cell,
and a sheet the template does not know is kept as it is. What could not be carried (a column
the template no longer has) is reported with the number of values it held.

The workbook is saved safely (:func:`~crmwb.workbook.save.save_client_workbook`: the previous
file copied to ``backups/`` first, nothing written when the file is open elsewhere).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import Msg, msg
from crmwb.core.i18n import Lang, t
from crmwb.workbook.about import ABOUT_SHEET
from crmwb.workbook.capabilities import SheetLayout, declared_sheets
from crmwb.workbook.fields import Field, anchor, is_blank, normalised
from crmwb.workbook.reader import WorkbookReader, read_workbook
from crmwb.workbook.save import check_writable, save_client_workbook
from crmwb.workbook.template import TEMPLATE_VERSION, build_workbook, template_version


@dataclass
class Upgrade:
    """What an upgrade did: sheets added by the template, fields carried over, what could not
    be (a message each, in the workbook's language), and the backup of the previous file."""

    added_sheets: list[str] = field(default_factory=list)
    moved: int = 0
    kept_sheets: list[str] = field(default_factory=list)
    not_moved: list[Msg] = field(default_factory=list)
    numbered: list[Msg] = field(default_factory=list)
    """The new columns filled row by row (:attr:`~crmwb.workbook.fields.Field.numbered`)."""
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added_sheets or self.not_moved or self.kept_sheets or self.numbered) or (
            self.moved > 0
        )


def layouts() -> tuple[SheetLayout, ...]:
    """About's, then every capability's declared sheets, in the workbook's order."""
    return (ABOUT_SHEET, *(layout for s in declared_sheets() for layout in s.layouts))


def needs_upgrade(path: Path, reader: WorkbookReader | None = None) -> list[str]:
    """What the workbook at ``path`` lacks of the current template: the sheets (their names in
    the workbook's language) and the declared columns and parameters missing from its sheets
    (``Sheet: label``). Empty when it is up to date. ``reader``: the workbook already open."""
    reader = reader or read_workbook(path)
    missing = []
    version = template_version(reader.book)
    if version < TEMPLATE_VERSION:
        missing.append(
            t("upgrade.older_template", reader.lang, version=version, current=TEMPLATE_VERSION)
        )
    for layout in layouts():
        if not reader.has_sheet(layout.sheet):
            missing.append(t(layout.sheet, reader.lang))
            continue
        ws = reader.sheet(layout.sheet)
        labels = _labels_in(ws)
        for spec in (*layout.parameters, *(s for table in layout.tables for s in table)):
            if not labels & _all_labels(spec):
                missing.append(f"{ws.title}: {t(spec.key, reader.lang)}")
    return missing


def upgrade_workbook(path: Path, *, backup_dir: Path | None = None) -> Upgrade:
    """Move the workbook at ``path`` into the current template (see the module)."""
    path = Path(path)
    reader = read_workbook(path)  # raises: no such file, not a workbook
    lang = reader.lang
    check_writable(path, lang)
    old = load_workbook(path)  # formulas kept as typed
    new = build_workbook(lang)
    done = Upgrade()
    matched: set[str] = set()
    for layout in layouts():
        target = _sheet(new, layout.sheet)
        source = _sheet(old, layout.sheet)
        if target is None:
            continue
        if source is None:
            done.added_sheets.append(target.title)
            continue
        matched.add(source.title)
        if not layout.parameters and not layout.tables:
            done.moved += _copy_cells(source, target)
            continue
        done.moved += _move_parameters(source, target, layout.parameters, done)
        for columns in layout.tables:
            done.moved += _move_table(source, target, columns, done, lang)
    lists = {normalised(label) for label in i18n.all_labels("sheet.lists")}
    for ws in old.worksheets:
        if ws.title in matched or normalised(ws.title) in lists:
            continue
        copy = new.create_sheet(ws.title)
        _copy_cells(ws, copy)
        done.kept_sheets.append(ws.title)
    done.backup = save_client_workbook(new, path, lang, backup_dir=backup_dir)
    return done


def _all_labels(spec: Field) -> set[str]:
    return {normalised(label) for label in i18n.all_labels(spec.key)}


def _labels_in(ws: Worksheet) -> set[str]:
    return {
        normalised(c.value)
        for row in ws.iter_rows(max_row=min(ws.max_row, 80))
        for c in row
        if isinstance(c.value, str)
    }


def _sheet(wb: Workbook, key: str) -> Worksheet | None:
    wanted = {normalised(label) for label in i18n.all_labels(key)}
    return next((ws for ws in wb.worksheets if normalised(ws.title) in wanted), None)


def _parameter_rows(ws: Worksheet, fields: Sequence[Field]) -> dict[str, int]:
    """The row of each labelled parameter (its label in column A)."""
    rows: dict[str, int] = {}
    for spec in fields:
        labels = _all_labels(spec)
        for row in ws.iter_rows(min_col=1, max_col=1, max_row=min(ws.max_row, 60)):
            value = row[0].value
            if isinstance(value, str) and normalised(value) in labels:
                rows.setdefault(spec.key, row[0].row)
                break
    return rows


def _move_parameters(
    source: Worksheet, target: Worksheet, fields: Sequence[Field], done: Upgrade
) -> int:
    old, new = _parameter_rows(source, fields), _parameter_rows(target, fields)
    moved = 0
    for key, row in old.items():
        value = source.cell(row=row, column=2).value
        if key in new:
            target.cell(row=new[key], column=2).value = value
            moved += 1
    return moved


def _header(ws: Worksheet, columns: Sequence[Field]) -> tuple[int, dict[str, int], dict[int, str]]:
    """The table's header row, the column of each declared field, and the other headers
    (column -> header text), or row 0 when the table is not there."""
    first = _all_labels(columns[0]) | _all_labels(anchor(columns))
    for row in ws.iter_rows(min_col=1, max_col=1):
        value = row[0].value
        if isinstance(value, str) and normalised(value) in first:
            header = row[0].row
            break
    else:
        return 0, {}, {}
    index: dict[str, int] = {}
    others: dict[int, str] = {}
    by_label = {label: spec.key for spec in columns for label in _all_labels(spec)}
    for cell in ws[header]:
        if not isinstance(cell.value, str):
            continue
        key = by_label.get(normalised(cell.value))
        if key is not None:
            index.setdefault(key, cell.column)
        else:
            others[cell.column] = cell.value.strip()
    return header, index, others


def _data_rows(ws: Worksheet, header: int, columns: Sequence[int]) -> Iterator[int]:
    for row in range(header + 1, ws.max_row + 1):
        if any(not is_blank(ws.cell(row=row, column=c).value) for c in columns):
            yield row


def _move_table(
    source: Worksheet, target: Worksheet, columns: Sequence[Field], done: Upgrade, lang: Lang
) -> int:
    old_header, old_index, old_others = _header(source, columns)
    new_header, new_index, new_others = _header(target, columns)
    if not old_header or not new_header:
        return 0
    rows = list(_data_rows(source, old_header, [*old_index.values(), *old_others]))
    declared = set(new_index.values())
    # the client's own columns (one per vendor) follow the declared ones: as many columns
    # further right as the template added declared columns before them (a new ID column)
    shift = max(declared, default=0) - max(old_index.values(), default=0)
    places: dict[int, int] = {}  # old column -> new column of the sheet's own columns
    for column, header in old_others.items():
        same = [c for c, h in new_others.items() if h == header]
        if same:
            places[column] = same[0]
        elif column + max(shift, 0) not in declared:  # the client's own: same place after
            place = column + max(shift, 0)
            target.cell(row=new_header, column=place).value = header
            places[column] = place
        else:
            held = sum(not is_blank(source.cell(row=r, column=column).value) for r in rows)
            if held:
                done.not_moved.append(
                    msg("upgrade.not_moved.column", sheet=source.title, column=header, count=held)
                )
    first = columns[0]
    template_rows = list(_data_rows(target, new_header, list(new_index.values())))
    moved = 0
    keyed = first.kind == "choice" and first.key in new_index and bool(template_rows)
    if keyed:  # merge on the drop-down value the template lists (the Customer file's roles)
        by_key = {
            normalised(str(target.cell(row=r, column=new_index[first.key]).value)): r
            for r in template_rows
        }
        extra = max(template_rows, default=new_header) + 1
        for r in rows:
            value = source.cell(row=r, column=old_index[first.key]).value
            at = by_key.get(normalised(str(value)))
            if at is None:
                at, extra = extra, extra + 1
            for key, column in old_index.items():
                if key in new_index:
                    target.cell(row=at, column=new_index[key]).value = source.cell(
                        row=r, column=column
                    ).value
            moved += 1
        return moved
    for r in template_rows:  # the client's rows replace the template's
        for column in new_index.values():
            target.cell(row=r, column=column).value = None
    for offset, r in enumerate(rows, start=1):
        for key, column in old_index.items():
            if key in new_index:
                value = source.cell(row=r, column=column).value
                target.cell(row=new_header + offset, column=new_index[key]).value = value
        for column, at in places.items():
            target.cell(row=new_header + offset, column=at).value = source.cell(
                row=r, column=column
            ).value
        moved += 1
    for spec in columns:  # a new column the template numbers (the use cases' IDs)
        if spec.numbered and spec.key in new_index and spec.key not in old_index and rows:
            labels = [spec.numbered.format(n) for n in range(1, len(rows) + 1)]
            for offset, label in enumerate(labels, start=1):
                target.cell(row=new_header + offset, column=new_index[spec.key]).value = label
            done.numbered.append(
                msg(
                    "upgrade.numbered",
                    sheet=target.title,
                    column=t(spec.key, lang),
                    first=labels[0],
                    last=labels[-1],
                )
            )
    return moved


def _copy_cells(source: Worksheet, target: Worksheet) -> int:
    """Every value of ``source`` at the same place in ``target`` (a sheet whose columns are the
    client's own, or one the template does not know)."""
    moved = 0
    for row in source.iter_rows():
        for cell in row:
            if cell.value is None or not hasattr(cell, "column"):
                continue
            place = target.cell(row=cell.row, column=cell.column)
            if isinstance(place, MergedCell):  # inside the template's merged title
                continue
            place.value = cell.value
            moved += 1
    return moved
