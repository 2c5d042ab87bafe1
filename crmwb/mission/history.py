"""The mission's history: a client's runs, oldest first, one line each — when it started, how it
ended, how many analyses it executed and carried over from an earlier run, the committees it was
presented to, which one ``latest`` designates, and a few headline figures from its results
(``results/<analysis>.json``, :mod:`crmwb.deliver.results`).

Manifests of every age are read: one made before runs carried analyses over has no ``mode``
(each analysis that reported was executed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import format_datetime

from crmwb.core.i18n import (
    PSEUDO,
    SOURCE_LANG,
    Lang,
    babel_locale,
    decimal,
    money,
    number,
    percent,
    plural_count,
    quoted,
    t,
    tn,
)
from crmwb.deliver.results import Results, load_results
from crmwb.mission.runs import (
    RunRecord,
    RunStatus,
    client_runs,
    find_run,
    latest_run,
    read_marks,
    started_at,
)

HEADLINES: tuple[tuple[str, ...], ...] = (
    ("tco.cheapest", "tco."),
    ("roi.roi", "roi."),
    ("vendors.recommended", "vendors."),
)
"""The headline figures of a history line, in order. Each is a list of key prefixes tried in
turn: the first figure (then recommendation) of a run's results whose key starts with one of
them, and has a value, is shown; none, and the headline is left out."""


@dataclass(frozen=True)
class Headline:
    """A figure or a recommendation of a run's results: its stable key, its label (in the
    report's language), its value and unit (``""`` for a recommendation's answer)."""

    key: str
    label: str
    value: float | int | str
    unit: str = ""


@dataclass(frozen=True)
class HistoryRow:
    """One run of the mission, as the history tells it."""

    run_id: str
    folder: Path
    started: dt.datetime | None
    status: RunStatus
    executed: int
    """Analyses the run executed (ok or failed)."""
    carried: int
    """Analyses whose outputs it carried over from an earlier run, unchanged."""
    marks: tuple[str, ...]
    """The committees it was presented to (« CoPil 2 »)."""
    latest: bool
    """It is the run ``latest`` designates."""
    headlines: tuple[Headline, ...]


def history(client_reports: Path) -> list[HistoryRow]:
    """The client's runs, oldest first, as :class:`HistoryRow`."""
    marks = read_marks(client_reports)
    latest = latest_run(client_reports)
    rows = []
    for record in client_runs(client_reports):
        executed, carried = analysis_counts(record.analyses())
        rows.append(
            HistoryRow(
                run_id=record.run_id,
                folder=record.folder,
                started=started_at(record),
                status=record.status,
                executed=executed,
                carried=carried,
                marks=tuple(marks.get(record.run_id, ())),
                latest=latest is not None and latest.run_id == record.run_id,
                headlines=headlines(run_results(client_reports, record)),
            )
        )
    return rows


def analysis_counts(analyses: Mapping[str, Mapping[str, Any]]) -> tuple[int, int]:
    """(executed, carried) among a manifest's analyses that reported (ok or failed): one
    skipped for want of data is neither. An entry without ``mode`` (a manifest older than
    carrying over) counts as executed."""
    executed = carried = 0
    for entry in analyses.values():
        if not isinstance(entry, Mapping) or entry.get("status") not in ("ok", "failed"):
            continue
        if entry.get("mode") == "carried":
            carried += 1
        else:
            executed += 1
    return executed, carried


def run_results(client_reports: Path, record: RunRecord) -> dict[str, Results]:
    """The results of each analysis of the run: its own, or for an analysis it carried over
    without copying them, those of the run it carries them from."""
    found = load_results(record.folder)
    for name, entry in record.analyses().items():
        if name in found or not isinstance(entry, Mapping) or entry.get("mode") != "carried":
            continue
        source = find_run(client_reports, str(entry.get("run_id", "")))
        if source is not None and name in (earlier := load_results(source.folder)):
            found[name] = earlier[name]
    return found


def headlines(results: Mapping[str, Results]) -> tuple[Headline, ...]:
    """The headline figures of :data:`HEADLINES` the results have, in that order."""
    figures = [f for r in results.values() for f in r.figures if f.value is not None]
    answers = [r for res in results.values() for r in res.recommendations if r.value]
    chosen: list[Headline] = []
    for prefixes in HEADLINES:
        for prefix in prefixes:
            figure = next((f for f in figures if f.key.startswith(prefix)), None)
            if figure is not None:
                assert figure.value is not None
                chosen.append(Headline(figure.key, figure.label, figure.value, figure.unit))
                break
            answer = next((r for r in answers if r.key.startswith(prefix)), None)
            if answer is not None:
                chosen.append(Headline(answer.key, answer.label, answer.value))
                break
    return tuple(chosen)


# --- text ------------------------------------------------------------------------------------


def when(moment: dt.datetime, lang: Lang) -> str:
    """A run's start the short way: « 5 déc. 2026 17:24 », « 1er juin 2026 09:04 »."""
    key = "mission.when.first" if moment.day == 1 else "mission.when"
    pattern = t(key, SOURCE_LANG if lang == PSEUDO else lang)
    return str(format_datetime(moment, pattern, locale=babel_locale(lang)))


_DURATIONS = {
    "years": "mission.unit.years",
    "months": "mission.unit.months",
    "days": "mission.unit.days",
}


def figure_text(headline: Headline, lang: Lang) -> str:
    """A headline's value the reader's way, by its unit (amounts in euros)."""
    value, unit = headline.value, headline.unit
    if isinstance(value, str) or isinstance(value, bool):
        return str(value)
    if unit == "EUR":
        return money(value, "EUR", lang)
    if unit == "%":
        return percent(value, lang)
    if unit in _DURATIONS:
        shown = decimal(round(value, 1), lang)
        return tn(_DURATIONS[unit], plural_count(round(value, 1), lang), lang, count=shown)
    if unit == "count":
        return number(value, lang)
    return decimal(round(value, 2), lang)


def row_text(row: HistoryRow, lang: Lang) -> str:
    """One line of the history."""
    parts = [
        when(row.started, lang) if row.started else "?",
        row.run_id,
        t(f"mission.status.{row.status}", lang),
        tn("mission.executed", row.executed, lang, count=number(row.executed, lang)),
    ]
    if row.carried:
        carried = tn("mission.carried", row.carried, lang, count=number(row.carried, lang))
        parts[-1] = f"{parts[-1]}, {carried}"
    if row.marks:
        labels = ", ".join(quoted(label, lang) for label in row.marks)
        parts.append(t("mission.presented", lang, labels=labels))
    if row.latest:
        parts.append(t("mission.latest", lang))
    parts.extend(
        t("mission.figure", lang, label=h.label, value=figure_text(h, lang)) for h in row.headlines
    )
    return " · ".join(parts)


def history_text(client: str, rows: Sequence[HistoryRow], lang: Lang) -> str:
    """The history as the command line shows it: a heading, then one line per run."""
    if not rows:
        return t("mission.no_runs", lang, client=client)
    n = len(rows)
    head = tn("mission.heading", n, lang, client=client, count=number(n, lang))
    return "\n".join([head, *(f"  {row_text(row, lang)}" for row in rows)])
