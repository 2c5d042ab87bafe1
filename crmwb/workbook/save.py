"""One safe save for every write into a client's workbook (the journey and weights workshops).

:func:`save_client_workbook` refuses, with nothing written, when the workbook is open in Excel or
LibreOffice (their lock file is beside it), read-only, in a read-only folder, or when re-saving it
would drop something the consultant added that the workbench does not rewrite (images, charts,
shapes, macros, pivot tables, slicers). Otherwise it copies the previous file to
``backups/<name>-YYYYMMDD-HHMMSS.xlsx``, writes the new one under a temporary name beside it, gives
it the old file's permissions and renames it over the old one: a failure at any step leaves the
consultant's workbook as it was. Errors are messages, written in the workbook's language.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import uuid
import zipfile
from pathlib import Path

from openpyxl import Workbook

from crmwb.core.errors import WorkbookError, msg
from crmwb.core.i18n import Lang

KEPT_PARTS = {
    "images": re.compile(r"^xl/media/"),
    "charts": re.compile(r"^xl/charts/chart\d*\.xml$"),
    "macros": re.compile(r"^xl/vbaProject\.bin$"),
    "pivot_tables": re.compile(r"^xl/pivotTables/"),
    "slicers": re.compile(r"^xl/slicers/"),
}
"""What a workbook may hold that re-saving it could drop, by the zip parts that hold it."""
_SHAPE = re.compile(rb"<(?:xdr:)?sp[ >]")  # a drawn shape (a text box, an arrow) in a drawing


def lock_files(path: Path) -> tuple[Path, ...]:
    """The files Excel (``~$workbook.xlsx``) and LibreOffice (``.~lock.workbook.xlsx#``) leave
    next to a workbook while it is open."""
    name = path.name
    return (path.with_name(f"~${name}"), path.with_name(f".~lock.{name}#"))


def check_writable(path: Path, lang: Lang) -> None:
    """Refuse before anything is written: the workbook open elsewhere, missing, or read-only, or
    its folder (checked explicitly: a rename would replace a read-only file on Linux)."""
    for lock in lock_files(path):
        if lock.exists():
            raise WorkbookError(
                msg("workbook.save.closed"),
                file=str(path),
                found=msg("workbook.save.found.lock", lock=lock.name),
                hint=msg("workbook.save.hint.close"),
                lang=lang,
            )
    if not path.is_file():
        raise WorkbookError(
            msg("workbook.save.existing"), file=str(path), found=msg("err.found.no_file"), lang=lang
        )
    for target, what in ((path, "workbook"), (path.parent, "folder")):
        if not os.access(target, os.W_OK):
            raise WorkbookError(
                msg(f"workbook.save.{what}_writable"),
                file=str(path),
                found=msg(f"workbook.save.found.{what}_read_only"),
                hint=msg("workbook.save.hint.make_writable"),
                lang=lang,
            )


def what_would_be_lost(before: Path, after: Path) -> list[str]:
    """What ``before`` holds that ``after`` (the same workbook re-saved) no longer does, as keys
    of :data:`KEPT_PARTS` and ``"shapes"``."""
    with zipfile.ZipFile(before) as old, zipfile.ZipFile(after) as new:
        lost = [
            what
            for what, part in KEPT_PARTS.items()
            if sum(map(bool, map(part.match, new.namelist())))
            < sum(map(bool, map(part.match, old.namelist())))
        ]
        if _shapes(old) > _shapes(new):
            lost.append("shapes")
    return lost


def _shapes(book: zipfile.ZipFile) -> int:
    return sum(
        len(_SHAPE.findall(book.read(name)))
        for name in book.namelist()
        if name.startswith("xl/drawings/") and name.endswith(".xml")
    )


def backup(path: Path, lang: Lang, backup_dir: Path | None = None) -> Path:
    """Copy ``path`` to ``backups/`` beside it (or ``backup_dir``), named with the time."""
    folder = backup_dir if backup_dir is not None else path.parent / "backups"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{path.stem}-{stamp}{path.suffix}"
        n = 2
        while target.exists():
            target = folder / f"{path.stem}-{stamp}-{n}{path.suffix}"
            n += 1
        shutil.copy2(path, target)
    except OSError as exc:
        raise WorkbookError(
            msg("workbook.save.backup"),
            file=str(path),
            found=msg(
                "workbook.save.found.backup_folder", folder=str(folder), error=exc.strerror or ""
            ),
            hint=msg("workbook.save.hint.backup_writable"),
            lang=lang,
        ) from None
    return target


def save_client_workbook(
    wb: Workbook, path: Path, lang: Lang, *, backup_dir: Path | None = None
) -> Path:
    """Write ``wb`` over the client's workbook at ``path`` safely (see the module); returns the
    backup of the previous file."""
    check_writable(path, lang)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        wb.save(tmp)
        lost = what_would_be_lost(path, tmp)
        if lost:
            raise WorkbookError(
                msg("workbook.save.keep"),
                file=str(path),
                found=msg(
                    "workbook.save.found.lost",
                    what=tuple(msg(f"workbook.save.part.{what}") for what in lost),
                ),
                hint=msg("workbook.save.hint.lost"),
                lang=lang,
            )
        kept = backup(path, lang, backup_dir)
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise WorkbookError(
            msg("workbook.save.writable"),
            file=str(path),
            found=msg("workbook.save.found.write_error", error=exc.strerror or type(exc).__name__),
            hint=msg("workbook.save.hint.unchanged"),
            lang=lang,
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
    return kept
