"""The deck of a run, written: ``deck.pptx`` in the run folder (by ``crmwb run``, from the run's
results), or wherever ``crmwb deck`` is told (another run, the firm's template, another title or
date).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmwb.changes.deliverable import Comparison
from crmwb.core.i18n import Lang
from crmwb.deck.build import DeckCover, build_deck
from crmwb.deliver.pack import DECK
from crmwb.deliver.results import load_results
from crmwb.workbook.about import About

__all__ = ["DECK", "deck_cover", "write_run_deck"]


def deck_cover(
    about: About,
    lang: Lang,
    *,
    mission: str | None = None,
    committee: dt.date | None = None,
) -> DeckCover:
    """The deck's cover from the client's About sheet, ``mission`` and ``committee`` (the
    command line's ``--title`` and ``--date``) winning over its fields."""
    return DeckCover(
        client=about.client_name,
        lang=lang,
        currency=about.currency,
        consultant=about.consultant,
        mission=mission or about.mission,
        committee=committee or about.committee,
    )


def write_run_deck(
    run_folder: Path,
    cover: DeckCover,
    comparison: Comparison | None = None,
    *,
    target: Path | None = None,
    template: Path | None = None,
) -> Path:
    """Write the deck of the run in ``run_folder`` (its results, and what changed since the
    run ``comparison`` compares it with) to ``target`` (default: the run's ``deck.pptx``), on
    the firm's ``template``; returns the file written."""
    from crmwb.deck.pptx import write_deck

    deck = build_deck(cover, load_results(run_folder), comparison)
    return write_deck(deck, target or run_folder / DECK, template=template, images=run_folder)
