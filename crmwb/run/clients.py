"""A client is a folder ``<clients>/<slug>/`` holding its workbook ``workbook.xlsx``, where
``<clients>`` is the workspace's clients folder (:mod:`crmwb.core.workspace`) unless given.

>>> slugify("Maison Dupont & Fils")
'maison-dupont-fils'
>>> slugify("Crédit Agricole Île-de-France")
'credit-agricole-ile-de-france'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crmwb.core.errors import ClientError, Quoted, msg
from crmwb.core.i18n import LANGUAGES, Lang, check_lang
from crmwb.core.workspace import EXAMPLES_DIR, WORKBOOK_NAME, client_folders
from crmwb.core.workspace import clients_dir as workspace_clients

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is opened
    from crmwb.journey.model import Journey
    from crmwb.plan.model import RelationshipPlan
    from crmwb.project.planning_sheets import ProjectPlanInputs
    from crmwb.roi.model import RoiCase
    from crmwb.tco.sheets import TcoInputs
    from crmwb.vendors.sheets import VendorInputs
    from crmwb.workbook.about import About
    from crmwb.workbook.reader import WorkbookReader


SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


WINDOWS_RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{i}" for i in range(1, 10)),
        *(f"lpt{i}" for i in range(1, 10)),
    }
)
"""Folder names Windows refuses (a colleague on Windows could not open the client's folder)."""


def slugify(name: str) -> str:
    """A folder name made of the client's name: lower case ASCII letters, digits and dashes
    (« client » added to a name Windows reserves: « Nul » gives ``nul-client``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64].strip("-")
    return f"{slug}-client" if slug in WINDOWS_RESERVED else slug


def check_slug(slug: str) -> str:
    """``slug`` if it is a safe client folder name, else ClientError (no ``..``, no ``/``, no
    name Windows reserves)."""
    if not SLUG.match(slug):
        raise ClientError(msg("client.err.slug"), found=Quoted(slug))
    if slug in WINDOWS_RESERVED:
        raise ClientError(
            msg("client.err.slug_windows"),
            found=Quoted(slug),
            hint=msg("client.err.hint.slug_windows", slug=f"{slug}-client"),
        )
    return slug


def new_client(
    name: str, lang: str = "fr", clients_dir: Path | None = None, today: dt.date | None = None
) -> Path:
    """Create ``<clients_dir>/<slug>/workbook.xlsx`` from the template, with the About sheet
    filled in (name, language, date). Never overwrites an existing client. ``clients_dir``:
    the workspace's clients folder by default."""
    from openpyxl import load_workbook

    from crmwb.workbook.about import ABOUT_FIELDS
    from crmwb.workbook.layout import save_workbook
    from crmwb.workbook.template import template_path

    language = _lang(lang)
    if not name.strip() or any(ord(c) < 32 for c in name):
        raise ClientError(msg("client.err.name"), found=repr(name))
    slug = slugify(name)
    if not slug:
        raise ClientError(
            msg("client.err.name_letters"),
            found=Quoted(name),
            hint=msg("client.err.hint.name_letters"),
        )
    folder = (clients_dir or workspace_clients()) / check_slug(slug)
    if folder.exists():
        raise ClientError(
            msg("client.err.new"),
            found=msg("client.err.found.exists", folder=str(folder)),
            hint=msg("client.err.hint.exists", slug=folder.name),
        )
    wb = load_workbook(template_path(language))
    ws = wb.worksheets[0]
    values = {
        "about.client_name": name.strip(),
        "about.language": language,
        "about.date": today or dt.date.today(),
    }
    for row, spec in enumerate(ABOUT_FIELDS, start=4):
        if spec.key in values:
            ws.cell(row=row, column=2, value=values[spec.key])
    save_workbook(wb, folder / WORKBOOK_NAME)
    return folder


def _lang(value: str) -> Lang:
    try:
        return check_lang(value)
    except ValueError:
        languages = tuple(Quoted(code) for code in LANGUAGES)
        raise ClientError(msg("err.language", languages=languages), found=Quoted(value)) from None


def client_dirs(clients_dir: Path | None = None) -> list[Path]:
    """Every client folder (those holding a workbook), sorted by name (``clients_dir``: the
    workspace's clients folder by default)."""
    return client_folders(clients_dir or workspace_clients())


EXAMPLE_MARK = ".example.sha256"
"""In an example client's folder: the SHA-256 of the workbook as it was copied, so a later
``crmwb examples`` can tell an untouched copy (refreshed with the newer example) from one the
consultant has edited (kept as it is)."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def install_examples(
    clients_dir: Path | None = None, examples_dir: Path = EXAMPLES_DIR
) -> list[tuple[Path, str]]:
    """Copy the shipped example clients into ``clients_dir`` (the workspace's clients folder by
    default) where they are absent, and refresh
    the copies nobody has edited since when the shipped example has changed (a newer crmwb adds
    sheets). A copy whose workbook differs from what was copied is never touched. Returns the
    folders written, each with "copied" or "updated"."""
    clients_dir = clients_dir or workspace_clients()
    done: list[tuple[Path, str]] = []
    for example in sorted(p for p in examples_dir.iterdir() if (p / WORKBOOK_NAME).is_file()):
        target = clients_dir / example.name
        shipped = _sha256(example / WORKBOOK_NAME)
        if not target.exists():
            shutil.copytree(example, target)
            (target / EXAMPLE_MARK).write_text(shipped + "\n", encoding="utf-8")
            done.append((target, "copied"))
            continue
        mark, workbook = target / EXAMPLE_MARK, target / WORKBOOK_NAME
        if not (mark.is_file() and workbook.is_file()):
            continue  # copied before marks existed, or not an example: left alone
        copied = mark.read_text(encoding="utf-8").strip()
        if _sha256(workbook) == copied != shipped:
            tmp = workbook.with_name(f".{WORKBOOK_NAME}.tmp")
            shutil.copyfile(example / WORKBOOK_NAME, tmp)
            tmp.replace(workbook)
            mark.write_text(shipped + "\n", encoding="utf-8")
            done.append((target, "updated"))
    return done


@dataclass(frozen=True)
class Client:
    """A client folder and what its workbook says."""

    folder: Path
    about: About
    reader: WorkbookReader

    @property
    def slug(self) -> str:
        return self.folder.name

    @property
    def workbook(self) -> Path:
        return self.folder / WORKBOOK_NAME

    def roi_case(self) -> RoiCase:
        """The ROI sheet, costed with the TCO sheet's option and horizon."""
        from crmwb.roi.sheets import read_roi

        return read_roi(self.reader)

    def journey(self) -> Journey:
        """The journey sheets (Stages, Channels, Segments, Touchpoints, Personas, Paths)."""
        from crmwb.journey.sheets import read_journey

        return read_journey(self.reader)

    def has_journey(self) -> bool:
        """Whether the workbook's Stages sheet lists at least one stage."""
        from crmwb.journey.sheets import has_journey

        return has_journey(self.reader)

    def relationship_plan(self) -> RelationshipPlan:
        """The plan sheets (Programmes, Scenarios, Campaigns, Conventions)."""
        from crmwb.plan.sheets import read_plan

        return read_plan(self.reader)

    def project_plan(self) -> ProjectPlanInputs:
        """The Project plan and Checklist sheets."""
        from crmwb.project.planning_sheets import read_project_plan

        return read_project_plan(self.reader)

    def vendor_inputs(self) -> VendorInputs:
        """The vendor comparison sheets (Vendors, Criteria, Pairwise, Scores, Use cases)."""
        from crmwb.vendors.sheets import read_vendor_comparison

        return read_vendor_comparison(self.reader)

    def tco_inputs(
        self, horizon_years: int | None = None, discount_rate: float | None = None
    ) -> TcoInputs:
        """The TCO sheet, with the horizon and discount rate overridden when given."""
        from crmwb.tco.sheets import read_tco

        inputs = read_tco(self.reader)
        changes: dict[str, object] = {}
        if horizon_years is not None:
            changes["horizon_years"] = int(horizon_years)
        if discount_rate is not None:
            changes["discount_rate"] = float(discount_rate)
        if not changes:
            return inputs
        return dataclasses.replace(
            inputs,
            settings=dataclasses.replace(inputs.settings, **changes),  # type: ignore[arg-type]
        )


def load_client(folder: str | Path) -> Client:
    """Open a client folder: its workbook must exist and its About sheet be valid."""
    from crmwb.workbook.reader import read_workbook

    path = Path(folder)
    reader = read_workbook(path / WORKBOOK_NAME)
    from crmwb.workbook.about import read_about

    return Client(folder=path, about=read_about(reader), reader=reader)
