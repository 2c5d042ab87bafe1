"""Customer exports damaged on the way (issue 13): a line ending with LF alone in a CR LF file
(DuckDB's reader says only « invalid state »), a NUL character in a field (accepted silently
before, « 0\\x00 » then counted as undeliverable), many malformed records (the first named, the
others counted in a bounded store). Each is refused naming the file and line; an Excel export
whose quoted cell holds line breaks (LF inside quotes) is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmwb.customer_file.mapping import CustomerFileError, FieldRole
from crmwb.customer_file.reading import read_customer_file

MAPPING = {FieldRole.RECORD_ID: "id", FieldRole.EMAIL: "email"}
MAPPING3 = {**MAPPING, FieldRole.CITY: "ville"}


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

    from crmwb.customer_file.field_rules import parse_date_sql

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


GOOD = "".join(f"{i};client{i}@example.com;Ville {i}\n" for i in range(3000))  # over 64 KiB
BAD_EVERY_THIRD = "".join(
    f"{i};a@b.fr;x;y\n" if i % 3 == 0 else f"{i};a@b.fr;x\n" for i in range(60)
)


@pytest.mark.parametrize(
    ("before", "first"),
    [
        ("", 2),  # in the file's first 64 KiB: checked before the whole file is read
        (GOOD, 3002),  # found by reading the whole file
        (GOOD + '1;a@b.fr;"3 rue X\nbât B"\n', 3004),  # after a record over two lines
        (GOOD + "1;a@b.fr;x\n\n", 3004),  # after a blank line
    ],
)
def test_many_bad_lines_are_counted_the_first_ones_listed(
    tmp_path: Path, before: str, first: int
) -> None:
    """60 records, one in three with a field too many: 20 bad lines. The first is named, the
    19 others counted, the next five listed, each at its line in the file (by hand: records at
    ``first``, ``first`` + 3, ...)."""
    path = tmp_path / "export.csv"
    path.write_text("id;email;ville\n" + before + BAD_EVERY_THIRD, encoding="utf-8")
    with pytest.raises(CustomerFileError) as caught:
        read_customer_file(path, MAPPING3, lang="fr")
    assert caught.value.line == first
    shown = ", ".join(str(first + 3 * k) for k in range(1, 6))
    assert caught.value.message("fr").startswith(
        f"export.csv, ligne {first}\u00a0: on attend 3 champs séparés par «\u202f;\u202f», comme "
        "dans la ligne d'en-tête\u202f; trouvé\u00a0: 4 champs\u202f; 19 autres lignes sont "
        f"aussi en erreur, dont les lignes {shown} ("
    )


def test_two_bad_lines_name_both(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id;email;ville\n" + GOOD + "1;a;b\n2;a;b;c\n3;a\n", encoding="utf-8")
    with pytest.raises(CustomerFileError) as caught:
        read_customer_file(path, MAPPING3, lang="en")
    assert caught.value.line == 3003
    assert "found 4 fields; line 3004 has an error too (" in caught.value.message("en")


def test_a_file_of_bad_lines_keeps_a_bounded_store_and_says_at_least(tmp_path: Path) -> None:
    """200 000 bad records after the first 64 KiB: DuckDB keeps 1 000 of them, not all; the
    message says « at least 999 others » and lists the next five in order."""
    path = tmp_path / "export.csv"
    bad = "".join(f"{i};a@b.fr;x;y\n" for i in range(200_000))
    path.write_text("id;email;ville\n" + GOOD + bad, encoding="utf-8")
    with pytest.raises(CustomerFileError) as caught:
        read_customer_file(path, MAPPING3, lang="en")
    assert caught.value.line == 3002
    assert (
        "found 4 fields; at least 999 other lines have errors too, the first: lines "
        "3003, 3004, 3005, 3006, 3007 ("
    ) in caught.value.message("en")
