"""What the vendor comparison deliverable says, on a small example computed by hand.

Three vendors, two benefit criteria scored 0-5 (rescaled x / 5), weights 0.6 / 0.4:
  A: features 5, support 1 -> 0.6 x 1.0 + 0.4 x 0.2 = 0.68
  B: features 3, support 3 -> 0.6 x 0.6 + 0.4 x 0.6 = 0.60
  C: features 1, support 5 -> 0.6 x 0.2 + 0.4 x 1.0 = 0.52
With t the weight of Features (Support 1 - t): A = 0.2 + 0.8 t, B = 0.6, C = 1 - 0.8 t;
A stays first while t >= 0.5, where all three tie: the winner changes 10 points away, Features
down from 60 % to 50 % or, the same thing with two criteria, Support up from 40 % to 50 %.
"""

from __future__ import annotations

import dataclasses

import pytest
from matplotlib.figure import Figure

from crmwb.core.errors import Number, Quoted, msg
from crmwb.core.uncertainty import Pert
from crmwb.deliver.views import Context
from crmwb.tco.model import TcoSettings
from crmwb.vendors import charts, tco_views
from crmwb.vendors import excel as vendor_excel
from crmwb.vendors import views as vendor_views
from crmwb.vendors.comparison import compare_vendors
from crmwb.vendors.costs import HiddenCost, HiddenCostKind
from crmwb.vendors.costs import compare_vendors as compare_pricing
from crmwb.vendors.model import (
    CoverageSheet,
    Criterion,
    Direction,
    MarketType,
    ScoreSheet,
    UseCase,
    Vendor,
    scores_from_table,
)
from crmwb.vendors.pricing import Edition, UserPricing, VendorPricing
from crmwb.vendors.sheet_reader import SheetWarning
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.vendors.tco_risk import simulate

CRITERIA = (
    Criterion("Features", "Functional", Direction.BENEFIT, 0.6),
    Criterion("Support", "Service", Direction.BENEFIT, 0.4),
)
VENDORS = (
    Vendor("A", MarketType.ECOSYSTEM),
    Vendor("B", MarketType.INTERMEDIATE),
    Vendor("C", MarketType.CAMPAIGN_MANAGER),
)
TABLE = {
    "A": {"Features": 5, "Support": 1},
    "B": {"Features": 3, "Support": 3},
    "C": {"Features": 1, "Support": 5},
}


@pytest.fixture
def comparison():
    sheet = ScoreSheet(CRITERIA, VENDORS, scores_from_table(TABLE), (0, 5))
    coverage = CoverageSheet(
        (UseCase("Welcome", 2), UseCase("Reactivation", 1)),
        {
            "A": {"Welcome": "native", "Reactivation": "not_covered"},
            "B": {"Welcome": "configuration", "Reactivation": "native"},
            "C": {"Welcome": "native", "Reactivation": "native"},
        },
    )
    return sheet, coverage, compare_vendors(sheet, coverage, draws=2000, seed=7)


def ctx(lang: str) -> Context:
    return Context("Client", lang, "EUR")  # type: ignore[arg-type]


def test_recommendation_names_the_winner_and_the_runner_up(comparison):
    _, _, result = comparison
    text = vendor_views.recommendation(result, ctx("en")).paragraphs
    # A 0.68, B 0.60 (see the module docstring)
    assert (
        text[0]
        == "**A** ranks first with a weighted score of 0.68 out of 1, ahead of **B** (0.60)."
    )
    # the nearest weight change: 10 points (see the module docstring)
    assert text[-1] in (
        "The most sensitive criterion is 'Features': its weight would have to fall from 60% to"
        " 50% for **B** to win.",
        "The most sensitive criterion is 'Support': its weight would have to go from 40% to"
        " 50% for **B** to win.",
    )


def test_ranking_table_and_coverage(comparison):
    _, _, result = comparison
    table = vendor_views.ranking_table(result, ctx("en"))
    assert [row[0] for row in table.rows] == ["A", "B", "C"]
    assert [row[1] for row in table.rows] == [0.68, 0.6, 0.52]
    # coverage: (priority x value) / sum of priorities, native 1, configuration 0.75, not 0:
    # A (2 x 1 + 1 x 0) / 3 = 0.667; B (2 x 0.75 + 1) / 3 = 0.833; C 1.0
    assert [round(row[-1], 3) for row in table.rows] == [0.667, 0.833, 1.0]


def test_french_labels(comparison):
    _, _, result = comparison
    figures = vendor_views.key_figures(result, ctx("fr")).figures
    assert figures[0].label == "Éditeur recommandé" and figures[0].value == "A"
    table = vendor_views.sensitivity_table(result, ctx("fr"))
    assert [c.title for c in table.columns] == [
        "Critère",
        "Poids actuel",
        "Poids qui change le gagnant",
        "Variation (points)",
        "Nouveau gagnant",
    ]
    # both criteria change the winner 10 points away (module docstring), B taking the lead
    assert table.rows == (
        ("Support", 0.4, pytest.approx(0.5), 10.0, "B"),
        ("Features", 0.6, pytest.approx(0.5), -10.0, "B"),
    )
    html = table._repr_html_()
    assert '<td class="num">60\u00a0%</td><td class="num">50\u00a0%</td>' in html


def test_a_criterion_that_never_changes_the_winner_is_said_so_with_no_weight():
    # A beats B on both criteria: no weight makes B first
    sheet = ScoreSheet(
        CRITERIA,
        VENDORS[:2],
        scores_from_table({"A": {"Features": 5, "Support": 4}, "B": {"Features": 1, "Support": 2}}),
        (0, 5),
    )
    result = compare_vendors(sheet, draws=0)
    table = vendor_views.sensitivity_table(result, ctx("fr"))
    assert table.rows == (
        ("Features", 0.6, None, None, "aucun, quel que soit le poids"),
        ("Support", 0.4, None, None, "aucun, quel que soit le poids"),
    )
    assert vendor_views.recommendation(result, ctx("en")).paragraphs[-1] == (
        "No change in the weight of a single criterion changes the winner."
    )


def test_charts_are_figures(comparison):
    _, coverage, result = comparison
    ranking = result.weighted_sum
    figures = [
        charts.weighted_scores(ranking, ctx("en")),
        charts.shortlist_radar(ranking, result.shortlist, ctx("en")),
        charts.coverage_matrix(coverage, ranking.ranking, ctx("en")),
        charts.weight_sensitivity(result, ctx("en")),
    ]
    assert all(isinstance(f, Figure) for f in figures)
    # the stacked bars add up to each vendor's weighted score
    bars = figures[0].axes[0].patches
    widths_a = [p.get_width() for p in bars if abs(p.get_y() + p.get_height() / 2) < 1e-9]
    assert sum(widths_a) == pytest.approx(0.68)


def test_subtitle_counts_in_words(comparison):
    sheet, _, _ = comparison
    assert vendor_views.subtitle(sheet, "direct", ctx("en")) == (
        "3 vendors, 2 criteria, direct weighting"
    )
    features = dataclasses.replace(CRITERIA[0], weight=1.0)
    one = ScoreSheet((features,), VENDORS[:1], scores_from_table({"A": {"Features": 5}}), (0, 5))
    assert vendor_views.subtitle(one, "ahp", ctx("fr")) == (
        "1 éditeur, 1 critère, pondération AHP (comparaisons par paires)"
    )


def _study(prices: dict[str, float], uncertain: bool = False):
    settings = TcoSettings(horizon_years=3, users=2)
    spread = Pert(0.9, 1.0, 1.3) if uncertain else None
    pricings = [
        VendorPricing(name, users=UserPricing((Edition("Standard", price),), uncertainty=spread))
        for name, price in prices.items()
    ]
    study = compare_pricing(pricings, settings)
    return study, simulate(study.vendors, settings, draws=2000, seed=1)


def test_tco_text_names_every_vendor_tied_for_the_cheapest():
    # 2 users x 12 months x 3 years: A and B at 10 a month cost 720 each, C at 20 costs 1 440
    study, risk = _study({"A": 10, "B": 10, "C": 20})
    (text,) = tco_views.tco_text(study, risk, ctx("fr")).paragraphs
    assert text == (
        "Sur 3\u00a0ans, **A** et **B** sont les moins chers, à égalité (720\u00a0€ chacun). "
        "Aucun tarif ne comporte de fourchette d'incertitude\u00a0: ces totaux sont fermes."
    )
    (text,) = tco_views.tco_text(*_study({"A": 10, "C": 20}, uncertain=True), ctx("en")).paragraphs
    assert text.startswith("Over 3 years, **A** is the cheapest (€720). With the uncertainties")
    assert "it stays the cheapest in 100% of cases" in text


def test_hidden_costs_are_written_in_the_clients_language():
    forced = HiddenCost(
        HiddenCostKind.FORCED_EDITION, 5, "x", 3456.0, 49, 47, "users", ("Enterprise", "Unlimited")
    )
    jump = HiddenCost(HiddenCostKind.TIER_JUMP, 3, "x", 8910.0, 209_952, 200_000, "contacts")
    storage = HiddenCost(HiddenCostKind.STORAGE_OVERAGE, 1, "x", 600.0, 30.0, 20.0, "gb")
    minimum = HiddenCost(HiddenCostKind.MINIMUM_COMMITMENT, 1, "x", 14_640, 9360, 24_000, "money")
    fr, en = ctx("fr"), ctx("en")
    assert tco_views.hidden_cost_detail(forced, fr) == (
        "49\u00a0utilisateurs, au-delà des 47 autorisés par l'édition Enterprise\u00a0: passage à "
        "l'édition Unlimited"
    )
    assert tco_views.hidden_cost_detail(forced, en) == (
        "49 users, above the 47 allowed by Enterprise: Unlimited forced"
    )
    assert tco_views.hidden_cost_detail(jump, fr) == (
        "209\u202f952\u00a0contacts, au-delà de 200\u202f000\u00a0: toute la base au prix "
        "du palier supérieur"
    )
    assert tco_views.hidden_cost_detail(storage, fr) == "30\u00a0Go stockés pour 20\u00a0Go inclus"
    assert tco_views.hidden_cost_detail(minimum, fr) == (
        "consommation de 9\u202f360\u00a0€, sous le minimum de 24\u202f000\u00a0€"
    )
    assert tco_views.hidden_cost_detail(minimum, en) == (
        "usage of €9,360, below the minimum of €24,000"
    )


def test_notes_are_written_in_the_reports_language_without_the_file():
    warning = SheetWarning(
        msg(
            "criteria.warn.weight_unused",
            column="Weight",
            ahp=Quoted(msg("weighting.ahp")),
            sheet="Pairwise",
        ),
        "/home/consultant/clients/x/workbook.xlsx",
        "Criteria",
        "E11",
        "en",
    )
    notice = msg("weights.notice", total=Number(100.0))
    items = vendor_views.notes([warning], notice, ctx("fr")).items
    assert items == (
        "les poids totalisaient 100\u00a0: ils ont été ramenés à une somme de 1",
        "Criteria!E11\u00a0: la colonne «\u202fWeight\u202f» n'est pas utilisée\u00a0: la méthode "
        "de pondération est «\u202fAHP\u202f» (les poids viennent des comparaisons de la feuille "
        "«\u202fPairwise\u202f»)",
    )
    assert str(warning).startswith("/home/consultant/clients/x/workbook.xlsx, Criteria!E11: the")


@pytest.fixture(scope="module")
def northwind():
    from crmwb.core.workspace import EXAMPLES_DIR
    from crmwb.vendors.results import analyse_vendors
    from crmwb.workbook.reader import read_workbook

    inputs = read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx")
    return analyse_vendors(read_vendor_comparison(inputs), draws=1000, tco_draws=1000)


def test_scores_are_numbers_and_the_evaluators_spread_has_its_own_columns(northwind):
    fr = ctx("fr")
    sheet, comparison = northwind.sheet, northwind.comparison
    # the report: raw means, the TCO row as money, no « 4,50 (4,00–5,00) » text
    (table,) = vendor_views.scores_tables(sheet, comparison, fr)
    row = {r[0]: r[1:] for r in table.rows}
    assert row["Customer data and segmentation"][:2] == (4.5, 4.5)  # Splio, Salesforce
    assert all(isinstance(v, float) for r in table.rows for v in r[1:])
    tco_row = [i for i, r in enumerate(table.rows) if r[0] == "5-year TCO"]
    assert [table.kind(tco_row[0], j) for j in range(1, 6)] == ["money"] * 5
    # Salesforce's two evaluators gave 4 and 5 on customer data (the workbook's Scores sheet)
    spreads = vendor_views.spreads_table(comparison, fr)
    assert (
        "Salesforce Sales + Marketing Cloud",
        "Customer data and segmentation",
        4.5,
        4.0,
        5.0,
    ) in spreads.rows
    # the Excel: one row per criterion and vendor, mean, lowest, highest, evaluators
    data = vendor_excel.scores_data(sheet, comparison, fr)
    assert [c.title for c in data.columns] == [
        "Critère",
        "Éditeur",
        "Note moyenne",
        "Note la plus basse",
        "Note la plus haute",
        "Évaluateurs ayant noté",
    ]
    assert [c.kind for c in data.columns] == [
        "text",
        "text",
        "number",
        "number",
        "number",
        "integer",
    ]
    assert (
        "Customer data and segmentation",
        "Salesforce Sales + Marketing Cloud",
        4.5,
        4,
        5,
        2,
    ) in data.rows
    assert len(data.rows) == 9 * 5  # nine score criteria, five vendors; the TCO apart
    amounts = vendor_excel.amounts_data(sheet, comparison, fr)
    assert amounts is not None and [c.kind for c in amounts.columns] == ["text", "text", "money"]
    assert {r[1]: r[2] for r in amounts.rows} == pytest.approx(northwind.tco_totals)


def test_the_excel_tco_and_hidden_costs_are_typed(northwind):
    fr = ctx("fr")
    tables = {t.name: t for t in vendor_excel.excel_tables(northwind, fr)}
    tco = tables["TCO par éditeur"]
    assert [c.kind for c in tco.columns] == ["text", *["money"] * 5, "percent"]
    brevo = next(r for r in tco.rows if r[0] == "Brevo")
    risk = northwind.tco_risk.vendor("Brevo")
    assert brevo[3:6] == (risk.total.p10, risk.total.p50, risk.total.p90)
    assert brevo[3] <= brevo[4] <= brevo[5]
    hidden = tables["Coûts cachés repérés"]
    assert [c.kind for c in hidden.columns] == [
        "text",
        "integer",
        "text",
        "text",
        "number",
        "number",
        "text",
        "money",
    ]
    # Salesforce's Enterprise edition allows 47 users; 49 in year 5 force Unlimited (README)
    forced = next(r for r in hidden.rows if r[2] == "Édition supérieure imposée")
    assert forced[:2] == ("Salesforce Sales + Marketing Cloud", 5)
    assert forced[4:7] == (49, 47, "utilisateurs")
    conventions = vendor_excel.conventions(northwind, fr)
    assert any("actualisée au taux de 8,0\u00a0%" in c for c in conventions)
    assert all(t.caption for t in tables.values())  # each sheet described on Lisez-moi


def test_tco_text_with_a_single_vendor_priced_gives_its_total_and_band_not_the_cheapest():
    # 2 users x 10 € x 12 months x 3 years = 720 €, the price drawn between 0.9 and 1.3 times
    study, risk = _study({"A": 10}, uncertain=True)
    (text,) = tco_views.tco_text(study, risk, ctx("fr")).paragraphs
    band = risk.vendor("A").total
    assert 648 <= band.p10 < 720 < band.p90 <= 936
    p10, p90 = ctx("fr").money(band.p10), ctx("fr").money(band.p90)
    assert text == (
        "Sur 3\u00a0ans, **A**, seul éditeur dont la grille tarifaire est saisie, coûte "
        "720\u00a0€ au total. En tenant compte des incertitudes (2\u202f000 tirages, lois "
        f"Beta-PERT), son coût total se situe entre {p10} et {p90} dans 80\u00a0% des tirages "
        "(du P10 au P90, la zone teintée)."
    )
    table = tco_views.tco_table(study, risk, ctx("fr"), full=False)
    assert [c.title for c in table.columns] == [
        "Éditeur",
        "TCO (hypothèse probable)",
        "Bas (P10)",
        "Médian (P50)",
        "Haut (P90)",
    ]
