"""What the ROI deliverable says, on roi.py's worked example (its module docstring):
one lever worth 20 x 15 / 60 x 200 x 40 x 0.5 = 20 000 a year, half in year 1; costs 20 000
then 2 000 a year; 3 years at 10 %. Net: -20 000, 8 000, 18 000, 18 000; cumulative -20 000,
-12 000, 6 000, 24 000: payback 12 x (1 + 12 000 / 18 000) = 20 months. And the examples'
studies, read from their workbooks: one set of assumptions, the headline inside its band."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html import unescape
from pathlib import Path

import pytest
from deliverable_text import assert_typed
from worked_cases import WORKED

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Chart, Context, Section, Table, Text
from crmwb.roi import views as roi_views
from crmwb.roi.levers import QualitativeBenefit, TimeSaved
from crmwb.roi.model import (
    CostItem,
    RoiCase,
    TcoBasis,
    analyse_roi,
    project_team_cost,
    training_time_cost,
)
from crmwb.roi.study import roi_study
from crmwb.run.clients import load_client

CASE = WORKED
CERTAIN = RoiCase(
    CASE.settings,
    levers=(TimeSaved(name="Search", **{**CASE.levers[0].inputs_at(), "ramp_up": (0.5, 1.0)}),),
    costs=CASE.costs,
)
NO_BENEFIT = RoiCase(
    CASE.settings,
    levers=(),
    costs=(*CASE.costs, project_team_cost(10, 500, 3, risk_adjustment=0.1)),
    qualitative=(QualitativeBenefit("Shared history", "Everyone sees past exchanges."),),
)


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def ctx(lang: str = "en") -> Context:
    return Context("Client", lang, "EUR")  # type: ignore[arg-type]


def html(part: object) -> str:
    """A part's HTML, entities decoded (« l'option »), spaces plain."""
    return plain(unescape(part._repr_html_()))  # type: ignore[attr-defined]


def test_cash_flow_table_rows_are_periods_with_total_and_present_value():
    table = roi_views.cash_flow_table(analyse_roi(CASE).unadjusted, ctx())
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
    study = roi_study(CASE, 2_000, seed=1)
    text = plain(" ".join(roi_views.summary(study, ctx("fr")).paragraphs))
    # NPV 15 672 (roi.py's docstring; no risk adjustment here), payback 20 months
    assert "valeur actuelle nette de **15 672 €**" in text
    assert "1 € investi (en valeur actuelle) en rapporte" in text
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
    french = roi_views.lines_table(result, ctx("fr"))
    assert french.name == "Bénéfices et coûts"
    assert [c.title for c in french.columns] == ["Ligne", "Nature", "Total", "Valeur actuelle"]
    # 10 x 500 = 5 000; 5 x 7 x 40 = 1 400, both in the initial period
    assert [row[:3] for row in french.rows[1:]] == [
        ("Licences and services", "Coûts", 26_000.0),
        ("Équipe projet interne", "Coûts", 5_000.0),
        ("Temps de formation des utilisateurs", "Coûts", 1_400.0),
    ]
    tei = roi_views.cash_flow_tei(result, ctx("fr"))
    assert tei.name == "Flux de trésorerie"
    assert [c.title for c in tei.columns][:3] == ["Ligne", "Période initiale (t=0)", "Année 1"]
    assert [row[0] for row in tei.rows[:4]] == ["Coûts", "Bénéfices", "Flux net", "Cumul"]
    assert tei.rows[-1][0] == "Temps de formation des utilisateurs"


def test_the_risk_adjustment_of_the_costs_is_a_line_of_the_lines_table():
    case = dataclasses.replace(
        CASE, costs=(CostItem("Licences and services", (20_000, 2_000, 2_000, 2_000), 0.1),)
    )
    table = roi_views.lines_table(analyse_roi(case).risk_adjusted, ctx("fr"))
    # the source's 26 000, then the adjustment: 26 000 x 10 % = 2 600
    assert [(plain(row[0]), row[2]) for row in table.rows if row[1] == "Coûts"] == [
        ("Licences and services", 26_000.0),
        (plain("Ajustement du risque sur les coûts (+10 %)"), pytest.approx(2_600.0)),
    ]
    assert [plain(row[0]) for row in table.rows] == [
        "Finding information",
        "Licences and services",
        "Ajustement du risque sur les coûts (+10 %)",
    ]


def test_qualitative_benefits_follow_the_client_s_typography():
    case = RoiCase(
        CASE.settings,
        levers=CASE.levers,
        costs=CASE.costs,
        qualitative=(QualitativeBenefit("Historique partagé", "Chacun voit tout."),),
    )
    analysis = analyse_roi(case)
    assert roi_views.qualitative(analysis, ctx("fr")).items == (
        "**Historique partagé**\u00a0: Chacun voit tout.",
    )
    assert roi_views.qualitative(analysis, ctx("en")).items == (
        "**Historique partagé**: Chacun voit tout.",
    )


# --- the results table: one kind per column -----------------------------------------------------


def test_the_results_table_has_one_kind_per_column_and_paybacks_in_months():
    analysis = analyse_roi(CASE)
    table = roi_views.results_table(analysis, ctx("fr"))
    assert [c.kind for c in table.columns] == [
        "text",
        "money",
        "percent",
        "number",
        "number",
        "percent",
    ]
    unadjusted = table.rows[0]
    # NPV 15 672, payback 20 months (the docstring), to a tenth of a month, as a number
    assert unadjusted[0] == "Non ajusté"
    assert unadjusted[1] == pytest.approx(analysis.unadjusted.npv)
    assert unadjusted[3] == 20.0
    assert unadjusted[5] == pytest.approx(analysis.unadjusted.irr.rate)
    assert table.note == ""  # every payback reached, every IRR defined
    # a project that never pays back, its net flow changing sign twice (-20 000, +10 000,
    # +20 000, -40 000): empty payback and IRR cells, and a note saying why
    costs = CostItem("Big", (20_000, 0, 0, 60_000))
    never = analyse_roi(dataclasses.replace(CASE, costs=(costs,)))
    table = roi_views.results_table(never, ctx("fr"))
    assert table.rows[0][3] is None and table.rows[0][5] is None
    assert "Délai de récupération vide" in plain(table.note) and "TRI vide" in plain(table.note)


def test_every_excel_table_has_one_kind_per_column_and_filled_headers():
    study = roi_study(
        dataclasses.replace(
            CASE, qualitative=(QualitativeBenefit("Shared history", "Everyone sees it."),)
        ),
        2_000,
        seed=1,
    )
    tables = roi_views.excel_tables(study, ctx("fr"))
    assert [t.name for t in tables] == [
        "Résultats",
        "Flux de trésorerie",
        "Bénéfices et coûts",
        "Scénarios",
        "Sensibilité",
        "Simulation de Monte-Carlo",
        "Bénéfices qualitatifs",
    ]
    assert_typed(tables)
    monte_carlo = tables[5].rows[0]
    assert study.risk is not None
    assert monte_carlo[:3] == (2_000, 1, study.headline.npv)
    assert monte_carlo[3:6] == (study.risk.npv.p10, study.risk.npv.p50, study.risk.npv.p90)


def test_without_ranges_the_excel_has_no_scenario_tornado_or_simulation():
    tables = roi_views.excel_tables(roi_study(CERTAIN, 100), ctx("en"))
    assert [t.name for t in tables] == ["Results", "Cash flows", "Benefits and costs"]


# --- degenerate cases: sentences, never empty parts ------------------------------------------


def test_without_ranges_the_uncertainty_section_says_so():
    study = roi_study(CERTAIN, 100)
    section = roi_views.uncertainty_section(study, ctx("fr"))
    assert section is not None
    assert [type(p) for p in section.parts] == [Text]
    assert "Aucune hypothèse de ce ROI n'est donnée en fourchette" in html(section)
    # no "Probabilité d'une VAN positive : 100 %" among the key figures
    labels = [f.label for f in roi_views.key_figures(study, ctx("fr")).figures]
    assert "Probabilité d'une VAN positive" not in labels


def test_a_roi_without_benefit_shows_its_costs_and_says_why_nothing_else():
    study = roi_study(NO_BENEFIT, 100)
    c = ctx("fr")
    figures = roi_views.key_figures(study, c).figures
    # PV of the costs, adjusted: 20 000 + 2 000 x (1/1.1 + 1/1.21 + 1/1.331) = 24 973.70,
    # plus the team 5 000 x 110 % = 5 500; undiscounted: 26 000 + 5 500 = 31 500, before
    # adjustment 26 000 + 5 000 = 31 000
    assert [plain(f.label) for f in figures] == [
        "Coût du projet (VA, ajusté du risque)",
        "Coût sur 3 ans (non actualisé, ajusté du risque)",
    ]
    pv = 20_000 + 2_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331) + 5_500
    assert plain(figures[0].value) == plain(c.money(pv))
    assert (plain(figures[1].value), plain(figures[1].note)) == (
        "31 500 €",
        "sans ajustement : 31 000 €",
    )
    summary = html(roi_views.summary(study, c))
    assert "Aucun bénéfice n'est chiffré dans la feuille ROI" in summary
    assert "VAN" not in [f.label for f in figures]
    # no waterfall, no payback curve, no uncertainty: the summary has said why
    assert roi_views.waterfall_section(study, c) is None
    assert roi_views.cumulative_section(study, c) is None
    assert roi_views.uncertainty_section(study, c) is None
    # the cash flows show the costs only, the qualitative benefits are still listed
    cash_flows = roi_views.cash_flow_section(study, c)
    tables = [p for p in cash_flows.parts if isinstance(p, Table)]
    assert [col.title for col in tables[0].columns] == ["Période", "Coûts"]
    assert roi_views.qualitative_section(study, c) is not None
    assert roi_views.excel_tables(study, c)[0].name == "Flux de trésorerie"


def test_no_qualitative_benefit_no_section():
    assert roi_views.qualitative_section(roi_study(CERTAIN, 100), ctx()) is None


def test_every_section_is_a_section_or_nothing_and_holds_no_empty_table():
    for case in (CASE, CERTAIN, NO_BENEFIT):
        study = roi_study(case, 500, seed=2)
        for build in (
            roi_views.summary_section,
            roi_views.waterfall_section,
            roi_views.cash_flow_section,
            roi_views.cumulative_section,
            roi_views.uncertainty_section,
            roi_views.qualitative_section,
            roi_views.conventions_section,
        ):
            section = build(study, ctx("fr"))
            assert section is None or isinstance(section, Section)
            for part in section.parts if section else ():
                if isinstance(part, Table):
                    assert part.rows, (build.__name__, part.name)
                assert not isinstance(part, Chart) or part.svg


# --- one set of assumptions ---------------------------------------------------------------------


def with_tco(case: RoiCase, tco_rate: float) -> RoiCase:
    costs = case.costs[0]
    total = sum(costs.per_period)
    pv = sum(a / (1 + tco_rate) ** t for t, a in enumerate(costs.per_period))
    return dataclasses.replace(case, tco=TcoBasis("Licence", tco_rate, total, pv))


def test_a_rate_of_its_own_is_shown_beside_the_tco_s_with_a_sentence():
    study = roi_study(with_tco(CERTAIN, 0.0), 100)
    c = ctx("fr")
    assert plain(roi_views.header(study, c).subtitle) == (
        "Sur 3 ans, au taux d'actualisation de 10,0 % (TCO : 0,0 %)"
    )
    assert (
        "Le ROI est actualisé au taux de 10,0 % saisi dans la feuille ROI, et non au taux de "
        "0,0 % du TCO" in html(roi_views.summary(study, c))
    )
    # the reconciliation: the TCO report's 26 000, worth 24 973.70 at the ROI's 10 %
    note = html(roi_views.tco_reconciliation(study, c))
    assert "Les coûts de l'option <strong>Licence</strong> sont ceux du rapport TCO : 26 000 €" in (
        note
    )
    assert "ils valent 24 974 € en valeur actuelle, contre 26 000 € au taux du TCO (0,0 %)" in note
    conventions = plain(" ".join(roi_views.conventions(study, c).items))
    assert "saisi dans la feuille ROI (celui de la feuille TCO est de 0,0 %)" in conventions


def test_the_tco_s_rate_is_said_once():
    study = roi_study(with_tco(CERTAIN, 0.10), 100)
    c = ctx("en")
    assert roi_views.header(study, c).subtitle == "Over 3 years, discounted at 10.0%"
    assert "rate given on the ROI sheet" not in html(roi_views.summary(study, c))
    note = html(roi_views.tco_reconciliation(study, c))
    assert "Their present value at 10.0% is the same in both reports: €24,974." in note


EXAMPLES = ("literie-lenoir", "northwind-retail")


@pytest.fixture(scope="module")
def studies():
    """The examples' studies, as their notebook makes them (its draws and seed)."""
    found = {}
    for slug in EXAMPLES:
        client = load_client(EXAMPLES_DIR / slug)
        found[slug] = (roi_study(client.roi_case(), 20_000, 2026), Context.of(client.about))
    return found


@pytest.mark.parametrize("slug", EXAMPLES)
def test_each_example_s_headline_npv_lies_inside_its_band(studies, slug):
    study, c = studies[slug]
    if study.risk is None:
        # Literie Lenoir gives no range: no band, and the report says it is a single scenario
        assert slug == "literie-lenoir"
        section = roi_views.uncertainty_section(study, c)
        assert section is not None and [type(p) for p in section.parts] == [Text]
        return
    # Northwind: the headline (risk-adjusted) and the band on the same basis
    assert study.risk.npv.p10 <= study.headline.npv <= study.risk.npv.p90
    summary = html(roi_views.summary(study, c))
    assert c.money(study.risk.npv.p10).replace("\u202f", " ") in summary
    assert "outside this band" not in summary


@pytest.mark.parametrize("slug", EXAMPLES)
def test_each_example_s_tco_line_is_the_tco_report_s(studies, slug):
    study, c = studies[slug]
    assert study.case.tco is not None
    tco_line = study.headline.table.cost_lines[0]
    assert tco_line.total == pytest.approx(study.case.tco.total)
    note = html(roi_views.tco_reconciliation(study, c))
    assert plain(c.money(study.case.tco.total)) in note


def test_the_pack_summary_is_the_report_s():
    study = roi_study(CASE, 500, seed=3)
    figures, text = roi_views.summary_parts(study, ctx())
    assert figures == roi_views.key_figures(study, ctx())
    assert text == roi_views.summary(study, ctx())


def test_a_report_header_carries_the_client_context():
    c = Context("Maison Dupont", "fr", "EUR", "Alex", dt.date(2026, 11, 23))
    header = roi_views.header(roi_study(CASE, 100), c)
    assert header.ctx is c and header.title == "Retour sur investissement du projet CRM"


def test_the_notebook_is_thin():
    """Parameters, then one call a cell: the logic is in tested view functions."""
    import json

    notebook = json.loads((Path(__file__).parents[2] / "notebooks" / "roi.ipynb").read_text())
    code = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    sections = [source for source in code[2:] if not source.startswith("save_tables")]
    assert all(source.startswith("roi_views.") and "\n" not in source for source in sections)
