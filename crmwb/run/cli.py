"""The ``crmwb`` command, in the consultant's language (``CRMWB_LANG``, else the system's).

    crmwb init FOLDER [--lang fr|en]
    crmwb new-client "Maison Dupont" [--lang fr|en]
    crmwb run [CLIENT ...] [--only tco,...] [--force] [--mark "CoPil 2"] [--jobs N] [--lang fr|en]
              [--scheduler tcp://HOST:8786]
    crmwb clients
    crmwb examples
    crmwb template [--check]
    crmwb audit-file CLIENT PATH [--clusters FILE.csv] [--lang fr|en] [--map ROLE=COLUMN ...]
                                 [--country XX]
    crmwb catalogs [--update | --init LANG]
    crmwb diff CLIENT [--from RUN] [--to RUN] [--output DIR] [--reports-dir DIR]
    crmwb history CLIENT
    crmwb mark CLIENT [RUN] "CoPil 2" [--remove]
    crmwb prune CLIENT|--all --before YYYY-MM-DD [--dry-run]
    crmwb prune CLIENT --personal-data [--yes] [--dry-run]

The mission's commands (diff, history, mark, prune) are in :mod:`crmwb.run.mission_cli`; what the
commands share (messages, folders, client folders) in :mod:`crmwb.run.cli_support`.

Clients and reports live in the workspace (crmwb.core.workspace: the nearest folder holding a
crmwb.toml, else CRMWB_HOME, else the repository checkout); --clients-dir and --reports-dir
override it.

Exit codes: 0 all went well, 1 some analyses failed, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from crmwb.core.errors import CrmwbError, UsageError, msg
from crmwb.core.i18n import LANGUAGES, check_lang, quoted, t, user_language
from crmwb.customer_file.sheets import has_customer_file, read_customer_file_settings
from crmwb.plan.sheets import has_plan
from crmwb.run.cli_support import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    clients_dir_of,
    reports_dir_of,
    resolve_clients,
    say,
)
from crmwb.run.deck_cli import add_deck_arguments, deck_command
from crmwb.run.mission_cli import (
    MISSION_COMMANDS,
    add_diff_arguments,
    add_mission_commands,
    diff_command,
)
from crmwb.run.processes import collect_garbage_for_batch_work

EXIT_INTERRUPTED = 130  # the shells' code for a run stopped by Ctrl-C (128 + SIGINT)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(say("cli.error", message=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from crmwb.run.batch import ANALYSES

    parser = _Parser(prog="crmwb", description=say("cli.description"))
    parser.add_argument("--clients-dir", type=Path, default=None, help=say("cli.help.clients_dir"))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help=say("cli.help.init"))
    init.add_argument("folder", metavar="FOLDER", type=Path, help=say("cli.help.init_folder"))
    init.add_argument("--lang", choices=LANGUAGES, default=None, help=say("cli.help.init_lang"))

    new = sub.add_parser("new-client", help=say("cli.help.new_client"))
    new.add_argument("name", help=say("cli.help.name"))
    new.add_argument("--lang", choices=LANGUAGES, default=None, help=say("cli.help.new_lang"))

    run = sub.add_parser("run", help=say("cli.help.run"))
    run.add_argument("clients", nargs="*", metavar="CLIENT", help=say("cli.help.run_clients"))
    run.add_argument("--only", default=None, help=say("cli.help.only", names=", ".join(ANALYSES)))
    run.add_argument("--jobs", "-j", type=int, default=None, help=say("cli.help.jobs"))
    run.add_argument("--no-wait", action="store_true", help=say("run.help.no_wait"))
    run.add_argument("--lang", type=_language, default=None, help=say("cli.help.run_lang"))
    run.add_argument("--reports-dir", type=Path, default=None, help=say("cli.help.reports_dir"))
    run.add_argument("--quiet", "-q", action="store_true", help=say("cli.help.quiet"))
    run.add_argument("--force", action="store_true", help=say("cli.help.force"))
    run.add_argument("--mark", metavar="COMMITTEE", default=None, help=say("cli.help.mark_run"))
    run.add_argument("--scheduler", metavar="ADDRESS", default=None, help=say("cli.help.scheduler"))

    check = sub.add_parser("check", help=say("cli.help.check_clients"))
    check.add_argument("clients", nargs="*", metavar="CLIENT", help=say("cli.help.run_clients"))

    upgrade = sub.add_parser("upgrade", help=say("cli.help.upgrade"))
    upgrade.add_argument("clients", nargs="*", metavar="CLIENT", help=say("cli.help.run_clients"))

    sub.add_parser("clients", help=say("cli.help.clients"))
    sub.add_parser("examples", help=say("cli.help.examples"))
    tpl = sub.add_parser("template", help=say("cli.help.template"))
    tpl.add_argument("--check", action="store_true", help=say("cli.help.check"))
    audit = sub.add_parser("audit-file", help=say("cli.help.audit"))
    audit.add_argument("client", metavar="CLIENT", help=say("cli.help.audit_client"))
    audit.add_argument("path", metavar="PATH", type=Path, help=say("cli.help.audit_path"))
    audit.add_argument("--clusters", type=Path, default=None, help=say("cli.help.clusters"))
    audit.add_argument("--lang", choices=LANGUAGES, default=None, help=say("cli.help.audit_lang"))
    audit.add_argument(
        "--map",
        metavar="ROLE=COLUMN",
        action="append",
        default=None,
        type=_role_column,
        help=say("cli.help.audit_map"),
    )
    audit.add_argument("--country", metavar="XX", default=None, help=say("cli.help.audit_country"))
    add_diff_arguments(sub.add_parser("diff", help=say("changes.help.diff")))
    add_deck_arguments(sub.add_parser("deck", help=say("deck.help.deck")))
    workshop = sub.add_parser("workshop", help=say("cli.help.workshop"))
    workshop.add_argument("client", metavar="CLIENT", help=say("cli.help.workshop_client"))
    workshop.add_argument(
        "workshop", choices=("journey", "weights"), help=say("cli.help.workshop_kind")
    )
    workshop.add_argument("--no-lab", action="store_true", help=say("cli.help.workshop_no_lab"))
    catalogs = sub.add_parser("catalogs", help=say("cli.help.catalogs"))
    what = catalogs.add_mutually_exclusive_group()
    what.add_argument("--update", action="store_true", help=say("cli.help.catalogs_update"))
    what.add_argument("--init", metavar="LANG", default=None, help=say("cli.help.catalogs_init"))
    add_mission_commands(sub.add_parser)
    return parser


def _role_column(value: str) -> tuple[str, str]:
    """A ``ROLE=COLUMN`` of --map: a role of the customer file and the column that holds it."""
    from crmwb.customer_file.mapping import CustomerRole

    role, equals, column = value.partition("=")
    roles = ", ".join(r.value for r in CustomerRole)
    if not equals or not column.strip() or role.strip() not in {r.value for r in CustomerRole}:
        raise argparse.ArgumentTypeError(say("cli.err.role_column", roles=roles, found=value))
    return role.strip(), column.strip()


def _language(value: str) -> str:
    """A language code for --lang: one crmwb speaks (or the pseudo-locale of the tests)."""
    try:
        return check_lang(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    collect_garbage_for_batch_work()
    args = build_parser().parse_args(argv)
    commands = {
        "init": _init,
        "new-client": _new_client,
        "run": _run,
        "check": _check,
        "upgrade": _upgrade,
        "clients": _clients,
        "examples": _examples,
        "template": _template,
        "audit-file": _audit_file,
        "catalogs": _catalogs,
        "diff": diff_command,
        "deck": deck_command,
        "workshop": _workshop,
        **MISSION_COMMANDS,
    }
    try:
        return commands[args.command](args)
    except UsageError as exc:
        print(say("cli.error", message=exc.message(user_language())), file=sys.stderr)
        return EXIT_USAGE
    except CrmwbError as exc:
        print(say("cli.failure", message=exc.message(exc.lang or user_language())), file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a folder that cannot be read or written, a full disk...
        from crmwb.run.folders import folder_error

        place = Path(exc.filename) if isinstance(exc.filename, str) else Path.cwd()
        print(
            say("cli.failure", message=folder_error(exc, place).message(user_language())),
            file=sys.stderr,
        )
        return EXIT_FAILED
    except KeyboardInterrupt:  # Ctrl-C in a command that has nothing to keep (audit-file...)
        print(say("cli.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        if not _interrupted_query(exc):
            raise
        print(say("cli.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED


def _interrupted_query(exc: Exception) -> bool:
    """Whether ``exc`` is a Ctrl-C that reached a DuckDB query: DuckDB turns the signal into an
    error of its own (« Query interrupted ») instead of KeyboardInterrupt."""
    return type(exc).__name__ == "InterruptException" or (
        isinstance(exc, RuntimeError) and str(exc).startswith("Query interrupted")
    )


def _init(args: argparse.Namespace) -> int:
    from crmwb.core.errors import WorkspaceError
    from crmwb.core.workspace import init_workspace

    folder: Path = args.folder
    try:
        made = init_workspace(folder, args.lang or user_language())
    except WorkspaceError as exc:
        raise UsageError(exc.expected, found=exc.found, hint=exc.hint) from None
    names = ", ".join(p.name + ("" if p.is_file() else "/") for p in made if p != folder)
    print(say("cli.init_done", folder=folder.resolve(), made=names))
    shown = f'"{folder}"' if " " in str(folder) else str(folder)  # as typed after cd
    print(say("cli.init_next", folder=shown))
    return EXIT_OK


def _new_client_lang(args: argparse.Namespace) -> str:
    """--lang, else the workspace's language for new clients, else French (a --clients-dir
    outside any workspace)."""
    from crmwb.core.i18n import DEFAULT_LANG
    from crmwb.core.workspace import find_workspace, workspace_or_none

    if args.lang:
        return str(args.lang)
    workspace = workspace_or_none() if args.clients_dir else find_workspace()
    return workspace.lang if workspace else DEFAULT_LANG


def _new_client(args: argparse.Namespace) -> int:
    from crmwb.core.errors import ClientError
    from crmwb.run.clients import new_client

    try:
        folder = new_client(args.name, _new_client_lang(args), clients_dir_of(args))
    except ClientError as exc:
        raise UsageError(exc.expected, found=exc.found, hint=exc.hint) from None
    print(say("cli.created", path=folder / "workbook.xlsx", slug=folder.name))
    return EXIT_OK


def _clients(args: argparse.Namespace) -> int:
    from crmwb.run.clients import client_dirs

    for folder in client_dirs(clients_dir_of(args)):
        print(folder.name)
    return EXIT_OK


def _examples(args: argparse.Namespace) -> int:
    from crmwb.run.clients import install_examples

    clients_dir = clients_dir_of(args)
    done = install_examples(clients_dir)
    for folder, action in done:
        key = "cli.example_copied" if action == "copied" else "cli.example_refreshed"
        print(say(key, name=folder.name, folder=clients_dir))
    if not done:
        print(say("cli.examples_present", folder=clients_dir))
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    """The blank templates, and in a checkout the README's sheet reference, from the code."""
    from crmwb.core.workspace import CHECKOUT
    from crmwb.workbook.reference import sheet_reference, write_reference
    from crmwb.workbook.template import check_templates, write_templates

    readme = CHECKOUT / "README.md" if CHECKOUT is not None else None
    if args.check:
        stale = check_templates()
        if readme is not None and sheet_reference() not in readme.read_text(encoding="utf-8"):
            stale.append(readme)
        for path in stale:
            print(say("cli.template_stale", path=path), file=sys.stderr)
        return EXIT_FAILED if stale else EXIT_OK
    for path in write_templates():
        print(say("cli.template_written", path=path))
    if readme is not None and write_reference(readme):
        print(say("cli.template_written", path=readme))
    return EXIT_OK


def _catalogs(args: argparse.Namespace) -> int:
    from crmwb.core import catalogs, i18n

    if args.init:
        for path in catalogs.init(args.init):
            print(say("cli.catalogs_started", path=path))
        return EXIT_OK
    if args.update:
        for change in catalogs.update():
            print(say("cli.catalogs_changed", change=change))
    problems = catalogs.problems()
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        languages = ", ".join(catalogs.languages())
        count = len(i18n.message_keys())
        print(say("cli.catalogs_whole", count=count, languages=languages))
    return EXIT_FAILED if problems else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    """Every problem of each client's workbook, in its language; nothing runs."""
    from crmwb.core.i18n import number, tn
    from crmwb.core.workspace import WORKBOOK_NAME
    from crmwb.workbook.check import check_workbook

    status = EXIT_OK
    for folder in resolve_clients(args.clients, args):
        found = check_workbook(folder / WORKBOOK_NAME)
        lang, n = found.lang, len(found.problems)
        if not n:
            print(t("check.ok", lang, client=folder.name))
            continue
        status = EXIT_FAILED
        print(tn("check.problems", n, lang, client=folder.name, count=number(n, lang)))
        for problem in found.problems:
            print(f"  - {problem.message(lang)}")
    return status


def _upgrade(args: argparse.Namespace) -> int:
    """Each client's workbook moved to the current template; what could not be, said."""
    from crmwb.core.errors import render
    from crmwb.core.i18n import number, tn
    from crmwb.core.workspace import WORKBOOK_NAME
    from crmwb.workbook.reader import read_workbook
    from crmwb.workbook.upgrade import needs_upgrade, upgrade_workbook

    for folder in resolve_clients(args.clients, args):
        workbook = folder / WORKBOOK_NAME
        lang = read_workbook(workbook).lang
        if not needs_upgrade(workbook):
            print(t("upgrade.current", lang, client=folder.name))
            continue
        done = upgrade_workbook(workbook)
        backup = done.backup.relative_to(folder) if done.backup else ""
        count = number(done.moved, lang)
        print(tn("upgrade.done", done.moved, lang, client=folder.name, count=count, backup=backup))
        for sheet in done.added_sheets:
            print(f"  - {t('upgrade.added', lang, sheet=sheet)}")
        for sheet in done.kept_sheets:
            print(f"  - {t('upgrade.kept', lang, sheet=sheet)}")
        for what in (*done.numbered, *done.not_moved):
            print(f"  - {render(what, lang)}")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from crmwb.core.errors import ClientError
    from crmwb.run import batch
    from crmwb.run.clients import check_slug
    from crmwb.run.job import JobResult
    from crmwb.run.summary import summary as run_summary

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(msg("cli.err.jobs"), found=str(args.jobs))
    analyses = batch.select_analyses(
        [n.strip() for n in args.only.split(",") if n.strip()] if args.only else None
    )
    folders = resolve_clients(args.clients, args)
    for folder in folders:
        try:
            check_slug(folder.name)
        except ClientError as exc:
            raise UsageError(exc.expected, found=exc.found) from None
    reports_dir = reports_dir_of(args)
    bar = None

    def starting(total: int) -> None:
        nonlocal bar
        if not args.quiet and total:
            from tqdm import tqdm

            bar = tqdm(total=total, unit=say("run.unit"), file=sys.stderr, desc=say("run.progress"))

    def progress(result: JobResult) -> None:
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(f"{result.client}/{result.analysis}")

    def waiting(slug: str) -> None:
        print(say("run.waiting", client=slug), file=sys.stderr, flush=True)

    interrupted = []

    def interrupting() -> None:
        interrupted.append(True)
        if bar is not None:
            bar.close()
        print(say("run.interrupting"), file=sys.stderr, flush=True)

    try:
        runs = batch.run(
            folders,
            analyses,
            jobs=args.jobs,
            lang=args.lang,
            reports_dir=reports_dir,
            progress=progress,
            wait=not args.no_wait,
            on_wait=waiting,
            on_interrupt=interrupting,
            force=args.force,
            on_start=starting,
            scheduler=args.scheduler,
        )
    except KeyboardInterrupt:
        # A second Ctrl-C (or one while waiting for another run): quit now, without waiting
        # for the worker threads, what the run started killed; `latest` has not been touched.
        from crmwb.run.executors import kill_children

        key = "run.interrupted_again" if interrupted else "run.interrupted"
        print(say(key), file=sys.stderr, flush=True)
        sys.stdout.flush()
        kill_children()
        os._exit(EXIT_INTERRUPTED)
    if bar is not None:
        bar.close()
    print(run_summary(runs, user_language()))
    if args.mark:
        _mark_runs(runs, reports_dir, args.mark.strip())
    if any(r.interrupted for r in runs):
        return EXIT_INTERRUPTED
    return EXIT_OK if all(r.ok for r in runs) else EXIT_FAILED


def _mark_runs(runs: Sequence[object], reports_dir: Path, label: str) -> None:
    """Mark each client's complete run (the new one, or the latest when nothing changed) as
    presented to the committee ``label``; a run that failed is not marked."""
    from crmwb.mission.runs import add_mark
    from crmwb.run.batch import ClientRun

    for client_run in runs:
        assert isinstance(client_run, ClientRun)
        if not client_run.ok or client_run.folder is None:
            print(say("run.not_marked", client=client_run.slug, mark=label), file=sys.stderr)
            continue
        add_mark(reports_dir / client_run.slug, client_run.run_id, label)
        print(say("run.marked", client=client_run.slug, run=client_run.run_id, mark=label))


def _workshop(args: argparse.Namespace) -> int:
    """A fresh working copy of the workshop's notebook in the client's folder, then JupyterLab
    on it (unless --no-lab): the consultant types and saves there, never in the notebooks
    shipped with crmwb."""
    import subprocess

    from crmwb.run.clients import load_client
    from crmwb.workshop.notebooks import lab_command, working_copy

    (folder,) = resolve_clients([args.client], args)
    client = load_client(folder)
    notebook = working_copy(folder, args.workshop, client.reader.lang)
    name = quoted(say(f"workshop.name.{args.workshop}"), user_language())
    print(say("cli.workshop_ready", workshop=name, client=folder.name, path=notebook))
    if args.no_lab:
        return EXIT_OK
    try:
        return subprocess.call(lab_command(notebook), cwd=notebook.parent)
    except KeyboardInterrupt:  # JupyterLab stopped with Ctrl-C: the workbook saved is kept
        return EXIT_OK


def _audit_file(args: argparse.Namespace) -> int:
    """The customer-file audit on the command line: the scorecard and the duplicates, masked."""
    from crmwb.customer_file.audit import audit_customer_file
    from crmwb.customer_file.sheets import CustomerFileSettings
    from crmwb.deliver.views import Context
    from crmwb.run.clients import load_client

    (folder,) = resolve_clients([args.client], args)
    client = load_client(folder)
    reader = client.reader
    if args.map:  # the columns named on the command line, not the workbook's
        settings = CustomerFileSettings(path=str(args.path), mapping=dict(args.map))
        if has_customer_file(reader):
            workbook = read_customer_file_settings(reader)
            settings = replace(settings, country=workbook.country, sheet=workbook.sheet)
    elif has_customer_file(reader):
        settings = read_customer_file_settings(reader)
    else:
        sheet = t("sheet.customer_file", reader.lang)
        raise UsageError(
            msg("cli.err.customer_file", sheet=sheet),
            found=msg("cli.err.found.no_customer_file"),
            hint=msg("cli.err.hint.customer_file", sheet=sheet),
        )
    if args.country:
        settings = replace(settings, country=args.country.strip().upper())
    plan = client.relationship_plan() if has_plan(reader) else None
    if args.clusters is not None:
        args.clusters.mkdir(parents=True, exist_ok=True)
    ctx = Context.of(client.about, args.lang)
    audit = audit_customer_file(
        folder,
        settings,
        inactive_months=plan.conventions.inactive_months if plan else None,
        output_dir=args.clusters,
        path=args.path.resolve(),
        lang=ctx.lang,
    )
    print(_audit_text(audit, ctx))
    return EXIT_OK


def _audit_text(audit: object, ctx: object) -> str:
    from crmwb.core import i18n
    from crmwb.customer_file import views as quality_views
    from crmwb.customer_file.audit import CustomerAudit
    from crmwb.deliver.views import Context, Table

    assert isinstance(audit, CustomerAudit) and isinstance(ctx, Context)

    def table(t: Table) -> list[str]:
        lines = [t.name, "  " + " | ".join(c.title for c in t.columns)]
        for i, row in enumerate(t.rows):
            cells = (t.cell_text(v, t.kind(i, j), j) for j, v in enumerate(row))
            lines.append("  " + " | ".join(cells))
        return lines

    p = audit.profile
    out = [
        ctx.t(
            "cli.audit_head",
            file=audit.file_name,
            records=i18n.number(p.rows, ctx.lang),
            score=i18n.number(p.score, ctx.lang),
        ),
        *table(quality_views.scorecard(audit, ctx)),
        *table(quality_views.indicators(audit, ctx)),
        *table(quality_views.duplicates_table(audit, ctx)),
        *table(quality_views.examples_table(audit, ctx)),
    ]
    if audit.clusters_file is not None:
        out.append(ctx.t("cli.clusters_written", path=audit.clusters_file))
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
