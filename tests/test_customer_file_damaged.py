"""Customer exports damaged on the way (issue 13): a line ending with LF alone in a CR LF file
(DuckDB's reader says only « invalid state »), a NUL character in a field (accepted silently
before, « 0\\x00 » then counted as undeliverable). Each is refused naming the file and line; an
Excel export whose quoted cell holds line breaks (LF inside quotes) is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmwb.quality import CustomerFileError, FieldRole, read_customer_file

MAPPING = {FieldRole.RECORD_ID: "id", FieldRole.EMAIL: "email"}


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_line_ending_with_lf_alone_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", b"id;email\r\n1;a@b.fr\r\n2;c@d.fr\n3;e@f.fr\r\n")
    with pytest.raises(CustomerFileError) as caught:
        read_customer_file(path, MAPPING, lang="fr")
    assert caught.value.line == 3
    assert caught.value.message("fr") == (
        "export.csv, ligne 3\u00a0: on attend des lignes qui se terminent toutes de la même façon "
        "(CR LF, comme la première)\u202f; trouvé\u00a0: une ligne qui se termine par LF seul "
        "(enregistrez de nouveau le fichier depuis Excel ou votre éditeur de texte (CSV, fins de "
        "ligne Windows))"
    )


def test_line_breaks_inside_a_quoted_cell_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv",
        b'id;email;note\r\n1;a@b.fr;"first\nsecond"\r\n2;c@d.fr;plain\r\n',
    )
    with read_customer_file(path, MAPPING) as file:
        assert file.rows == 2


def test_a_nul_character_is_named_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", b"id;email\r\n1;a@b.fr\r\n2;c\x00@d.fr\r\n3;e@f.fr\r\n")
    with pytest.raises(CustomerFileError) as caught:
        read_customer_file(path, MAPPING, lang="en")
    assert caught.value.line == 3
    assert caught.value.message("en").startswith(
        "export.csv, line 3: a text file (CSV) without NUL characters; found a NUL character"
    )


def test_excel_s_phantom_29_february_1900_is_not_read_as_the_28th(tmp_path: Path) -> None:
    """Excel numbers 29/02/1900 (a day that did not exist) 60; read as a date it became the
    28th, silently. It is now read as the invalid date it is."""
    from openpyxl import Workbook

    from crmwb.quality import parse_date_sql

    wb = Workbook()
    ws = wb.active
    ws.append(["id", "email", "last"])
    ws.append([1, "a@b.fr", 60])  # a number in the last-activity column: an Excel date
    ws.append([2, "c@d.fr", 46000])  # 9 December 2025
    wb.save(tmp_path / "export.xlsx")
    mapping = {**MAPPING, FieldRole.LAST_ACTIVITY: "last"}
    with read_customer_file(tmp_path / "export.xlsx", mapping) as file:
        rows = file.query(
            f"SELECT last_activity, {parse_date_sql('last_activity')} FROM customers ORDER BY line"
        )
    assert [text for text, _ in rows] == ["1900-02-29", "2025-12-09"]
    assert rows[0][1] is None and str(rows[1][1]) == "2025-12-09"
