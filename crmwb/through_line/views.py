"""The through-line as the client reads it, built from :mod:`crmwb.through_line.model`: the
summary (completeness as a key figure, its formula in a sentence, what could not be assessed
and why, the broken links counted by kind), the chain moment by moment, the broken links each
with what to do, and the completeness checks. Every word from the catalogs (domain
``through_line``), in the client's language; numbers by locale. Pure: a
:class:`~crmwb.through_line.model.ThroughLine` and a :class:`~crmwb.deliver.views.Context` in,
views out."""

from __future__ import annotations

import os
from collections.abc import Sequence

from matplotlib.figure import Figure

from crmwb.core import i18n
from crmwb.deliver.pack import save_summary
from crmwb.deliver.report import save_tables
from crmwb.deliver.views import (
    Bullets,
    Chart,
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    Part,
    ReportHeader,
    Section,
    Table,
    Text,
    section,
)
from crmwb.through_line.model import (
    LINK_KINDS,
    BrokenLink,
    DataStatus,
    LeverLink,
    LinkKind,
    ProgrammeLink,
    ThroughLine,
    UseCaseLink,
)

DATA_STATUSES: tuple[DataStatus, ...] = ("available", "missing", "manual")
"""The data statuses in the order the chain table counts them (« 2 disponibles, 1 manquante »)."""


# --- words -----------------------------------------------------------------------------------


def and_list(names: Sequence[str], ctx: Context) -> str:
    """Names joined the language's way: « A, B et C », "A, B and C"; one name as it is."""
    if len(names) <= 1:
        return "".join(names)
    return ctx.t("through_line.and", first=", ".join(names[:-1]), last=names[-1])


def _quoted(name: str, ctx: Context) -> str:
    return i18n.quoted(name, ctx.lang)


def kind_label(kind: LinkKind, ctx: Context) -> str:
    """A kind of broken link in words (« Moment de vérité non traité »)."""
    return ctx.t(f"through_line.kind.{kind}")


def what_to_do(link: BrokenLink, ctx: Context) -> str:
    """What is broken and what to do about it, in a sentence (the message
    :attr:`~crmwb.through_line.model.BrokenLink.message_key`, or its ``.none`` variant for a
    programme with no KPI at all and a touchpoint that does not say where it collects)."""
    values = link.values
    key = link.message_key
    if link.kind == "moment_not_addressed":
        description = _quoted(str(values.get("description", "")), ctx)
        return ctx.t(key, touchpoint=link.subject, description=description)
    if link.kind == "programme_without_use_case":
        return ctx.t(key, programme=_quoted(link.subject, ctx))
    if link.kind == "programme_without_kpi":
        kpi = str(values.get("kpi", "")).strip()
        if not kpi:
            return ctx.t(f"{key}.none", programme=_quoted(link.subject, ctx))
        reason = str(values.get("reason", ""))
        return ctx.t(
            key,
            programme=_quoted(link.subject, ctx),
            kpi=_quoted(kpi, ctx),
            reason=ctx.t(reason) if reason else "",
        ).strip()
    if link.kind == "use_case_without_programme":
        given = [p for p in _names(values.get("programmes")) if p.strip()]
        if not given:
            return ctx.t(f"{key}.none", use_case=_quoted(link.subject, ctx))
        named = and_list([_quoted(p, ctx) for p in given], ctx)
        return ctx.tn(key, len(given), use_case=_quoted(link.subject, ctx), programmes=named)
    if link.kind == "use_case_not_covered":
        return ctx.t(key, use_case=_quoted(link.subject, ctx))
    if link.kind == "use_case_only_other_vendors":
        vendors = _names(values.get("vendors"))
        return ctx.tn(
            key,
            len(vendors),
            recommended=str(values.get("recommended", "")),
            use_case=_quoted(link.subject, ctx),
            vendors=and_list(vendors, ctx),
        )
    if link.kind in ("use_case_data_missing", "use_case_fed_by_hand"):
        return ctx.t(
            key,
            use_case=_quoted(link.subject, ctx),
            objects=and_list([_quoted(o, ctx) for o in _names(values.get("objects"))], ctx),
            system=_quoted(str(values.get("system", "")), ctx),
        )
    # collection_point_not_in_map
    if link.kind == "use_case_not_on_list":
        suggestion = str(values.get("suggestion", "")).strip()
        if not suggestion:
            return ctx.t(f"{key}.none", use_case=_quoted(link.subject, ctx))
        return ctx.t(key, use_case=_quoted(link.subject, ctx), suggestion=_quoted(suggestion, ctx))
    if link.kind == "lever_without_programme":
        named = str(values.get("comes_from", "")).strip()
        if not named:
            return ctx.t(f"{key}.none", lever=_quoted(link.subject, ctx))
        return ctx.t(key, lever=_quoted(link.subject, ctx), named=_quoted(named, ctx))
    if link.kind == "programme_without_lever":
        return ctx.t(key, programme=_quoted(link.subject, ctx))
    data = str(values.get("data", "")).strip()
    point = str(values.get("collection_point", "")).strip()
    what = _quoted(data, ctx) if data else ctx.t("through_line.some_data")
    if not point:
        return ctx.t(f"{key}.none", touchpoint=link.subject, data=what)
    return ctx.t(key, touchpoint=link.subject, data=what, collection_point=_quoted(point, ctx))


def _names(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, tuple | list) else ()


# --- the summary -----------------------------------------------------------------------------


def key_figures(line: ThroughLine, ctx: Context) -> KeyFigures:
    """Completeness (a percentage, « 62 maillons en place sur 81 »), the broken links, the
    moments of truth to fix addressed by a programme."""
    done = line.completeness
    score = done.score
    addressed = sum(1 for m in line.moments if m.programmes)
    return KeyFigures(
        (
            KeyFigure(
                ctx.t("through_line.figure.completeness"),
                ctx.percent(score) if score is not None else "",
                ctx.tn(
                    "through_line.figure.completeness_note",
                    done.present,
                    present=_number(done.present, ctx),
                    expected=_number(done.expected, ctx),
                ),
                highlight=score is not None and score < 1,
            ),
            KeyFigure(
                ctx.t("through_line.figure.broken"),
                _number(len(line.broken), ctx),
                ctx.t("through_line.figure.broken_note") if line.broken else "",
                highlight=bool(line.broken),
            ),
            *_exposed_figure(line, ctx),
            KeyFigure(
                ctx.t("through_line.figure.moments"),
                f"{_number(addressed, ctx)} / {_number(len(line.moments), ctx)}",
                ctx.t("through_line.figure.moments_note"),
                highlight=addressed < len(line.moments),
            ),
        )
    )


def _exposed_figure(line: ThroughLine, ctx: Context) -> tuple[KeyFigure, ...]:
    """The benefits exposed (« 544 k€ sur 861 k€ »), when the ROI's levers are known."""
    if "roi" in line.completeness.not_assessed or not line.levers:
        return ()
    return (
        KeyFigure(
            ctx.t("through_line.figure.exposed"),
            ctx.money(line.exposed),
            ctx.t("through_line.figure.exposed_note", benefits=ctx.money(line.benefits)),
            highlight=line.exposed > 0,
        ),
    )


def _number(value: int, ctx: Context) -> str:
    return i18n.number(value, ctx.lang)


def completeness_text(line: ThroughLine, ctx: Context) -> Text:
    """The completeness score and its formula in a sentence (links in place / links expected),
    then the parts that could not be assessed and why (or that every part was)."""
    done = line.completeness
    paragraphs = []
    if done.score is None:
        paragraphs.append(ctx.t("through_line.summary.nothing_expected"))
    else:
        paragraphs.append(
            ctx.tn(
                "through_line.summary.completeness",
                done.present,
                percent=ctx.percent(done.score),
                present=_number(done.present, ctx),
                expected=_number(done.expected, ctx),
            )
        )
    sheets = {"data_map": "sheet.systems", "vendors": "sheet.vendors", "roi": "sheet.roi"}
    missing = [
        ctx.t(f"through_line.not_assessed.{part}", sheet=_quoted(ctx.t(sheets[part]), ctx))
        for part in done.not_assessed
    ]
    if "programmes_with_use_case" in done.skipped:
        missing.append(ctx.t("through_line.not_assessed.use_cases"))
    paragraphs.append(" ".join(missing) if missing else ctx.t("through_line.summary.all_assessed"))
    if line.levers:
        paragraphs.append(exposed_sentence(line, ctx))
    return Text(tuple(paragraphs))


def exposed_sentence(line: ThroughLine, ctx: Context) -> str:
    """What the broken links put at risk of the ROI's benefits, each lever counted once, and
    the link exposing the most (« 544 k€ des 861 k€ de bénéfices… »)."""
    if not line.exposed:
        return ctx.t("through_line.summary.nothing_exposed", benefits=ctx.money(line.benefits))
    largest = max((b for b in line.broken if b.levers), key=lambda b: b.exposed)
    return ctx.t(
        "through_line.summary.exposed",
        exposed=ctx.money(line.exposed),
        benefits=ctx.money(line.benefits),
        largest=ctx.money(largest.exposed),
        levers=and_list([_quoted(name, ctx) for name in largest.levers], ctx),
        link=_quoted(kind_label(largest.kind, ctx), ctx),
        subject=_quoted(largest.subject, ctx),
    )


def broken_counts(line: ThroughLine, ctx: Context) -> tuple[Part, ...]:
    """How many links are broken, by kind in chain order (« Données manquantes : 1 »); a
    sentence when none is."""
    if not line.broken:
        return (Text((ctx.t("through_line.summary.no_broken"),)),)
    intro = ctx.tn(
        "through_line.summary.broken", len(line.broken), count=_number(len(line.broken), ctx)
    )
    items = tuple(
        ctx.t(
            "through_line.summary.kind",
            kind=kind_label(kind, ctx),
            count=_number(len(line.of_kind(kind)), ctx),
        )
        for kind in LINK_KINDS
        if line.of_kind(kind)
    )
    return Text((intro,)), Bullets(items)


def summary_parts(line: ThroughLine, ctx: Context) -> tuple[Part, ...]:
    """The summary: key figures, the completeness sentences, the broken links by kind."""
    return (key_figures(line, ctx), completeness_text(line, ctx), *broken_counts(line, ctx))


def summary_section(line: ThroughLine, ctx: Context) -> Section:
    return section(ctx.t("through_line.section.summary"), *summary_parts(line, ctx))


def checks_table(line: ThroughLine, ctx: Context) -> Table:
    """The completeness score check by check (links in place, expected, share) and its total
    (in bold); the checks not assessed are left out, as they are of the score."""
    rows: list[tuple[object, ...]] = [
        (
            ctx.t(f"through_line.check.{c.check}"),
            c.present,
            c.expected,
            c.present / c.expected if c.expected else None,
        )
        for c in line.completeness.checks
    ]
    done = line.completeness
    rows.append((ctx.t("through_line.total"), done.present, done.expected, done.score))
    columns = (
        Column(ctx.t("through_line.col.check")),
        Column(ctx.t("through_line.col.present"), "integer"),
        Column(ctx.t("through_line.col.expected"), "integer"),
        Column(ctx.t("through_line.col.share"), "percent"),
    )
    return Table(
        ctx.t("through_line.sheet.checks"),
        columns,
        tuple(rows),
        ctx,
        strong_rows=frozenset({len(rows) - 1}),
    )


# --- the chain -------------------------------------------------------------------------------


def data_status(use_cases: Sequence[UseCaseLink], ctx: Context) -> str:
    """The data the use cases need, counted by status (« 2 disponibles, 1 manquante »; each
    use case's data objects counted once per use case); « inconnues » when the data audit knows
    none of them; empty without a use case."""
    if not use_cases:
        return ""
    needs = [d for u in use_cases for d in u.data]
    if not needs:
        return ctx.t("through_line.chain.unknown")
    counts = {s: sum(1 for d in needs if d.status == s) for s in DATA_STATUSES}
    return ", ".join(
        ctx.tn(f"through_line.data.{s}", n, count=_number(n, ctx)) for s, n in counts.items() if n
    )


def _unique(use_cases: Sequence[UseCaseLink]) -> tuple[UseCaseLink, ...]:
    return tuple({u.name: u for u in use_cases}.values())


def levers_cell(levers: Sequence[LeverLink], ctx: Context) -> str:
    """The levers and their risk-adjusted value (« Relance des dormants (187 k€) »), each once."""
    unique = {lever.name: lever for lever in levers}.values()
    return ", ".join(
        ctx.t("through_line.chain.lever", lever=lever.name, value=ctx.money(lever.value))
        for lever in unique
    )


def _chain_cells(
    programmes: Sequence[ProgrammeLink], use_cases: Sequence[UseCaseLink], ctx: Context
) -> tuple[object, ...]:
    none = ctx.t("through_line.chain.none")
    systems = tuple(dict.fromkeys(s for u in use_cases for s in u.systems))
    judged = [u for u in use_cases if "vendors" in u.sources]
    vendors, recommended = "", ""
    if judged:
        first = judged[0].coverage
        covering = [v for v in first if all(v in u.covering_vendors for u in judged)]
        vendors = ", ".join(covering) or none
        answers = {u.recommended_covers for u in judged if u.recommended_covers is not None}
        if answers:
            key = "yes" if answers == {True} else "no" if answers == {False} else "partly"
            recommended = ctx.t(f"through_line.{key}")
    return (
        ", ".join(p.name for p in programmes) or none,
        (", ".join(u.label for u in use_cases) or none) if programmes else "",
        data_status(use_cases, ctx),
        ", ".join(systems),
        vendors,
        recommended,
        levers_cell([lv for p in programmes for lv in p.pulled], ctx),
    )


def chain_rows(line: ThroughLine, ctx: Context) -> tuple[tuple[object, ...], ...]:
    """The chain table's rows: one per moment of truth to fix (most urgent first), then one per
    programme addressing none. Columns: moment (touchpoint id, or « (aucun à corriger) »),
    description, programmes, use cases, data by status, systems on the way, the shortlisted
    vendors covering every use case of the row the vendor comparison lists, whether the
    recommended vendor covers them (yes, no, partly; empty when not judged)."""
    rows: list[tuple[object, ...]] = []
    for moment in line.moments:
        use_cases = _unique([u for p in moment.programmes for u in p.use_cases])
        cells = _chain_cells(moment.programmes, use_cases, ctx)
        rows.append((moment.touchpoint, moment.description, *cells))
    for programme in line.programmes_without_moment:
        cells = _chain_cells([programme], programme.use_cases, ctx)
        rows.append((ctx.t("through_line.chain.no_moment"), "", *cells))
    return tuple(rows)


def chain_table(line: ThroughLine, ctx: Context) -> Table:
    columns = tuple(
        Column(ctx.t(f"through_line.col.{name}"))
        for name in (
            "moment",
            "description",
            "programmes",
            "use_cases",
            "data",
            "systems",
            "vendors",
            "recommended",
            "levers",
        )
    )
    return Table(
        ctx.t("through_line.sheet.chain"),
        columns,
        chain_rows(line, ctx),
        ctx,
        note=ctx.t("through_line.chain.note"),
    )


def chain_section(line: ThroughLine, ctx: Context) -> Section:
    return section(ctx.t("through_line.section.chain"), chain_table(line, ctx))


# --- the broken links ------------------------------------------------------------------------


def broken_table(line: ThroughLine, ctx: Context) -> Table:
    """One row per broken link, in chain order: its kind in words, its subject (touchpoint id,
    programme or use case), what to do."""
    rows = tuple(
        (
            kind_label(b.kind, ctx),
            b.subject,
            what_to_do(b, ctx),
            b.exposed if b.levers else None,
        )
        for b in line.broken
    )
    columns = (
        Column(ctx.t("through_line.col.kind")),
        Column(ctx.t("through_line.col.subject")),
        Column(ctx.t("through_line.col.action")),
        Column(ctx.t("through_line.col.exposed"), "money"),
    )
    note = ctx.t("through_line.broken.note") if line.levers else ""
    return Table(ctx.t("through_line.sheet.broken"), columns, rows, ctx, note=note)


def broken_section(line: ThroughLine, ctx: Context) -> Section:
    """The broken links table, or the sentence that none is broken."""
    part: Part = (
        broken_table(line, ctx) if line.broken else Text((ctx.t("through_line.summary.no_broken"),))
    )
    return section(ctx.t("through_line.section.broken"), part)


def excel_tables(line: ThroughLine, ctx: Context) -> list[Table]:
    """The tables for the Excel deliverable: completeness, chain, broken links."""
    return [checks_table(line, ctx), chain_table(line, ctx), broken_table(line, ctx)]


# --- the report --------------------------------------------------------------------------------


def header(line: ThroughLine, ctx: Context) -> ReportHeader:
    """The report's title and what it follows."""
    return ReportHeader(ctx.t("through_line.title"), ctx.t("through_line.subtitle"), ctx)


def diagram_section(line: ThroughLine, ctx: Context, chart: Figure | None = None) -> Section:
    """The chain drawn (``chart``: :func:`~crmwb.through_line.charts.chain_chart`'s, drawn here
    when not given): moments of truth to fix, programmes, use cases, and their links."""
    from crmwb.through_line.charts import chain_chart

    figure = chart if chart is not None else chain_chart(line, ctx)
    return section(
        ctx.t("through_line.section.diagram"),
        Chart.of(figure, ctx.t("through_line.chart.alt"), ctx),
    )


def checks_section(line: ThroughLine, ctx: Context) -> Section:
    """The completeness score, check by check."""
    return section(ctx.t("through_line.section.checks"), checks_table(line, ctx))


def save(line: ThroughLine, ctx: Context, output_dir: str | os.PathLike[str] | None) -> None:
    """The Excel deliverable and the summary for the pack; nothing without an output folder
    (a notebook run in JupyterLab)."""
    save_tables(output_dir, "through_line", excel_tables(line, ctx), ctx.lang)
    save_summary(output_dir, "through_line", *summary_parts(line, ctx))
