"""Run the analyses' notebooks for many clients: parallel, isolated, atomic.

Every (client, analysis) pair is one job (:mod:`crmwb.run.job`): its inputs travel with it to a
worker process of this machine, or to a Dask cluster's worker (:mod:`crmwb.run.executors`),
which executes the notebook in a warm kernel (:mod:`crmwb.run.kernels`) and renders its HTML and
PDF there; this process publishes the files that come back, as each job finishes.

* A failing notebook does not stop the others; its executed notebook (with papermill's error
  cell) is kept, and the result names the client, the analysis and the error.
* Only what changed since the client's latest run is executed; the rest is carried forward
  (:mod:`crmwb.run.incremental`).
* A client's outputs are written in ``reports/<slug>/.<run-id>.partial/`` and renamed to
  ``reports/<slug>/<run-id>/`` only when every analysis succeeded; then ``reports/<slug>/latest``
  points to it. A run with a failure is kept as ``<run-id>-failed/`` and never replaces
  ``latest`` (:mod:`crmwb.run.folders`).
* Jupyter, IPython and Matplotlib write their runtime files under ``reports/.runtime/``, not in
  the home folder.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from crmwb.core.errors import CrmwbError, UsageError, msg
from crmwb.core.i18n import DEFAULT_LANG, Lang, t
from crmwb.core.workspace import WORKBOOK_NAME
from crmwb.core.workspace import reports_dir as workspace_reports
from crmwb.deliver.report import ReportInfo, package_versions, sha256, write_manifest
from crmwb.mission.prune import prune_failed
from crmwb.mission.runs import RunRecord, last_marked, latest_run, read_marks
from crmwb.run.clients import check_slug
from crmwb.run.executors import Executor, cluster, local_executor
from crmwb.run.fingerprint import read_sheets
from crmwb.run.folders import (
    clean_stale,
    client_lock,
    folder_error,
    new_run_id,
    point_latest,
    prepare_runtime,
    reserve_run_id,
)
from crmwb.run.incremental import (
    Carried,
    ClientPlan,
    analysis_files,
    carry,
    changed_since_planned,
    plan_client,
)
from crmwb.run.job import JobInput, JobOutput, JobResult, first_line, job_input, publish
from crmwb.workbook.analyses import Analysis, declared_analyses
from crmwb.workbook.snapshot import SNAPSHOT, Snapshot

if TYPE_CHECKING:
    from crmwb.changes.deliverable import Comparison
    from crmwb.deliver.pack import PackEntry
    from crmwb.workbook.about import About
    from crmwb.workbook.reader import HiddenRows, WorkbookReader

PARAMETERS = ("client_dir", "lang", "output_dir")
"""What the runner injects into every notebook (each notebook's parameters cell has them)."""


ANALYSES: dict[str, Analysis] = declared_analyses()
"""The analyses the runner knows, by name, in a run's order: those each capability declares in
its ``analysis`` module (:mod:`crmwb.workbook.capabilities`)."""


@dataclass
class ClientRun:
    """One client's run: where it went and how each analysis did."""

    slug: str
    run_id: str
    folder: Path | None = None
    results: list[JobResult] = field(default_factory=list)
    planned: tuple[str, ...] = ()
    """Every analysis the run was to report on: it is published only when each has."""
    interrupted: bool = False
    hidden_rows: tuple[HiddenRows, ...] = ()
    """Rows of the workbook Excel hides, read like the others: said in the summary."""
    outdated: bool = False
    """The workbook was made by an older template: ``crmwb upgrade`` brings it up to date."""
    template: int | None = None
    """The version of the template the workbook was made by (None: not read): the summary
    says what changed in each later one."""
    unchanged: bool = False
    """Nothing changed since the client's latest run: no new run was made (``run_id`` and
    ``folder`` are the latest run's)."""
    changed_during_run: tuple[str, ...] = ()
    """Sheets of the workbook that changed while the run read it (their analyses are out of
    date: the next run executes them again)."""

    @property
    def ok(self) -> bool:
        if self.unchanged:
            return True
        reported = {r.analysis for r in self.results}
        return (
            bool(self.results)
            and not self.interrupted
            and reported >= set(self.planned)
            and all(r.ok or r.skipped for r in self.results)
        )

    @property
    def status(self) -> str:
        """« ok », « interrupted » or « failed »: what the run folder's name and manifest say."""
        return "ok" if self.ok else "interrupted" if self.interrupted else "failed"


@dataclass(frozen=True)
class _Job:
    client_dir: Path
    slug: str
    analysis: Analysis
    staging: Path


@dataclass(frozen=True)
class _ClientInfo:
    """What the reports' page margins say about a client (None when its About sheet is
    unreadable: its notebooks then fail with the same error, naming the cell)."""

    client: str
    lang: Lang
    date: dt.date
    consultant: str = ""
    about: About | None = None

    def report(self, analysis: Analysis) -> ReportInfo:
        title = t(analysis.title_key, self.lang)
        return ReportInfo(client=self.client, title=title, lang=self.lang, date=self.date)


def _report_info(
    client_dir: Path, lang: Lang | None, reader: WorkbookReader | None = None
) -> _ClientInfo | None:
    from crmwb.run.clients import load_client
    from crmwb.workbook.about import read_about

    try:
        about = read_about(reader) if reader is not None else load_client(client_dir).about
    except CrmwbError:
        return None
    return _ClientInfo(
        about.client_name,
        lang or about.language,
        about.date or dt.date.today(),
        about.consultant,
        about,
    )


def select_analyses(names: Sequence[str] | None) -> list[Analysis]:
    """The analyses named (all when None), or UsageError naming the known ones."""
    if not names:
        return list(ANALYSES.values())
    unknown = [n for n in names if n not in ANALYSES]
    if unknown:
        raise UsageError(
            msg("run.err.analyses_among", names=", ".join(ANALYSES)),
            found=", ".join(repr(n) for n in unknown),
        )
    return [ANALYSES[n] for n in dict.fromkeys(names)]


def run(
    client_dirs: Sequence[Path],
    analyses: Sequence[Analysis],
    *,
    jobs: int | None = None,
    lang: Lang | None = None,
    reports_dir: Path | None = None,
    progress: Callable[[JobResult], None] | None = None,
    run_id: str | None = None,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
    on_interrupt: Callable[[], None] | None = None,
    force: bool = False,
    on_start: Callable[[int], None] | None = None,
    scheduler: str | None = None,
) -> list[ClientRun]:
    """Run ``analyses`` for every client folder; returns one :class:`ClientRun` per client.
    The deliverables go to ``reports_dir`` (the workspace's reports folder by default).

    Incremental: an analysis is executed only when its fingerprint changed since the client's
    latest run (or ``force``); the others are carried into the new run folder, as are the
    analyses ``analyses`` leaves out, so the pack never shrinks (:mod:`crmwb.run.incremental`).
    A client with nothing to execute gets no new run (:attr:`ClientRun.unchanged`).
    ``on_start`` is told how many notebooks will be executed, once that is known.

    One run per client at a time: each client's reports folder is locked for the run (another
    run of it waits, calling ``on_wait(slug)`` first, or with ``wait=False`` raises
    :class:`~crmwb.core.errors.CrmwbError`). ``jobs`` worker processes execute the notebooks
    (the machine's cores by default), or the Dask cluster whose scheduler is named
    (``scheduler``, else ``CRMWB_SCHEDULER``; see :mod:`crmwb.run.executors`).

    A first Ctrl-C (KeyboardInterrupt) stops scheduling, cancels what is queued, stops the
    running kernels and keeps each client's run as ``<run-id>-interrupted`` (``latest`` is never
    moved; ``on_interrupt`` is told first); the runs are returned with ``interrupted`` set. A
    second Ctrl-C while that is done propagates at once, still without touching ``latest``."""
    reports_dir = (reports_dir or workspace_reports()).resolve()
    client_dirs = [c.resolve() for c in client_dirs]
    run_id = run_id or new_run_id()
    workers = jobs or os.cpu_count() or 1
    slugs = {c: check_slug(c.name) for c in client_dirs}
    with ExitStack() as locks:
        try:
            reports_dir.mkdir(parents=True, exist_ok=True)
            prepare_runtime(reports_dir)
            for slug in sorted(set(slugs.values())):  # always the same order: no deadlock
                locks.enter_context(client_lock(reports_dir / slug, wait=wait, on_wait=on_wait))
        except OSError as exc:
            raise folder_error(exc, reports_dir) from None
        remote = cluster(scheduler)  # connected first: a scheduler that does not answer is
        settings = _Settings(workers, lang, reports_dir, run_id, force, remote)  # said at once
        try:
            return _run_locked(
                client_dirs, slugs, analyses, settings, progress, on_interrupt, on_start
            )
        finally:
            if remote is not None:
                remote.close()


@dataclass(frozen=True)
class _Settings:
    workers: int
    lang: Lang | None
    reports_dir: Path
    run_id: str
    force: bool
    cluster: Executor | None = None
    """The Dask cluster the jobs go to (None: this machine's workers)."""
    about: dict[Path, _ClientInfo | None] = field(default_factory=dict, compare=False)
    """Each client's About sheet as read when the run was planned (read once a run)."""

    def client_info(self, client_dir: Path) -> _ClientInfo | None:
        if client_dir not in self.about:
            self.about[client_dir] = _report_info(client_dir, self.lang)
        return self.about[client_dir]


def _unchanged_run(slug: str, plan: ClientPlan) -> ClientRun:
    """The client's latest run, said as this run's result: nothing changed since."""
    assert plan.previous is not None
    client_run = ClientRun(slug, plan.previous.run_id, plan.previous.folder, unchanged=True)
    client_run.results = [_carried_result(slug, c) for c in plan.carry]
    return client_run


def _carried_result(slug: str, carried: Carried) -> JobResult:
    entry = carried.entry
    return JobResult(
        slug,
        carried.analysis.name,
        ok=entry.get("status") == "ok",
        skipped=entry.get("status") == "skipped",
        outputs=list(entry.get("outputs") or []),
        carried_from=carried.run_id,
        produced=carried.produced,
        out_of_date=carried.out_of_date,
    )


def _run_locked(
    client_dirs: Sequence[Path],
    slugs: Mapping[Path, str],
    analyses: Sequence[Analysis],
    settings: _Settings,
    progress: Callable[[JobResult], None] | None,
    on_interrupt: Callable[[], None] | None,
    on_start: Callable[[int], None] | None,
) -> list[ClientRun]:
    lang, reports_dir = settings.lang, settings.reports_dir
    runs: dict[str, ClientRun] = {}
    plans: dict[str, ClientPlan] = {}
    pending: list[_Job] = []
    started = {}
    every = list(ANALYSES.values())
    for client_dir in client_dirs:
        slug = slugs[client_dir]
        client_reports = reports_dir / slug
        try:  # read once for every question below (None: each says what it can)
            reader: WorkbookReader | None = _open(client_dir)
        except CrmwbError:
            reader = None
        settings.about[client_dir] = _report_info(client_dir, lang, reader) if reader else None
        try:
            clean_stale(client_reports)
            plan = plans[slug] = plan_client(
                client_dir,
                client_reports,
                analyses,
                every,
                lang=lang,
                force=settings.force,
                reader=reader,
            )
            if not plan.changed and plan.previous is not None:
                runs[slug] = _unchanged_run(slug, plan)
                continue
            reserved = reserve_run_id(client_reports, settings.run_id)
            staging = client_reports / f".{reserved}.partial"
            if plan.snapshot is not None:
                plan.snapshot.save(staging)
            carried = [_carried_result(slug, c) for c in plan.carry]
            for c, result in zip(plan.carry, carried, strict=True):
                result.outputs = carry(c, staging)
        except OSError as exc:
            raise folder_error(exc, client_reports) from None
        names = {a.name for a in plan.execute} | {c.analysis.name for c in plan.carry}
        client_run = runs[slug] = ClientRun(
            slug,
            reserved,
            planned=tuple(a.name for a in every if a.name in names),
            hidden_rows=hidden_rows_of(client_dir, reader) if reader is not None else (),
            outdated=outdated(client_dir, reader),
            template=template_of(reader),
        )
        client_run.results.extend(carried)
        started[slug] = dt.datetime.now().isoformat(timespec="seconds")
        for analysis in plan.execute:
            if reader is None or applies_to(analysis, client_dir, reader):
                pending.append(_Job(client_dir, slug, analysis, staging))
            else:
                skipped = JobResult(slug, analysis.name, skipped=True)
                skipped.why = plan.why.get(analysis.name, [])
                client_run.results.append(skipped)
                if progress:
                    progress(skipped)
    if on_start is not None:
        on_start(len(pending))
    by_slug = {slugs[c]: c for c in client_dirs}

    def publish_client(slug: str) -> None:
        client_run, client_dir = runs[slug], by_slug[slug]
        try:
            _note_changes_during_run(client_run, plans[slug], client_dir)
            _finish(client_run, reports_dir, client_dir, started[slug], settings, plans[slug])
        except OSError as exc:  # a full disk, a drive gone read-only...
            _keep_as_failed(client_run, reports_dir / slug, exc, _language(client_dir, lang))

    # A client is published (its pack laid out, its folder renamed) as soon as each of its
    # analyses has reported, on a thread of its own, while the workers go on with the others.
    finishing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmwb-publish")
    published: dict[str, Future[None]] = {}

    def publish_when_complete(slug: str) -> None:
        client_run = runs[slug]
        reported = {r.analysis for r in client_run.results}
        if (
            slug not in published
            and not client_run.unchanged
            and reported >= set(client_run.planned)
        ):
            published[slug] = finishing.submit(publish_client, slug)

    runner: Executor | None = None
    stopping = False
    try:
        for slug in runs:
            publish_when_complete(slug)
        inputs = _job_inputs(pending, plans, settings)
        if pending:
            runner = settings.cluster or local_executor(settings.workers, len(pending))
        if runner is not None:
            for index, output in runner.results(inputs):
                job = pending[index]
                result = _published(output, job, lang)
                result.why = plans[job.slug].why.get(job.analysis.name, [])
                runs[result.client].results.append(result)
                if progress:
                    progress(result)
                publish_when_complete(job.slug)
    except KeyboardInterrupt:
        # Stop scheduling, cancel what is queued, stop the workers and their kernels, and wait
        # for them. A second Ctrl-C while this is done goes straight up: the runs stay
        # ".partial", cleaned at the next run. A client already complete is published.
        stopping = True
        if on_interrupt is not None:
            on_interrupt()
        if runner is not None:
            runner.interrupt(KERNEL_STOP_SECONDS)
        for slug, client_run in runs.items():
            if client_run.unchanged or slug in published:
                continue
            client_run.interrupted = True
            reported = {r.analysis for r in client_run.results}
            client_run.results.extend(
                JobResult(client_run.slug, name, interrupted=True)
                for name in client_run.planned
                if name not in reported
            )
    finally:
        if runner is not None and runner is not settings.cluster:
            runner.close(wait=not stopping)
    # Every client's folder is published (or kept as failed or interrupted): no half-written
    # ".partial" folder is left behind.
    for slug, client_run in runs.items():
        if not client_run.unchanged and slug not in published:
            published[slug] = finishing.submit(publish_client, slug)
    for future in published.values():
        future.result()
    finishing.shutdown()
    return list(runs.values())


def _keep_as_failed(client_run: ClientRun, client_reports: Path, exc: OSError, lang: Lang) -> None:
    """What a run could not finish writing is kept as ``<run-id>-failed`` (a rename needs no
    space), the error said in words; ``latest`` is left as it was."""
    client_run.results.append(
        JobResult(
            client_run.slug,
            "manifest",
            error_type=type(exc).__name__,
            error=folder_error(exc, client_reports).message(lang),
        )
    )
    staging = client_reports / f".{client_run.run_id}.partial"
    failed = client_reports / f"{client_run.run_id}-failed"
    if staging.is_dir():
        with suppress(OSError):
            staging.rename(failed)
    client_run.folder = failed if failed.is_dir() else None


def _language(client_dir: Path, lang: Lang | None) -> Lang:
    info = _report_info(client_dir, lang)
    return info.lang if info is not None else lang or DEFAULT_LANG


KERNEL_STOP_SECONDS = 30.0
"""How long an interrupted run waits for its workers once their kernels are stopped."""


def applies_to(analysis: Analysis, client_dir: Path, reader: WorkbookReader | None = None) -> bool:
    """Whether to run ``analysis`` for the client (an unreadable workbook: yes, so that the
    notebook reports the error where it is). ``reader``: the client's workbook, already open."""
    if analysis.applies is None:
        return True
    try:
        return analysis.applies(reader or _open(client_dir))
    except CrmwbError:
        return True


def _open(client_dir: Path) -> WorkbookReader:
    from crmwb.workbook.reader import read_workbook

    return read_workbook(client_dir / WORKBOOK_NAME)


def outdated(client_dir: Path, reader: WorkbookReader | None = None) -> bool:
    """Whether the client's workbook was made by an older template (False when it cannot be
    read: its notebooks then report why)."""
    from crmwb.workbook.upgrade import needs_upgrade

    try:
        return bool(needs_upgrade(client_dir / WORKBOOK_NAME, reader))
    except CrmwbError:
        return False


def template_of(reader: WorkbookReader | None) -> int | None:
    """The version of the template the open workbook was made by (None: no workbook read)."""
    from crmwb.workbook.template import template_version

    return template_version(reader.book) if reader is not None else None


def hidden_rows_of(
    client_dir: Path, reader: WorkbookReader | None = None
) -> tuple[HiddenRows, ...]:
    """The rows of the client's workbook Excel hides (none when it cannot be read: its
    notebooks then report why)."""
    try:
        return (reader or _open(client_dir)).hidden_rows()
    except CrmwbError:
        return ()


def _note_changes_during_run(client_run: ClientRun, plan: ClientPlan, client_dir: Path) -> None:
    """The executed analyses that read a sheet changed while the run read the workbook are
    marked out of date (their fingerprint is the one taken before: the next run executes them
    again)."""
    moved = set(changed_since_planned(plan, client_dir))
    if not moved:
        return
    client_run.changed_during_run = tuple(sorted(moved))
    for result in client_run.results:
        if not result.carried and moved & set(read_sheets(ANALYSES[result.analysis])):
            result.out_of_date = True


def _manifest_entry(
    result: JobResult, run_id: str, finished: str, plan: ClientPlan
) -> dict[str, object]:
    """An analysis's entry in the manifest: how it went, whether it was executed in this run or
    carried from an earlier one (which, and when it ran), the fingerprint of the inputs its
    outputs were made from (a carried one's, that of the run that made them) and its files."""
    carried = next((c for c in plan.carry if c.analysis.name == result.analysis), None)
    if result.carried and carried is not None:
        return {
            **carried.entry,
            "mode": "carried",
            "out_of_date": result.out_of_date,
            "why": [],
            "timings_s": {},
            "cpu_s": {},
            "outputs": result.outputs,
        }
    fingerprint = plan.fingerprints.get(result.analysis)
    return {
        "status": result.status,
        "mode": "carried" if result.carried else "executed",
        "run_id": result.carried_from or run_id,
        "produced": result.produced or finished,
        "out_of_date": result.out_of_date,
        "why": result.why,
        "fingerprint": fingerprint.value if fingerprint is not None else None,
        "fingerprint_parts": dict(fingerprint.parts) if fingerprint is not None else None,
        "error": result.error or None,
        "error_type": result.error_type or None,
        "problems": result.problems,
        "timings_s": {k: round(v, 3) for k, v in result.timings.items()},
        "cpu_s": {k: round(v, 3) for k, v in result.cpu.items()},
        "outputs": result.outputs,
    }


def _finish(
    client_run: ClientRun,
    reports_dir: Path,
    client_dir: Path,
    started: str,
    settings: _Settings,
    plan: ClientPlan,
) -> None:
    """Write the manifest, then publish the run folder atomically (and ``latest`` if all ok)."""
    client_reports = reports_dir / client_run.slug
    staging = client_reports / f".{client_run.run_id}.partial"
    order = {name: i for i, name in enumerate(ANALYSES)}
    client_run.results.sort(key=lambda r: order.get(r.analysis, 0))
    for result in client_run.results:
        if result.ok and not result.carried and result.analysis in ANALYSES:
            found = analysis_files(staging, ANALYSES[result.analysis])
            result.outputs = [p.relative_to(staging).as_posix() for p in found]
    workbook = client_dir / WORKBOOK_NAME
    finished = dt.datetime.now().isoformat(timespec="seconds")
    previous = plan.previous
    manifest: dict[str, object] = {
        "run_id": client_run.run_id,
        "client": client_run.slug,
        "status": client_run.status,
        "started": started,
        "finished": finished,
        "previous_run": previous.run_id if previous is not None else None,
        "inputs": {"workbook.xlsx": sha256(workbook) if workbook.is_file() else None},
        "snapshot": SNAPSHOT if plan.snapshot is not None else None,
        "changed_during_run": list(client_run.changed_during_run),
        "parameters": {
            "lang": settings.lang,
            "analyses": [a.name for a in plan.execute],
            "force": settings.force,
        },
        "hidden_rows": [
            {"sheet": h.sheet, "rows": list(h.rows), "filtered": h.filtered}
            for h in client_run.hidden_rows
        ],
        "packages": package_versions(),
        "analyses": {
            r.analysis: _manifest_entry(r, client_run.run_id, finished, plan)
            for r in client_run.results
        },
    }
    changes = comparison = None
    if not client_run.interrupted and client_run.ok:
        changes, comparison, manifest["changes"] = _write_changes(
            client_run,
            staging,
            client_reports,
            manifest,
            settings.client_info(client_dir),
            settings.lang,
        )
    manifest["deck"] = (
        {"status": "skipped"}
        if client_run.interrupted
        else _write_deck(client_run, staging, settings.client_info(client_dir), comparison)
    )
    manifest["pack"] = (
        {"status": "skipped"}
        if client_run.interrupted
        else _write_pack(client_run, staging, settings.client_info(client_dir), changes)
    )
    from crmwb.customer_file.sheets import CONFIDENTIAL_DIR

    manifest["confidential"] = sorted(
        path.relative_to(staging).as_posix()
        for path in (staging / CONFIDENTIAL_DIR).rglob("*")
        if path.is_file()
    )
    manifest["status"] = client_run.status  # the pack or the changes may have failed it
    write_manifest(staging / "manifest.json", manifest)
    end = "" if client_run.ok else f"-{client_run.status}"
    final = client_reports / f"{client_run.run_id}{end}"
    staging.rename(final)
    client_run.folder = final
    if client_run.ok:
        point_latest(client_reports, final.name)
    prune_failed(client_reports)  # the last failed and the last interrupted run are kept


def _write_changes(
    client_run: ClientRun,
    staging: Path,
    client_reports: Path,
    manifest: dict[str, object],
    info: _ClientInfo | None,
    lang: Lang | None,
) -> tuple[PackEntry | None, Comparison | None, dict[str, object]]:
    """What changed since the last steering committee (the latest run marked for one), else
    since the client's latest run: ``changes.html``, ``.pdf`` and ``.xlsx`` in the run folder
    and its summary for the pack (and the comparison, for the deck); nothing for a client's
    first run. A deliverable that cannot be made fails the run, as a report would."""
    from crmwb.changes.deliverable import (
        CHANGES_HTML,
        compare,
        cover_of,
        pack_summary,
        run_side,
        title,
        write_changes,
    )
    from crmwb.deliver.pack import SUMMARIES, PackEntry

    marks = read_marks(client_reports)
    previous = last_marked(client_reports) or latest_run(client_reports)
    if previous is None:
        return None, None, {"status": "skipped"}
    started = time.perf_counter()
    try:
        current = RunRecord(client_run.run_id, staging, "ok", manifest)
        comparison = compare(
            run_side(previous, Snapshot.load(previous.folder), marks),
            run_side(current, Snapshot.load(staging), marks),
        )
        cover = cover_of(comparison, client_run.slug, info.lang if info else lang)
        files = write_changes(staging, comparison, cover)
        (staging / SUMMARIES).mkdir(exist_ok=True)
        summary = pack_summary(comparison, cover.lang)
        (staging / SUMMARIES / CHANGES_HTML).write_text(summary, encoding="utf-8")
    except Exception as exc:  # a deliverable: its failure fails the run
        client_run.results.append(
            JobResult(client_run.slug, "changes", error_type=type(exc).__name__, error=str(exc))
        )
        return None, None, {"status": "failed", "error": first_line(str(exc))}
    entry = PackEntry("changes", title(comparison, cover.lang), "ok", kind="changes")
    return (
        entry,
        comparison,
        {
            "status": "ok",
            "since": previous.run_id,
            "outputs": files,
            "seconds": round(time.perf_counter() - started, 3),
        },
    )


def _write_deck(
    client_run: ClientRun,
    staging: Path,
    info: _ClientInfo | None,
    comparison: Comparison | None,
) -> dict[str, object]:
    """The steering-committee deck (``deck.pptx``) in the run folder, from the run's results;
    its status for the manifest. A deck that cannot be made fails the run, as a report
    would."""
    from crmwb.deck.files import deck_cover, write_run_deck

    if info is None or info.about is None or not any(r.ok for r in client_run.results):
        return {"status": "skipped"}
    started = time.perf_counter()
    try:
        write_run_deck(staging, deck_cover(info.about, info.lang), comparison)
    except Exception as exc:  # a deliverable: its failure fails the run
        client_run.results.append(
            JobResult(client_run.slug, "deck", error_type=type(exc).__name__, error=str(exc))
        )
        return {"status": "failed", "error": first_line(str(exc))}
    return {"status": "ok", "seconds": round(time.perf_counter() - started, 3)}


def _write_pack(
    client_run: ClientRun,
    staging: Path,
    info: _ClientInfo | None,
    changes: PackEntry | None = None,
) -> dict[str, object]:
    """The client's deliverable pack (index.html, pack.pdf) in the run folder; its status for
    the manifest. A pack that cannot be made fails the run, as a report would."""
    from crmwb.deliver.pack import PackCover, PackEntry, write_pack

    if info is None or not any(r.ok for r in client_run.results):
        return {"status": "skipped"}
    titles = {a.name: t(a.title_key, info.lang) for a in ANALYSES.values()}
    entries = [
        PackEntry(
            r.analysis,
            titles.get(r.analysis, r.analysis),
            "skipped" if r.skipped else "ok" if r.ok else "failed",
            ANALYSES[r.analysis].skip_reason(info.lang) if r.skipped else r.error,
            carried_from=_produced_date(r) if r.carried else None,
            out_of_date=r.out_of_date,
        )
        for r in client_run.results
        if r.analysis in ANALYSES
    ]
    if changes is not None:
        entries.insert(0, changes)
    started = time.perf_counter()
    try:
        write_pack(staging, PackCover(info.client, info.lang, info.date, info.consultant), entries)
    except Exception as exc:  # the pack is a deliverable: its failure fails the run
        client_run.results.append(
            JobResult(client_run.slug, "pack", error_type=type(exc).__name__, error=str(exc))
        )
        return {"status": "failed", "error": first_line(str(exc))}
    return {"status": "ok", "seconds": round(time.perf_counter() - started, 3)}


def _produced_date(result: JobResult) -> dt.date | None:
    """The day a carried analysis's outputs were made."""
    try:
        return dt.datetime.fromisoformat(result.produced).date()
    except ValueError:
        return None


def _job_inputs(
    pending: Sequence[_Job], plans: Mapping[str, ClientPlan], settings: _Settings
) -> list[JobInput]:
    """What each job carries: the client's workbook as read now (once per client), the files
    beside it the analysis reads, and what its report's margins say."""
    workbooks: dict[Path, bytes | None] = {}
    inputs = []
    for job in pending:
        if job.client_dir not in workbooks:
            try:
                workbooks[job.client_dir] = (job.client_dir / WORKBOOK_NAME).read_bytes()
            except OSError:  # missing or unreadable: the notebook says so, naming the file
                workbooks[job.client_dir] = None
        info = settings.client_info(job.client_dir)
        inputs.append(
            job_input(
                job.client_dir,
                job.slug,
                job.analysis,
                settings.lang,
                workbooks[job.client_dir],
                plans[job.slug].files.get(job.analysis.name, ()),
                info.report(job.analysis) if info is not None else None,
                job.staging.name.removeprefix(".").removesuffix(".partial"),
            )
        )
    return inputs


def _published(output: JobOutput, job: _Job, lang: Lang | None) -> JobResult:
    """The job's result once its files are in the run's staging folder (a file-system error,
    there or in the worker, said in words)."""
    result = output.result
    try:
        result.outputs = publish(output, job.staging)
    except OSError as exc:
        result.ok = False
        result.error_type = type(exc).__name__
        result.os_error = (exc.errno or 0, exc.strerror or str(exc))
    if result.os_error is not None:
        error = OSError(*result.os_error)
        result.error = folder_error(error, job.staging).message(_language(job.client_dir, lang))
    return result
