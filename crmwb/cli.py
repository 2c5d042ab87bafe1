"""The ``crmwb`` command.

    crmwb new-client "Maison Dupont" [--lang fr|en]
    crmwb run [CLIENT ...] [--only tco,...] [--jobs N] [--lang fr|en]
    crmwb clients
    crmwb examples
    crmwb template [--check]
    crmwb audit-file CLIENT PATH [--clusters FILE.csv] [--lang fr|en]

Exit codes: 0 all went well, 1 some analyses failed, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from crmwb.errors import CrmwbError, UsageError
from crmwb.i18n import LANGUAGES, check_lang

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"crmwb: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from crmwb.batch import ANALYSES

    parser = _Parser(prog="crmwb", description="The CRM consultant's workbench.")
    parser.add_argument(
        "--clients-dir",
        type=Path,
        default=None,
        help="folder of the client folders (default: data/clients)",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    new = sub.add_parser("new-client", help="create a client folder with a blank workbook")
    new.add_argument("name", help='the client\'s name, e.g. "Maison Dupont"')
    new.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="fr",
        help="language of the workbook and deliverables (default: fr)",
    )

    run = sub.add_parser("run", help="produce the deliverables of clients (all by default)")
    run.add_argument(
        "clients",
        nargs="*",
        metavar="CLIENT",
        help="client folder names (slugs) or paths; all clients when none",
    )
    run.add_argument(
        "--only", default=None, help=f"comma-separated analyses among: {', '.join(ANALYSES)}"
    )
    run.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help="notebooks run at once (default: number of CPUs)",
    )
    run.add_argument(
        "--lang",
        type=_language,
        default=None,
        help="language of the deliverables (default: each workbook's)",
    )
    run.add_argument(
        "--reports-dir", type=Path, default=None, help="where deliverables go (default: reports/)"
    )
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    sub.add_parser("clients", help="list the client folders")
    sub.add_parser("examples", help="copy the example clients into the clients folder if absent")
    tpl = sub.add_parser("template", help="regenerate the blank workbooks under templates/")
    tpl.add_argument(
        "--check",
        action="store_true",
        help="only check that the committed templates are up to date",
    )
    audit = sub.add_parser(
        "audit-file",
        help="audit a customer export with a client's column mapping (Customer file sheet)",
    )
    audit.add_argument("client", metavar="CLIENT", help="client folder name (slug) or path")
    audit.add_argument("path", metavar="PATH", type=Path, help="the CSV or XLSX export")
    audit.add_argument(
        "--clusters",
        type=Path,
        default=None,
        help="also write the probable-duplicate clusters (line, id, cluster) to this folder",
    )
    audit.add_argument("--lang", choices=LANGUAGES, default=None)
    return parser


def _language(value: str) -> str:
    """A language code for --lang: one crmwb speaks (or the pseudo-locale of the tests)."""
    try:
        return check_lang(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "new-client":
            return _new_client(args)
        if args.command == "run":
            return _run(args)
        if args.command == "clients":
            return _clients(args)
        if args.command == "examples":
            return _examples(args)
        if args.command == "template":
            return _template(args)
        if args.command == "audit-file":
            return _audit_file(args)
    except UsageError as exc:
        print(f"crmwb: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CrmwbError as exc:
        print(f"crmwb: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_USAGE  # pragma: no cover - argparse requires a command


def _clients_dir(args: argparse.Namespace) -> Path:
    from crmwb.paths import CLIENTS_DIR

    return args.clients_dir or CLIENTS_DIR


def _new_client(args: argparse.Namespace) -> int:
    from crmwb.clients import new_client
    from crmwb.errors import ClientError

    try:
        folder = new_client(args.name, args.lang, _clients_dir(args))
    except ClientError as exc:
        raise UsageError(exc.expected, found=exc.found, hint=exc.hint) from None
    print(f"Created {folder / 'workbook.xlsx'} - fill it in, then: crmwb run {folder.name}")
    return EXIT_OK


def _clients(args: argparse.Namespace) -> int:
    from crmwb.clients import client_dirs

    for folder in client_dirs(_clients_dir(args)):
        print(folder.name)
    return EXIT_OK


def _examples(args: argparse.Namespace) -> int:
    from crmwb.clients import install_examples

    clients_dir = _clients_dir(args)
    done = install_examples(clients_dir)
    for folder, action in done:
        print(f"{action} example client {folder.name} in {clients_dir}")
    if not done:
        print(f"example clients already in {clients_dir}")
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from crmwb.templates import check_templates, write_templates

    if args.check:
        stale = check_templates()
        for path in stale:
            print(f"out of date: {path} (run `crmwb template`)", file=sys.stderr)
        return EXIT_FAILED if stale else EXIT_OK
    for path in write_templates():
        print(f"wrote {path}")
    return EXIT_OK


def _resolve_clients(names: Sequence[str], clients_dir: Path) -> list[Path]:
    from crmwb.clients import check_slug, client_dirs
    from crmwb.errors import ClientError

    if not names:
        found = client_dirs(clients_dir)
        if not found:
            raise UsageError(
                f"client folders in {clients_dir}",
                found="none",
                hint='create one with crmwb new-client "Name", or run make demo',
            )
        return found
    folders = []
    for name in names:
        path = Path(name)
        if os.sep in name or (path.exists() and path.is_dir()):
            folder = path
        else:
            try:
                folder = clients_dir / check_slug(name)
            except ClientError as exc:
                raise UsageError(exc.expected, found=exc.found) from None
        if not folder.is_dir():
            raise UsageError(
                f"a client folder {folder}", found="no such folder", hint="see crmwb clients"
            )
        folders.append(folder)
    return folders


def _run(args: argparse.Namespace) -> int:
    from crmwb import batch
    from crmwb.clients import check_slug
    from crmwb.errors import ClientError
    from crmwb.paths import REPORTS_DIR

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs of at least 1", found=str(args.jobs))
    analyses = batch.select_analyses(
        [n.strip() for n in args.only.split(",") if n.strip()] if args.only else None
    )
    folders = _resolve_clients(args.clients, _clients_dir(args))
    for folder in folders:
        try:
            check_slug(folder.name)
        except ClientError as exc:
            raise UsageError(exc.expected, found=exc.found) from None
    total = len(folders) * len(analyses)
    bar = None
    if not args.quiet:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="notebook", file=sys.stderr, desc="crmwb run")

    def progress(result: batch.JobResult) -> None:
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(f"{result.client}/{result.analysis}")

    reports_dir = args.reports_dir or REPORTS_DIR
    runs = batch.run(
        folders,
        analyses,
        jobs=args.jobs,
        lang=args.lang,
        reports_dir=reports_dir,
        progress=progress,
    )
    if bar is not None:
        bar.close()
    print(batch.summary(runs))
    return EXIT_OK if all(r.ok for r in runs) else EXIT_FAILED


def _audit_file(args: argparse.Namespace) -> int:
    """The customer-file audit on the command line: the scorecard and the duplicates, masked."""
    from crmwb.clients import load_client
    from crmwb.customer_audit import audit_customer_file
    from crmwb.views import Context

    (folder,) = _resolve_clients([args.client], _clients_dir(args))
    client = load_client(folder)
    reader = client.reader
    if not reader.has_customer_file():
        raise UsageError(
            "the client's column mapping on its Customer file sheet",
            found="no file named on that sheet",
            hint="fill the Customer file sheet of the workbook (file and columns)",
        )
    plan = client.relationship_plan() if reader.has_plan() else None
    if args.clusters is not None:
        args.clusters.mkdir(parents=True, exist_ok=True)
    audit = audit_customer_file(
        folder,
        reader.read_customer_file_settings(),
        inactive_months=plan.conventions.inactive_months if plan else None,
        output_dir=args.clusters,
        path=args.path.resolve(),
    )
    ctx = Context.of(client.about, args.lang)
    print(_audit_text(audit, ctx))
    return EXIT_OK


def _audit_text(audit: object, ctx: object) -> str:
    from crmwb import quality_views
    from crmwb.customer_audit import CustomerAudit
    from crmwb.views import Context, Table

    assert isinstance(audit, CustomerAudit) and isinstance(ctx, Context)

    def table(t: Table) -> list[str]:
        lines = [t.name, "  " + " | ".join(c.title for c in t.columns)]
        for i, row in enumerate(t.rows):
            cells = (t.cell_text(v, t.kind(i, j)) for j, v in enumerate(row))
            lines.append("  " + " | ".join(cells))
        return lines

    p = audit.profile
    out = [
        f"{audit.file_name}: {p.rows} records, quality score {p.score:.0f}/100",
        *table(quality_views.scorecard(audit, ctx)),
        *table(quality_views.indicators(audit, ctx)),
        *table(quality_views.duplicates_table(audit, ctx)),
        *table(quality_views.examples_table(audit, ctx)),
    ]
    if audit.clusters_file is not None:
        out.append(f"clusters written to {audit.clusters_file}")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
