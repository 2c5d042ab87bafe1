"""Reading an XLSX export into DuckDB: the sheet found, streamed with openpyxl (read-only) into
a temporary UTF-8 CSV (the header in row 1, empty rows skipped, dates as ISO text, a number in
the last-activity column read as an Excel date), and a bad cell reported by its sheet and A1
reference."""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path

import duckdb

from crmwb.core.errors import Quoted, msg
from crmwb.customer_file.field_rules import lit
from crmwb.customer_file.mapping import CustomerFileError, FieldRole, LoadedExport, resolve_columns

_PHANTOM_DAY = 60
"""Excel's serial number for 29 February 1900, a day that did not exist (Lotus 1-2-3's leap-year
bug, kept by Excel); a date library reads it as the 28th."""


def _cell_text(value: object, as_date: bool, epoch: datetime) -> str:
    """An XLSX cell as the text a CSV export would hold (dates ISO, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == dtime() else value.isoformat(sep=" ")
    if isinstance(value, date | dtime):
        return value.isoformat()
    if isinstance(value, int | float):
        if as_date and value == _PHANTOM_DAY and epoch.year == 1899:
            return "1900-02-29"  # Excel's day that never was: read back as the invalid date it is
        if as_date and 0 < value < 2958466:
            from openpyxl.utils.datetime import from_excel

            converted = from_excel(value, epoch=epoch)
            if isinstance(converted, datetime):
                return converted.date().isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return str(value)


def load_xlsx(
    file: Path,
    roles: Mapping[FieldRole, str],
    sheet: str | None,
    connection: duckdb.DuckDBPyConnection,
    tmpdir: Path,
) -> LoadedExport:
    """Load ``sheet`` of the XLSX ``file`` (its only sheet when None) into ``connection`` (the
    table ``_data``: the columns of ``roles`` and each record's row), through a CSV in
    ``tmpdir``."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    name = file.name
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise CustomerFileError(
            msg("quality.err.readable_xlsx"), file=name, found=str(exc)
        ) from None
    try:
        sheets = list(wb.sheetnames)
        listed = tuple(Quoted(s) for s in sheets)
        if sheet is None:
            if len(sheets) != 1:
                raise CustomerFileError(
                    msg("quality.err.sheet_to_read", sheet=Quoted(msg("sheet.customer_file"))),
                    file=name,
                    found=msg(
                        "quality.err.found.sheets",
                        count=len(sheets),
                        number=len(sheets),
                        sheets=listed,
                    ),
                )
            sheet = sheets[0]
        elif sheet not in sheets:
            close = difflib.get_close_matches(sheet, sheets, n=1)
            raise CustomerFileError(
                msg("quality.err.sheet_named", sheet=Quoted(sheet)),
                file=name,
                found=msg("err.found.sheets", names=listed),
                hint=msg("err.hint.did_you_mean", name=close[0]) if close else None,
            )
        ws = wb[sheet]
        ws.reset_dimensions()
        rows: Iterator[tuple[object, ...]] = ws.iter_rows(values_only=True)
        first = next(rows, None)
        raw_header = [("" if v is None else str(v)) for v in (first or ())]
        while raw_header and not raw_header[-1].strip():
            raw_header.pop()
        if not raw_header:
            raise CustomerFileError(
                msg("quality.err.names_in_row_1"),
                file=name,
                sheet=sheet,
                cell="A1",
                found=msg(
                    "quality.err.found.empty_sheet"
                    if first is None
                    else "quality.err.found.empty_row_1"
                ),
            )
        ncols = len(raw_header)
        last = get_column_letter(ncols)
        positions = resolve_columns(raw_header, roles, file=name, sheet=sheet, cell=f"A1:{last}1")
        indices = sorted(set(positions.values()))
        date_cols = (
            {positions[FieldRole.LAST_ACTIVITY]} if FieldRole.LAST_ACTIVITY in positions else set()
        )
        epoch: datetime = wb.epoch
        path = tmpdir / "sheet.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["line", *(f"c{i}" for i in indices)])
            for number, values in enumerate(rows, start=2):
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                    continue
                for j in range(ncols, len(values)):
                    v = values[j]
                    if v is not None and not (isinstance(v, str) and not v.strip()):
                        raise CustomerFileError(
                            msg(
                                "quality.err.values_under_names",
                                count=ncols,
                                names=ncols,
                                range=f"A1:{last}1",
                            ),
                            file=name,
                            sheet=sheet,
                            cell=f"{get_column_letter(j + 1)}{number}",
                            found=msg("quality.err.found.value_right"),
                        )
                writer.writerow(
                    [
                        number,
                        *(
                            _cell_text(
                                values[i] if i < len(values) else None, i in date_cols, epoch
                            )
                            for i in indices
                        ),
                    ]
                )
    finally:
        wb.close()
    columns = "{'line': 'BIGINT', " + ", ".join(f"'c{i}': 'VARCHAR'" for i in indices) + "}"
    connection.execute(
        f"CREATE TABLE _data AS SELECT * FROM read_csv({lit(str(path))}, columns={columns}, "
        "header=true, auto_detect=false, delim=',', quote='\"', escape='\"')"
    )
    path.unlink(missing_ok=True)
    used = {role: f"c{i}" for role, i in positions.items()}
    return LoadedExport(tuple(raw_header), used, None, None, sheet)
