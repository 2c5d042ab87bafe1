"""One safe save for every write into a client's workbook (issue 13), tried through the weights
workshop's save (``save_pairwise``), which had none: refused while the workbook is open in Excel
or LibreOffice, refused when re-saving would drop shapes the consultant drew, a backup first, the
file's permissions kept, nothing left behind."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from unprivileged import as_a_user, shared_folder

from crmwb.core.errors import WorkbookError
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.vendors.criteria_sheets import save_pairwise
from crmwb.vendors.sheet_layout import GROUPS_SCOPE
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.vendors.weights import PairwiseComparisons
from crmwb.workbook import save as workbook_save
from crmwb.workbook.reader import read_workbook

GROUPS = ["Features", "Costs", "Ease of use & support", "Integration"]
EQUAL = PairwiseComparisons.from_matrix(GROUPS, [[1.0] * 4 for _ in GROUPS])


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    folder = tmp_path / "northwind-retail"
    shutil.copytree(EXAMPLES_DIR / "northwind-retail", folder)
    return folder / "workbook.xlsx"


def groups_matrix(path: Path) -> tuple[tuple[float, ...], ...]:
    ahp = read_vendor_comparison(read_workbook(path)).ahp
    assert ahp is not None
    return ahp[GROUPS_SCOPE].comparisons.matrix


def test_the_weights_save_makes_a_backup_and_keeps_the_file_s_permissions(workbook: Path) -> None:
    workbook.chmod(0o640)
    before = workbook.read_bytes()
    save_pairwise(workbook, {GROUPS_SCOPE: EQUAL}, "en")
    assert groups_matrix(workbook) == EQUAL.matrix
    (backup,) = (workbook.parent / "backups").iterdir()
    assert backup.read_bytes() == before
    assert stat.S_IMODE(workbook.stat().st_mode) == 0o640
    assert [p.name for p in workbook.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("lock", ["~$workbook.xlsx", ".~lock.workbook.xlsx#"])
def test_the_weights_save_is_refused_while_the_workbook_is_open(workbook: Path, lock: str) -> None:
    (workbook.parent / lock).write_text("open", encoding="utf-8")
    before = workbook.read_bytes()
    with pytest.raises(WorkbookError) as caught:
        save_pairwise(workbook, {GROUPS_SCOPE: EQUAL}, "en")
    text = caught.value.message("en")
    assert lock in text and "nothing was written" in text
    assert workbook.read_bytes() == before
    assert not (workbook.parent / "backups").exists()


def with_a_shape(path: Path) -> None:
    """Draw a text box on the first sheet, as Excel stores one (a drawing part), which openpyxl
    does not read back."""
    drawing = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        "<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff>"
        "<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col>"
        "<xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
        '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Note"/><xdr:cNvSpPr/>'
        '</xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>'
        "</xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdShape" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/drawing" Target="../drawings/drawing99.xml"/></Relationships>'
    )
    source = path.with_suffix(".orig")
    path.rename(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        names = old.namelist()
        for name in names:
            data = old.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"</worksheet>$", b'<drawing r:id="rIdShape"/></worksheet>', data)
                if b"xmlns:r=" not in data[:600]:
                    data = data.replace(
                        b"<worksheet ",
                        b'<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                        b'2006/relationships" ',
                        1,
                    )
            if name == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/drawings/drawing99.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
                )
            new.writestr(name, data)
        assert "xl/worksheets/_rels/sheet1.xml.rels" not in names
        new.writestr("xl/worksheets/_rels/sheet1.xml.rels", rels)
        new.writestr("xl/drawings/drawing99.xml", drawing)
    source.unlink()


def test_a_save_that_would_drop_a_shape_is_refused(workbook: Path) -> None:
    with_a_shape(workbook)
    before = workbook.read_bytes()
    with pytest.raises(WorkbookError) as caught:
        save_pairwise(workbook, {GROUPS_SCOPE: EQUAL}, "fr")
    assert caught.value.message("fr").endswith(
        "on attend un enregistrement qui garde tout ce que contient le classeur\u202f; "
        "trouvé\u00a0: l'enregistrer ici supprimerait ses formes (zones de texte, flèches) "
        "(rien n'a été écrit\u202f; faites cette modification dans Excel, ou déplacez ces "
        "éléments dans un classeur à part et enregistrez de nouveau)"
    )
    assert workbook.read_bytes() == before
    assert not (workbook.parent / "backups").exists()
    assert [p.name for p in workbook.parent.iterdir() if p.name.startswith(".")] == []


def test_what_re_saving_would_lose_is_read_from_the_parts(tmp_path: Path) -> None:
    def book(name: str, parts: dict[str, bytes]) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as out:
            for part, data in parts.items():
                out.writestr(part, data)
        return path

    before = book(
        "before.xlsx",
        {
            "xl/media/image1.png": b"png",
            "xl/charts/chart1.xml": b"<c/>",
            "xl/vbaProject.bin": b"vba",
            "xl/drawings/drawing1.xml": b"<xdr:wsDr><xdr:sp>a</xdr:sp></xdr:wsDr>",
        },
    )
    kept = book("kept.xlsx", {"xl/media/image1.png": b"png", "xl/charts/chart1.xml": b"<c/>"})
    assert workbook_save.what_would_be_lost(before, kept) == ["macros", "shapes"]
    assert workbook_save.what_would_be_lost(kept, kept) == []


@pytest.mark.parametrize("target", ["workbook", "folder"])
def test_a_really_read_only_workbook_or_folder_is_refused(target: str) -> None:
    """As a user who may not write there (``nobody`` when the tests run as root): refused with
    a message, the workbook unchanged, no backup."""
    with shared_folder() as base:
        folder = base / "northwind-retail"
        shutil.copytree(EXAMPLES_DIR / "northwind-retail", folder)
        path = folder / "workbook.xlsx"
        path.chmod(0o444 if target == "workbook" else 0o666)  # the user may write the file
        folder.chmod(0o555 if target == "folder" else 0o755)
        before = path.read_bytes()
        script = (
            "from crmwb.core.errors import CrmwbError\n"
            "from crmwb.vendors.criteria_sheets import save_pairwise\n"
            "from crmwb.vendors.sheet_layout import GROUPS_SCOPE\n"
            "from crmwb.vendors.weights import PairwiseComparisons\n"
            f"groups = {GROUPS!r}\n"
            "equal = PairwiseComparisons.from_matrix(groups, [[1.0] * 4 for _ in groups])\n"
            "try:\n"
            f"    save_pairwise({str(path)!r}, {{GROUPS_SCOPE: equal}}, 'en')\n"
            "except CrmwbError as exc:\n"
            "    print(exc.message('en'))\n"
        )
        done = subprocess.run(
            as_a_user([sys.executable, "-c", script]),
            capture_output=True,
            text=True,
            cwd=base,
            env={**os.environ, "HOME": str(base), "MPLCONFIGDIR": str(base)},
            timeout=120,
            check=False,
        )
        said = "the workbook is read-only" if target == "workbook" else "its folder is read-only"
        assert said in done.stdout, (done.stdout, done.stderr)
        assert path.read_bytes() == before
        assert not (folder / "backups").exists()
