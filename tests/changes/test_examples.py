"""What changed since the last committee, on both examples, end to end: each example is run, a
known cell of its TCO sheet is changed, it is run again (only what reads the TCO executes), and
``crmwb diff`` and the pack's deliverable report the change of the input and of the totals.

Expected numbers, by hand from the examples' TCO sheets (data/examples/build_examples.py):

* Literie Lenoir (French): the SaaS subscription, TCO!F15, 60 € -> 65 € per user and month,
  4 users, 12 months, 7 years, no price rise: the SaaS total grows by 5 × 4 × 12 × 7 =
  1 680 €, from 22 160 € (60 × 4 × 12 × 7 + 2 000 of set-up) to 23 840 €.
* Northwind Retail (English): the on-premise option's hardware, TCO!F14, a one-off flat cost paid
  at the start (period 0, before any price rise), 24 000 € -> 30 000 €: that option's total
  grows by 6 000 €.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.results import load_results
from crmwb.mission.runs import latest_run
from crmwb.run import batch
from crmwb.workbook.analyses import declared_analyses

CHANGES = {
    "literie-lenoir": ("TCO", "F15", 65),
    "northwind-retail": ("TCO", "F14", 30000),
}


@pytest.fixture(scope="module")
def mission(french_runs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The session's French run of both examples (conftest's ``french_runs``, copied: it is
    shared), then each example's TCO cell changed and both run again, then ``crmwb diff``."""
    root = tmp_path_factory.mktemp("mission")
    clients, reports = root / "clients", root / "reports"
    shutil.copytree(
        french_runs, reports, symlinks=True, ignore=shutil.ignore_patterns(".runtime", ".*.lock")
    )
    first = [latest_run(reports / slug) for slug in CHANGES]
    folders = []
    for slug, (sheet, cell, value) in CHANGES.items():
        shutil.copytree(EXAMPLES_DIR / slug, clients / slug)
        folders.append(clients / slug)
        workbook = clients / slug / "workbook.xlsx"
        wb = load_workbook(workbook)
        wb[sheet][cell] = value
        wb.save(workbook)
    analyses = list(declared_analyses().values())
    second = batch.run(folders, analyses, jobs=2, lang="fr", reports_dir=reports)
    diffs = {
        slug: subprocess.run(
            [sys.executable, "-m", "crmwb.run.cli", "diff", slug, "--reports-dir", str(reports)],
            capture_output=True,
            text=True,
            cwd=root,
            timeout=600,
            check=False,
            env={**os.environ, "CRMWB_LANG": "fr"},
        )
        for slug in CHANGES
    }
    return {"reports": reports, "first": first, "second": second, "diffs": diffs}


def executed(run: batch.ClientRun) -> set[str]:
    manifest = json.loads((run.folder / "manifest.json").read_text(encoding="utf-8"))
    return {name for name, e in manifest["analyses"].items() if e["mode"] == "executed"}


def test_only_the_analyses_reading_the_tco_sheet_ran_again(mission):
    for first, second in zip(mission["first"], mission["second"], strict=True):
        assert first is not None and second.ok and second.run_id != first.run_id
        assert executed(second) == {"tco", "roi", "vendor_comparison", "through_line"}


def test_the_totals_moved_by_what_the_changed_cell_adds(mission):
    lenoir, northwind = mission["second"]
    before, after = (
        load_results(run.folder)["tco"].figure("tco.total.saas").value
        for run in (mission["first"][0], lenoir)
    )
    assert (before, after) == (22160, 23840)
    key = "tco.total.on-premise-licence"
    before, after = (
        load_results(run.folder)["tco"].figure(key).value
        for run in (mission["first"][1], northwind)
    )
    assert after - before == pytest.approx(6000)


def test_crmwb_diff_reports_the_input_and_the_result_that_moved(mission):
    lenoir = mission["diffs"]["literie-lenoir"]
    assert lenoir.returncode == 0, lenoir.stdout + lenoir.stderr
    text = lenoir.stdout
    # the input: its sheet, its cell, its column and row, old -> new (in the workbook's French)
    assert "TCO" in text and "F15" in text and "Prix unitaire" in text
    assert "60" in text and "65" in text
    # the result: the SaaS total, signed, in euros with French separators
    assert "22\u202f160\u00a0€" in text and "23\u202f840\u00a0€" in text
    assert "+1\u202f680\u00a0€" in text
    northwind = mission["diffs"]["northwind-retail"]
    assert northwind.returncode == 0, northwind.stdout + northwind.stderr
    assert "F14" in northwind.stdout and "Unit price" in northwind.stdout
    assert "+6,000" in northwind.stdout or "+€6,000" in northwind.stdout


def test_the_pack_opens_on_what_changed_since_the_previous_run(mission):
    for first, run in zip(mission["first"], mission["second"], strict=True):
        for name in ("changes.html", "changes.pdf", "changes.xlsx"):
            assert (run.folder / name).is_file(), name
        manifest = json.loads((run.folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["changes"]["status"] == "ok"
        assert manifest["changes"]["since"] == first.run_id
    lenoir = mission["second"][0]
    index = (lenoir.folder / "index.html").read_text(encoding="utf-8")
    assert index.index('id="changes"') < index.index('id="tco"')  # the changes come first
    assert "Ce qui a changé depuis l'exécution précédente" in html.unescape(index)
    assert '<a href="changes.pdf">' in index
    # the first run of a client has nothing to compare with: no changes deliverable
    assert not (mission["first"][0].folder / "changes.html").exists()
