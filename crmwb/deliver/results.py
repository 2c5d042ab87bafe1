"""An analysis's results as data: its key figures (typed values with their units and labels),
its recommendations (the recommended vendor, the cheapest option...) and its lists of items
with stable ids (the findings, the moments of truth...).

Each analysis notebook writes them to ``results/<analysis>.json`` of the run folder
(:func:`save_results`), from the same values its report shows. They are the source of truth for
what moved between two runs (:mod:`crmwb.changes`) and for the mission's history; nothing is
read back from the reports' HTML.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from crmwb.core.i18n import Lang

RESULTS = "results"
"""The folder of a run holding each analysis's results (``results/<analysis>.json``)."""

SCHEMA = 1
"""The version of the results' layout (a later crmwb reads earlier ones)."""

Unit = Literal["EUR", "%", "ratio", "years", "months", "days", "count", "score", "points", ""]
"""A figure's unit: euros (amounts in the workbook's currency), a percentage given as a
fraction (0.08 for 8 %), a plain ratio, durations, a count, a score, points, or none (text)."""

Better = Literal["higher", "lower", ""]
"""Which way a figure is good: an ROI is better higher, a cost lower; "" when neither."""


@dataclass(frozen=True)
class Figure:
    """A key figure: ``key`` stable between runs and languages (« tco.saas.total »), ``label`` in
    the report's language, ``value`` (a number, a text, or None when it cannot be computed),
    its ``unit`` and which way it is ``better``."""

    key: str
    label: str
    value: float | int | str | None
    unit: Unit = ""
    better: Better = ""


@dataclass(frozen=True)
class Recommendation:
    """What the analysis recommends: ``key`` stable (« vendors.recommended »), ``label`` of the
    question in the report's language (« Éditeur recommandé »), ``value`` the answer as the
    report says it (the vendor's name), ``id`` the answer's stable id when it has one."""

    key: str
    label: str
    value: str
    id: str = ""


@dataclass(frozen=True)
class Item:
    """An item of a list: ``id`` stable between runs (a finding's id, a touchpoint's stage and
    name), ``label`` as the report says it, ``detail`` (its severity, its stage...)."""

    id: str
    label: str
    detail: str = ""


@dataclass(frozen=True)
class ItemList:
    """A list of items (« findings », « moments_of_truth »...): ``key`` stable, ``label`` in the
    report's language."""

    key: str
    label: str
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Results:
    """What an analysis found, as data."""

    analysis: str
    lang: Lang
    figures: tuple[Figure, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    lists: tuple[ItemList, ...] = ()
    schema: int = field(default=SCHEMA)

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Results:
        return cls(
            analysis=str(data["analysis"]),
            lang=str(data.get("lang", "fr")),
            figures=tuple(Figure(**f) for f in data.get("figures", ())),
            recommendations=tuple(Recommendation(**r) for r in data.get("recommendations", ())),
            lists=tuple(
                ItemList(
                    key=str(lst["key"]),
                    label=str(lst.get("label", "")),
                    items=tuple(Item(**i) for i in lst.get("items", ())),
                )
                for lst in data.get("lists", ())
            ),
            schema=int(data.get("schema", SCHEMA)),
        )


def save_results(output_dir: str | os.PathLike[str] | None, results: Results) -> Path | None:
    """Write ``results`` to ``<output_dir>/results/<analysis>.json``; nothing when the notebook
    runs without an output folder (JupyterLab)."""
    if output_dir is None:
        return None
    folder = Path(output_dir) / RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{results.analysis}.json"
    text = json.dumps(results.to_json(), indent=1, ensure_ascii=False, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def load_results(run_folder: Path) -> dict[str, Results]:
    """The results each analysis of a run left, by analysis (none for a run made before crmwb
    wrote them, or an analysis that wrote none)."""
    found: dict[str, Results] = {}
    for path in sorted((run_folder / RESULTS).glob("*.json")):
        try:
            found[path.stem] = Results.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found


def items(results: Results, key: str) -> Sequence[Item]:
    """The items of the list ``key`` (none when the analysis has no such list)."""
    return next((lst.items for lst in results.lists if lst.key == key), ())
