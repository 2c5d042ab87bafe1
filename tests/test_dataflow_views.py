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
