"""A client's reports folder made by hand, for the tests of the mission (crmwb.mission): run
folders with their manifest and results, ``latest``, committee marks."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from crmwb.deliver.results import Results, save_results
from crmwb.mission.runs import MANIFEST


def make_run(
    client_reports: Path,
    run_id: str,
    status: str = "ok",
    *,
    analyses: Mapping[str, Mapping[str, Any]] | None = None,
    results: tuple[Results, ...] = (),
    manifest: bool = True,
    files: Mapping[str, bytes] | None = None,
) -> Path:
    """The run folder ``<run_id>[-<status>]`` with a manifest (started: from the run id) naming
    ``analyses``, each result in ``results/``, and ``files`` (relative path -> bytes)."""
    folder = client_reports / (run_id if status == "ok" else f"{run_id}-{status}")
    folder.mkdir(parents=True)
    if manifest:
        stamp = run_id[:15]
        started = (
            f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"
        )
        data = {
            "run_id": run_id,
            "client": client_reports.name,
            "status": status,
            "started": started,
            "analyses": dict(analyses or {}),
        }
        (folder / MANIFEST).write_text(json.dumps(data, indent=1), encoding="utf-8")
    for result in results:
        save_results(folder, result)
    for name, data in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def point_latest(client_reports: Path, run_name: str) -> None:
    latest = client_reports / "latest"
    if latest.is_symlink():
        latest.unlink()
    latest.symlink_to(run_name, target_is_directory=True)


def mark(client_reports: Path, marks: Mapping[str, list[str]]) -> None:
    (client_reports / "marks.json").write_text(json.dumps(dict(marks)), encoding="utf-8")
