"""« What changed since the last steering committee »: two runs of a client compared, told in
the terminal (:func:`diff_text`) and as a deliverable (:func:`write_changes`): ``changes.html``
for the screen, ``changes.pdf`` in the house style of the pack, ``changes.xlsx`` with the
changes of the inputs as a table.

It says, in the workbook's language: the client, the two runs (their dates, and the committee
a run was presented to), whether different versions of crmwb made them, then the results that
moved (key figures with their signed change, recommendations that changed, findings added and
resolved), then what changed in the workbook. When nothing changed, it says so.

A run is given as a :class:`RunSide` (:func:`run_side` reads one from a run folder, with the
workbook's values the caller loads: this package does not import the runner).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crmwb.changes.inputs import InputChange, about, input_changes, shown_value
from crmwb.changes.results import (
    FigureChange,
    ListChange,
    ResultChanges,
    change_text,
    figure_text,
    result_changes,
    verdict_text,
)
from crmwb.core import i18n
from crmwb.core.errors import CrmwbError, Quoted, UsageError, msg
from crmwb.core.i18n import Lang, has_message, t, tn
from crmwb.deliver.report import REPORT_CSS, ReadMe, html_to_pdf, write_excel
from crmwb.deliver.results import Results, load_results
from crmwb.deliver.views import Column, Context, Kind, Table
from crmwb.mission.runs import RunRecord, client_runs, find_run, latest_run, read_marks
from crmwb.workbook.snapshot import Snapshot

CHANGES_HTML, CHANGES_PDF, CHANGES_XLSX = "changes.html", "changes.pdf", "changes.xlsx"


@dataclass(frozen=True)
class RunSide:
    """One of the two runs compared: its id, when it started, the committees it was presented
    to, the crmwb version that made it, the workbook's values it read (None: it kept none) and
    its results by analysis."""

    run_id: str
    started: dt.datetime | None = None
    committees: tuple[str, ...] = ()
    version: str = ""
    values: Snapshot | None = None
    results: Mapping[str, Results] = field(default_factory=dict)


def run_side(
    record: RunRecord, values: Snapshot | None, marks: Mapping[str, Sequence[str]] | None = None
) -> RunSide:
    """The run ``record`` as compared: its manifest's start and crmwb version, its committees'
    marks, its results (``results/*.json``) and the workbook's ``values`` it kept (the caller
    loads them: ``Snapshot.load(record.folder)``)."""
    manifest = record.manifest or {}
    packages = manifest.get("packages")
    version = str(packages.get("crmwb", "")) if isinstance(packages, dict) else ""
    try:
        started: dt.datetime | None = dt.datetime.fromisoformat(record.started)
    except ValueError:
        started = None
    return RunSide(
        run_id=record.run_id,
        started=started,
        committees=tuple((marks or {}).get(record.run_id, ())),
        version=version,
        values=values,
        results=load_results(record.folder),
    )


@dataclass(frozen=True)
class Comparison:
    """Two runs compared: what changed in the inputs (None: a run kept no workbook values) and
    in the results."""

    previous: RunSide
    current: RunSide
    inputs: tuple[InputChange, ...] | None
    results: ResultChanges

    @property
    def versions_differ(self) -> bool:
        a, b = self.previous.version, self.current.version
        return bool(a and b and a != b)

    @property
    def nothing_changed(self) -> bool:
        return not self.inputs and not self.results


def compare(previous: RunSide, current: RunSide) -> Comparison:
    inputs = None
    if previous.values is not None and current.values is not None:
        inputs = tuple(input_changes(previous.values, current.values))
    return Comparison(previous, current, inputs, result_changes(previous.results, current.results))


@dataclass(frozen=True)
class Cover:
    """Whose deliverable and how it is written."""

    client: str
    lang: Lang
    currency: str = "EUR"
    consultant: str = ""


def cover_of(comparison: Comparison, client: str, lang: Lang | None = None) -> Cover:
    """The cover from the current run's About sheet (else the previous run's): the client's
    name (else ``client``, its folder's name), the language (``lang`` wins, else the
    workbook's, else the results', else French), the currency, the consultant."""
    found = about(comparison.current.values)
    if not found.name:
        found = about(comparison.previous.values) if comparison.previous.values else found
    results_lang = next((r.lang for r in comparison.current.results.values()), None)
    chosen = lang or found.lang or results_lang or i18n.DEFAULT_LANG
    if chosen not in (*i18n.LANGUAGES, i18n.PSEUDO):
        chosen = i18n.DEFAULT_LANG
    return Cover(found.name or client, chosen, found.currency, found.consultant)


# --- words -----------------------------------------------------------------------------------


def title(comparison: Comparison, lang: Lang) -> str:
    key = "changes.title.committee" if comparison.previous.committees else "changes.title.previous"
    return t(key, lang)


def when(side: RunSide, lang: Lang, with_time: bool) -> str:
    """A run as the header names it: its date (and time when both runs share a day), and the
    committees it was presented to."""
    if side.started is None:
        text = side.run_id
    else:
        text = i18n.date(side.started.date(), lang)
        if with_time:
            moment = t(
                "changes.time", lang, hours=f"{side.started:%H}", minutes=f"{side.started:%M}"
            )
            text = t("changes.date_time", lang, date=text, time=moment)
    if side.committees:
        text = t("changes.marked", lang, run=text, committee=", ".join(side.committees))
    return text


def subtitle(comparison: Comparison, lang: Lang) -> str:
    a, b = comparison.previous, comparison.current
    same_day = bool(a.started and b.started and a.started.date() == b.started.date())
    return t("changes.compared", lang, old=when(a, lang, same_day), new=when(b, lang, same_day))


def analysis_title(name: str, lang: Lang) -> str:
    return t(f"analysis.{name}", lang) if has_message(f"analysis.{name}") else name


def value_text(value: object, lang: Lang, kind: str = "") -> str:
    text = shown_value(value, lang, kind)
    return text if text else t("changes.empty", lang)


def where(change: InputChange, lang: Lang) -> str:
    """Where the change is: its cell (« F15 »), else its row (« ligne 17 »)."""
    if change.cell:
        return change.cell
    if change.row is not None:
        return t("changes.where.row", lang, row=change.row)
    return ""


def what(change: InputChange, lang: Lang) -> str:
    """What the change is about: the field's label and its row's name, a row added or
    removed, a sheet added or removed."""
    if change.change == "cell":
        if change.label and change.row_name:
            return t("changes.what.in_row", lang, label=change.label, row=change.row_name)
        return change.label or change.row_name
    if change.change in ("row_added", "row_removed"):
        return t(f"changes.{change.change}", lang, name=change.row_name or where(change, lang))
    return t(f"changes.{change.change}", lang)


def row_cells(change: InputChange, lang: Lang) -> str:
    """A row added or removed, its cells one after the other (« Option : CRM X · ... »)."""
    return " · ".join(
        t("changes.cell_value", lang, header=h, value=shown_value(v, lang)) for h, v in change.cells
    )


def before_after(change: InputChange, lang: Lang) -> tuple[str, str]:
    if change.change == "cell":
        return value_text(change.old, lang, change.kind), value_text(change.new, lang, change.kind)
    if change.change == "row_removed":
        return row_cells(change, lang), ""
    if change.change == "row_added":
        return "", row_cells(change, lang)
    return "", ""


def items_heading(lst: ListChange, which: str, lang: Lang) -> str:
    """« 2 ajoutés », « 1 résolu » (a finding that is gone is resolved)."""
    n = len(lst.added if which == "added" else lst.removed)
    if which == "removed" and "finding" in lst.key:
        which = "resolved"
    return tn(f"changes.items.{which}", n, lang, count=i18n.number(n, lang))


def notices(comparison: Comparison, lang: Lang) -> list[str]:
    """What the reader must know before the changes: other versions of crmwb, a run that kept
    no workbook values or no results, nothing changed."""
    found = []
    if comparison.versions_differ:
        found.append(
            t(
                "changes.versions",
                lang,
                old=comparison.previous.version,
                new=comparison.current.version,
            )
        )
    for side in (comparison.previous, comparison.current):
        if side.values is None:
            found.append(t("changes.no_values", lang, run=when(side, lang, False)))
        if not side.results:
            found.append(t("changes.no_results", lang, run=when(side, lang, False)))
    return found


def conclusion(comparison: Comparison, lang: Lang) -> str:
    if comparison.nothing_changed:
        if comparison.inputs is None:
            return t("changes.nothing.results", lang)
        return t("changes.nothing", lang)
    if not comparison.results:
        return t("changes.inputs_only", lang)
    if comparison.inputs == ():
        return t("changes.results_only", lang)
    return ""


# --- the terminal ------------------------------------------------------------------------------


def diff_text(comparison: Comparison, cover: Cover) -> str:
    """The changes as the command line prints them, in ``cover``'s language."""
    lang, currency = cover.lang, cover.currency
    out = [f"{cover.client} — {title(comparison, lang)}", subtitle(comparison, lang)]
    out += [f"! {n}" for n in notices(comparison, lang)]
    if line := conclusion(comparison, lang):
        out.append(line)
    res = comparison.results
    if res.figures:
        out += ["", t("changes.section.figures", lang)]
        for f in res.figures:
            out.append("  " + figure_line(f, lang, currency))
    if res.recommendations:
        out += ["", t("changes.section.recommendations", lang)]
        for r in res.recommendations:
            out.append(
                "  "
                + t(
                    "changes.recommendation",
                    lang,
                    label=r.label,
                    old=r.old or t("changes.empty", lang),
                    new=r.new or t("changes.empty", lang),
                )
            )
    if res.lists:
        out += ["", t("changes.section.lists", lang)]
        for lst in res.lists:
            out.append(f"  {analysis_title(lst.analysis, lang)} — {lst.label}")
            for which, items, mark in (("added", lst.added, "+"), ("removed", lst.removed, "-")):
                if items:
                    out.append(f"    {items_heading(lst, which, lang)}")
                    out += [f"      {mark} {item.label}" for item in items]
    if res.added or res.removed:
        out += ["", t("changes.section.analyses", lang)]
        out += ["  " + analysis_line(n, "added", lang) for n in res.added]
        out += ["  " + analysis_line(n, "removed", lang) for n in res.removed]
    if comparison.inputs:
        out += ["", t("changes.section.inputs", lang)]
        for change in comparison.inputs:
            out.append("  " + input_line(change, lang))
    return "\n".join(out)


def figure_line(f: FigureChange, lang: Lang, currency: str) -> str:
    old = figure_text(f.old, f.unit, lang, currency) or t("changes.empty", lang)
    new = figure_text(f.new, f.unit, lang, currency) or t("changes.empty", lang)
    line = t(
        "changes.figure",
        lang,
        analysis=analysis_title(f.analysis, lang),
        label=f.label,
        old=old,
        new=new,
    )
    change = change_text(f, lang, currency)
    if change:
        verdict = verdict_text(f, lang)
        detail = (
            t("changes.change_verdict", lang, change=change, verdict=verdict) if verdict else change
        )
        line += t("changes.in_brackets", lang, text=detail)
    return line


def analysis_line(name: str, which: str, lang: Lang) -> str:
    return t(f"changes.analysis.{which}", lang, analysis=analysis_title(name, lang))


def input_line(change: InputChange, lang: Lang) -> str:
    place = ", ".join(x for x in (change.sheet, where(change, lang)) if x)
    if change.change == "cell":
        old, new = before_after(change, lang)
        return t("changes.line.cell", lang, place=place, what=what(change, lang), old=old, new=new)
    return t("changes.line.other", lang, place=place, what=what(change, lang))


# --- the deliverable ---------------------------------------------------------------------------


CSS_EXTRA = """
.changes-notice { border-left: 4px solid var(--accent); background: #fdf5ef;
  padding: 0.45rem 0.8rem; margin: 0.4rem 0 0.8rem; }
.changes-nothing { font-size: 1.1em; font-weight: 600; color: var(--brand); }
table.crmwb-table td.better { color: #2e7d32; font-weight: 600; }
table.crmwb-table td.worse { color: #b00020; font-weight: 600; }
.changes-recommendation { border-left: 4px solid var(--accent); background: #fdf5ef;
  padding: 0.4rem 0.8rem; margin: 0.4rem 0; break-inside: avoid; }
.changes-recommendation .old { text-decoration: line-through; color: var(--muted); }
.changes-recommendation .new { font-weight: bold; color: var(--brand); }
.changes h3 { color: var(--brand); font-size: 1.02em; margin: 0.9rem 0 0.25rem; }
.changes .items-heading { font-weight: 600; margin: 0.3rem 0 0.1rem; }
.changes li.added, .changes li.removed { list-style: none; }
.changes li.added::before, .changes li.removed::before { display: inline-block; width: 1.1em;
  margin-left: -1.1em; font-weight: bold; }
.changes li.added::before { content: "+"; color: #2e7d32; }
.changes li.removed::before { content: "\\2212"; color: #b00020; }
.changes li.removed { color: var(--muted); }
"""


def esc(text: object) -> str:
    return html.escape(str(text))


def html_table(
    columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[tuple[str, str]]]
) -> str:
    """A table in the house's style: ``columns`` (title, css class), each row's cells (text,
    css class)."""
    head = "".join(f'<th class="{c}">{esc(title)}</th>' for title, c in columns)
    body = "".join(
        "<tr>" + "".join(f'<td class="{c}">{esc(text)}</td>' for text, c in row) + "</tr>"
        for row in rows
    )
    short = " short" if len(rows) <= 15 else ""
    return (
        f'<table class="crmwb-table{short}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def changes_html(comparison: Comparison, cover: Cover, css: str) -> str:
    """The deliverable as one HTML page (screen and print): every text escaped."""
    lang, currency = cover.lang, cover.currency
    heading = title(comparison, lang)
    by = t("report.prepared_by", lang, consultant=cover.consultant) if cover.consultant else ""
    today = comparison.current.started.date() if comparison.current.started else dt.date.today()
    meta = " · ".join(esc(x) for x in (by, i18n.date(today, lang)) if x)
    parts = [
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(heading)} – {esc(cover.client)}</title><style>{css}{CSS_EXTRA}</style>"
        f'</head><body><div class="running-client">{esc(cover.client)}</div>'
        f'<div class="running-title">{esc(heading)}</div>'
        f'<div class="running-date">{esc(i18n.date(today, lang))}</div>'
        f'<div class="running-page">{esc(t("report.page", lang))}</div>'
        '<main class="changes"><header class="report-header">'
        f'<p class="client">{esc(cover.client)}</p>'
        f"<h1>{esc(heading)}</h1>"
        f'<p class="subtitle">{esc(subtitle(comparison, lang))}</p>'
        f'<p class="meta">{meta}</p></header>'
    ]
    parts += [f'<p class="changes-notice">{esc(n)}</p>' for n in notices(comparison, lang)]
    if line := conclusion(comparison, lang):
        cls = "changes-nothing" if comparison.nothing_changed else "conclusion"
        parts.append(f'<p class="{cls}">{esc(line)}</p>')
    res = comparison.results
    if res.figures:
        rows = []
        for f in res.figures:
            change = change_text(f, lang, currency)
            verdict = verdict_text(f, lang)
            rows.append(
                [
                    (analysis_title(f.analysis, lang), "text"),
                    (f.label, "text"),
                    (figure_text(f.old, f.unit, lang, currency) or t("changes.empty", lang), "num"),
                    (figure_text(f.new, f.unit, lang, currency) or t("changes.empty", lang), "num"),
                    (change, f"num {f.verdict}".strip()),
                    (verdict, f"text keep {f.verdict}".strip()),
                ]
            )
        columns = [
            (t("changes.col.analysis", lang), "text"),
            (t("changes.col.figure", lang), "text"),
            (t("changes.col.before", lang), "num"),
            (t("changes.col.after", lang), "num"),
            (t("changes.col.change", lang), "num"),
            (t("changes.col.verdict", lang), "text"),
        ]
        parts.append(section(t("changes.section.figures", lang), html_table(columns, rows)))
    if res.recommendations:
        inner = "".join(
            '<p class="changes-recommendation">'
            f"<strong>{esc(analysis_title(r.analysis, lang))} — {esc(r.label)}</strong><br>"
            f'<span class="old">{esc(r.old or t("changes.empty", lang))}</span> → '
            f'<span class="new">{esc(r.new or t("changes.empty", lang))}</span></p>'
            for r in res.recommendations
        )
        parts.append(section(t("changes.section.recommendations", lang), inner))
    if res.lists:
        inner = ""
        for lst in res.lists:
            inner += f"<h3>{esc(analysis_title(lst.analysis, lang))} — {esc(lst.label)}</h3>"
            for which, items in (("added", lst.added), ("removed", lst.removed)):
                if not items:
                    continue
                lis = "".join(
                    f'<li class="{which}">{esc(i.label)}'
                    + (f" <em>({esc(i.detail)})</em>" if i.detail else "")
                    + "</li>"
                    for i in items
                )
                heading = esc(items_heading(lst, which, lang))
                inner += f'<p class="items-heading">{heading}</p><ul>{lis}</ul>'
        parts.append(section(t("changes.section.lists", lang), inner))
    if res.added or res.removed:
        lis = "".join(f"<li>{esc(analysis_line(n, 'added', lang))}</li>" for n in res.added)
        lis += "".join(f"<li>{esc(analysis_line(n, 'removed', lang))}</li>" for n in res.removed)
        parts.append(section(t("changes.section.analyses", lang), f"<ul>{lis}</ul>"))
    if comparison.inputs:
        columns = [
            (t("changes.col.sheet", lang), "text"),
            (t("changes.col.where", lang), "text"),
            (t("changes.col.what", lang), "text"),
            (t("changes.col.before", lang), "text"),
            (t("changes.col.after", lang), "text"),
        ]
        rows = []
        for item in comparison.inputs:
            old, new = before_after(item, lang)
            rows.append(
                [
                    (item.sheet, "text keep" if len(item.sheet) <= 12 else "text"),
                    (where(item, lang), "text keep"),
                    (what(item, lang), "text"),
                    (old, "text"),
                    (new, "text"),
                ]
            )
        parts.append(section(t("changes.section.inputs", lang), html_table(columns, rows)))
    parts.append("</main></body></html>")
    return "".join(parts)


def section(heading: str, inner: str) -> str:
    return f'<section class="section"><h2>{esc(heading)}</h2>{inner}</section>'


def tables(comparison: Comparison, cover: Cover) -> list[Table]:
    """The Excel deliverable's tables: the changes of the inputs, and the key figures that
    moved (every value as the report writes it: one type, text, per column)."""
    lang, currency = cover.lang, cover.currency
    ctx = Context(cover.client, lang, currency, cover.consultant, None)
    text: Kind = "text"
    found = []
    input_rows = []
    for change in comparison.inputs or ():
        old, new = before_after(change, lang)
        input_rows.append((change.sheet, where(change, lang), what(change, lang), old, new))
    found.append(
        Table(
            t("changes.sheet.inputs", lang),
            tuple(
                Column(t(key, lang), text)
                for key in (
                    "changes.col.sheet",
                    "changes.col.where",
                    "changes.col.what",
                    "changes.col.before",
                    "changes.col.after",
                )
            ),
            tuple(input_rows),
            ctx,
            caption=t("changes.section.inputs", lang),
        )
    )
    if comparison.results.figures:
        figure_rows = tuple(
            (
                analysis_title(f.analysis, lang),
                f.label,
                figure_text(f.old, f.unit, lang, currency),
                figure_text(f.new, f.unit, lang, currency),
                change_text(f, lang, currency),
                verdict_text(f, lang),
            )
            for f in comparison.results.figures
        )
        found.append(
            Table(
                t("changes.sheet.figures", lang),
                tuple(
                    Column(t(key, lang), text)
                    for key in (
                        "changes.col.analysis",
                        "changes.col.figure",
                        "changes.col.before",
                        "changes.col.after",
                        "changes.col.change",
                        "changes.col.verdict",
                    )
                ),
                figure_rows,
                ctx,
                caption=t("changes.section.figures", lang),
            )
        )
    return found


def write_changes(folder: Path, comparison: Comparison, cover: Cover) -> list[str]:
    """Write ``changes.html``, ``changes.pdf`` and ``changes.xlsx`` into ``folder`` (made if
    needed); the names of the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    css = REPORT_CSS.read_text(encoding="utf-8")
    page = changes_html(comparison, cover, css)
    (folder / CHANGES_HTML).write_text(page, encoding="utf-8")
    (folder / CHANGES_PDF).write_bytes(html_to_pdf(page, str(folder)))
    lang = cover.lang
    runs = t(
        "changes.runs",
        lang,
        old=comparison.previous.run_id,
        new=comparison.current.run_id,
    )
    readme = ReadMe(title(comparison, lang), runs, (subtitle(comparison, lang),))
    write_excel(folder / CHANGES_XLSX, tables(comparison, cover), lang, readme)
    return [CHANGES_HTML, CHANGES_PDF, CHANGES_XLSX]


# --- which runs ----------------------------------------------------------------------------------


def choose_runs(
    client_reports: Path, from_run: str | None = None, to_run: str | None = None
) -> tuple[RunRecord, RunRecord]:
    """The two complete runs to compare: ``to_run`` (default: the latest), and ``from_run``
    (default: the latest run presented to a committee before it, else the run just before it).

    Raises :class:`UsageError` for a run id the client does not have (naming those it has), and
    :class:`CrmwbError` when there is nothing to compare it with (saying what to do)."""
    client = client_reports.name
    runs = [r for r in client_runs(client_reports) if r.status == "ok"]

    def named(run_id: str) -> RunRecord:
        record = find_run(client_reports, run_id)
        if record is None or record.status != "ok":
            known = ", ".join(r.run_id for r in runs) or msg("err.found.none")
            raise UsageError(
                msg("changes.err.run", client=client),
                found=Quoted(run_id),
                hint=msg("changes.err.hint.known", runs=known),
            )
        return record

    current = (
        named(to_run) if to_run else latest_run(client_reports) or (runs[-1] if runs else None)
    )
    if current is None:
        raise CrmwbError(
            msg("changes.err.two_runs", client=client),
            found=msg("changes.err.found.no_run"),
            hint=msg("changes.err.hint.run", client=client),
        )
    if from_run:
        previous = named(from_run)
        if previous.folder.resolve() == current.folder.resolve():
            raise UsageError(msg("changes.err.two_different"), found=Quoted(from_run))
        return previous, current
    ids = [r.run_id for r in runs]
    earlier = runs[: ids.index(current.run_id)] if current.run_id in ids else runs[:-1]
    marks = read_marks(client_reports)
    marked = [r for r in earlier if r.run_id in marks]
    if marked:
        return marked[-1], current
    if earlier:
        return earlier[-1], current
    raise CrmwbError(
        msg("changes.err.two_runs", client=client),
        found=msg("changes.err.found.one_run", run=current.run_id),
        hint=msg("changes.err.hint.run_again", client=client),
    )


# --- in the pack ---------------------------------------------------------------------------------


def pack_summary(comparison: Comparison, lang: Lang) -> str:
    """The changes in a few lines, for the pack (an HTML fragment): the runs compared, then how
    many key figures moved, recommendations changed, items came and went, inputs changed."""
    results, inputs = comparison.results, comparison.inputs or ()
    counts = [
        (len(results.figures), "changes.count.figures"),
        (len(results.recommendations), "changes.count.recommendations"),
        (sum(len(c.added) for c in results.lists), "changes.count.items_added"),
        (sum(len(c.removed) for c in results.lists), "changes.count.items_removed"),
        (len(inputs), "changes.count.inputs"),
    ]
    said = [tn(key, n, lang, count=i18n.number(n, lang)) for n, key in counts if n]
    lines = [subtitle(comparison, lang), *notices(comparison, lang)]
    lines.append(conclusion(comparison, lang) or t("changes.count", lang, counts=", ".join(said)))
    return "".join(f"<p>{esc(line)}</p>" for line in lines if line)
