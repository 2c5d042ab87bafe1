"""The steering-committee deck as data, independent of PowerPoint: slides made of a title,
bullets, key figures, a chart (its series: :class:`~crmwb.deliver.results.ChartData`) or a
table. :mod:`crmwb.deck.build` makes a :class:`Deck` from a run's results;
:mod:`crmwb.deck.pptx` writes it as a .pptx (native charts and tables, the firm's template).

Every text is final, in the client's language: numbers already written the client's way
(« 13 200 € »), ``**bold**`` the only markup of bullets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from crmwb.core.i18n import Lang
from crmwb.deliver.results import ChartData

MAX_BULLETS = 6
"""Bullets on one slide at most: more go to a second slide."""

MAX_AGENDA = 8
"""Items of the agenda on one slide at most (short lines: a few more than other bullets)."""


def most_bullets(kind: str) -> int:
    """The bullets a slide of ``kind`` holds at most."""
    return MAX_AGENDA if kind == "agenda" else MAX_BULLETS


MAX_FIGURES = 4
"""Key figures on one slide at most."""

SlideKind = Literal["title", "agenda", "section", "headline", "detail", "closing"]
"""A slide's part in the deck: the title slide (the client, the mission, the committee's date,
the consultant), the agenda, a section's divider, an analysis's headline (its conclusion as the
title, its key figures, its main chart), a detail (a table or a second chart, or bullets), the
closing slide (decisions to take and next steps)."""


@dataclass(frozen=True)
class KeyFigure:
    """A figure as the slide shows it: ``value`` written the client's way (« 13 200 € »), its
    ``label`` (« Licence ») and an optional ``note`` under it (« coût total sur 7 ans »)."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class TableData:
    """A native table: its column titles and rows of text (numbers already written), which
    columns hold numbers (right-aligned), and a ``note`` under it (« 10 premiers sur 30 »)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Slide:
    """One slide: its ``kind``, ``title`` and ``subtitle``; ``bullets`` (at most
    :data:`MAX_BULLETS`), key ``figures`` (at most :data:`MAX_FIGURES`), a ``chart`` or a
    ``table``; the speaker's ``notes``; the analysis it comes from (``analysis``, "" for the
    deck's own slides)."""

    kind: SlideKind
    title: str
    subtitle: str = ""
    bullets: tuple[str, ...] = ()
    figures: tuple[KeyFigure, ...] = ()
    chart: ChartData | None = None
    table: TableData | None = None
    notes: str = ""
    analysis: str = ""


@dataclass(frozen=True)
class Deck:
    """The deck: its title (the client and the mission), language and slides, in order."""

    title: str
    lang: Lang
    slides: tuple[Slide, ...]
