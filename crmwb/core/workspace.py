"""Where crmwb's folders are: its resources, and the consultant's workspace.

**Resources** (the notebooks, the templates, the example clients) come with crmwb. In a
repository checkout (an editable install, or ``PYTHONPATH``) they are the repository's folders
``notebooks/``, ``templates/`` and ``data/examples/``; in an installed wheel the same folders are
package data under ``crmwb/resources/`` (mapped from the repository's folders by
pyproject.toml), found through :mod:`importlib.resources`. :data:`NOTEBOOKS_DIR`,
:data:`TEMPLATES_DIR` and :data:`EXAMPLES_DIR` are the one or the other.

**The workspace** holds the consultant's clients and their deliverables. It is, in this order:

1. the nearest folder holding a ``crmwb.toml`` (:data:`CONFIG_NAME`): the current folder or one
   above it;
2. the folder the ``CRMWB_HOME`` environment variable names (its ``crmwb.toml`` is read when it
   has one; otherwise its ``clients/`` and ``reports/``);
3. in a repository checkout, the repository itself: ``data/clients/`` and ``reports/``
   (``make demo``);
4. none: :class:`~crmwb.core.errors.WorkspaceError`, saying to run ``crmwb init``.

``crmwb.toml`` holds up to three settings, each optional::

    clients = "clients"   # the client folders, relative to crmwb.toml (or absolute)
    reports = "reports"   # the deliverables of every run
    lang = "fr"           # the language of new clients' workbooks

The workspace is looked up when it is needed (:func:`find_workspace`, :func:`clients_dir`,
:func:`reports_dir`), never at import: the current folder and the environment decide.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from crmwb.core.errors import Quoted, WorkspaceError, msg
from crmwb.core.i18n import DEFAULT_LANG, LANGUAGES, Lang, check_lang, t

WORKBOOK_NAME = "workbook.xlsx"
"""A client is a folder holding its workbook under this name."""

CONFIG_NAME = "crmwb.toml"
"""The file that makes a folder a workspace."""
HOME_VARIABLE = "CRMWB_HOME"
"""The environment variable naming the workspace to use outside any workspace folder."""
SETTINGS = ("clients", "reports", "lang")
"""What a ``crmwb.toml`` may set."""
DEFAULT_CLIENTS, DEFAULT_REPORTS = "clients", "reports"


def _checkout() -> Path | None:
    """The repository crmwb runs from, or None for an installed crmwb: the folder holding the
    ``crmwb`` package folder, when it also holds pyproject.toml and the notebooks."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir():
        return root
    return None


CHECKOUT: Path | None = _checkout()
"""The repository checkout crmwb runs from (None when crmwb is installed from a wheel)."""
RESOURCES: Path = CHECKOUT if CHECKOUT is not None else Path(str(files("crmwb") / "resources"))
"""The folder holding ``notebooks/``, ``templates/`` and ``data/examples/``."""
NOTEBOOKS_DIR = RESOURCES / "notebooks"
TEMPLATES_DIR = RESOURCES / "templates"
EXAMPLES_DIR = RESOURCES / "data" / "examples"


@dataclass(frozen=True)
class Workspace:
    """Where a consultant's clients and their deliverables are."""

    root: Path
    clients: Path
    """The folder of the client folders (one per client, holding its workbook)."""
    reports: Path
    """Where each run's deliverables go (``<reports>/<client>/latest``)."""
    lang: Lang = DEFAULT_LANG
    """The language of new clients' workbooks."""
    config: Path | None = None
    """Its ``crmwb.toml`` (None: a CRMWB_HOME folder without one, or the checkout)."""


def find_workspace(
    start: Path | None = None, environ: Mapping[str, str] | None = None
) -> Workspace:
    """The workspace seen from ``start`` (the current folder by default), in the order of the
    module's docstring, or :class:`~crmwb.core.errors.WorkspaceError`."""
    found = workspace_or_none(start, environ)
    if found is None:
        folder = (Path.cwd() if start is None else Path(start)).resolve()
        raise WorkspaceError(
            msg("workspace.err.none"),
            found=msg("workspace.err.found.none", folder=str(folder)),
            hint=msg("workspace.err.hint.init"),
        )
    return found


def workspace_or_none(
    start: Path | None = None, environ: Mapping[str, str] | None = None
) -> Workspace | None:
    """:func:`find_workspace`, or None where there is no workspace (a ``crmwb.toml`` that cannot
    be used, or a CRMWB_HOME naming no folder, is still an error)."""
    folder = (Path.cwd() if start is None else Path(start)).resolve()
    for candidate in (folder, *folder.parents):
        config = candidate / CONFIG_NAME
        if _is_file(config):
            return read_workspace(config)
    environ = os.environ if environ is None else environ
    home = environ.get(HOME_VARIABLE, "").strip()
    if home:
        root = Path(home).expanduser().resolve()
        if not root.is_dir():
            raise WorkspaceError(
                msg("workspace.err.home"),
                found=msg("workspace.err.found.no_folder", folder=str(root)),
                hint=msg("workspace.err.hint.home", folder=str(root)),
            )
        config = root / CONFIG_NAME
        if config.is_file():
            return read_workspace(config)
        return Workspace(root, root / DEFAULT_CLIENTS, root / DEFAULT_REPORTS)
    if CHECKOUT is not None:
        return Workspace(CHECKOUT, CHECKOUT / "data" / "clients", CHECKOUT / "reports")
    return None


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False in a folder that may not be searched (a folder above
    the current one that the consultant has no right to look into holds no workspace of theirs)."""
    try:
        return path.is_file()
    except OSError:
        return False


def read_workspace(config: Path) -> Workspace:
    """The workspace a ``crmwb.toml`` describes (its folders relative to the file's folder)."""
    text = config.read_bytes().decode("utf-8", errors="replace")
    try:
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+)", str(exc))
        line = int(where.group(1)) if where else max(1, len(text.splitlines()))
        raise WorkspaceError(
            msg("workspace.err.settings"),
            file=str(config),
            found=msg("workspace.err.found.line", line=line),
        ) from None
    unknown = [name for name in settings if name not in SETTINGS]
    if unknown:
        raise WorkspaceError(
            msg("workspace.err.setting", names=tuple(Quoted(n) for n in SETTINGS)),
            file=str(config),
            found=Quoted(unknown[0]),
        )
    root = config.parent.resolve()
    folders = {
        name: root / _folder(settings.get(name, default), name, config)
        for name, default in (("clients", DEFAULT_CLIENTS), ("reports", DEFAULT_REPORTS))
    }
    lang = settings.get("lang", DEFAULT_LANG)
    if not (isinstance(lang, str) and lang.strip().lower() in LANGUAGES):
        raise WorkspaceError(
            msg("err.language", languages=tuple(Quoted(code) for code in LANGUAGES)),
            file=str(config),
            found=Quoted(lang),
        )
    return Workspace(root, folders["clients"], folders["reports"], lang.strip().lower(), config)


def _folder(value: object, name: str, config: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise WorkspaceError(
            msg("workspace.err.folder", name=Quoted(name)),
            file=str(config),
            found=Quoted(value),
        )
    return Path(value.strip()).expanduser()


def clients_dir() -> Path:
    """The current workspace's folder of client folders."""
    return find_workspace().clients


def client_folders(folder: Path) -> list[Path]:
    """The client folders of ``folder`` (those holding a workbook), sorted by name; none when
    it is not a folder."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if (p / WORKBOOK_NAME).is_file())


def reports_dir() -> Path:
    """The current workspace's folder of deliverables."""
    return find_workspace().reports


def workspace_settings(lang: Lang) -> str:
    """A new workspace's ``crmwb.toml``, its comments in ``lang`` (the default folders)."""
    languages = ", ".join(LANGUAGES)
    return "\n".join(
        [
            f"# {t('workspace.toml.head', lang)}",
            f"# {t('workspace.toml.paths', lang)}",
            "",
            f"# {t('workspace.toml.clients', lang)}",
            f'clients = "{DEFAULT_CLIENTS}"',
            f"# {t('workspace.toml.reports', lang)}",
            f'reports = "{DEFAULT_REPORTS}"',
            f"# {t('workspace.toml.lang', lang, languages=languages)}",
            f'lang = "{lang}"',
            "",
        ]
    )


def init_workspace(folder: Path, lang: Lang = DEFAULT_LANG) -> list[Path]:
    """Make ``folder`` a workspace: its ``crmwb.toml`` (new clients in ``lang``), ``clients/``
    and ``reports/`` (the folder itself is made if absent). Refuses, writing nothing, where a
    ``crmwb.toml`` exists. Returns what it made."""
    config = folder / CONFIG_NAME
    if config.exists():
        raise WorkspaceError(
            msg("workspace.err.new"),
            found=msg("client.err.found.exists", folder=str(config)),
            hint=msg("workspace.err.hint.exists"),
        )
    made = [] if folder.is_dir() else [folder]
    folder.mkdir(parents=True, exist_ok=True)
    with config.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrites
        out.write(workspace_settings(check_lang(lang)))
    made.append(config)
    for name in (DEFAULT_CLIENTS, DEFAULT_REPORTS):
        path = folder / name
        if not path.is_dir():
            path.mkdir()
            made.append(path)
    return made
