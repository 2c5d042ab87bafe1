"""What a run of a client executes, and what it carries forward from the client's latest run.

An analysis is executed when its fingerprint (:mod:`crmwb.run.fingerprint`) differs from the one
recorded by the latest run, when that run has no complete outputs for it (a folder deleted by
hand), or when the run is forced; otherwise its outputs are carried into the new run folder
(hard links where the file system allows, copies otherwise), so that every run folder is a
complete pack. ``--only`` limits what may be executed: the other analyses are carried, marked
out of date when their inputs changed since they ran.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmwb.core.errors import CrmwbError
from crmwb.core.workspace import WORKBOOK_NAME
from crmwb.deliver.pack import SUMMARIES
from crmwb.deliver.pages import PAGES
from crmwb.deliver.results import RESULTS
from crmwb.mission.runs import RunRecord, latest_run
from crmwb.run.fingerprint import FileHashes, Fingerprint, fingerprint, read_sheets
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.snapshot import Snapshot, read_snapshot

if TYPE_CHECKING:
    from crmwb.workbook.reader import WorkbookReader

FILE_HASHES = ".file-hashes.json"
"""The cache of a client's reports folder: the hashes of the files beside its workbook."""

FIRST, FORCED, MISSING, UNREADABLE = "first", "forced", "missing", "unreadable"
"""Why an analysis is executed other than a change of its inputs: no earlier run has it, the
run is forced, its outputs are gone from the latest run, the workbook cannot be read."""


@dataclass(frozen=True)
class Carried:
    """An analysis carried from an earlier run: its manifest entry there (status, outputs, the
    run that produced them and when) and whether its inputs changed since (``out_of_date``)."""

    analysis: Analysis
    entry: Mapping[str, Any]
    source: Path
    """The run folder its files are taken from."""
    out_of_date: bool

    @property
    def run_id(self) -> str:
        return str(self.entry["run_id"])

    @property
    def produced(self) -> str:
        return str(self.entry.get("produced") or "")


@dataclass
class ClientPlan:
    """What a run of one client does: the analyses it executes (with why) and those it
    carries, each analysis's fingerprint, the workbook's values as read."""

    previous: RunRecord | None
    snapshot: Snapshot | None
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    execute: list[Analysis] = field(default_factory=list)
    why: dict[str, list[str]] = field(default_factory=dict)
    carry: list[Carried] = field(default_factory=list)
    files: dict[str, tuple[Path, ...]] = field(default_factory=dict)
    """The files beside the workbook each analysis reads (as the workbook names them, resolved
    against the client's folder)."""
    workbook_sha256: str | None = None
    """The hash of the workbook's bytes the snapshot was read from."""

    @property
    def changed(self) -> bool:
        """Whether the run has anything to execute (else no new run is made)."""
        return bool(self.execute)


def analysis_files(folder: Path, analysis: Analysis) -> list[Path]:
    """The files of ``analysis`` in a run folder: its reports (``<name>.*``), its summary, its
    report's unnumbered pages, its results and what it declares besides
    (:attr:`Analysis.outputs`)."""
    name = analysis.name
    found = [
        *folder.glob(f"{name}.*"),
        *(folder / SUMMARIES).glob(f"{name}.*"),
        *(folder / PAGES).glob(f"{name}.*"),
        *(folder / RESULTS).glob(f"{name}.*"),
    ]
    for pattern in analysis.outputs:
        found.extend(folder.glob(pattern))
    return sorted({p for p in found if p.is_file()})


def _entry_complete(folder: Path, entry: Mapping[str, Any]) -> bool:
    """Whether the outputs a manifest entry lists are all in ``folder``."""
    outputs = entry.get("outputs") or []
    return all((folder / name).is_file() for name in outputs)


def plan_client(
    client_dir: Path,
    client_reports: Path,
    analyses: Sequence[Analysis],
    every: Sequence[Analysis],
    *,
    lang: str | None,
    force: bool = False,
    reader: WorkbookReader | None = None,
) -> ClientPlan:
    """What to execute and carry for the client: ``analyses`` may be executed (those named by
    ``--only``, else all), the others of ``every`` are carried when the latest run has them."""
    previous = latest_run(client_reports)
    workbook = client_dir / WORKBOOK_NAME
    content: bytes | None = None
    try:
        content = workbook.read_bytes()
        snapshot: Snapshot | None = read_snapshot(workbook, content)
    except Exception:  # an unreadable workbook: its notebooks say why, at the cell
        snapshot = None
    plan = ClientPlan(previous, snapshot)
    if snapshot is not None and content is not None:
        plan.workbook_sha256 = hashlib.sha256(content).hexdigest()
    hashes = FileHashes.load(client_reports / FILE_HASHES)
    files = _declared_files(workbook, every, reader) if snapshot is not None else {}
    plan.files = {name: tuple(client_dir / f for f in found) for name, found in files.items()}
    if snapshot is not None:
        for analysis in every:
            plan.fingerprints[analysis.name] = fingerprint(
                analysis,
                snapshot,
                lang=lang,
                files=plan.files.get(analysis.name, ()),
                client_dir=client_dir,
                hashes=hashes,
            )
        try:
            hashes.save(client_reports / FILE_HASHES)
        except OSError:
            pass  # a cache: the next run hashes the files again
    former = previous.analyses() if previous is not None else {}
    allowed = {a.name for a in analyses}
    for analysis in every:
        name = analysis.name
        entry = former.get(name)
        mine = plan.fingerprints.get(name)
        usable = (
            previous is not None
            and entry is not None
            and entry.get("status") in ("ok", "skipped")
            and _entry_complete(previous.folder, entry)
        )
        stale = mine is None or entry is None or entry.get("fingerprint") != mine.value
        if name in allowed and (force or not usable or stale):
            plan.execute.append(analysis)
            plan.why[name] = _why(force, usable, entry, mine)
        elif usable:
            assert previous is not None and entry is not None
            carried = {
                **entry,
                "run_id": entry.get("run_id") or previous.run_id,
                "produced": entry.get("produced") or (previous.manifest or {}).get("finished"),
            }
            plan.carry.append(Carried(analysis, carried, previous.folder, stale))
    return plan


def _why(
    force: bool, usable: bool, entry: Mapping[str, Any] | None, mine: Fingerprint | None
) -> list[str]:
    if force:
        return [FORCED]
    if entry is None:
        return [FIRST]
    if not usable:
        return [MISSING]
    if mine is None:
        return [UNREADABLE]
    return mine.changed(entry.get("fingerprint_parts") or {}) or ["fingerprint"]


def _declared_files(
    workbook: Path, every: Sequence[Analysis], reader: WorkbookReader | None = None
) -> dict[str, Sequence[str]]:
    """The files each analysis reads beside the workbook, as the workbook names them (none
    when it cannot say: the notebook then reports why); ``reader``: the workbook already open."""
    declaring = [a for a in every if a.files is not None]
    if not declaring:
        return {}
    from crmwb.workbook.reader import read_workbook

    if reader is None:
        try:
            reader = read_workbook(workbook)
        except CrmwbError:
            return {}
    found: dict[str, Sequence[str]] = {}
    for analysis in declaring:
        assert analysis.files is not None
        try:
            found[analysis.name] = tuple(analysis.files(reader))
        except CrmwbError:
            found[analysis.name] = ()
    return found


def carry(carried: Carried, staging: Path) -> list[str]:
    """Bring a carried analysis's files into the new run folder ``staging``: hard links where
    the file system allows, copies otherwise. Returns the files brought (relative paths)."""
    brought = []
    for path in analysis_files(carried.source, carried.analysis):
        relative = path.relative_to(carried.source)
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)
        brought.append(relative.as_posix())
    return brought


def changed_since_planned(plan: ClientPlan, client_dir: Path) -> tuple[str, ...]:
    """The sheets (keys) read by an analysis the run executes whose values changed since the
    run was planned: the workbook was saved while the run read it (none when it cannot be read
    again: the next run reads it afresh)."""
    if plan.snapshot is None:
        return ()
    workbook = client_dir / WORKBOOK_NAME
    try:
        content = workbook.read_bytes()
        if hashlib.sha256(content).hexdigest() == plan.workbook_sha256:
            return ()  # the same bytes: nothing to read again
        now = read_snapshot(workbook, content)
    except Exception:  # gone, or half-saved
        return ()
    keys = dict.fromkeys(k for analysis in plan.execute for k in read_sheets(analysis))
    return tuple(k for k in keys if now.sheet_hash(k) != plan.snapshot.sheet_hash(k))
