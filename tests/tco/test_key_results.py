"""The TCO's key results as data, on the guide's worked example (DOMAIN.md §4,
tests/worked_cases.py): licence 3 000 + 6 000 + 7 x 600 = 13 200; SaaS 2 000 + 7 x 2 880 =
22 160 over 7 years, for 4 users; SaaS becomes the dearer option in month 37. And, on both
examples, the summary's sentences and the series of the charts, read back from the figures
the report draws."""

from __future__ import annotations

import pytest
from chart_artists import bar_widths, lines, tick_labels
from worked_cases import SEED

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Context
from crmwb.run.clients import load_client
from crmwb.tco import charts
from crmwb.tco import views as tco_views
from crmwb.tco.key_results import key_results
from crmwb.tco.model import TcoComparison, TcoSettings, compare_options


@pytest.fixture
def study():
    return compare_options(SEED, TcoSettings(horizon_years=7, discount_rate=0.08, users=4))


def ctx(lang: str) -> Context:
    return Context("Maison Dupont", lang, "EUR")


def values(results):
    return {f.key: f.value for f in results.figures}


def test_each_option_s_total_present_value_and_cost_per_user(study):
    results = key_results(study, ctx("en"))
    assert results.analysis == "tco" and results.lang == "en"
    got = values(results)
    assert got["tco.total.licence"] == pytest.approx(13_200)
    assert got["tco.total.saas"] == pytest.approx(22_160)
    # PV at 8 %: annuity factor (1 - 1.08^-7) / 0.08 = 5.206370; licence 9 000 + 600 x 5.206370
    # = 12 123.82; SaaS 2 000 + 2 880 x 5.206370 = 16 994.35 (tests/tco/test_views.py)
    assert got["tco.present_value.licence"] == pytest.approx(12_123.82, abs=0.01)
    assert got["tco.present_value.saas"] == pytest.approx(16_994.35, abs=0.01)
    # 13 200 / (4 users x 84 months) = 39.29; 22 160 / 336 = 65.95
    assert got["tco.per_user_month.licence"] == pytest.approx(39.29, abs=0.005)
    assert got["tco.per_user_month.saas"] == pytest.approx(65.95, abs=0.005)
    total = results.figure("tco.total.licence")
    assert total is not None and (total.unit, total.better) == ("EUR", "lower")
    assert total.label == "Total cost (undiscounted): Licence"


def test_the_cheapest_option_its_saving_and_the_break_even(study):
    results = key_results(study, ctx("en"))
    (cheapest,) = results.recommendations
    assert (cheapest.key, cheapest.value, cheapest.id) == ("tco.cheapest", "Licence", "licence")
    # 22 160 - 13 200 = 8 960
    saving = results.figure("tco.saving")
    assert saving is not None and saving.value == pytest.approx(8_960) and saving.better == "higher"
    assert values(results)["tco.break_even.month"] == 37


def test_french_labels_and_the_same_keys_and_ids_in_both_languages(study):
    fr, en = key_results(study, ctx("fr")), key_results(study, ctx("en"))
    assert [f.key for f in fr.figures] == [f.key for f in en.figures]
    assert [f.value for f in fr.figures] == [f.value for f in en.figures]
    assert [(r.key, r.id) for r in fr.recommendations] == [
        (r.key, r.id) for r in en.recommendations
    ]
    labels = {f.key: f.label for f in fr.figures}
    assert labels["tco.total.licence"] == "Coût total (non actualisé)\u00a0: Licence"
    assert labels["tco.present_value.saas"] == "Valeur actuelle à 8,0\u00a0%\u00a0: SaaS"
    assert fr.recommendations[0].label == "Option la moins chère sur 7\u00a0ans"


def test_without_discounting_no_present_value_and_one_option_no_recommendation():
    undiscounted = compare_options(SEED, TcoSettings(horizon_years=7, users=4))
    keys = [f.key for f in key_results(undiscounted, ctx("en")).figures]
    assert not any(k.startswith("tco.present_value.") for k in keys)
    single = compare_options(SEED[:3], TcoSettings(horizon_years=7))
    results = key_results(single, ctx("en"))
    assert [f.key for f in results.figures] == ["tco.total.licence"]
    assert results.recommendations == ()


# --- the conclusion and the charts, on the examples ------------------------------------------


def example(slug: str) -> tuple[TcoComparison, Context]:
    client = load_client(EXAMPLES_DIR / slug)
    inputs = client.tco_inputs(None, None)
    return compare_options(inputs.lines, inputs.settings), Context.of(client.about, None)


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_conclusion_is_the_summary_s_sentences(slug):
    study, ctx = example(slug)
    _figures, text = tco_views.summary_parts(study, ctx)
    assert key_results(study, ctx).conclusion == text.paragraphs
    assert any("**" in sentence for sentence in text.paragraphs)  # the bold kept


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_charts_series_are_what_the_report_draws(slug):
    study, ctx = example(slug)
    cumulative, by_category, yearly = key_results(study, ctx).charts
    assert [c.kind for c in (cumulative, by_category, yearly)] == [
        "line",
        "stacked_bar",
        "column",
    ]
    # the cumulative cost: each option's year-end values are corners of its drawn line, at the
    # year's tick (x = the year)
    figure = charts.cumulative_cost(study, ctx)
    drawn = lines(figure.axes[0])
    assert [s.name for s in cumulative.series] == list(drawn) == [o.option for o in study.options]
    assert cumulative.categories == tuple(tick_labels(figure, figure.axes[0]))
    for series in cumulative.series:
        for year, value in zip(cumulative.categories, series.values, strict=True):
            at_year = [y for x, y in drawn[series.name] if x == float(year)]
            assert value == pytest.approx(at_year[-2 if year == "0" else 0], abs=1e-6)
    assert cumulative.x_title == figure.axes[0].get_xlabel()
    assert cumulative.y_title == figure.axes[0].get_ylabel()
    # the costs by category: one stacked bar per option, a segment per category, as drawn
    figure = charts.cost_by_category(study, ctx)
    ax = figure.axes[0]
    drawn_bars = bar_widths(ax)  # a stacked bar's width is drawn as its right end - its left
    assert [s.name for s in by_category.series] == list(drawn_bars)
    for series in by_category.series:
        assert series.values == pytest.approx(drawn_bars[series.name], abs=1e-6)
    assert by_category.categories == tuple(tick_labels(figure, ax, "y"))
    assert by_category.y_title == ax.get_xlabel()  # the values' axis, horizontal here
    # the yearly costs: the yearly table's « cost in the period » columns
    table = tco_views.yearly_table(study, ctx)
    periods = study.settings.periods
    assert yearly.categories == tuple(row[0] for row in table.rows[:periods])
    for i, series in enumerate(yearly.series):
        assert series.values == tuple(row[1 + 2 * i] for row in table.rows[:periods])


def test_numbers_a_consultant_recomputes_on_the_french_example():
    study, ctx = example("literie-lenoir")
    results = key_results(study, ctx)
    cumulative, by_category, yearly = results.charts
    assert (cumulative.title, by_category.title, yearly.title) == (
        "Coût cumulé",
        "Coûts par catégorie",
        "Coût par année",
    )
    licence, saas = cumulative.series
    # DOMAIN.md §4: the licence's 3 000 + 6 000 integration at t=0, then 600 a year of
    # maintenance: 9 000 at the start, 9 000 + 7 x 600 = 13 200 at the end of year 7
    assert (licence.name, licence.values[0], licence.values[-1]) == ("Licence", 9_000, 13_200)
    # SaaS: 2 000 at t=0, then 4 users x 60 € x 12 months = 2 880 a year; 2 000 + 3 x 2 880
    # = 10 640 at the end of year 3, under the licence's 10 800: the crossing in year 4
    assert saas.values[3] == pytest.approx(10_640) and licence.values[3] == pytest.approx(10_800)
    assert yearly.series[1].values[1] == pytest.approx(2_880)
    # the licence's maintenance over 7 years: 7 x 600 = 4 200
    maintenance = next(s for s in by_category.series if s.name == "Maintenance")
    assert maintenance.values == (4_200, 0)
    assert cumulative.unit == by_category.unit == yearly.unit == "EUR"
