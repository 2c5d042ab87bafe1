"""The data-flow audit deliverable's tables and sentences."""

from __future__ import annotations

from crmwb import dataflow_views
from crmwb.dataflow import (
    DataField,
    DataMap,
    Flow,
    FlowFrequency,
    LegalBasis,
    Method,
    Role,
    System,
    UseCaseNeed,
    coverage_matrix,
    data_findings,
    processing_register,
)
from crmwb.views import Context

MAP = DataMap(
    systems=(
        System(
            "Shop <web>", role=Role.SOURCE, owner="E-commerce", personal_data=True, location="FR"
        ),
        System("CRM", role=Role.HUB, owner="CRM team", personal_data=True, location="FR"),
        System("Mailer", role=Role.ACTIVATION, owner="", personal_data=True, location="US"),
    ),
    flows=(
        Flow(
            "Shop <web>",
            "CRM",
            ("customers", "baskets"),
            personal_data=True,
            legal_basis=LegalBasis.CONTRACT,
        ),
        Flow("CRM", "Mailer", ("customers",), FlowFrequency.WEEKLY, Method.MANUAL, 500, True),
    ),
    dictionary=(DataField("CRM", "email", "E-mail", "customers", personal=True),),
    use_cases=(UseCaseNeed("Basket reminder", "Basket", ("customers", "baskets"), "Mailer"),),
)


def test_coverage_table_says_missing_where_no_system_provides():
    table = dataflow_views.coverage_table(coverage_matrix(MAP), Context("C", "en"))
    # customers reach the Mailer from the CRM; baskets stop at the CRM
    assert table.rows == (("Basket reminder", "CRM", "MISSING"),)


def test_findings_and_key_figures():
    ctx = Context("C", "en")
    findings = data_findings(MAP)
    rules = {f.rule for f in findings}
    assert {"use_case_missing_data", "personal_flow_without_legal_basis"} <= rules
    assert "personal_data_without_owner" in rules  # the Mailer hosts personal data, no owner
    figures = dataflow_views.key_figures(MAP, findings, coverage_matrix(MAP), ctx)
    assert figures.figures[1].value == "2" and "1 of them manual" in figures.figures[1].note
    assert figures.figures[2].value == "0 / 1"  # the only use case lacks baskets


def test_inventories_escape_client_text_and_bold_manual_flows():
    ctx = Context("C", "fr")
    flows = dataflow_views.flows_table(MAP, ctx)
    assert flows.strong_rows == frozenset({1})
    html = flows._repr_html_()
    assert "Shop &lt;web&gt; → CRM" in html and "<web>" not in html
    assert flows.rows[1][-1] == "à compléter"  # a personal flow with no legal basis


def test_register_marks_transfers_and_what_to_complete():
    ctx = Context("C", "en")
    register = processing_register(MAP)
    table = dataflow_views.register_table(register, ctx)
    (row,) = table.rows
    headers = [c.title for c in table.columns]
    assert "Mailer (US)" in row[headers.index("Transfers outside the EU")]
    assert "Security measures" in row[-1]


def test_counts_agree_with_their_nouns_in_french():
    ctx = Context("C", "fr")
    assert dataflow_views.subtitle(MAP, ctx) == "3 systèmes, 2 flux, 1 cas d'usage"
    alone = DataMap(systems=MAP.systems[:1])
    assert dataflow_views.subtitle(alone, ctx) == "1 système, 0 flux, 0 cas d'usage"
    assert dataflow_views.subtitle(alone, Context("C", "en")) == "1 system, 0 flows, 0 use cases"
    findings = data_findings(MAP)
    summary = dataflow_views.summary(MAP, findings, coverage_matrix(MAP), ctx).paragraphs
    assert summary[0] == (
        "La cartographie compte 3 systèmes et 2 flux. 0 cas d'usage sur 1 reçoit toutes les "
        "données dont il a besoin."
    )
    warnings = sum(f.severity == "warning" for f in findings)
    assert summary[1].startswith(f"{warnings}\u00a0points sont à corriger\u00a0: ")
    figures = dataflow_views.key_figures(MAP, findings, coverage_matrix(MAP), ctx).figures
    assert figures[1].note == "dont 1 manuel"


def test_findings_sheet_shows_rule_titles_not_ids():
    table = dataflow_views.findings_table(data_findings(MAP), Context("C", "fr"))
    rules = [row[1] for row in table.rows]
    assert "Données manquantes pour un cas d'usage" in rules
    assert "Flux de données personnelles sans base légale" in rules
    assert not any("_" in rule for rule in rules)


def test_register_in_french_typography():
    ctx = Context("C", "fr")
    (row,) = dataflow_views.register_table(processing_register(MAP), ctx).rows
    # retention unknown everywhere: each system, then « à compléter », separated by « ; »
    assert "CRM\u00a0: à compléter\u202f; Mailer\u00a0: à compléter" in row[6]
    assert row[2] == "clients (à confirmer)"  # "Basket" says nothing of customers or prospects
