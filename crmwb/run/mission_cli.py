"""The commands of a mission's history: ``crmwb diff`` (what changed between two runs),
``crmwb history``, ``crmwb mark`` and ``crmwb prune``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from crmwb.core.errors import CrmwbError, UsageError, msg
from crmwb.core.i18n import quoted, t, user_language
from crmwb.run.cli_support import (
    EXIT_FAILED,
    EXIT_OK,
    clients_dir_of,
    reports_dir_of,
    resolve_clients,
    say,
)

# --- crmwb diff ------------------------------------------------------------------------------


def add_diff_arguments(diff: argparse.ArgumentParser) -> None:
    """``crmwb diff CLIENT [--from RUN] [--to RUN] [--output DIR] [--reports-dir DIR]``."""
    diff.add_argument("client", metavar="CLIENT", help=say("changes.help.client"))
    diff.add_argument("--from", dest="from_run", metavar="RUN", help=say("changes.help.from"))
    diff.add_argument("--to", dest="to_run", metavar="RUN", help=say("changes.help.to"))
    diff.add_argument("--output", type=Path, default=None, help=say("changes.help.output"))
    diff.add_argument("--reports-dir", type=Path, default=None, help=say("cli.help.reports_dir"))


def diff_command(args: argparse.Namespace) -> int:
    """What changed between two runs of a client, printed in the workbook's language and
    written as a deliverable (default: ``changes-since-<FROM>/`` in the later run's folder)."""
    from crmwb.changes.deliverable import (
        choose_runs,
        compare,
        cover_of,
        diff_text,
        run_side,
        write_changes,
    )
    from crmwb.core.errors import ClientError
    from crmwb.mission.runs import read_marks
    from crmwb.run.clients import check_slug
    from crmwb.workbook.snapshot import Snapshot

    try:
        slug = check_slug(args.client)
    except ClientError as exc:
        raise UsageError(exc.expected, found=exc.found) from None
    client_reports = reports_dir_of(args) / slug
    previous, current = choose_runs(client_reports, args.from_run, args.to_run)
    marks = read_marks(client_reports)
    comparison = compare(
        run_side(previous, Snapshot.load(previous.folder), marks),
        run_side(current, Snapshot.load(current.folder), marks),
    )
    cover = cover_of(comparison, slug)
    print(diff_text(comparison, cover))
    output = args.output or current.folder / f"changes-since-{previous.run_id}"
    files = write_changes(output, comparison, cover)
    print("\n" + t("changes.written", cover.lang, folder=output, files=", ".join(files)))
    return EXIT_OK


# --- the mission: history, committee marks, pruning ----------------------------------------


def add_mission_commands(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """The subcommands history, mark and prune (``add_parser``: the subparsers' own)."""
    history = add_parser("history", help=say("mission.help.history"))
    history.add_argument("client", metavar="CLIENT", help=say("mission.help.client"))
    history.add_argument("--reports-dir", type=Path, default=None, help=say("cli.help.reports_dir"))

    mark = add_parser("mark", help=say("mission.help.mark"))
    mark.add_argument("client", metavar="CLIENT", help=say("mission.help.client"))
    mark.add_argument(
        "words", nargs="+", metavar="[RUN] LABEL", help=say("mission.help.mark_words")
    )
    mark.add_argument("--remove", action="store_true", help=say("mission.help.remove"))
    mark.add_argument("--reports-dir", type=Path, default=None, help=say("cli.help.reports_dir"))

    prune = add_parser("prune", help=say("mission.help.prune"))
    prune.add_argument("client", nargs="?", metavar="CLIENT", help=say("mission.help.client"))
    prune.add_argument("--all", action="store_true", help=say("mission.help.all"))
    prune.add_argument(
        "--before", metavar="YYYY-MM-DD", type=_day, default=None, help=say("mission.help.before")
    )
    prune.add_argument("--personal-data", action="store_true", help=say("mission.help.personal"))
    prune.add_argument("--dry-run", action="store_true", help=say("mission.help.dry_run"))
    prune.add_argument("--yes", "-y", action="store_true", help=say("mission.help.yes"))
    prune.add_argument("--reports-dir", type=Path, default=None, help=say("cli.help.reports_dir"))


def _day(value: str) -> dt.date:
    """A date of --before, as ISO writes it (2026-12-05)."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(say("mission.err.day", found=value)) from None


def _client_reports(name: str, args: argparse.Namespace) -> Path:
    """The reports folder of the client ``name`` (its slug, or its folder's path)."""
    from crmwb.core.errors import ClientError
    from crmwb.run.clients import check_slug

    slug = Path(name).name if os.sep in name or "/" in name else name
    try:
        return reports_dir_of(args) / check_slug(slug)
    except ClientError as exc:
        raise UsageError(exc.expected, found=exc.found) from None


@contextmanager
def _locked(client_reports: Path) -> Iterator[None]:
    """The client's run lock held (waiting for a run under way), when it has a reports folder:
    no run writes there while its runs or files are removed."""
    from crmwb.run.folders import client_lock

    if not client_reports.is_dir():
        yield
        return

    def waiting(slug: str) -> None:
        print(say("run.waiting", client=slug), file=sys.stderr, flush=True)

    with client_lock(client_reports, on_wait=waiting):
        yield


def _history(args: argparse.Namespace) -> int:
    from crmwb.mission.history import history, history_text

    client_reports = _client_reports(args.client, args)
    lang = _workbook_language(clients_dir_of(args) / client_reports.name)
    print(history_text(client_reports.name, history(client_reports), lang))
    return EXIT_OK


def _workbook_language(folder: Path) -> str:
    """The language of the client's workbook (its figures' labels are in it), else the
    consultant's."""
    from crmwb.core.workspace import WORKBOOK_NAME
    from crmwb.workbook.reader import read_workbook

    try:
        return read_workbook(folder / WORKBOOK_NAME).lang
    except CrmwbError:  # no workbook, or one that cannot be read
        return user_language()


def _mark(args: argparse.Namespace) -> int:
    from crmwb.mission.marks import mark, unmark

    if len(args.words) > 2:
        raise UsageError(msg("mission.err.mark_words"), found=" ".join(args.words))
    run, label = (None, args.words[0]) if len(args.words) == 1 else args.words
    client_reports = _client_reports(args.client, args)
    if args.remove:
        record = unmark(client_reports, run, label)
        print(say("mission.unmarked", run=record.run_id, label=quoted(label, user_language())))
    else:
        record = mark(client_reports, run, label)
        print(say("mission.marked", run=record.run_id, label=quoted(label, user_language())))
    return EXIT_OK


def _prune(args: argparse.Namespace) -> int:
    if (args.client is None) == (not args.all):
        raise UsageError(msg("mission.err.client_or_all"), found=_prune_found(args))
    if (args.before is None) == (not args.personal_data):
        raise UsageError(msg("mission.err.before_or_personal"), found=_prune_found(args))
    if args.personal_data:
        if args.all:
            raise UsageError(msg("mission.err.personal_one"), found="--all")
        return _prune_personal(args)
    if args.all:
        reports_dir = reports_dir_of(args)
        folders = sorted(
            f
            for f in (reports_dir.iterdir() if reports_dir.is_dir() else ())
            if f.is_dir() and not f.is_symlink() and not f.name.startswith(".")
        )
    else:
        folders = [_client_reports(args.client, args)]
    for client_reports in folders:
        _prune_before(client_reports, args.before, dry_run=args.dry_run)
    return EXIT_OK


def _prune_found(args: argparse.Namespace) -> str:
    """The options of a prune used wrongly, as typed."""
    given = [args.client or "", "--all" if args.all else ""]
    given.append(f"--before {args.before.isoformat()}" if args.before else "")
    given.append("--personal-data" if args.personal_data else "")
    return " ".join(g for g in given if g) or say("mission.err.found.nothing")


def _prune_before(client_reports: Path, before: dt.date, *, dry_run: bool) -> None:
    from crmwb.core.i18n import date, number, tn
    from crmwb.mission.history import when
    from crmwb.mission.prune import folder_size, remove_run, runs_before, size_text
    from crmwb.mission.runs import client_runs, read_marks, started_at

    lang = user_language()
    client = client_reports.name
    with _locked(client_reports):
        doomed = runs_before(client_reports, before)
        gone = {r.folder for r in doomed}
        marks = read_marks(client_reports)
        for record in client_runs(client_reports):
            started = started_at(record)
            if record.folder in gone or started is None or started.date() >= before:
                continue
            if record.run_id in marks:
                why = ", ".join(quoted(label, lang) for label in marks[record.run_id])
            else:
                why = t("mission.latest", lang)
            print(t("mission.prune.kept", lang, run=f"{client}/{record.folder.name}", why=why))
        freed = 0
        for record in doomed:
            size = folder_size(record.folder)
            started = started_at(record)
            assert started is not None
            status = t(f"mission.status.{record.status}", lang)
            run = f"{client}/{record.folder.name}"
            values = {"run": run, "when": when(started, lang), "status": status}
            if dry_run:
                print(t("mission.prune.would_remove", lang, size=size_text(size, lang), **values))
            else:
                remove_run(record)
                print(t("mission.prune.removed", lang, size=size_text(size, lang), **values))
            freed += size
        n = len(doomed)
        if not n:
            print(t("mission.prune.none_before", lang, client=client, date=date(before, lang)))
            return
        key = "mission.prune.would_total" if dry_run else "mission.prune.total"
        count = number(n, lang)
        print(tn(key, n, lang, client=client, count=count, size=size_text(freed, lang)))


def _prune_personal(args: argparse.Namespace) -> int:
    from crmwb.core.i18n import number, tn
    from crmwb.mission.prune import personal_files, remove_files, size_text

    lang = user_language()
    (client_dir,) = resolve_clients([args.client], args)
    client_reports = _client_reports(client_dir.name, args)
    client = client_dir.name
    with _locked(client_reports):
        files = personal_files(client_dir, client_reports)
        if not files:
            print(t("mission.personal.none", lang, client=client))
            return EXIT_OK
        print(t("mission.personal.heading", lang, client=client))

        def shown(path: Path) -> Path:
            base = client_reports if path.is_relative_to(client_reports) else client_dir
            return path.relative_to(base)

        for file in files:
            kind = t(f"mission.personal.{file.kind}", lang)
            size = size_text(file.size, lang)
            print(t("mission.personal.file", lang, path=shown(file.path), kind=kind, size=size))
        n, total = len(files), size_text(sum(f.size for f in files), lang)
        if args.dry_run:
            print(tn("mission.personal.would_total", n, lang, count=number(n, lang), size=total))
            return EXIT_OK
        if not args.yes:
            print(tn("mission.personal.ask", n, lang, count=number(n, lang), size=total), end="")
            sys.stdout.flush()
            answer = sys.stdin.readline().strip().casefold()
            if answer not in {"y", "yes", "o", "oui"}:
                print(t("mission.personal.refused", lang))
                return EXIT_FAILED
        for file in files:
            remove_files([file])
            print(t("mission.personal.removed", lang, path=shown(file.path)))
        print(tn("mission.personal.total", n, lang, count=number(n, lang), size=total))
    return EXIT_OK


MISSION_COMMANDS = {"history": _history, "mark": _mark, "prune": _prune}
