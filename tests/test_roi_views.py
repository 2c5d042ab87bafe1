"""What the ROI deliverable says, on roi.py's worked example (its module docstring):
one lever worth 20 x 15 / 60 x 200 x 40 x 0.5 = 20 000 a year, half in year 1; costs 20 000
then 2 000 a year; 3 years at 10 %. Net: -20 000, 8 000, 18 000, 18 000; cumulative -20 000,
-12 000, 6 000, 24 000: payback 12 x (1 + 12 000 / 18 000) = 20 months."""

from __future__ import annotations

from matplotlib.figure import Figure

from crmwb import charts, roi_views
from crmwb.roi import (
    CostItem,
    QualitativeBenefit,
    RoiCase,
    RoiSettings,
    TimeSaved,
    analyse_roi,
    monte_carlo,
    project_team_cost,
    scenarios,
    tornado,
    training_time_cost,
)
from crmwb.uncertainty import Pert
from crmwb.views import Context

CASE = RoiCase(
    RoiSettings(horizon_years=3, discount_rate=0.10),
    levers=(
        TimeSaved(
            name="Finding information",
            users=20,
            minutes_a_day=Pert(10, 15, 25),
            working_days=200,
            loaded_hourly_cost=40,
            productive_share=0.5,
            ramp_up=(0.5, 1.0),
        ),
    ),
    costs=(CostItem("Licences and services", (20_000, 2_000, 2_000, 2_000)),),
)


def test_cash_flow_table_rows_are_periods_with_total_and_present_value():
    ctx = Context("Client", "en", "EUR")
    table = roi_views.cash_flow_table(analyse_roi(CASE).unadjusted, ctx)
    assert [row[0] for row in table.rows] == [
        "Initial (t=0)",
        "Year 1",
        "Year 2",
        "Year 3",
        "Total",
        "Present value",
    ]
    # columns: costs, benefits, net, cumulative
    assert table.rows[2][1:] == (2_000.0, 20_000.0, 18_000.0, 6_000.0)
    # totals: costs 26 000, benefits 50 000, net 24 000
    assert table.rows[4][1:4] == (26_000.0, 50_000.0, 24_000.0)


def test_summary_states_npv_payback_and_the_top_driver_in_french():
    ctx = Context("Client", "fr", "EUR")
    analysis = analyse_roi(CASE)
    text = (
        " ".join(
            roi_views.summary(
                analysis, monte_carlo(CASE, 2_000, seed=1), tornado(CASE), None, ctx
            ).paragraphs
        )
        .replace("\u202f", " ")
        .replace("\u00a0", " ")
    )
    # NPV 15 672 (roi.py's docstring), payback 20 months
    assert "valeur actuelle nette de **15 672 €**" in text
    assert "Le délai de récupération est de 20,0 mois" in text
    # the top driver, by its label in French: « Minutes gagnées par jour »
    assert "L'hypothèse la plus déterminante est « Minutes gagnées par jour »" in text
    assert "(Finding information)" in text


def test_lines_table_names_the_internal_costs_in_the_client_s_language():
    case = RoiCase(
        CASE.settings,
        levers=CASE.levers,
        costs=(*CASE.costs, project_team_cost(10, 500, 3), training_time_cost(5, 7, 40, 3)),
    )
    result = analyse_roi(case).unadjusted
    french = roi_views.lines_table(result, Context("Client", "fr", "EUR"))
    assert french.name == "Bénéfices et coûts"
    assert [c.title for c in french.columns] == ["Ligne", "Nature", "Total", "Valeur actuelle"]
    # 10 x 500 = 5 000; 5 x 7 x 40 = 1 400, both in the initial period
    assert [row[:3] for row in french.rows[1:]] == [
        ("Licences and services", "Coûts", 26_000.0),
        ("Équipe projet interne", "Coûts", 5_000.0),
        ("Temps de formation des utilisateurs", "Coûts", 1_400.0),
    ]
    tei = roi_views.cash_flow_tei(result, Context("Client", "fr", "EUR"))
    assert tei.name == "Flux de trésorerie"
    assert [c.title for c in tei.columns][:3] == ["Ligne", "Période initiale (t=0)", "Année 1"]
    assert [row[0] for row in tei.rows[:4]] == ["Coûts", "Bénéfices", "Flux net", "Cumul"]
    assert tei.rows[-1][0] == "Temps de formation des utilisateurs"


def test_qualitative_benefits_follow_the_client_s_typography():
    case = RoiCase(
        CASE.settings,
        levers=CASE.levers,
        costs=CASE.costs,
        qualitative=(QualitativeBenefit("Historique partagé", "Chacun voit tout."),),
    )
    analysis = analyse_roi(case)
    assert roi_views.qualitative(analysis, Context("Client", "fr", "EUR")).items == (
        "**Historique partagé**\u00a0: Chacun voit tout.",
    )
    assert roi_views.qualitative(analysis, Context("Client", "en", "EUR")).items == (
        "**Historique partagé**: Chacun voit tout.",
    )


def test_roi_charts_are_figures():
    ctx = Context("Client", "en", "EUR")
    analysis = analyse_roi(CASE)
    figures = [
        charts.roi_waterfall(analysis.risk_adjusted, 0.10, ctx),
        charts.roi_cumulative(analysis.risk_adjusted, ctx),
        charts.roi_tornado(tornado(CASE), ctx),
        charts.npv_distribution(monte_carlo(CASE, 2_000, seed=1), ctx),
    ]
    assert all(isinstance(f, Figure) for f in figures)
    assert "Payback: 20.0 months" in [t.get_text() for t in figures[1].axes[0].texts]
    # a tornado bar: the input's label, then the lever's name
    assert [t.get_text() for t in figures[2].axes[0].get_yticklabels()] == [
        "Minutes saved a day (Finding\ninformation)"
    ]
    french = charts.roi_tornado(tornado(CASE), Context("Client", "fr", "EUR"))
    assert [t.get_text() for t in french.axes[0].get_yticklabels()] == [
        "Minutes gagnées par jour (Finding\ninformation)"
    ]
    payback = charts.roi_cumulative(analysis.risk_adjusted, Context("Client", "fr", "EUR"))
    assert "Délai de récupération\u00a0: 20,0\u00a0mois" in [
        t.get_text() for t in payback.axes[0].texts
    ]
    assert len(roi_views.scenarios_table(scenarios(CASE), ctx).rows) == 3


def test_a_tornado_without_ranges_says_so():
    certain = RoiCase(
        CASE.settings,
        levers=(TimeSaved(name="Search", **{**CASE.levers[0].inputs_at(), "ramp_up": (1.0,)}),),
        costs=CASE.costs,
    )
    drivers = tornado(certain)
    assert drivers.bars == ()
    figure = charts.roi_tornado(drivers, Context("Client", "fr", "EUR"))
    assert [t.get_text() for t in figure.axes[0].texts] == [
        "Aucune hypothèse n'est donnée en fourchette (valeurs basse et haute)\u00a0: la VAN ne"
        " varie pas."
    ]
