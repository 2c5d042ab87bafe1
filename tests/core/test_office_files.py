"""A workbook or customer export saved with a password (issue 13): said as such, not as « an old
.xls » or « BadZipFile ». Excel stores such a file as an OLE compound file holding an
``EncryptedPackage`` stream; the files here carry that signature and directory name (built by
hand: no encryption library is a dependency)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmwb.core.errors import WorkbookError
from crmwb.core.office_files import OLE_MAGIC, password_protected
from crmwb.customer_file.mapping import CustomerFileError, FieldRole
from crmwb.customer_file.reading import read_customer_file
from crmwb.workbook.reader import read_workbook

NAME = "EncryptedPackage".encode("utf-16-le")


def ole(path: Path, *, encrypted: bool, before: int = 1536) -> Path:
    body = b"\x00" * before + (NAME if encrypted else "Workbook".encode("utf-16-le"))
    path.write_bytes(OLE_MAGIC + body + b"\x00" * 512)
    return path


def test_a_password_protected_workbook_is_said_so(tmp_path: Path) -> None:
    path = ole(tmp_path / "workbook.xlsx", encrypted=True)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, "fr")
    text = caught.value.message("fr")
    assert (
        "on attend un classeur Excel (.xlsx)\u202f; trouvé\u00a0: un classeur protégé par un mot "
        in text
    )
    assert "retirez le mot de passe" in text and "BadZipFile" not in text


def test_a_password_protected_customer_export_is_said_so(tmp_path: Path) -> None:
    path = ole(tmp_path / "clients.xlsx", encrypted=True)
    with pytest.raises(CustomerFileError) as caught:
        read_customer_file(path, {FieldRole.EMAIL: "E-mail"}, lang="en")
    text = caught.value.message("en")
    assert text.startswith(
        "clients.xlsx: a CSV or XLSX file; found a workbook protected by a password"
    )


def test_an_old_xls_is_still_an_old_xls(tmp_path: Path) -> None:
    assert not password_protected(ole(tmp_path / "old.xls", encrypted=False))


def test_the_signature_is_found_across_the_reading_chunks(tmp_path: Path) -> None:
    """The stream's name straddling the 1 MiB chunks the file is read in."""
    path = ole(tmp_path / "big.xlsx", encrypted=True, before=(1 << 20) - len(OLE_MAGIC) - 7)
    assert password_protected(path)
