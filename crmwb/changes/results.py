"""What changed in a client's results between two runs: the key figures that moved (by how
much, and whether for the better), the recommendations that changed, the items added to and
removed from each list (findings added and resolved, moments of truth...), and the analyses
only one of the runs has.

Figures, recommendations and lists are matched by their stable keys and items by their ids
(:mod:`crmwb.deliver.results`), never by their labels: a run in another language compares too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from crmwb.core import i18n
from crmwb.core.i18n import Lang, t, tn
from crmwb.deliver.results import Better, Figure, Item, Results, Unit

Verdict = Literal["better", "worse", ""]

MINUS = "\u2212"
"""The minus sign of a signed change (« −3 000 € »): a true minus, not a hyphen."""


@dataclass(frozen=True)
class FigureChange:
    """A key figure of ``analysis`` whose value changed (``old`` or ``new`` None: it could not be
    computed in that run, or the run has no such figure)."""

    analysis: str
    key: str
    label: str
    unit: Unit
    better: Better
    old: float | int | str | None
    new: float | int | str | None

    @property
    def change(self) -> float | None:
        """``new - old`` when both are numbers, else None."""
        if is_number(self.old) and is_number(self.new):
            assert isinstance(self.old, int | float) and isinstance(self.new, int | float)
            return self.new - self.old
        return None

    @property
    def sign(self) -> int:
        """1 up, -1 down, 0 when the change is not a number."""
        change = self.change
        return 0 if not change else (1 if change > 0 else -1)

    @property
    def verdict(self) -> Verdict:
        """« better » or « worse » as the figure's ``better`` reads the change; "" when neither
        way is better, or the change is not a number."""
        if not self.sign or not self.better:
            return ""
        up_is_good = self.better == "higher"
        return "better" if (self.sign > 0) == up_is_good else "worse"


@dataclass(frozen=True)
class RecommendationChange:
    analysis: str
    key: str
    label: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ListChange:
    """The items of a list (``key``: « findings ») added in the new run and gone from it."""

    analysis: str
    key: str
    label: str
    added: tuple[Item, ...]
    removed: tuple[Item, ...]


@dataclass(frozen=True)
class ResultChanges:
    figures: tuple[FigureChange, ...] = ()
    recommendations: tuple[RecommendationChange, ...] = ()
    lists: tuple[ListChange, ...] = ()
    added: tuple[str, ...] = ()
    """Analyses with results in the new run only."""
    removed: tuple[str, ...] = ()
    """Analyses with results in the old run only."""

    def __bool__(self) -> bool:
        return bool(
            self.figures or self.recommendations or self.lists or self.added or self.removed
        )


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def same_value(a: object, b: object) -> bool:
    if is_number(a) and is_number(b):
        assert isinstance(a, int | float) and isinstance(b, int | float)
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def result_changes(old: Mapping[str, Results], new: Mapping[str, Results]) -> ResultChanges:
    """What moved from the results ``old`` to ``new`` (each by analysis), in the new run's
    order of analyses, figures and lists."""
    figures: list[FigureChange] = []
    recommendations: list[RecommendationChange] = []
    lists: list[ListChange] = []
    for name, now in new.items():
        was = old.get(name)
        if was is None:
            continue
        figures.extend(figure_changes(name, was.figures, now.figures))
        before = {r.key: r for r in was.recommendations}
        for rec in now.recommendations:
            prior = before.get(rec.key)
            if prior is None:
                continue
            moved = (rec.id != prior.id) if (rec.id and prior.id) else (rec.value != prior.value)
            if moved:
                recommendations.append(
                    RecommendationChange(name, rec.key, rec.label, prior.value, rec.value)
                )
        former = {lst.key: lst for lst in was.lists}
        for lst in now.lists:
            prior_list = former.get(lst.key)
            if prior_list is None:
                continue
            old_ids = {item.id for item in prior_list.items}
            new_ids = {item.id for item in lst.items}
            added = tuple(i for i in lst.items if i.id not in old_ids)
            removed = tuple(i for i in prior_list.items if i.id not in new_ids)
            if added or removed:
                lists.append(ListChange(name, lst.key, lst.label, added, removed))
    return ResultChanges(
        tuple(figures),
        tuple(recommendations),
        tuple(lists),
        added=tuple(n for n in new if n not in old),
        removed=tuple(n for n in old if n not in new),
    )


def figure_changes(
    analysis: str, old: Sequence[Figure], new: Sequence[Figure]
) -> list[FigureChange]:
    before = {f.key: f for f in old}
    found = []
    for figure in new:
        prior = before.get(figure.key)
        if prior is None or same_value(prior.value, figure.value):
            continue
        found.append(
            FigureChange(
                analysis,
                figure.key,
                figure.label,
                figure.unit,
                figure.better,
                prior.value,
                figure.value,
            )
        )
    return found


# --- as the client reads them ------------------------------------------------------------------


DURATIONS = {
    "years": "changes.unit.years",
    "months": "changes.unit.months",
    "days": "changes.unit.days",
}


def figure_text(value: float | int | str | None, unit: Unit, lang: Lang, currency: str) -> str:
    """A figure's value as a report writes it: « 12 400 € », « 8,5 % », « 3,2 ans »; "" when
    it could not be computed."""
    if value is None:
        return ""
    if not is_number(value):
        return str(value)
    assert isinstance(value, int | float)
    if unit == "EUR":
        return i18n.money(value, currency, lang)
    if unit == "%":
        return i18n.percent(value, lang, decimals=percent_decimals(value))
    if unit in DURATIONS:
        shown = i18n.number(value, lang, decimals=1 if round(value, 1) % 1 else 0)
        return tn(DURATIONS[unit], i18n.plural_count(round(value, 1), lang), lang, value=shown)
    if unit == "points":
        shown = i18n.number(value, lang, decimals=1 if round(value, 1) % 1 else 0)
        return tn(
            "changes.unit.points", i18n.plural_count(round(value, 1), lang), lang, value=shown
        )
    if unit == "count":
        return i18n.number(value, lang)
    if unit in ("ratio", "score"):
        return i18n.number(value, lang, decimals=2)
    return i18n.decimal(round(value, 4), lang)


def percent_decimals(fraction: float) -> int:
    """One decimal when the percentage needs it (8,5 %), none otherwise (20 %)."""
    return 0 if round(fraction * 100, 1) % 1 == 0 else 1


def change_text(figure: FigureChange, lang: Lang, currency: str) -> str:
    """The signed change of a figure: « +12 400 € », « −1,5 point » (a percentage's change is in
    points); "" when it is not a number."""
    change = figure.change
    if change is None:
        return ""
    sign = "+" if change > 0 else MINUS if change < 0 else ""
    size = abs(change)
    if figure.unit == "%":
        points = round(size * 100, 1)
        shown = i18n.number(points, lang, decimals=0 if points % 1 == 0 else 1)
        return sign + tn("changes.unit.points", i18n.plural_count(points, lang), lang, value=shown)
    return sign + figure_text(size, figure.unit, lang, currency)


def verdict_text(figure: FigureChange, lang: Lang) -> str:
    return t(f"changes.verdict.{figure.verdict}", lang) if figure.verdict else ""
