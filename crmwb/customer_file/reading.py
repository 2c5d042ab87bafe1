"""Reading the client's customer file into DuckDB, within bounds (DOMAIN.md §5).

The consultant gets a client export — a CSV made by Excel (often French: semicolons,
Windows-1252, a byte-order mark, decimal commas, dates dd/mm/yyyy) or an XLSX with several
sheets — of thousands to millions of rows, and a column mapping from the workbook: the client's
column name for each :data:`~crmwb.customer_file.mapping.FieldRole`. :func:`read_customer_file`
loads it into DuckDB without loading it in Python (a CSV by :mod:`.reading_csv`, an XLSX by
:mod:`.reading_xlsx`): a :class:`CustomerFile`, which :mod:`.quality` profiles.

Reading is the audit's only I/O. It never writes next to the client's file: a transcoded copy
(for a non-UTF-8 CSV) and DuckDB's spill files go to a private temporary folder, removed when
the :class:`CustomerFile` is closed; DuckDB's memory and that folder are capped
(:func:`duckdb_limits`). Bad input raises
:class:`~crmwb.customer_file.mapping.CustomerFileError` naming the file and the line (CSV) or
the sheet and cell (XLSX).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from crmwb.core.errors import msg
from crmwb.core.i18n import Lang
from crmwb.core.office_files import password_protected
from crmwb.customer_file.field_rules import phone_plan
from crmwb.customer_file.mapping import CustomerFileError, FieldRole, check_mapping, in_language
from crmwb.customer_file.reading_csv import load_csv
from crmwb.customer_file.reading_xlsx import load_xlsx


def duckdb_limits() -> tuple[str, str]:
    """DuckDB's memory limit and the cap of its spill folder: a quarter of the machine's memory
    and 10 GB, or ``CRMWB_AUDIT_MEMORY`` and ``CRMWB_AUDIT_TEMP_MAX`` (« 4GB »)."""
    import psutil

    memory = os.environ.get("CRMWB_AUDIT_MEMORY") or (
        f"{psutil.virtual_memory().total // 4 // 2**20}MB"
    )
    return memory, os.environ.get("CRMWB_AUDIT_TEMP_MAX") or "10GB"


def limit_error(file: str) -> CustomerFileError:
    """The audit of ``file`` reached its memory or temporary-disk limit: said as such, with
    the limits and how to raise them."""
    memory, temp = duckdb_limits()
    return CustomerFileError(
        msg("quality.err.within_limits", memory=memory, disk=temp),
        file=file,
        found=msg("quality.err.found.limit_hit"),
        hint=msg("quality.err.hint.limits"),
    )


def _connect(tmpdir: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB of bounded memory, spilling to ``tmpdir`` (the system's temporary folder, not
    the client's synced drive) up to a cap."""
    memory, temp = duckdb_limits()
    return duckdb.connect(
        ":memory:",
        config={
            "temp_directory": str(tmpdir / "duckdb"),
            "memory_limit": memory,
            "max_temp_directory_size": temp,
        },
    )


class CustomerFile:
    """A customer file loaded into DuckDB, ready to be profiled.

    ``connection`` holds the view ``customers``: one row per record, with one column per
    :class:`FieldRole` (the raw text of the mapped column; NULL for an unmapped role;
    ``record_id`` the line number when not mapped) and ``line``: the record's line in the file
    (CSV: the line it starts on, header = line 1; XLSX: the sheet's row number). Close it (or use
    it in a ``with`` block) to free the memory and the temporary folder. ``prepared``: whether the
    quality profile's tables of normalised records and exact duplicates are in ``connection``
    (:mod:`crmwb.customer_file.quality` builds them once)."""

    def __init__(
        self,
        *,
        path: Path,
        sheet: str | None,
        country: str,
        mapping: Mapping[FieldRole, str],
        columns: tuple[str, ...],
        encoding: str | None,
        delimiter: str | None,
        rows: int,
        connection: duckdb.DuckDBPyConnection,
        tmpdir: Path,
    ) -> None:
        self.path = path
        self.sheet = sheet
        self.country = country
        self.mapping: Mapping[FieldRole, str] = dict(mapping)
        self.columns = columns
        self.encoding = encoding
        self.delimiter = delimiter
        self.rows = rows
        self.connection = connection
        self._tmpdir = tmpdir
        self.prepared = False
        self._finalizer = weakref.finalize(self, _release, connection, tmpdir)

    def __repr__(self) -> str:
        where = f"{self.path.name}" + (f"[{self.sheet}]" if self.sheet else "")
        return f"CustomerFile({where!r}, rows={self.rows}, encoding={self.encoding!r})"

    def mapped(self, role: FieldRole) -> bool:
        """Whether ``role`` is mapped to a column of the file."""
        return role in self.mapping

    def query(self, sql: str, parameters: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` on the file's connection and fetch every row."""
        return list(self.connection.execute(sql, parameters or []).fetchall())

    def close(self) -> None:
        """Close the DuckDB connection and remove the temporary folder."""
        self._finalizer()

    def __enter__(self) -> CustomerFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _release(connection: duckdb.DuckDBPyConnection, tmpdir: Path) -> None:
    try:
        connection.close()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def read_customer_file(
    path: str | Path,
    mapping: Mapping[FieldRole, str],
    *,
    sheet: str | None = None,
    country: str = "FR",
    lang: Lang | None = None,
) -> CustomerFile:
    """Load the client's customer file (CSV or XLSX) into DuckDB as the view ``customers``.

    ``mapping``: role -> the client's column name (matched exactly, else ignoring case,
    accents and surrounding blanks); ``email`` or ``phone`` at least. ``country``: the ISO code
    phone numbers are read for and postcodes default to (a mapped country column overrides it
    for postcodes). ``sheet``: the sheet of an XLSX (required when it has several).

    A CSV (anything that is not an XLSX zip) is sniffed on its first bytes: a UTF-8 or UTF-16
    byte-order mark, else UTF-8 when the file decodes as UTF-8, else Windows-1252 (the French
    Excel default; a Windows-1252 or UTF-16 file is transcoded to UTF-8 in a temporary folder).
    The separator is the most frequent of ``;`` ``,`` tab ``|`` in the header line (outside
    quotes; ties in that order), the quote ``"`` (doubled inside a quoted field). Every value is
    read as text (leading zeros stay), by DuckDB, streaming.

    An XLSX is streamed with openpyxl (read-only) into a temporary UTF-8 CSV: the header is row
    1, empty rows are skipped, dates become ISO text, and a number in the last-activity column is
    read as an Excel date.

    Raises :class:`CustomerFileError` naming the file and line (sheet and cell for an XLSX) for:
    a missing or 0-byte file, a header-only file, a mapped column not in the header (listing the
    columns found, with a "did you mean"), a record with more or fewer fields than the header (or
    a value right of the last header cell), bytes that cannot be decoded, a missing sheet —
    written in ``lang``, the client's language (None: the reader's)."""
    with in_language(lang):
        return _read_customer_file(Path(path), mapping, sheet, country)


def _read_customer_file(
    file: Path, mapping: Mapping[FieldRole, str], sheet: str | None, country: str
) -> CustomerFile:
    name = file.name
    roles = check_mapping(mapping, name)
    plan = phone_plan(country)
    if not file.is_file():
        raise CustomerFileError(
            msg("quality.err.existing_file"), file=str(file), found=msg("err.found.no_file")
        )
    if file.stat().st_size == 0:
        raise CustomerFileError(
            msg("quality.err.header_and_record"),
            file=name,
            found=msg("quality.err.found.empty_file_0"),
        )
    with file.open("rb") as fh:
        magic = fh.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0") and password_protected(file):
        raise CustomerFileError(
            msg("quality.err.csv_or_xlsx"),
            file=name,
            found=msg("err.found.password"),
            hint=msg("err.hint.password"),
        )
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise CustomerFileError(
            msg("quality.err.csv_or_xlsx"),
            file=name,
            found=msg("quality.err.found.xls"),
            hint=msg("quality.err.hint.save_as"),
        )
    tmpdir = Path(tempfile.mkdtemp(prefix="crmwb-quality-"))
    connection = _connect(tmpdir)
    try:
        if magic.startswith(b"PK\x03\x04"):
            loaded = load_xlsx(file, roles, sheet, connection, tmpdir)
        else:
            loaded = load_csv(file, roles, connection, tmpdir)
        _create_view(connection, roles, loaded.used)
        rows = int(connection.execute("SELECT count(*) FROM _data").fetchall()[0][0])
        if rows == 0:
            raise CustomerFileError(
                msg("quality.err.record_below_header"),
                file=name,
                line=None if loaded.sheet else 2,
                sheet=loaded.sheet,
                cell="A2" if loaded.sheet else None,
                found=msg("quality.err.found.only_header"),
            )
    except duckdb.OutOfMemoryException:
        _release(connection, tmpdir)
        raise limit_error(name) from None
    except BaseException:
        _release(connection, tmpdir)
        raise
    return CustomerFile(
        path=file,
        sheet=loaded.sheet,
        country=plan.country,
        mapping=roles,
        columns=loaded.columns,
        encoding=loaded.encoding,
        delimiter=loaded.delimiter,
        rows=rows,
        connection=connection,
        tmpdir=tmpdir,
    )


def _ident(name: str) -> str:
    """An SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _create_view(
    connection: duckdb.DuckDBPyConnection,
    roles: Mapping[FieldRole, str],
    used: dict[FieldRole, str],
) -> None:
    cols = []
    for role in FieldRole:
        if role in used:
            cols.append(f"{_ident(used[role])} AS {role.value}")
        elif role is FieldRole.RECORD_ID:
            cols.append(f"CAST(line AS VARCHAR) AS {role.value}")
        else:
            cols.append(f"CAST(NULL AS VARCHAR) AS {role.value}")
    connection.execute(f"CREATE VIEW customers AS SELECT {', '.join(cols)}, line FROM _data")


__all__ = ["CustomerFile", "read_customer_file"]
