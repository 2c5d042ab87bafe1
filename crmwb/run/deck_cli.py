"""``crmwb deck CLIENT [--run RUN] [--template FILE.pptx] [--title T] [--date D] [--output F]
[--force]``: the steering-committee deck of a client's run (default: its latest), from its
results, on the firm's template if given. ``crmwb run`` writes ``deck.pptx`` in every run folder
already: this command makes it again for another run, with the firm's template, another title
or date. It never overwrites a deck silently (the consultant may have reworked it): ``--output``
or ``--force``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from crmwb.core.errors import CrmwbError, Quoted, UsageError, msg
from crmwb.core.i18n import t
from crmwb.run.cli_support import EXIT_OK, clients_dir_of, reports_dir_of, say


def add_deck_arguments(deck: argparse.ArgumentParser) -> None:
    deck.add_argument("client", metavar="CLIENT", help=say("deck.help.client"))
    deck.add_argument("--run", metavar="RUN", default=None, help=say("deck.help.run"))
    deck.add_argument(
        "--template", metavar="FILE.pptx", type=Path, default=None, help=say("deck.help.template")
    )
    deck.add_argument("--title", default=None, help=say("deck.help.title"))
    deck.add_argument("--date", metavar="YYYY-MM-DD", default=None, help=say("deck.help.date"))
    deck.add_argument("--output", type=Path, default=None, help=say("deck.help.output"))
    deck.add_argument("--force", action="store_true", help=say("deck.help.force"))
    deck.add_argument("--reports-dir", type=Path, default=None, help=say("cli.help.reports_dir"))


def deck_command(args: argparse.Namespace) -> int:
    """Write the deck of the client's run and say where."""
    from crmwb.changes.deliverable import choose_runs, compare, run_side
    from crmwb.core.errors import ClientError
    from crmwb.deck.files import DECK, deck_cover, write_run_deck
    from crmwb.deliver.results import load_results
    from crmwb.mission.runs import find_run, latest_run, read_marks
    from crmwb.run.clients import check_slug, load_client
    from crmwb.workbook.snapshot import Snapshot

    try:
        slug = check_slug(args.client)
    except ClientError as exc:
        raise UsageError(exc.expected, found=exc.found) from None
    committee = _date(args.date)
    client_reports = reports_dir_of(args) / slug
    current = find_run(client_reports, args.run) if args.run else latest_run(client_reports)
    if current is None or current.status != "ok":
        raise UsageError(
            msg("deck.err.run", client=slug),
            found=Quoted(args.run) if args.run else msg("deck.err.found.no_run"),
            hint=msg("deck.err.hint.run", client=slug),
        )
    client = load_client(clients_dir_of(args) / slug)
    # the run's language (crmwb run --lang may have written it in another than the workbook's)
    ran = load_results(current.folder)
    lang = next((r.lang for r in ran.values()), client.about.language)
    cover = deck_cover(client.about, lang, mission=args.title, committee=committee)
    try:
        previous, _ = choose_runs(client_reports, None, current.run_id)
    except CrmwbError:  # the client's first run: nothing to compare it with
        comparison = None
    else:
        marks = read_marks(client_reports)
        comparison = compare(
            run_side(previous, Snapshot.load(previous.folder), marks),
            run_side(current, Snapshot.load(current.folder), marks),
        )
    target = args.output or current.folder / DECK
    if target.exists() and not args.force:
        raise UsageError(
            msg("deck.err.exists"),
            found=str(target),
            hint=msg("deck.err.hint.exists"),
        )
    written = write_run_deck(
        current.folder, cover, comparison, target=target, template=args.template
    )
    print(t("deck.written", lang, file=written))
    return EXIT_OK


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(msg("deck.err.date"), found=Quoted(text)) from None
