"""What an Office file is, before a library is asked to open it: a workbook saved with a password
is not a zip (an ``.xlsx``) but an OLE compound file, as an old ``.xls`` is, holding an
``EncryptedPackage`` stream; openpyxl then says « BadZipFile », which tells a consultant nothing.
"""

from __future__ import annotations

from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file (an old .xls, or a password-protected .xlsx)."""
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # a stream name, as the directory stores it
_CHUNK = 1 << 20


def password_protected(path: Path) -> bool:
    """Whether ``path`` is an Office document encrypted with a password (read in chunks: bounded
    memory whatever its size)."""
    with path.open("rb") as fh:
        if fh.read(len(OLE_MAGIC)) != OLE_MAGIC:
            return False
        tail = b""
        while chunk := fh.read(_CHUNK):
            if _ENCRYPTED in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTED) :]
    return False
