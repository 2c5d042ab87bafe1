"""The data-flow audit's key results as data: tests/dataflow/test_views.py's map (three systems,
two flows of which one manual, one use case lacking baskets) and a small customer export with
two records sharing an e-mail. And the summary's sentences and the charts: the map's picture
(the report's first drawing), and, on the Northwind example, the quality by field against the
report's table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.customer_file import views as quality_views
from crmwb.customer_file.audit import audit_customer_file
from crmwb.customer_file.sheets import CustomerFileSettings
from crmwb.dataflow import flow_map
from crmwb.dataflow import views as dataflow_views
from crmwb.dataflow.findings import coverage_matrix, data_findings
from crmwb.dataflow.key_results import key_results
from crmwb.dataflow.map_dot import has_dot
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
from crmwb.deliver.results import IMAGE_DPI, items
from crmwb.deliver.views import Context, Text

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


# --- the conclusion and the charts ------------------------------------------------------------


@pytest.fixture(scope="module")
def northwind() -> DataAudit:
    return dataflow_views.data_audit(EXAMPLES_DIR / "northwind-retail", "en")


def test_the_conclusion_is_the_summary_s_sentences_the_map_s_then_the_file_s(northwind):
    texts = [p for p in dataflow_views.summary_parts(northwind) if isinstance(p, Text)]
    assert len(texts) == 2  # the map's sentences, then the customer file's
    conclusion = key_results(northwind).conclusion
    assert conclusion == (*texts[0].paragraphs, *texts[1].paragraphs)
    assert any("**" in sentence for sentence in conclusion)
    # what could not be audited is said, as the summary says it
    assert key_results(audit_of("en")).conclusion[-1] == (
        "No customer export has been provided: the quality of the customer file is not audited."
    )


def test_the_quality_by_field_is_the_report_s_table(northwind):
    (quality,) = key_results(northwind).charts  # no picture of the map saved: no image chart
    ctx = northwind.ctx
    assert northwind.customers is not None
    table = quality_views.scorecard(northwind.customers, ctx)
    assert (quality.key, quality.kind, quality.unit) == ("quality.fields", "bar", "%")
    assert quality.categories == tuple(row[0] for row in table.rows)
    completeness, validity = quality.series
    assert (completeness.name, validity.name) == (table.columns[2].title, table.columns[4].title)
    assert completeness.values == tuple(row[2] for row in table.rows)
    assert validity.values == tuple(row[4] for row in table.rows)
    # the e-mail filled in 3 776 of the 4 000 records: 3 776 / 4 000 = 94.4 %
    email = quality.categories.index("E-mail")
    assert table.rows[email][1] == 3_776 and completeness.values[email] == 0.944


def test_quality_a_consultant_recomputes(tmp_path: Path):
    (tmp_path / "export.csv").write_text(
        "id;email\n1;anne@example.fr\n2;\n3;not an e-mail\n4;chloe@example.fr\n",
        encoding="utf-8",
    )
    settings = CustomerFileSettings(
        "export.csv",
        reference_date=dt.date(2026, 11, 23),
        mapping={"record_id": "id", "email": "email"},
    )
    customers = audit_customer_file(tmp_path, settings, output_dir=tmp_path / "c", lang="fr")
    (quality,) = key_results(DataAudit(Context("C", "fr"), None, (), None, (), customers)).charts
    assert quality.title == "Qualité par champ"
    assert quality.categories == ("Identifiant client", "E-mail")
    # e-mail: 3 filled of 4 records = 0.75; 2 valid of the 3 filled = 0.667; the id: no rule
    completeness, validity = quality.series
    assert completeness.values == (1.0, 0.75)
    assert validity.values[0] is None and validity.values[1] == pytest.approx(2 / 3)


@pytest.mark.parametrize("engine", ["dot", "matplotlib"])
def test_the_map_s_picture_is_the_report_s_first_drawing(engine, tmp_path: Path):
    if engine == "dot" and not has_dot():
        pytest.skip("Graphviz's dot is not installed")
    audit = audit_of("en")
    image = dataflow_views.map_image(audit, tmp_path, engine=engine)
    assert image == "results/data_flow_audit.map.png"
    png = (tmp_path / image).read_bytes()
    assert png.startswith(b"\x89PNG")
    highlight = dataflow_views.single_points_of_failure(audit.findings)
    first = flow_map.flow_map_drawings(MAP, audit.ctx, highlight=highlight, engine=engine)[0]
    assert png == flow_map.drawing_png(first, engine=engine, dpi=IMAGE_DPI)
    (chart,) = key_results(audit, image).charts  # no customer file: the map alone
    assert (chart.key, chart.kind, chart.image, chart.title) == (
        "audit.map",
        "image",
        image,
        "The data-flow map",
    )
    assert dataflow_views.map_image(audit, None) == ""  # no output folder: nothing drawn


def test_a_map_drawn_in_parts_gives_the_deck_its_first_picture(northwind, tmp_path: Path):
    # Northwind's map does not hold whole on a page: the report draws its overview, then its
    # two halves; the deck takes the overview
    engine = "dot" if has_dot() else "matplotlib"
    image = dataflow_views.map_image(northwind, tmp_path, engine=engine)
    assert northwind.data_map is not None
    highlight = dataflow_views.single_points_of_failure(northwind.findings)
    drawings = flow_map.flow_map_drawings(
        northwind.data_map, northwind.ctx, highlight=highlight, engine=engine
    )
    assert [d.part for d in drawings] == ["overview", "upstream", "downstream"]
    png = (tmp_path / image).read_bytes()
    assert png == flow_map.drawing_png(drawings[0], engine=engine, dpi=IMAGE_DPI)
