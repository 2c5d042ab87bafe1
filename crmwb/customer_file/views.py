"""The customer-file part of the data audit: the quality scorecard, the duplicates and masked
examples, from :mod:`crmwb.customer_file.audit` results. Nothing personal is ever shown: counts,
shares and masked examples only. What could not be measured is said in a sentence, never shown
as an empty table."""

from __future__ import annotations

from dataclasses import replace

from crmwb.core import i18n
from crmwb.customer_file.audit import CustomerAudit
from crmwb.customer_file.mapping import FieldRole
from crmwb.customer_file.quality import SCORE_WEIGHTS, MaskedRecord
from crmwb.deliver.views import (
    Bullets,
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    Part,
    Section,
    Table,
    Text,
    section,
)


def role_label(role: FieldRole, ctx: Context) -> str:
    """A mapped field's role as the report names it (« E-mail », « Code postal »)."""
    return ctx.t(f"customer_role.{role.value}")


def key_figures(audit: CustomerAudit, ctx: Context) -> KeyFigures:
    p = audit.profile
    figures = [
        KeyFigure(
            ctx.t("quality.figure.score"),
            i18n.number(p.score, ctx.lang, decimals=0) + " / 100",
            ctx.tn("quality.figure.records", p.rows, rows=i18n.number(p.rows, ctx.lang)),
            highlight=p.score < 80,
        ),
        KeyFigure(
            ctx.t("quality.figure.exact"),
            ctx.percent(p.records_in_duplicates_share, decimals=1),
            ctx.tn(
                "quality.figure.exact_note",
                p.records_in_duplicates,
                count=i18n.number(p.records_in_duplicates, ctx.lang),
            ),
        ),
    ]
    if audit.probable is not None:
        figures.append(
            KeyFigure(
                ctx.t("quality.figure.probable"),
                ctx.percent(audit.probable.duplicate_rate, decimals=1),
                ctx.tn(
                    "quality.figure.probable_note",
                    audit.probable.clusters,
                    clusters=i18n.number(audit.probable.clusters, ctx.lang),
                ),
                highlight=audit.probable.duplicate_rate > 0.02,
            )
        )
    if p.staleness is not None and p.staleness.stale_share is not None:
        figures.append(
            KeyFigure(
                ctx.t("quality.figure.stale"),
                ctx.percent(p.staleness.stale_share),
                ctx.tn(
                    "quality.figure.stale_note",
                    p.staleness.inactive_months or 0,
                    months=p.staleness.inactive_months,
                ),
            )
        )
    return KeyFigures(tuple(figures))


def summary(audit: CustomerAudit, ctx: Context) -> Text:
    p = audit.profile
    paragraphs = [
        ctx.tn(
            "quality.summary.file",
            p.rows,
            file=audit.file_name,
            rows=i18n.number(p.rows, ctx.lang),
            score=i18n.number(p.score, ctx.lang, decimals=0),
        )
    ]
    if audit.probable is not None:
        excess = audit.probable.records_in_clusters - audit.probable.clusters
        paragraphs.append(
            ctx.tn(
                "quality.summary.duplicates",
                excess,
                rate=ctx.percent(audit.probable.duplicate_rate, decimals=1),
                excess=i18n.number(excess, ctx.lang),
            )
        )
    worst = [f for f in p.fields if f.validity is not None and f.validity < 0.95]
    if worst:
        paragraphs.append(
            ctx.t(
                "quality.summary.validity",
                fields=", ".join(
                    f"{role_label(f.role, ctx)} ({ctx.percent(f.validity or 0)})" for f in worst
                ),
            )
        )
    return Text(tuple(paragraphs))


def scorecard(audit: CustomerAudit, ctx: Context) -> Table:
    """Per mapped field: how often it is filled, and how often a filled value is valid."""
    rows = tuple(
        (
            role_label(f.role, ctx),
            f.filled,
            f.completeness,
            f.valid,
            f.validity,
        )
        for f in audit.profile.fields
    )
    columns = (
        Column(ctx.t("quality.col.field")),
        Column(ctx.t("quality.col.filled"), "integer"),
        Column(ctx.t("quality.col.completeness"), "percent"),
        Column(ctx.t("quality.col.valid"), "integer"),
        Column(ctx.t("quality.col.validity"), "percent"),
    )
    return Table(
        ctx.t("quality.sheet.scorecard"), columns, rows, ctx, note=ctx.t("quality.rule.validity")
    )


def indicators(audit: CustomerAudit, ctx: Context) -> Table:
    """Freshness, consent and deliverability, as shares of the file (no row when none of their
    columns is mapped: the report says so, :func:`sections`)."""
    p = audit.profile
    rows: list[tuple[object, ...]] = []
    if p.staleness is not None:
        if p.staleness.stale_share is not None:
            rows.append(
                (
                    ctx.tn(
                        "quality.row.stale",
                        p.staleness.inactive_months or 0,
                        months=p.staleness.inactive_months,
                    ),
                    p.staleness.stale,
                    p.staleness.stale_share,
                )
            )
        rows.append((ctx.t("quality.row.no_date"), p.staleness.no_date, p.staleness.no_date_share))
    if p.opt_in is not None:
        rows.append((ctx.t("quality.row.opt_in_yes"), p.opt_in.yes, p.opt_in.yes_share))
        rows.append((ctx.t("quality.row.opt_in_no"), p.opt_in.no, p.opt_in.no_share))
        rows.append(
            (
                ctx.t("quality.row.opt_in_unknown"),
                p.opt_in.blank + p.opt_in.unreadable,
                p.opt_in.unknown_share,
            )
        )
    if p.undeliverable is not None:
        rows.append(
            (ctx.t("quality.row.undeliverable"), p.undeliverable.count, p.undeliverable.share)
        )
    columns = (
        Column(ctx.t("quality.col.indicator")),
        Column(ctx.t("quality.col.records"), "integer"),
        Column(ctx.t("quality.col.share"), "percent"),
    )
    return Table(ctx.t("quality.sheet.indicators"), columns, tuple(rows), ctx)


def score_table(audit: CustomerAudit, ctx: Context) -> Table:
    rows = tuple(
        (ctx.t(f"quality.part.{part.name}"), part.weight, part.value)
        for part in audit.profile.score_parts
    )
    columns = (
        Column(ctx.t("quality.col.component")),
        Column(ctx.t("quality.col.weight"), "number"),
        Column(ctx.t("quality.col.value"), "percent"),
    )
    weights = ", ".join(
        ctx.t(
            "quality.rule.weight",
            part=ctx.t(f"quality.part.{name}"),
            weight=i18n.decimal(weight, ctx.lang),
        )
        for name, weight in SCORE_WEIGHTS.items()
    )
    return Table(
        ctx.t("quality.sheet.score"),
        columns,
        rows,
        ctx,
        note=ctx.t("quality.rule.score", weights=weights),
    )


def duplicates_table(audit: CustomerAudit, ctx: Context) -> Table:
    """Exact duplicates by key, then the probable ones."""
    rows: list[tuple[object, ...]] = [
        (ctx.t(f"quality.key.{d.key.value}"), d.groups, d.records, d.excess)
        for d in audit.profile.duplicates
    ]
    probable = audit.probable
    if probable is not None:
        rows.append(
            (
                ctx.t("quality.key.probable", threshold=ctx.percent(probable.threshold)),
                probable.clusters,
                probable.records_in_clusters,
                probable.records_in_clusters - probable.clusters,
            )
        )
    columns = (
        Column(ctx.t("quality.col.key")),
        Column(ctx.t("quality.col.groups"), "integer"),
        Column(ctx.t("quality.col.records"), "integer"),
        Column(ctx.t("quality.col.excess"), "integer"),
    )
    return Table(
        ctx.t("quality.sheet.duplicates"),
        columns,
        tuple(rows),
        ctx,
        strong_rows=frozenset({len(rows) - 1}) if probable is not None else frozenset(),
        note=ctx.t("quality.rule.duplicates"),
    )


CROSSED = "duplicates.key.all"
"""The message of a blocking rule crossing several keys (« même prénom et même code postal »)."""
CROSSED_SHOWN = 3
"""Rules crossing several keys listed one by one; more are said in one sentence."""


def blocking_rules(audit: CustomerAudit, ctx: Context) -> tuple[Part, ...]:
    """The blocking rules that chose the pairs compared, under their heading (each rule on one
    key; those crossing several, one by one when few, else counted with an example), then
    what the model could not learn from the file; a sentence when the probable duplicates
    could not be estimated."""
    if audit.probable is None:
        return (Text((ctx.t("quality.no_probable"),)),)
    rules = audit.probable.blocking_rules
    single = [rule for rule in rules if rule.key != CROSSED]
    crossed = [rule for rule in rules if rule.key == CROSSED]
    shown = [rule.text(ctx.lang) for rule in single]
    if len(crossed) <= CROSSED_SHOWN:
        shown += [rule.text(ctx.lang) for rule in crossed]
    else:  # dozens of « same first name and same postcode »: a sentence says them
        shown.append(
            ctx.tn(
                "quality.rule.blocking_more",
                len(crossed),
                count=i18n.number(len(crossed), ctx.lang),
                example=crossed[0].text(ctx.lang),
            )
        )
    parts: list[Part] = [Text((ctx.t("quality.rule.blocking"),)), Bullets(tuple(shown))]
    if audit.probable.training_notes:
        parts += [
            Text((ctx.t("quality.rule.training"),)),
            Bullets(tuple(note.text(ctx.lang) for note in audit.probable.training_notes)),
        ]
    return tuple(parts)


def examples_table(audit: CustomerAudit, ctx: Context) -> Table:
    """A few probable-duplicate clusters, masked (e-mail, phone, initials, postcode) (no row
    when there is no duplicate: the report says so, :func:`sections`)."""
    rows: list[tuple[object, ...]] = []

    def add(group: str, records: tuple[MaskedRecord, ...]) -> None:
        for r in records:
            rows.append((group, r.line, r.name, r.email, r.phone, r.postcode))

    if audit.probable is not None:
        for i, records in enumerate(audit.probable.examples, start=1):
            add(ctx.t("quality.example.cluster", number=i), records)
    for example in audit.exact_examples[:2]:
        add(ctx.t(f"quality.key.{example.key.value}"), example.records)
    columns = (
        Column(ctx.t("quality.col.group")),
        Column(ctx.t("quality.col.line"), "integer"),
        Column(ctx.t("quality.col.name")),
        Column(ctx.t("quality.col.email")),
        Column(ctx.t("quality.col.phone")),
        Column(ctx.t("quality.col.postcode")),
    )
    return Table(
        ctx.t("quality.sheet.examples"),
        columns,
        tuple(rows),
        ctx,
        note=ctx.t("quality.rule.masked"),
    )


def clusters_note(audit: CustomerAudit, ctx: Context) -> Text | None:
    """Where the cluster file is (its run's confidential folder), or that there is none to
    clean from; None when the probable duplicates were not estimated, or no file was asked
    for (in JupyterLab)."""
    if audit.probable is not None and audit.probable.clusters == 0:
        threshold = ctx.percent(audit.probable.threshold)
        return Text((ctx.t("quality.no_cluster", threshold=threshold),), "note")
    if audit.clusters_file is None:
        return None
    # the message names the run's folder: crmwb.customer_file.sheets.CONFIDENTIAL_DIR
    return Text((ctx.t("quality.rule.clusters_file", file=audit.clusters_file.name),), "note")


def or_sentence(table: Table, key: str, ctx: Context) -> Table | Text:
    """``table``, or the sentence ``key`` when it has no row (never a table of headers only)."""
    return table if table.rows else Text((ctx.t(key),))


def sections(audit: CustomerAudit, ctx: Context) -> tuple[Section, Section]:
    """The customer file's quality, then its duplicates (where the cluster file is said under
    the examples, so that it is never printed alone on a page)."""
    note = clusters_note(audit, ctx)
    examples = examples_table(audit, ctx)
    if examples.rows and note is not None:
        examples = replace(examples, note=" ".join((examples.note, *note.paragraphs)))
        note = None
    return (
        section(
            ctx.t("quality.section.file"),
            scorecard(audit, ctx),
            or_sentence(indicators(audit, ctx), "quality.no_indicator", ctx),
            score_table(audit, ctx),
        ),
        section(
            ctx.t("quality.section.duplicates"),
            duplicates_table(audit, ctx),
            *blocking_rules(audit, ctx),
            or_sentence(examples, "quality.no_example", ctx),
            *((note,) if note is not None else ()),
        ),
    )


def conventions(audit: CustomerAudit, ctx: Context) -> tuple[str, ...]:
    """The customer file's calculation conventions, for the Excel deliverable's read-me."""
    p = audit.profile
    out = [ctx.t("quality.rule.validity")]
    staleness = p.staleness
    if staleness is not None and staleness.cutoff is not None:
        out.append(
            ctx.t(
                "quality.rule.stale",
                cutoff=i18n.date(staleness.cutoff, ctx.lang),
                months=i18n.number(staleness.inactive_months or 0, ctx.lang),
                today=i18n.date(staleness.today, ctx.lang),
            )
        )
    elif staleness is not None:
        out.append(ctx.t("quality.rule.reference", today=i18n.date(staleness.today, ctx.lang)))
    score = score_table(audit, ctx)
    out += [score.note, ctx.t("quality.rule.duplicates"), ctx.t("quality.rule.masked")]
    return tuple(out)


def excel_tables(audit: CustomerAudit, ctx: Context) -> list[Table]:
    """The customer file's tables for Excel (those with something to show)."""
    tables = (
        scorecard(audit, ctx),
        indicators(audit, ctx),
        score_table(audit, ctx),
        duplicates_table(audit, ctx),
        examples_table(audit, ctx),
    )
    return [table for table in tables if table.rows]
