"""Hand-made runs of a client (tests/changes): a reports folder with run folders as the runner
leaves them (a manifest, the workbook's values at inputs/workbook.json, results/*.json)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crmwb.deliver.results import Figure, Item, ItemList, Recommendation, Results, save_results
from crmwb.workbook.snapshot import Snapshot

NB, NN = "\u00a0", "\u202f"


def about(client: str = "Literie Lenoir", consultant: str = "Camille Roussel") -> dict[str, Any]:
    return {
        "A1": "Classeur de l'étude CRM",
        "A4": "Client",
        "B4": client,
        "A5": "Langue",
        "B5": "fr",
        "A6": "Devise",
        "B6": "EUR",
        "A7": "Consultant",
        "B7": consultant,
        "A8": "Date",
        "B8": {"date": "2026-11-23T00:00:00"},
    }


def tco(**cells: Any) -> dict[str, Any]:
    """The TCO sheet of seed 004's example (DOMAIN.md §4), ``cells`` changed."""
    sheet: dict[str, Any] = {
        "A1": "TCO\u00a0: coût total de possession",
        "A4": "Horizon (années)",
        "B4": 7,
        "A5": "Taux d'actualisation",
        "B5": 0,
        "A6": "Utilisateurs",
        "B6": 4,
        "A11": "Option",
        "B11": "Catégorie",
        "C11": "Description",
        "D11": "Fréquence",
        "E11": "Base",
        "F11": "Prix unitaire",
        "H11": "Taux (% licence)",
        "A12": "Licence",
        "B12": "Licence",
        "D12": "Ponctuel",
        "E12": "Forfait",
        "F12": 3000,
        "A13": "Licence",
        "B13": "Maintenance",
        "D13": "Annuel",
        "E13": "% de la licence",
        "H13": 0.2,
        "A14": "SaaS",
        "B14": "Abonnement SaaS",
        "D14": "Mensuel",
        "E14": "Par utilisateur",
        "F14": 60,
    }
    sheet.update(cells)
    return {k: v for k, v in sheet.items() if v is not None}


def snapshot(**sheets: Mapping[str, Any]) -> Snapshot:
    base: dict[str, Mapping[str, Any]] = {"À propos": about(), "TCO": tco()}
    base.update(sheets)
    return Snapshot(base, file="workbook.xlsx")


def tco_results(saas_total: float = 22160, cheaper: str = "Licence") -> Results:
    return Results(
        "tco",
        "fr",
        figures=(
            Figure("tco.licence.total", "Coût total licence", 13200, "EUR", "lower"),
            Figure("tco.saas.total", "Coût total SaaS", saas_total, "EUR", "lower"),
        ),
        recommendations=(Recommendation("tco.cheapest", "Option la moins chère", cheaper),),
    )


def findings(*ids: str) -> Results:
    labels = {
        "raci.no_a": "Plusieurs tâches n'ont pas de A",
        "raci.no_r": "Trois tâches de management n'ont pas de R",
        "raci.two_a": "Une tâche a deux A",
    }
    return Results(
        "project",
        "fr",
        lists=(ItemList("findings", "Constats", tuple(Item(i, labels[i]) for i in ids)),),
    )


def make_run(
    reports: Path,
    run_id: str,
    values: Snapshot | None,
    results: Sequence[Results] = (),
    *,
    version: str = "0.1.0",
    status: str = "ok",
    slug: str = "literie-lenoir",
) -> Path:
    """A run folder of ``slug`` as the runner leaves it, and ``latest`` pointing to it when it
    is complete."""
    client = reports / slug
    folder = client / (run_id if status == "ok" else f"{run_id}-{status}")
    folder.mkdir(parents=True)
    stamp = (
        f"{run_id[:4]}-{run_id[4:6]}-{run_id[6:8]}T{run_id[9:11]}:{run_id[11:13]}:{run_id[13:15]}"
    )
    manifest = {
        "run_id": run_id,
        "status": status,
        "started": stamp,
        "packages": {"crmwb": version},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    if values is not None:
        values.save(folder)
    for result in results:
        save_results(folder, result)
    if status == "ok":
        latest = client / "latest"
        if latest.is_symlink():
            latest.unlink()
        os.symlink(folder.name, latest)
    return folder
