"""What a run says when it ends: a line per client and analysis (status, time, the outputs or
the error, the other problems of a sheet that stopped it), the notes on the workbooks (hidden
rows, an older template), and where each client's deliverables are."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crmwb.core.i18n import DEFAULT_LANG, Lang, has_message, number, t, tn
from crmwb.run.batch import ANALYSES, ClientRun


def summary(runs: Sequence[ClientRun], lang: Lang = DEFAULT_LANG) -> str:
    """A plain-text table in ``lang`` (the consultant's), one line per client and analysis (why
    it did not run, or the error where one failed), then where each client's deliverables are."""

    def say(key: str, **values: object) -> str:
        return t(key, lang, **values)

    rows = [tuple(say(f"run.col.{c}") for c in ("client", "analysis", "status", "time", "detail"))]
    for client_run in runs:
        if client_run.unchanged:
            continue
        for r in client_run.results:
            seconds = sum(r.timings.values())
            status = "carried" if r.carried and not r.skipped else r.status
            if r.carried and not r.skipped:
                detail = say("run.carried_from", date=_day(r.produced, lang))
                if r.out_of_date:
                    detail += " " + say("run.carried_out_of_date")
            elif r.skipped:
                detail = ANALYSES[r.analysis].skip_reason(lang) if r.analysis in ANALYSES else ""
            elif r.ok:
                detail = ", ".join(o for o in r.outputs if "/" not in o)
            elif r.interrupted:
                detail = ""
            else:
                detail = f"{r.error_type}: {r.error}"
            rows.append(
                (
                    r.client,
                    r.analysis,
                    say(f"run.status.{status}"),
                    say("run.seconds", seconds=number(seconds, lang, decimals=1))
                    if seconds
                    else "-",
                    detail,
                )
            )
    lines: list[str] = []
    if len(rows) > 1:
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[4]
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 6)
        lines.append("")
    for client_run in runs:
        for r in client_run.results:
            if r.problems:
                lines.append(
                    tn(
                        "run.more_problems",
                        len(r.problems),
                        lang,
                        client=r.client,
                        analysis=r.analysis,
                        count=number(len(r.problems), lang),
                    )
                )
                lines.extend(f"  - {problem}" for problem in r.problems)
    for client_run in runs:
        for hidden in client_run.hidden_rows:
            lines.append(say("run.note", client=client_run.slug, note=hidden.text(lang)))
        if client_run.outdated:
            lines.append(say("run.note.outdated", client=client_run.slug))
            lines.extend(f"  - {say(key)}" for key in template_changes(client_run.template))
    for client_run in runs:
        if client_run.folder is None:
            continue
        folder = shown_path(client_run.folder)
        if client_run.unchanged:
            lines.append(say("run.unchanged", client=client_run.slug, folder=folder))
        elif client_run.ok:
            latest = shown_path(client_run.folder.parent / "latest")
            lines.append(say("run.done", client=client_run.slug, folder=folder, latest=latest))
            index = client_run.folder / "index.html"
            if index.is_file():
                lines.append(say("run.pack", index=shown_path(index)))
        else:
            has_good_run = (client_run.folder.parent / "latest").exists()
            still = say("run.latest_kept") if has_good_run else say("run.no_good_run")
            kept = "run.interrupted_kept" if client_run.interrupted else "run.failed_kept"
            lines.append(say(kept, client=client_run.slug, folder=folder, still=still))
    for client_run in runs:
        if client_run.changed_during_run:
            sheets = ", ".join(f"« {t(key, lang)} »" for key in client_run.changed_during_run)
            lines.append(say("run.changed_during_run", client=client_run.slug, sheets=sheets))
    executed = [r for c in runs for r in c.results if not r.carried]
    if executed or not any(c.unchanged for c in runs):
        succeeded = sum(r.ok for r in executed)
        skipped = sum(r.skipped for r in executed)
        total = len(executed) - skipped
        tail = tn("run.tally_skipped", skipped, lang, count=skipped) if skipped else ""
        lines.append(
            tn("run.tally", succeeded, lang, succeeded=succeeded, total=total, skipped=tail)
        )
    carried = sum(r.carried and not r.skipped for c in runs if not c.unchanged for r in c.results)
    if carried:
        lines.append(tn("run.tally_carried", carried, lang, count=carried))
    return "\n".join(lines)


def _day(produced: str, lang: Lang) -> str:
    """The day and time of an ISO timestamp, as the consultant reads it."""
    import datetime as dt

    from crmwb.core.i18n import date

    try:
        moment = dt.datetime.fromisoformat(produced)
    except ValueError:
        return produced
    return t(
        "run.moment",
        lang,
        date=date(moment.date(), lang),
        hour=moment.hour,
        minute=f"{moment.minute:02d}",
    )


def shown_path(path: Path | None) -> str:
    """``path`` relative to the current folder when it is below it (shorter to read)."""
    if path is None:
        return "-"
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def template_changes(version: int | None) -> list[str]:
    """The keys of what changed in each template after ``version`` and how to move to it
    (``run.note.template_<n>``: a template that changed only what ``crmwb upgrade`` does on its
    own has none)."""
    from crmwb.workbook.template import TEMPLATE_VERSION

    if version is None:
        return []
    later = range(version + 1, TEMPLATE_VERSION + 1)
    return [key for n in later if has_message(key := f"run.note.template_{n}")]
