"""Marking a run as presented to a steering committee (« CoPil 2 »), or taking the mark off: the
run named by its id (or its folder's name), by default the one ``latest`` designates. The marks
are written atomically (:func:`crmwb.mission.runs.add_mark`); a marked run is never pruned."""

from __future__ import annotations

from pathlib import Path

from crmwb.core.errors import Quoted, UsageError, msg
from crmwb.mission.runs import (
    RunRecord,
    add_mark,
    client_runs,
    find_run,
    latest_run,
    read_marks,
    remove_mark,
)


def choose_run(client_reports: Path, run: str | None) -> RunRecord:
    """The run ``run`` of the client (None: the one ``latest`` designates), or UsageError naming
    the client's runs."""
    record = latest_run(client_reports) if run is None else find_run(client_reports, run)
    if record is not None:
        return record
    known = [r.folder.name for r in client_runs(client_reports)]
    client = client_reports.name
    raise UsageError(
        msg("mission.err.run_among", client=client, runs=", ".join(known))
        if known
        else msg("mission.err.a_run", client=client),
        found=Quoted(run) if run is not None else msg("mission.err.found.no_latest"),
        hint=None if known else msg("mission.err.hint.run_first", client=client),
    )


def mark(client_reports: Path, run: str | None, label: str) -> RunRecord:
    """Mark the run as presented to the committee ``label``; the run marked."""
    label = label.strip()
    if not label:
        raise UsageError(msg("mission.err.label"), found=msg("mission.err.found.blank"))
    record = choose_run(client_reports, run)
    add_mark(client_reports, record.run_id, label)
    return record


def unmark(client_reports: Path, run: str | None, label: str) -> RunRecord:
    """Take the committee mark ``label`` off the run, or UsageError naming its marks."""
    record = choose_run(client_reports, run)
    if not remove_mark(client_reports, record.run_id, label.strip()):
        marks = read_marks(client_reports).get(record.run_id, [])
        raise UsageError(
            msg("mission.err.mark_among", run=record.run_id, marks=tuple(map(Quoted, marks)))
            if marks
            else msg("mission.err.a_mark", run=record.run_id),
            found=Quoted(label),
        )
    return record
