"""The data-flow audit deliverable: :func:`data_audit` reads a client's data map and customer
file and computes everything once; the other functions give what the client reads — the map's
findings, the coverage matrix, the inventories, the draft register, the customer file's
quality — each empty case written as a sentence, and the Excel deliverable's tables and
conventions. The notebook calls one function per section."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crmwb.core import i18n
from crmwb.core.i18n import Lang
from crmwb.core.workspace import WORKBOOK_NAME
from crmwb.customer_file import views as quality_views
from crmwb.customer_file.audit import CustomerAudit, audit_customer_file, confidential_dir
from crmwb.customer_file.sheets import has_customer_file, read_customer_file_settings
from crmwb.customer_file.views import or_sentence
from crmwb.dataflow import flow_map
from crmwb.dataflow.findings import (
    CoverageMatrix,
    DataFinding,
    coverage_matrix,
    data_findings,
    finding_text,
)
from crmwb.dataflow.model import DataMap, flow_label, hosts_personal_data
from crmwb.dataflow.register import RegisterEntry, RegisterField, processing_register
from crmwb.dataflow.sheets import has_data_map, read_data_map
from crmwb.deliver import views
from crmwb.deliver.results import IMAGE_DPI, save_image
from crmwb.deliver.views import (
    Bullets,
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    Part,
    ReportHeader,
    Section,
    Sections,
    Table,
    Text,
    section,
)
from crmwb.journey.sheets import has_journey, read_journey
from crmwb.plan.sheets import has_plan, read_plan
from crmwb.workbook.about import read_about
from crmwb.workbook.reader import read_workbook


@dataclass(frozen=True)
class DataAudit:
    """What the data-flow audit of a client found: its data map's analyses (None and empty
    without a data map) and its customer file's audit (None without one)."""

    ctx: Context
    data_map: DataMap | None
    findings: tuple[DataFinding, ...]
    matrix: CoverageMatrix | None
    register: tuple[RegisterEntry, ...]
    customers: CustomerAudit | None


def data_audit(
    client_dir: str | os.PathLike[str],
    lang: Lang | None = None,
    *,
    threshold: float = 0.95,
    output_dir: str | os.PathLike[str] | None = None,
) -> DataAudit:
    """Read the client's workbook and audit its data: the map's findings (with the journey's
    collection points when the workbook has a journey), the coverage matrix and the draft
    register; the customer file (its inactivity convention from the relationship plan), the
    probable duplicates at ``threshold`` written, with ``output_dir``, to the run's
    confidential folder (:func:`~crmwb.customer_file.audit.confidential_dir`), never beside the
    deliverables. ``lang``: the deliverable's language (None: the workbook's)."""
    folder = Path(client_dir)
    reader = read_workbook(folder / WORKBOOK_NAME)
    ctx = Context.of(read_about(reader), lang)
    data_map = read_data_map(reader) if has_data_map(reader) else None
    customers = None
    if has_customer_file(reader):
        plan = read_plan(reader) if has_plan(reader) else None
        customers = audit_customer_file(
            folder,
            read_customer_file_settings(reader),
            inactive_months=plan.conventions.inactive_months if plan else None,
            threshold=threshold,
            output_dir=confidential_dir(output_dir) if output_dir is not None else None,
            lang=ctx.lang,
        )
    if data_map is None:
        return DataAudit(ctx, None, (), None, (), customers)
    journey = read_journey(reader) if has_journey(reader) else None
    return DataAudit(
        ctx,
        data_map,
        data_findings(data_map, journey),
        coverage_matrix(data_map),
        processing_register(data_map),
        customers,
    )


def header(audit: DataAudit) -> ReportHeader:
    ctx = audit.ctx
    if audit.data_map is not None:
        return ReportHeader(ctx.t("audit.title"), subtitle(audit.data_map, ctx), ctx)
    assert audit.customers is not None  # the run skips a client with neither
    return ReportHeader(ctx.t("audit.title"), audit.customers.file_name, ctx)


def summary_parts(audit: DataAudit) -> tuple[Part, ...]:
    """The executive summary: the map's key figures and sentences, then the customer file's;
    what could not be audited said in a sentence."""
    ctx = audit.ctx
    parts: list[Part] = []
    if audit.data_map is not None and audit.matrix is not None:
        parts += [
            key_figures(audit.data_map, audit.findings, audit.matrix, ctx),
            summary(audit.data_map, audit.findings, audit.matrix, ctx),
        ]
    else:
        parts.append(Text((ctx.t("audit.no_data_map"),)))
    if audit.customers is not None:
        parts += [
            quality_views.key_figures(audit.customers, ctx),
            quality_views.summary(audit.customers, ctx),
        ]
    else:
        parts.append(Text((ctx.t("audit.no_customer_file"),)))
    return tuple(parts)


def summary_section(audit: DataAudit) -> Section:
    return section(audit.ctx.t("audit.section.summary"), *summary_parts(audit))


def map_sections(audit: DataAudit) -> Sections:
    """The map (whole, or its overview then its two halves: :mod:`crmwb.dataflow.flow_map`), the
    points to fix, the coverage, the points for information, the inventories and the draft
    register; nothing without a data map."""
    data_map, ctx = audit.data_map, audit.ctx
    if data_map is None or audit.matrix is None:
        return Sections(())
    return Sections(
        (
            *flow_map.map_sections(data_map, ctx, single_points_of_failure(audit.findings)),
            section(
                ctx.t("audit.section.findings"),
                findings_list(audit.findings, ctx, severity="warning"),
            ),
            section(
                ctx.t("audit.section.coverage"),
                or_sentence(coverage_table(audit.matrix, ctx), "audit.no_use_case", ctx),
            ),
            section(
                ctx.t("audit.section.infos"), findings_list(audit.findings, ctx, severity="info")
            ),
            section(
                ctx.t("audit.section.inventory"),
                systems_table(data_map, ctx),
                or_sentence(flows_table(data_map, ctx), "audit.no_flow", ctx),
            ),
            section(ctx.t("audit.section.register"), *register_parts(audit.register, ctx)),
        )
    )


MAP_IMAGE = "data_flow_audit.map"
"""The data-flow map's picture for the deck: ``results/data_flow_audit.map.png``."""


def map_image(
    audit: DataAudit, output_dir: str | os.PathLike[str] | None, *, engine: flow_map.Engine = "auto"
) -> str:
    """Save the map as the report first draws it (whole, or its overview when the whole does
    not hold on a page) as a PNG picture for the deck (:data:`MAP_IMAGE`) and return its path
    in the run folder; "" without a data map or an output folder (nothing drawn then)."""
    if audit.data_map is None or output_dir is None:
        return ""
    first = flow_map.flow_map_drawings(
        audit.data_map, audit.ctx, highlight=single_points_of_failure(audit.findings), engine=engine
    )[0]
    return save_image(
        output_dir, MAP_IMAGE, flow_map.drawing_png(first, engine=engine, dpi=IMAGE_DPI)
    )


def customer_file_sections(audit: DataAudit) -> Sections:
    """The customer file's quality and its duplicates; nothing without a customer file."""
    if audit.customers is None:
        return Sections(())
    return Sections(quality_views.sections(audit.customers, audit.ctx))


def excel_tables(audit: DataAudit) -> list[Table]:
    """The Excel deliverable's tables: every table with rows (an empty one is left out, the
    read-me's conventions say what each holds)."""
    ctx = audit.ctx
    tables: list[Table] = []
    if audit.data_map is not None and audit.matrix is not None:
        tables += [
            findings_table(audit.findings, ctx),
            coverage_table(audit.matrix, ctx),
            systems_table(audit.data_map, ctx),
            flows_table(audit.data_map, ctx),
            register_table(audit.register, ctx),
        ]
    if audit.customers is not None:
        tables += quality_views.excel_tables(audit.customers, ctx)
    return [table for table in tables if table.rows]


def conventions(audit: DataAudit) -> tuple[str, ...]:
    """The calculation conventions, for the Excel deliverable's read-me."""
    ctx = audit.ctx
    out: list[str] = []
    if audit.data_map is not None:
        out += [
            ctx.t("audit.rule.map"),
            ctx.t("audit.rule.coverage"),
            ctx.t("audit.rule.register"),
            ctx.t("audit.rule.register_scope"),
        ]
    if audit.customers is not None:
        out += quality_views.conventions(audit.customers, ctx)
    return tuple(out)


def _yes_no(value: bool, ctx: Context) -> str:
    return ctx.t("journey.yes") if value else ctx.t("journey.no")


def count(key: str, n: int, ctx: Context) -> str:
    """``n`` things in words, the noun agreeing with the count: ``audit.count.<key>`` (« 1
    système », « 15 systèmes », « 25 flux »)."""
    return ctx.tn(f"audit.count.{key}", n, count=i18n.number(n, ctx.lang))


def subtitle(data_map: DataMap, ctx: Context) -> str:
    return ctx.t(
        "audit.subtitle",
        systems=count("systems", len(data_map.systems), ctx),
        flows=count("flows", len(data_map.flows), ctx),
        use_cases=count("use_cases", len(data_map.use_cases), ctx),
    )


def single_points_of_failure(findings: Sequence[DataFinding]) -> tuple[str, ...]:
    """The systems the map's findings call single points of failure (ringed on the map)."""
    return tuple(f.subject for f in findings if f.rule == "single_point_of_failure")


def complete_use_cases(matrix: CoverageMatrix) -> int:
    """How many use cases receive every data object they need (the key figure « use cases
    fully fed »)."""
    return sum(
        all(
            matrix.providers(u, o)
            for o in matrix.data_objects
            if matrix.providers(u, o) is not None
        )
        for u in matrix.use_cases
    )


def key_figures(
    data_map: DataMap, findings: Sequence[DataFinding], matrix: CoverageMatrix, ctx: Context
) -> KeyFigures:
    warnings = [f for f in findings if f.severity == "warning"]
    manual = sum(f.method.value == "manual" for f in data_map.flows)
    personal = sum(s.personal_data for s in data_map.systems)
    complete = complete_use_cases(matrix)
    use_cases = len(matrix.use_cases)
    return KeyFigures(
        (
            KeyFigure(
                ctx.t("audit.figure.systems"),
                i18n.number(len(data_map.systems), ctx.lang),
                ctx.tn("audit.figure.personal", personal, count=i18n.number(personal, ctx.lang)),
            ),
            KeyFigure(
                ctx.t("audit.figure.flows"),
                i18n.number(len(data_map.flows), ctx.lang),
                ctx.tn("audit.figure.manual", manual, count=i18n.number(manual, ctx.lang)),
            ),
            KeyFigure(
                ctx.t("audit.figure.use_cases"),
                f"{i18n.number(complete, ctx.lang)} / {i18n.number(use_cases, ctx.lang)}"
                if use_cases
                else i18n.number(0, ctx.lang),
                ctx.t("audit.figure.use_cases_note" if use_cases else "audit.figure.no_use_case"),
                highlight=complete < use_cases,
            ),
            KeyFigure(
                ctx.t("audit.figure.findings"),
                i18n.number(len(warnings), ctx.lang),
                ctx.tn(
                    "audit.figure.infos",
                    len(findings) - len(warnings),
                    count=i18n.number(len(findings) - len(warnings), ctx.lang),
                ),
                highlight=bool(warnings),
            ),
        )
    )


def summary(
    data_map: DataMap, findings: Sequence[DataFinding], matrix: CoverageMatrix, ctx: Context
) -> Text:
    """The map's part of the executive summary, written from the numbers."""
    complete = complete_use_cases(matrix)
    warnings = [f for f in findings if f.severity == "warning"]
    map_size = ctx.t(
        "audit.summary.map",
        systems=count("systems", len(data_map.systems), ctx),
        flows=count("flows", len(data_map.flows), ctx),
    )
    if not matrix.use_cases:
        map_size += " " + ctx.t("audit.no_use_case")
    else:
        map_size += " " + ctx.tn(
            "audit.summary.complete",
            complete,
            complete=i18n.number(complete, ctx.lang),
            use_cases=i18n.number(len(matrix.use_cases), ctx.lang),
        )
    paragraphs = [map_size]
    if warnings:
        paragraphs.append(ctx.tn("audit.summary.findings", len(warnings), count=len(warnings)))
    return Text(tuple(paragraphs))


def findings_list(
    findings: Sequence[DataFinding], ctx: Context, *, severity: str
) -> Bullets | Text:
    """The findings of one severity, each a sentence; a sentence when there is none."""
    chosen = [f for f in findings if f.severity == severity]
    if not chosen:
        return Text((ctx.t("audit.no_warning" if severity == "warning" else "audit.no_finding"),))
    return Bullets(tuple(finding_text(f, ctx.lang) for f in chosen))


def findings_table(findings: Sequence[DataFinding], ctx: Context) -> Table:
    """The findings for Excel: severity, rule (its title: ``dataflow.rule.<rule>``), subject,
    message."""
    return views.findings_table(
        ctx.t("audit.sheet.findings"),
        [
            (f.severity, ctx.t(f"dataflow.rule.{f.rule}"), f.subject, finding_text(f, ctx.lang))
            for f in findings
        ],
        ctx,
    )


def coverage_table(matrix: CoverageMatrix, ctx: Context) -> Table:
    """Use case x data object: the systems providing it; "missing" where none does (no row
    without use cases: the report says so)."""
    missing = ctx.t("audit.missing")
    rows: list[tuple[object, ...]] = []
    for use_case in matrix.use_cases:
        cells = []
        for data_object in matrix.data_objects:
            providers = matrix.providers(use_case, data_object)
            cells.append("" if providers is None else (", ".join(providers) or missing))
        rows.append((use_case, *cells))
    columns = (Column(ctx.t("audit.col.use_case")), *(Column(o) for o in matrix.data_objects))
    return Table(
        ctx.t("audit.sheet.coverage"),
        columns,
        tuple(rows),
        ctx,
        note=ctx.t("audit.rule.coverage"),
    )


def systems_table(data_map: DataMap, ctx: Context) -> Table:
    """The systems inventory; a missing owner, or a missing retention for a system hosting
    personal data, is « to complete »."""
    todo = ctx.t("dataflow.register.to_complete")
    rows = tuple(
        (
            s.name,
            ctx.t(f"system_type.{s.type.value}"),
            ctx.t(f"system_role.{s.role.value}"),
            s.owner or todo,
            _yes_no(s.personal_data, ctx),
            s.location,
            s.retention or (todo if hosts_personal_data(data_map, s.name) else ""),
        )
        for s in data_map.systems
    )
    columns = (
        Column(ctx.t("audit.col.system")),
        Column(ctx.t("audit.col.type")),
        Column(ctx.t("audit.col.role")),
        Column(ctx.t("audit.col.owner")),
        Column(ctx.t("audit.col.personal")),
        Column(ctx.t("audit.col.location")),
        Column(ctx.t("audit.col.retention")),
    )
    return Table(ctx.t("audit.sheet.systems"), columns, rows, ctx)


def flows_table(data_map: DataMap, ctx: Context) -> Table:
    """The flow inventory (the map names only what fits; this lists everything) (no row
    without flows: the report says so)."""
    rows = tuple(
        (
            flow_label(f),
            ", ".join(f.data_objects),
            ctx.t(f"flow_frequency.{f.frequency.value}"),
            ctx.t(f"flow_method.{f.method.value}"),
            f.volume,
            _yes_no(f.personal_data, ctx),
            ctx.t(f"legal_basis.{f.legal_basis.value}")
            if f.legal_basis
            else ("–" if not f.personal_data else ctx.t("dataflow.register.to_complete")),
        )
        for f in data_map.flows
    )
    columns = (
        Column(ctx.t("audit.col.flow")),
        Column(ctx.t("audit.col.data_objects")),
        Column(ctx.t("audit.col.frequency")),
        Column(ctx.t("audit.col.method")),
        Column(ctx.t("audit.col.volume"), "integer"),
        Column(ctx.t("audit.col.personal")),
        Column(ctx.t("audit.col.legal_basis")),
    )
    manual = frozenset(i for i, f in enumerate(data_map.flows) if f.method.value == "manual")
    return Table(
        ctx.t("audit.sheet.flows"),
        columns,
        rows,
        ctx,
        strong_rows=manual,
        note=ctx.t("audit.rule.manual_bold"),
    )


def _register_values(entry: RegisterEntry, ctx: Context) -> dict[RegisterField, str]:
    todo = ctx.t("dataflow.register.to_complete")
    then = ctx.t("dataflow.register.separator")
    people = ", ".join(ctx.t(f"dataflow.register.people.{p.value}") for p in entry.people)
    if entry.people_to_confirm:
        people = ctx.t("dataflow.register.to_confirm", people=people)
    categories = then.join(_category(c.name, c.fields, c.sensitive, ctx) for c in entry.categories)
    recipients = ", ".join(f"{r.system} ({r.owner or todo})" for r in entry.recipients)
    transfers = [f"{t.system} ({t.location})" for t in entry.transfers]
    transfers += [
        f"{s} ({ctx.t('dataflow.register.unknown_location')})" for s in entry.unknown_locations
    ]
    retention = then.join(
        ctx.t("dataflow.register.retention_of", system=s, period=period or todo)
        for s, period in entry.retention
    )
    bases = ", ".join(ctx.t(f"legal_basis.{b.value}") for b in entry.legal_bases)
    if entry.flows_without_basis:
        bases = (bases + then if bases else "") + ctx.t(
            "audit.register.flows_without_basis", flows=", ".join(entry.flows_without_basis)
        )
    return {
        RegisterField.PURPOSES: then.join(entry.purposes),
        RegisterField.PEOPLE: people,
        RegisterField.CATEGORIES: categories or todo,
        RegisterField.RECIPIENTS: recipients or todo,
        RegisterField.TRANSFERS: ", ".join(transfers) or ctx.t("audit.register.none"),
        RegisterField.RETENTION: retention or todo,
        RegisterField.SECURITY: ctx.t(entry.security),
        RegisterField.LEGAL_BASIS: bases or todo,
    }


def _category(name: str, fields: Sequence[str], sensitive: bool, ctx: Context) -> str:
    """A category of data with the dictionary's fields holding it, marked when sensitive."""
    if fields:
        key = "sensitive_fields" if sensitive else "category_fields"
        return ctx.t(f"dataflow.register.{key}", name=name, fields=", ".join(fields))
    return ctx.t("dataflow.register.sensitive", name=name) if sensitive else name


def register_parts(register: Sequence[RegisterEntry], ctx: Context) -> tuple[Part, ...]:
    """The draft register for print: its conventions, then one table per processing activity;
    without use cases, a sentence."""
    if not register:
        return (Text((ctx.t("audit.no_use_case"),)),)
    return (
        register_note(ctx),
        *(register_entry_table(entry, ctx) for entry in register),
    )


def register_table(register: Sequence[RegisterEntry], ctx: Context) -> Table:
    """The draft register for the DPO: one row per processing activity, one column per field
    of GDPR art. 30, and what is left to complete."""
    fields = list(RegisterField)
    rows = []
    for entry in register:
        values = _register_values(entry, ctx)
        rows.append(
            (
                entry.name,
                *(values[f] for f in fields),
                ", ".join(ctx.t(f"dataflow.register.field.{f.value}") for f in entry.to_complete),
            )
        )
    columns = (
        Column(ctx.t("audit.col.activity")),
        *(Column(ctx.t(f"dataflow.register.field.{f.value}")) for f in fields),
        Column(ctx.t("audit.col.to_complete")),
    )
    return Table(ctx.t("audit.sheet.register"), columns, tuple(rows), ctx)


def register_entry_table(entry: RegisterEntry, ctx: Context) -> Table:
    """One activity of the register as a two-column table (for print)."""
    values = _register_values(entry, ctx)
    todo = set(entry.to_complete)
    rows = tuple((ctx.t(f"dataflow.register.field.{f.value}"), values[f]) for f in RegisterField)
    return Table(
        ctx.t("audit.sheet.register"),
        (Column(ctx.t("audit.col.field")), Column(entry.name)),
        rows,
        ctx,
        strong_rows=frozenset(i for i, f in enumerate(RegisterField) if f in todo),
    )


def register_note(ctx: Context) -> Text:
    return Text(
        (ctx.t("audit.rule.register"), ctx.t("audit.rule.register_scope")), css_class="note"
    )
