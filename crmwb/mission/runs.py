"""A client's runs, as its reports folder holds them: ``reports/<slug>/<run-id>/`` (a complete
run), ``<run-id>-failed/``, ``<run-id>-interrupted/``, each with its ``manifest.json``, and
``latest`` designating the latest complete run (a symbolic link, or a copy where the file system
has none)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

MANIFEST = "manifest.json"
LATEST = "latest"
RUN_SUFFIXES = ("", "-failed", "-interrupted")
"""A run folder's name: its run id (``20261205-172452``, ``-2`` for a second one the same
second) and how it ended."""

RunStatus = Literal["ok", "failed", "interrupted"]


@dataclass(frozen=True)
class RunRecord:
    """One run of a client: its id, its folder, how it ended and its manifest (None when it
    cannot be read)."""

    run_id: str
    folder: Path
    status: RunStatus
    manifest: dict[str, Any] | None

    @property
    def started(self) -> str:
        """When it started (ISO), from its manifest, else from its id."""
        if self.manifest and self.manifest.get("started"):
            return str(self.manifest["started"])
        stamp = self.run_id[:15]
        return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"

    def analyses(self) -> dict[str, dict[str, Any]]:
        """Its manifest's entry for each analysis (empty when it has no manifest)."""
        return dict((self.manifest or {}).get("analyses", {}))


def started_at(record: RunRecord) -> dt.datetime | None:
    """When the run started, as a time (None when neither its manifest nor its id says)."""
    try:
        return dt.datetime.fromisoformat(record.started)
    except ValueError:
        return None


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """A run folder's manifest (None when it has none or it cannot be read)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _status(name: str) -> RunStatus:
    if name.endswith("-failed"):
        return "failed"
    if name.endswith("-interrupted"):
        return "interrupted"
    return "ok"


def client_runs(client_reports: Path) -> list[RunRecord]:
    """The client's runs, oldest first (hidden folders, ``latest`` and files left out)."""
    if not client_reports.is_dir():
        return []
    found = []
    for folder in client_reports.iterdir():
        name = folder.name
        if name.startswith(".") or name == LATEST or folder.is_symlink() or not folder.is_dir():
            continue
        if not name[:1].isdigit():
            continue
        status = _status(name)
        run_id = name.removesuffix(f"-{status}") if status != "ok" else name
        found.append(RunRecord(run_id, folder, status, read_manifest(folder)))
    return sorted(found, key=lambda r: (r.run_id[:15], _sequence(r.run_id)))


def _sequence(run_id: str) -> int:
    """The ``-2`` of a second run started the same second (1 for the first)."""
    tail = run_id[15:].lstrip("-")
    return int(tail) if tail.isdigit() else 1


def latest_run(client_reports: Path) -> RunRecord | None:
    """The run ``latest`` designates (None: no complete run yet, or its folder was removed)."""
    latest = client_reports / LATEST
    if latest.is_symlink():
        target = (client_reports / latest.readlink()).resolve()
        if not target.is_dir():
            return None
        return RunRecord(target.name, target, "ok", read_manifest(target))
    if latest.is_dir():  # a copy, where the file system has no symbolic links
        manifest = read_manifest(latest)
        run_id = str((manifest or {}).get("run_id", ""))
        original = client_reports / run_id
        folder = original if run_id and original.is_dir() else latest
        return RunRecord(run_id or LATEST, folder, "ok", manifest)
    return None


def find_run(client_reports: Path, run_id: str) -> RunRecord | None:
    """The run ``run_id`` (its id, or its folder's name) of the client, or None."""
    for record in client_runs(client_reports):
        if run_id in (record.run_id, record.folder.name):
            return record
    return None


MARKS = "marks.json"
"""The file of a client's reports folder naming the runs presented to a committee:
``{"<run-id>": ["CoPil 2"]}``."""


def read_marks(client_reports: Path) -> dict[str, list[str]]:
    """The committees' marks of the client's runs, by run id (none when nothing is marked)."""
    try:
        data = json.loads((client_reports / MARKS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(x) for x in v] for k, v in data.items() if isinstance(v, list)}


def write_marks(client_reports: Path, marks: dict[str, list[str]]) -> None:
    """Write the marks under a name of their own, then rename it over :data:`MARKS`: a reader
    never sees half a file."""
    import os

    tmp = client_reports / f".{MARKS}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(marks, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, client_reports / MARKS)


def add_mark(client_reports: Path, run_id: str, label: str) -> None:
    """Mark the run ``run_id`` as presented to the committee ``label`` (« CoPil 2 »)."""
    marks = read_marks(client_reports)
    labels = marks.setdefault(run_id, [])
    if label not in labels:
        labels.append(label)
    write_marks(client_reports, marks)


def remove_mark(client_reports: Path, run_id: str, label: str) -> bool:
    """Take the mark ``label`` off the run ``run_id``; whether it had it."""
    marks = read_marks(client_reports)
    labels = marks.get(run_id, [])
    if label not in labels:
        return False
    labels.remove(label)
    if not labels:
        del marks[run_id]
    write_marks(client_reports, marks)
    return True


def last_marked(client_reports: Path) -> RunRecord | None:
    """The latest run marked as presented to a committee (None when none is, or it is gone)."""
    marks = read_marks(client_reports)
    marked = [r for r in client_runs(client_reports) if r.run_id in marks]
    return marked[-1] if marked else None
