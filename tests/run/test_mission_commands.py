"""`crmwb history`, `crmwb mark` and `crmwb prune` on reports folders made by hand: what they
print, what they remove and what they keep, and the client's run lock held while pruning."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mission_runs import make_run, mark, point_latest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.mission.prune import folder_size, size_text
from crmwb.mission.runs import read_marks
from crmwb.run import cli, folders

NB, NN = "\u00a0", "\u202f"


@pytest.fixture
def crmwb(monkeypatch, capsys):
    """``crmwb ARGS`` in-process, the consultant speaking ``lang``, reading ``stdin``:
    (exit code, stdout, stderr)."""

    def run(*args: str, lang: str = "en", stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setenv("CRMWB_LANG", lang)
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    acme = tmp_path / "reports" / "acme"
    make_run(acme, "20261001-090000", analyses={"tco": {"status": "ok"}})
    make_run(acme, "20261015-090000", analyses={"tco": {"status": "ok"}})
    make_run(acme, "20261020-090000", "failed", analyses={"tco": {"status": "failed"}})
    make_run(acme, "20261101-090000", analyses={"tco": {"status": "ok"}})
    make_run(acme, "20261114-090000", "failed", analyses={"tco": {"status": "failed"}})
    point_latest(acme, "20261101-090000")
    mark(acme, {"20261001-090000": ["CoPil 1"]})
    return tmp_path / "reports"


def test_history(crmwb, reports):
    code, out, _ = crmwb("history", "acme", "--reports-dir", reports, lang="fr")
    assert code == 0
    assert out.splitlines() == [
        f"acme{NB}: 5 exécutions, de la plus ancienne à la plus récente",
        f"  1er oct. 2026 09:00 · 20261001-090000 · réussie · 1 analyse exécutée"
        f" · présentée{NB}: «{NN}CoPil 1{NN}»",
        "  15 oct. 2026 09:00 · 20261015-090000 · réussie · 1 analyse exécutée",
        "  20 oct. 2026 09:00 · 20261020-090000 · en échec · 1 analyse exécutée",
        "  1er nov. 2026 09:00 · 20261101-090000 · réussie · 1 analyse exécutée · dernière publiée",
        "  14 nov. 2026 09:00 · 20261114-090000 · en échec · 1 analyse exécutée",
    ]


def test_mark_the_latest_run_then_another_then_remove(crmwb, reports):
    acme = reports / "acme"
    code, out, _ = crmwb("mark", "acme", "CoPil 2", "--reports-dir", reports)
    assert (code, out) == (0, "Run 20261101-090000 marked 'CoPil 2'.\n")
    code, out, _ = crmwb("mark", "acme", "20261015-090000", "Point", "--reports-dir", reports)
    assert (code, out) == (0, "Run 20261015-090000 marked 'Point'.\n")
    code, out, _ = crmwb(
        "mark", "acme", "20261015-090000", "Point", "--remove", "--reports-dir", reports, lang="fr"
    )
    assert (code, out) == (0, f"Marque «{NN}Point{NN}» retirée de l'exécution 20261015-090000.\n")
    assert read_marks(acme) == {"20261001-090000": ["CoPil 1"], "20261101-090000": ["CoPil 2"]}


def test_mark_an_unknown_run(crmwb, reports):
    code, out, err = crmwb("mark", "acme", "2026", "CoPil 2", "--reports-dir", reports)
    assert (code, out) == (2, "")
    assert err == (
        "crmwb: error: a run of acme among: 20261001-090000, 20261015-090000,"
        " 20261020-090000-failed, 20261101-090000, 20261114-090000-failed; found '2026'\n"
    )
    code, _, err = crmwb("mark", "acme", "a", "b", "c", "--reports-dir", reports)
    assert code == 2
    assert err == (
        "crmwb: error: the run and the committee's name, or the name alone; found a b c\n"
    )


def sizes(reports: Path, *runs: str) -> list[str]:
    return [size_text(folder_size(reports / "acme" / run), "en") for run in runs]


def test_prune_before_a_date_lists_and_removes_all_but_the_marked_runs_and_latest(crmwb, reports):
    doomed = ("20261015-090000", "20261020-090000-failed")
    a, b = sizes(reports, *doomed)
    total = size_text(sum(folder_size(reports / "acme" / run) for run in doomed), "en")
    code, out, _ = crmwb("prune", "acme", "--before", "2026-11-10", "--reports-dir", reports)
    assert code == 0
    assert out.splitlines() == [
        "acme/20261001-090000 kept ('CoPil 1')",
        "acme/20261101-090000 kept (latest)",
        f"acme/20261015-090000 removed (15 Oct 2026 09:00, complete, {a})",
        f"acme/20261020-090000-failed removed (20 Oct 2026 09:00, failed, {b})",
        f"acme: 2 runs removed, {total} freed.",
    ]
    assert sorted(p.name for p in (reports / "acme").iterdir() if not p.name.startswith(".")) == [
        "20261001-090000",
        "20261101-090000",
        "20261114-090000-failed",
        "latest",
        "marks.json",
    ]
    code, out, _ = crmwb("prune", "acme", "--before", "2026-11-10", "--reports-dir", reports)
    assert out.splitlines()[-1] == "acme: no run started before 10 November 2026 to remove."


def test_prune_dry_run_removes_nothing(crmwb, reports):
    before = sorted(p.name for p in (reports / "acme").iterdir())
    assert ".run.lock" not in before
    size = size_text(folder_size(reports / "acme" / "20261015-090000"), "fr")
    code, out, _ = crmwb(
        "prune", "acme", "--before", "2026-10-16", "--dry-run", "--reports-dir", reports, lang="fr"
    )
    assert code == 0
    assert out.splitlines() == [
        f"acme/20261001-090000 conservée («{NN}CoPil 1{NN}»)",
        f"acme/20261015-090000 serait supprimée (15 oct. 2026 09:00, réussie, {size})",
        f"acme{NB}: 1 exécution serait supprimée ({size}){NN}; rien n'est supprimé (--dry-run).",
    ]
    assert sorted(p.name for p in (reports / "acme").iterdir()) == [".run.lock", *before]


def test_prune_all_clients(crmwb, reports):
    make_run(reports / "zeta", "20261001-090000")
    (reports / ".runtime").mkdir()
    (size,) = sizes(reports, "../zeta/20261001-090000")
    code, out, _ = crmwb("prune", "--all", "--before", "2026-10-02", "--reports-dir", reports)
    assert code == 0
    assert out.splitlines() == [
        "acme/20261001-090000 kept ('CoPil 1')",
        "acme: no run started before 2 October 2026 to remove.",
        f"zeta/20261001-090000 removed (1 Oct 2026 09:00, complete, {size})",
        f"zeta: 1 run removed, {size} freed.",
    ]
    assert not (reports / "zeta" / "20261001-090000").exists()


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--before", "2026-10-02"), "a client, or --all (not both); found --before 2026-10-02"),
        (
            ("acme", "--all", "--personal-data"),
            "a client, or --all (not both); found acme --all --personal-data",
        ),
        (("acme",), "--before DATE or --personal-data (one of them); found acme"),
        (("--all", "--personal-data"), "--personal-data for one client at a time; found --all"),
    ],
)
def test_prune_used_wrongly(crmwb, reports, args, error):
    code, out, err = crmwb("prune", *args, "--reports-dir", reports)
    assert (code, out, err) == (2, "", f"crmwb: error: {error}\n")


def test_prune_takes_the_clients_run_lock(crmwb, reports, monkeypatch):
    events = []
    removing = shutil.rmtree

    @contextmanager
    def lock(client_reports: Path, **_: object) -> Iterator[None]:
        events.append(f"lock {client_reports.name}")
        yield
        events.append(f"unlock {client_reports.name}")

    def rmtree(path: Path) -> None:
        events.append(f"remove {Path(path).name}")
        removing(path)

    monkeypatch.setattr(folders, "client_lock", lock)
    monkeypatch.setattr("crmwb.mission.prune.shutil.rmtree", rmtree)
    crmwb("prune", "acme", "--before", "2026-10-16", "--reports-dir", reports)
    assert events == ["lock acme", "remove 20261015-090000", "unlock acme"]


@pytest.fixture
def northwind(tmp_path: Path) -> dict[str, Path]:
    """The Northwind example at the end of its mission (its workbook names customers.csv)."""
    clients, reports = tmp_path / "clients", tmp_path / "reports"
    client = clients / "northwind-retail"
    shutil.copytree(EXAMPLES_DIR / "northwind-retail", client)
    (client / "notes.txt").write_text("compte rendu du CoPil 1\n", encoding="utf-8")
    (client / "backups").mkdir()
    (client / "backups" / "workbook-20261201-101010.xlsx").write_bytes(b"x" * 100)
    runs = reports / "northwind-retail"
    make_run(runs, "20261101-090000", "failed", files={"confidential/x.csv": b"y" * 20})
    make_run(
        runs,
        "20261205-172452",
        files={"confidential/duplicates.csv": b"z" * 50, "report.html": b"<html>"},
    )
    point_latest(runs, "20261205-172452")
    return {"clients": clients, "reports": reports, "client": client, "runs": runs}


PERSONAL = [
    "customers.csv",
    "20261101-090000-failed/confidential/x.csv",
    "20261205-172452/confidential/duplicates.csv",
    "backups/workbook-20261201-101010.xlsx",
]


def personal(crmwb, where: dict[str, Path], *more: str, **kwargs: str) -> tuple[int, str, str]:
    return crmwb(
        "--clients-dir",
        where["clients"],
        "prune",
        "northwind-retail",
        "--personal-data",
        "--reports-dir",
        where["reports"],
        *more,
        **kwargs,
    )


def files(where: dict[str, Path]) -> set[str]:
    """Every file left, relative to the clients' and reports' folders."""
    return {
        p.relative_to(root).as_posix()
        for root in (where["clients"], where["reports"])
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


LISTING_EN = [
    "northwind-retail: files holding customers' personal data:",
    "  customers.csv — customer export named by the workbook, 395.3 kB",
    "  20261101-090000-failed/confidential/x.csv — confidential file of a run, 20 B",
    "  20261205-172452/confidential/duplicates.csv — confidential file of a run, 50 B",
    "  backups/workbook-20261201-101010.xlsx — workbook backup, 100 B",
]


def test_personal_data_is_listed_then_kept_without_confirmation(crmwb, northwind):
    before = files(northwind)
    for answer in ("", "n\n", "no\n", "nope\n"):
        code, out, _ = personal(crmwb, northwind, stdin=answer)
        assert code == 1
        assert out.splitlines() == [
            *LISTING_EN,
            "Remove these 4 files (395.5 kB)? The workbook is kept. [y/N] Nothing removed.",
        ]
        assert files(northwind) == before


def test_personal_data_is_removed_once_confirmed_and_nothing_else(crmwb, northwind):
    before = files(northwind)
    code, out, _ = personal(crmwb, northwind, stdin="o\n", lang="fr")
    assert code == 0
    assert out.splitlines() == [
        f"northwind-retail{NB}: fichiers de données personnelles des clients{NB}:",
        f"  customers.csv — export clients indiqué dans le classeur, 395,3{NB}ko",
        f"  20261101-090000-failed/confidential/x.csv — fichier confidentiel d'une exécution,"
        f" 20{NB}o",
        f"  20261205-172452/confidential/duplicates.csv — fichier confidentiel d'une exécution,"
        f" 50{NB}o",
        f"  backups/workbook-20261201-101010.xlsx — sauvegarde du classeur, 100{NB}o",
        f"Supprimer ces 4 fichiers (395,5{NB}ko){NN}? Le classeur est conservé. [o/N] "
        f"supprimé{NB}: customers.csv",
        f"supprimé{NB}: 20261101-090000-failed/confidential/x.csv",
        f"supprimé{NB}: 20261205-172452/confidential/duplicates.csv",
        f"supprimé{NB}: backups/workbook-20261201-101010.xlsx",
        f"4 fichiers supprimés (395,5{NB}ko){NN}; le classeur est conservé.",
    ]
    removed = {
        "northwind-retail/customers.csv",
        "northwind-retail/20261101-090000-failed/confidential/x.csv",
        "northwind-retail/20261205-172452/confidential/duplicates.csv",
        "northwind-retail/backups/workbook-20261201-101010.xlsx",
    }
    assert files(northwind) == before - removed
    assert (northwind["client"] / "workbook.xlsx").is_file()
    code, out, _ = personal(crmwb, northwind)
    assert (code, out) == (0, "northwind-retail: no customers' personal data to remove.\n")


def test_personal_data_with_yes_asks_nothing_and_dry_run_removes_nothing(crmwb, northwind):
    before = files(northwind)
    code, out, _ = personal(crmwb, northwind, "--dry-run")
    assert (code, out.splitlines()) == (
        0,
        [*LISTING_EN, "4 files (395.5 kB) would be removed; nothing removed (--dry-run)."],
    )
    assert files(northwind) == before
    code, out, _ = personal(crmwb, northwind, "--yes")
    assert code == 0
    assert out.splitlines()[len(LISTING_EN)] == "removed: customers.csv"
    assert out.splitlines()[-1] == "4 files removed (395.5 kB); the workbook is kept."
    assert len(before - files(northwind)) == 4
