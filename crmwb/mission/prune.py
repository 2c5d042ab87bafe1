"""What is cleared away from a client's runs, and at the end of the mission.

* :func:`prune_failed`, after each run: the failed and interrupted run folders but the most
  recent of each (the one worth reading to see what went wrong).
* :func:`runs_before`: the runs started before a date, except those presented to a committee
  (:func:`~crmwb.mission.runs.read_marks`) and the one ``latest`` designates.
* :func:`personal_files`, at the end of the mission: the files naming customers — the customer
  export the workbook's Customer file sheet names, what every run kept under ``confidential/``,
  and the workbook's backups (``<client>/backups/``, copies of a workbook that may hold customer
  data typed in). Nothing else: the workbook itself stays.

These functions take no lock: the caller holds the client's run lock (the runner does when it
calls :func:`prune_failed`; the command line takes it for the others), so that no run writes in
the folder meanwhile.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from crmwb.core.i18n import Lang, decimal, number, t
from crmwb.core.workspace import WORKBOOK_NAME
from crmwb.customer_file.sheets import (
    CONFIDENTIAL_DIR,
    has_customer_file,
    read_customer_file_settings,
)
from crmwb.mission.runs import RunRecord, client_runs, latest_run, read_marks, started_at
from crmwb.workbook.reader import read_workbook

BACKUPS = "backups"
"""The folder of a client's folder holding its workbook's backups (:mod:`crmwb.workbook.save`)."""


def remove_run(record: RunRecord) -> None:
    """Delete a run's folder and all it holds."""
    shutil.rmtree(record.folder)


def _kept(client_reports: Path) -> set[str]:
    """The run ids never pruned: those marked for a committee and the one ``latest`` designates."""
    keep = set(read_marks(client_reports))
    latest = latest_run(client_reports)
    if latest is not None:
        keep.add(latest.run_id)
    return keep


def failed_to_prune(client_reports: Path) -> list[RunRecord]:
    """The failed and interrupted runs :func:`prune_failed` removes, oldest first: all but the
    most recent failed one and the most recent interrupted one (a marked run is kept)."""
    runs = client_runs(client_reports)
    keep = _kept(client_reports)
    doomed: list[RunRecord] = []
    for status in ("failed", "interrupted"):
        ended = [r for r in runs if r.status == status]
        doomed.extend(r for r in ended[:-1] if r.run_id not in keep)
    order = {r.folder: i for i, r in enumerate(runs)}
    return sorted(doomed, key=lambda r: order[r.folder])


def prune_failed(client_reports: Path) -> list[RunRecord]:
    """Remove the client's old failed and interrupted run folders, keeping the most recent
    failed and the most recent interrupted one; the runs removed, oldest first. For the runner,
    after each run, with the client's run lock held."""
    doomed = failed_to_prune(client_reports)
    for record in doomed:
        remove_run(record)
    return doomed


def runs_before(client_reports: Path, before: dt.date) -> list[RunRecord]:
    """The runs started before the day ``before``, oldest first, except the runs marked for a
    committee and the one ``latest`` designates (a run whose start cannot be read is kept)."""
    keep = _kept(client_reports)
    doomed = []
    for record in client_runs(client_reports):
        started = started_at(record)
        if started is not None and started.date() < before and record.run_id not in keep:
            doomed.append(record)
    return doomed


def folder_size(folder: Path) -> int:
    """The bytes of the files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


PersonalKind = Literal["export", "confidential", "backup"]


@dataclass(frozen=True)
class PersonalFile:
    """A file naming customers: where it is, what it is, its size in bytes."""

    path: Path
    kind: PersonalKind
    size: int


def personal_files(client_dir: Path, client_reports: Path) -> list[PersonalFile]:
    """The files naming the client's customers that the end of the mission removes: the
    customer export the workbook names (when it is there), every file under ``confidential/``
    of the client's run folders (complete, failed, interrupted, left half-made, or ``latest``
    where it is a copy), and the workbook's backups. Raises the workbook's error when it cannot
    be read (the export it names would be missed)."""
    found: list[tuple[Path, PersonalKind]] = []
    export = customer_export(client_dir)
    workbook = (client_dir / WORKBOOK_NAME).resolve()
    if export is not None and export.is_file() and export.resolve() != workbook:
        found.append((export, "export"))  # (customers listed in the workbook itself: it stays)
    if client_reports.is_dir():
        for folder in sorted(client_reports.iterdir()):
            confidential = folder / CONFIDENTIAL_DIR
            if folder.is_symlink() or not confidential.is_dir():
                continue
            found.extend((p, "confidential") for p in _files(confidential))
    found.extend((p, "backup") for p in _files(client_dir / BACKUPS))
    once: dict[Path, tuple[Path, PersonalKind]] = {}  # (an export among the backups: once)
    for path, kind in found:
        once.setdefault(path.resolve(), (path, kind))
    return [PersonalFile(p, kind, p.stat().st_size) for p, kind in once.values()]


def customer_export(client_dir: Path) -> Path | None:
    """The customer file the workbook's Customer file sheet names (None: it names none)."""
    reader = read_workbook(client_dir / WORKBOOK_NAME)
    if not has_customer_file(reader):
        return None
    return client_dir / read_customer_file_settings(reader).path


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def remove_files(files: Iterable[PersonalFile]) -> None:
    """Delete the files (one already gone is no error)."""
    for file in files:
        file.path.unlink(missing_ok=True)


def size_text(size: int, lang: Lang) -> str:
    """A size in bytes the reader's way: « 1,2 Mo », « 1.2 MB » (powers of 1 000)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return t(f"mission.size.{unit}", lang, size=decimal(round(size / scale, 1), lang))
    return t("mission.size.B", lang, size=number(size, lang))
