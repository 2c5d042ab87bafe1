"""An analysis's results as data: its key figures (typed values with their units and labels),
its recommendations (the recommended vendor, the cheapest option...), its lists of items
with stable ids (the findings, the moments of truth...), its conclusion (the sentences the
report's summary says) and the series of its main charts (what the steering-committee deck
draws as native, editable charts).

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

SCHEMA = 2
"""The version of the results' layout (a later crmwb reads earlier ones): 2 adds the
conclusion and the charts."""

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


ChartKind = Literal[
    "column",
    "stacked_column",
    "bar",
    "stacked_bar",
    "line",
    "scatter",
    "bubble",
    "doughnut",
    "waterfall",
    "histogram",
    "image",
]
"""How a chart is drawn: columns (vertical) or bars (horizontal), side by side or stacked;
lines; an XY scatter or bubbles (each series with its ``x`` and, for bubbles, ``sizes``); a
doughnut (one series); a waterfall (one series of steps, the categories their names, the last
one the total when ``total`` is set); a histogram (one series of counts, the categories the
bins); an image (what a native chart cannot draw: the journey grid, the flow map)."""


@dataclass(frozen=True)
class Series:
    """A chart's series: its ``name`` (in the legend), a value per category (None: no value),
    and for an XY chart its ``x`` values, for bubbles their ``sizes``."""

    name: str
    values: tuple[float | None, ...]
    x: tuple[float, ...] = ()
    sizes: tuple[float, ...] = ()


@dataclass(frozen=True)
class ChartData:
    """The numbers behind one of the report's charts, as drawn: ``key`` stable
    (« tco.cumulative »), ``title`` in the report's language, its ``kind``, the ``categories``
    (years, vendors, stages...), the ``series``, the values' ``unit``, the axes' titles
    (``x_title`` the categories' axis, or an XY chart's x axis; ``y_title`` the values' axis,
    whichever way the bars run), an XY chart's ``x_unit``, and for a waterfall whether the last
    step is the ``total``. An image chart names its PNG (``image``, relative to the run
    folder). ``note`` says what the chart leaves out (« the 10 best of 30 vendors »)."""

    key: str
    title: str
    kind: ChartKind
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    unit: Unit = ""
    x_title: str = ""
    y_title: str = ""
    total: bool = False
    image: str = ""
    note: str = ""
    x_unit: Unit = ""


@dataclass(frozen=True)
class Results:
    """What an analysis found, as data: its key figures, recommendations and lists; its
    ``conclusion`` (the summary's sentences, ``**bold**`` the only markup) and the series of its
    main ``charts``, the most telling first."""

    analysis: str
    lang: Lang
    figures: tuple[Figure, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    lists: tuple[ItemList, ...] = ()
    schema: int = field(default=SCHEMA)
    conclusion: tuple[str, ...] = ()
    charts: tuple[ChartData, ...] = ()

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
            conclusion=tuple(str(text) for text in data.get("conclusion", ())),
            charts=tuple(_chart(c) for c in data.get("charts", ())),
        )


def _chart(data: Mapping[str, Any]) -> ChartData:
    series = tuple(
        Series(
            name=str(s["name"]),
            values=tuple(s.get("values", ())),
            x=tuple(s.get("x", ())),
            sizes=tuple(s.get("sizes", ())),
        )
        for s in data.get("series", ())
    )
    fields = {k: v for k, v in data.items() if k not in ("series", "categories")}
    return ChartData(**fields, categories=tuple(data.get("categories", ())), series=series)


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


IMAGE_DPI = 200
"""Resolution of a chart saved as an image for the deck: sharp when printed at slide width."""


def save_chart_image(
    output_dir: str | os.PathLike[str] | None, key: str, figure: Any | None
) -> str:
    """Save the matplotlib ``figure`` as ``results/<key>.png`` of the run folder (for what a
    native chart cannot draw) and return that path relative to the run folder, as an image
    chart's ``image`` names it; "" when the notebook runs without an output folder, or has no
    figure to save (None: the report drew none). ``key`` starts with the analysis's name
    (« journey_mapping.grid »): a run that carries the analysis forward carries its image."""
    if output_dir is None or figure is None:
        return ""
    folder = Path(output_dir) / RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    figure.savefig(folder / f"{key}.png", dpi=IMAGE_DPI, bbox_inches="tight")
    return f"{RESULTS}/{key}.png"


def save_image(output_dir: str | os.PathLike[str] | None, key: str, png: bytes | None) -> str:
    """Save a picture already drawn as PNG (``png``: the data-flow map as Graphviz draws it) as
    ``results/<key>.png``, as :func:`save_chart_image` does a matplotlib figure."""
    if output_dir is None or png is None:
        return ""
    folder = Path(output_dir) / RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.png").write_bytes(png)
    return f"{RESULTS}/{key}.png"


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
