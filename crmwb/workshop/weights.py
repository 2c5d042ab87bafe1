"""The weights workshop: ipywidgets forms that capture the pairwise comparisons of the
criteria with the client, live.

:class:`PairwiseForm` puts one slider per pair of criteria of one scope (the criterion groups,
or the criteria of one group), on Saaty's 1-9 scale marked under it, from "9 times more
important: A" to "9 times more important: B", what the position means under it ("Price ×3"),
and shows, as the sliders move, the scope's AHP weights and consistency ratio, and when the
ratio is above Saaty's 0.10 the comparisons to revise first, in the words of the sliders. Every
word wraps rather than being cut, and a form fits the notebook of a 1280-pixel screen with
JupyterLab's file browser open. :class:`WeightsWorkshop` holds a form per scope, the overall
weights (group weight x weight within the group), an undo of the last moves, and one "Save to
workbook" for the whole workshop (:func:`weights_workshop` binds it to
:func:`crmwb.vendors.criteria_sheets.save_pairwise`: every scope's rows in one save, in place).

A workshop starts where a first workshop starts: criteria listed, no comparison yet (every
pair equal, the form says how many are not in the workbook); with nothing to compare, or a
Criteria sheet that cannot be read, the workshop shows why, never a traceback.

"Undo" and "Save to workbook" act once the slider positions sent before the click have reached
the kernel (:class:`~crmwb.workshop.gestures.Gestures`): in a browser, a click can reach the
kernel before the last position of a slider moved just before it, and the click then saved, or
undid, the position before.

Everything is driven from tests by setting widget values and clicking buttons, no browser.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any, Literal

from crmwb.core.errors import CrmwbError, Text, msg, render
from crmwb.core.i18n import DEFAULT_LANG, Lang, decimal, number, percent, quoted, t, tn
from crmwb.vendors.weights import (
    MOST_INCONSISTENT_SHOWN,
    AhpResult,
    PairwiseComparisons,
    ahp_weights,
)
from crmwb.workshop.gestures import Gestures

if TYPE_CHECKING:
    from crmwb.vendors.criteria_sheets import WorkshopCriteria

SAATY_STEPS: tuple[int, ...] = (9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9)
"""Slider positions, left (A more important) to right (B more important)."""
MIDDLE = SAATY_STEPS.index(1)


def position_to_ratio(position: int) -> float:
    """How much more important A is than B at slider ``position`` (0..16).

    >>> position_to_ratio(0), position_to_ratio(8), position_to_ratio(10)
    (9.0, 1.0, 0.3333333333333333)
    """
    step = SAATY_STEPS[position]
    return float(step) if position <= MIDDLE else 1.0 / step


def ratio_to_position(ratio: float) -> int:
    """The slider position nearest to ``ratio`` (A / B).

    >>> ratio_to_position(3), ratio_to_position(1), ratio_to_position(1 / 5)
    (6, 8, 12)
    """
    positions = range(len(SAATY_STEPS))
    return min(positions, key=lambda p: abs(math.log(position_to_ratio(p)) - math.log(ratio)))


def position_label(position: int, first: str, second: str, lang: Lang = DEFAULT_LANG) -> str:
    """What a slider position means, in words the client understands.

    >>> position_label(6, "Price", "Support", "en")
    'Price ×3'
    """
    step = SAATY_STEPS[position]
    if step == 1:
        return t("workshop.pairwise.equal", lang, first=first, second=second)
    more = first if position < MIDDLE else second
    return t("workshop.pairwise.more", lang, more=more, step=step)


def ratio_label(ratio: float, first: str, second: str, lang: Lang = DEFAULT_LANG) -> str:
    """A ratio of importance (``first`` / ``second``) in the words of the sliders, to one
    decimal: what the weights would have a slider say.

    >>> ratio_label(0.625, "Price", "Support", "en"), ratio_label(1.02, "Price", "Support", "en")
    ('Support ×1.6', 'Price = Support')
    """
    more, step = (first, ratio) if ratio >= 1 else (second, 1 / ratio)
    if round(step, 1) == 1:
        return t("workshop.pairwise.equal", lang, first=first, second=second)
    return t("workshop.pairwise.more", lang, more=more, step=decimal(round(step, 1), lang))


SLIDER_WIDTH = 320
"""Pixels: a slider, and the scale marked under it."""

NAME_WIDTH = 240
"""Pixels, at most: the name on either side of a slider (a longer one wraps). Two of them and a
slider fit the notebook of a 1280-pixel screen with JupyterLab's file browser open."""

ERROR_COLOUR, DONE_COLOUR = "#C00000", "#385723"

CELL = "padding:2px 8px"
"""The padding of a table cell of the workshop."""


def scale_marks() -> str:
    """The HTML of Saaty's scale under a slider: 9 7 5 3 1 3 5 7 9, each under its position."""
    marks = "".join(
        f"<span style='width:0;display:flex;justify-content:center'>{step}</span>"
        for step in SAATY_STEPS[::2]
    )
    return (
        f"<div style='display:flex;justify-content:space-between;width:{SLIDER_WIDTH - 16}px;"
        f"margin:0 8px;font-size:11px;line-height:14px;color:#595959'>{marks}</div>"
    )


def _said(text: str, style: str) -> str:
    """``text`` in a block of its own, wrapping (a widget's label would cut it with "…")."""
    return f"<div style='line-height:1.3;{style}'>{html.escape(text)}</div>"


class PairwiseForm:
    """Sliders for every pair of ``items`` (criteria of one group, or the groups: ``of``
    "criterion" or "group", the heading of the weights' table), with the AHP weights and
    consistency ratio recomputed at every move. ``on_move(slider, old)`` is told of every move
    (the workshop's undo and overall weights).

    A pair's row: the first item, the slider with Saaty's scale under it and what its position
    means under the scale ("Price ×3"), the second item; :attr:`sliders` and :attr:`meanings`
    by pair."""

    def __init__(
        self,
        items: Sequence[str],
        initial: PairwiseComparisons | None = None,
        title: str = "",
        lang: Lang = DEFAULT_LANG,
        on_move: Callable[[Any, int], None] | None = None,
        of: Literal["criterion", "group"] = "criterion",
    ) -> None:
        import ipywidgets as w

        if len(items) < 2:
            raise CrmwbError(msg("workshop.pairwise.too_few"), found=str(len(items)), lang=lang)
        self.lang = lang
        self.of = of
        self.items = tuple(items)
        self.pairs = tuple(combinations(self.items, 2))
        self.on_move = on_move
        self.sliders: dict[tuple[str, str], Any] = {}
        self.meanings: dict[tuple[str, str], Any] = {}

        def name(text: str, align: str) -> Any:
            # the first item in a column of its own (the sliders one under the other), the
            # second as wide as it needs, both wrapping past NAME_WIDTH
            fixed = {"width": f"{NAME_WIDTH}px", "flex": "0 0 auto"} if align == "right" else {}
            layout = w.Layout(**{"max_width": f"{NAME_WIDTH}px", "min_width": "0", **fixed})
            return w.HTML(_said(text, f"text-align:{align};padding-top:5px"), layout=layout)

        rows = []
        for first, second in self.pairs:
            ratio = initial.value(first, second) if initial is not None else 1.0
            slider = w.IntSlider(
                value=ratio_to_position(ratio),
                min=0,
                max=len(SAATY_STEPS) - 1,
                readout=False,
                continuous_update=True,
                layout=w.Layout(width=f"{SLIDER_WIDTH}px"),
            )
            meaning = w.HTML(layout=w.Layout(width=f"{SLIDER_WIDTH}px"))
            self._show_meaning(meaning, slider.value, first, second)
            slider.observe(self._moved(meaning, first, second), names="value")
            self.sliders[(first, second)] = slider
            self.meanings[(first, second)] = meaning
            rows.append(
                w.HBox(
                    [
                        name(first, "right"),
                        w.VBox([slider, w.HTML(scale_marks()), meaning]),
                        name(second, "left"),
                    ]
                )
            )
        self.result_view = w.HTML()
        header = [w.HTML(f"<h3>{html.escape(title)}</h3>")] if title else []
        self.widget = w.VBox([*header, *rows, self.result_view])
        self._refresh()

    def _show_meaning(self, view: Any, position: int, first: str, second: str) -> None:
        text = position_label(position, first, second, self.lang)
        view.value = _said(text, "text-align:center;font-weight:bold;padding:2px 0 6px")

    def _moved(self, view: Any, first: str, second: str) -> Callable[[dict[str, Any]], None]:
        def handler(change: dict[str, Any]) -> None:
            self._show_meaning(view, change["new"], first, second)
            self._refresh()
            if self.on_move is not None:
                self.on_move(change["owner"], change["old"])

        return handler

    def comparisons(self) -> PairwiseComparisons:
        """The comparisons the sliders show (reciprocals filled)."""
        upper = [
            [position_to_ratio(self.sliders[(a, b)].value) for b in self.items[i + 1 :]]
            for i, a in enumerate(self.items[:-1])
        ]
        return PairwiseComparisons.from_upper_triangle(self.items, upper)

    def result(self) -> AhpResult:
        return ahp_weights(self.comparisons())

    def _refresh(self) -> None:
        result = self.result()
        lang = self.lang
        header = "".join(
            f"<th style='text-align:{align};{CELL}'>{html.escape(t(key, lang))}</th>"
            for key, align in (
                (f"workshop.pairwise.col.{self.of}", "left"),
                (f"workshop.pairwise.col.weight_{self.of}", "right"),
            )
        )
        rows = "".join(
            f"<tr><td style='{CELL}'>{html.escape(name)}</td>"
            f"<td style='text-align:right;{CELL}'>{html.escape(percent(weight, lang, decimals=1))}"
            "</td></tr>"
            for name, weight in sorted(result.priorities.items(), key=lambda kv: -kv[1])
        )
        key = "consistent" if result.is_consistent else "inconsistent"
        colour = "#548235" if result.is_consistent else ERROR_COLOUR
        verdict = t(
            f"workshop.pairwise.{key}",
            lang,
            ratio=number(result.consistency_ratio, lang, decimals=3),
            threshold=number(0.10, lang, decimals=2),
        )
        self.result_view.value = (
            f"<table><tr>{header}</tr>{rows}</table>"
            f"<p style='color:{colour}'>{html.escape(verdict)}</p>{self._to_revise(result)}"
        )

    def _to_revise(self, result: AhpResult) -> str:
        """The HTML of the comparisons to revise first, the furthest from the weights, when the
        form is inconsistent (nothing otherwise): each as its slider says it, and as the
        weights would ("Support ×1.6")."""
        if result.is_consistent:
            return ""
        lang = self.lang
        items = "".join(
            "<li>"
            + html.escape(
                t(
                    "workshop.pairwise.revise_item",
                    lang,
                    first=item.row,
                    second=item.column,
                    shown=position_label(
                        self.sliders[(item.row, item.column)].value, item.row, item.column, lang
                    ),
                    consistent=ratio_label(item.consistent, item.row, item.column, lang),
                )
            )
            + "</li>"
            for item in result.inconsistencies[:MOST_INCONSISTENT_SHOWN]
        )
        said = html.escape(t("workshop.pairwise.revise", lang))
        return (
            f"<p style='margin-bottom:0'>{said}</p>"
            f"<ul style='margin-top:2px;line-height:1.4'>{items}</ul>"
        )


class WeightsWorkshop:
    """The weights workshop: a :class:`PairwiseForm` per scope of ``start`` (the criterion
    groups first, then each group of two criteria or more), the overall weights, undo of the
    last moves (the moves of one slider in a row are one step), and one "Save to workbook"
    handing every scope's comparisons to ``on_save`` at once. ``problem``: why there is nothing
    to weigh (the workshop shows it instead of the forms).

    A click on :attr:`undo_button` or :attr:`save_button` acts a moment later
    (:attr:`gestures`), once the slider positions sent before it have reached the kernel: what
    the sliders show is what is saved, and the move undone is the last one made."""

    def __init__(
        self,
        start: WorkshopCriteria | None,
        on_save: Callable[[dict[str, PairwiseComparisons]], Text] | None = None,
        lang: Lang = DEFAULT_LANG,
        problem: str = "",
    ) -> None:
        import ipywidgets as w

        from crmwb.vendors.sheet_layout import GROUPS_SCOPE

        self.lang = lang
        self._on_save = on_save
        self._history: list[tuple[Any, int]] = []
        self._undoing = False
        # a click acts once the positions sent before it have arrived (every move is one)
        self.gestures = Gestures()
        self.groups = dict(start.groups) if start is not None else {}
        self.forms: dict[str, PairwiseForm] = {}
        if start is not None:
            for scope, comparisons in start.comparisons.items():
                of: Literal["criterion", "group"] = "criterion"
                if scope == GROUPS_SCOPE:
                    title, of = t("workshop.pairwise.groups", lang), "group"
                else:
                    title = t("workshop.pairwise.within", lang, group=quoted(scope, lang))
                self.forms[scope] = PairwiseForm(
                    comparisons.criteria, comparisons, title, lang, self._moved, of
                )
        self.status = w.HTML()
        self.overall = w.HTML()
        undo = w.Button(description=t("workshop.undo", lang), icon="undo")
        undo.on_click(lambda _button: self.gestures.later(self.undo))
        save = w.Button(description=t("workshop.save", lang), icon="save", button_style="primary")
        save.on_click(lambda _button: self.gestures.later(self.save))
        save.layout.width = "auto"  # the label whole, in either language
        self.undo_button, self.save_button = undo, save
        self.buttons = w.HBox([undo, save, self.status])
        notes = []
        if problem or not self.forms:
            sheet = quoted(t("sheet.criteria", lang), lang)
            message = problem or t("workshop.pairwise.nothing", lang, sheet=sheet)
            notes.append(w.HTML(f"<p style='color:{ERROR_COLOUR}'>{html.escape(message)}</p>"))
        elif start is not None and (missing := sum(start.missing.values())):
            text = tn("workshop.pairwise.not_given", missing, lang, count=number(missing, lang))
            notes.append(w.HTML(f"<p><i>{html.escape(text)}</i></p>"))
        forms = [form.widget for form in self.forms.values()]
        self.widget = w.VBox([*notes, *forms, self.overall, self.buttons] if self.forms else notes)
        self._show_overall()

    def overall_weights(self) -> dict[tuple[str, str], float]:
        """(group, criterion) -> the criterion's overall weight: its group's weight x its weight
        within the group (a group of one criterion: 1 within; a single group: 1)."""
        from crmwb.vendors.sheet_layout import GROUPS_SCOPE

        groups_form = self.forms.get(GROUPS_SCOPE)
        group_weights = (
            groups_form.result().priorities if groups_form else dict.fromkeys(self.groups, 1.0)
        )
        weights = {}
        for group, names in self.groups.items():
            form = self.forms.get(group)
            within = form.result().priorities if form else dict.fromkeys(names, 1.0)
            for name in names:
                weights[(group, name)] = group_weights[group] * within[name]
        return weights

    def _show_overall(self) -> None:
        lang = self.lang
        header = "".join(
            f"<th style='text-align:{align};padding:2px 8px'>"
            f"{html.escape(t(f'workshop.pairwise.col.{key}', lang))}</th>"
            for key, align in (("group", "left"), ("criterion", "left"), ("overall", "right"))
        )
        rows = "".join(
            f"<tr><td style='padding:2px 8px'>{html.escape(group)}</td>"
            f"<td style='padding:2px 8px'>{html.escape(name)}</td>"
            f"<td style='text-align:right;padding:2px 8px'>"
            f"{html.escape(percent(weight, lang, decimals=1))}</td></tr>"
            for (group, name), weight in self.overall_weights().items()
        )
        title = html.escape(t("workshop.pairwise.overall", lang))
        self.overall.value = f"<h3>{title}</h3><table><tr>{header}</tr>{rows}</table>"

    def _moved(self, slider: Any, old: int) -> None:
        self.gestures.arrived()  # a position from the browser: a click waiting waits for more
        if not self._undoing and not (self._history and self._history[-1][0] is slider):
            self._history.append((slider, old))
        self._show_overall()
        if not self._undoing:
            self._say("")

    def undo(self) -> None:
        """The slider moved last back where it was before its moves."""
        if not self._history:
            self._say(t("workshop.nothing_to_undo", self.lang))
            return
        slider, old = self._history.pop()
        self._undoing = True
        try:
            slider.value = old
        finally:
            self._undoing = False
        self._say(t("workshop.undone", self.lang))

    def comparisons(self) -> dict[str, PairwiseComparisons]:
        """Every scope's comparisons, as the sliders show them."""
        return {scope: form.comparisons() for scope, form in self.forms.items()}

    def save(self) -> None:
        """Hand every scope's comparisons to the save callback, and say what it did (or why
        it could not)."""
        if self._on_save is None:
            self._say(t("workshop.no_workbook", self.lang), error=True)
            return
        try:
            self._say(render(self._on_save(self.comparisons()), self.lang))
        except CrmwbError as exc:
            self._say(exc.message(self.lang), error=True)

    def _say(self, message: str, *, error: bool = False) -> None:
        colour = ERROR_COLOUR if error else DONE_COLOUR
        self.status.value = (
            f"<span style='color:{colour};margin-left:8px'>{html.escape(message)}</span>"
            if message
            else ""
        )


def weights_workshop(workbook: FilePath, lang: Lang | None = None) -> WeightsWorkshop:
    """The weights workshop on a client's workbook: the criteria of its Criteria sheet, the
    comparisons of its Pairwise sheet as far as it gives them, saved back there. It speaks
    ``lang`` (default: the workbook's language). What keeps it from starting (no criteria, a
    bad cell of the Criteria sheet, a workbook that cannot be read) is said in the workshop."""
    from crmwb.vendors.criteria_sheets import criteria_for_workshop, save_pairwise
    from crmwb.workbook.reader import read_workbook

    try:
        reader = read_workbook(workbook)
    except CrmwbError as exc:
        shown: Lang = lang or exc.lang or DEFAULT_LANG
        return WeightsWorkshop(None, lang=shown, problem=exc.message(shown))
    lang = lang or reader.lang
    try:
        start = criteria_for_workshop(reader)
    except CrmwbError as exc:
        return WeightsWorkshop(None, lang=lang, problem=exc.message(lang))

    def on_save(comparisons: dict[str, PairwiseComparisons]) -> Text:
        return save_pairwise(workbook, comparisons, lang)

    return WeightsWorkshop(start, on_save, lang)
