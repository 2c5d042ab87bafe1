"""What the TCO deliverable says, in French and English, from the seed example (DOMAIN.md §4):
licence 3 000 + 6 000 + 7 x 600 = 13 200; SaaS 2 000 + 7 x 2 880 = 22 160; SaaS becomes the
dearer option during year 4 (month 37)."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from crmwb import charts, tco_views
from crmwb.tco import Basis, Category, CostLine, Frequency, TcoSettings, compare_options
from crmwb.views import Chart, Context

C, F, B = Category, Frequency, Basis
SEED = [
    CostLine("Licence", C.LICENCE, F.ONE_OFF, B.FLAT, 3000),
    CostLine("Licence", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),
    CostLine("Licence", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 6000),
    CostLine("SaaS", C.SUBSCRIPTION, F.MONTHLY, B.PER_USER, 60),
    CostLine("SaaS", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 2000),
]


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
    assert tco_views.month_ordinal(n, ctx("fr")) == month
    assert tco_views.year_ordinal(n, ctx("fr")) == year
    assert tco_views.month_ordinal(n, ctx("en")) == f"month {n}"
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


def test_charts_are_figures_and_mark_the_break_even(study):
    cumulative = charts.cumulative_cost(study, ctx("en"))
    assert isinstance(cumulative, Figure)
    texts = [t.get_text() for t in cumulative.axes[0].texts]
    assert "Break-even: month 37" in texts
    french = charts.cumulative_cost(study, ctx("fr"))
    assert "Point de bascule\u00a0: 37e mois" in [t.get_text() for t in french.axes[0].texts]
    stacked = charts.cost_by_category(study, ctx("en"))
    legend = [t.get_text() for t in stacked.legends[0].get_texts()]
    assert legend == [
        "Software licence",
        "Maintenance",
        "Implementation and integration",
        "SaaS subscription",
    ]
    svg = Chart.of(cumulative, "alt").svg
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
