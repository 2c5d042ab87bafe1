"""The through-line's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.through_line.model.ThroughLine` the report shows: its completeness (links in
place out of links expected), its broken links (each an item: what is broken and what to do),
the summary's sentences, and the completeness check by check as a chart (links in place and
missing)."""

from __future__ import annotations

from crmwb.deliver.result_items import conclusion_of
from crmwb.deliver.results import ChartData, Figure, Item, ItemList, Results, Series
from crmwb.deliver.views import Context
from crmwb.through_line.model import ThroughLine
from crmwb.through_line.views import kind_label, summary_parts, what_to_do

ANALYSIS = "through_line"

DIAGRAM_IMAGE = f"{ANALYSIS}.chain"
"""The chain's diagram as a picture for the deck: ``results/through_line.chain.png``."""


def key_results(line: ThroughLine, ctx: Context, diagram_image: str = "") -> Results:
    """``through_line.completeness`` (a share, when a link could be checked),
    ``through_line.broken``, ``through_line.exposed`` (the benefits exposed, when the ROI's
    levers are known), ``through_line.present`` and ``through_line.expected``; the list
    ``findings`` of the broken links (id ``<kind>/<subject>``, label: what to do, detail: the
    kind in words); the chart ``through_line.checks``, then the diagram's picture the notebook
    saved (``diagram_image``, :data:`DIAGRAM_IMAGE`), when it saved one."""
    done = line.completeness
    figures = [
        Figure(
            "through_line.completeness",
            ctx.t("through_line.figure.completeness"),
            done.score,
            "%",
            "higher",
        ),
        Figure(
            "through_line.broken",
            ctx.t("through_line.figure.broken"),
            len(line.broken),
            "count",
            "lower",
        ),
    ]
    if line.levers:
        figures.append(
            Figure(
                "through_line.exposed",
                ctx.t("through_line.figure.exposed"),
                line.exposed,
                "EUR",
                "lower",
            )
        )
    figures += [  # the completeness's terms, after what a committee looks at first
        Figure("through_line.present", ctx.t("through_line.col.present"), done.present, "count"),
        Figure("through_line.expected", ctx.t("through_line.col.expected"), done.expected, "count"),
    ]
    broken = ItemList(
        "findings",
        ctx.t("through_line.section.broken"),
        tuple(
            Item(f"{link.kind}/{link.subject}", what_to_do(link, ctx), kind_label(link.kind, ctx))
            for link in line.broken
        ),
    )
    return Results(
        ANALYSIS,
        ctx.lang,
        tuple(figures),
        lists=(broken,),
        conclusion=conclusion_of(*summary_parts(line, ctx)),
        charts=(
            *((checks_chart(line, ctx),) if done.checks else ()),
            *(
                (
                    ChartData(
                        DIAGRAM_IMAGE,
                        ctx.t("through_line.section.diagram"),
                        "image",
                        image=diagram_image,
                    ),
                )
                if diagram_image
                else ()
            ),
        ),
    )


def checks_chart(line: ThroughLine, ctx: Context) -> ChartData:
    """Each check of the completeness score: the links in place and those missing (stacked
    bars, one per check, as the completeness table lists them)."""
    checks = line.completeness.checks
    return ChartData(
        "through_line.checks",
        ctx.t("through_line.sheet.checks"),
        "stacked_bar",
        tuple(ctx.t(f"through_line.check.{c.check}") for c in checks),
        (
            Series(ctx.t("through_line.col.present"), tuple(float(c.present) for c in checks)),
            Series(
                ctx.t("through_line.chart.missing"),
                tuple(float(c.expected - c.present) for c in checks),
            ),
        ),
        "count",
    )
