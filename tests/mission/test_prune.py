"""Pruning: the old failed and interrupted runs, the runs before a date (marked runs and latest
kept), and at the end of the mission the files holding customers' personal data (the workbook
kept)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from mission_runs import make_run, mark, point_latest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.mission import prune
from crmwb.mission.prune import (
    personal_files,
    prune_failed,
    runs_before,
    size_text,
)
from crmwb.mission.runs import client_runs

NB = "\u00a0"


def names(client_reports: Path) -> list[str]:
    return [r.folder.name for r in client_runs(client_reports)]


def test_prune_failed_keeps_the_last_failed_and_the_last_interrupted_run(tmp_path):
    acme = tmp_path / "acme"
    for run_id, status in [
        ("20261001-090000", "failed"),
        ("20261002-090000", "interrupted"),
        ("20261003-090000", "failed"),
        ("20261003-090000-2", "failed"),
        ("20261004-090000", "ok"),
        ("20261005-090000", "interrupted"),
        ("20261006-090000", "failed"),
        ("20261007-090000", "ok"),
    ]:
        make_run(acme, run_id, status)
    point_latest(acme, "20261007-090000")
    mark(acme, {"20261001-090000": ["Point opérationnel"]})  # a marked run is never pruned
    removed = prune_failed(acme)
    assert [r.folder.name for r in removed] == [
        "20261002-090000-interrupted",
        "20261003-090000-failed",
        "20261003-090000-2-failed",
    ]
    assert names(acme) == [
        "20261001-090000-failed",
        "20261004-090000",
        "20261005-090000-interrupted",
        "20261006-090000-failed",
        "20261007-090000",
    ]
    assert prune_failed(acme) == []
    assert (acme / "latest").resolve() == acme / "20261007-090000"


def test_prune_failed_with_nothing_to_prune(tmp_path):
    assert prune_failed(tmp_path / "nobody") == []
    make_run(tmp_path / "acme", "20261001-090000", "failed")
    assert prune_failed(tmp_path / "acme") == []


def test_runs_before_a_date_spare_the_marked_runs_and_latest(tmp_path):
    acme = tmp_path / "acme"
    make_run(acme, "20261001-090000")
    make_run(acme, "20261015-090000")
    make_run(acme, "20261020-090000", "failed")
    make_run(acme, "20261101-090000")
    make_run(acme, "20261114-235959", "failed")
    make_run(acme, "20261115-000000", "interrupted")
    point_latest(acme, "20261101-090000")
    mark(acme, {"20261001-090000": ["CoPil 1"]})
    doomed = runs_before(acme, dt.date(2026, 11, 15))
    assert [r.folder.name for r in doomed] == [
        "20261015-090000",
        "20261020-090000-failed",
        "20261114-235959-failed",
    ]


@pytest.mark.parametrize(
    ("size", "fr", "en"),
    [
        (0, f"0{NB}o", "0 B"),
        (999, f"999{NB}o", "999 B"),
        (1000, f"1{NB}ko", "1 kB"),
        (395_302, f"395,3{NB}ko", "395.3 kB"),
        (12_345_678, f"12,3{NB}Mo", "12.3 MB"),
        (2_000_000_000, f"2{NB}Go", "2 GB"),
    ],
)
def test_sizes(size, fr, en):
    assert (size_text(size, "fr"), size_text(size, "en")) == (fr, en)


@pytest.fixture
def mission(tmp_path: Path) -> tuple[Path, Path]:
    """The Northwind example, whose workbook names customers.csv, at the end of its mission:
    two runs that kept confidential files, a backup of its workbook, a file of the consultant's."""
    client = tmp_path / "clients" / "northwind-retail"
    shutil.copytree(EXAMPLES_DIR / "northwind-retail", client)
    (client / "notes.txt").write_text("compte rendu du CoPil 1\n", encoding="utf-8")
    (client / "backups").mkdir()
    (client / "backups" / "workbook-20261201-101010.xlsx").write_bytes(b"x" * 100)
    reports = tmp_path / "reports" / "northwind-retail"
    make_run(reports, "20261101-090000", "failed", files={"confidential/x.csv": b"y" * 20})
    make_run(
        reports,
        "20261205-172452",
        files={"confidential/clusters/duplicates.csv": b"z" * 50, "report.html": b"<html>"},
    )
    point_latest(reports, "20261205-172452")
    return client, reports


def test_personal_files_are_the_export_the_confidential_files_and_the_backups(mission):
    client, reports = mission
    found = [(f.path, f.kind, f.size) for f in personal_files(client, reports)]
    assert found == [
        (client / "customers.csv", "export", 395_302),
        (reports / "20261101-090000-failed/confidential/x.csv", "confidential", 20),
        (reports / "20261205-172452/confidential/clusters/duplicates.csv", "confidential", 50),
        (client / "backups/workbook-20261201-101010.xlsx", "backup", 100),
    ]


def test_no_personal_files(tmp_path):
    client = tmp_path / "literie-lenoir"  # its workbook names no customer file
    shutil.copytree(EXAMPLES_DIR / "literie-lenoir", client)
    assert personal_files(client, tmp_path / "reports" / "literie-lenoir") == []


def test_the_workbook_stays_even_when_it_lists_the_customers_itself(mission, monkeypatch):
    client, reports = mission
    monkeypatch.setattr(prune, "customer_export", lambda folder: folder / "workbook.xlsx")
    assert [f.kind for f in personal_files(client, reports)] == ["confidential"] * 2 + ["backup"]


def test_an_export_kept_among_the_backups_is_listed_once(mission, monkeypatch):
    client, reports = mission
    export = client / "backups" / ".." / "backups" / "workbook-20261201-101010.xlsx"
    monkeypatch.setattr(prune, "customer_export", lambda folder: export)
    found = [(f.path, f.kind) for f in personal_files(client, reports)]
    assert [kind for _, kind in found] == ["export", "confidential", "confidential"]
    assert found[0][0] == export
