"""``crmwb diff``: the runs it compares by default, its messages when there is nothing to compare
or a run id is unknown, the deliverable it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from made_runs import NB, make_run, snapshot, tco, tco_results

from crmwb.mission.runs import add_mark
from crmwb.run.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main


@pytest.fixture(autouse=True)
def french_consultant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRMWB_LANG", "fr")


def diff(reports: Path, *options: str) -> int:
    return main(["diff", "literie-lenoir", "--reports-dir", str(reports), *options])


def test_a_client_with_one_run_is_told_what_to_do(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_run(reports, "20261205-172452", snapshot())
    assert diff(reports) == EXIT_FAILED
    assert capsys.readouterr().err == (
        "crmwb\u00a0: deux exécutions réussies de literie-lenoir à comparer\u202f; "
        "trouvé\u00a0: une seule, 20261205-172452 (une fois le classeur modifié, lancez "
        "crmwb run literie-lenoir, puis crmwb diff literie-lenoir)\n"
    )


def test_by_default_the_latest_run_against_the_last_committees(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_run(reports, "20261001-090000", snapshot(TCO=tco(F14=50)), [tco_results(19000)])
    add_mark(reports / "literie-lenoir", "20261001-090000", "CoPil 1")
    make_run(reports, "20261123-100000", snapshot(), [tco_results()])
    latest = make_run(reports, "20261205-172452", snapshot(TCO=tco(F14=75)), [tco_results(34560)])
    assert diff(reports) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "Literie Lenoir — Ce qui a changé depuis le dernier comité",
        "De l'exécution du 1er octobre 2026 (CoPil 1) à celle du 5 décembre 2026",
    ]
    assert f"  TCO, F14 — Prix unitaire, SaaS{NB}: 50 → 75" in out
    folder = latest / "changes-since-20261001-090000"
    assert sorted(p.name for p in folder.iterdir()) == [
        "changes.html",
        "changes.pdf",
        "changes.xlsx",
    ]
    assert out[-1] == (f"Le livrable{NB}: {folder} (changes.html, changes.pdf, changes.xlsx)")


def test_without_a_committee_the_run_before(
    reports: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    make_run(reports, "20261123-100000", snapshot(), [tco_results()])
    make_run(reports, "20261205-172452", snapshot(TCO=tco(F14=75)), [tco_results(34560)])
    assert diff(reports, "--output", str(tmp_path / "out")) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "Literie Lenoir — Ce qui a changé depuis l'exécution précédente",
        "De l'exécution du 23 novembre 2026 à celle du 5 décembre 2026",
    ]
    assert (tmp_path / "out" / "changes.pdf").is_file()


def test_an_unknown_run_is_refused_naming_the_known_ones(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_run(reports, "20261123-100000", snapshot())
    make_run(reports, "20261205-172452", snapshot())
    assert diff(reports, "--from", "20261124-000000") == EXIT_USAGE
    assert capsys.readouterr().err == (
        "crmwb\u00a0: erreur\u00a0: une exécution réussie de literie-lenoir\u202f; "
        "trouvé\u00a0: «\u202f20261124-000000\u202f» (ses exécutions réussies\u00a0: "
        "20261123-100000, 20261205-172452)\n"
    )
