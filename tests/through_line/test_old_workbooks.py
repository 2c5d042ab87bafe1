"""Workbooks made before the one list of use cases (template 3) still run the through-line.

``tests/data/northwind-template-3.xlsx`` and ``tests/data/lenoir-template-3.xlsx`` are the
example workbooks as they were on main before issue 20 (last changed at adc3a20): the Use cases
sheet has no ID column, its use cases name programmes of their own (Onboarding, Loyalty...), the
ROI's levers say nothing of where they come from. They are read as they are: use cases matched
by name across the two sheets, every lever tied to no programme; the run says how to move to the
new layout."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from crmwb.run import batch
from crmwb.run.batch import ClientRun, outdated
from crmwb.run.summary import summary
from crmwb.through_line.reading import read_through_line
from crmwb.workbook.reader import read_workbook
from crmwb.workbook.upgrade import needs_upgrade, upgrade_workbook

DATA = Path(__file__).parents[1] / "data"
NORTHWIND_3 = DATA / "northwind-template-3.xlsx"
LENOIR_3 = DATA / "lenoir-template-3.xlsx"


def test_an_old_workbook_is_read_as_it_was_written() -> None:
    line = read_through_line(read_workbook(NORTHWIND_3))
    # no ID, and the data audit's 6 use cases and the vendors' 8 share no name: 14 use cases
    assert [u.id for u in line.use_cases] == [""] * 14
    assert len(line.use_cases) == 14
    # the vendors' 8 name programmes the plan does not have; the data audit's 6 are not on
    # the list (its names are the data audit's own)
    assert len(line.of_kind("use_case_without_programme")) == 8
    assert len(line.of_kind("use_case_not_on_list")) == 6
    # the 6 levers say nothing of where they come from: each tied to no programme, and the
    # 10 programmes pull none; the whole of the benefits is exposed (861 269, tests/roi)
    assert len(line.of_kind("lever_without_programme")) == 6
    assert len(line.of_kind("programme_without_lever")) == 10
    assert round(line.exposed) == round(line.benefits) == 861_269
    lenoir = read_through_line(read_workbook(LENOIR_3))
    assert [u.id for u in lenoir.use_cases] == [""] * 6
    assert len(lenoir.of_kind("lever_without_programme")) == 3


def test_an_old_workbook_says_what_it_lacks_and_the_summary_how_to_move(tmp_path: Path) -> None:
    folder = tmp_path / "northwind-retail"
    folder.mkdir()
    shutil.copy(NORTHWIND_3, folder / "workbook.xlsx")
    assert needs_upgrade(folder / "workbook.xlsx") == [
        "made by the template's version 3 (current: 4)",
        "Use cases: ID",
        "ROI: Comes from",
    ]
    assert outdated(folder)
    said = summary(
        [ClientRun("northwind-retail", "20261206-120000", outdated=True, template=3)], "en"
    )
    assert "Template 4 gives the mission one list of use cases" in said
    # a workbook of template 2 is told what changed in 3 (nothing to say) and in 4
    assert "Template 4" in summary([ClientRun("c", "r", outdated=True, template=2)], "en")
    assert "Template 4" not in summary([ClientRun("c", "r", outdated=True, template=4)], "en")


def test_the_upgrade_keeps_what_the_through_line_reads(tmp_path: Path) -> None:
    path = tmp_path / "workbook.xlsx"
    shutil.copy(NORTHWIND_3, path)
    before = read_through_line(read_workbook(path))
    done = upgrade_workbook(path)
    assert done.not_moved == []
    after = read_through_line(read_workbook(path))
    # the vendors' 8 use cases numbered UC-01 to UC-08, in the list's order; nothing else moved
    numbered = [u for u in after.use_cases if u.id]
    assert [u.id for u in numbered] == [f"UC-{n:02}" for n in range(1, 9)]
    assert [dataclasses.replace(u, id="") for u in after.use_cases] == list(before.use_cases)
    assert (after.broken, after.completeness, after.levers) == (
        before.broken,
        before.completeness,
        before.levers,
    )
    assert needs_upgrade(path) == []


def test_an_old_workbook_runs_and_the_run_says_how_to_move(tmp_path: Path) -> None:
    folder = tmp_path / "clients" / "northwind-retail"
    folder.mkdir(parents=True)
    shutil.copy(NORTHWIND_3, folder / "workbook.xlsx")
    reports = tmp_path / "reports"
    (run,) = batch.run([folder], [batch.ANALYSES["through_line"]], lang="en", reports_dir=reports)
    said = summary([run], "en")
    assert run.ok, said
    assert "Template 4 gives the mission one list of use cases" in said
    latest = reports / "northwind-retail" / "latest"
    for name in ("through_line.html", "through_line.pdf", "through_line.xlsx"):
        assert (latest / name).is_file(), name
