"""The customer-file audit (crmwb.customer_file: reading, field_rules, quality, masking): reading
client exports in their many dialects, the errors that name the line or the cell, the normalisation
rules, the profile's numbers on a hand-made file (every expected number counted by hand next to
it), exact duplicates, masking.

Files are written to pytest's tmp_path; nothing is read from the repository.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb
import phonenumbers
import pytest
from openpyxl import Workbook

from crmwb.core.errors import InputError
from crmwb.customer_file import quality, reading_csv
from crmwb.customer_file.field_rules import (
    email_valid_sql,
    lit,
    normalise_country_sql,
    normalise_email_sql,
    normalise_name_sql,
    normalise_phone_sql,
    normalise_postcode_sql,
    opt_in_sql,
    parse_date_sql,
    phone_valid_sql,
    postcode_valid_sql,
    undeliverable_sql,
)
from crmwb.customer_file.mapping import CustomerFileError, FieldRole
from crmwb.customer_file.masking import initials, mask_email, mask_phone, mask_postcode
from crmwb.customer_file.quality import SCORE_WEIGHTS, DuplicateKey, examples, profile
from crmwb.customer_file.reading import CustomerFile, read_customer_file

FR_HEADER = (
    "N° client;E-mail;Téléphone;Prénom;Nom;Code postal;Ville;Pays;Dernière commande;Opt-in;NPAI;"
    "Montant"
)
FR_MAPPING: dict[FieldRole, str] = {
    FieldRole.RECORD_ID: "N° client",
    FieldRole.EMAIL: "E-mail",
    FieldRole.PHONE: "Téléphone",
    FieldRole.FIRST_NAME: "Prénom",
    FieldRole.LAST_NAME: "Nom",
    FieldRole.POSTCODE: "Code postal",
    FieldRole.CITY: "Ville",
    FieldRole.COUNTRY: "Pays",
    FieldRole.LAST_ACTIVITY: "Dernière commande",
    FieldRole.OPT_IN: "Opt-in",
    FieldRole.UNDELIVERABLE: "NPAI",
}
SIMPLE_MAPPING = {FieldRole.RECORD_ID: "id", FieldRole.EMAIL: "email"}


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\r\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def rows(
    file: CustomerFile, sql: str = "SELECT * FROM customers ORDER BY line"
) -> list[tuple[object, ...]]:
    return file.query(sql)


def raises_at(exc: pytest.ExceptionInfo[CustomerFileError], line: int) -> None:
    """The error names the line, in the client's language (French by default)."""
    assert exc.value.line == line, str(exc.value)
    assert f", line {line}: " in exc.value.message("en")
    assert f", ligne {line}\u00a0: " in str(exc.value)


# --- dialects ---------------------------------------------------------------------------------


def test_french_excel_csv_cp1252_semicolons_decimal_commas_and_day_first_dates(
    tmp_path: Path,
) -> None:
    # Excel "CSV (séparateur : point-virgule)": Windows-1252 (é, œ 0x9C, ’ 0x92, € 0x80, the
    # last three being exactly where Windows-1252 and Latin-1 differ), CRLF, decimal commas,
    # postcodes with a leading zero, dates dd/mm/yyyy.
    path = write(
        tmp_path / "clients.csv",
        f"{FR_HEADER}\n"
        "C001;helene.lefevre@orange.fr;06 12 34 56 78;Hélène;Lefèvre;01000;Bourg-en-Bresse;"
        "France;05/03/2024;oui;;1 234,50 €\n"
        "C002;coeur@free.fr;01 23 45 67 89;Cœur;L’Isle;75011;Paris;France;31/12/2023;non;;12,5\n",
        encoding="cp1252",
    )
    with read_customer_file(path, FR_MAPPING) as file:
        assert (file.encoding, file.delimiter, file.rows) == ("cp1252", ";", 2)
        got = rows(file, "SELECT record_id, first_name, last_name, postcode, line FROM customers")
        assert sorted(got) == [
            ("C001", "Hélène", "Lefèvre", "01000", 2),
            ("C002", "Cœur", "L’Isle", "75011", 3),
        ]
        result = profile(file, today=dt.date(2024, 6, 1), inactive_months=3)
    # Both dates are read (day first): 05/03/2024 is not before the cutoff 2024-03-01, the other
    # one is.
    assert result.staleness is not None
    assert (result.staleness.dated, result.staleness.stale) == (2, 1)
    assert result.field(FieldRole.POSTCODE).valid == 2


def test_utf8_with_bom_commas_and_quoted_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv",
        '\ufeffid,email,nom,montant\n1,a@b.fr,"Dupont, Jean","12,50"\n2,c@d.fr,"Le ""Chef""",3\n',
        encoding="utf-8",
    )
    with read_customer_file(path, {**SIMPLE_MAPPING, FieldRole.LAST_NAME: "nom"}) as file:
        assert (file.encoding, file.delimiter) == ("utf-8-sig", ",")
        assert file.columns == ("id", "email", "nom", "montant")
        assert rows(file, "SELECT record_id, last_name FROM customers ORDER BY line") == [
            ("1", "Dupont, Jean"),
            ("2", 'Le "Chef"'),
        ]


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_each_separator_is_sniffed_from_the_header(tmp_path: Path, delimiter: str) -> None:
    text = "\n".join(delimiter.join(r) for r in [["id", "email"], ["1", "a@b.fr"], ["2", "x"]])
    with read_customer_file(write(tmp_path / "f.csv", text + "\n"), SIMPLE_MAPPING) as file:
        assert file.delimiter == delimiter
        assert rows(file, "SELECT record_id, email FROM customers ORDER BY line") == [
            ("1", "a@b.fr"),
            ("2", "x"),
        ]


def test_utf16_excel_unicode_text_export(tmp_path: Path) -> None:
    # Excel's "Texte Unicode": UTF-16 LE with a byte-order mark, tab-separated.
    path = write(tmp_path / "unicode.txt", "id\temail\tnom\n1\tzoé@b.fr\tZoé\n", "utf-16")
    with read_customer_file(path, {**SIMPLE_MAPPING, FieldRole.LAST_NAME: "nom"}) as file:
        assert (file.encoding, file.delimiter) == ("utf-16-le", "\t")
        assert rows(file, "SELECT last_name, line FROM customers") == [("Zoé", 2)]


def test_windows_1252_found_late_in_the_file_and_utf8_split_across_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading_csv, "_CHUNK", 7)  # stream 7 bytes at a time
    body = "".join(f"{i};x{i}@b.fr;Nom{i}\n" for i in range(1, 30))
    cp = write(tmp_path / "late.csv", f"id;email;nom\n{body}30;y@b.fr;Hélène\n", "cp1252")
    utf = write(tmp_path / "utf.csv", f"id;email;nom\n{body}30;y@b.fr;Hélène\n", "utf-8")
    mapping = {**SIMPLE_MAPPING, FieldRole.LAST_NAME: "nom"}
    for path, encoding in ((cp, "cp1252"), (utf, "utf-8")):
        with read_customer_file(path, mapping) as file:
            assert file.encoding == encoding
            assert rows(file, "SELECT last_name, line FROM customers WHERE record_id = '30'") == [
                ("Hélène", 31)
            ]


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    # UTF-8 (é as C3 A9 on line 2), then a lone 0xE9 byte (Latin-1 é) on line 4: a broken
    # UTF-8 file, not a Windows-1252 one.
    path = tmp_path / "broken.csv"
    path.write_bytes(b"id;email;nom\n1;a@b.fr;H\xc3\xa9l\xc3\xa8ne\n2;c@d.fr;X\n3;e@f.fr;Z\xe9\n")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, SIMPLE_MAPPING)
    raises_at(exc, 4)
    assert exc.value.message("en") == (
        "broken.csv, line 4: text in UTF-8 (the encoding the file's start shows); found "
        "undecodable bytes e9 (save the file again as CSV UTF-8)"
    )
    assert "des octets illisibles\u00a0: e9" in exc.value.message("fr")
    # With a UTF-8 byte-order mark, the file says it is UTF-8: no second guess.
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfid;email\n1;a@b.fr\n2;\x80\n")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(bom, SIMPLE_MAPPING)
    raises_at(exc, 3)
    # Byte 0x81 means nothing in Windows-1252 either.
    odd = tmp_path / "odd.csv"
    odd.write_bytes(b"id;email\n1;a\x81@b.fr\n")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(odd, SIMPLE_MAPPING)
    raises_at(exc, 2)


# --- errors -----------------------------------------------------------------------------------


def test_a_mapped_column_missing_names_it_and_lists_the_columns_found(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "id;Adresse mail;Tel\n1;a@b.fr;0612345678\n")
    mapping = {FieldRole.EMAIL: "Adresse e-mail", FieldRole.PHONE: "Tel"}
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, mapping, lang="en")
    assert str(exc.value) == (
        "c.csv, line 1: the column 'Adresse e-mail' (for 'E-mail') in the header; found the "
        "columns 'id', 'Adresse mail', 'Tel' (did you mean 'Adresse mail' for 'Adresse e-mail'?)"
    )
    # in the client's language, the role as the Customer file sheet names it
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, {**mapping, FieldRole.CITY: "Ville"}, lang="fr")
    assert str(exc.value) == (
        "c.csv, ligne 1\u00a0: on attend les colonnes «\u202fAdresse e-mail\u202f» (pour "
        "«\u202fE-mail\u202f»), «\u202fVille\u202f» (pour «\u202fVille\u202f») dans la ligne "
        "d'en-tête\u202f; trouvé\u00a0: les colonnes «\u202fid\u202f», «\u202fAdresse mail\u202f», "
        "«\u202fTel\u202f» (vouliez-vous dire «\u202fAdresse mail\u202f» pour "
        "«\u202fAdresse e-mail\u202f»\u202f?)"
    )


def test_column_names_match_whatever_the_case_accents_and_blanks(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", " E-MAIL ;Téléphone\na@b.fr;0612345678\n")
    with read_customer_file(path, {FieldRole.EMAIL: "e-mail", FieldRole.PHONE: "telephone"}) as f:
        assert rows(f, "SELECT email, phone FROM customers") == [("a@b.fr", "0612345678")]


def test_empty_header_only_and_blank_first_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CustomerFileError, match=r"empty\.csv: .*found an empty file \(0 bytes\)"):
        read_customer_file(empty, SIMPLE_MAPPING, lang="en")
    with pytest.raises(CustomerFileError, match=r"trouvé\u00a0: un fichier vide \(0 octet\)"):
        read_customer_file(empty, SIMPLE_MAPPING, lang="fr")
    for text in ("id;email\n", "id;email", "id;email\n\n\n"):
        with pytest.raises(CustomerFileError) as exc:
            read_customer_file(write(tmp_path / "header.csv", text), SIMPLE_MAPPING)
        raises_at(exc, 2)
        assert "found only the header" in exc.value.message("en")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(write(tmp_path / "blank1.csv", "\nid;email\n1;a\n"), SIMPLE_MAPPING)
    raises_at(exc, 1)
    with pytest.raises(CustomerFileError, match="no such file"):
        read_customer_file(tmp_path / "missing.csv", SIMPLE_MAPPING, lang="en")


def test_mapping_needs_a_role_that_tells_customers_apart_and_known_roles(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "id;email;nom;naissance\n1;a;Martin;01/02/1980\n")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, {FieldRole.RECORD_ID: "id"}, lang="en")
    message = str(exc.value)
    assert message.startswith(
        "c.csv: a column for at least one role that tells customers apart ('E-mail', 'Phone', "
        "'First name', 'Last name', 'Postcode', 'City', 'Birth name', 'Date of birth', "
    )
    assert message.endswith("; found columns for 'Customer ID' only")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, {FieldRole.RECORD_ID: "id"}, lang="fr")
    assert str(exc.value).startswith(
        "c.csv\u00a0: on attend une colonne pour au moins un rôle qui distingue les clients "
        "(«\u202fE-mail\u202f», «\u202fTéléphone\u202f», "
    )
    # neither e-mail nor phone: read, with what the file has
    mapping = {FieldRole.LAST_NAME: "nom", FieldRole.BIRTH_DATE: "naissance"}
    with read_customer_file(path, mapping) as file:
        assert file.rows == 1 and file.mapped(FieldRole.BIRTH_DATE)
    with pytest.raises(CustomerFileError, match="a role among"):
        read_customer_file(path, {"mail": "email"}, lang="en")  # type: ignore[dict-item]
    # Plain strings equal to a role's value are accepted (the workbook's mapping).
    with read_customer_file(path, {"email": "email"}) as file:  # type: ignore[dict-item]
        assert file.mapping == {FieldRole.EMAIL: "email"}
    with pytest.raises(InputError, match="telephone numbering plan"):
        read_customer_file(path, {"email": "email"}, country="XX", lang="en")  # type: ignore[dict-item]


RAGGED = [
    # one field too many on line 4 (a semicolon in an unquoted address)
    ("1;a;Paris\n2;b;Lyon\n3;c;Rue X; bât B\n4;d;Nice\n", 4, "found 4 fields"),
    # one field missing on line 3
    ("1;a;Paris\n2;b\n3;c;Nice\n", 3, "found 2 fields"),
    # a quoted field over three lines (lines 3-5) before the bad record, now on line 6
    ('1;a;Paris\n2;b;"3 rue X\nbât B\n75001"\n3;c\n', 6, "found 2 fields"),
    # blank lines (which DuckDB skips) before the bad record, on line 5
    ("1;a;Paris\n\n\n2;b\n", 5, "found 2 fields"),
    # both: a two-line quoted field and a blank line, the bad record on line 6
    ('1;a;"x\ny"\n\n2;b;c\n3;c;d;e\n', 6, "found 4 fields"),
    # text after a closing quote, after a multi-line field (lines 2-3): line 4
    ('1;a;"x\ny"\n2;"b"c;d\n', 4, "found text after a closing double quote"),
    # the same after a blank line (line 3): line 5
    ('1;a;"x\ny"\n\n2;"b"c;d\n', 5, "found text after a closing double quote"),
]


@pytest.mark.parametrize("padding", [0, 3000])
@pytest.mark.parametrize(("body", "line", "found"), RAGGED)
def test_ragged_rows_name_the_first_bad_line(
    tmp_path: Path, body: str, line: int, found: str, padding: int
) -> None:
    # With 3000 good records first (over 64 KiB), the bad one is found by DuckDB's reading,
    # not by the check of the file's first records.
    filler = "".join(f"{i};filler{i}@example.com;Ville {i}\n" for i in range(padding))
    path = write(tmp_path / "ragged.csv", "id;email;ville\n" + filler + body)
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, SIMPLE_MAPPING)
    raises_at(exc, line + padding)
    assert found in exc.value.message("en")
    if "fields" in found:
        assert "3 fields separated by ';', as in the header" in exc.value.message("en")
        assert "on attend 3 champs séparés par «\u202f;\u202f»" in str(exc.value)


def test_ragged_row_far_down_a_larger_file(tmp_path: Path) -> None:
    lines = ["id;email;ville"] + [f"{i};e{i}@b.fr;Paris" for i in range(1, 50_001)]
    lines[40_000] += ";extra"  # the record of id 40000, on line 40 001
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(write(tmp_path / "big.csv", "\n".join(lines) + "\n"), SIMPLE_MAPPING)
    raises_at(exc, 40_001)


def test_line_numbers_survive_multiline_fields_and_blank_lines(tmp_path: Path) -> None:
    text = 'id;email;adresse\n1;a;"rue X\nbât B"\n2;b;Paris\n\n3;c;"x\n\ny"\n4;d;Lyon\n\n\n'
    # line 1 header; id 1 on lines 2-3; id 2 on line 4; line 5 blank; id 3 on lines 6-8 (a blank
    # line inside quotes); id 4 on line 9; two blank lines at the end.
    with read_customer_file(write(tmp_path / "lines.csv", text), SIMPLE_MAPPING) as file:
        assert rows(file, "SELECT record_id, line FROM customers ORDER BY line") == [
            ("1", 2),
            ("2", 4),
            ("3", 6),
            ("4", 9),
        ]
    # Without blank lines the fast path counts the line breaks inside quotes.
    text = 'id;email;adresse\n1;a;"rue X\nbât B"\n2;b;Paris\n3;c;"x\r\ny\nz"\n4;d;Lyon\n'
    with read_customer_file(write(tmp_path / "fast.csv", text), SIMPLE_MAPPING) as file:
        assert rows(file, "SELECT record_id, line FROM customers ORDER BY line") == [
            ("1", 2),
            ("2", 4),
            ("3", 5),
            ("4", 8),
        ]


def test_nothing_is_written_next_to_the_clients_file(tmp_path: Path) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    path = write(folder / "clients.csv", f"{FR_HEADER}\n1;a@b.fr;06;Zoé;X;1;P;F;1/1/24;o;;1\n")
    path.write_bytes(path.read_bytes().decode("utf-8").encode("cp1252"))  # transcoded on read
    before = sorted(os.listdir(folder))
    cwd = os.getcwd()
    os.chdir(folder)  # DuckDB spills to ./.tmp by default: it must not
    try:
        file = read_customer_file(path, FR_MAPPING)
        profile(file, today=dt.date(2024, 6, 1))
        examples(file, DuplicateKey.EMAIL)
        temporary = file._tmpdir
        assert temporary.exists() and temporary.parent != folder
        file.close()
    finally:
        os.chdir(cwd)
    assert sorted(os.listdir(folder)) == before
    assert not temporary.exists()


# --- XLSX -------------------------------------------------------------------------------------


def make_workbook(path: Path) -> Path:
    wb = Workbook()
    readme = wb.active
    assert readme is not None
    readme.title = "Lisez-moi"
    readme["A1"] = "Export du 01/06/2024"
    clients = wb.create_sheet("Clients")
    clients.append(["id", "email", "tel", "derniere_commande", "optin"])
    clients.append(["C1", "a@b.fr", 612345678, dt.datetime(2024, 3, 5), True])
    clients.append([None, None, None, None, None])  # row 3: empty, skipped
    clients.append(["C2", "c@d.fr", "06 98 76 54 32", 45000, "non"])  # 45000: 15/03/2023
    clients.append(["C3", "e@f.fr", None, dt.date(2023, 1, 2), None])
    prospects = wb.create_sheet("Prospects")
    prospects.append(["id", "email"])
    prospects.append(["P1", "p@q.fr"])
    wb.save(path)
    return path


XLSX_MAPPING = {
    FieldRole.RECORD_ID: "id",
    FieldRole.EMAIL: "email",
    FieldRole.PHONE: "tel",
    FieldRole.LAST_ACTIVITY: "derniere_commande",
    FieldRole.OPT_IN: "optin",
}


def test_xlsx_reads_the_named_sheet(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "export.xlsx")
    with read_customer_file(path, XLSX_MAPPING, sheet="Clients") as file:
        assert (file.sheet, file.rows, file.encoding) == ("Clients", 3, None)
        assert rows(
            file,
            "SELECT record_id, phone, last_activity, opt_in, line FROM customers ORDER BY line",
        ) == [
            ("C1", "612345678", "2024-03-05", "true", 2),
            ("C2", "06 98 76 54 32", "2023-03-15", "non", 4),
            ("C3", None, "2023-01-02", None, 5),
        ]
        result = profile(file, today=dt.date(2024, 6, 1), inactive_months=12)
    # Phones: 612345678 (a number cell, its 0 lost) and 06 98 76 54 32 both valid.
    assert result.field(FieldRole.PHONE).valid == 2
    # Dates 2024-03-05, 2023-03-15, 2023-01-02; cutoff 2023-06-01: two stale.
    assert result.staleness is not None and result.staleness.stale == 2
    assert result.opt_in is not None and (result.opt_in.yes, result.opt_in.no) == (1, 1)


def test_xlsx_sheet_errors_list_the_sheets(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "export.xlsx")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, XLSX_MAPPING, sheet="Client")
    message = exc.value.message("en")
    assert "found the sheets 'Lisez-moi', 'Clients', 'Prospects'" in message
    assert "did you mean 'Clients'?" in message
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, XLSX_MAPPING, lang="fr")
    assert str(exc.value) == (
        "export.xlsx\u00a0: on attend le nom de l'onglet à lire (dans l'onglet "
        "«\u202fFichier clients\u202f» du classeur)\u202f; trouvé\u00a0: 3 onglets\u00a0: "
        "«\u202fLisez-moi\u202f», «\u202fClients\u202f», «\u202fProspects\u202f»"
    )
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(path, XLSX_MAPPING, sheet="Prospects", lang="en")
    assert exc.value.sheet == "Prospects" and exc.value.cell == "A1:B1"
    assert str(exc.value) == (
        "export.xlsx, Prospects!A1:B1: the columns 'tel' (for 'Phone'), 'derniere_commande' (for "
        "'Last activity date'), 'optin' (for 'Consent (opt-in)') in the header; found the "
        "columns 'id', 'email'"
    )


def test_xlsx_cell_errors_name_the_cell(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Data"
    ws.append(["id", "email"])
    ws.append(["1", "a@b.fr"])
    ws.append(["2", "c@d.fr", "stray note"])
    wb.save(tmp_path / "stray.xlsx")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(tmp_path / "stray.xlsx", SIMPLE_MAPPING, lang="en")
    assert str(exc.value) == (
        "stray.xlsx, Data!C3: values only under the column names of row 1 (A1:B1: 2 columns); "
        "found a value right of the last column name"
    )
    header_only = Workbook()
    sheet = header_only.active
    assert sheet is not None
    sheet.append(["id", "email"])
    header_only.save(tmp_path / "header.xlsx")
    with pytest.raises(CustomerFileError) as exc:
        read_customer_file(tmp_path / "header.xlsx", SIMPLE_MAPPING)
    assert exc.value.cell == "A2" and exc.value.line is None
    assert str(exc.value).startswith("header.xlsx, Sheet!A2\u00a0: on attend au moins une fiche")


# --- normalisation rules ----------------------------------------------------------------------


def evaluate(expression: str, values: Sequence[str | None]) -> list[object]:
    """The SQL expression (over column x) applied to each value, in order."""
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, x VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    return [row[0] for row in con.execute(f"SELECT {expression} FROM t ORDER BY i").fetchall()]


def test_email_and_name_normalisation() -> None:
    assert evaluate(normalise_email_sql("x"), [" Jean.Dupont@Orange.FR\t", " ", None]) == [
        "jean.dupont@orange.fr",
        None,
        None,
    ]
    assert evaluate(normalise_name_sql("x"), ["  Jean-Luc  LEFÈVRE", "Zoé", "\u00a0-\u00a0"]) == [
        "jean luc lefevre",
        "zoe",
        None,
    ]
    valid = email_valid_sql(normalise_email_sql("x"))
    emails = ["a@b.fr", "jean.o'neil+crm@sub.orange.fr", "a@b", "a@@b.fr", "a b@c.fr", "a@b.f"]
    assert evaluate(valid, emails) == [True, True, False, False, False, False]


def test_postcode_rules_by_country() -> None:
    countries = ["France", "", "FR", "Belgique", "GB", "Pays-Bas", "USA", "Japon", "españa"]
    codes = ["FR", "FR", "FR", "BE", "GB", "NL", "US", "JAPON", "ES"]
    assert evaluate(normalise_country_sql("x", "FR"), countries) == codes
    pairs = [
        ("750 01", "FR", "75001", True),
        ("1000", "FR", "1000", False),  # a French postcode that lost its leading zero
        ("1000", "BE", "1000", True),
        ("sw1a 1aa", "GB", "SW1A 1AA", True),
        ("1234 ab", "NL", "1234 AB", True),
        ("12345-6789", "US", "12345-6789", True),
        ("ABC", "DE", "ABC", False),
        ("100-0001", "JP", "100-0001", None),  # no rule for Japan: not checked
    ]
    con = duckdb.connect()
    for raw, country, normalised, valid in pairs:
        norm = normalise_postcode_sql(lit(raw), lit(country))
        got = con.execute(f"SELECT {norm}, {postcode_valid_sql(norm, lit(country))}")
        assert got.fetchall() == [(normalised, valid)], raw


def test_dates_opt_in_and_undeliverable() -> None:
    dates = [
        "05/03/2024",
        "5/3/24",
        "2024-03-05",
        "2024-03-05 14:30:00",
        "05/03/2024 14:30",
        "05.03.2024",
        "1/1/70",  # two-digit years: 70-99 are 1970-1999
        "1/1/69",  # and 00-69 are 2000-2069
        "31/02/2024",  # no such day
        "2024-13-01",
        "hier",
        "45000",  # a number in a CSV is not read as an Excel date
        None,
    ]
    d = dt.date
    assert evaluate(parse_date_sql("x"), dates) == [
        d(2024, 3, 5),
        d(2024, 3, 5),
        d(2024, 3, 5),
        d(2024, 3, 5),
        d(2024, 3, 5),
        d(2024, 3, 5),
        d(1970, 1, 1),
        d(2069, 1, 1),
        None,
        None,
        None,
        None,
        None,
    ]
    answers = ["Oui", " YES ", "1", "x", "Vrai", "non", "N", "0", "FALSE", "?", "", None]
    assert evaluate(opt_in_sql("x"), answers) == [
        "yes", "yes", "yes", "yes", "yes", "no", "no", "no", "no", None, None, None
    ]  # fmt: skip
    markers = ["NPAI", "bounced", "x", "2024-01-01", "0", "non", "False", " ", None]
    assert evaluate(undeliverable_sql("x"), markers) == [
        True, True, True, True, False, False, False, False, False
    ]  # fmt: skip


FR_NUMBERS = [
    "06 12 34 56 78",
    "+33 6 12 34 56 78",
    "0033 6 12 34 56 78",
    "00 33 6 12 34 56 78",
    "6 12 34 56 78",
    "+33 (0)6 12 34 56 78",
    "0033 (0)1 23 45 67 89",
    "(+33) 6 12 34 56 78",
    "06.12.34.56.78",
    "06-12-34-56-78",
    " 0612345678 ",
    "33612345678",
    "33 1 23 45 67 89",
    "01 23 45 67 89",
    "04 91 23 45 67",
    "05 56 12 34 56",
    "09 70 12 34 56",
    "0800 123 456",
    "08 92 12 34 56",
    "07 00 00 00 00",
    "0000000000",
    "0612",
    "06 12 34 56 789",
    "+33 6 12 34 56",
    "012345678",
    "6123456789",
    "3615",
    "tél : 06 12 34 56 78",
    "abc",
    "n/a",
    "06 12 34 56 78 / 07 12 34 56 78",
]


def phonenumbers_valid(value: str, region: str = "FR") -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, region))
    except phonenumbers.NumberParseException:
        return False


def test_phone_validity_agrees_with_phonenumbers() -> None:
    ours = evaluate(phone_valid_sql(normalise_phone_sql("x", "FR"), "FR"), FR_NUMBERS)
    theirs = [phonenumbers_valid(v) for v in FR_NUMBERS]
    assert [bool(v) for v in ours] == theirs
    assert sum(theirs) == 20  # the sample holds valid and invalid numbers
    # Every valid way of writing 06 12 34 56 78 normalises to the same national number.
    normalised = evaluate(normalise_phone_sql("x", "FR"), FR_NUMBERS[:12])
    assert set(normalised) == {"612345678", "123456789"}
    # Where the rules differ on purpose: a foreign number is valid for phonenumbers but not
    # for a French file; letters are dropped, never read as keypad digits.
    foreign = ["+44 20 7946 0958", "+262 262 12 34 56", "06 12 34 AB CD"]
    assert evaluate(phone_valid_sql(normalise_phone_sql("x", "FR"), "FR"), foreign) == [
        False,
        False,
        False,
    ]
    assert [phonenumbers_valid(v) for v in foreign] == [True, True, True]
    assert evaluate(normalise_phone_sql("x", "FR"), foreign[:1]) == ["+442079460958"]


def test_phone_rules_for_another_country() -> None:
    be = ["02 123 45 67", "+32 2 123 45 67", "0470 12 34 56", "+33 6 12 34 56 78"]
    ours = evaluate(phone_valid_sql(normalise_phone_sql("x", "BE"), "BE"), be)
    assert ours == [phonenumbers_valid(v, "BE") for v in be[:3]] + [False]


# --- the profile on a hand-made file ------------------------------------------------------------

HAND_MADE = """id;email;tel;prenom;nom;cp;ville;pays;derniere_activite;optin;npai
1;jean.dupont@orange.fr;06 12 34 56 78;Jean;Dupont;75001;Paris;France;15/01/2026;oui;
2;JEAN.DUPONT@orange.fr ;+33 6 12 34 56 78;Jean;DUPONT;75001;Paris;;2024-05-01;1;
3;marie.curie@free.fr;0033 1 23 45 67 89;Marie;Curie;75005;Paris;France;01/07/2025;non;NPAI
4;pas-un-email;0612;Paul;Martin;1000;Lyon;France;hier;?;
5;;07 00 00 00 00;Zoé;Lefèvre;69001;Lyon;France;;;bounced
6;zoe.lefevre@gmail.com;06 98 76 54 32;Zoe;LEFEVRE;69 001;Lyon;France;31/02/2025;N;0
7;luc@exemple.be;+32 2 123 45 67;Luc;Peeters;1000;Bruxelles;Belgique;2026-07-15;TRUE;
8;paul.martin@sfr.fr;;Paul;Martin;1000;Lyon;;01/06/2025;false;
9;jean.dupont@orange.fr;;;;;;;;;
"""
# Lines 2-10 hold ids 1-9 (line = id + 1).
HAND_MAPPING = {
    FieldRole.RECORD_ID: "id",
    FieldRole.EMAIL: "email",
    FieldRole.PHONE: "tel",
    FieldRole.FIRST_NAME: "prenom",
    FieldRole.LAST_NAME: "nom",
    FieldRole.POSTCODE: "cp",
    FieldRole.CITY: "ville",
    FieldRole.COUNTRY: "pays",
    FieldRole.LAST_ACTIVITY: "derniere_activite",
    FieldRole.OPT_IN: "optin",
    FieldRole.UNDELIVERABLE: "npai",
}
TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def hand_made(tmp_path: Path) -> Iterator[CustomerFile]:
    file = read_customer_file(write(tmp_path / "hand.csv", HAND_MADE), HAND_MAPPING)
    yield file
    file.close()


def test_completeness_and_validity_counted_by_hand(hand_made: CustomerFile) -> None:
    result = profile(hand_made, inactive_months=12, today=TODAY)
    assert result.rows == 9
    got = {f.role: (f.filled, f.checked, f.valid) for f in result.fields}
    assert got == {
        FieldRole.RECORD_ID: (9, None, None),
        # filled: all but id 5. Valid: not id 4 ("pas-un-email"); id 2 once trimmed and lower.
        FieldRole.EMAIL: (8, 8, 7),
        # filled: ids 1-7. Valid: 1, 2 (+33), 3 (0033 1 ...: a fixed line), 6. Not: 4 (0612,
        # short), 5 (07 00 ...: no French number starts 70), 7 (+32: Belgian, not French).
        FieldRole.PHONE: (7, 7, 4),
        FieldRole.FIRST_NAME: (8, None, None),  # all but id 9
        FieldRole.LAST_NAME: (8, None, None),
        # filled: ids 1-8, all checked (countries FR, or BE for id 7; blank = FR). Invalid:
        # id 4 (1000 in France) and id 8 (1000, blank country = FR). "69 001" is 69001.
        FieldRole.POSTCODE: (8, 8, 6),
        FieldRole.CITY: (8, None, None),
        FieldRole.COUNTRY: (6, None, None),  # blank for ids 2, 8, 9
        # filled: ids 1, 2, 3, 4, 6, 7, 8. Readable: not "hier" (4) nor 31/02/2025 (6).
        FieldRole.LAST_ACTIVITY: (7, 7, 5),
        # filled: ids 1-4 and 6-8; readable: all but "?" (id 4).
        FieldRole.OPT_IN: (7, 7, 6),
        FieldRole.UNDELIVERABLE: (3, None, None),  # ids 3, 5 and 6 ("0")
    }
    assert result.field(FieldRole.EMAIL).completeness == pytest.approx(8 / 9)
    assert result.field(FieldRole.PHONE).validity == pytest.approx(4 / 7)


def test_staleness_opt_in_and_undeliverable_counted_by_hand(hand_made: CustomerFile) -> None:
    result = profile(hand_made, inactive_months=12, today=TODAY)
    staleness = result.staleness
    assert staleness is not None
    # Cutoff: 12 months before 2026-06-30 = 2025-06-30. Dated: ids 1 (2026-01-15), 2
    # (2024-05-01), 3 (2025-07-01), 7 (2026-07-15, after today), 8 (2025-06-01). Stale: 2, 8.
    assert staleness.cutoff == dt.date(2025, 6, 30)
    assert (staleness.dated, staleness.no_date, staleness.stale, staleness.future) == (5, 4, 2, 1)
    assert staleness.stale_share == pytest.approx(2 / 9)
    assert staleness.no_date_share == pytest.approx(4 / 9)
    opt_in = result.opt_in
    assert opt_in is not None
    # yes: oui (1), 1 (2), TRUE (7); no: non (3), N (6), false (8); blank: 5, 9; unreadable: ?
    assert (opt_in.yes, opt_in.no, opt_in.blank, opt_in.unreadable) == (3, 3, 2, 1)
    assert opt_in.unknown_share == pytest.approx(3 / 9)
    # NPAI (3) and bounced (5); "0" (6) says deliverable.
    assert result.undeliverable is not None
    assert result.undeliverable.count == 2
    assert result.undeliverable.share == pytest.approx(2 / 9)
    # Without a threshold, nothing is stale but dates are still counted.
    plain = profile(hand_made, today=TODAY).staleness
    assert plain is not None and (plain.stale, plain.cutoff, plain.dated) == (None, None, 5)


def test_exact_duplicates_counted_by_hand(hand_made: CustomerFile) -> None:
    result = profile(hand_made, inactive_months=12, today=TODAY)
    got = {d.key: (d.groups, d.records, d.excess) for d in result.duplicates}
    assert got == {
        # jean.dupont@orange.fr: ids 1, 2 (upper case, trailing blank), 9.
        DuplicateKey.EMAIL: (1, 3, 2),
        # 612345678: ids 1 and 2 (06 ... and +33 6 ...).
        DuplicateKey.PHONE: (1, 2, 1),
        # jean|dupont|75001 (1, 2), paul|martin|1000 (4, 8), zoe|lefevre|69001 (5: Zoé
        # Lefèvre, 6: Zoe LEFEVRE, 69 001).
        DuplicateKey.NAME_POSTCODE: (3, 6, 3),
    }
    # Union: ids 1, 2, 9 (e-mail), 1, 2 (phone), 1, 2, 4, 8, 5, 6 (names) = 7 records.
    assert result.records_in_duplicates == 7
    assert result.records_in_duplicates_share == pytest.approx(7 / 9)


class SpyConnection:
    """The file's DuckDB connection, keeping the SQL it runs."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        self.sql: list[str] = []

    def execute(self, sql: str, *args: object) -> duckdb.DuckDBPyConnection:
        self.sql.append(sql)
        return self.connection.execute(sql, *args)


def test_few_distinct_values_are_normalised_once_with_the_same_result(tmp_path: Path) -> None:
    # The hand-made records four times over: every column then has at most a quarter as many
    # distinct values as records, so names, postcodes, dates, opt-in and markers are
    # normalised per distinct value and joined back. Every count is four times the above.
    header, body = HAND_MADE.split("\n", 1)
    path = write(tmp_path / "x4.csv", header + "\n" + body * 4)
    with read_customer_file(path, HAND_MAPPING) as file:
        spy = SpyConnection(file.connection)
        file.connection = spy  # type: ignore[assignment]
        result = profile(file, inactive_months=12, today=TODAY)
    normalising = next(sql for sql in spy.sql if sql.startswith("CREATE TEMP TABLE _norm_t"))
    for name in ("first_name", "last_name", "postcode", "activity", "opt_in", "undeliverable"):
        assert f"d_{name} AS (" in normalising
    assert "d_email" not in normalising  # e-mails and phones: row by row
    got = {f.role: (f.filled, f.checked, f.valid) for f in result.fields}
    assert got[FieldRole.EMAIL] == (32, 32, 28)
    assert got[FieldRole.PHONE] == (28, 28, 16)
    assert got[FieldRole.POSTCODE] == (32, 32, 24)
    assert got[FieldRole.LAST_ACTIVITY] == (28, 28, 20)
    assert got[FieldRole.OPT_IN] == (28, 28, 24)
    assert got[FieldRole.FIRST_NAME] == got[FieldRole.LAST_NAME] == (32, None, None)
    assert result.staleness is not None and result.staleness.stale == 8
    assert result.undeliverable is not None and result.undeliverable.count == 8
    # Duplicates: each record now has three copies more. E-mail: jean.dupont (12 records) and
    # every other valid e-mail (4 each: marie, zoe, luc, paul) = 5 groups, 28 records.
    dup = {d.key: (d.groups, d.records, d.excess) for d in result.duplicates}
    assert dup[DuplicateKey.EMAIL] == (5, 28, 23)
    # Phones: 612345678 (8), 123456789 (4), 698765432 (4).
    assert dup[DuplicateKey.PHONE] == (3, 16, 13)
    # Names: jean dupont (8), paul martin (8), zoe lefevre (8), marie curie (4), luc (4).
    assert dup[DuplicateKey.NAME_POSTCODE] == (5, 32, 27)


def test_quality_score_is_the_stated_weighted_mean(hand_made: CustomerFile) -> None:
    result = profile(hand_made, inactive_months=12, today=TODAY)
    parts = {p.name: (p.weight, p.value) for p in result.score_parts}
    assert {name: weight for name, (weight, _) in parts.items()} == SCORE_WEIGHTS
    # completeness: mean of e-mail 8, phone 7, first 8, last 8, postcode 8, city 8, country 6,
    # activity 7, opt-in 7 (out of 9), record id and marker left out.
    completeness = (8 + 7 + 8 + 8 + 8 + 8 + 6 + 7 + 7) / 9 / 9
    validity = (7 / 8 + 4 / 7 + 6 / 8 + 5 / 7) / 4  # e-mail, phone, postcode, dates
    uniqueness = 1 - 3 / 9  # the largest excess: 3 (names)
    freshness = (5 - 2) / 9  # dated and not stale
    consent = 6 / 9  # a readable yes or no
    deliverability = 1 - 2 / 9
    expected = {
        "completeness": completeness,
        "validity": validity,
        "uniqueness": uniqueness,
        "freshness": freshness,
        "consent": consent,
        "deliverability": deliverability,
    }
    assert {name: value for name, (_, value) in parts.items()} == pytest.approx(expected)
    score = sum(SCORE_WEIGHTS[n] * v for n, v in expected.items()) / sum(SCORE_WEIGHTS.values())
    assert result.score == round(100 * score, 1)


def test_score_leaves_out_unmapped_parts(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", "id;email\n1;a@b.fr\n2;a@b.fr\n3;\n4;bad\n")
    with read_customer_file(path, SIMPLE_MAPPING) as file:
        result = profile(file, today=TODAY)
    # completeness 3/4, validity 2/3 (a@b.fr twice, not "bad"), uniqueness 1 - 1/4.
    assert [p.name for p in result.score_parts] == ["completeness", "validity", "uniqueness"]
    expected = (20 * 3 / 4 + 25 * 2 / 3 + 20 * 3 / 4) / 65
    assert result.score == round(100 * expected, 1)
    assert (result.staleness, result.opt_in, result.undeliverable) == (None, None, None)


def test_profile_rejects_a_bad_threshold(hand_made: CustomerFile) -> None:
    for months in (0, -3, 1.5, True):
        with pytest.raises(InputError, match="nombre entier de mois ≥ 1"):
            profile(hand_made, inactive_months=months, today=TODAY)  # type: ignore[arg-type]


def test_months_before_clamps_to_the_month_end() -> None:
    assert quality._months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert quality._months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert quality._months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


# --- masking ----------------------------------------------------------------------------------


def test_masking_rules() -> None:
    assert mask_email("jean.dupont@orange.fr") == "j***@o***.fr"
    assert mask_email("x@localhost") == "x***@l***"
    assert mask_phone("06 12 34 56 78") == "06 ** ** ** 78"
    assert mask_phone("+33 6 12 34 56 78") == "06 ** ** ** 78"
    assert mask_phone("0033612345678") == "06 ** ** ** 78"
    assert mask_phone("612345678") == "06 ** ** ** 78"  # a normalised national number
    assert mask_phone("+44 20 7946 0958", "GB") == "+44 ** **** **58"
    assert mask_phone("+442079460958") == "+44********58"  # not French: its own layout
    assert mask_phone("0612") == "****"
    assert mask_phone("tel 0612345678", "BE") == "*** 06******78"
    assert initials("jean-luc", "Dupont") == "J. D."
    assert initials("", "Dupont") == "D."
    assert mask_postcode("75011") == "75***"


def test_examples_show_masked_duplicate_groups_only(hand_made: CustomerFile) -> None:
    groups = examples(hand_made, DuplicateKey.EMAIL)
    assert len(groups) == 1
    group = groups[0]
    assert (group.value, group.size) == ("j***@o***.fr", 3)
    assert [(r.line, r.email, r.phone, r.name, r.postcode) for r in group.records] == [
        (2, "j***@o***.fr", "06 ** ** ** 78", "J. D.", "75***"),
        (3, "j***@o***.fr", "06 ** ** ** 78", "J. D.", "75***"),
        (10, "j***@o***.fr", "", "", ""),
    ]
    by_names = examples(hand_made, DuplicateKey.NAME_POSTCODE, n=2, records=1)
    # Three groups of two; the first two by first line (2 and 5), one record each.
    assert [(g.value, g.size, len(g.records)) for g in by_names] == [
        ("J. D. 75***", 2, 1),
        ("P. M. 10***", 2, 1),
    ]
    assert examples(hand_made, DuplicateKey.PHONE)[0].value == "06 ** ** ** 78"


def test_nothing_personal_in_the_profile_or_the_examples(hand_made: CustomerFile) -> None:
    result = profile(hand_made, inactive_months=12, today=TODAY)
    shown = repr(result) + repr([examples(hand_made, key) for key in DuplicateKey])
    raw = HAND_MADE.split("\n", 1)[1].replace("\n", ";").split(";")
    personal = [v for v in raw if "@" in v or sum(c.isdigit() for c in v) >= 6]
    personal += ["Dupont", "DUPONT", "Lefèvre", "Curie", "Martin", "Jean", "Marie", "Zoé"]
    assert len(personal) > 15
    for value in personal:
        assert value.strip() not in shown, value
        assert value.strip().lower() not in shown, value
    assert "612345678" not in shown and "12 34 56" not in shown


def test_dates_of_birth_and_sirets_are_checked(tmp_path: Path) -> None:
    """Five dates of birth: 01/02/1980 and 19751231 valid; 2030-01-01 in the future,
    15/06/1890 before 1900, 31/02/1980 not a date: 2 valid of 5. Four SIRET/SIREN (Luhn check
    digit, worked by hand): 73282932000074 and 732829320 right, 73282932000075 wrong,
    1234 not 9 or 14 digits: 2 valid of 4, one blank not checked."""
    path = write(
        tmp_path / "b2b.csv",
        "id;nom;naissance;siret\n"
        "1;A;01/02/1980;73282932000074\n"
        "2;B;19751231;732829320\n"
        "3;C;2030-01-01;73282932000075\n"
        "4;D;15/06/1890;1234\n"
        "5;E;31/02/1980;\n",
    )
    mapping = {
        FieldRole.RECORD_ID: "id",
        FieldRole.LAST_NAME: "nom",
        FieldRole.BIRTH_DATE: "naissance",
        FieldRole.COMPANY_ID: "siret",
    }
    with read_customer_file(path, mapping) as file:
        result = profile(file, today=dt.date(2026, 11, 1))
    birth = result.field(FieldRole.BIRTH_DATE)
    assert (birth.filled, birth.checked, birth.valid) == (5, 5, 2)
    siret = result.field(FieldRole.COMPANY_ID)
    assert (siret.filled, siret.checked, siret.valid) == (4, 4, 2)
    assert siret.validity == 0.5
    validity = next(p for p in result.score_parts if p.name == "validity")
    assert validity.value == pytest.approx((2 / 5 + 2 / 4) / 2)
