"""What the TCO deliverable says, in French and English, from the seed example (DOMAIN.md §4):
licence 3 000 + 6 000 + 7 x 600 = 13 200; SaaS 2 000 + 7 x 2 880 = 22 160; SaaS becomes the
dearer option during year 4 (month 37)."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

import pytest
from deliverable_text import assert_typed
from worked_cases import SEED

from crmwb.deliver.views import Chart, Context, Table
from crmwb.tco import charts as tco_charts
from crmwb.tco import views as tco_views
from crmwb.tco.model import (
    Basis,
    Category,
    CostLine,
    Frequency,
    TcoComparison,
    TcoSettings,
    compare_options,
)

C, F, B = Category, Frequency, Basis


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture
def study():
    return compare_options(SEED, TcoSettings(horizon_years=7, discount_rate=0.08, users=4))


def ctx(lang: str) -> Context:
    return Context("Maison <Dupont>", lang, "EUR")  # type: ignore[arg-type]


def test_conclusion_in_french(study):
    text = plain(tco_views.conclusion(study, ctx("fr"))._repr_html_())
    # 22 160 - 13 200 = 8 960, that is 8 960 / 22 160 = 40 % less
    assert "Sur 7 ans, l&#x27;option <strong>Licence</strong> est la moins chère" in text
    assert "13 200 € contre 22 160 €" in text and "8 960 € d&#x27;écart (40 % de moins)" in text
    # the break-even as French writes it: « au 37e mois (4e année) »
    assert "celui de l&#x27;option <strong>Licence</strong> au 37e mois (4e année)" in text
    assert "l&#x27;option <strong>Licence</strong> devient la moins chère" in text
    # 13 200 / (4 users x 84 months) = 39.29; 22 160 / 336 = 65.95
    assert "39,29 €" in text and "65,95 €" in text


def test_conclusion_in_english_with_present_values(study):
    text = tco_views.conclusion(study, ctx("en"))._repr_html_()
    assert "Over 7 years, <strong>Licence</strong> is the cheaper option" in text
    assert "€13,200 against €22,160" in text and "during year 4 (month 37)" in text
    # PV at 8 %: annuity factor (1 - 1.08^-7) / 0.08 = 5.206370;
    # licence 9 000 + 600 x 5.206370 = 12 123.82; SaaS 2 000 + 2 880 x 5.206370 = 16 994.35;
    # gap 4 870.53, shown rounded to the euro
    assert (
        "Discounted at 8.0%, the gap is €4,871 in present value (€12,124 against €16,994)" in text
    )


def test_key_figures_highlight_the_cheapest_option_and_give_the_break_even(study):
    figures = tco_views.key_figures(study, ctx("en")).figures
    assert [(f.label, f.value, f.highlight) for f in figures] == [
        ("Licence", "€13,200", True),
        ("SaaS", "€22,160", False),
        ("Break-even", "month 37", False),
    ]
    assert figures[2].note == "year 4: SaaS becomes the dearer option"


def test_key_figures_in_french_give_the_month_as_an_ordinal(study):
    figures = tco_views.key_figures(study, ctx("fr")).figures
    assert (figures[2].label, figures[2].value) == ("Point de bascule", "37e mois")
    assert plain(figures[2].note) == "4e année : l'option SaaS devient la plus chère"


@pytest.mark.parametrize(
    ("n", "month", "year"),
    [(1, "1er mois", "1re année"), (2, "2e mois", "2e année"), (37, "37e mois", "37e année")],
)
def test_ordinals_in_french_and_english(n, month, year):
    assert tco_charts.month_ordinal(n, ctx("fr")) == month
    assert tco_views.year_ordinal(n, ctx("fr")) == year
    assert tco_charts.month_ordinal(n, ctx("en")) == f"month {n}"
    assert tco_views.year_ordinal(n, ctx("en")) == f"year {n}"


def test_yearly_table_rows_are_periods_and_end_with_total_and_present_value(study):
    table = tco_views.yearly_table(study, ctx("en"))
    labels = [row[0] for row in table.rows]
    assert labels[:2] == ["Initial (t=0)", "Year 1"] and labels[-2:] == ["Total", "Present value"]
    # end of year 4: licence 9 000 + 4 x 600 = 11 400; SaaS 2 000 + 4 x 2 880 = 13 520
    year4 = table.rows[4]
    assert year4[2] == pytest.approx(11_400) and year4[4] == pytest.approx(13_520)


def test_client_text_in_tables_is_escaped(study):
    lines = [CostLine("<b>A</b>", C.LICENCE, F.ONE_OFF, B.FLAT, 10, description="<script>")]
    other = compare_options(lines, TcoSettings(horizon_years=3))
    html = tco_views.cost_lines(other, ctx("en"))._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>A</b>" not in html


def test_the_charts_sections_hold_a_chart_in_the_client_s_language(study):
    section = tco_views.cumulative_section(study, ctx("fr"))
    assert section.title == "Coût cumulé" and section.keep_together
    (chart,) = section.parts
    assert isinstance(chart, Chart) and chart.svg.lstrip().startswith(b"<?xml")
    category = tco_views.category_section(study, ctx("en"))
    assert [type(part) for part in category.parts] == [Chart, Table]


# --- degenerate cases -------------------------------------------------------------------------


def single(rate: float = 0.08) -> TcoComparison:
    return compare_options(SEED[:3], TcoSettings(horizon_years=7, discount_rate=rate, users=4))


def test_one_option_says_there_is_no_comparison_nor_break_even():
    study = single()
    text = plain(unescape(tco_views.conclusion(study, ctx("fr"))._repr_html_()))
    # licence alone: 3 000 + 6 000 + 7 x 600 = 13 200; PV at 8 %: 9 000 + 600 x 5.206370
    assert (
        "Une seule option est chiffrée : l'option <strong>Licence</strong> coûte 13 200 €" in text
    )
    assert "il n'y a ni comparaison ni point de bascule" in text
    assert "son coût est de 12 124 € en valeur actuelle" in text
    # 13 200 / (4 x 84) = 39.29 per user per month
    assert "Rapporté à 4 utilisateurs, cela représente 39,29 € par utilisateur et par mois." in text
    figures = tco_views.key_figures(study, ctx("fr")).figures
    assert [(f.label, plain(f.value), f.highlight) for f in figures] == [
        ("Licence", "13 200 €", False)
    ]
    conventions = tco_views.conventions(study, ctx("fr")).items
    assert not any("Point de bascule" in item for item in conventions)
    assert tco_views.header(study, ctx("fr")).subtitle == "Coût de l'option Licence sur 7\u00a0ans"
    assert tco_views.break_even_table(study, ctx("fr")) is None


def test_options_that_never_cross_say_so_in_the_key_figures():
    lines = [
        CostLine("A", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 100),
        CostLine("B", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 200),
    ]
    study = compare_options(lines, TcoSettings(horizon_years=3))
    figures = tco_views.key_figures(study, ctx("fr")).figures
    assert [(f.label, f.value, plain(f.note)) for f in figures][-1] == (
        "Point de bascule",
        "aucun",
        "l'option A reste la moins chère sur tout l'horizon",
    )
    text = plain(unescape(tco_views.conclusion(study, ctx("fr"))._repr_html_()))
    assert "Les courbes de coût cumulé ne se croisent pas sur l'horizon" in text


def test_without_discounting_the_present_value_is_not_repeated(study):
    undiscounted = compare_options(SEED, TcoSettings(horizon_years=7, users=4))
    labels = [row[0] for row in tco_views.indicators(undiscounted, ctx("fr")).rows]
    assert not any(label.startswith("Valeur actuelle") for label in labels)
    assert [row[0] for row in tco_views.yearly_table(undiscounted, ctx("fr")).rows][-1] == "Total"
    conventions = " ".join(tco_views.conventions(undiscounted, ctx("fr")).items)
    assert "Aucune actualisation (taux de 0\u00a0%)" in conventions
    # discounted at 8 %, both are there
    assert [row[0] for row in tco_views.yearly_table(study, ctx("en")).rows][-2:] == [
        "Total",
        "Present value",
    ]


# --- Excel as data ----------------------------------------------------------------------------


def test_every_excel_table_has_one_kind_per_column_and_filled_headers(study):
    tables = tco_views.excel_tables(study, ctx("fr"))
    assert [t.name for t in tables] == [
        "Indicateurs par option",
        "Coûts par année et cumulés",
        "Coûts par catégorie",
        "Lignes de coût",
        "Hypothèses",
        "Points de bascule",
    ]
    assert_typed(tables)


def test_the_excel_cost_lines_keep_prices_rates_and_years_apart(study):
    table = tco_views.cost_lines_data(study, ctx("en"))
    titles = [c.title for c in table.columns]
    rows = [dict(zip(titles, row, strict=True)) for row in table.rows]
    maintenance = rows[1]
    # the 20 % maintenance: a rate, no unit price; paid years 1 to 7 (7 x 600 = 4 200)
    assert maintenance["Unit price"] is None and maintenance["Rate (% of licence)"] == 0.20
    assert maintenance["First year paid (0 = initial period)"] == 1
    assert (maintenance["Last year paid"], maintenance["Total over the horizon"]) == (7, 4200)
    licence = rows[0]
    assert (licence["Unit price"], licence["Rate (% of licence)"]) == (3000, None)
    assert licence["First year paid (0 = initial period)"] == licence["Last year paid"] == 0


def test_the_excel_assumptions_and_break_even_are_typed(study):
    assumptions = tco_views.assumptions_data(study, ctx("en"))
    assert assumptions.rows == ((7, 0.08, 4, 0, 0.0, "EUR"),)
    crossings = tco_views.break_even_table(study, ctx("en"))
    assert crossings is not None
    (row,) = crossings.rows
    # DOMAIN.md §4: at the start of year 4 SaaS is 160 cheaper (10 640 against 10 800) and
    # gains (2 880 - 600) / 12 = 190 a month: it is dearer after 36 + 160 / 190 = 36.8 months,
    # during month 37 of year 4
    be = study.headline_break_even
    assert be is not None
    assert be.months == pytest.approx(36 + 160 / 190)
    assert row == ("SaaS", "Licence", 37, 4, 36.8, be.cumulative_cost)


def test_the_notebook_is_thin():
    """Parameters, then one call a cell: the logic is in tested view functions."""
    notebook = json.loads((Path(__file__).parents[2] / "notebooks" / "tco.ipynb").read_text())
    code = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    sections = [source for source in code[2:] if not source.startswith("save_tables")]
    assert all(source.startswith("tco_views.") and "\n" not in source for source in sections)
