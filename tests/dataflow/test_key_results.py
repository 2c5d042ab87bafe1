"""The data-flow audit's key results as data: tests/dataflow/test_views.py's map (three systems,
two flows of which one manual, one use case lacking baskets) and a small customer export with
two records sharing an e-mail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmwb.customer_file.audit import audit_customer_file
from crmwb.customer_file.sheets import CustomerFileSettings
from crmwb.dataflow.findings import coverage_matrix, data_findings
from crmwb.dataflow.key_results import key_results
from crmwb.dataflow.model import (
    DataField,
    DataMap,
    Flow,
    FlowFrequency,
    LegalBasis,
    Method,
    Role,
    System,
    UseCaseNeed,
)
from crmwb.dataflow.views import DataAudit
from crmwb.deliver.results import items
from crmwb.deliver.views import Context

MAP = DataMap(
    systems=(
        System("Shop <web>", role=Role.SOURCE, owner="E-commerce", personal_data=True),
        System("CRM", role=Role.HUB, owner="CRM team", personal_data=True),
        System("Mailer", role=Role.ACTIVATION, owner="", personal_data=True, location="US"),
    ),
    flows=(
        Flow("Shop <web>", "CRM", ("customers", "baskets"), legal_basis=LegalBasis.CONTRACT),
        Flow("CRM", "Mailer", ("customers",), FlowFrequency.WEEKLY, Method.MANUAL, 500, True),
    ),
    dictionary=(DataField("CRM", "email", "E-mail", "customers", personal=True),),
    use_cases=(UseCaseNeed("Basket reminder", "Basket", ("customers", "baskets"), "Mailer"),),
)


def audit_of(lang: str, customers=None) -> DataAudit:
    findings = data_findings(MAP)
    return DataAudit(Context("C", lang), MAP, findings, coverage_matrix(MAP), (), customers)


def test_the_map_s_counts_and_findings():
    results = key_results(audit_of("en"))
    got = {f.key: f.value for f in results.figures}
    findings = data_findings(MAP)
    warnings = [f for f in findings if f.severity == "warning"]
    assert got == {
        "audit.systems": 3,
        "audit.flows": 2,
        "audit.manual_flows": 1,  # CRM -> Mailer
        "audit.use_cases": 1,
        "audit.use_cases_complete": 0,  # the only use case lacks baskets (test_views.py: 0 / 1)
        "audit.findings": len(warnings),
        "audit.infos": len(findings) - len(warnings),
    }
    ids = [i.id for i in items(results, "findings")]
    assert len(ids) == len(set(ids)) == len(findings)
    # test_views.py: the use case lacks baskets; the Mailer hosts personal data, no owner
    assert {"use_case_missing_data/basket-reminder", "personal_data_without_owner/mailer"} <= set(
        ids
    )
    assert "quality.score" not in got  # no customer file


def test_the_same_keys_values_and_ids_in_french_and_english():
    fr, en = key_results(audit_of("fr")), key_results(audit_of("en"))
    assert [(f.key, f.value) for f in fr.figures] == [(f.key, f.value) for f in en.figures]
    assert [i.id for i in items(fr, "findings")] == [i.id for i in items(en, "findings")]
    assert [i.label for i in items(fr, "findings")] != [i.label for i in items(en, "findings")]


def test_the_customer_file_s_score_records_and_duplicates(tmp_path: Path):
    (tmp_path / "export.csv").write_text(
        "id;email;phone\n1;anne@example.fr;0612345678\n2;bruno@example.fr;0687654321\n"
        "3;anne@example.fr;0611223344\n4;chloe@example.fr;0699887766\n",
        encoding="utf-8",
    )
    settings = CustomerFileSettings(
        "export.csv",
        reference_date=dt.date(2026, 11, 23),
        mapping={"record_id": "id", "email": "email", "phone": "phone"},
    )
    customers = audit_customer_file(tmp_path, settings, output_dir=tmp_path / "c", lang="en")
    results = key_results(DataAudit(Context("C", "en"), None, (), None, (), customers))
    got = {f.key: f.value for f in results.figures}
    assert got["quality.records"] == 4
    assert got["quality.exact_duplicates"] == 0.5  # records 1 and 3 share anne@example.fr
    assert got["quality.score"] == customers.profile.score  # the report's « / 100 »
    assert "audit.systems" not in got and results.lists == ()
