"""The data-flow audit deliverable's tables and sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from crmwb.core.i18n import t
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.customer_file import views as quality_views
from crmwb.customer_file.audit import audit_customer_file, clusters_file_name
from crmwb.customer_file.sheets import CONFIDENTIAL_DIR, CustomerFileSettings
from crmwb.dataflow import views as dataflow_views
from crmwb.dataflow.findings import coverage_matrix, data_findings
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
from crmwb.dataflow.register import processing_register
from crmwb.dataflow.views import DataAudit
from crmwb.deliver.report import save_tables
from crmwb.deliver.views import Bullets, Context, Sections, Table, Text

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


# --- the whole deliverable: degenerate cases as sentences, Excel as data, confidential apart --

NORTHWIND = EXAMPLES_DIR / "northwind-retail"


def html_of(*parts: object) -> str:
    return "".join(part._repr_html_() for part in parts)  # type: ignore[attr-defined]


def assert_no_header_only_table(html: str) -> None:
    assert "<tbody></tbody>" not in html, "a table of headers only"
    assert " 0 / 0" not in html and ">0 / 0<" not in html


@pytest.fixture(scope="module")
def northwind_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DataAudit]:
    out = tmp_path_factory.mktemp("run")
    return out, dataflow_views.data_audit(NORTHWIND, "fr", output_dir=out)


def test_the_cluster_file_goes_to_the_runs_confidential_folder(
    northwind_run: tuple[Path, DataAudit],
) -> None:
    out, audit = northwind_run
    assert audit.customers is not None and audit.customers.probable is not None
    expected = out / CONFIDENTIAL_DIR / clusters_file_name("fr")
    assert audit.customers.clusters_file == expected and expected.is_file()
    assert sorted(p.name for p in out.iterdir()) == ["confidential"]  # nothing beside the rest
    lines = expected.read_text(encoding="utf-8").splitlines()
    # one line per record in a cluster, as many as the report counts
    assert len(lines) - 1 == audit.customers.probable.records_in_clusters
    note = quality_views.clusters_note(audit.customers, audit.ctx)
    assert note is not None and f"{CONFIDENTIAL_DIR}/{expected.name} " in note.paragraphs[0]


def test_the_example_report_has_no_empty_table(northwind_run: tuple[Path, DataAudit]) -> None:
    _out, audit = northwind_run
    html = html_of(
        dataflow_views.header(audit),
        dataflow_views.summary_section(audit),
        dataflow_views.map_sections(audit),
        dataflow_views.customer_file_sections(audit),
    )
    assert_no_header_only_table(html)
    assert "Northwind Home Retail" in html
    assert "5 / 6" in html  # use cases fully fed: all but the basket reminder (lacks baskets)


def test_the_excel_deliverable_is_data(
    northwind_run: tuple[Path, DataAudit], tmp_path: Path
) -> None:
    _out, audit = northwind_run
    tables = dataflow_views.excel_tables(audit)
    conventions = dataflow_views.conventions(audit)
    path = save_tables(tmp_path, "data_flow_audit", tables, "fr", conventions=conventions)
    assert path is not None
    wb = openpyxl.load_workbook(path)
    readme, *sheets = wb.worksheets
    readme_text = " ".join(str(c.value) for row in readme.iter_rows() for c in row if c.value)
    for convention in conventions:
        assert convention in readme_text
    assert t("audit.rule.register_scope", "fr") in conventions
    assert any("date de référence" in c for c in conventions)  # the staleness' dates
    assert [ws.title for ws in sheets] == [table.name for table in tables]
    for table, ws in zip(tables, sheets, strict=True):
        headers = [c.value for c in ws[1]]
        assert all(isinstance(h, str) and h.strip() for h in headers), ws.title
        assert ws.auto_filter.ref is not None
        for j, column in enumerate(table.columns):
            values = [ws.cell(row=i, column=j + 1).value for i in range(2, ws.max_row + 1)]
            kinds = {type(v) for v in values if v is not None and v != ""}
            if column.kind == "text":
                assert kinds <= {str}, (ws.title, column.title, kinds)
            else:  # numbers stored as numbers, never as text
                assert kinds <= {int, float}, (ws.title, column.title, kinds)
    flows = next(ws for ws in sheets if ws.title == t("audit.sheet.flows", "fr"))
    volumes = [c.value for c in next(flows.iter_cols(min_col=5, max_col=5, min_row=2))]
    assert 120000 in volumes  # ERP -> Data warehouse, a number
    personal = {c.value for c in next(flows.iter_cols(min_col=6, max_col=6, min_row=2))}
    assert personal == {"oui", "non"} or personal == {"Oui", "Non"}


def systems_only() -> DataMap:
    return DataMap(MAP.systems)


def test_a_map_without_flows_nor_use_cases_is_written_in_sentences() -> None:
    ctx = Context("C", "fr")
    data_map = systems_only()
    audit = DataAudit(ctx, data_map, data_findings(data_map), coverage_matrix(data_map), (), None)
    summary = html_of(*dataflow_views.summary_parts(audit))
    assert_no_header_only_table(summary)
    assert t("audit.no_customer_file", "fr") in " ".join(
        p
        for part in dataflow_views.summary_parts(audit)
        if isinstance(part, Text)
        for p in part.paragraphs
    )
    figures = dataflow_views.key_figures(data_map, (), coverage_matrix(data_map), ctx).figures
    assert figures[2].value == "0" and figures[2].note == t("audit.figure.no_use_case", "fr")
    sections = dataflow_views.map_sections(audit)
    assert isinstance(sections, Sections)
    html = html_of(sections)
    assert_no_header_only_table(html)
    sentences = [
        p
        for section in sections.sections
        for part in section.parts
        if isinstance(part, Text)
        for p in part.paragraphs
    ]
    assert t("audit.no_use_case", "fr") in sentences  # coverage and register
    assert t("audit.no_flow", "fr") in sentences
    quiet = DataMap((System("CRM", role=Role.HUB, owner="IT"),))
    calm = dataflow_views.findings_list(data_findings(quiet), ctx, severity="warning")
    assert calm == Text((t("audit.no_warning", "fr"),))
    assert dataflow_views.excel_tables(audit)  # the systems at least
    assert all(table.rows for table in dataflow_views.excel_tables(audit))
    assert dataflow_views.customer_file_sections(audit) == Sections(())


def tiny_export(folder: Path, rows: list[str]) -> CustomerFileSettings:
    (folder / "export.csv").write_text(
        "id;email;phone\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    return CustomerFileSettings(
        "export.csv",
        reference_date=dt.date(2026, 11, 23),
        mapping={"record_id": "id", "email": "email", "phone": "phone"},
    )


def test_a_customer_file_without_duplicates_writes_no_cluster_file(tmp_path: Path) -> None:
    settings = tiny_export(
        tmp_path,
        [
            "1;anne@example.fr;0612345678",
            "2;bruno@example.fr;0687654321",
            "3;chloe@example.fr;0611223344",
        ],
    )
    out = tmp_path / "run"
    customers = audit_customer_file(
        tmp_path, settings, output_dir=out / CONFIDENTIAL_DIR, lang="fr"
    )
    assert customers.probable is not None and customers.probable.clusters == 0
    assert customers.clusters_file is None and not out.exists()  # no empty file
    ctx = Context("C", "fr")
    audit = DataAudit(ctx, None, (), None, (), customers)
    html = html_of(
        dataflow_views.summary_section(audit), dataflow_views.customer_file_sections(audit)
    )
    assert_no_header_only_table(html)
    texts = [
        p
        for section in dataflow_views.customer_file_sections(audit).sections
        for part in section.parts
        if isinstance(part, Text)
        for p in part.paragraphs
    ]
    assert t("quality.no_example", "fr") in texts  # no duplicate, no example
    assert t("quality.no_indicator", "fr") in texts  # no date, consent or undeliverable column
    assert t("quality.no_cluster", "fr", threshold="95\u00a0%") in texts
    assert t("audit.no_data_map", "fr") in html_of(*dataflow_views.summary_parts(audit)).replace(
        "&#x27;", "'"
    )
    assert dataflow_views.header(audit).subtitle == "export.csv"
    assert all(table.rows for table in dataflow_views.excel_tables(audit))
    assert dataflow_views.map_sections(audit) == Sections(())


def test_a_customer_file_of_one_record_says_duplicates_are_not_estimated(tmp_path: Path) -> None:
    settings = tiny_export(tmp_path, ["1;anne@example.fr;0612345678"])
    customers = audit_customer_file(tmp_path, settings, output_dir=tmp_path / "c", lang="en")
    assert customers.probable is None
    audit = DataAudit(Context("C", "en"), None, (), None, (), customers)
    sections = dataflow_views.customer_file_sections(audit).sections
    html = html_of(*sections)
    assert_no_header_only_table(html)
    assert t("quality.no_probable", "en").split(":")[0] in html
    assert "<ul></ul>" not in html


def test_register_categories_name_their_fields() -> None:
    ctx = Context("C", "fr")
    (row,) = dataflow_views.register_table(processing_register(MAP), ctx).rows
    # the basket reminder needs customers (the CRM's e-mail field) and baskets (carried by the
    # personal flow Shop -> CRM, no field in the dictionary)
    assert row[3] == "customers (email)\u202f; baskets"
    parts = dataflow_views.register_parts(processing_register(MAP), ctx)
    assert isinstance(parts[0], Text) and len(parts[0].paragraphs) == 2
    assert isinstance(parts[1], Table)
    (nothing,) = dataflow_views.register_parts((), ctx)
    assert isinstance(nothing, Text)


def test_the_blocking_rules_are_said_without_a_long_list(
    northwind_run: tuple[Path, DataAudit],
) -> None:
    """Each rule on one key (« même e-mail ») is a bullet; the rules crossing several keys
    (« même prénom et même code postal »), when more than three, are one sentence that counts
    them and gives the first as an example."""
    _out, audit = northwind_run
    assert audit.customers is not None and audit.customers.probable is not None
    rules = audit.customers.probable.blocking_rules
    crossed = [r for r in rules if r.key == quality_views.CROSSED]
    assert len(crossed) > quality_views.CROSSED_SHOWN
    parts = quality_views.blocking_rules(audit.customers, audit.ctx)
    bullets = next(p for p in parts if isinstance(p, Bullets)).items
    assert list(bullets[:-1]) == [r.text("fr") for r in rules if r.key != quality_views.CROSSED]
    assert bullets[-1] == (
        f"et {len(crossed)} règles croisant deux ou trois éléments plus faibles, comme "
        f"«\u202f{crossed[0].text('fr')}\u202f»"
    )
