"""The data-flow audit's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.dataflow.views.DataAudit` the report shows: the map's counts and its findings
(ids: their rule and subject), and the customer file's quality score, record count and
duplicate rates when a customer file is audited; the summary's sentences (the map's, then the
customer file's) and the series of its charts (:func:`chart_data`)."""

from __future__ import annotations

from crmwb.customer_file.views import role_label
from crmwb.dataflow.findings import finding_text
from crmwb.dataflow.views import DataAudit, complete_use_cases, summary_parts
from crmwb.deliver.result_items import conclusion_of, finding_items
from crmwb.deliver.results import ChartData, Figure, ItemList, Results, Series

ANALYSIS = "data_flow_audit"


def key_results(audit: DataAudit, map_image: str = "") -> Results:
    """With a data map: counts ``audit.systems``, ``audit.flows``, ``audit.manual_flows``,
    ``audit.use_cases``, ``audit.use_cases_complete``, ``audit.findings`` (to fix) and
    ``audit.infos``, and the list ``findings`` (id ``<rule>/<subject>``, e.g.
    ``single_point_of_failure/crm``). With a customer file: ``quality.score`` (out of 100),
    ``quality.records``, ``quality.exact_duplicates`` (share of records), ``quality.duplicate_rate``
    (probable duplicates, when computed) and ``quality.stale`` (share of inactive records,
    with an inactivity convention). ``map_image``: the map's picture the notebook saved
    (:func:`~crmwb.dataflow.views.map_image`)."""
    ctx = audit.ctx
    figures: list[Figure] = []
    lists: tuple[ItemList, ...] = ()
    data_map, matrix = audit.data_map, audit.matrix
    if data_map is not None and matrix is not None:
        warnings = [f for f in audit.findings if f.severity == "warning"]
        figures += [
            Figure("audit.systems", ctx.t("audit.figure.systems"), len(data_map.systems), "count"),
            Figure("audit.flows", ctx.t("audit.figure.flows"), len(data_map.flows), "count"),
            Figure(
                "audit.manual_flows",
                ctx.t("audit.result.manual_flows"),
                sum(f.method.value == "manual" for f in data_map.flows),
                "count",
                "lower",
            ),
            Figure(
                "audit.use_cases", ctx.t("audit.result.use_cases"), len(matrix.use_cases), "count"
            ),
            Figure(
                "audit.use_cases_complete",
                ctx.t("audit.figure.use_cases"),
                complete_use_cases(matrix),
                "count",
                "higher",
            ),
            Figure(
                "audit.findings", ctx.t("audit.figure.findings"), len(warnings), "count", "lower"
            ),
            Figure(
                "audit.infos",
                ctx.t("audit.result.infos"),
                len(audit.findings) - len(warnings),
                "count",
            ),
        ]
        texts = [finding_text(f, ctx.lang) for f in audit.findings]
        lists = (
            ItemList(
                "findings", ctx.t("audit.sheet.findings"), finding_items(audit.findings, texts, ctx)
            ),
        )
    customers = audit.customers
    if customers is not None:
        p = customers.profile
        figures += [
            Figure("quality.score", ctx.t("quality.figure.score"), p.score, "score", "higher"),
            Figure("quality.records", ctx.t("quality.result.records"), p.rows, "count"),
            Figure(
                "quality.exact_duplicates",
                ctx.t("quality.figure.exact"),
                p.records_in_duplicates_share,
                "%",
                "lower",
            ),
        ]
        if customers.probable is not None:
            figures.append(
                Figure(
                    "quality.duplicate_rate",
                    ctx.t("quality.figure.probable"),
                    customers.probable.duplicate_rate,
                    "%",
                    "lower",
                )
            )
        if p.staleness is not None and p.staleness.stale_share is not None:
            figures.append(
                Figure(
                    "quality.stale",
                    ctx.t("quality.figure.stale"),
                    p.staleness.stale_share,
                    "%",
                    "lower",
                )
            )
    return Results(
        ANALYSIS,
        ctx.lang,
        tuple(figures),
        lists=lists,
        conclusion=conclusion_of(*summary_parts(audit)),
        charts=chart_data(audit, map_image),
    )


def chart_data(audit: DataAudit, map_image: str = "") -> tuple[ChartData, ...]:
    """``audit.map``, the data-flow map as the report first draws it (an image: ``map_image``,
    when saved); with a customer file, ``quality.fields``, each mapped field's completeness
    and validity (bars, shares of the file: the report's quality-by-field table, None where
    no rule checks the field)."""
    ctx = audit.ctx
    charts: list[ChartData] = []
    if audit.data_map is not None and map_image:
        charts.append(ChartData("audit.map", ctx.t("audit.section.map"), "image", image=map_image))
    if audit.customers is not None and audit.customers.profile.fields:
        fields = audit.customers.profile.fields
        charts.append(
            ChartData(
                "quality.fields",
                ctx.t("quality.sheet.scorecard"),
                "bar",
                tuple(role_label(f.role, ctx) for f in fields),
                (
                    Series(
                        ctx.t("quality.col.completeness"), tuple(f.completeness for f in fields)
                    ),
                    Series(ctx.t("quality.col.validity"), tuple(f.validity for f in fields)),
                ),
                "%",
                x_title=ctx.t("quality.col.field"),
            )
        )
    return tuple(charts)
