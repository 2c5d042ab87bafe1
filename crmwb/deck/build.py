"""The steering-committee deck made from a run's results (:mod:`crmwb.deliver.results`), never
from the reports' HTML: pure, from the results by analysis and, when there is an earlier run,
what changed since (:mod:`crmwb.changes`).

The deck, in order: the title slide (the mission, the client, the committee's date, the
consultant); the agenda; what changed since the last committee (when there is an earlier run and
something moved); for each analysis that ran, a headline slide (its conclusion's first sentence
as the title, its key figures, its main chart) and, where it helps, a detail slide (its second
chart, or what is left to address); the project (its plan, then the governance follow-up); the
closing slide (the decisions to take: each analysis's recommendation; the next steps: what is
left to address, by analysis). An analysis without results has no slide: a client with only a
TCO gets a deck about the TCO.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from crmwb.changes.deliverable import Comparison, figure_line, subtitle
from crmwb.changes.results import figure_text
from crmwb.core import i18n
from crmwb.core.i18n import Lang, t, tn
from crmwb.deck.model import (
    MAX_AGENDA,
    MAX_BULLETS,
    MAX_FIGURES,
    Deck,
    KeyFigure,
    Slide,
    SlideKind,
)
from crmwb.deliver.results import Figure, ItemList, Results
from crmwb.workbook.analyses import declared_analyses

PROJECT = ("project_plan", "governance")
"""The analyses of the project itself: presented after the others, as the deck's own part."""

LISTS_SHOWN = ("moments_of_truth", "findings")
"""The lists of items a detail slide shows (what is left to address), in this order of
preference; the others (a checklist of 17 steps, the shortlist, the critical path the
conclusion already names) stay in the reports."""

TITLE_LENGTH = 150
"""Characters: a conclusion longer than this is no title (three lines at the smallest size);
the analysis's name is, and the sentence goes under it."""

LONG_BULLET = 120
"""Characters: bullets this long on average go four to a slide, not six (a finding of the
RACI is two lines), so that they stay readable."""

LISTS_TO_ADDRESS = ("moments_of_truth", "findings")
"""The lists whose items are next steps (the closing slide counts them)."""

INFORMATION = "plan.severity.info"
"""The severity of a finding that is no step to take (« pour information »), as results write
it."""

COUNTED_BY = {("journey_mapping", "moments_of_truth"): "journey.moments_to_fix"}
"""Lists whose items are not all to address, and the key figure counting those that are (the
moments of truth to fix, not those to preserve)."""

FIGURE_TEXT = 40
"""A recommendation longer than this is not a key figure (its sentence is the slide's
title): « Sellsy » is, « Oui, il crée de la valeur (VAN positive après ajustement) » is not."""


@dataclass(frozen=True)
class DeckCover:
    """Who the deck is for and how it is written: the client, the language and currency, the
    consultant, the mission's name and the committee's date (None: not known)."""

    client: str
    lang: Lang
    currency: str = "EUR"
    consultant: str = ""
    mission: str = ""
    committee: dt.date | None = None


def build_deck(
    cover: DeckCover, results: Mapping[str, Results], comparison: Comparison | None = None
) -> Deck:
    """The deck of a run's ``results`` (by analysis) for ``cover``; ``comparison``: the run
    compared with the one presented at the last committee (None: the client's first run)."""
    lang = cover.lang
    ran = [name for name in declared_analyses() if name in results]
    studies = [name for name in ran if name not in PROJECT]
    project = [name for name in ran if name in PROJECT]
    changed = comparison is not None and not comparison.nothing_changed

    slides = [title_slide(cover)]
    agenda = [analysis_title(name, lang) for name in studies]
    if changed:
        agenda.insert(0, t("deck.agenda.changes", lang))
    if project:
        agenda.append(t("deck.agenda.project", lang))
    agenda.append(t("deck.agenda.closing", lang))
    agenda_title = t("deck.agenda.title", lang)
    slides += bullet_slides("agenda", agenda_title, agenda, lang, most=MAX_AGENDA)
    if changed:
        assert comparison is not None
        slides += changes_slides(comparison, cover)
    for name in [*studies, *project]:
        slides += analysis_slides(name, results[name], cover)
    slides += closing_slides(results, ran, cover)
    title = cover.mission or t("deck.cover.mission", lang)
    return Deck(f"{cover.client} — {title}", lang, tuple(slides))


# --- the slides ------------------------------------------------------------------------------


def title_slide(cover: DeckCover) -> Slide:
    """The mission's name as the title; under it the client, the committee's date and who
    presents it."""
    lang = cover.lang
    lines = [cover.client]
    if cover.committee is not None:
        lines.append(t("deck.cover.committee", lang, date=i18n.date(cover.committee, lang)))
    if cover.consultant:
        lines.append(t("deck.cover.by", lang, consultant=cover.consultant))
    title = cover.mission or t("deck.cover.mission", lang)
    return Slide("title", title, subtitle="\n".join(lines))


def analysis_slides(name: str, results: Results, cover: DeckCover) -> list[Slide]:
    """An analysis's headline slide (its first native chart) and its detail slides: each
    picture on a slide of its own (a map shrunk under the key figures cannot be read), the
    next native chart, what is left to address (or the rest of the conclusion)."""
    lang = cover.lang
    heading = analysis_title(name, lang)
    conclusion = results.conclusion
    native = [c for c in results.charts if c.kind != "image"]
    pictures = [c for c in results.charts if c.kind == "image"]
    first = conclusion[0] if conclusion else heading
    titled = len(plain(first)) <= TITLE_LENGTH
    headline = Slide(
        "headline",
        first if titled else heading,
        subtitle=heading if titled else "",  # the name once, not as title and kicker
        bullets=() if titled else (first,),
        figures=key_figures(results, cover),
        chart=native[0] if native else None,
        notes="\n".join(plain(sentence) for sentence in conclusion),
        analysis=name,
    )
    slides = [headline]
    slides += [
        Slide("detail", picture.title, subtitle=heading, chart=picture, analysis=name)
        for picture in pictures
    ]
    shown = shown_list(results)
    if len(native) > 1:
        second = conclusion[1] if len(conclusion) > 1 else native[1].title
        titled = len(plain(second)) <= TITLE_LENGTH
        slides.append(
            Slide(
                "detail",
                second if titled else native[1].title,
                subtitle=heading,
                bullets=() if titled else (second,),
                chart=native[1],
                analysis=name,
            )
        )
    elif len(conclusion) > 1 and shown is None:
        slides += bullet_slides("detail", heading, conclusion[1:], lang, analysis=name)
    if shown is not None:
        bullets = [item_text(item.label, item.detail, lang) for item in shown.items]
        title = t("deck.detail.list", lang, analysis=heading, list=shown.label)
        most = MAX_BULLETS if average_length(bullets) <= LONG_BULLET else 4
        slides += bullet_slides(
            "detail", title, bullets, lang, analysis=name, more_key="deck.detail.more", most=most
        )
    return slides


def average_length(texts: Sequence[str]) -> float:
    """The average length of ``texts`` (0 for none)."""
    return sum(len(text) for text in texts) / len(texts) if texts else 0.0


def changes_slides(comparison: Comparison, cover: DeckCover) -> list[Slide]:
    """What changed since the last committee: the key figures that moved, the recommendations
    that changed, the items that came and went (as many as fit; the rest in the changes'
    report)."""
    lang, currency = cover.lang, cover.currency
    res = comparison.results
    lines = [figure_line(f, lang, currency) for f in res.figures]
    lines += [
        t(
            "changes.recommendation",
            lang,
            label=r.label,
            old=r.old or t("changes.empty", lang),
            new=r.new or t("changes.empty", lang),
        )
        for r in res.recommendations
    ]
    for lst in res.lists:
        if lst.added:
            lines.append(
                tn(
                    "deck.changes.added",
                    len(lst.added),
                    lang,
                    count=len(lst.added),
                    list=lst.label,
                    analysis=analysis_title(lst.analysis, lang),
                )
            )
        if lst.removed:
            lines.append(
                tn(
                    "deck.changes.removed",
                    len(lst.removed),
                    lang,
                    count=len(lst.removed),
                    list=lst.label,
                    analysis=analysis_title(lst.analysis, lang),
                )
            )
    if not lines and comparison.inputs:
        lines.append(
            tn("deck.changes.inputs", len(comparison.inputs), lang, count=len(comparison.inputs))
        )
    slide = bullet_slides(
        "detail", t("deck.agenda.changes", lang), lines, lang, more_key="deck.changes.more"
    )
    return [
        Slide(s.kind, s.title, subtitle(comparison, lang), s.bullets, notes=s.notes) for s in slide
    ]


def closing_slides(
    results: Mapping[str, Results], ran: Sequence[str], cover: DeckCover
) -> list[Slide]:
    """The decisions to take (each analysis's recommendation, to approve) and the next steps
    (what each analysis leaves to address)."""
    lang = cover.lang
    decisions = [
        t(
            "deck.closing.answer" if rec.label.rstrip().endswith("?") else "deck.closing.decision",
            lang,
            label=rec.label,
            value=rec.value,
        )
        for name in ran
        for rec in results[name].recommendations
    ]
    steps = []
    for name in ran:
        for lst in results[name].lists:
            count = to_address(name, lst, results[name])
            if lst.key in LISTS_TO_ADDRESS and count:
                steps.append(
                    tn(
                        "deck.closing.to_address",
                        count,
                        lang,
                        count=count,
                        analysis=analysis_title(name, lang),
                        list=lst.label,
                    )
                )
    if not decisions and not steps:
        nothing = (t("deck.closing.nothing", lang),)
        return [Slide("closing", t("deck.closing.title", lang), bullets=nothing)]
    slides = []
    for key, said in (("deck.closing.decisions", decisions), ("deck.closing.steps", steps)):
        if said:
            slides += bullet_slides(
                "closing", t(key, lang), said, lang, more_key="deck.closing.more"
            )
    return slides


def to_address(analysis: str, items: ItemList, results: Results) -> int:
    """How many items of the list are left to address: as many as the key figure
    :data:`COUNTED_BY` names says, else the findings but those only « for information »."""
    key = COUNTED_BY.get((analysis, items.key))
    figure = results.figure(key) if key else None
    if figure is not None and isinstance(figure.value, int | float):
        return int(figure.value)
    information = t(INFORMATION, results.lang)
    return sum(item.detail != information for item in items.items)


def bullet_slides(
    kind: SlideKind,
    title: str,
    bullets: Sequence[str],
    lang: Lang,
    *,
    analysis: str = "",
    more_key: str = "",
    most: int = MAX_BULLETS,
) -> list[Slide]:
    """``bullets`` on one slide, or on as many as they need (``most`` each, the title
    numbered « (1/2) »). With ``more_key``, two slides at most: the last bullet says how many
    more there are (the catalog message ``more_key``, its ``count``)."""
    pages = [list(bullets[i : i + most]) for i in range(0, len(bullets), most)]
    pages = pages or [[]]
    if more_key and len(pages) > 2:
        rest = len(bullets) - (2 * most - 1)
        pages = [pages[0], [*pages[1][:-1], tn(more_key, rest, lang, count=rest)]]
    return [
        Slide(
            kind,
            title if len(pages) == 1 else f"{title} ({number}/{len(pages)})",
            bullets=tuple(page),
            analysis=analysis,
        )
        for number, page in enumerate(pages, start=1)
    ]


# --- words and figures -----------------------------------------------------------------------


def analysis_title(name: str, lang: Lang) -> str:
    """The analysis's title as the reports give it (« Coût total de possession »)."""
    analysis = declared_analyses().get(name)
    return t(analysis.title_key, lang) if analysis is not None else name


def key_figures(results: Results, cover: DeckCover) -> tuple[KeyFigure, ...]:
    """The figures a headline slide shows: the analysis's recommendations first (« Éditeur
    recommandé : Sellsy »), then its key figures in their order, as many as fit
    (:data:`MAX_FIGURES`); a figure that could not be computed is left out."""
    shown = [
        KeyFigure(rec.label, rec.value)
        for rec in results.recommendations
        if len(rec.value) <= FIGURE_TEXT
    ]
    for figure in results.figures:
        text = value_text(figure, cover)
        if text:
            shown.append(KeyFigure(figure.label, text))
    return tuple(shown[:MAX_FIGURES])


def value_text(figure: Figure, cover: DeckCover) -> str:
    """A figure's value as the reports write it (« 13 200 € », « 31,7 % », « 37 mois »), a
    date in words (« 1er septembre 2026 »); "" when it could not be computed."""
    value = figure.value
    if isinstance(value, str):
        try:
            return i18n.date(dt.date.fromisoformat(value), cover.lang)
        except ValueError:
            return value
    return figure_text(value, figure.unit, cover.lang, cover.currency)


def shown_list(results: Results) -> ItemList | None:
    """The list a detail slide shows: the first of :data:`LISTS_SHOWN` with items."""
    lists = {lst.key: lst for lst in results.lists if lst.items}
    return next((lists[key] for key in LISTS_SHOWN if key in lists), None)


def item_text(label: str, detail: str, lang: Lang) -> str:
    """An item as a bullet: its status first when it has one (« À corriger : La tâche … »),
    then its label."""
    return t("deck.item", lang, detail=detail, label=label) if detail else label


def plain(text: str) -> str:
    """``text`` without its ``**bold**`` marks (the speaker's notes are plain text)."""
    return text.replace("**", "")
