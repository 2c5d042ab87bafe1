"""The deck as an editable PowerPoint (crmwb.deck.pptx): a deck made by hand with every slide
kind and every chart kind (made-up numbers), written, read back with python-pptx: its layouts,
native charts holding the series' values (the waterfall's steps floating where they should),
native tables, text that fits its boxes, bold runs, French number formats; the firm's template
used, or refused when it lacks a layout; a write that fails leaves the previous deck whole; the
deck rendered by LibreOffice has a page per slide."""

from __future__ import annotations

import copy
import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from deck_files import charts_of, overflows
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.text import PP_ALIGN

from crmwb.core.errors import CrmwbError
from crmwb.deck import pptx as writer
from crmwb.deck.model import MAX_BULLETS, Deck, KeyFigure, Slide, TableData
from crmwb.deliver.results import ChartData, Series

# --- a deck by hand (every number made up for the test) -------------------------------------

VENDORS = ("Alpha CRM", "Bêta Cloud", "Gamma Suite")
WATERFALL_STEPS = (120_000.0, 45_000.0, -30_000.0, 60_000.0, -15_000.0, 180_000.0)
"""Licences, integration, a discount, run, a saving, then the total (120+45-30+60-15 = 180)."""
WATERFALL_BASES = (0.0, 120_000.0, 135_000.0, 135_000.0, 180_000.0, 0.0)
"""Where each step's bar starts, by hand: a rise from the running total before it (0, 120 000,
135 000), a fall from the one after it (165 000 - 30 000 = 135 000; 195 000 - 15 000 = 180 000),
the total from zero."""
WATERFALL_HEIGHTS = (120_000.0, 45_000.0, 30_000.0, 60_000.0, 15_000.0, 180_000.0)

WORDS = {
    "fr": {
        "client": "Groupe Exemple — choix du CRM",
        "date": "Comité de pilotage du 1er octobre 2026\nMarie Dupont, consultante",
        "agenda": "Ordre du jour",
        "agenda_items": (
            "Où en est le projet",
            "Coût total de possession sur 7 ans",
            "Retour sur investissement",
            "Comparaison des éditeurs",
            "Décisions à prendre",
        ),
        "costs": "Coûts",
        "costs_sub": "Coût total de possession et retour sur investissement",
        "cheapest": "**Alpha CRM** coûte le moins sur 7 ans\u00a0: 412\u202f000\u00a0€",
        "tco": "Coût total sur 7 ans",
        "licence": "Licence",
        "integration": "Intégration",
        "run": "Exploitation",
        "year": "Année",
        "cost": "Coût",
        "seven_years": "coût total sur 7 ans",
        "waterfall": "Le projet coûte **180\u202f000\u00a0€** la première année",
        "steps": ("Licences", "Intégration", "Remise", "Exploitation", "Économie", "Total"),
        "table": "Les trois éditeurs retenus",
        "columns": ("Éditeur", "Licence", "Intégration", "Note"),
        "note": "3 premiers sur 12 éditeurs",
        "line": "Le coût cumulé d'Alpha reste le plus bas",
        "years": ("An 1", "An 2", "An 3", "An 4", "An 5"),
        "bullets_line": (
            "Alpha reste moins cher **chaque année**",
            "Gamma rattrape Bêta en année 4",
            "L'année 3 de Bêta manque (devis en attente)",
        ),
        "closing": "Décisions à prendre",
        "decisions": (
            "Retenir **Alpha CRM** pour la phase 1",
            "Lancer l'appel d'offres d'intégration en novembre",
            "Valider le budget de 412\u202f000\u00a0€ sur 7 ans",
        ),
        "notes": "Insister sur le coût d'exploitation.",
        "findings": "Six constats de l'audit des données",
        "finding": (
            "Constat {n}\u00a0: les fiches clients en double faussent le suivi des ventes et "
            "**le coût de la reprise** des données, surtout pour les comptes que suivent "
            "plusieurs agences à la fois"
        ),
    },
    "en": {
        "client": "Example Group — CRM selection",
        "date": "Steering committee, 1 October 2026\nMarie Dupont, consultant",
        "agenda": "Agenda",
        "agenda_items": (
            "Where the project stands",
            "Total cost of ownership over 7 years",
            "Return on investment",
            "Vendor comparison",
            "Decisions to take",
        ),
        "costs": "Costs",
        "costs_sub": "Total cost of ownership and return on investment",
        "cheapest": "**Alpha CRM** costs the least over 7 years: €412,000",
        "tco": "Total cost over 7 years",
        "licence": "Licence",
        "integration": "Integration",
        "run": "Operations",
        "year": "Year",
        "cost": "Cost",
        "seven_years": "total cost over 7 years",
        "waterfall": "The project costs **€180,000** in its first year",
        "steps": ("Licences", "Integration", "Discount", "Operations", "Saving", "Total"),
        "table": "The three vendors shortlisted",
        "columns": ("Vendor", "Licence", "Integration", "Score"),
        "note": "top 3 of 12 vendors",
        "line": "Alpha's cumulative cost stays the lowest",
        "years": ("Year 1", "Year 2", "Year 3", "Year 4", "Year 5"),
        "bullets_line": (
            "Alpha stays cheaper **every year**",
            "Gamma catches up with Beta in year 4",
            "Beta's year 3 is missing (quote pending)",
        ),
        "closing": "Decisions to take",
        "decisions": (
            "Choose **Alpha CRM** for phase 1",
            "Launch the integration tender in November",
            "Approve the budget of €412,000 over 7 years",
        ),
        "notes": "Stress the operating cost.",
        "findings": "Six findings of the data audit",
        "finding": (
            "Finding {n}: duplicate customer records distort sales tracking and "
            "**the cost of migrating** the data, above all for the accounts that several "
            "branches follow at once"
        ),
    },
}


ROWS = {
    "fr": (
        ("Alpha CRM", "150\u202f000\u00a0€", "262\u202f000\u00a0€", "3,9"),
        ("Bêta Cloud", "210\u202f000\u00a0€", "240\u202f000\u00a0€", "4,1"),
        ("Gamma Suite", "180\u202f000\u00a0€", "300\u202f000\u00a0€", "3,5"),
    ),
    "en": (
        ("Alpha CRM", "€150,000", "€262,000", "3.9"),
        ("Bêta Cloud", "€210,000", "€240,000", "4.1"),
        ("Gamma Suite", "€180,000", "€300,000", "3.5"),
    ),
}


def charts(lang: str) -> dict[str, ChartData]:
    """One chart of every kind (the image one names ``chart.png`` in the images folder)."""
    w = WORDS[lang]
    two = (
        Series(w["licence"], (150_000.0, 210_000.0, 180_000.0)),
        Series(w["integration"], (262_000.0, 240_000.0, 300_000.0)),
    )
    return {
        "column": ChartData("t.column", w["tco"], "column", VENDORS, two, "EUR", y_title=w["cost"]),
        "stacked_column": ChartData("t.stack", w["tco"], "stacked_column", VENDORS, two, "EUR"),
        "bar": ChartData("t.bar", w["tco"], "bar", VENDORS, two[:1], "EUR", x_title=w["licence"]),
        "stacked_bar": ChartData("t.sbar", w["tco"], "stacked_bar", VENDORS, two, "EUR"),
        "line": ChartData(
            "t.line",
            w["tco"],
            "line",
            w["years"],
            (
                Series(VENDORS[0], (60_000.0, 130_000.0, 190_000.0, 260_000.0, 330_000.0)),
                Series(VENDORS[1], (90_000.0, 170_000.0, None, 330_000.0, 410_000.0)),
                Series(VENDORS[2], (120_000.0, 190_000.0, 260_000.0, 330_000.0, 400_000.0)),
            ),
            "EUR",
            x_title=w["year"],
        ),
        "scatter": ChartData(
            "t.scatter",
            "Score / coût" if lang == "fr" else "Score / cost",
            "scatter",
            series=(Series("Éditeurs", (3.5, 4.1, 2.8, 3.9), x=(412.0, 450.0, 480.0, 390.0)),),
            unit="score",
            x_title="k€",
            y_title="Score",
        ),
        "bubble": ChartData(
            "t.bubble",
            "Score / coût / utilisateurs" if lang == "fr" else "Score / cost / users",
            "bubble",
            series=(
                Series("Cloud", (3.5, 4.1), x=(412.0, 450.0), sizes=(120.0, 300.0)),
                Series("On-premise", (2.8, 3.9), x=(480.0, 390.0), sizes=(80.0, 200.0)),
            ),
            unit="score",
        ),
        "doughnut": ChartData(
            "t.doughnut",
            "Répartition du coût" if lang == "fr" else "Cost breakdown",
            "doughnut",
            (w["licence"], w["integration"], w["run"]),
            (Series(w["cost"], (0.45, 0.35, 0.20)),),
            "%",
        ),
        "waterfall": ChartData(
            "t.waterfall",
            w["tco"],
            "waterfall",
            w["steps"],
            (Series(w["cost"], WATERFALL_STEPS),),
            "EUR",
            total=True,
        ),
        "histogram": ChartData(
            "t.histogram",
            "Notes des éditeurs" if lang == "fr" else "Vendors' scores",
            "histogram",
            ("0-1", "1-2", "2-3", "3-4", "4-5"),
            (Series("Éditeurs" if lang == "fr" else "Vendors", (1.0, 2.0, 5.0, 3.0, 1.0)),),
            "count",
        ),
        "image": ChartData(
            "t.image",
            "Parcours client" if lang == "fr" else "Customer journey",
            "image",
            image="chart.png",
        ),
    }


def figures(lang: str) -> tuple[KeyFigure, ...]:
    w = WORDS[lang]
    money = ("412\u202f000\u00a0€", "450\u202f000\u00a0€", "480\u202f000\u00a0€")
    if lang == "en":
        money = ("€412,000", "€450,000", "€480,000")
    return tuple(
        KeyFigure(vendor, value, w["seven_years"])
        for vendor, value in zip(VENDORS, money, strict=True)
    )


def make_deck(lang: str, client: str | None = None) -> Deck:
    """Every slide kind, and a slide for each chart kind after the headline's."""
    w = WORDS[lang]
    chart = charts(lang)
    rows = ROWS[lang]
    slides = [
        Slide("title", client or w["client"], w["date"], notes=w["notes"]),
        Slide("agenda", w["agenda"], bullets=w["agenda_items"]),
        Slide("section", w["costs"], w["costs_sub"]),
        Slide(
            "headline",
            w["cheapest"],
            figures=figures(lang),
            chart=chart["column"],
            notes=w["notes"],
            analysis="tco",
        ),
        Slide("headline", w["waterfall"], chart=chart["waterfall"], analysis="tco"),
        Slide(
            "detail",
            w["table"],
            table=TableData(w["columns"], rows, (False, True, True, True), w["note"]),
            analysis="vendors",
        ),
        Slide("detail", w["line"], bullets=w["bullets_line"], chart=chart["line"]),
    ]
    for kind in ("stacked_column", "bar", "stacked_bar", "scatter", "bubble", "doughnut",
                 "histogram", "image"):  # fmt: skip
        slides.append(Slide("detail", f"{chart[kind].title} ({kind})", chart=chart[kind]))
    findings = tuple(w["finding"].format(n=n) for n in range(1, MAX_BULLETS + 1))
    slides.append(Slide("detail", w["findings"], bullets=findings))  # bullets stepped down
    slides.append(Slide("closing", w["closing"], bullets=w["decisions"], figures=figures(lang)[:1]))
    return Deck(w["client"], lang, tuple(slides))


def write_png(path: Path) -> Path:
    """A made-up chart image, twice as wide as high."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 400), "white")
    draw = ImageDraw.Draw(image)
    for i, colour in enumerate(("#4F81BD", "#C0504D", "#9BBB59", "#8064A2")):
        draw.rectangle((40 + i * 190, 60, 200 + i * 190, 340), fill=colour)
    image.save(path)
    return path


def written_deck(folder: Path, lang: str, **options: Any) -> Path:
    write_png(folder / "chart.png")
    deck = make_deck(lang, options.pop("client", None))
    return writer.write_deck(deck, folder / f"deck-{lang}.pptx", images=folder, **options)


# --- reading a written deck back --------------------------------------------------------------

EXPECTED_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "scatter": XL_CHART_TYPE.XY_SCATTER,
    "bubble": XL_CHART_TYPE.BUBBLE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
    "waterfall": XL_CHART_TYPE.COLUMN_STACKED,
    "histogram": XL_CHART_TYPE.COLUMN_CLUSTERED,
}


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The deck written in French and in English, without a template."""
    folder = tmp_path_factory.mktemp("decks")
    return {lang: written_deck(folder, lang) for lang in ("fr", "en")}


# --- the tests --------------------------------------------------------------------------------


def test_each_slide_kind_takes_its_layout(decks: dict[str, Path]) -> None:
    deck = make_deck("fr")
    prs = Presentation(str(decks["fr"]))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9 without a template
    assert len(prs.slides) == len(deck.slides) == 17
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[:7] == [
        "Title Slide",
        "Title and Content",  # the agenda's bullets
        "Section Header",
        "Title Only",  # key figures and a chart
        "Title Only",  # the waterfall
        "Title Only",  # the table
        "Title and Content",  # bullets beside a chart
    ]
    assert set(layouts[7:-2]) == {"Title Only"}
    assert layouts[-2:] == ["Title and Content"] * 2  # the findings, the decisions
    for slide, written in zip(deck.slides, prs.slides, strict=True):
        title = next(p for p in written.placeholders if p.placeholder_format.idx == 0)
        assert title.text_frame.text == writer.plain(slide.title)
    title_slide = prs.slides[0]
    subtitle = next(p for p in title_slide.placeholders if p.placeholder_format.idx == 1)
    assert subtitle.text_frame.text == WORDS["fr"]["date"]  # a paragraph a line
    assert title_slide.notes_slide.notes_text_frame.text == WORDS["fr"]["notes"]
    agenda = next(p for p in prs.slides[1].placeholders if p.placeholder_format.idx == 1)
    assert [p.text for p in agenda.text_frame.paragraphs] == list(WORDS["fr"]["agenda_items"])


def test_every_chart_is_native_with_the_series_values(decks: dict[str, Path]) -> None:
    deck = make_deck("en")
    prs = Presentation(str(decks["en"]))
    seen = set()
    for slide, written in zip(deck.slides, prs.slides, strict=True):
        chart = slide.chart
        if chart is None or chart.kind == "image":
            continue
        seen.add(chart.kind)
        (drawn,) = charts_of(written)
        assert drawn.chart_type == EXPECTED_TYPES[chart.kind], chart.kind
        plot = drawn.plots[0]
        if chart.kind == "waterfall":
            continue  # its own test
        assert [s.name for s in plot.series] == [s.name for s in chart.series]
        for drawn_series, series in zip(plot.series, chart.series, strict=True):
            if chart.kind in ("scatter", "bubble"):
                assert drawn_series.values == tuple(v for v in series.values if v is not None)
            else:
                assert drawn_series.values == series.values, chart.kind  # None: a gap
        if chart.kind not in ("scatter", "bubble"):
            assert tuple(plot.categories) == chart.categories
        assert drawn.has_legend == (len(chart.series) > 1 or chart.kind == "doughnut")
        assert drawn.chart_title.text_frame.text == chart.title
        if chart.kind not in ("scatter", "bubble"):  # no labels on points (nor the API)
            # values written on few points of one series (several series' labels collide)
            few = len(chart.categories) * len(chart.series) <= writer.FEW_POINTS
            labelled = few and (len(chart.series) == 1 or chart.kind == "doughnut")
            assert plot.has_data_labels == labelled, chart.kind
            if labelled:
                assert plot.data_labels.show_value
        if chart.kind in ("bar", "stacked_bar"):  # the first category on top
            assert drawn.category_axis.reverse_order
        if chart.kind not in ("scatter", "bubble", "doughnut", "waterfall"):
            # no value below 0 here: the values' axis starts at 0 (value_bounds)
            assert drawn.value_axis.minimum_scale == 0, chart.kind
        if chart.kind == "histogram":
            assert plot.gap_width <= 10
    assert seen == set(EXPECTED_TYPES)
    line = next(s.chart for s in deck.slides if s.chart and s.chart.kind == "line")
    assert line.series[1].values[2] is None  # the gap the line chart keeps
    column = charts_of(prs.slides[3])[0]
    assert column.value_axis.axis_title.text_frame.text == WORDS["en"]["cost"]


def test_an_image_chart_is_its_picture_in_proportion(decks: dict[str, Path]) -> None:
    prs = Presentation(str(decks["fr"]))
    slide = next(s for s in prs.slides if s.shapes.title.text.endswith("(image)"))
    (picture,) = [shape for shape in slide.shapes if shape.shape_type == 13]  # PICTURE
    assert picture.width / picture.height == pytest.approx(2.0, rel=0.01)  # 800 x 400 px
    assert picture.width > 0.6 * prs.slide_width  # as large as the slide allows


def test_the_waterfall_steps_float_on_an_invisible_base(decks: dict[str, Path]) -> None:
    prs = Presentation(str(decks["fr"]))
    (drawn,) = charts_of(prs.slides[4])
    base, steps = drawn.plots[0].series
    assert base.values == WATERFALL_BASES
    assert steps.values == WATERFALL_HEIGHTS
    # each step's bar spans the running total before and after it; the total from zero
    running = 0.0
    for k, amount in enumerate(WATERFALL_STEPS[:-1]):
        low, high = sorted((running, running + amount))
        assert (base.values[k], base.values[k] + steps.values[k]) == (low, high)
        running += amount
    assert (base.values[-1], steps.values[-1]) == (0.0, running) == (0.0, WATERFALL_STEPS[-1])
    assert base.format.fill.type == 5  # MSO_FILL.BACKGROUND: no fill
    assert base.format.line.fill.type == 5
    assert not drawn.has_legend  # the base in no legend
    labels = [steps.points[k].data_label.text_frame.text for k in range(len(WATERFALL_STEPS))]
    assert labels == [
        "+120\u202f000\u00a0€",
        "+45\u202f000\u00a0€",
        "\u221230\u202f000\u00a0€",
        "+60\u202f000\u00a0€",
        "\u221215\u202f000\u00a0€",
        "180\u202f000\u00a0€",
    ]
    rises, falls = steps.points[0].format.fill, steps.points[2].format.fill
    assert (rises.fore_color.theme_color, falls.fore_color.theme_color) != (None, None)
    assert rises.fore_color.theme_color != falls.fore_color.theme_color


def test_a_waterfall_crossing_zero_splits_the_step_that_crosses() -> None:
    # 100 up, 150 down (from 100 to -50: across zero), 20 up (from -50 to -30), all by hand
    steps = writer.waterfall([100.0, -150.0, 20.0], total=False)
    assert steps.base == (0.0, 0.0, -30.0)
    assert steps.steps == (100.0, 100.0, -20.0)  # the third under zero: from -30 down to -50
    assert steps.below == (None, -50.0, None)
    assert steps.kinds == ("up", "down", "up")


def test_tables_are_native_numbers_right_aligned_header_bold(decks: dict[str, Path]) -> None:
    prs = Presentation(str(decks["fr"]))
    slide = prs.slides[5]
    (shape,) = [shape for shape in slide.shapes if shape.has_table]
    table = shape.table
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [list(WORDS["fr"]["columns"]), *(list(row) for row in ROWS["fr"])]
    assert all(
        run.font.bold for cell in table.rows[0].cells for run in cell.text_frame.paragraphs[0].runs
    )
    assert not any(run.font.bold for run in table.cell(1, 0).text_frame.paragraphs[0].runs)
    alignments = [table.cell(1, c).text_frame.paragraphs[0].alignment for c in range(4)]
    assert alignments == [PP_ALIGN.LEFT, PP_ALIGN.RIGHT, PP_ALIGN.RIGHT, PP_ALIGN.RIGHT]
    (note,) = [
        s for s in slide.shapes if s.has_text_frame and s.text_frame.text == WORDS["fr"]["note"]
    ]
    assert shape.top + sum(row.height for row in table.rows) <= note.top  # the note under it


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_text_overflows_its_box(decks: dict[str, Path], lang: str) -> None:
    assert overflows(decks[lang]) == []
    findings = Presentation(str(decks[lang])).slides[15].placeholders[1].text_frame
    sizes = {run.font.size.pt for p in findings.paragraphs for run in p.runs}
    assert len(sizes) == 1 and sizes.pop() < writer.BULLET_SIZES[0]  # stepped down to fit


def test_a_long_client_name_wraps_smaller_on_the_title_slide(tmp_path: Path) -> None:
    client = ("Établissements Financiers et Mutualistes Réunis du Grand Ouest Atlantique — "
              "programme de refonte de la relation client")  # fmt: skip
    client = (client + " " * 120)[:120]
    assert len(client.strip()) >= 115
    path = written_deck(tmp_path, "fr", client=client.strip())
    title = Presentation(str(path)).slides[0].shapes.title
    sizes = {run.font.size.pt for run in title.text_frame.paragraphs[0].runs}
    assert len(sizes) == 1 and sizes.pop() < writer.TITLE_SLIDE_SIZES[0]  # stepped down
    assert title.text_frame.word_wrap
    assert overflows(path) == []


def test_bold_marks_make_bold_runs(decks: dict[str, Path]) -> None:
    prs = Presentation(str(decks["fr"]))
    runs = prs.slides[3].shapes.title.text_frame.paragraphs[0].runs
    assert [(run.text, bool(run.font.bold)) for run in runs] == [
        ("Alpha CRM", True),
        (" coûte le moins sur 7 ans\u00a0: 412\u202f000\u00a0€", False),
    ]
    body = next(p for p in prs.slides[6].placeholders if p.placeholder_format.idx == 1)
    first = body.text_frame.paragraphs[0].runs
    assert [(run.text, bool(run.font.bold)) for run in first] == [
        ("Alpha reste moins cher ", False),
        ("chaque année", True),
    ]
    assert "**" not in "".join(
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def test_a_french_deck_writes_numbers_the_french_way(decks: dict[str, Path]) -> None:
    formats = {}
    for lang in ("fr", "en"):
        prs = Presentation(str(decks[lang]))
        column = charts_of(prs.slides[3])[0]
        drawn = [c for s in prs.slides for c in charts_of(s)]
        doughnut = next(c for c in drawn if c.chart_type == XL_CHART_TYPE.DOUGHNUT)
        bar = next(c for c in drawn if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED)
        formats[lang] = (
            column.value_axis.tick_labels.number_format,
            bar.plots[0].data_labels.number_format,
            doughnut.plots[0].data_labels.number_format,
        )
    assert formats["fr"] == ('#,##0 "€";-#,##0 "€"', '#,##0 "€";-#,##0 "€"', "0\u00a0%")
    assert formats["en"] == ('"€"#,##0;-"€"#,##0', '"€"#,##0;-"€"#,##0', "0%")


def make_template(path: Path, *, keep_content: bool = True) -> Path:
    """The firm's template, as a test makes it: python-pptx's own with its layouts renamed (in
    French), a logo on the master, a sample slide, and (unless ``keep_content``) no layout with
    a title and one body."""
    prs = Presentation()
    names = {
        "Title Slide": "Couverture",
        "Title and Content": "Titre et contenu",
        "Section Header": "Titre de section",
        "Title Only": "Titre seul",
    }
    for layout in prs.slide_layouts:
        layout.name = "Maison — " + names.get(layout.name, layout.name)
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "Sample slide"
    logo = sample.shapes.add_textbox(0, 0, 914400, 300000)
    logo.name = "Firm logo"
    logo.text_frame.text = "FIRM"
    prs.slide_master.shapes._spTree.append(copy.deepcopy(logo._element))  # on every slide
    if not keep_content:
        prs.slide_layouts.remove(prs.slide_layouts[1])  # Title and Content
    prs.save(str(path))
    return path


def test_the_firms_template_gives_the_layouts_and_the_master(tmp_path: Path) -> None:
    template = make_template(tmp_path / "firm.pptx")
    path = written_deck(tmp_path, "fr", template=template)
    prs = Presentation(str(path))
    assert len(prs.slides) == len(make_deck("fr").slides)  # the sample slide left out
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)  # the template's 4:3
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[:4] == [
        "Maison — Couverture",
        "Maison — Titre et contenu",
        "Maison — Titre de section",
        "Maison — Titre seul",
    ]
    assert all(name.startswith("Maison — ") for name in layouts)
    assert "Firm logo" in [shape.name for shape in prs.slide_master.shapes]
    assert overflows(path) == []


def test_no_font_is_named_the_themes_are_used(decks: dict[str, Path], tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(decks["fr"]) as package:
        parts = [n for n in package.namelist() if n.startswith(("ppt/slides/", "ppt/charts/"))]
        texts = [package.read(name).decode("utf-8") for name in parts if name.endswith(".xml")]
    assert texts and not any("<a:latin " in text or "<a:srgbClr" in text for text in texts)


def test_a_potx_template_is_read_too(tmp_path: Path) -> None:
    import zipfile

    pptx = make_template(tmp_path / "firm.pptx")
    potx = tmp_path / "firm.potx"
    with zipfile.ZipFile(pptx) as source, zipfile.ZipFile(potx, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentation.main+xml", b"template.main+xml")
            target.writestr(item, data)
    path = written_deck(tmp_path, "en", template=potx)
    assert Presentation(str(path)).slides[0].slide_layout.name == "Maison — Couverture"


def test_a_template_without_a_title_and_body_layout_is_refused(tmp_path: Path) -> None:
    template = make_template(tmp_path / "firm.pptx", keep_content=False)
    with pytest.raises(CrmwbError) as caught:
        written_deck(tmp_path, "fr", template=template)
    error = caught.value
    assert error.file == str(template)
    english = error.message("en")
    assert "a slide layout with a title and one body" in english, english
    assert "'Maison — Couverture'" in english  # what it has
    french = error.message("fr")
    assert "un titre et un seul corps" in french and "\u00a0: on attend" in french, french
    assert not (tmp_path / "deck-fr.pptx").exists()


def test_an_unreadable_template_or_a_missing_image_is_said(tmp_path: Path) -> None:
    bad = tmp_path / "firm.pptx"
    bad.write_text("not a presentation", encoding="utf-8")
    with pytest.raises(CrmwbError) as caught:
        written_deck(tmp_path, "en", template=bad)
    assert "a PowerPoint template (.pptx or .potx)" in caught.value.message("en")
    deck = make_deck("en")
    with pytest.raises(CrmwbError) as caught:
        writer.write_deck(deck, tmp_path / "deck.pptx", images=tmp_path / "elsewhere")
    assert "the image of the chart 'Customer journey'" in caught.value.message("en")


def test_more_bullets_than_a_slide_holds_are_refused(tmp_path: Path) -> None:
    many = tuple(f"Point {n}" for n in range(MAX_BULLETS + 1))
    deck = Deck("Client", "fr", (Slide("detail", "Trop", bullets=many),))
    with pytest.raises(ValueError, match=f"at most {MAX_BULLETS} bullets"):
        writer.write_deck(deck, tmp_path / "deck.pptx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_previous_deck_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = written_deck(tmp_path, "fr")
    before = path.read_bytes()

    def broken_save(self: Any, file: Any) -> None:
        Path(file).write_bytes(b"PK half a deck")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pptx.presentation.Presentation.save", broken_save)
    with pytest.raises(OSError, match="No space left"):
        written_deck(tmp_path, "fr")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png", "deck-fr.pptx"]


def test_the_estimate_of_lines() -> None:
    assert writer.lines("", 20, 5.0) == 1
    # at 20 pt a character is 0.55 x 20 = 11 pt wide: 24 of them in 3.7 in, 23 in 3.6 in
    assert writer.lines("word " * 20, 20, 3.7) == 4  # 24 characters a line: 5 words each
    assert writer.lines("word " * 20, 20, 3.6) == 5  # 23: 4 words each
    assert writer.lines("x" * 61, 20, 3.7) == 3  # a word longer than a line is cut
    assert writer.lines("12\u00a0000\u00a0€", 20, 0.7) == 2  # one word (no-break spaces), cut
    assert writer.fits("a\nb", 20, 5.0, 2 * 20 * 1.2 / 72)
    assert not writer.fits("a\nb", 20, 5.0, 2 * 20 * 1.2 / 72, space_before_pt=10)
    assert writer.plain("**Alpha** CRM") == "Alpha CRM"
    assert writer.lines("a\vb", 20, 5.0) == 2  # a line break, as python-pptx reads it


def pages(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_libreoffice_renders_a_page_per_slide(
    decks: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        pytest.skip("LibreOffice (soffice) or pdftoppm is not installed: the deck is not rendered")
    # the client's locale (the viewer's separators in the charts' numbers), a profile of its own
    locale = {"fr": "fr_FR.UTF-8", "en": "en_GB.UTF-8"}[lang]
    env = {**os.environ, "LC_ALL": locale, "LANG": locale}
    process = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(decks[lang]),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    pdf = tmp_path / decks[lang].with_suffix(".pdf").name
    if process.returncode != 0 or not pdf.exists():
        pytest.skip(
            f"soffice could not convert a .pptx (Impress missing?): {process.stderr[-300:]}"
        )
    assert len(pages(pdf, tmp_path)) == len(make_deck(lang).slides)


def test_the_deck_has_a_new_files_usual_mode(tmp_path: Path) -> None:
    """Written through a private temporary file, the deck is then readable as any file the
    consultant makes (0644 under the usual umask 022), to share with the team."""
    old = os.umask(0o022)
    try:
        target = writer.write_deck(
            Deck("Client — Projet CRM", "fr", (Slide("title", "Projet CRM"),)),
            tmp_path / "deck.pptx",
        )
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_values_axes_start_at_zero_and_shares_stop_at_100_percent() -> None:
    """Completeness by field from 94 % to 100 %: drawn from 0 to 100 % (an axis from 75 % made
    94 % look a quarter of 100 %); a cash flow going negative keeps the viewer's bounds."""
    shares = ChartData("q", "", "bar", ("E-mail", "Phone"), (Series("Filled", (0.944, 1.0)),), "%")
    cash = ChartData("c", "", "line", ("0", "1"), (Series("Cash", (-20000.0, 6000.0)),), "EUR")
    stacked = ChartData(
        "s", "", "stacked_column", ("A",), (Series("x", (3000.0,)), Series("y", (4200.0,))), "EUR"
    )
    assert writer.value_bounds(shares) == (0.0, 1.0)
    assert writer.value_bounds(cash) == (None, None)
    assert writer.value_bounds(stacked) == (0.0, None)


def test_below_zero_the_categories_are_named_under_the_plot(tmp_path: Path) -> None:
    """A cumulative cash flow from −20 000 € to 6 000 €: the years' names under the plot, not
    on the zero line across it."""
    from pptx.enum.chart import XL_TICK_LABEL_POSITION

    cash = ChartData("c", "", "line", ("0", "1"), (Series("Cash", (-20000.0, 6000.0)),), "EUR")
    deck = Deck("Client — Projet", "fr", (Slide("headline", "Trésorerie", chart=cash),))
    (drawn,) = charts_of(Presentation(str(writer.write_deck(deck, tmp_path / "d.pptx"))).slides[0])
    assert drawn.category_axis.tick_label_position == XL_TICK_LABEL_POSITION.LOW


def test_an_xy_charts_x_axis_is_written_in_its_own_unit(tmp_path: Path) -> None:
    """The vendors' value map: scores up, TCOs across, in euros the French way (not 412000)."""
    value = ChartData(
        "v",
        "Rapport qualité-prix",
        "scatter",
        series=(Series("Sellsy", (0.68,), x=(5460.0,)), Series("Simple CRM", (0.66,), x=(2520.0,))),
        unit="score",
        x_unit="EUR",
    )
    deck = Deck("Client — Projet", "fr", (Slide("headline", "Éditeurs", chart=value),))
    (drawn,) = charts_of(Presentation(str(writer.write_deck(deck, tmp_path / "d.pptx"))).slides[0])
    assert drawn.category_axis.tick_labels.number_format == writer.number_format("EUR", "fr")
    assert drawn.value_axis.tick_labels.number_format == writer.number_format("score", "fr")
