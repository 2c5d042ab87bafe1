"""Incremental runs: only what changed is executed, the rest is carried, the pack never shrinks.

The planning tests build the latest run's folder by hand (a manifest with the fingerprints a
run records, and its files); one scenario runs real notebooks (the TCO and the ROI of the French
example) through :func:`crmwb.run.batch.run`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.mission.runs import latest_run
from crmwb.run import batch
from crmwb.run.incremental import (
    FIRST,
    FORCED,
    MISSING,
    ClientPlan,
    changed_since_planned,
    plan_client,
)
from crmwb.run.summary import summary
from crmwb.workbook.analyses import declared_analyses

ANALYSES = declared_analyses()
EVERY = list(ANALYSES.values())


def client(tmp_path: Path, slug: str = "literie-lenoir") -> Path:
    folder = tmp_path / "clients" / slug
    shutil.copytree(EXAMPLES_DIR / slug, folder)
    return folder


def set_cell(folder: Path, sheet: str, cell: str, value: object) -> None:
    wb = load_workbook(folder / "workbook.xlsx")
    wb[sheet][cell] = value
    wb.save(folder / "workbook.xlsx")


def fake_run(reports: Path, run_id: str, plan: ClientPlan) -> Path:
    """A complete run folder as the runner leaves it: every analysis's files and a manifest
    recording the fingerprints of ``plan``; ``latest`` points to it."""
    folder = reports / run_id
    folder.mkdir(parents=True)
    entries = {}
    for name, print_ in plan.fingerprints.items():
        outputs = [f"{name}.html", f"{name}.pdf", f"summaries/{name}.html"]
        for output in outputs:
            (folder / output).parent.mkdir(exist_ok=True)
            (folder / output).write_text(f"{name} of {run_id}", encoding="utf-8")
        entries[name] = {
            "status": "ok",
            "mode": "executed",
            "run_id": run_id,
            "produced": "2026-11-20T10:00:00",
            "fingerprint": print_.value,
            "fingerprint_parts": dict(print_.parts),
            "outputs": outputs,
        }
    manifest = {"run_id": run_id, "finished": "2026-11-20T10:00:00", "analyses": entries}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    latest = reports / "latest"
    if latest.is_symlink():
        latest.unlink()
    latest.symlink_to(run_id, target_is_directory=True)
    return folder


def plan(folder: Path, reports: Path, only: list[str] | None = None, **kw: object) -> ClientPlan:
    allowed = [ANALYSES[n] for n in only] if only else EVERY
    return plan_client(folder, reports, allowed, EVERY, lang=None, **kw)  # type: ignore[arg-type]


def names(analyses) -> set[str]:
    return {a.name for a in analyses}


def test_a_first_run_executes_everything(tmp_path):
    first = plan(client(tmp_path), tmp_path / "reports")
    assert names(first.execute) == set(ANALYSES) and not first.carry
    assert all(why == [FIRST] for why in first.why.values())


def test_nothing_changed_nothing_executed_everything_carried(tmp_path):
    folder, reports = client(tmp_path), tmp_path / "reports"
    fake_run(reports, "20261120-100000", plan(folder, reports))
    again = plan(folder, reports)
    assert not again.changed
    assert names(c.analysis for c in again.carry) == set(ANALYSES)
    assert not any(c.out_of_date for c in again.carry)


def test_a_tco_cell_executes_only_the_analyses_reading_the_tco_sheet(tmp_path):
    folder, reports = client(tmp_path), tmp_path / "reports"
    fake_run(reports, "20261120-100000", plan(folder, reports))
    set_cell(folder, "TCO", "F15", 65)  # the SaaS subscription: 60 € -> 65 € per user-month
    again = plan(folder, reports)
    # crmwb/*/analysis.py: the TCO, the ROI and the vendors' comparison read the TCO sheet, and
    # the through-line (the vendors' shortlist and winner it follows depend on it)
    assert names(again.execute) == {"tco", "roi", "vendor_comparison", "through_line"}
    assert again.why["tco"] == ["sheet.tco"]
    assert names(c.analysis for c in again.carry) == set(ANALYSES) - names(again.execute)


def test_only_limits_what_is_executed_and_carries_the_rest_out_of_date(tmp_path):
    folder, reports = client(tmp_path), tmp_path / "reports"
    fake_run(reports, "20261120-100000", plan(folder, reports))
    set_cell(folder, "TCO", "F15", 65)
    again = plan(folder, reports, only=["tco"])
    assert names(again.execute) == {"tco"}
    stale = {c.analysis.name for c in again.carry if c.out_of_date}
    # their inputs changed, --only left them
    assert stale == {"roi", "vendor_comparison", "through_line"}
    assert len(again.carry) == len(ANALYSES) - 1  # the pack keeps every other report


def test_force_executes_everything(tmp_path):
    folder, reports = client(tmp_path), tmp_path / "reports"
    fake_run(reports, "20261120-100000", plan(folder, reports))
    forced = plan(folder, reports, force=True)
    assert names(forced.execute) == set(ANALYSES)
    assert forced.why["journey_mapping"] == [FORCED]


def test_a_report_deleted_by_hand_is_executed_again(tmp_path):
    folder, reports = client(tmp_path), tmp_path / "reports"
    run = fake_run(reports, "20261120-100000", plan(folder, reports))
    (run / "journey_mapping.pdf").unlink()
    again = plan(folder, reports)
    assert names(again.execute) == {"journey_mapping"} and again.why["journey_mapping"] == [MISSING]


def test_a_latest_run_folder_deleted_by_hand_means_a_full_run(tmp_path):
    folder, reports = client(tmp_path), tmp_path / "reports"
    run = fake_run(reports, "20261120-100000", plan(folder, reports))
    shutil.rmtree(run)
    assert latest_run(reports) is None
    assert names(plan(folder, reports).execute) == set(ANALYSES)


# -- end to end: the TCO and the ROI of the French example, through the batch runner --


@pytest.fixture(scope="module")
def loop(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Run 1: the TCO and the ROI. Run 2: nothing changed. A TCO cell changes; run 3 with
    ``--only tco``; run 4: everything allowed again."""
    root = tmp_path_factory.mktemp("loop")
    folder, reports = client(root), root / "reports"
    wanted = [ANALYSES["tco"], ANALYSES["roi"]]

    def go(analyses=wanted):
        return batch.run([folder], analyses, jobs=2, reports_dir=reports)[0]

    first = go()
    second = go()
    set_cell(folder, "TCO", "F15", 65)
    third = go([ANALYSES["tco"]])
    fourth = go()
    return {"reports": reports / folder.name, "runs": (first, second, third, fourth)}


def modes(run: batch.ClientRun) -> dict[str, tuple[str, bool]]:
    manifest = json.loads((run.folder / "manifest.json").read_text(encoding="utf-8"))
    return {k: (v["mode"], v["out_of_date"]) for k, v in manifest["analyses"].items()}


def test_a_re_run_with_nothing_changed_makes_no_new_run(loop):
    first, second, _, _ = loop["runs"]
    assert first.ok and not first.unchanged
    assert second.unchanged and second.run_id == first.run_id
    text = summary([second], "fr")
    assert "rien n'a changé depuis la dernière exécution" in text
    assert first.run_id in text


def test_only_never_shrinks_the_pack_and_marks_the_carried_report_out_of_date(loop):
    first, _, third, _ = loop["runs"]
    assert third.ok and third.run_id != first.run_id
    assert modes(third) == {"tco": ("executed", False), "roi": ("carried", True)}
    # the carried report is the first run's file, linked (or copied) into the new folder
    carried = third.folder / "roi.pdf"
    assert carried.read_bytes() == (first.folder / "roi.pdf").read_bytes()
    # and its pages laid out for the pack, which the pack lays under its own numbers
    pages = third.folder / "pages" / "roi.pdf"
    assert pages.read_bytes() == (first.folder / "pages" / "roi.pdf").read_bytes()
    if os.stat(carried).st_nlink < 2:
        pytest.fail("the carried report was copied although the file system has hard links")
    index = (third.folder / "index.html").read_text(encoding="utf-8")
    assert "Nouveau dans cette version du dossier." in index  # the TCO
    assert "Inchangé depuis la version du" in index  # the ROI
    assert "Ses données ont changé depuis\u00a0: à mettre à jour." in index


def test_the_next_full_run_executes_what_was_left_out_of_date(loop):
    _, _, third, fourth = loop["runs"]
    assert modes(fourth) == {"tco": ("carried", False), "roi": ("executed", False)}
    manifest = json.loads((fourth.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["analyses"]["tco"]["run_id"] == third.run_id
    assert manifest["analyses"]["roi"]["why"] == ["sheet.tco"]
    assert (loop["reports"] / "latest").resolve() == fourth.folder.resolve()


def test_a_workbook_saved_while_the_run_reads_it_is_noticed(tmp_path):
    folder, reports = client(tmp_path), tmp_path / "reports"
    fake_run(reports, "20261120-100000", plan(folder, reports))
    set_cell(folder, "TCO", "F15", 65)
    planned = plan(folder, reports)
    assert changed_since_planned(planned, folder) == ()
    set_cell(folder, "ROI", "B4", 12)  # saved again, by hand, while the notebooks run
    set_cell(folder, "RACI", "A5", "Stratégie")  # a sheet none of the executed reads
    assert changed_since_planned(planned, folder) == ("sheet.roi",)


def test_a_workbook_not_saved_during_the_run_is_not_read_again(tmp_path, monkeypatch):
    """Its bytes are those the run planned from: the check after the run stops there (reading
    every sheet again cost a third of a second a client); saved again, even unchanged, it is
    read again and compared sheet by sheet."""
    from crmwb.run import incremental

    folder, reports = client(tmp_path), tmp_path / "reports"
    planned = plan(folder, reports)
    reads: list[Path] = []
    monkeypatch.setattr(incremental, "read_snapshot", lambda path, *_: reads.append(path))
    assert changed_since_planned(planned, folder) == () and reads == []
    monkeypatch.undo()
    unchanged = load_workbook(folder / "workbook.xlsx")["TCO"]["F15"].value
    set_cell(folder, "TCO", "F15", unchanged)  # saved again, its values as they were
    assert changed_since_planned(planned, folder) == ()
    set_cell(folder, "TCO", "F15", 65)
    assert changed_since_planned(planned, folder) == ("sheet.tco",)


def test_the_command_says_nothing_changed_and_marks_the_current_run(tmp_path):
    from crmwb.mission.runs import read_marks

    def crmwb(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "crmwb.run.cli", *args]
        env = {**os.environ, "CRMWB_LANG": "fr"}
        return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env)

    folder = client(tmp_path)
    reports = tmp_path / "reports"
    common = ("--clients-dir", str(folder.parent), "run", folder.name, "--only", "tco")
    common += ("--quiet", "--reports-dir", str(reports))
    first = crmwb(*common, cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    again = crmwb(*common, "--mark", "CoPil 1", cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    (run,) = [p for p in (reports / folder.name).iterdir() if p.name[:1].isdigit()]
    assert (
        "literie-lenoir\u00a0: rien n'a changé depuis la dernière exécution, aucune nouvelle "
        f"exécution\u202f; les livrables sont dans reports/{folder.name}/{run.name}/"
    ) in again.stdout
    assert "analyses réussies" not in again.stdout  # nothing was executed
    assert read_marks(reports / folder.name) == {run.name: ["CoPil 1"]}
    assert f"exécution {run.name} marquée «\u202fCoPil 1\u202f»" in again.stdout
