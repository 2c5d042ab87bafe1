"""The data-flow audit deliverable's tables and sentences: the map's findings, the coverage
matrix, the inventories and the draft register, from :mod:`crmwb.dataflow` results."""

from __future__ import annotations

from collections.abc import Sequence

from crmwb import i18n, views
from crmwb.dataflow import (
    CoverageMatrix,
    DataFinding,
    DataMap,
    RegisterEntry,
    RegisterField,
    finding_text,
    flow_label,
)
from crmwb.views import Bullets, Column, Context, KeyFigure, KeyFigures, Table, Text


def _yes(value: bool, ctx: Context) -> str:
    return ctx.t("journey.yes") if value else ""


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


def key_figures(
    data_map: DataMap, findings: Sequence[DataFinding], matrix: CoverageMatrix, ctx: Context
) -> KeyFigures:
    warnings = [f for f in findings if f.severity == "warning"]
    manual = sum(f.method.value == "manual" for f in data_map.flows)
    personal = sum(s.personal_data for s in data_map.systems)
    complete = sum(
        all(
            matrix.providers(u, o)
            for o in matrix.data_objects
            if matrix.providers(u, o) is not None
        )
        for u in matrix.use_cases
    )
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
                f"{complete} / {len(matrix.use_cases)}",
                ctx.t("audit.figure.use_cases_note"),
                highlight=complete < len(matrix.use_cases),
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
    complete = sum(
        all(
            matrix.providers(u, o)
            for o in matrix.data_objects
            if matrix.providers(u, o) is not None
        )
        for u in matrix.use_cases
    )
    warnings = [f for f in findings if f.severity == "warning"]
    map_size = ctx.t(
        "audit.summary.map",
        systems=count("systems", len(data_map.systems), ctx),
        flows=count("flows", len(data_map.flows), ctx),
    )
    if matrix.use_cases:
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


def findings_list(findings: Sequence[DataFinding], ctx: Context, *, severity: str) -> Bullets:
    """The findings of one severity, each a sentence."""
    chosen = [f for f in findings if f.severity == severity]
    if not chosen:
        return Bullets((ctx.t("audit.no_finding"),))
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
    """Use case x data object: the systems providing it; "missing" where none does."""
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
    rows = tuple(
        (
            s.name,
            ctx.t(f"system_type.{s.type.value}"),
            ctx.t(f"system_role.{s.role.value}"),
            s.owner or ctx.t("dataflow.register.to_complete"),
            _yes(s.personal_data, ctx),
            s.location,
            s.retention,
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
    """The flow inventory (the map names only what fits; this lists everything)."""
    rows = tuple(
        (
            flow_label(f),
            ", ".join(f.data_objects),
            ctx.t(f"flow_frequency.{f.frequency.value}"),
            ctx.t(f"flow_method.{f.method.value}"),
            f.volume,
            _yes(f.personal_data, ctx),
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
    categories = ", ".join(
        ctx.t("dataflow.register.sensitive", name=c.name) if c.sensitive else c.name
        for c in entry.categories
    )
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
    return Text((ctx.t("audit.rule.register"),), css_class="note")
