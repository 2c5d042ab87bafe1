"""Reading a CSV export into DuckDB: its encoding found (a byte-order mark, else UTF-8 when it
decodes as such, else Windows-1252) and the file transcoded to UTF-8 in the temporary folder
when needed, its separator found in the header line, its width bounded (:data:`MAX_COLUMNS`),
its values read as text by DuckDB, streaming, and each bad record reported at the file's own
line number (blank lines and line breaks inside quoted values counted)."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from encodings import cp1252
from pathlib import Path

import duckdb

from crmwb.core.errors import Msg, Number, Quoted, Text, msg
from crmwb.customer_file.field_rules import lit
from crmwb.customer_file.mapping import CustomerFileError, FieldRole, LoadedExport, resolve_columns

_BLANKS = " \t\r\n\u00a0\u202f"


_CHUNK = 1 << 20
_HEAD = 1 << 16  # the text the header is read from
MAX_COLUMNS = 1_000
"""Columns a customer export may have: an audit reads about ten; a wider file (an export of
every field of a CRM) is refused with a message rather than read in unbounded memory."""


_DELIMITERS = (";", ",", "\t", "|")
_REJECTS = 1000  # bad records DuckDB keeps: the store is capped, the message counts up to it
_LINES_SHOWN = 5  # the bad lines a message lists
_BLANK_LINE = re.compile(r"\n\r?\n(?=[^\r\n])")
_DecodeFn = Callable[[bytes, bool], tuple[str, int]]
_CP1252_TABLE = cp1252.decoding_table


def _decode_utf8(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.utf_8_decode(data, "strict", final)


def _decode_utf16le(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.utf_16_le_decode(data, "strict", final)


def _decode_utf16be(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.utf_16_be_decode(data, "strict", final)


def _decode_cp1252(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.charmap_decode(data, "strict", _CP1252_TABLE)


_DECODERS: dict[str, _DecodeFn] = {
    "utf-8": _decode_utf8,
    "utf-16-le": _decode_utf16le,
    "utf-16-be": _decode_utf16be,
    "cp1252": _decode_cp1252,
}


class _Undecodable(Exception):
    def __init__(self, line: int, raw: bytes, non_ascii_before: bool) -> None:
        super().__init__(line)
        self.line = line
        self.raw = raw
        self.non_ascii_before = non_ascii_before


@dataclass
class _Scan:
    head: str  # the first 64 KiB of text
    has_quotes: bool
    blank_line_inside: bool
    nul_line: int | None = None  # the line of the first NUL character, if any


def _scan(path: Path, encoding: str, skip: int, out: io.BufferedWriter | None) -> _Scan:
    """Stream the file once: decode it (raising :class:`_Undecodable` with the line of the
    first bad byte), note whether it has double quotes and blank lines before its last record,
    and write it as UTF-8 to ``out`` when given."""
    decode = _DECODERS[encoding]
    pending = b""
    lines = 0
    head = ""
    tail = ""
    has_quotes = blank = non_ascii = False
    nul_line: int | None = None
    with path.open("rb") as fh:
        fh.seek(skip)
        while True:
            chunk = fh.read(_CHUNK)
            final = not chunk
            data = pending + chunk
            try:
                text, consumed = decode(data, final)
                if nul_line is None and "\x00" in text:
                    nul_line = 1 + lines + text.count("\n", 0, text.index("\x00"))
            except UnicodeDecodeError as exc:
                good, _ = decode(data[: exc.start], True)
                line = 1 + lines + good.count("\n")
                raise _Undecodable(
                    line, data[exc.start : exc.end], non_ascii or not good.isascii()
                ) from None
            pending = data[consumed:]
            if len(head) < _HEAD:
                head += text[: _HEAD - len(head)]
            lines += text.count("\n")
            non_ascii = non_ascii or not text.isascii()
            has_quotes = has_quotes or '"' in text
            blank = blank or _BLANK_LINE.search(tail + text) is not None
            tail = (tail + text)[-3:]
            if out is not None:
                out.write(text.encode("utf-8"))
            if final:
                break
    return _Scan(head, has_quotes, blank, nul_line)


def _first_lone_lf(path: Path) -> int | None:
    """The first line of a CR LF file that ends with LF alone outside quotes (what DuckDB's
    reader calls « an invalid state »), or None. Read only when DuckDB has refused the file."""
    line, quotes, crlf = 0, 0, None
    with path.open(encoding="utf-8", errors="replace", newline="") as text:
        for raw in text:
            line += 1
            quotes += raw.count('"')
            if quotes % 2 or not raw.endswith("\n"):
                continue  # inside a quoted value, or the last line
            ends_crlf = raw.endswith("\r\n")
            if crlf is None:
                crlf = ends_crlf
            elif crlf and not ends_crlf:
                return line
    return None


@dataclass(frozen=True)
class _Points:
    """Line-number corrections: sorted (index, offset) pairs, an index's offset being that of
    the last pair at or before it."""

    points: tuple[tuple[int, int], ...]

    def offset(self, index: int) -> int:
        result = 0
        for at, off in self.points:
            if at > index:
                break
            result = off
        return result


def _sniff_encoding(file: Path) -> tuple[str, int]:
    with file.open("rb") as fh:
        head = fh.read(65536)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    # UTF-16 without a byte-order mark: ASCII text with every other byte zero.
    if len(head) >= 4 and head.count(0) * 3 > len(head):
        return ("utf-16-le", 0) if head[1] == 0 else ("utf-16-be", 0)
    return "utf-8", 0


def load_csv(
    file: Path,
    roles: Mapping[FieldRole, str],
    connection: duckdb.DuckDBPyConnection,
    tmpdir: Path,
) -> LoadedExport:
    """Load the CSV ``file`` into ``connection`` (the table ``_data``: the columns of
    ``roles`` and each record's line), a copy transcoded to UTF-8 in ``tmpdir`` when needed."""
    name = file.name
    encoding, skip = _sniff_encoding(file)
    data_path = file

    def undecodable(exc: _Undecodable, enc: str) -> CustomerFileError:
        return CustomerFileError(
            msg("quality.err.encoding", encoding=enc),
            file=name,
            line=exc.line,
            found=msg("quality.err.found.bytes", bytes=exc.raw.hex(" ")),
            hint=msg("quality.err.hint.save_utf8"),
        )

    if encoding in ("utf-8", "utf-8-sig"):
        try:
            scan = _scan(file, "utf-8", skip, None)
        except _Undecodable as exc:
            if encoding == "utf-8-sig" or exc.non_ascii_before:
                raise undecodable(exc, "UTF-8") from None
            encoding = "cp1252"
    if encoding not in ("utf-8", "utf-8-sig"):
        data_path = tmpdir / "data.csv"
        with data_path.open("wb") as out:
            try:
                scan = _scan(file, encoding, skip, out)
            except _Undecodable as exc:
                label = "Windows-1252" if encoding == "cp1252" else "UTF-16"
                raise undecodable(exc, label) from None
    if not scan.head.strip(_BLANKS + "\ufeff"):
        raise CustomerFileError(
            msg("quality.err.header_and_record"),
            file=name,
            found=msg("quality.err.found.empty_file"),
        )
    if scan.nul_line is not None:
        raise CustomerFileError(
            msg("quality.err.text_file"),
            file=name,
            line=scan.nul_line,
            found=msg("quality.err.found.nul"),
            hint=msg("quality.err.hint.export_again"),
        )
    first_line = scan.head.split("\n", 1)[0].rstrip("\r")
    if not first_line.strip():
        raise CustomerFileError(
            msg("quality.err.header_line_1"),
            file=name,
            line=1,
            found=msg("quality.err.found.blank_line"),
        )
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    delimiter = max(_DELIMITERS, key=lambda d: (unquoted.count(d), -_DELIMITERS.index(d)))
    if unquoted.count(delimiter) == 0:
        delimiter = ","
    reader = csv.reader(io.StringIO(scan.head), delimiter=delimiter, quotechar='"')
    header = [h.lstrip("\ufeff") for h in next(reader)]
    first_row = reader.line_num + 1  # the line of the first record (a header may span lines)
    if "\n" not in scan.head and len(scan.head) >= _HEAD:  # a header line longer than we read
        raise CustomerFileError(
            msg("quality.err.columns_at_most", most=Number(MAX_COLUMNS)),
            file=name,
            line=1,
            found=msg("quality.err.found.header_too_long", size=Number(_HEAD // 1024)),
            hint=msg("quality.err.hint.fewer_columns"),
        )
    if len(header) > MAX_COLUMNS:
        raise CustomerFileError(
            msg("quality.err.columns_at_most", most=Number(MAX_COLUMNS)),
            file=name,
            line=1,
            found=msg("quality.err.found.column_count", columns=Number(len(header))),
            hint=msg("quality.err.hint.fewer_columns"),
        )
    positions = resolve_columns(header, roles, file=name, line=1)
    ncols = len(header)

    _check_head(scan.head, delimiter, ncols, name)
    points: _Points | None = None
    record_points: _Points | None = None
    if scan.blank_line_inside:
        record_points, points = _csv_lines(data_path, delimiter, ncols, name)

    used = {role: f"c{i}" for role, i in positions.items()}
    selected = sorted(set(used.values()), key=lambda c: int(c[1:]))
    newline_count = ""
    if scan.has_quotes and points is None:
        everything = f"concat_ws('', {', '.join(f'c{i}' for i in range(ncols))})"
        newline_count = (
            f", length({everything}) - length(replace({everything}, chr(10), '')) AS _nl"
        )
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols)) + "}"

    def source(options: str) -> str:
        return (
            f"read_csv({lit(str(data_path))}, columns={columns}, header=true, "
            f"auto_detect=false, delim={lit(delimiter)}, quote='\"', escape='\"', "
            f"encoding='utf-8', ignore_errors=true, store_rejects=true, {options})"
        )

    first_rejects = (
        "SELECT line, any_value(error_type ORDER BY column_idx), "
        "any_value(error_message ORDER BY column_idx) "
        f"FROM {{}} GROUP BY line ORDER BY line LIMIT {_LINES_SHOWN + 1}"
    )
    try:
        connection.execute(
            f"CREATE TABLE _raw AS SELECT {', '.join(selected)}{newline_count} "
            f"FROM {source(f'rejects_limit={_REJECTS}')}"
        )
        rejects = connection.execute(first_rejects.format("reject_errors")).fetchall()
        bad = connection.execute("SELECT count(DISTINCT line) FROM reject_errors").fetchall()[0][0]
        stored = connection.execute("SELECT count(*) FROM reject_errors").fetchall()[0][0]
        if stored >= _REJECTS:
            # Many bad records, read in parallel: the first ones may not be among those kept.
            # Read again in order, keeping only the first ones.
            options = f"parallel=false, rejects_limit={_LINES_SHOWN + 1}, "
            options += "rejects_table='_first_reject', rejects_scan='_first_scan'"
            connection.execute(f"SELECT count(*) FROM {source(options)}").fetchall()
            rejects = connection.execute(first_rejects.format("_first_reject")).fetchall()
    except duckdb.OutOfMemoryException:
        raise  # a limit reached: said as such by read_customer_file
    except duckdb.Error as exc:
        lone = _first_lone_lf(data_path)
        if lone is not None:
            raise CustomerFileError(
                msg("quality.err.line_endings"),
                file=name,
                line=lone,
                found=msg("quality.err.found.lone_lf"),
                hint=msg("quality.err.hint.line_endings"),
            ) from None
        raise CustomerFileError(
            msg("quality.err.readable_csv"),
            file=name,
            found=str(exc).strip().splitlines()[0],
        ) from None
    if rejects:

        def file_line(record: int) -> int:
            """The file's line of DuckDB's record number (it counts records, blank lines
            included, the header as 1, not lines)."""
            if record_points is not None:
                return record + record_points.offset(record)
            line = record + first_row - 2
            if newline_count:
                before = connection.execute(
                    "SELECT coalesce(sum(_nl), 0) FROM (SELECT _nl FROM _raw WHERE rowid <= ?)",
                    [record - 3],
                ).fetchall()
                line += int(before[0][0])
            return line

        (record, error_type, message), *others = rejects
        lines = [file_line(int(r[0])) for r in others]
        also = _other_bad_lines(lines, int(bad) - 1, at_least=stored >= _REJECTS)
        line = file_line(int(record))
        raise _reject_error(name, line, str(error_type), str(message), ncols, delimiter, also)

    if points is not None:
        _apply_points(connection, points, tmpdir)
    elif newline_count and connection.execute("SELECT max(_nl) > 0 FROM _raw").fetchall()[0][0]:
        connection.execute(
            f"CREATE TABLE _data AS SELECT * EXCLUDE (_nl), rowid + {first_row} + "
            "coalesce(sum(_nl) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING "
            "AND 1 PRECEDING), 0) AS line "
            "FROM _raw ORDER BY rowid"
        )
        connection.execute("DROP TABLE _raw")
    else:
        exclude = " EXCLUDE (_nl)" if newline_count else ""
        connection.execute(
            f"CREATE VIEW _data AS SELECT *{exclude}, rowid + {first_row} AS line FROM _raw"
        )
    if data_path != file:
        data_path.unlink(missing_ok=True)
    return LoadedExport(tuple(header), used, encoding, delimiter, None)


def _other_bad_lines(lines: Sequence[int], others: int, *, at_least: bool) -> Msg | None:
    """That ``others`` more lines are bad (``at_least`` that many when not every line was
    read, or DuckDB's capped store is full), the first of them listed; None when there are
    none."""
    if not others:
        return None
    shown = tuple(lines[:_LINES_SHOWN])
    if at_least:
        key = "quality.err.found.at_least_lines"
    elif others > len(shown):
        key = "quality.err.found.more_lines"
    else:
        key = "quality.err.found.also_lines"
    return msg(key, count=others, others=Number(others), lines=shown)


def _field_count_error(
    name: str,
    first: Sequence[tuple[int, int]],
    bad: int,
    ncols: int,
    delimiter: str,
    *,
    at_least: bool,
) -> CustomerFileError:
    """Records with the wrong number of fields, found by reading the file with the csv module:
    ``first`` the (line, fields) of the first ones, ``bad`` how many in all (``at_least`` when
    not every record was read)."""
    (line, count), *others = first
    return _reject_error(
        name,
        line,
        "TOO MANY COLUMNS" if count > ncols else "MISSING COLUMNS",
        f"Found: {count}",
        ncols,
        delimiter,
        _other_bad_lines([o[0] for o in others], bad - 1, at_least=at_least),
    )


def _reject_error(
    name: str,
    line: int,
    error_type: str,
    message: str,
    ncols: int,
    delimiter: str,
    also: Msg | None = None,
) -> CustomerFileError:
    """The error of the first bad record, at its ``line``; ``also`` says which others are bad."""
    error = _first_reject_error(name, line, error_type, message, ncols, delimiter)
    if also is not None:
        error.found = msg("quality.err.found.and_lines", found=error.found or "", more=also)
    return error


def _first_reject_error(
    name: str, line: int, error_type: str, message: str, ncols: int, delimiter: str
) -> CustomerFileError:
    shown: Text = msg("quality.err.tab") if delimiter == "\t" else Quoted(delimiter)
    if error_type in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
        count = re.search(r"Found: (\d+)", message)
        return CustomerFileError(
            msg("quality.err.fields", count=ncols, fields=ncols, separator=shown),
            file=name,
            line=line,
            found=(
                msg("quality.err.found.fields", count=int(count.group(1)), fields=count.group(1))
                if count
                else msg("quality.err.found.other_fields")
            ),
            hint=msg("quality.err.hint.quote_separator"),
        )
    if error_type == "UNQUOTED VALUE":
        return CustomerFileError(
            msg("quality.err.quoted_field"),
            file=name,
            line=line,
            found=msg("quality.err.found.after_quote"),
        )
    return CustomerFileError(
        msg("quality.err.well_formed"),
        file=name,
        line=line,
        found=message.strip().splitlines()[0] if message.strip() else error_type.lower(),
    )


def _check_head(head: str, delimiter: str, ncols: int, name: str) -> None:
    """Raise on a record with the wrong number of fields among the first ones (those whole in
    the file's first 64 KiB): a file broken from the start fails at once, with its exact line,
    before DuckDB reads it all."""
    reader = csv.reader(io.StringIO(head), delimiter=delimiter, quotechar='"')
    records: list[tuple[int, int]] = []  # (line, fields) of each non-blank record
    previous = 0
    try:
        for fields in reader:
            if fields:
                records.append((previous + 1, len(fields)))
            previous = reader.line_num
    except csv.Error:
        return  # DuckDB's reading reports it
    cut = len(head) >= _HEAD
    if cut:
        records = records[:-1]  # may be cut
    bad = [(line, count) for line, count in records[1:] if count != ncols]
    if bad:
        raise _field_count_error(name, bad, len(bad), ncols, delimiter, at_least=cut)


def _csv_lines(path: Path, delimiter: str, ncols: int, name: str) -> tuple[_Points, _Points]:
    """For a CSV with blank lines among its records (which DuckDB skips): one pass with the csv
    module giving the line each record starts on, as corrections of DuckDB's record numbers
    (blank lines counted, line breaks inside quotes not) and of the table's row numbers; the
    records with the wrong number of fields raise, the first named, the others counted."""
    duck: list[tuple[int, int]] = []
    rows: list[tuple[int, int]] = []
    first_bad: list[tuple[int, int]] = []  # (line, fields) of the first bad records
    bad = 0
    stopped = False  # by a record the csv module cannot read, after bad ones
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter=delimiter, quotechar='"')
        previous = 0
        record = 0
        rowid = 0
        try:
            for fields in reader:
                start = previous + 1
                previous = reader.line_num
                record += 1
                d_off = start - record
                if not duck or duck[-1][1] != d_off:
                    duck.append((record, d_off))
                if record == 1 or not fields:
                    continue
                if len(fields) != ncols:
                    bad += 1
                    if len(first_bad) <= _LINES_SHOWN:
                        first_bad.append((start, len(fields)))
                    continue
                r_off = start - (rowid + 2)
                if not rows or rows[-1][1] != r_off:
                    rows.append((rowid, r_off))
                rowid += 1
        except csv.Error as exc:
            if first_bad:  # records before it have errors: named; the rest of the file unread
                stopped = True
            else:
                raise CustomerFileError(
                    msg("quality.err.well_formed"), file=name, line=previous + 1, found=str(exc)
                ) from None
    if first_bad:
        raise _field_count_error(name, first_bad, bad, ncols, delimiter, at_least=stopped)
    return _Points(tuple(duck)), _Points(tuple(rows))


def _apply_points(connection: duckdb.DuckDBPyConnection, points: _Points, tmpdir: Path) -> None:
    path = tmpdir / "lines.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["rid", "off"])
        writer.writerows(points.points)
    connection.execute(
        f"CREATE TABLE _points AS SELECT * FROM read_csv({lit(str(path))}, header=true, "
        "columns={'rid': 'BIGINT', 'off': 'BIGINT'})"
    )
    connection.execute(
        "CREATE TABLE _data AS SELECT r.* EXCLUDE (rid), r.rid + 2 + p.off AS line "
        "FROM (SELECT rowid AS rid, * FROM _raw) r ASOF JOIN _points p ON r.rid >= p.rid "
        "ORDER BY r.rid"
    )
    connection.execute("DROP TABLE _raw")
    path.unlink(missing_ok=True)
