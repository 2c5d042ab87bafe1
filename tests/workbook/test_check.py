"""``crmwb check``: every problem of a workbook in one run, each at its cell, in the workbook's
language; nothing runs. The example clients' workbooks have none (no false alarm on real data)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run.cli import main
from crmwb.workbook.check import check_workbook

EXAMPLES = ("literie-lenoir", "northwind-retail")


@pytest.mark.parametrize("slug", EXAMPLES)
def test_the_examples_have_no_problem(slug: str) -> None:
    assert check_workbook(EXAMPLES_DIR / slug / "workbook.xlsx").problems == ()


def planted(tmp_path: Path) -> Path:
    """Literie Lenoir (a French workbook) with four mistakes in three capabilities' sheets:
    two cells of the TCO's table (rows 12 and 14), a parameter of the ROI, and a touchpoint's
    stage that the Stages sheet does not list (a cross-sheet check, found by the journey's
    reading, not by its cell's type)."""
    folder = tmp_path / "literie-lenoir"
    shutil.copytree(EXAMPLES_DIR / "literie-lenoir", folder)
    path = folder / "workbook.xlsx"
    wb = load_workbook(path)
    wb["TCO"]["B12"] = "Licenze"  # not a category of the drop-down
    wb["TCO"]["F14"] = -6000  # a negative price
    wb["ROI"]["B4"] = "dix pour cent"  # the discount rate as text
    wb["Points de contact"]["B6"] = "Découvert"  # the stage is « Découverte »
    wb.save(path)
    return folder


def test_every_problem_is_listed_at_its_cell(tmp_path: Path) -> None:
    found = check_workbook(planted(tmp_path) / "workbook.xlsx")
    assert found.lang == "fr"
    assert [p.location for p in found.problems] == [
        "TCO!B12",
        "TCO!F14",
        "ROI!B4",
        "Points de contact!B6",
    ]
    texts = [p.message("fr") for p in found.problems]
    assert "«\u202fLicenze\u202f»" in texts[0] and "Catégorie" in texts[0]
    assert "-6000" in texts[1].replace("\u202f", "").replace("\u00a0", "")
    assert "«\u202fdix pour cent\u202f»" in texts[2]
    assert "«\u202fDécouvert\u202f»" in texts[3] and "Découverte" in texts[3]  # a suggestion


def test_crmwb_check_prints_them_all_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = planted(tmp_path)
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "literie-lenoir\u00a0: 4\u00a0problèmes dans le classeur"
    assert [line.split(", ", 1)[1].split("\u00a0:", 1)[0] for line in out[1:]] == [
        "TCO!B12",
        "TCO!F14",
        "ROI!B4",
        "Points de contact!B6",
    ]
    assert main(["check", str(EXAMPLES_DIR / "northwind-retail")]) == 0
    assert capsys.readouterr().out == "northwind-retail: no problem found in the workbook\n"
