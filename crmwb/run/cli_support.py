"""What the commands of ``crmwb`` share: their messages in the consultant's language, the
workspace's folders (or those the command names), and the client folders a command names."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from crmwb.core.errors import UsageError, msg
from crmwb.core.i18n import t, user_language

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
"""Exit codes: all went well, something failed, the command was used wrongly."""


def say(key: str, **values: object) -> str:
    """A message of the command line, in the consultant's language."""
    return t(key, user_language(), **values)


def clients_dir_of(args: argparse.Namespace) -> Path:
    """--clients-dir, else the workspace's clients folder (looked up only when needed)."""
    from crmwb.core.workspace import clients_dir

    return args.clients_dir or clients_dir()


def reports_dir_of(args: argparse.Namespace) -> Path:
    """--reports-dir, else the workspace's reports folder (looked up only when needed)."""
    from crmwb.core.workspace import reports_dir

    return args.reports_dir or reports_dir()


def resolve_clients(names: Sequence[str], args: argparse.Namespace) -> list[Path]:
    """The client folders named (a slug in the clients folder, or a folder's path), else every
    client of the clients folder."""
    from crmwb.core.errors import ClientError
    from crmwb.run.clients import check_slug, client_dirs

    if not names:
        clients_dir = clients_dir_of(args)
        found = client_dirs(clients_dir)
        if not found:
            raise UsageError(
                msg("cli.err.client_folders", folder=clients_dir),
                found=msg("err.found.none"),
                hint=msg("cli.err.hint.new_client"),
            )
        return found
    folders = []
    for name in names:
        path = Path(name)
        if os.sep in name or (path.exists() and path.is_dir()):
            folder = path
        else:
            try:
                folder = clients_dir_of(args) / check_slug(name)
            except ClientError as exc:
                raise UsageError(exc.expected, found=exc.found) from None
        if not folder.is_dir():
            raise UsageError(
                msg("cli.err.client_folder", folder=folder),
                found=msg("cli.err.no_folder"),
                hint=msg("cli.err.hint.clients"),
            )
        folders.append(folder)
    return folders
