"""What the ROI deliverable says, on roi.py's worked example (its module docstring):
one lever worth 20 x 15 / 60 x 200 x 40 x 0.5 = 20 000 a year, half in year 1; costs 20 000
then 2 000 a year; 3 years at 10 %. Net: -20 000, 8 000, 18 000, 18 000; cumulative -20 000,
-12 000, 6 000, 24 000: payback 12 x (1 + 12 000 / 18 000) = 20 months."""

from __future__ import annotations

from matplotlib.figure import Figure

from crmwb import charts, roi_views
from crmwb.roi import (
    CostItem,
    RoiCase,
    RoiSettings,
    TimeSaved,
    analyse_roi,
    monte_carlo,
    scenarios,
    tornado,
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
    assert "« minutes a day »" in text


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
    assert "Payback: month 20.0" in [t.get_text() for t in figures[1].axes[0].texts]
    assert len(roi_views.scenarios_table(scenarios(CASE), ctx).rows) == 3
